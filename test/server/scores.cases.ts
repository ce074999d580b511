import { readAssessment, scoreAssessment } from '../../src/domain';
import { toScoreDocument } from '../../src/api';
import { as, getReports, postBatch, scoresUrl, type Json } from './client';
import { fixtureAssessment } from './fixtures';
import { useHarness, type DbKind } from './harness';

function model() {
  const read = readAssessment(fixtureAssessment());
  if (!read.ok) throw new Error('fixture does not read');
  return read.value;
}

export function scoreCases(kind: DbKind): void {
  const h = useHarness(kind);
  const scores = async (username = 'pte.reporter', round = 6, lang?: string) =>
    h.app.inject({ method: 'GET', url: scoresUrl(round) + (lang ? `?lang=${lang}` : ''), headers: await as(h, username) });

  test('the scores equal scoreAssessment on the stored rows, in the document of `scorebook score --json`', async () => {
    await postBatch(h, 'central', [{ indicatorId: '2', value: { den: '๕๐' }, baseVersion: 0 }]);
    await postBatch(h, 'pte.reporter', [
      { indicatorId: '1', value: '๘๗', baseVersion: 0 },
      { indicatorId: '2', value: { num: 40 }, baseVersion: 1 },
      { indicatorId: '3', value: [true, true, true, false, false], baseVersion: 0 },
      { indicatorId: '4.1', value: 2.5, baseVersion: 0 },
    ], { action: 'submit' });
    const res = await scores();
    expect(res.statusCode).toBe(200);
    const stored = await getReports(h, 'pte.reporter');
    const results = Object.fromEntries(stored.map((r) => [r.indicatorId, r.value]));
    const expected = scoreAssessment(model(), { results, round: 6, submittedAt: h.clock.now.toISOString() });
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(toScoreDocument(expected, [], 'th'))));
    expect(res.json().total).toBeCloseTo(expected.total as number, 12);
    expect(res.json().indicators.find((i: Json) => i.id === '1')).toMatchObject({ value: 87, status: 'scored', score: 2.4 });
    expect(res.json().penalty).toBe(0);
  });

  test('late rows: the penalty counts working days from the round\'s close to the last submission', async () => {
    // Round 12 closed Friday 15 March 2024; submitted Wednesday 20 March: 3 working days late (18, 19, 20).
    h.clock.now = new Date('2024-03-20T03:00:00Z');
    h.forgetTokens();
    const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 100, baseVersion: 0 }], { round: 12, action: 'submit' });
    expect(res.json().late).toBe(true);
    const doc = (await scores('pte.reporter', 12, 'en')).json();
    expect(doc.workingDaysLate).toBe(3);
    expect(doc.penalty).toBeCloseTo(0.15, 12);
    expect(doc.total).toBeCloseTo(doc.totalBeforePenalty - 0.15, 12);
    expect(doc.issues.map((i: Json) => i.code)).toContain('late-submission');
  });

  test('no rows yet: every indicator not reported', async () => {
    const doc = (await scores()).json();
    expect(doc.indicators.filter((i: Json) => i.parent === null).every((i: Json) => i.status === 'not-reported')).toBe(true);
  });
}

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
    await postBatch(
      h,
      'pte.reporter',
      [
        { indicatorId: '1', value: '๘๗', baseVersion: 0 },
        { indicatorId: '2', value: { num: 40 }, baseVersion: 1 },
        { indicatorId: '3', value: [true, true, true, false, false], baseVersion: 0 },
        { indicatorId: '4.1', value: 2.5, baseVersion: 0 },
      ],
      { action: 'submit' },
    );
    const res = await scores();
    expect(res.statusCode).toBe(200);
    const stored = await getReports(h, 'pte.reporter');
    const results = Object.fromEntries(stored.map((r) => [r.indicatorId, r.value]));
    const statuses = Object.fromEntries(stored.map((r) => [r.indicatorId, r.status]));
    const expected = scoreAssessment(model(), { results, round: 6, submittedAt: h.clock.now.toISOString(), statuses });
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(toScoreDocument(expected, [], 'th'))));
    expect(res.json().total).toBeCloseTo(expected.total as number, 12);
    expect(res.json().indicators.find((i: Json) => i.id === '1')).toMatchObject({ value: 87, status: 'scored', score: 2.4 });
    expect(res.json().penalty).toBe(0);
  });

  test("late rows: the penalty counts working days from the round's close to the last submission", async () => {
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

  test('the official total counts approved rows only: submitted, draft and returned rows score as not reported', async () => {
    await postBatch(
      h,
      'pte.reporter',
      [
        { indicatorId: '1', value: 87, baseVersion: 0 },
        { indicatorId: '3', value: [true, true, true, false, false], baseVersion: 0 },
        { indicatorId: '4.1', value: 5, baseVersion: 0 },
      ],
      { action: 'submit' },
    );
    await postBatch(h, 'pte.reporter', [{ indicatorId: '4.2', value: 2, baseVersion: 0 }]);
    const review = async (id: string, decision: string, payload: Record<string, unknown>) =>
      h.app.inject({
        method: 'POST',
        url: `${scoresUrl(6).replace(/scores$/, 'reports')}/${id}/${decision}`,
        headers: await as(h, 'pte.approver'),
        payload,
      });
    expect((await review('1', 'approve', {})).statusCode).toBe(200);
    expect((await review('3', 'return', { comment: 'แนบหลักฐาน', version: 1 })).statusCode).toBe(200);
    const doc = (await scores()).json();
    const certifiedOnly = scoreAssessment(model(), { results: { '1': 87 }, round: 6 });
    expect(doc.official.total).toBeCloseTo(certifiedOnly.total as number, 12);
    expect(doc.total).toBeGreaterThan(doc.official.total);
    const row = (id: string) => doc.indicators.find((i: Json) => i.id === id);
    expect([row('1'), row('3'), row('4.1'), row('4.2'), row('2')].map((r: Json) => [r.reportStatus, r.counted])).toEqual([
      ['approved', true],
      ['returned', false],
      ['submitted', false],
      ['draft', false],
      [null, false],
    ]);
  });

  test('no rows: the official total is there too, and every indicator not reported in both', async () => {
    const doc = (await scores()).json();
    expect(doc.official).toEqual({ total: doc.total, totalBeforePenalty: doc.totalBeforePenalty, penalty: 0 });
  });

  test('central staff entering central data after the 12-month round closed never make the unit late', async () => {
    h.clock.now = new Date('2024-03-11T03:00:00Z');
    h.forgetTokens();
    await postBatch(
      h,
      'pte.reporter',
      [
        { indicatorId: '1', value: 100, baseVersion: 0 },
        { indicatorId: '2', value: { num: 40 }, baseVersion: 0 },
      ],
      { round: 12, action: 'submit' },
    );
    // Wednesday 20 March: three working days after the close, the central office sends the denominator.
    h.clock.now = new Date('2024-03-20T03:00:00Z');
    h.forgetTokens();
    const central = await postBatch(h, 'central', [{ indicatorId: '2', value: { den: 50 }, baseVersion: 1 }], { round: 12 });
    expect(central.json().results[0]).toMatchObject({ outcome: 'accepted' });
    const doc = (await scores('pte.reporter', 12, 'en')).json();
    expect(doc.indicators.find((i: Json) => i.id === '2')).toMatchObject({ status: 'scored', value: 80 });
    expect(doc).toMatchObject({ workingDaysLate: 0, penalty: 0 });
  });

  test('no rows yet: every indicator not reported', async () => {
    const doc = (await scores()).json();
    expect(doc.indicators.filter((i: Json) => i.parent === null).every((i: Json) => i.status === 'not-reported')).toBe(true);
  });
}

/**
 * The round's overview (GET …/rounds/{round}/overview) and a unit's history (GET …/units/{unit}/history): totals
 * equal the scores route's for the same unit and round, statuses counted (not started = due with no row), the
 * previous round's total, who may read them, and the history across an assessment and its predecessor.
 */
import { randomUUID } from 'node:crypto';
import { as, postBatch, scoresUrl, type Json } from './client';
import { AID, fixtureAssessment } from './fixtures';
import { useHarness, type DbKind, type Harness } from './harness';

const overviewUrl = (round = 6, aid = AID) => `/api/v1/assessments/${aid}/rounds/${round}/overview`;
const historyUrl = (unit = 'pte', aid = AID) => `/api/v1/assessments/${aid}/units/${unit}/history`;

async function get(h: Harness, user: string, path: string): Promise<{ status: number; body: Json }> {
  const res = await h.app.inject({ method: 'GET', url: path, headers: await as(h, user) });
  return { status: res.statusCode, body: res.json() };
}

async function putAssessment(h: Harness, doc: Record<string, unknown>): Promise<void> {
  const res = await h.app.inject({
    method: 'PUT',
    url: `/api/v1/assessments/${String(doc.id)}`,
    headers: await as(h, 'central'),
    payload: doc,
  });
  if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`PUT assessment: ${res.statusCode} ${res.body}`);
}

async function approve(h: Harness, unit: string, indicator: string, round = 6, aid = AID): Promise<void> {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${aid}/rounds/${round}/units/${unit}/reports/${indicator}/approve`,
    headers: await as(h, `${unit}.approver`),
    payload: {},
  });
  if (res.statusCode !== 200) throw new Error(`approve: ${res.statusCode} ${res.body}`);
}

export function overviewCases(kind: DbKind): void {
  const h = useHarness(kind);

  /** pte: 1 approved, 3 submitted, 4.1 a draft, 4.2 returned, 2 not started; cbi: 1 submitted only. */
  async function fill(): Promise<void> {
    const sent = await postBatch(
      h,
      'pte.reporter',
      [
        { indicatorId: '1', value: 87, baseVersion: 0 },
        { indicatorId: '3', value: [true, true, true, false, false], baseVersion: 0 },
        { indicatorId: '4.2', value: 7, baseVersion: 0 },
      ],
      { action: 'submit' },
    );
    expect(sent.statusCode).toBe(200);
    await postBatch(h, 'pte.reporter', [{ indicatorId: '4.1', value: '๓', baseVersion: 0 }]);
    await approve(h, 'pte', '1');
    const returned = await h.app.inject({
      method: 'POST',
      url: `/api/v1/assessments/${AID}/rounds/6/units/pte/reports/4.2/return`,
      headers: await as(h, 'pte.approver'),
      payload: { comment: 'ขอหลักฐาน' },
    });
    expect(returned.statusCode).toBe(200);
    await postBatch(h, 'cbi.reporter', [{ indicatorId: '1', value: 95, baseVersion: 0 }], { unit: 'cbi', action: 'submit' });
  }

  test('central staff see every unit; the totals, subtotals and per-indicator scores are the scores route’s', async () => {
    await fill();
    const { status, body } = await get(h, 'central', overviewUrl());
    expect(status).toBe(200);
    expect(body).toMatchObject({ assessment: AID, version: 1, round: 6, previousRound: null, groups: [] });
    expect(body.units.map((u: Json) => [u.unit, u.name])).toEqual([
      ['pte', 'จังหวัดปทุมธานี'],
      ['cbi', 'จังหวัดชลบุรี'],
    ]);
    expect(body.indicators.map((i: Json) => i.id)).toEqual(['1', '2', '3', '4', '4.1', '4.2']);
    for (const unit of body.units as Json[]) {
      const scores = (await get(h, 'central', scoresUrl(6, unit.unit))).body;
      expect(unit.selfAssessed).toEqual({ total: scores.total, totalBeforePenalty: scores.totalBeforePenalty, penalty: scores.penalty });
      expect(unit.official).toEqual(scores.official);
      expect(unit.components).toEqual(scores.components);
      expect(unit.workingDaysLate).toBe(scores.workingDaysLate);
      expect(unit.cells.map((c: Json) => [c.indicator, c.value, c.score, c.weightedScore, c.level])).toEqual(
        scores.indicators.map((i: Json) => [i.id, i.value, i.score, i.weightedScore, i.level]),
      );
      expect(unit.previousRoundTotal).toBeNull();
    }
    const [pte, cbi] = body.units as Json[];
    expect(pte.counts).toEqual({ notStarted: 1, draft: 1, submitted: 1, approved: 1, returned: 1 });
    expect(cbi.counts).toEqual({ notStarted: 4, draft: 0, submitted: 1, approved: 0, returned: 0 });
    expect(body.counts).toEqual({ notStarted: 5, draft: 1, submitted: 2, approved: 1, returned: 1 });
    expect(pte.cells.map((c: Json) => [c.indicator, c.status])).toEqual([
      ['1', 'approved'],
      ['2', null],
      ['3', 'submitted'],
      ['4', null],
      ['4.1', 'draft'],
      ['4.2', 'returned'],
    ]);
    expect(pte.cells[0]).toMatchObject({ value: 87, score: 2.4 });
    expect(pte.cells[4]).toMatchObject({ value: 3 });
    // Only the approved row counts officially.
    expect(pte.official.total).toBeLessThan(pte.selfAssessed.total);
    expect(pte.lastChange).toBe(h.clock.now.toISOString());
  });

  test("the previous round's self-assessed total per unit, and the late penalty of round 12", async () => {
    // Round 9 (1 January – 1 March 2024): pte reports 1 = 85.
    h.clock.now = new Date('2024-02-15T03:00:00Z');
    h.forgetTokens();
    await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 85, baseVersion: 0 }], { round: 9, action: 'submit' });
    // Round 12 closed Friday 15 March 2024, late allowed; submitted Wednesday 20 March: 3 working days late.
    h.clock.now = new Date('2024-03-20T03:00:00Z');
    h.forgetTokens();
    const late = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 100, baseVersion: 0 }], { round: 12, action: 'submit' });
    expect(late.json().late).toBe(true);
    const twelve = (await get(h, 'central', overviewUrl(12))).body;
    expect(twelve.previousRound).toBe(9);
    const [pte, cbi] = twelve.units as Json[];
    const nine = (await get(h, 'central', scoresUrl(9, 'pte'))).body;
    expect(pte.previousRoundTotal).toBe(nine.total);
    expect(cbi.previousRoundTotal).toBeNull();
    expect(pte.workingDaysLate).toBe(3);
    expect(pte.selfAssessed.penalty).toBeCloseTo(0.15, 12);
    const scores = (await get(h, 'central', scoresUrl(12, 'pte'))).body;
    expect(pte.selfAssessed.total).toBe(scores.total);
  });

  test('unit groups of the assessment are the overview’s groups and each unit’s group', async () => {
    await putAssessment(h, {
      ...fixtureAssessment(),
      unitGroups: [{ id: 'east', name: 'กลุ่มจังหวัดภาคตะวันออก 1' }],
      units: [
        { id: 'pte', name: 'จังหวัดปทุมธานี' },
        { id: 'cbi', name: 'จังหวัดชลบุรี', group: 'east' },
      ],
    });
    const { body } = await get(h, 'central', overviewUrl());
    expect(body.groups).toEqual([{ id: 'east', name: 'กลุ่มจังหวัดภาคตะวันออก 1' }]);
    expect(body.version).toBe(2);
    expect(body.units[0].group).toBeUndefined();
    expect(body.units[1].group).toBe('east');
  });

  test('an approver sees only the units they approve for; a reporter is refused, in Thai and English', async () => {
    await fill();
    const own = await get(h, 'pte.approver', overviewUrl());
    expect(own.status).toBe(200);
    expect(own.body.units.map((u: Json) => u.unit)).toEqual(['pte']);
    expect(own.body.counts).toEqual(own.body.units[0].counts);
    const refused = await get(h, 'pte.reporter', overviewUrl());
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/central staff/) });
    expect(refused.body.error.messageTh).toMatch(/ส่วนกลาง/);
  });

  test('an approver with no unit in the assessment is refused; an unknown assessment or round is a 404 naming it', async () => {
    await putAssessment(h, { ...fixtureAssessment(), units: [{ id: 'cbi', name: 'จังหวัดชลบุรี' }] });
    expect((await get(h, 'pte.approver', overviewUrl())).status).toBe(403);
    const none = await get(h, 'central', overviewUrl(6, 'nope'));
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/nope/);
    expect(none.body.error.messageTh).toMatch(/nope/);
    expect((await get(h, 'central', overviewUrl(3))).status).toBe(404);
  });

  describe('history', () => {
    /** The fixture's set a year earlier (fiscal 2566), its rounds open now, with "4.2" dropped and "๕" added. */
    function lastYear(): Record<string, unknown> {
      const doc = fixtureAssessment();
      const indicators = (doc.indicators as Json[]).map((i) => (i.id === '4' ? { ...i, children: [i.children[0]], weight: 10 } : i));
      return {
        ...doc,
        id: 'test-2566',
        title: 'ตัวชี้วัดทดสอบ ปีงบประมาณ พ.ศ. 2566',
        fiscalYear: 2566,
        indicators: [...indicators, { id: '๕', name: 'เลิกใช้แล้ว', weight: 10, targets: [1, 2, 3, 4, 5] }],
      };
    }

    /** pte reports 1 = 82 and 5 = 3 in round 6 of 2566, 1 = 88 in round 12 (late), then 1 = 92 in round 6 of 2567. */
    async function twoYears(): Promise<void> {
      await putAssessment(h, lastYear());
      await putAssessment(h, { ...fixtureAssessment(), previous: 'test-2566' });
      const report = async (aid: string, round: number, rows: unknown[]) => {
        const res = await h.app.inject({
          method: 'POST',
          url: `/api/v1/assessments/${aid}/rounds/${round}/units/pte/reports`,
          headers: { ...(await as(h, 'pte.reporter')), 'idempotency-key': randomUUID() },
          payload: { action: 'submit', rows },
        });
        expect(res.json().results.map((r: Json) => r.outcome)).toEqual(rows.map(() => 'accepted'));
      };
      await report('test-2566', 6, [
        { indicatorId: '1', value: 82, baseVersion: 0 },
        { indicatorId: '5', value: 3, baseVersion: 0 },
      ]);
      h.clock.now = new Date('2024-03-20T03:00:00Z');
      h.forgetTokens();
      await report('test-2566', 12, [{ indicatorId: '1', value: 88, baseVersion: 0 }]);
      h.clock.now = new Date('2024-03-25T03:00:00Z');
      h.forgetTokens();
      await report(AID, 6, [{ indicatorId: '1', value: 92, baseVersion: 0 }]);
    }

    test('every round with rows, of this assessment and of the one it names as previous, oldest first, matched by id', async () => {
      await twoYears();
      const { status, body } = await get(h, 'pte.reporter', historyUrl());
      expect(status).toBe(200);
      expect(body.unit).toBe('pte');
      expect(body.assessments).toEqual([AID, 'test-2566']);
      expect(body.points.map((p: Json) => [p.assessment, p.fiscalYear, p.round])).toEqual([
        ['test-2566', 2566, 6],
        ['test-2566', 2566, 12],
        [AID, 2567, 6],
      ]);
      // Indicators are this year's: "4.2" did not exist last year, "5" is gone this year.
      expect(body.points[0].indicators.map((i: Json) => i.indicator)).toEqual(['1', '2', '3', '4', '4.1']);
      expect(body.points[2].indicators.map((i: Json) => i.indicator)).toEqual(['1', '2', '3', '4', '4.1', '4.2']);
      expect(body.points.map((p: Json) => p.indicators[0].value)).toEqual([82, 88, 92]);
      expect(body.points[0].indicators[0]).toMatchObject({ status: 'submitted', score: 1.4 });
      const scores = (await get(h, 'central', scoresUrl(12, 'pte', 'test-2566'))).body;
      expect(body.points[1].selfAssessedTotal).toBe(scores.total);
      expect(body.points[1].officialTotal).toBe(scores.official.total);
      // The unit's approver and central staff read it too; another unit's reporter does not.
      expect((await get(h, 'pte.approver', historyUrl())).body).toEqual(body);
      expect((await get(h, 'central', historyUrl())).body).toEqual(body);
      const other = await get(h, 'cbi.reporter', historyUrl());
      expect(other.status).toBe(403);
      expect(other.body.error.messageTh).toBeTruthy();
    });

    test('a cycle of `previous` ends where an assessment comes round again; a name with nothing stored ends the chain', async () => {
      await twoYears();
      await putAssessment(h, { ...lastYear(), previous: AID });
      const { body } = await get(h, 'pte.reporter', historyUrl());
      expect(body.assessments).toEqual([AID, 'test-2566']);
      expect(body.points).toHaveLength(3);
      const older = await get(h, 'pte.reporter', historyUrl('pte', 'test-2566'));
      expect(older.body.assessments).toEqual(['test-2566', AID]);
      await putAssessment(h, { ...fixtureAssessment(), previous: 'never-stored' });
      expect((await get(h, 'pte.reporter', historyUrl())).body.assessments).toEqual([AID]);
    });

    test('a unit with no rows has no points; an unknown assessment or unit is a 404', async () => {
      const { status, body } = await get(h, 'cbi.reporter', historyUrl('cbi'));
      expect(status).toBe(200);
      expect(body).toEqual({ unit: 'cbi', assessments: [AID], points: [] });
      expect((await get(h, 'central', historyUrl('pte', 'nope'))).status).toBe(404);
      const unit = await get(h, 'central', historyUrl('xyz'));
      expect(unit.status).toBe(404);
      expect(unit.body.error.message).toMatch(/xyz/);
    });
  });
}

/**
 * Every unit's rows in a round (GET …/rounds/{round}/reports), for the central office's multi-unit sheet: central
 * staff get every unit of the assessment in its order, each with its rows and statuses (a unit with none has an
 * empty list); an approver gets the units they approve for and is refused any other; a reporter is refused.
 */
import { randomUUID } from 'node:crypto';
import { as, postBatch, type Json } from './client';
import { AID } from './fixtures';
import { useHarness, type DbKind } from './harness';

const url = (round = 6, query = '', aid = AID) => `/api/v1/assessments/${aid}/rounds/${round}/reports${query}`;

export function roundReportCases(kind: DbKind): void {
  const h = useHarness(kind);

  async function get(user: string, path: string): Promise<{ status: number; body: Json }> {
    const res = await h.app.inject({ method: 'GET', url: path, headers: await as(h, user) });
    return { status: res.statusCode, body: res.json() };
  }

  async function fill(): Promise<void> {
    // pte: 1 submitted then approved, 4.1 submitted; cbi: nothing in round 6, a row in round 12 only.
    const sent = await postBatch(
      h,
      'pte.reporter',
      [
        { indicatorId: '1', value: 90, baseVersion: 0 },
        { indicatorId: '4.1', value: 3, baseVersion: 0 },
      ],
      { action: 'submit' },
    );
    expect(sent.json().results.map((r: Json) => r.outcome)).toEqual(['accepted', 'accepted']);
    const approved = await h.app.inject({
      method: 'POST',
      url: `/api/v1/assessments/${AID}/rounds/6/units/pte/reports/1/approve`,
      headers: await as(h, 'pte.approver'),
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
    const late = await postBatch(h, 'cbi.reporter', [{ indicatorId: '1', value: 70, baseVersion: 0 }], {
      round: 12,
      unit: 'cbi',
      action: 'submit',
      key: randomUUID(),
    });
    expect(late.statusCode).toBe(200);
  }

  test('central staff get every unit of the assessment, in its order, with each row and its status', async () => {
    await fill();
    const { status, body } = await get('central', url());
    expect(status).toBe(200);
    expect(body.units.map((u: Json) => u.unit)).toEqual(['pte', 'cbi']);
    expect(body.units[0].reports.map((r: Json) => [r.indicatorId, r.value, r.status])).toEqual([
      ['1', 90, 'approved'],
      ['4.1', 3, 'submitted'],
    ]);
    // cbi's only row is in round 12: not in round 6's list, there in round 12's.
    expect(body.units[1].reports).toEqual([]);
    const twelve = await get('central', url(12));
    expect(twelve.body.units[1].reports.map((r: Json) => [r.indicatorId, r.value, r.late])).toEqual([['1', 70, true]]);
    // `units` narrows the list, still in the assessment's order.
    expect((await get('central', url(6, '?units=cbi,pte'))).body.units.map((u: Json) => u.unit)).toEqual(['pte', 'cbi']);
  });

  test('an approver gets only the units they approve for; another unit is refused', async () => {
    await fill();
    const own = await get('pte.approver', url());
    expect(own.status).toBe(200);
    expect(own.body.units.map((u: Json) => u.unit)).toEqual(['pte']);
    const other = await get('pte.approver', url(6, '?units=pte,cbi'));
    expect(other.status).toBe(403);
    expect(other.body.error.messageTh).toMatch(/ผู้อนุมัติ/);
  });

  test('a reporter is refused, even for their own unit (they read one unit at a time)', async () => {
    for (const query of ['', '?units=pte']) {
      const { status, body } = await get('pte.reporter', url(6, query));
      expect(status).toBe(403);
      expect(body.error.code).toBe('forbidden');
    }
  });

  test('an unknown assessment, round or unit is a 404 naming it', async () => {
    expect((await get('central', url(6, '', 'nope'))).status).toBe(404);
    expect((await get('central', url(3))).status).toBe(404);
    const unit = await get('central', url(6, '?units=pte,xyz'));
    expect(unit.status).toBe(404);
    expect(unit.body.error.message).toMatch(/xyz/);
  });
}

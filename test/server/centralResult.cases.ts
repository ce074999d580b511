/**
 * Central results (`centralResult: true`: ก.พ.ร., the NSO or a host agency supplies the whole result) and ids
 * written in Thai digits in batch rows and API paths.
 */
import { randomUUID } from 'node:crypto';
import { as, type Json } from './client';
import { useHarness, type DbKind } from './harness';

const KID = 'krs-central';
const base = `/api/v1/assessments/${KID}/rounds/6/units/pte`;

function centralAssessment(): Record<string, unknown> {
  return {
    format: 'scorebook/assessment@1',
    id: KID,
    title: 'ตัวชี้วัดที่มีผลจากส่วนกลาง',
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: [
      { id: '๑', name: 'ร้อยละของหน่วยงานที่ส่งแผน', weight: 40, targets: [80, 85, 90, 95, 100] },
      { id: '2', name: 'ผลการประเมิน ITA (ก.พ.ร. ประเมิน)', weight: 30, targets: [60, 70, 80, 90, 100], centralResult: true },
      { id: '3', name: 'ส่งรายงานการประเมินตนเอง', weight: 30, kind: 'binary' },
    ],
    units: [{ id: 'pte', name: 'จังหวัดปทุมธานี' }],
    rounds: [{ round: 6, opensAt: '2024-03-01T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' }],
  };
}

export function centralResultCases(kind: DbKind): void {
  const h = useHarness(kind);

  beforeEach(async () => {
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/assessments/${KID}`,
      headers: await as(h, 'central'),
      payload: centralAssessment(),
    });
    if (put.statusCode >= 300) throw new Error(`PUT ${KID}: ${put.statusCode} ${put.body}`);
  });

  const batch = async (username: string, rows: unknown[], action: 'save' | 'submit' = 'save') =>
    h.app.inject({
      method: 'POST',
      url: `${base}/reports`,
      headers: { ...(await as(h, username)), 'idempotency-key': randomUUID() },
      payload: { action, rows },
    });
  const rows = async (username = 'pte.reporter'): Promise<Json[]> =>
    (await h.app.inject({ method: 'GET', url: `${base}/reports`, headers: await as(h, username) })).json().reports;

  describe('central results', () => {
    test('a unit cannot set a central result: the row is invalid with code central-result, the rest are accepted', async () => {
      const res = await batch('pte.reporter', [
        { indicatorId: '2', value: 85, baseVersion: 0 },
        { indicatorId: '3', value: 'ส่งแล้ว', baseVersion: 0 },
      ]);
      expect(res.statusCode).toBe(200);
      const [r2, r3] = res.json().results;
      expect(r2).toMatchObject({
        indicatorId: '2',
        outcome: 'invalid',
        issues: [{ code: 'central-result', severity: 'error', indicatorId: '2' }],
      });
      expect(r2.issues[0].message).toMatchObject({ th: expect.stringContaining('ส่วนกลาง'), en: expect.stringContaining('central office') });
      expect(r3).toMatchObject({ outcome: 'accepted' });
      expect((await rows()).map((r) => r.indicatorId)).toEqual(['3']);
    });

    test('central staff set it; the unit then saves its notes with the value blank or unchanged, and cannot change it', async () => {
      const c = await batch('central', [{ indicatorId: '2', value: 85, baseVersion: 0 }]);
      expect(c.json().results[0]).toMatchObject({ outcome: 'accepted', version: 1 });
      const notes = await batch('pte.reporter', [{ indicatorId: '2', value: null, explanation: 'ผลจาก ก.พ.ร.', baseVersion: 1 }]);
      expect(notes.json().results[0]).toMatchObject({ outcome: 'accepted', version: 2 });
      const same = await batch('pte.reporter', [{ indicatorId: '2', value: 85, baseVersion: 2 }], 'submit');
      expect(same.json().results[0]).toMatchObject({ outcome: 'accepted', version: 3 });
      expect((await rows())[0]).toMatchObject({ indicatorId: '2', value: 85, explanation: 'ผลจาก ก.พ.ร.', status: 'submitted' });
      const changed = await batch('pte.reporter', [{ indicatorId: '2', value: 99, baseVersion: 3 }]);
      expect(changed.json().results[0]).toMatchObject({ outcome: 'invalid', issues: [{ code: 'central-result' }] });
    });

    test('central staff may send a central result, which is not a central variable (no central-only refusal)', async () => {
      const res = await batch('central', [
        { indicatorId: '2', value: '๘๕', baseVersion: 0 },
        { indicatorId: '3', value: 1, baseVersion: 0 },
      ]);
      expect(res.json().results.map((r: Json) => [r.outcome, r.issues?.[0]?.code])).toEqual([
        ['accepted', undefined],
        ['invalid', 'central-only'],
      ]);
    });
  });

  describe('ids in Thai digits and Arabic digits', () => {
    test('a batch row "1" reaches indicator ๑, is stored and answered under the assessment\'s spelling, and scores', async () => {
      const res = await batch('pte.reporter', [{ indicatorId: '1', value: 90, baseVersion: 0 }]);
      expect(res.json().results[0]).toMatchObject({ indicatorId: '๑', outcome: 'accepted', version: 1 });
      const again = await batch('pte.reporter', [{ indicatorId: '๑', value: 95, baseVersion: 1 }]);
      expect(again.json().results[0]).toMatchObject({ indicatorId: '๑', outcome: 'accepted', version: 2 });
      expect((await rows()).map((r) => [r.indicatorId, r.value])).toEqual([['๑', 95]]);
      const scores = (await h.app.inject({ method: 'GET', url: `${base}/scores`, headers: await as(h, 'pte.reporter') })).json();
      expect(scores.indicators.find((i: Json) => i.id === '๑')).toMatchObject({ status: 'scored', score: 4 });
    });

    test('approve and attachment paths accept either spelling: /reports/1/approve approves indicator ๑', async () => {
      await batch('pte.reporter', [{ indicatorId: '๑', value: 90, baseVersion: 0 }], 'submit');
      const approve = await h.app.inject({
        method: 'POST',
        url: `${base}/reports/1/approve`,
        headers: await as(h, 'pte.approver'),
        payload: {},
      });
      expect(approve.statusCode).toBe(200);
      expect(approve.json().report).toMatchObject({ indicatorId: '๑', status: 'approved' });
      const list = await h.app.inject({ method: 'GET', url: `${base}/reports/1/attachments`, headers: await as(h, 'pte.reporter') });
      expect(list.statusCode).toBe(200);
      await batch('pte.reporter', [{ indicatorId: '3', value: 'ส่งแล้ว', baseVersion: 0 }], 'submit');
      const returned = await h.app.inject({
        method: 'POST',
        url: `${base}/reports/${encodeURIComponent('๓')}/return`,
        headers: await as(h, 'pte.approver'),
        payload: { comment: 'แนบหลักฐาน' },
      });
      expect(returned.statusCode).toBe(200);
      expect(returned.json().report).toMatchObject({ indicatorId: '3', status: 'returned' });
    });
  });
}

import { sql } from 'kysely';
import { as, postBatch, reportsUrl, type Json } from './client';
import { AID } from './fixtures';
import { multipart, PDF } from './attachments.cases';
import { useHarness, type DbKind } from './harness';
import { inTransaction } from '../../src/server/db/transaction';
import {
  auditSnapshot,
  auditSnapshotRow,
  auditSnapshotSql,
  insertReports,
  listReports,
  type StoredReport,
} from '../../src/server/store/reports';

export function auditCases(kind: DbKind): void {
  const h = useHarness(kind);
  const audit = async (username: string, query = '') =>
    h.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: await as(h, username) });

  test('every change is an event with who, when, old and new value', async () => {
    await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }]);
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 88, baseVersion: 1 }], { action: 'submit' });
    await h.app.inject({
      method: 'POST',
      url: `${reportsUrl()}/1/return`,
      headers: await as(h, 'pte.approver'),
      payload: { comment: 'ขาดหลักฐาน' },
    });
    const body = multipart('a.pdf', PDF);
    await h.app.inject({
      method: 'POST',
      url: `${reportsUrl()}/1/attachments`,
      headers: { ...(await as(h, 'pte.reporter')), ...body.headers },
      payload: body.payload,
    });
    await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 89, baseVersion: 3 }], { action: 'submit' });
    await h.app.inject({ method: 'POST', url: `${reportsUrl()}/1/approve`, headers: await as(h, 'pte.approver'), payload: {} });

    const res = await audit('pte.approver', `?assessment=${AID}&unit=pte`);
    expect(res.statusCode).toBe(200);
    const events = res.json().events;
    expect(events.map((e: Json) => [e.action, e.actor, e.indicatorId])).toEqual([
      ['report.save', 'pte.reporter', '1'],
      ['report.submit', 'pte.reporter', '1'],
      ['report.return', 'pte.approver', '1'],
      ['attachment.add', 'pte.reporter', '1'],
      ['report.submit', 'pte.reporter', '1'],
      ['report.approve', 'pte.approver', '1'],
    ]);
    expect(events[0]).toMatchObject({
      old: null,
      new: { value: 87, status: 'draft', version: 1 },
      round: 6,
      unitId: 'pte',
      assessmentId: AID,
    });
    expect(events[1]).toMatchObject({ old: { value: 87, version: 1 }, new: { value: 88, status: 'submitted', version: 2 } });
    expect(events[1].at).toBe(h.clock.now.toISOString());
    expect(events[2]).toMatchObject({ old: { status: 'submitted' }, new: { status: 'returned', comment: 'ขาดหลักฐาน' } });
    expect(events[3].new).toMatchObject({ filename: 'a.pdf', size: PDF.length });
  });

  // Notes as a person types them: Thai, quotes, a backslash, braces and commas (array syntax), the word NULL, a newline.
  const NOTES = {
    explanation: 'คำชี้แจง "ตามแผน" \\ {ก, ข}, NULL',
    obstacles: 'อุปสรรค\nบรรทัดที่สอง',
    remarks: 'หลักฐาน: หนังสือที่ ศธ ๐๔๐๑/๒๕๖๗',
  };

  test("a batch's audit snapshots, built by the database, are auditSnapshot of each row before and after, in the batch's order", async () => {
    const scope = { assessmentId: AID, round: 6, unitId: 'pte' };
    const first = await postBatch(h, 'pte.reporter', [
      { indicatorId: '1', value: '๘๗.๕', ...NOTES, baseVersion: 0 },
      { indicatorId: '3', value: null, explanation: null, baseVersion: 0 },
    ]);
    expect(first.statusCode).toBe(200);
    const before = new Map((await listReports(h.db, scope)).map((r) => [r.indicatorId, r]));
    // The stored notes are the typed ones, character for character, through the arrays the batch sends.
    expect(before.get('1')).toMatchObject({ value: '๘๗.๕', ...NOTES });
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    // Updated rows, listed against indicator order: events follow the batch's order, not the table's.
    const second = await postBatch(
      h,
      'pte.reporter',
      [
        { indicatorId: '3', value: 4, ...NOTES, baseVersion: 1 },
        { indicatorId: '1', value: null, explanation: null, obstacles: 'NULL', remarks: '', baseVersion: 1 },
      ],
      { action: 'save' },
    );
    expect(second.json().results.map((r: Json) => r.outcome)).toEqual(['accepted', 'accepted']);
    const after = new Map((await listReports(h.db, scope)).map((r) => [r.indicatorId, r]));
    const snap = (rows: Map<string, StoredReport>, id: string) => auditSnapshot(rows.get(id)!);

    const events = (await audit('pte.approver', `?assessment=${AID}&unit=pte`)).json().events as Json[];
    expect(events.map((e) => ({ action: e.action, indicatorId: e.indicatorId, old: e.old, new: e.new }))).toEqual([
      { action: 'report.save', indicatorId: '1', old: null, new: snap(before, '1') },
      { action: 'report.save', indicatorId: '3', old: null, new: snap(before, '3') },
      { action: 'report.save', indicatorId: '3', old: snap(before, '3'), new: snap(after, '3') },
      { action: 'report.save', indicatorId: '1', old: snap(before, '1'), new: snap(after, '1') },
    ]);
    expect(events[3].new).toEqual({
      ...NOTES,
      value: null,
      explanation: null,
      obstacles: 'NULL',
      remarks: '',
      status: 'draft',
      version: 2,
      comment: null,
      late: false,
    });
    // A new row's old value is JSON null, not SQL null (as the events written before the snapshots moved to SQL).
    const stored = await h.db
      .selectFrom('audit_events')
      .select(sql<boolean>`old_value is null`.as('sqlNull'))
      .where('action', '=', 'report.save')
      .orderBy('id')
      .execute();
    expect(stored.map((r) => r.sqlNull)).toEqual([false, false, false, false]);
  });

  test("a batch mixing new and updated rows logs, in the batch's order, one event a row written and none for a refused row, every column as the rows say", async () => {
    const scope = { assessmentId: AID, round: 6, unitId: 'pte' };
    await postBatch(h, 'pte.reporter', [
      { indicatorId: '1', value: 87, ...NOTES, baseVersion: 0 },
      { indicatorId: '2', value: { num: 40 }, baseVersion: 0 },
    ]);
    const before = new Map((await listReports(h.db, scope)).map((r) => [r.indicatorId, r]));
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const mark = (
      await h.db
        .selectFrom('audit_events')
        .select(sql<string>`coalesce(max(id), 0)`.as('id'))
        .executeTakeFirstOrThrow()
    ).id;
    // New, updated, stale (a conflict: not written, not logged), new: against indicator order.
    const res = await postBatch(h, 'pte.reporter', [
      { indicatorId: '4.1', value: 3, ...NOTES, baseVersion: 0 },
      { indicatorId: '1', value: null, explanation: null, obstacles: 'NULL', baseVersion: 1 },
      { indicatorId: '2', value: { num: 41 }, baseVersion: 0 },
      { indicatorId: '3', value: [true, false, true], baseVersion: 0 },
    ]);
    expect(res.json().results.map((r: Json) => r.outcome)).toEqual(['accepted', 'accepted', 'conflict', 'accepted']);
    const after = new Map((await listReports(h.db, scope)).map((r) => [r.indicatorId, r]));
    const stored = await h.db
      .selectFrom('audit_events')
      .select(['at', 'actor', 'action', 'assessment_id', 'round', 'unit_id', 'indicator_id', 'old_value', 'new_value'])
      .select(sql<boolean>`old_value is null`.as('old_sql_null'))
      .where('id', '>', mark)
      .orderBy('id')
      .execute();
    const event = (indicatorId: string, old: unknown) => ({
      at: h.clock.now,
      actor: 'pte.reporter',
      action: 'report.save',
      assessment_id: AID,
      round: 6,
      unit_id: 'pte',
      indicator_id: indicatorId,
      old_value: old,
      new_value: auditSnapshot(after.get(indicatorId)!),
      old_sql_null: false,
    });
    expect(stored.map((e) => ({ ...e, at: new Date(e.at) }))).toEqual([
      event('4.1', null),
      event('1', auditSnapshot(before.get('1')!)),
      event('3', null),
    ]);
  });

  test('the snapshot SQL builds of a stored row (either way) equals auditSnapshot of that row, every field set', async () => {
    const scope = { assessmentId: AID, round: 6, unitId: 'cbi' };
    const at = new Date('2024-03-26T04:05:06.789Z');
    const row = (indicatorId: string, value: StoredReport['value']): StoredReport => ({
      indicatorId,
      value,
      ...NOTES,
      status: 'returned',
      version: 7,
      updatedBy: 'pte.approver',
      updatedAt: at,
      comment: 'ขาดหลักฐานประกอบ "ข้อ ๒"',
      late: true,
      submittedAt: at,
    });
    const rows = [row('1', 87.25), row('2', { num: 12, den: null }), row('3', null), row('4.1', 'ไม่มีข้อมูล')];
    const built = await inTransaction(h.db, async (tx) => {
      await insertReports(tx, scope, rows);
      return sql<{ indicator_id: string; snapshot: unknown; row: unknown }>`select r.indicator_id, ${auditSnapshotSql('r')} as snapshot,
          to_jsonb(s) as row from reports as r, lateral (${auditSnapshotRow('r')}) as s
        where r.unit_id = 'cbi' order by r.indicator_id`.execute(tx);
    });
    expect(built.rows).toEqual(rows.map((r) => ({ indicator_id: r.indicatorId, snapshot: auditSnapshot(r), row: auditSnapshot(r) })));
  });

  test('users and assessments are audited too (central reads all of it), and pages follow `after`', async () => {
    const res = await audit('central');
    const events = res.json().events;
    expect(events.map((e: Json) => e.action)).toEqual([...Array(5).fill('user.create'), 'assessment.create']);
    expect(JSON.stringify(events)).not.toContain('scrypt$');
    const page = await audit('central', `?after=${events[2].id}&limit=2`);
    expect(page.json().events.map((e: Json) => e.id)).toEqual([events[3].id, events[4].id]);
  });

  test('the log is append-only: the database refuses to change or delete an event', async () => {
    await expect(sql`update audit_events set actor = 'someone else'`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(h.db)).rejects.toThrow(/append-only/);
  });

  test('reporters, and approvers without naming their unit, may not read the log', async () => {
    expect((await audit('pte.reporter', '?unit=pte')).statusCode).toBe(403);
    expect((await audit('pte.approver')).statusCode).toBe(403);
    expect((await audit('pte.approver', '?unit=cbi')).statusCode).toBe(403);
  });
}

import { sql } from 'kysely';
import { as, postBatch, reportsUrl, type Json } from './client';
import { AID } from './fixtures';
import { multipart, PDF } from './attachments.cases';
import { useHarness, type DbKind } from './harness';

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

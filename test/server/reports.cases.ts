import { randomUUID } from 'node:crypto';
import { as, getReports, postBatch, reportsUrl, snapshot, type Json } from './client';
import { AID, fixtureAssessment } from './fixtures';
import { inTransaction } from '../../src/server/db/transaction';
import { putAssessment } from '../../src/server/store/assessments';
import { createUser } from '../../src/server/store/users';
import { TEST_COST, useHarness, type DbKind } from './harness';

const approveUrl = (id: string, decision = 'approve', unit = 'pte') => `${reportsUrl(6, unit)}/${encodeURIComponent(id)}/${decision}`;

export function reportCases(kind: DbKind): void {
  const h = useHarness(kind);

  const auditCount = async (): Promise<number> =>
    Number(
      (
        await h.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('save and submit', () => {
    test('rows are stored with the value as typed, notes, status draft and version 1; GET returns them', async () => {
      const res = await postBatch(h, 'pte.reporter', [
        { indicatorId: '1', value: '๘๗', explanation: 'คำชี้แจง', obstacles: 'อุปสรรค', remarks: 'หมายเหตุ', baseVersion: 0 },
        { indicatorId: '2', value: { num: 40 }, baseVersion: 0 },
        { indicatorId: '3', value: [true, true, false], baseVersion: 0 },
      ]);
      expect(res.statusCode).toBe(200);
      expect(res.json().results.map((r: Json) => [r.indicatorId, r.outcome, r.version])).toEqual([
        ['1', 'accepted', 1],
        ['2', 'accepted', 1],
        ['3', 'accepted', 1],
      ]);
      const rows = await getReports(h, 'pte.reporter');
      expect(rows.find((r) => r.indicatorId === '1')).toEqual({
        indicatorId: '1',
        value: '๘๗',
        explanation: 'คำชี้แจง',
        obstacles: 'อุปสรรค',
        remarks: 'หมายเหตุ',
        status: 'draft',
        version: 1,
        updatedBy: 'pte.reporter',
        updatedAt: h.clock.now.toISOString(),
        comment: null,
        late: false,
        submittedAt: null,
      });
      expect(rows.find((r) => r.indicatorId === '3')?.value).toEqual([true, true, false]);
    });

    test('a batch after the assessment was replaced resolves, locks and writes its rows by the new definition', async () => {
      // The first batch leaves this process holding the assessment's read model; the batch after the replacement
      // must not resolve its ids by that stale model ('๙๙' is indicator 99 only in the new one).
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }]);
      const doc = fixtureAssessment();
      const replaced = {
        ...doc,
        indicators: [...(doc.indicators as Json[]), { id: '99', name: 'ใหม่', weight: 10, targets: [1, 2, 3, 4, 5] }],
      };
      // Replaced as another instance would: nothing in this process reads the new version before the batch.
      expect(await inTransaction(h.db, (tx) => putAssessment(tx, replaced, { actor: 'central', now: h.clock.now }))).toMatchObject({
        ok: true,
      });
      const res = await postBatch(h, 'pte.reporter', [
        { indicatorId: '๙๙', value: 3, baseVersion: 0 },
        { indicatorId: '๑', value: 88, baseVersion: 1 },
      ]);
      expect(res.json().results.map((r: Json) => [r.indicatorId, r.outcome, r.version])).toEqual([
        ['99', 'accepted', 1],
        ['1', 'accepted', 2],
      ]);
      const rows = await getReports(h, 'pte.reporter');
      expect(rows.map((r) => [r.indicatorId, r.value, r.version])).toEqual([
        ['1', 88, 2],
        ['99', 3, 1],
      ]);
    });

    test('submit sets status submitted and the submission time; saving again with the new version works', async () => {
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }]);
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 88, baseVersion: 1 }], { action: 'submit' });
      expect(res.json().results[0]).toMatchObject({ outcome: 'accepted', version: 2 });
      const row = (await getReports(h, 'pte.approver'))[0];
      expect(row).toMatchObject({ status: 'submitted', version: 2, value: 88, submittedAt: h.clock.now.toISOString() });
    });

    test('a stale baseVersion is a conflict naming who changed the row and when, with its texts, and nothing is overwritten', async () => {
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, explanation: 'ตามแผน', remarks: 'ข้อมูล ณ มี.ค.', baseVersion: 0 }]);
      const before = await snapshot(h);
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 99, baseVersion: 0 }]);
      expect(res.json().results[0]).toEqual({
        indicatorId: '1',
        outcome: 'conflict',
        current: {
          value: 87,
          explanation: 'ตามแผน',
          obstacles: null,
          remarks: 'ข้อมูล ณ มี.ค.',
          status: 'draft',
          version: 1,
          updatedBy: 'pte.reporter',
          updatedAt: h.clock.now.toISOString(),
        },
      });
      const after = JSON.parse(await snapshot(h));
      const b = JSON.parse(before);
      expect(after.reports).toEqual(b.reports);
      expect(after.audit_events).toEqual(b.audit_events);
    });

    test('an approved row is locked', async () => {
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { action: 'submit' });
      expect(
        (await h.app.inject({ method: 'POST', url: approveUrl('1'), headers: await as(h, 'pte.approver'), payload: {} })).statusCode,
      ).toBe(200);
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 90, baseVersion: 2 }]);
      expect(res.json().results[0]).toMatchObject({
        outcome: 'locked',
        current: {
          value: 87,
          explanation: null,
          obstacles: null,
          remarks: null,
          status: 'approved',
          version: 2,
          updatedBy: 'pte.approver',
        },
      });
      expect((await getReports(h, 'pte.reporter'))[0]?.value).toBe(87);
    });

    test('a value the domain cannot read is invalid with the domain issues; the other rows of the batch are still accepted', async () => {
      const res = await postBatch(h, 'pte.reporter', [
        { indicatorId: '1', value: 'ประมาณ 80', baseVersion: 0 },
        { indicatorId: '3', value: [true, 'maybe'], baseVersion: 0 },
        { indicatorId: '4.1', value: 3, baseVersion: 0 },
        { indicatorId: '4', value: 3, baseVersion: 0 },
        { indicatorId: '4.2', value: { deeply: { nested: 1 } }, baseVersion: 0 },
      ]);
      const [r1, r3, r41, r4, r42] = res.json().results;
      expect(r1.outcome).toBe('invalid');
      expect(r1.issues[0]).toMatchObject({ severity: 'error', indicatorId: '1' });
      expect(r1.issues[0].message.th).toBeTruthy();
      expect(r3).toMatchObject({ outcome: 'invalid', issues: [{ code: 'step-not-yes-no', field: '2' }] });
      expect(r41).toMatchObject({ outcome: 'accepted', version: 1 });
      expect(r4).toMatchObject({ outcome: 'invalid', issues: [{ code: 'unknown-indicator' }] });
      expect(r42).toMatchObject({ outcome: 'invalid', issues: [{ code: 'value-shape' }] });
      expect((await getReports(h, 'pte.reporter')).map((r) => r.indicatorId)).toEqual(['4.1']);
    });

    test('warnings travel with an accepted row', async () => {
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '3', value: [true, false, true], baseVersion: 0 }]);
      expect(res.json().results[0]).toMatchObject({ outcome: 'accepted', issues: [{ code: 'milestone-gap', severity: 'warning' }] });
    });

    test('the same indicator twice in a batch: the second is invalid', async () => {
      const res = await postBatch(h, 'pte.reporter', [
        { indicatorId: '1', value: 1, baseVersion: 0 },
        { indicatorId: '1', value: 2, baseVersion: 0 },
      ]);
      expect(res.json().results.map((r: Json) => r.outcome)).toEqual(['accepted', 'invalid']);
      expect((await getReports(h, 'pte.reporter'))[0]?.value).toBe(1);
    });

    test('submitting a blank result is invalid (value-required); saving it as a draft is fine', async () => {
      const submit = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: '  ', baseVersion: 0 }], { action: 'submit' });
      expect(submit.json().results[0]).toMatchObject({ outcome: 'invalid', issues: [{ code: 'value-required' }] });
      const save = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: null, baseVersion: 0 }]);
      expect(save.json().results[0].outcome).toBe('accepted');
    });

    test('a batch without Idempotency-Key is 400 and changes nothing', async () => {
      const before = await snapshot(h);
      const res = await h.app.inject({
        method: 'POST',
        url: reportsUrl(),
        headers: await as(h, 'pte.reporter'),
        payload: { action: 'save', rows: [{ indicatorId: '1', value: 1, baseVersion: 0 }] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('idempotency_key_required');
      expect(await snapshot(h)).toBe(before);
    });

    test('malformed batches are 400 invalid_request: no rows, a row without indicatorId, a negative baseVersion, an unknown action', async () => {
      for (const payload of [
        { action: 'save', rows: [] },
        { action: 'save', rows: [{ value: 1, baseVersion: 0 }] },
        { action: 'save', rows: [{ indicatorId: '1', value: 1, baseVersion: -1 }] },
        { action: 'publish', rows: [{ indicatorId: '1', value: 1, baseVersion: 0 }] },
      ]) {
        const res = await h.app.inject({
          method: 'POST',
          url: reportsUrl(),
          headers: { ...(await as(h, 'pte.reporter')), 'idempotency-key': randomUUID() },
          payload,
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('invalid_request');
      }
    });

    test('unknown assessment, round and unit are 404 with their own codes', async () => {
      const headers = { ...(await as(h, 'central')), 'idempotency-key': randomUUID() };
      const payload = { action: 'save', rows: [{ indicatorId: '2', value: { den: 1 }, baseVersion: 0 }] };
      const codes = [];
      for (const url of [
        `/api/v1/assessments/nope/rounds/6/units/pte/reports`,
        `/api/v1/assessments/${AID}/rounds/3/units/pte/reports`,
        `/api/v1/assessments/${AID}/rounds/6/units/xyz/reports`,
      ]) {
        const res = await h.app.inject({ method: 'POST', url, headers, payload });
        expect(res.statusCode).toBe(404);
        codes.push(res.json().error.code);
      }
      expect(codes).toEqual(['assessment_not_found', 'round_not_found', 'unit_not_found']);
    });
  });

  describe('the reporting window (server clock)', () => {
    test('a closed round without late reports refuses the whole batch: 409 round_closed, nothing changes', async () => {
      const before = await snapshot(h);
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { round: 9 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'round_closed', details: { round: 9, closesAt: '2024-03-01T00:00:00+07:00' } });
      expect(res.json().error.messageTh).toMatch(/ปิดรับรายงาน/);
      expect(await snapshot(h)).toBe(before);
    });

    test('a round not open yet refuses too', async () => {
      h.clock.now = new Date('2024-02-01T00:00:00Z');
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }]);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('round_closed');
    });

    test('the last second of the window is still on time', async () => {
      h.clock.now = new Date('2024-04-11T23:59:59+07:00');
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }]);
      expect(res.json()).toEqual({ results: [{ indicatorId: '1', outcome: 'accepted', version: 1 }] });
    });

    test('a closed round that allows late reports accepts them marked late', async () => {
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { round: 12, action: 'submit' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ late: true, results: [{ indicatorId: '1', outcome: 'accepted', version: 1, late: true }] });
      expect((await getReports(h, 'pte.reporter', 12))[0]).toMatchObject({ late: true, status: 'submitted' });
    });

    test('an indicator reported only in the 12-month round takes no value in round 6 (invalid, not-due); in round 12 it does', async () => {
      const doc = fixtureAssessment();
      (doc.indicators as Record<string, unknown>[])[2] = { ...(doc.indicators as Record<string, unknown>[])[2], rounds: [12] };
      const put = await h.app.inject({ method: 'PUT', url: `/api/v1/assessments/${AID}`, headers: await as(h, 'central'), payload: doc });
      expect(put.statusCode).toBeLessThan(300);
      const steps = [true, true, false, false, false];
      const six = await postBatch(h, 'pte.reporter', [
        { indicatorId: '3', value: steps, baseVersion: 0 },
        { indicatorId: '1', value: 87, baseVersion: 0 },
      ]);
      expect(six.json().results.map((r: Json) => [r.outcome, r.issues?.[0]?.code])).toEqual([
        ['invalid', 'not-due'],
        ['accepted', undefined],
      ]);
      expect((await getReports(h, 'pte.reporter', 6)).map((r) => r.indicatorId)).toEqual(['1']);
      const scores = (
        await h.app.inject({ method: 'GET', url: reportsUrl(6).replace(/reports$/, 'scores'), headers: await as(h, 'pte.reporter') })
      ).json();
      expect(scores.indicators.find((i: Json) => i.id === '3')).toMatchObject({ status: 'not-due', score: null, weightedScore: null });
      const twelve = await postBatch(h, 'pte.reporter', [{ indicatorId: '3', value: steps, baseVersion: 0 }], { round: 12 });
      expect(twelve.json().results[0]).toMatchObject({ outcome: 'accepted' });
    });

    test('a round window written in the Buddhist Era binds as its CE twin, and the list gives it in CE', async () => {
      const doc = fixtureAssessment();
      const rounds = doc.rounds as { round: number; opensAt: string; closesAt: string }[];
      doc.rounds = rounds.map((r) => ({
        ...r,
        opensAt: r.opensAt.replace(/^2024/, '2567'),
        closesAt: r.closesAt.replace(/^2024/, '2567'),
      }));
      const put = await h.app.inject({ method: 'PUT', url: `/api/v1/assessments/${AID}`, headers: await as(h, 'central'), payload: doc });
      expect(put.statusCode).toBeLessThan(300);
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }]);
      expect(res.statusCode).toBe(200);
      expect(res.json().results[0]).toMatchObject({ outcome: 'accepted' });
      const list = (await h.app.inject({ method: 'GET', url: '/api/v1/assessments', headers: await as(h, 'pte.reporter') })).json();
      expect(list.assessments[0].rounds[0]).toMatchObject({
        round: 6,
        opensAt: '2024-03-01T00:00:00+07:00',
        closesAt: '2024-04-11T23:59:59+07:00',
      });
    });

    test('central staff may enter central data after the window closes (not late)', async () => {
      const res = await postBatch(h, 'central', [{ indicatorId: '2', value: { den: 50 }, baseVersion: 0 }], { round: 9 });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ results: [{ indicatorId: '2', outcome: 'accepted', version: 1 }] });
    });
  });

  describe('idempotency', () => {
    test('the same key twice returns the first answer and changes nothing the second time', async () => {
      const rows = [{ indicatorId: '1', value: 87, baseVersion: 0 }];
      const first = await postBatch(h, 'pte.reporter', rows, { key: 'batch-1' });
      const before = await snapshot(h);
      const second = await postBatch(h, 'pte.reporter', rows, { key: 'batch-1' });
      expect(second.statusCode).toBe(200);
      expect(second.json()).toEqual(first.json());
      expect(await snapshot(h)).toBe(before);
    });

    test('the answer is replayed even after the round closed', async () => {
      const rows = [{ indicatorId: '1', value: 87, baseVersion: 0 }];
      const first = await postBatch(h, 'pte.reporter', rows, { key: 'k' });
      h.clock.now = new Date('2024-04-12T12:00:00Z');
      h.forgetTokens();
      const again = await postBatch(h, 'pte.reporter', rows, { key: 'k' });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
    });

    test('an answer is kept 30 days, then pruned (on a sign-in)', async () => {
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { key: 'old' });
      const keys = () => h.db.selectFrom('idempotency_keys').select('key').execute();
      h.clock.now = new Date(h.clock.now.getTime() + 29 * 86_400_000);
      h.forgetTokens();
      await h.token('pte.reporter');
      expect(await keys()).toHaveLength(1);
      h.clock.now = new Date(h.clock.now.getTime() + 2 * 86_400_000);
      h.forgetTokens();
      await h.token('pte.reporter');
      expect(await keys()).toHaveLength(0);
    });

    test('the same key with a different batch is 422 and changes nothing', async () => {
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { key: 'k' });
      const before = await snapshot(h);
      const res = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 99, baseVersion: 1 }], { key: 'k' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('idempotency_key_reused');
      expect(await snapshot(h)).toBe(before);
    });

    test('a refused batch (409) does not use up its key', async () => {
      h.clock.now = new Date('2024-02-01T00:00:00Z');
      const rows = [{ indicatorId: '1', value: 87, baseVersion: 0 }];
      expect((await postBatch(h, 'pte.reporter', rows, { key: 'early' })).statusCode).toBe(409);
      h.clock.now = new Date('2024-03-25T00:00:00Z');
      h.forgetTokens();
      expect((await postBatch(h, 'pte.reporter', rows, { key: 'early' })).json().results[0].outcome).toBe('accepted');
    });

    test('the same key sent concurrently, to two instances, applies once and every answer is the same', async () => {
      const other = await h.secondApp();
      const headers = { ...(await as(h, 'pte.reporter')), 'idempotency-key': 'same' };
      const payload = {
        action: 'save',
        rows: [
          { indicatorId: '1', value: 87, baseVersion: 0 },
          { indicatorId: '4.1', value: 2, baseVersion: 0 },
        ],
      };
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? other : h.app).inject({ method: 'POST', url: reportsUrl(), headers, payload })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
      for (const a of answers) expect(a.json()).toEqual(answers[0]?.json());
      expect(answers[0]?.json().results.map((r: Json) => r.outcome)).toEqual(['accepted', 'accepted']);
      const rows = await getReports(h, 'pte.reporter');
      expect(rows.map((r) => [r.indicatorId, r.version])).toEqual([
        ['1', 1],
        ['4.1', 1],
      ]);
      const events = await h.db.selectFrom('audit_events').select('action').where('action', 'like', 'report.%').execute();
      expect(events).toHaveLength(2);
    });

    test('different keys racing to create the same row: exactly one wins, the others are conflicts; no row is duplicated or lost', async () => {
      const other = await h.secondApp();
      const headers = await as(h, 'pte.reporter');
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? other : h.app).inject({
            method: 'POST',
            url: reportsUrl(),
            headers: { ...headers, 'idempotency-key': `race-${i}` },
            payload: { action: 'save', rows: [{ indicatorId: '1', value: i, baseVersion: 0 }] },
          }),
        ),
      );
      const outcomes = answers.map((a) => a.json().results[0].outcome);
      expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(5);
      const winner = outcomes.indexOf('accepted');
      const rows = await getReports(h, 'pte.reporter');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ value: winner, version: 1 });
      for (const a of answers) {
        const r = a.json().results[0];
        if (r.outcome === 'conflict') expect(r.current).toMatchObject({ value: winner, version: 1 });
      }
      expect(await auditCount()).toBe(
        (await h.db.selectFrom('audit_events').select('id').where('action', 'not like', 'report.%').execute()).length + 1,
      );
      // Every answer, a conflict's too, was stored under its key: each retry gets its first answer back.
      for (const [i, a] of answers.entries()) {
        const again = await h.app.inject({
          method: 'POST',
          url: reportsUrl(),
          headers: { ...headers, 'idempotency-key': `race-${i}` },
          payload: { action: 'save', rows: [{ indicatorId: '1', value: i, baseVersion: 0 }] },
        });
        expect(again.json()).toEqual(a.json());
      }
    });

    test('concurrent updates of the same row from version 1: exactly one wins', async () => {
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 0, baseVersion: 0 }]);
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) => postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 10 + i, baseVersion: 1 }])),
      );
      const outcomes = answers.map((a) => a.json().results[0].outcome);
      expect(outcomes.sort()).toEqual(['accepted', 'conflict', 'conflict', 'conflict', 'conflict']);
      const row = (await getReports(h, 'pte.reporter'))[0];
      expect(row?.version).toBe(2);
    });
  });

  describe('central variables (ข้อมูลส่วนกลาง)', () => {
    test('central staff enter the central variable; the reporter enters the rest; the row keeps both', async () => {
      const c = await postBatch(h, 'central', [{ indicatorId: '2', value: { den: 50 }, baseVersion: 0 }]);
      expect(c.json().results[0]).toMatchObject({ outcome: 'accepted', version: 1 });
      expect((await getReports(h, 'pte.reporter'))[0]).toMatchObject({ value: { den: 50 }, status: 'draft', updatedBy: 'central' });
      const r = await postBatch(
        h,
        'pte.reporter',
        [{ indicatorId: '2', value: { num: 40, den: 50 }, explanation: 'ครบ', baseVersion: 1 }],
        { action: 'submit' },
      );
      expect(r.json().results[0]).toMatchObject({ outcome: 'accepted', version: 2 });
      expect((await getReports(h, 'pte.reporter'))[0]).toMatchObject({ value: { num: 40, den: 50 }, status: 'submitted' });
    });

    test('a reporter cannot change a central variable, nor replace the variables with a worked-out ratio', async () => {
      await postBatch(h, 'central', [{ indicatorId: '2', value: { den: 50 }, baseVersion: 0 }]);
      const changed = await postBatch(h, 'pte.reporter', [{ indicatorId: '2', value: { num: 40, den: 40 }, baseVersion: 1 }]);
      expect(changed.json().results[0]).toMatchObject({ outcome: 'invalid', issues: [{ code: 'central-variable', field: 'den' }] });
      const ratio = await postBatch(h, 'pte.reporter', [{ indicatorId: '2', value: '100%', baseVersion: 1 }]);
      expect(ratio.json().results[0]).toMatchObject({ outcome: 'invalid', issues: [{ code: 'central-variable' }] });
      expect((await getReports(h, 'pte.reporter'))[0]?.value).toEqual({ den: 50 });
    });

    test('a reporter row without the central data yet is accepted and waits for it', async () => {
      const r = await postBatch(h, 'pte.reporter', [{ indicatorId: '2', value: { num: 40 }, baseVersion: 0 }], { action: 'submit' });
      expect(r.json().results[0]).toMatchObject({ outcome: 'accepted', issues: [{ code: 'central-data-pending' }] });
      const c = await postBatch(h, 'central', [{ indicatorId: '2', value: { den: 50 }, baseVersion: 1 }]);
      expect(c.json().results[0].outcome).toBe('accepted');
      // Central data does not change the unit's status or notes.
      expect((await getReports(h, 'pte.reporter'))[0]).toMatchObject({ value: { num: 40, den: 50 }, status: 'submitted', version: 2 });
    });

    test('central staff may send only central variables', async () => {
      const res = await postBatch(h, 'central', [
        { indicatorId: '1', value: 87, baseVersion: 0 },
        { indicatorId: '2', value: { num: 1, den: 2 }, baseVersion: 0 },
      ]);
      expect(res.json().results.map((r: Json) => [r.outcome, r.issues?.[0]?.code])).toEqual([
        ['invalid', 'central-only'],
        ['invalid', 'central-only'],
      ]);
    });

    test('central staff cannot submit for a unit (403)', async () => {
      const res = await postBatch(h, 'central', [{ indicatorId: '2', value: { den: 1 }, baseVersion: 0 }], { action: 'submit' });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('approve and return', () => {
    const submit = (value: unknown = 87) =>
      postBatch(h, 'pte.reporter', [{ indicatorId: '1', value, baseVersion: 0 }], { action: 'submit' });

    test('return with a comment; the reporter sees it, fixes and resubmits; the approver approves', async () => {
      await submit();
      const returned = await h.app.inject({
        method: 'POST',
        url: approveUrl('1', 'return'),
        headers: await as(h, 'pte.approver'),
        payload: { comment: 'แนบหลักฐานด้วย', version: 1 },
      });
      expect(returned.statusCode).toBe(200);
      expect(returned.json().report).toMatchObject({ status: 'returned', comment: 'แนบหลักฐานด้วย', version: 2, updatedBy: 'pte.approver' });
      const stale = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 88, baseVersion: 1 }], { action: 'submit' });
      expect(stale.json().results[0]).toMatchObject({ outcome: 'conflict', current: { status: 'returned', updatedBy: 'pte.approver' } });
      const again = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 88, baseVersion: 2 }], { action: 'submit' });
      expect(again.json().results[0]).toMatchObject({ outcome: 'accepted', version: 3 });
      const approved = await h.app.inject({ method: 'POST', url: approveUrl('1'), headers: await as(h, 'pte.approver'), payload: {} });
      expect(approved.json().report).toMatchObject({ status: 'approved', version: 4, value: 88 });
    });

    test('return needs a comment (400)', async () => {
      await submit();
      const res = await h.app.inject({
        method: 'POST',
        url: approveUrl('1', 'return'),
        headers: await as(h, 'pte.approver'),
        payload: { comment: '  ' },
      });
      expect(res.statusCode).toBe(400);
    });

    test('only a submitted row can be approved (409 invalid_status); a missing row is 404', async () => {
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }]);
      const draft = await h.app.inject({ method: 'POST', url: approveUrl('1'), headers: await as(h, 'pte.approver'), payload: {} });
      expect(draft.statusCode).toBe(409);
      expect(draft.json().error).toMatchObject({ code: 'invalid_status', details: { current: { status: 'draft' } } });
      const missing = await h.app.inject({ method: 'POST', url: approveUrl('3'), headers: await as(h, 'pte.approver'), payload: {} });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('report_not_found');
    });

    test('approving a version that has changed since is 409 version_conflict', async () => {
      await submit();
      const res = await h.app.inject({
        method: 'POST',
        url: approveUrl('1'),
        headers: await as(h, 'pte.approver'),
        payload: { version: 7 },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'version_conflict', details: { current: { version: 1, updatedBy: 'pte.reporter' } } });
    });
  });

  describe('separation of duties', () => {
    const addBoth = (db = h.db) =>
      createUser(
        db,
        { username: 'pte.both', name: 'ผู้รายงานและผู้อนุมัติ', password: 'pw', roles: ['reporter', 'approver'], units: ['pte'] },
        { actor: 'setup', now: new Date(), cost: TEST_COST },
      );

    test('a user who is reporter and approver cannot approve or return what they submitted; another approver can', async () => {
      await addBoth();
      await postBatch(h, 'pte.both', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { action: 'submit' });
      for (const decision of ['approve', 'return']) {
        const own = await h.app.inject({
          method: 'POST',
          url: approveUrl('1', decision),
          headers: await as(h, 'pte.both'),
          payload: { comment: 'ok' },
        });
        expect(own.statusCode).toBe(403);
        expect(own.json().error).toMatchObject({ code: 'separation_of_duties', details: { rule: 'separation-of-duties' } });
        expect(own.json().error.messageTh).toMatch(/การแบ่งแยกหน้าที่/);
      }
      expect((await getReports(h, 'pte.both'))[0]?.status).toBe('submitted');
      const approved = await h.app.inject({ method: 'POST', url: approveUrl('1'), headers: await as(h, 'pte.approver'), payload: {} });
      expect(approved.statusCode).toBe(200);
    });

    test('a row pte.reporter submitted can be approved by pte.both', async () => {
      await addBoth();
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { action: 'submit' });
      const res = await h.app.inject({ method: 'POST', url: approveUrl('1'), headers: await as(h, 'pte.both'), payload: {} });
      expect(res.statusCode).toBe(200);
    });

    describe('turned off (SCOREBOOK_SEPARATION_OF_DUTIES=off)', () => {
      const off = useHarness(kind, { separationOfDuties: false });
      test('the submitter may approve their own row', async () => {
        await addBoth(off.db);
        await postBatch(off, 'pte.both', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { action: 'submit' });
        const res = await off.app.inject({ method: 'POST', url: approveUrl('1'), headers: await as(off, 'pte.both'), payload: {} });
        expect(res.statusCode).toBe(200);
      });
    });
  });
}

/**
 * Hostile and unlucky input: text the database cannot store (NUL, unpaired surrogates), values and notes too
 * large or too deep, retries serialised differently, file names that hide their extension, ids too long to
 * address, audit pages that would not fit in memory, and one user writing as fast as they can. Each case is a
 * request that got a 500, or was wrongly accepted, before the limits of src/api/text.ts.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { installErrorHandling } from '../../src/server/errors';
import { as, getReports, postBatch, reportsUrl, snapshot, type Json } from './client';
import { multipart, PDF } from './attachments.cases';
import { AID, fixtureAssessment } from './fixtures';
import { useHarness, type DbKind, type Harness } from './harness';

const NUL = 'a\u0000b';
const LONE_HIGH = 'x\ud800y';
const LONE_LOW = '\udc00';

async function refusedWith400(h: Harness, send: () => Promise<{ statusCode: number; json: () => Json }>, path?: string): Promise<Json> {
  const before = await snapshot(h);
  const res = await send();
  expect(res.statusCode).toBe(400);
  const body = res.json();
  expect(body.error.code).toBe('invalid_request');
  expect(typeof body.error.messageTh).toBe('string');
  if (path !== undefined) expect(body.error.details.issues.map((i: Json) => i.path)).toContain(path);
  expect(await snapshot(h)).toBe(before);
  return body;
}

export function inputCases(kind: DbKind): void {
  describe('text the database cannot store', () => {
    const h = useHarness(kind);

    test('a NUL or lone surrogate in a note or a value makes that row invalid, naming the field; the good rows are stored', async () => {
      const res = await postBatch(h, 'pte.reporter', [
        { indicatorId: '1', value: 87, explanation: NUL, baseVersion: 0 },
        { indicatorId: '3', value: [true, LONE_HIGH], baseVersion: 0 },
        { indicatorId: '2', value: { num: 40, [LONE_LOW]: 1 }, baseVersion: 0 },
        { indicatorId: '4.1', value: 3, remarks: 'ปกติ', baseVersion: 0 },
        { indicatorId: '4.2', value: 'ห้า\u0000', baseVersion: 0 },
      ]);
      expect(res.statusCode).toBe(200);
      const results = res.json().results;
      expect(results.map((r: Json) => r.outcome)).toEqual(['invalid', 'invalid', 'invalid', 'accepted', 'invalid']);
      expect(results.map((r: Json) => r.issues?.[0]?.field)).toEqual(['explanation', 'value.1', 'value.\\udc00', undefined, 'value']);
      expect(results[0].issues[0]).toMatchObject({ code: 'unstorable-text', indicatorId: '1' });
      expect(results[0].issues[0].message.th).toContain('จัดเก็บไม่ได้');
      expect(results[0].issues[0].message.en).toContain('cannot be stored');
      expect((await getReports(h, 'pte.reporter')).map((r) => r.indicatorId)).toEqual(['4.1']);
    });

    test('an indicator id with a NUL is a 400 naming body.rows.0.indicatorId, not a 500', async () => {
      const body = await refusedWith400(
        h,
        () => postBatch(h, 'pte.reporter', [{ indicatorId: NUL, value: 1, baseVersion: 0 }]),
        'body.rows.0.indicatorId',
      );
      expect(body.error.message).toContain('cannot be stored');
    });

    test('comments of approve and return, with a NUL or a lone surrogate: 400 naming body.comment', async () => {
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { action: 'submit' });
      const headers = await as(h, 'pte.approver');
      for (const [decision, comment] of [
        ['approve', NUL],
        ['return', LONE_HIGH],
      ] as const) {
        await refusedWith400(
          h,
          () => h.app.inject({ method: 'POST', url: `${reportsUrl()}/1/${decision}`, headers, payload: { comment } }),
          'body.comment',
        );
      }
    });

    test('ids in the path and the audit query, with a NUL or an encoded lone surrogate: 400, not a 500', async () => {
      const reporter = await as(h, 'pte.reporter');
      for (const unit of ['%00', 'p%00te', '%ED%A0%80']) {
        const res = await h.app.inject({
          method: 'GET',
          url: `/api/v1/assessments/${AID}/rounds/6/units/${unit}/reports`,
          headers: reporter,
        });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }
      await refusedWith400(
        h,
        async () =>
          h.app.inject({ method: 'GET', url: `/api/v1/assessments/${AID}/rounds/6/units/pte/reports/a%00/attachments`, headers: reporter }),
        'params.indicatorId',
      );
      const central = await as(h, 'central');
      await refusedWith400(
        h,
        async () => h.app.inject({ method: 'GET', url: '/api/v1/audit?unit=%00', headers: central }),
        'querystring.unit',
      );
      await refusedWith400(
        h,
        async () => h.app.inject({ method: 'GET', url: '/api/v1/audit?assessment=x%00', headers: central }),
        'querystring.assessment',
      );
    });

    test('a username with a NUL at sign-in: 400, not a 500', async () => {
      await refusedWith400(
        h,
        () => h.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: `pte.reporter${'\u0000'}`, password: 'pw' } }),
        'body.username',
      );
    });

    test('an assessment document with a NUL or a lone surrogate anywhere: 400 with its JSON path', async () => {
      const headers = await as(h, 'central');
      const doc = fixtureAssessment();
      (doc.indicators as Json[])[1].variables[0].name = NUL;
      await refusedWith400(
        h,
        () => h.app.inject({ method: 'PUT', url: `/api/v1/assessments/${AID}`, headers, payload: doc }),
        'body.indicators.1.variables.0.name',
      );
      const other = { ...fixtureAssessment(), title: LONE_HIGH };
      await refusedWith400(
        h,
        () => h.app.inject({ method: 'PUT', url: `/api/v1/assessments/${AID}`, headers, payload: other }),
        'body.title',
      );
    });

    test('a database data error (SQLSTATE class 22) is a 400, not a 500 the client would retry for ever', async () => {
      // Whatever slips past the schemas: real errors of this database, through the server's error handling.
      const app = Fastify();
      installErrorHandling(app);
      app.get('/nul', async () => (await sql`select ${'a\u0000b'}::text as t`.execute(h.db)).rows);
      app.get('/range', async () => (await sql`select ${'99999999999'}::int as n`.execute(h.db)).rows);
      app.get('/json', async () => (await sql`select ${'{"a":"\\u0000"}'}::jsonb as j`.execute(h.db)).rows);
      try {
        for (const url of ['/nul', '/range', '/json']) {
          const res = await app.inject({ method: 'GET', url });
          expect([url, res.statusCode]).toEqual([url, 400]);
          expect(res.json().error).toMatchObject({ code: 'invalid_request', details: { sqlState: expect.stringMatching(/^22/) } });
          expect(res.json().error.messageTh).toContain('ฐานข้อมูล');
        }
      } finally {
        await app.close();
      }
    });
  });

  describe('sizes and depth', () => {
    const h = useHarness(kind);

    test('a value text over 100 characters (a 1 MiB "number") makes its row invalid and is not stored', async () => {
      const res = await postBatch(h, 'pte.reporter', [
        { indicatorId: '1', value: '9'.repeat(1024 * 1024), baseVersion: 0 },
        { indicatorId: '2', value: { num: 'ห'.repeat(101), den: 50 }, baseVersion: 0 },
        { indicatorId: '3', value: Array(101).fill(true), baseVersion: 0 },
        { indicatorId: '4.1', value: 'ก'.repeat(100), baseVersion: 0 },
      ]);
      expect(res.statusCode).toBe(200);
      const results = res.json().results;
      expect(results.map((r: Json) => r.issues?.[0]?.code)).toEqual([
        'value-too-long',
        'value-too-long',
        'value-too-large',
        expect.any(String),
      ]);
      // 100 characters are within the limit: that row is refused by the domain's reading (not a number), not by size.
      expect(results[3].issues[0].code).not.toMatch(/^value-too/);
      expect(results[0].issues[0].message.th).toContain('100');
      expect((await getReports(h, 'pte.reporter')).every((r) => JSON.stringify(r.value).length < 1000)).toBe(true);
    });

    test('a note over 10,000 characters is a 400 naming the field', async () => {
      await refusedWith400(
        h,
        () => postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, obstacles: 'ก'.repeat(10_001), baseVersion: 0 }]),
        'body.rows.0.obstacles',
      );
      expect(
        (await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, obstacles: 'ก'.repeat(10_000), baseVersion: 0 }])).json()
          .results[0].outcome,
      ).toBe('accepted');
    });

    test('a value nested 10,000 deep is a 400 naming body.rows.0.value, not a stack overflow', async () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      const headers = { ...(await as(h, 'pte.reporter')), 'content-type': 'application/json', 'idempotency-key': randomUUID() };
      const payload = `{"action":"save","rows":[{"indicatorId":"1","baseVersion":0,"value":${deep}}]}`;
      await refusedWith400(h, () => h.app.inject({ method: 'POST', url: reportsUrl(), headers, payload }), 'body.rows.0.value');
    });

    test('a retry that adds "explanation": null or orders keys otherwise gets the stored answer, not a 422', async () => {
      const key = randomUUID();
      const first = await postBatch(h, 'pte.reporter', [{ indicatorId: '2', value: { num: 40, den: 50 }, baseVersion: 0 }], { key });
      expect(first.statusCode).toBe(200);
      const retry = await postBatch(
        h,
        'pte.reporter',
        [{ baseVersion: 0, explanation: null, value: { den: 50, num: 40 }, indicatorId: '2' }],
        { key },
      );
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
      const other = await postBatch(h, 'pte.reporter', [{ indicatorId: '2', value: { num: 41, den: 50 }, baseVersion: 0 }], { key });
      expect(other.statusCode).toBe(422);
    });

    test('bidi controls are dropped from an attachment\'s file name ("report\\u202Eexe.pdf" does not read "reportfdp.exe")', async () => {
      await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }]);
      const body = multipart('report\u202Eexe\u2066.pdf', PDF);
      const res = await h.app.inject({
        method: 'POST',
        url: `${reportsUrl()}/1/attachments`,
        headers: { ...(await as(h, 'pte.reporter')), ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().filename).toBe('reportexe.pdf');
    });

    test('a unit or indicator id over 100 characters (which no path could address) is refused in an assessment', async () => {
      const headers = await as(h, 'central');
      const long = 'u'.repeat(101);
      const doc = fixtureAssessment();
      (doc.units as Json[]).push({ id: long, name: 'ยาว' });
      await refusedWith400(
        h,
        () => h.app.inject({ method: 'PUT', url: `/api/v1/assessments/${AID}`, headers, payload: doc }),
        'body.units.2.id',
      );
      const nested = fixtureAssessment();
      (nested.indicators as Json[])[3].children[1].id = long;
      await refusedWith400(
        h,
        () => h.app.inject({ method: 'PUT', url: `/api/v1/assessments/${AID}`, headers, payload: nested }),
        'body.indicators.3.children.1.id',
      );
      const ok = fixtureAssessment();
      (ok.units as Json[]).push({ id: 'u'.repeat(100), name: 'ยาวพอดี' });
      expect((await h.app.inject({ method: 'PUT', url: `/api/v1/assessments/${AID}`, headers, payload: ok })).statusCode).toBe(200);
      const reporter = await as(h, 'central');
      expect(
        (
          await h.app.inject({
            method: 'GET',
            url: `/api/v1/assessments/${AID}/rounds/6/units/${'u'.repeat(100)}/scores`,
            headers: reporter,
          })
        ).statusCode,
      ).toBe(200);
    });
  });

  describe('audit pages bounded by size', () => {
    const PAGE_BYTES = 64 * 1024;
    const h = useHarness(kind, { auditPageBytes: PAGE_BYTES });

    test('events with large notes come in pages of at most the byte limit, each with `next`, and none is missed', async () => {
      const note = 'ข'.repeat(10_000);
      for (const [i, id] of ['1', '3', '4.1', '4.2'].entries()) {
        await postBatch(h, 'pte.reporter', [
          { indicatorId: id, value: i + 1, explanation: note, obstacles: note, remarks: note, baseVersion: 0 },
        ]);
      }
      const headers = await as(h, 'central');
      const seen: number[] = [];
      let after: number | undefined;
      let pages = 0;
      for (;;) {
        const res = await h.app.inject({
          method: 'GET',
          url: `/api/v1/audit?limit=5000${after === undefined ? '' : `&after=${after}`}`,
          headers,
        });
        expect(res.statusCode).toBe(200);
        const page = res.json();
        pages++;
        const bytes = page.events.reduce(
          (n: number, e: Json) => n + Buffer.byteLength(JSON.stringify(e.old ?? '')) + Buffer.byteLength(JSON.stringify(e.new ?? '')),
          0,
        );
        if (page.events.length > 1) expect(bytes).toBeLessThanOrEqual(PAGE_BYTES + 1000);
        seen.push(...page.events.map((e: Json) => e.id));
        if (page.next === undefined) break;
        expect(page.next).toBe(page.events[page.events.length - 1].id);
        after = page.next;
      }
      // 5 users + the assessment + 4 saves of ~90 KB of UTF-8 each: each save is a page of its own.
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(pages).toBeGreaterThanOrEqual(4);
    });

    test('a page full by count says so with `next`', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/v1/audit?limit=2', headers: await as(h, 'central') });
      expect(res.json().events).toHaveLength(2);
      expect(res.json().next).toBe(res.json().events[1].id);
    });
  });

  describe('writes per user', () => {
    const h = useHarness(kind, { writesPerMinutePerUser: 3 });

    test('past the limit a user gets 429 rate_limited with Retry-After; another user (same address) still writes', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 80 + i, baseVersion: i }])).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const refused = await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 99, baseVersion: 3 }]);
      expect(refused.json().error.code).toBe('rate_limited');
      expect(refused.json().error.messageTh).toContain('ต่อผู้ใช้');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await postBatch(h, 'cbi.reporter', [{ indicatorId: '1', value: 80, baseVersion: 0 }], { unit: 'cbi' })).statusCode).toBe(200);
      // Reads are not writes.
      expect((await h.app.inject({ method: 'GET', url: reportsUrl(), headers: await as(h, 'pte.reporter') })).statusCode).toBe(200);
    });
  });
}

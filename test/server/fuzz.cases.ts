/**
 * Properties over malformed requests (fast-check): whatever the ids, headers, bodies and files, the server
 * never answers 5xx, always answers an error in the one shape, and a refused request (4xx) changes nothing.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { as, snapshot } from './client';
import { multipart } from './attachments.cases';
import { fixtureAssessment } from './fixtures';
import { useHarness, type DbKind, type Harness } from './harness';

const ROUTES: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string }[] = [
  { method: 'POST', path: '/api/v1/sessions' },
  { method: 'GET', path: '/api/v1/assessments' },
  { method: 'GET', path: '/api/v1/assessments/:aid' },
  { method: 'PUT', path: '/api/v1/assessments/:aid' },
  { method: 'GET', path: '/api/v1/assessments/:aid/rounds/:round/units/:unit/reports' },
  { method: 'POST', path: '/api/v1/assessments/:aid/rounds/:round/units/:unit/reports' },
  { method: 'POST', path: '/api/v1/assessments/:aid/rounds/:round/units/:unit/reports/:indicatorId/approve' },
  { method: 'POST', path: '/api/v1/assessments/:aid/rounds/:round/units/:unit/reports/:indicatorId/return' },
  { method: 'POST', path: '/api/v1/assessments/:aid/rounds/:round/units/:unit/reports/:indicatorId/attachments' },
  { method: 'GET', path: '/api/v1/assessments/:aid/rounds/:round/units/:unit/reports/:indicatorId/attachments' },
  { method: 'GET', path: '/api/v1/assessments/:aid/rounds/:round/units/:unit/reports/:indicatorId/attachments/:attachmentId' },
  { method: 'GET', path: '/api/v1/assessments/:aid/rounds/:round/units/:unit/scores' },
  { method: 'GET', path: '/api/v1/audit' },
  { method: 'DELETE', path: '/api/v1/sessions/current' },
];

/** Text PostgreSQL cannot store: NUL and unpaired surrogates, alone or inside other text. */
const unstorableArb = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud800y', '\udc00\ud800', '\u0000\ud83d'),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\ud800', '\udc00'), fc.string({ maxLength: 10 }))
    .map(([a, b, c]) => a + b + c),
);

/** Any text a field might get: ordinary, long, or one that cannot be stored. */
const textArb = fc.oneof(fc.string({ maxLength: 40 }), unstorableArb, fc.constantFrom('ขาดหลักฐาน', '๓,๐๕๐', '85%'));

/** Ids that are real, almost real, or hostile. */
const idArb = fc.oneof(
  unstorableArb,
  fc.constantFrom('test-2567', 'pte', 'cbi', '1', '2', '4', '4.1', '6', '12', '0', '-1', '13', '1e3', '..', '%00', "' or 1=1 --", 'ปทุมธานี'),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 101, maxLength: 300 }),
);

const bodyArb = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue(),
  fc.record({
    action: fc.oneof(fc.constantFrom('save', 'submit'), fc.string()),
    rows: fc.oneof(
      fc.array(
        fc.record(
          {
            indicatorId: fc.oneof(idArb, fc.integer()),
            value: fc.oneof(
              fc.jsonValue(),
              textArb,
              fc.array(fc.oneof(fc.boolean(), textArb), { maxLength: 3 }),
              fc.dictionary(textArb, fc.oneof(fc.integer(), textArb), { maxKeys: 3 }),
            ),
            baseVersion: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(0)),
            explanation: fc.oneof(fc.jsonValue(), textArb),
            obstacles: textArb,
            remarks: fc.oneof(fc.constant(null), textArb),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
      fc.jsonValue(),
    ),
  }),
  fc.record(
    {
      username: fc.oneof(fc.jsonValue(), textArb, fc.constantFrom('pte.reporter\u0000', 'central\ud800')),
      password: fc.oneof(fc.jsonValue(), textArb),
    },
    { requiredKeys: [] },
  ),
  fc.record({ comment: fc.oneof(fc.jsonValue(), textArb), version: fc.jsonValue() }, { requiredKeys: [] }),
);

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);

/** A path segment percent-encoded; an unpaired surrogate as the bytes a careless encoder would send (WTF-8). */
function encodeSegment(id: string): string {
  return Array.from(id, (c) => {
    const unit = c.charCodeAt(0);
    if (c.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(c);
  }).join('');
}

function fill(path: string, ids: string[]): string {
  let i = 0;
  return path.replace(/:[a-zA-Z]+/g, () => encodeSegment(ids[i++ % ids.length] ?? ''));
}

function checkAnswer(res: LightMyRequestResponse): void {
  expect(res.statusCode).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = res.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message).toBe('string');
    expect(typeof body.error.messageTh).toBe('string');
  }
}

async function refusedChangesNothing(h: Harness, send: () => Promise<LightMyRequestResponse>): Promise<void> {
  const before = await snapshot(h);
  const res = await send();
  checkAnswer(res);
  if (res.statusCode >= 400) expect(await snapshot(h)).toBe(before);
}

export function fuzzCases(kind: DbKind, numRuns = 40): void {
  const h = useHarness(kind);

  test('malformed ids, headers and bodies on every route: never 5xx, errors in one shape, a refusal changes nothing', async () => {
    const tokens = { central: await h.token('central'), reporter: await h.token('pte.reporter'), approver: await h.token('pte.approver') };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.array(idArb, { minLength: 6, maxLength: 6 }),
        bodyArb,
        fc.constantFrom('central', 'reporter', 'approver', 'none', 'garbage') as fc.Arbitrary<keyof typeof tokens | 'none' | 'garbage'>,
        fc.option(headerValue),
        fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', 'multipart/form-data'),
        async (route, ids, body, who, key, contentType) => {
          const headers: Record<string, string> = {};
          if (who === 'garbage') headers.authorization = 'Bearer ' + 'A'.repeat(43);
          else if (who !== 'none') headers.authorization = `Bearer ${tokens[who]}`;
          if (key !== null) headers['idempotency-key'] = key;
          const hasBody = route.method !== 'GET' && route.method !== 'DELETE' && body !== undefined;
          if (hasBody) headers['content-type'] = contentType;
          const query =
            route.path === '/api/v1/audit' ? `?unit=${encodeSegment(ids[0] ?? '')}&assessment=${encodeSegment(ids[1] ?? '')}` : '';
          await refusedChangesNothing(h, () =>
            h.app.inject({
              method: route.method,
              url: fill(route.path, ids) + query,
              headers,
              ...(hasBody ? { payload: JSON.stringify(body) } : {}),
            }),
          );
        },
      ),
      { numRuns },
    );
  });

  test('NUL and lone surrogates in every text of a real batch, review and assessment: never 5xx, and nothing of them is stored', async () => {
    const url = '/api/v1/assessments/test-2567/rounds/6/units/pte/reports';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'indicatorId',
          'value',
          'step',
          'variable',
          'variableName',
          'explanation',
          'obstacles',
          'remarks',
          'comment',
          'username',
          'title',
          'unitName',
          'indicatorName',
        ),
        unstorableArb,
        async (field, bad) => {
          // Signed in afresh each run: the reset at its end ends every session.
          const [reporter, approver, central] = [await as(h, 'pte.reporter'), await as(h, 'pte.approver'), await as(h, 'central')];
          let res: LightMyRequestResponse;
          if (field === 'comment') {
            await h.app.inject({
              method: 'POST',
              url,
              headers: { ...reporter, 'idempotency-key': `c-${Math.random()}` },
              payload: { action: 'submit', rows: [{ indicatorId: '1', value: 87, baseVersion: 0 }] },
            });
            res = await h.app.inject({ method: 'POST', url: `${url}/1/return`, headers: approver, payload: { comment: bad } });
            expect(res.statusCode).toBe(400);
          } else if (field === 'username') {
            res = await h.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: bad, password: 'pw' } });
            expect(res.statusCode).toBe(400);
          } else if (field === 'title' || field === 'unitName' || field === 'indicatorName') {
            const doc = fixtureAssessment();
            if (field === 'title') doc.title = bad;
            else if (field === 'unitName') (doc.units as { name: string }[])[0]!.name = bad;
            else (doc.indicators as { name: string }[])[0]!.name = bad;
            res = await h.app.inject({ method: 'PUT', url: '/api/v1/assessments/test-2567', headers: central, payload: doc });
            expect(res.statusCode).toBe(400);
          } else {
            const row: Record<string, unknown> = { indicatorId: '3', value: [true, false], baseVersion: 0 };
            if (field === 'indicatorId') row.indicatorId = bad;
            else if (field === 'value') row.value = bad;
            else if (field === 'step') row.value = [true, bad];
            else if (field === 'variable') Object.assign(row, { indicatorId: '2', value: { num: bad, den: 50 } });
            else if (field === 'variableName') Object.assign(row, { indicatorId: '2', value: { [bad]: 1, num: 4 } });
            else row[field] = bad;
            const good = { indicatorId: '4.1', value: 3, baseVersion: 0 };
            res = await h.app.inject({
              method: 'POST',
              url,
              headers: { ...reporter, 'idempotency-key': `k-${Math.random()}` },
              payload: { action: 'save', rows: [row, good] },
            });
            checkAnswer(res);
            if (res.statusCode === 200) {
              expect(res.json().results[0]).toMatchObject({ outcome: 'invalid', issues: [{ code: 'unstorable-text' }] });
              expect(res.json().results[1]).toMatchObject({ outcome: 'accepted' });
            } else {
              expect(res.statusCode).toBe(400);
            }
          }
          checkAnswer(res);
          const stored = await h.db
            .selectFrom('reports')
            .select(['indicator_id', 'value', 'explanation', 'obstacles', 'remarks', 'comment'])
            .execute();
          expect(stored.every((r) => !/\u0000|\ufffd/.test(JSON.stringify(r)))).toBe(true);
          await h.reset();
        },
      ),
      { numRuns },
    );
  });

  test('any file with any name on a real row: never 5xx, and a refused upload stores nothing', async () => {
    const headers = await as(h, 'pte.reporter');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom('a.pdf', 'b.docx', 'c.xlsx', 'd.png', 'e.jpg', 'f.doc', 'x.exe', 'report\u202Eexe.pdf', '\u2067a.pdf'),
          unstorableArb.map((t) => `${t}.pdf`),
        ),
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
          fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...b])),
          fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, ...b])),
        ),
        fc.constantFrom('file', 'files', ''),
        async (name, bytes, field) => {
          const body = multipart(name.replace(/["\r\n]/g, ''), Buffer.from(bytes), field);
          await refusedChangesNothing(h, () =>
            h.app.inject({
              method: 'POST',
              url: '/api/v1/assessments/test-2567/rounds/6/units/pte/reports/1/attachments',
              headers: { ...headers, ...body.headers },
              payload: body.payload,
            }),
          );
        },
      ),
      { numRuns },
    );
  });
}

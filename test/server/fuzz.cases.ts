/**
 * Properties over malformed requests (fast-check): whatever the ids, headers, bodies and files, the server
 * never answers 5xx, always answers an error in the one shape, and a refused request (4xx) changes nothing.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { as, snapshot } from './client';
import { multipart } from './attachments.cases';
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

/** Ids that are real, almost real, or hostile. */
const idArb = fc.oneof(
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
          { indicatorId: fc.oneof(idArb, fc.integer()), value: fc.jsonValue(), baseVersion: fc.oneof(fc.integer(), fc.double(), fc.string()), explanation: fc.jsonValue() },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
      fc.jsonValue(),
    ),
  }),
  fc.record({ username: fc.jsonValue(), password: fc.jsonValue() }, { requiredKeys: [] }),
  fc.record({ comment: fc.jsonValue(), version: fc.jsonValue() }, { requiredKeys: [] }),
);

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);

function fill(path: string, ids: string[]): string {
  let i = 0;
  return path.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(ids[i++ % ids.length] ?? ''));
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
          await refusedChangesNothing(h, () =>
            h.app.inject({ method: route.method, url: fill(route.path, ids), headers, ...(hasBody ? { payload: JSON.stringify(body) } : {}) }),
          );
        },
      ),
      { numRuns },
    );
  });

  test('any file with any name on a real row: never 5xx, and a refused upload stores nothing', async () => {
    const headers = await as(h, 'pte.reporter');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('a.pdf', 'b.docx', 'c.xlsx', 'd.png', 'e.jpg', 'f.doc', 'x.exe')),
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
              method: 'POST', url: '/api/v1/assessments/test-2567/rounds/6/units/pte/reports/1/attachments',
              headers: { ...headers, ...body.headers }, payload: body.payload,
            }),
          );
        },
      ),
      { numRuns },
    );
  });
}

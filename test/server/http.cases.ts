/** The API as HTTP: the OpenAPI document, the one error shape, body limits, CORS, health. */
import { as, reportsUrl, type Json } from './client';
import { useHarness, type DbKind } from './harness';

export function httpCases(kind: DbKind): void {
  const h = useHarness(kind, { jsonBodyLimit: 64 * 1024, batchBodyLimit: 256 * 1024 });

  test('GET /openapi.json is an OpenAPI 3 document with every route, its schemas and bearer security', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ms]) =>
      Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /healthz',
        'POST /api/v1/sessions',
        'GET /api/v1/sessions/current',
        'DELETE /api/v1/sessions/current',
        'GET /api/v1/assessments',
        'GET /api/v1/assessments/{aid}',
        'PUT /api/v1/assessments/{aid}',
        'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports',
        'POST /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports',
        'POST /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/approve',
        'POST /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/return',
        'POST /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/attachments',
        'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/attachments',
        'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports/{indicatorId}/attachments/{attachmentId}',
        'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/scores',
        'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/report.pdf',
        'GET /api/v1/assessments/{aid}/rounds/{round}/units/{unit}/report.docx',
        'GET /api/v1/assessments/{aid}/rounds/{round}/reports',
        'GET /api/v1/assessments/{aid}/rounds/{round}/overview',
        'GET /api/v1/assessments/{aid}/units/{unit}/history',
        'GET /api/v1/audit',
      ].sort(),
    );
    const batch = doc.paths['/api/v1/assessments/{aid}/rounds/{round}/units/{unit}/reports'].post;
    expect(batch.requestBody.content['application/json'].schema.properties.action.enum).toEqual(['save', 'submit']);
    expect(batch.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['idempotency-key', 'aid', 'round', 'unit']));
    expect(batch.responses['200'].content['application/json'].schema.properties.results).toBeDefined();
    expect(batch.responses['409'].content['application/json'].schema.properties.error).toBeDefined();
    expect(batch.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });

  test('GET /healthz answers ok without signing in', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  test('an unknown path is 404 in the error shape', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String), messageTh: expect.any(String) } });
  });

  test('broken JSON is 400 invalid_json, with no stack trace', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: reportsUrl(),
      headers: { ...(await as(h, 'pte.reporter')), 'content-type': 'application/json', 'idempotency-key': 'k' },
      payload: '{"action": "save", rows: [',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    expect(res.body).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  test('a body over the limit is 413 (the batch route has its own, larger limit)', async () => {
    const headers = { ...(await as(h, 'central')), 'content-type': 'application/json' };
    const big = JSON.stringify({ format: 'x', id: 'test-2567', pad: 'x'.repeat(100 * 1024) });
    const put = await h.app.inject({ method: 'PUT', url: '/api/v1/assessments/test-2567', headers, payload: big });
    expect(put.statusCode).toBe(413);
    expect(put.json().error.code).toBe('payload_too_large');
    const rows = Array.from({ length: 400 }, (_, i) => ({ indicatorId: '1', value: 1, remarks: 'x'.repeat(200), baseVersion: i }));
    const batch = await h.app.inject({
      method: 'POST',
      url: reportsUrl(),
      headers: { ...(await as(h, 'pte.reporter')), 'idempotency-key': 'big' },
      payload: { action: 'save', rows },
    });
    expect(batch.statusCode).toBe(200);
    const tooBig = await h.app.inject({
      method: 'POST',
      url: reportsUrl(),
      headers: { ...(await as(h, 'pte.reporter')), 'idempotency-key': 'bigger' },
      payload: { action: 'save', rows: [...rows, ...rows, ...rows, ...rows] },
    });
    expect(tooBig.statusCode).toBe(413);
  });

  test('a body that is not JSON is 415', async () => {
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/assessments/test-2567',
      headers: { ...(await as(h, 'central')), 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  test("CORS answers only the add-in's origin", async () => {
    const preflight = (origin: string) =>
      h.app.inject({
        method: 'OPTIONS',
        url: reportsUrl(),
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,idempotency-key,content-type',
        },
      });
    const ok = await preflight('https://localhost:3000');
    expect(ok.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    expect(String(ok.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('every answer says no-store and nosniff: the sign-in, data, errors, files', async () => {
    const signIn = await h.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'pte.reporter', password: 'pw' } });
    const headers = { authorization: `Bearer ${signIn.json().token}` };
    const answers = [
      signIn,
      await h.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'pte.reporter', password: 'wrong' } }),
      await h.app.inject({ method: 'GET', url: reportsUrl(), headers }),
      await h.app.inject({ method: 'GET', url: '/api/v1/assessments', headers }),
      await h.app.inject({ method: 'GET', url: '/api/v1/nothing', headers }),
      await h.app.inject({ method: 'GET', url: '/healthz' }),
    ];
    for (const res of answers) {
      expect([res.statusCode, res.headers['cache-control'], res.headers['x-content-type-options']]).toEqual([
        res.statusCode,
        'no-store',
        'nosniff',
      ]);
    }
  });
}

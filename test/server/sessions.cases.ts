import { as } from './client';
import { useHarness, type DbKind } from './harness';

export function sessionCases(kind: DbKind): void {
  const h = useHarness(kind, { signInLimit: { maxFailuresPerUser: 3, maxFailuresPerIp: 50, windowMs: 15 * 60_000 } });
  const signIn = (username: string, password: string, app = h.app) =>
    app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password } });

  test('sign-in gives a token, the user with roles and units, and the token opens the API', async () => {
    const res = await signIn('pte.reporter', 'pw');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toEqual({ username: 'pte.reporter', name: 'ผู้รายงาน ปทุมธานี', roles: ['reporter'], units: ['pte'] });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(body.expiresAt) - h.clock.now.getTime()).toBe(8 * 60 * 60 * 1000);
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/sessions/current', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('pte.reporter');
  });

  test('only the hash of a token is stored', async () => {
    const { token } = (await signIn('central', 'pw')).json();
    const rows = await h.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a wrong password and an unknown user get the same 401', async () => {
    const wrong = await signIn('pte.reporter', 'nope');
    const unknown = await signIn('nobody', 'pw');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(wrong.json().error.messageTh).toMatch(/รหัสผ่าน/);
  });

  test('a missing, malformed or unknown token is 401 in the error shape', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer short', `Bearer ${'x'.repeat(43)}`]) {
      const res = await h.app.inject({ method: 'GET', url: '/api/v1/assessments', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  test('a token expires after 8 hours', async () => {
    const headers = await as(h, 'pte.reporter');
    h.clock.now = new Date(h.clock.now.getTime() + 8 * 60 * 60 * 1000 - 1000);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/sessions/current', headers })).statusCode).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 2000);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/sessions/current', headers })).statusCode).toBe(401);
  });

  test('sign-out ends the session', async () => {
    const headers = await as(h, 'pte.reporter');
    expect((await h.app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/sessions/current', headers })).statusCode).toBe(401);
  });

  test('after too many failures even the right password is refused (429), on every instance, until the window passes', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('pte.reporter', `bad${i}`)).statusCode).toBe(401);
    const refused = await signIn('pte.reporter', 'pw');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('too_many_attempts');
    expect(refused.headers['retry-after']).toBe('900');
    // The count is in the database: another instance refuses too.
    const other = await h.secondApp();
    expect((await signIn('pte.reporter', 'pw', other)).statusCode).toBe(429);
    // Other users are not locked out.
    expect((await signIn('cbi.reporter', 'pw')).statusCode).toBe(201);
    h.clock.now = new Date(h.clock.now.getTime() + 15 * 60_000 + 1000);
    expect((await signIn('pte.reporter', 'pw')).statusCode).toBe(201);
  });

  test('a sign-in body that is not { username, password } is 400', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
  });
}

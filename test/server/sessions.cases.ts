import { createUser } from '../../src/server/store/users';
import { as } from './client';
import { useHarness, type DbKind } from './harness';

const tally = (statuses: number[]): Record<number, number> => {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
};

export function sessionCases(kind: DbKind): void {
  // A wide hashing line here, so that what these tests see is the database's count, not the line's refusals.
  const h = useHarness(kind, {
    signInLimit: { maxFailuresPerUserAddress: 3, maxFailuresPerIp: 50, windowMs: 15 * 60_000, freeFailuresPerUser: 6 },
    hashGate: { concurrency: 2, queue: 1000, perAddress: 1000 },
  });
  const signIn = (username: string, password: string, app = h.app, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password }, remoteAddress });

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

  test('60 concurrent guesses for one user, on two instances: at most the limit (3) are tried, the right password among the rest never gets in', async () => {
    const other = await h.secondApp();
    const guesses = Array.from({ length: 60 }, (_, i) => (i === 50 ? 'pw' : `bad${i}`));
    const answers = await Promise.all(guesses.map((pw, i) => signIn('pte.reporter', pw, i % 2 ? other : h.app)));
    const statuses = answers.map((r) => r.statusCode);
    const tried = statuses.filter((s) => s === 401 || s === 201).length;
    expect(tried).toBeLessThanOrEqual(3);
    expect(tally(statuses)[429]).toBeGreaterThanOrEqual(57);
    // The right password was guess 50: it got in only if it was one of the three tried.
    if (statuses[50] === 201) expect(tried).toBeLessThanOrEqual(3);
    const rows = await h.db.selectFrom('sign_in_attempts').selectAll().execute();
    expect(rows.length).toBe(tried);
    expect((await signIn('pte.reporter', 'pw')).statusCode).toBe(statuses[50] === 201 ? 201 : 429);
  });

  test('300 concurrent guesses from one address over many usernames: at most the address limit (50) are tried', async () => {
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => signIn(`user${i % 100}`, `bad${i}`, h.app, '10.9.9.9')));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(50);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(250);
    const refused = answers.find((r) => r.statusCode === 429)?.json();
    expect(refused.error.code).toBe('too_many_attempts');
    // Another address is not concerned.
    expect((await signIn('pte.reporter', 'pw', h.app, '10.1.1.1')).statusCode).toBe(201);
  });

  test('guesses from elsewhere do not lock the user out of an address they signed in from; elsewhere each attempt waits longer', async () => {
    expect((await signIn('pte.reporter', 'pw', h.app, '10.0.0.1')).statusCode).toBe(201);
    // An attacker guesses from two addresses until each is refused for this user (3 per address).
    for (const attacker of ['192.0.2.1', '192.0.2.2']) {
      for (let i = 0; i < 3; i++) expect((await signIn('pte.reporter', `bad${i}`, h.app, attacker)).statusCode).toBe(401);
      const refused = await signIn('pte.reporter', 'pw', h.app, attacker);
      expect([refused.statusCode, refused.json().error.details.reason]).toEqual([429, 'user-address']);
    }
    // Six failures (the 6 free ones used up): a third, new address must wait 1 second after the last failure.
    const waiting = await signIn('pte.reporter', 'pw', h.app, '192.0.2.3');
    expect([waiting.statusCode, waiting.json().error.details.reason, waiting.headers['retry-after']]).toEqual([429, 'user-delay', '1']);
    expect(waiting.json().error.messageTh).toMatch(/กรุณาลองใหม่ในอีก 1 วินาที/);
    // The user, from the address they signed in from, is not delayed at all.
    expect((await signIn('pte.reporter', 'pw', h.app, '10.0.0.1')).statusCode).toBe(201);
    // After the wait, one more guess is tried; the next wait doubles (7 failures: 2 seconds, then 4).
    h.clock.now = new Date(h.clock.now.getTime() + 1000);
    expect((await signIn('pte.reporter', 'bad', h.app, '192.0.2.3')).statusCode).toBe(401);
    expect((await signIn('pte.reporter', 'bad', h.app, '192.0.2.4')).headers['retry-after']).toBe('2');
    h.clock.now = new Date(h.clock.now.getTime() + 2000);
    expect((await signIn('pte.reporter', 'bad', h.app, '192.0.2.4')).statusCode).toBe(401);
    expect((await signIn('pte.reporter', 'bad', h.app, '192.0.2.5')).headers['retry-after']).toBe('4');
    // Refused attempts are not counted: knocking on, the attacker does not keep the door shut.
    for (let i = 0; i < 5; i++) expect((await signIn('pte.reporter', 'bad', h.app, '192.0.2.1')).statusCode).toBe(429);
    h.clock.now = new Date(h.clock.now.getTime() + 15 * 60_000 + 1000);
    expect((await signIn('pte.reporter', 'bad', h.app, '192.0.2.1')).statusCode).toBe(401);
  });

  describe('the hashing line', () => {
    const g = useHarness(kind, { hashGate: { concurrency: 1, queue: 4, perAddress: 2 } });

    test('a burst from one address is refused (503, Retry-After) before any hash; a sign-in from elsewhere still gets in', async () => {
      // A user with a production-like hash, so that a check takes long enough for the burst to queue.
      await createUser(
        g.db,
        { username: 'slow', name: 'slow', password: 'right', roles: ['reporter'], units: ['pte'] },
        { actor: 'setup', now: g.clock.now, cost: { log2N: 14, r: 8, p: 1 } },
      );
      const burst = Array.from({ length: 20 }, (_, i) =>
        g.app.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { username: 'slow', password: `bad${i}` },
          remoteAddress: '203.0.113.9',
        }),
      );
      const good = g.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { username: 'slow', password: 'right' },
        remoteAddress: '10.0.0.1',
      });
      const answers = await Promise.all(burst);
      expect((await good).statusCode).toBe(201);
      const busy = answers.filter((r) => r.statusCode === 503);
      expect(busy.length).toBeGreaterThanOrEqual(10);
      expect(busy[0]?.headers['retry-after']).toBe('1');
      expect(busy[0]?.json().error.code).toBe('busy');
      expect(g.app.hashGate.peak).toBe(1);
      // Nothing is recorded for a refused attempt.
      const failures = await g.db.selectFrom('sign_in_attempts').selectAll().where('succeeded', '=', false).execute();
      expect(failures.length).toBe(answers.filter((r) => r.statusCode === 401).length);
    });
  });
}

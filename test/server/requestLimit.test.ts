/**
 * SCOREBOOK_RATE_LIMIT_PER_MINUTE: counted per signed-in user, so colleagues behind one address (every inject
 * comes from 127.0.0.1) each have the whole limit; per address for the anonymous, and for tokens naming no session.
 */
import { rateLimitFrom } from '../../src/server/settings';
import { reportsUrl } from './client';
import { useHarness } from './harness';

jest.setTimeout(120_000);

const reports = reportsUrl();

describe('per signed-in user', () => {
  const h = useHarness('memory', { rateLimitPerMinute: 6 });

  test('two users behind one address each get the limit; past it a user gets 429 with Retry-After, the other still reads', async () => {
    const auth = async (u: string) => ({ authorization: `Bearer ${await h.token(u)}` });
    const a = await auth('pte.reporter');
    const b = await auth('pte.approver');
    const codes = async (headers: Record<string, string>, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await h.app.inject({ method: 'GET', url: reports, headers })).statusCode);
      return out;
    };
    expect(await codes(a, 7)).toEqual([200, 200, 200, 200, 200, 200, 429]);
    const refused = await h.app.inject({ method: 'GET', url: reports, headers: a });
    expect(refused.json().error.code).toBe('rate_limited');
    expect(refused.json().error.message).toContain('one user');
    expect(refused.json().error.messageTh).toContain('ต่อผู้ใช้');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The same address, another user: a budget of its own (the old per-address limit refused it here).
    expect(await codes(b, 6)).toEqual([200, 200, 200, 200, 200, 200]);
  });
});

describe('per address without a session', () => {
  const h = useHarness('memory', { rateLimitPerMinute: 4 });

  test('anonymous requests and unknown tokens share the address budget; a signed-in user there is not refused', async () => {
    // The sign-in itself is anonymous: 1 of 4.
    const token = await h.token('pte.reporter');
    const anonymous: number[] = [];
    anonymous.push((await h.app.inject({ method: 'GET', url: reports })).statusCode);
    anonymous.push(
      (await h.app.inject({ method: 'GET', url: reports, headers: { authorization: `Bearer ${'x'.repeat(43)}` } })).statusCode,
    );
    anonymous.push((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode);
    const over = await h.app.inject({ method: 'GET', url: reports, headers: { authorization: `Bearer ${'y'.repeat(43)}` } });
    expect(anonymous).toEqual([401, 401, 200]);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.messageTh).toContain('ไม่ได้เข้าสู่ระบบ');
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(429);
    expect((await h.app.inject({ method: 'GET', url: reports, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  });
});

describe('off', () => {
  const h = useHarness('memory', { rateLimitPerMinute: false });

  test('no limit at all', async () => {
    for (let i = 0; i < 30; i++) expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

test('SCOREBOOK_RATE_LIMIT_PER_MINUTE: unset keeps the default, 0 or off turns it off, a number sets it, garbage is said', () => {
  expect(rateLimitFrom({})).toEqual({});
  expect(rateLimitFrom({ SCOREBOOK_RATE_LIMIT_PER_MINUTE: '0' })).toEqual({ rateLimitPerMinute: false });
  expect(rateLimitFrom({ SCOREBOOK_RATE_LIMIT_PER_MINUTE: 'off' })).toEqual({ rateLimitPerMinute: false });
  expect(rateLimitFrom({ SCOREBOOK_RATE_LIMIT_PER_MINUTE: '6000' })).toEqual({ rateLimitPerMinute: 6000 });
  expect(() => rateLimitFrom({ SCOREBOOK_RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/SCOREBOOK_RATE_LIMIT_PER_MINUTE=lots/);
});

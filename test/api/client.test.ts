/** The client's retries, key reuse and pending queue, against a fake server that loses, stalls and repeats. */
import { ScorebookClient, type ClientOptions } from '../../src/api/client';
import { ApiError } from '../../src/api/clientError';
import { MemoryPendingStore } from '../../src/api/pending';
import { backoffDelay, DEFAULT_RETRY } from '../../src/api/retry';
import { FakeServer, rows, session } from './fakeServer';

const target = { aid: 'pte-2567', round: 6, unit: 'pte' };

function clientFor(server: FakeServer, extra: Partial<ClientOptions> = {}) {
  const delays: number[] = [];
  let n = 0;
  const client = new ScorebookClient({
    baseUrl: 'http://scorebook.test/',
    fetch: server.fetch,
    timeoutMs: 50,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    newKey: () => `key-${++n}`,
    ...extra,
  });
  client.useSession(session());
  return { client, delays };
}

const posts = (s: FakeServer) => s.requests.filter((r) => r.method === 'POST');

describe('retries', () => {
  it('retries a 5xx with the same Idempotency-Key, and the rows are stored once', async () => {
    const server = new FakeServer().script({ status: 503 }, { status: 500 });
    const { client, delays } = clientFor(server);
    const report = await client.submitRows(target, rows(3), { action: 'save' });
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(posts(server).map((r) => r.key)).toEqual(['key-1', 'key-1', 'key-1']);
    expect(delays).toHaveLength(2);
    expect(server.writes('1')).toBe(1);
  });

  it('resends a batch whose answer was lost; the server replays its answer and applies nothing twice', async () => {
    const server = new FakeServer().script('drop-response');
    const { client } = clientFor(server);
    const report = await client.submitRows(target, rows(2), { action: 'submit' });
    expect(report.outcomes).toEqual([
      expect.objectContaining({ indicatorId: '1', outcome: 'accepted' }),
      expect.objectContaining({ indicatorId: '2', outcome: 'accepted' }),
    ]);
    expect(posts(server).map((r) => r.key)).toEqual(['key-1', 'key-1']);
    expect(server.writes('1')).toBe(1);
    expect(server.rows.get('1')?.version).toBe(1);
  });

  it('gives up on a request with no answer in time and sends it again', async () => {
    const server = new FakeServer().script('hang', 'drop-request');
    const { client } = clientFor(server);
    const report = await client.submitRows(target, rows(1), { action: 'save' });
    expect(report.outcomes[0]?.outcome).toBe('accepted');
    expect(posts(server)).toHaveLength(3);
    expect(new Set(posts(server).map((r) => r.key))).toEqual(new Set(['key-1']));
  });

  it('a request delivered twice by the network is applied once', async () => {
    const server = new FakeServer().script('duplicate');
    const { client } = clientFor(server);
    const report = await client.submitRows(target, rows(2), { action: 'save' });
    expect(report.outcomes.every((o) => o.outcome === 'accepted')).toBe(true);
    expect(server.writes('2')).toBe(1);
  });

  it('an answer that does not match the contract is not trusted: sent again under the same key', async () => {
    const server = new FakeServer().script({ status: 200, body: { results: 'garbled' } });
    const { client } = clientFor(server);
    const report = await client.submitRows(target, rows(1), { action: 'save' });
    expect(report.outcomes[0]?.outcome).toBe('accepted');
    expect(posts(server).map((r) => r.key)).toEqual(['key-1', 'key-1']);
  });

  it.each([
    [400, 'invalid_request'],
    [403, 'forbidden'],
    [409, 'round_closed'],
    [413, 'payload_too_large'],
    [415, 'unsupported_media_type'],
    [422, 'idempotency_key_reused'],
  ])('never retries a %i (%s): the rows come back refused, the batch is kept marked refused with the message', async (status, code) => {
    const server = new FakeServer().script({ status, code });
    const { client, delays } = clientFor(server, { now: () => new Date('2024-03-25T03:00:00Z') });
    const report = await client.submitRows(target, rows(3), { action: 'submit' });
    expect(posts(server)).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['refused', 'refused', 'refused']);
    expect(report.error?.code).toBe(code);
    const kept = await client.pending.list();
    expect(kept).toHaveLength(1);
    expect(kept[0]?.body.rows).toHaveLength(3);
    expect(kept[0]?.refused).toEqual({ at: '2024-03-25T03:00:00.000Z', status, code, message: report.error?.userMessage });
  });

  it('a 429 (slow down) is not a refusal: the batch stays pending, unmarked, to be resent later under its key', async () => {
    const server = new FakeServer().script({ status: 429, code: 'rate_limited' });
    const { client } = clientFor(server);
    // One batch at a time: the second is never tried once the first is told to wait.
    const report = await client.submitRows(target, rows(4), { action: 'save', batchSize: 2, inFlight: 1 });
    expect(posts(server)).toHaveLength(1);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(Array(4).fill('pending'));
    expect((await client.pending.list()).map((b) => [b.key, b.refused])).toEqual([
      ['key-1', undefined],
      ['key-2', undefined],
    ]);
    expect((await client.resendPending()).outcomes.map((o) => o.outcome)).toEqual(Array(4).fill('accepted'));
    expect(await client.pending.list()).toEqual([]);
  });

  it('a batch refused as a whole is kept and shown, the batches after it still go, and resendPending never sends it again', async () => {
    const server = new FakeServer().script('ok', { status: 400, code: 'invalid_request' });
    const { client } = clientFor(server);
    const report = await client.submitRows(target, rows(5), { action: 'submit', batchSize: 2 });
    expect(posts(server).map((r) => r.key)).toEqual(['key-1', 'key-2', 'key-3']);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'refused', 'refused', 'accepted']);
    expect(report.error?.code).toBe('invalid_request');
    expect((await client.pending.list()).map((b) => [b.key, b.refused?.code])).toEqual([['key-2', 'invalid_request']]);
    const again = await client.resendPending();
    expect(again.outcomes).toEqual([]);
    expect(posts(server)).toHaveLength(3);
    expect(await client.pending.list()).toHaveLength(1);
  });

  it('stops after the configured retries and says the rows are kept', async () => {
    const server = new FakeServer();
    server.defaultFault = 'drop-request';
    const { client, delays } = clientFor(server, { retry: { retries: 3 } });
    const report = await client.submitRows(target, rows(1), { action: 'save' });
    expect(posts(server)).toHaveLength(4);
    expect(delays).toHaveLength(3);
    expect(report.outcomes[0]?.outcome).toBe('pending');
    expect(report.error?.code).toBe('network');
    expect(report.error?.userMessage.th).toContain('จะส่งให้อีกครั้ง');
    expect(report.error?.userMessage.en).toContain('kept');
  });
});

describe('batches and the pending store', () => {
  it('splits rows into batches of batchSize when one is given, each with its own key', async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    const report = await client.submitRows(target, rows(1_200), { action: 'save', batchSize: 500 });
    expect(posts(server).map((r) => [r.key, r.rows])).toEqual([
      ['key-1', 500],
      ['key-2', 500],
      ['key-3', 200],
    ]);
    expect(report.outcomes.map((o) => o.indicatorId)).toEqual(rows(1_200).map((r) => r.indicatorId));
    expect(await client.pending.list()).toEqual([]);
  });

  it('splits by bytes: a batch of rows with long Thai notes never exceeds the limit, and no row is left out or repeated', async () => {
    const server = new FakeServer();
    const bodies: number[] = [];
    const fetchAndMeasure: typeof server.fetch = (url, init) => {
      if (init.method === 'POST') bodies.push(Buffer.byteLength(String(init.body), 'utf8'));
      return server.fetch(url, init);
    };
    const { client } = clientFor(server, { fetch: fetchAndMeasure });
    // Notes of 1 to 10,000 characters of Thai with tone marks (3 bytes each in UTF-8: a character count would be a third of the truth).
    const long = rows(300).map((r, i) => ({
      ...r,
      explanation: 'น้ำลิ้นเยิ้มญี่ปุ่น'.repeat(1 + ((i * 37) % 500)).slice(0, 10_000),
      remarks: i % 7 === 0 ? 'ที่'.repeat(3_000) : null,
    }));
    const limit = 256 * 1024;
    const report = await client.submitRows(target, long, { action: 'save', batchBytes: limit });
    expect(bodies.length).toBeGreaterThan(5);
    for (const b of bodies) expect(b).toBeLessThanOrEqual(limit);
    // Full batches: each but the last would have overflowed with the next row.
    expect(Math.max(...bodies.slice(0, -1))).toBeGreaterThan(limit - 100_000);
    expect(posts(server).reduce((n, r) => n + r.rows, 0)).toBe(300);
    expect(report.outcomes.map((o) => [o.indicatorId, o.outcome])).toEqual(long.map((r) => [r.indicatorId, 'accepted']));
    for (const r of long) expect(server.writes(r.indicatorId)).toBe(1);
  });

  it('by default short rows go in few batches: 10,000 rows of a line of notes in two or three', async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    const many = rows(10_000).map((r) => ({ ...r, explanation: `คำชี้แจงการปฏิบัติงาน ${r.indicatorId}` }));
    const report = await client.submitRows(target, many, { action: 'save' });
    expect(posts(server).length).toBeGreaterThanOrEqual(2);
    expect(posts(server).length).toBeLessThanOrEqual(3);
    expect(report.outcomes.filter((o) => o.outcome === 'accepted')).toHaveLength(10_000);
  });

  it("with two batches in flight, each is in the store while it is sent and leaves it only after its own answer; outcomes keep the rows' order", async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    let inFlight = 0;
    let most = 0;
    server.onRequest = async (r) => {
      inFlight++;
      most = Math.max(most, inFlight);
      r.pendingAtSend = (await client.pending.list()).map((b) => b.key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    };
    const report = await client.submitRows(target, rows(9), { action: 'save', batchSize: 2, inFlight: 2 });
    expect(most).toBe(2);
    for (const r of posts(server)) expect(r.pendingAtSend).toContain(r.key);
    expect(report.outcomes.map((o) => o.indicatorId)).toEqual(rows(9).map((r) => r.indicatorId));
    expect(await client.pending.list()).toEqual([]);
  });

  it('stores every batch with its key before the first is sent, and removes each only after its answer', async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    server.onRequest = async (r) => {
      r.pendingAtSend = (await client.pending.list()).map((b) => b.key);
    };
    const progress: number[] = [];
    await client.submitRows(target, rows(5), { action: 'save', batchSize: 2, inFlight: 1, onProgress: (p) => progress.push(p.rowsDone) });
    expect(posts(server).map((r) => r.pendingAtSend)).toEqual([['key-1', 'key-2', 'key-3'], ['key-2', 'key-3'], ['key-3']]);
    expect(progress).toEqual([2, 4, 5]);
  });

  it('keeps what could not be confirmed when the server goes down, and resends it later with the same keys', async () => {
    const server = new FakeServer().script('ok', 'drop-response');
    server.defaultFault = 'drop-request';
    const store = new MemoryPendingStore();
    const first = clientFor(server, { pending: store, retry: { retries: 2 } }).client;
    const report = await first.submitRows(target, rows(6), { action: 'submit', batchSize: 2, inFlight: 1 });
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'pending', 'pending', 'pending', 'pending']);
    // The second batch reached the server (its answer was lost); the third was never tried.
    expect(posts(server).map((r) => r.key)).toEqual(['key-1', 'key-2', 'key-2', 'key-2']);
    expect((await store.list()).map((b) => b.key)).toEqual(['key-2', 'key-3']);

    // The pane is closed and opened again: a new client over the same store, the server back.
    server.defaultFault = 'ok';
    const second = clientFor(server, { pending: store, newKey: () => 'never-used' }).client;
    const resent = await second.resendPending();
    expect(resent.outcomes.map((o) => [o.indicatorId, o.outcome])).toEqual([
      ['3', 'accepted'],
      ['4', 'accepted'],
      ['5', 'accepted'],
      ['6', 'accepted'],
    ]);
    expect(
      posts(server)
        .slice(4)
        .map((r) => r.key),
    ).toEqual(['key-2', 'key-3']);
    for (const id of ['1', '2', '3', '4', '5', '6']) expect(server.writes(id)).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it('with two in flight, a server going down loses nothing: every row is accepted once or kept under its key, and the resend completes it', async () => {
    const server = new FakeServer().script('ok', 'drop-response');
    server.defaultFault = 'drop-request';
    const store = new MemoryPendingStore();
    const first = clientFor(server, { pending: store, retry: { retries: 2 } }).client;
    const report = await first.submitRows(target, rows(8), { action: 'submit', batchSize: 2, inFlight: 2 });
    const accepted = report.outcomes.filter((o) => o.outcome === 'accepted').map((o) => o.indicatorId);
    const pending = report.outcomes.filter((o) => o.outcome === 'pending').map((o) => o.indicatorId);
    expect([...accepted, ...pending].sort()).toEqual(
      rows(8)
        .map((r) => r.indicatorId)
        .sort(),
    );
    const kept = (await store.list()).flatMap((b) => b.body.rows.map((r) => r.indicatorId));
    expect(kept.sort()).toEqual([...pending].sort());
    server.defaultFault = 'ok';
    const resent = await clientFor(server, { pending: store, newKey: () => 'never-used' }).client.resendPending();
    expect(resent.outcomes.every((o) => o.outcome === 'accepted')).toBe(true);
    for (const r of rows(8)) expect(server.writes(r.indicatorId)).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it('a row someone changed since comes back as a conflict with who and when', async () => {
    const server = new FakeServer();
    const { client } = clientFor(server);
    await client.submitRows(target, rows(1), { action: 'save' });
    const report = await client.submitRows(target, rows(1), { action: 'save' });
    const o = report.outcomes[0];
    expect(o?.outcome).toBe('conflict');
    if (o?.outcome !== 'conflict') return;
    expect(o.result.current).toMatchObject({ version: 1, updatedBy: 'other' });
  });
});

describe('sessions', () => {
  it('when the session ends mid-work, asks for a new sign-in and carries on with the same key', async () => {
    const server = new FakeServer();
    server.validTokens = new Set(['t2']);
    let asked = 0;
    const { client } = clientFor(server, {
      reauthenticate: async () => {
        asked++;
        return session('t2');
      },
    });
    const report = await client.submitRows(target, rows(2), { action: 'save' });
    expect(asked).toBe(1);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted']);
    expect(posts(server).map((r) => [r.key, r.authorization])).toEqual([
      ['key-1', 'Bearer t1'],
      ['key-1', 'Bearer t2'],
    ]);
    expect(client.currentSession?.token).toBe('t2');
  });

  it('without a new sign-in the batch stays pending, nothing lost', async () => {
    const server = new FakeServer();
    server.validTokens = new Set();
    const { client } = clientFor(server, { reauthenticate: async () => undefined });
    const report = await client.submitRows(target, rows(2), { action: 'save' });
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['pending', 'pending']);
    expect(report.error?.needsSignIn).toBe(true);
    expect(report.error?.userMessage.th).toContain('เข้าสู่ระบบอีกครั้ง');
    expect(await client.pending.list()).toHaveLength(1);
  });
});

describe('errors a user can act on', () => {
  it('keeps the server’s words and adds the next step, in Thai and English', async () => {
    const server = new FakeServer().script({
      status: 409,
      body: {
        error: { code: 'round_closed', message: 'round 6 closed on 11 April 2024', messageTh: 'รอบ 6 เดือนปิดรับแล้วเมื่อ 11 เม.ย. 2567' },
      },
    });
    const { client } = clientFor(server);
    const e = (await client.submitRows(target, rows(1), { action: 'submit' })).error;
    expect(e).toBeInstanceOf(ApiError);
    expect(e?.status).toBe(409);
    expect(e?.userMessage.th).toContain('ปิดรับแล้ว');
    expect(e?.userMessage.th).toContain('ส่วนกลาง');
    expect(e?.userMessage.en).toContain('central office');
  });

  it('a 5xx without the error shape is still a readable message', async () => {
    const server = new FakeServer();
    server.defaultFault = { status: 502, body: '<html>bad gateway</html>' };
    const { client } = clientFor(server, { retry: { retries: 1 } });
    const e = (await client.submitRows(target, rows(1), { action: 'save' })).error;
    expect(e?.code).toBe('http_error');
    expect(e?.retryable).toBe(true);
    expect(e?.userMessage.en).toContain('HTTP 502');
  });

  it('a wrong password is said once, not retried', async () => {
    const server = new FakeServer().script({ status: 401, code: 'invalid_credentials' });
    const { client } = clientFor(server);
    await expect(client.signIn('pte.reporter', 'nope')).rejects.toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(server.requests).toHaveLength(1);
  });
});

describe('backoff', () => {
  it('waits a random time up to base·2ⁿ, capped', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0.999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it('waits grow between retries', async () => {
    const server = new FakeServer();
    server.defaultFault = { status: 503 };
    const { client, delays } = clientFor(server, { retry: { retries: 4, baseDelayMs: 100, maxDelayMs: 10_000 } });
    await client.submitRows(target, rows(1), { action: 'save' });
    expect(delays).toEqual([50, 100, 200, 400]);
  });
});

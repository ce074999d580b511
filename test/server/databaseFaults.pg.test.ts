/**
 * The database drops a connection a request is using (`pg_terminate_backend`, what a restart or failover does to
 * every connection): the request is answered 503 in the error shape with Retry-After, the `serve` process stays
 * up, and the next request — a batch resent under the same Idempotency-Key included — succeeds, applied once.
 *
 * A request is made to hold its connection by a lock this test takes on the reports table; the backend waiting
 * on that lock is the one terminated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { call, freshPostgresDatabase, startServe, type ServeProcess } from './serveProcess';

jest.setTimeout(120_000);

describe('a dropped database connection (PostgreSQL from DATABASE_URL)', () => {
  let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let dataDir: string;
  let serve: ServeProcess | undefined;
  let token: string;
  const port = 17_000 + (process.pid % 1000);
  const reports = '/api/v1/assessments/pte-2567/rounds/6/units/pte/reports';

  beforeAll(async () => {
    db = await freshPostgresDatabase('scorebook_faults');
    dataDir = mkdtempSync(join(tmpdir(), 'scorebook-faults-'));
    serve = await startServe(port, dataDir, { ...process.env, DATABASE_URL: db.url });
    token = (await call(port, 'POST', '/api/v1/sessions', { username: 'pte.reporter', password: 'demo' })).json.token;
  }, 120_000);

  afterAll(async () => {
    await serve?.kill();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  /** Runs `send` while the reports table is locked, terminates the backend that waits on it, and returns the answer. */
  async function terminatedWhileBusy<T>(send: () => Promise<T>): Promise<T> {
    const locker = new Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table reports in access exclusive mode');
      const answer = send();
      let waiting: number | undefined;
      for (let i = 0; i < 200 && waiting === undefined; i++) {
        const r = await locker.query<{ pid: number }>(
          "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
        );
        waiting = r.rows[0]?.pid;
        if (waiting === undefined) await new Promise((res) => setTimeout(res, 50));
      }
      if (waiting === undefined) throw new Error('no request came to wait on the lock');
      const killed = await locker.query<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [waiting]);
      expect(killed.rows[0]?.ok).toBe(true);
      return await answer;
    } finally {
      await locker.query('rollback').catch(() => undefined);
      await locker.end();
    }
  }

  const expectUnavailable = (r: Awaited<ReturnType<typeof call>>): void => {
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(r.json).toEqual({ error: { code: 'database_unavailable', message: expect.any(String), messageTh: expect.any(String) } });
  };

  test('a read whose connection is terminated is a 503; the process stays up and the next read succeeds', async () => {
    const r = await terminatedWhileBusy(() => call(port, 'GET', reports, undefined, { authorization: `Bearer ${token}` }));
    expectUnavailable(r);
    // The unhandled 'error' event, had there been one, ends the process right after the socket closes.
    await new Promise((res) => setTimeout(res, 500));
    expect(serve?.alive()).toBe(true);
    expect((await call(port, 'GET', reports, undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(await call(port, 'GET', '/healthz')).toMatchObject({ status: 200, json: { status: 'ok', database: 'ok' } });
  });

  test('a batch whose connection is terminated mid-transaction is a 503, and its retry under the same key is applied once', async () => {
    const body = { action: 'save', rows: [{ indicatorId: '5', value: 3050, remarks: 'terminated once', baseVersion: 0 }] };
    const headers = { authorization: `Bearer ${token}`, 'idempotency-key': 'faults-batch-1' };
    const r = await terminatedWhileBusy(() => call(port, 'POST', reports, body, headers));
    expectUnavailable(r);
    await new Promise((res) => setTimeout(res, 500));
    expect(serve?.alive()).toBe(true);

    const retry = await call(port, 'POST', reports, body, headers);
    expect(retry.status).toBe(200);
    expect(retry.json.results).toEqual([expect.objectContaining({ indicatorId: '5', outcome: 'accepted', version: 1 })]);
    const again = await call(port, 'POST', reports, body, headers);
    expect(again.json).toEqual(retry.json);
    const rows = (await call(port, 'GET', reports, undefined, { authorization: `Bearer ${token}` })).json.reports;
    expect(rows.filter((x: { indicatorId: string }) => x.indicatorId === '5')).toEqual([
      expect.objectContaining({ version: 1, remarks: 'terminated once' }),
    ]);
    expect(serve?.alive()).toBe(true);
  });
});

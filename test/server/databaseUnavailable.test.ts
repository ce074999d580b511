/**
 * A database that cannot be reached is a 503 in the API's error shape with Retry-After — the answer the client
 * retries under the same Idempotency-Key — never a 500, and `/healthz` says so. (A connection dropped while a
 * request uses it, and the process surviving that, are shown on a real PostgreSQL server in
 * databaseFaults.pg.test.ts.)
 */
import { buildApp } from '../../src/server/app';
import { isConnectionError } from '../../src/server/db/connectionErrors';
import { openDatabase, type Db } from '../../src/server/db/connect';
import type { App } from '../../src/server/routes/common';
import { appOptions } from './harness';

describe('the database cannot be reached', () => {
  let db: Db;
  let app: App;

  beforeAll(async () => {
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    db = openDatabase({ kind: 'postgres', url: 'postgres://scorebook@127.0.0.1:1/scorebook' });
    app = await buildApp(appOptions(db, { now: new Date() }));
  });

  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  const expectUnavailable = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }): void => {
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(res.json()).toEqual({
      error: { code: 'database_unavailable', message: expect.stringContaining('database'), messageTh: expect.stringContaining('ฐานข้อมูล') },
    });
  };

  test('GET /healthz is 503 database_unavailable', async () => {
    expectUnavailable(await app.inject({ method: 'GET', url: '/healthz' }));
  });

  test('a sign-in and a signed-in read are 503, not 500', async () => {
    expectUnavailable(await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'pte.reporter', password: 'pw' } }));
    expectUnavailable(
      await app.inject({
        method: 'GET',
        url: '/api/v1/assessments',
        headers: { authorization: 'Bearer 0123456789abcdefghijklmnopqrstuv' },
      }),
    );
  });
});

describe('isConnectionError', () => {
  const withCode = (message: string, code?: string): Error => Object.assign(new Error(message), code ? { code } : {});

  test.each([
    ['terminated by an administrator (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['the other backends crashed (57P02)', withCode('terminating connection because of crash of another server process', '57P02')],
    ['starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['class 08', withCode('connection failure', '08006')],
    ['refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['pg: the socket ended', withCode('Connection terminated unexpectedly')],
    ['pg: a client that lost its connection', withCode('Client has encountered a connection error and is not queryable')],
    ['pg-pool: no connection in time', withCode('timeout exceeded when trying to connect')],
  ])('%s is a connection error', (_why, e) => {
    expect(isConnectionError(e)).toBe(true);
  });

  test.each([
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a deadlock', withCode('deadlock detected', '40P01')],
    ['a bug', new TypeError('x is undefined')],
    ['not an error', 'Connection terminated'],
  ])('%s is not', (_why, e) => {
    expect(isConnectionError(e)).toBe(false);
  });
});

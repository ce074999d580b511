/**
 * One server over a fresh database per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server of DATABASE_URL (`*.pg.test.ts`). Each test starts from the same fixtures (`reset`).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { Client } from 'pg';
import { buildApp, type AppOptions } from '../../src/server/app';
import type { ScryptCost } from '../../src/server/auth/passwords';
import { openDatabase, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { inTransaction } from '../../src/server/db/transaction';
import type { App } from '../../src/server/routes/common';
import { putAssessment } from '../../src/server/store/assessments';
import { createUser } from '../../src/server/store/users';
import { TEMPLATE_VARIABLE } from './dbTemplate';
import { fixtureAssessment, fixtureUsers, T_OPEN } from './fixtures';

// app.inject() runs on light-my-request, which requires `cookie`@2: an ES module that jest's CommonJS loader
// cannot load (Node 20 itself can). light-my-request uses it only to send request cookies, which the API and
// these tests never use, so it is replaced by a function that says so if it is ever called.
jest.mock('cookie', () => ({
  stringifySetCookie: () => {
    throw new Error('request cookies are not supported in the server tests');
  },
}));

// Two jest workers share two cores with the embedded databases' threads; 10 MB uploads take seconds there.
jest.setTimeout(30_000);

export type DbKind = 'memory' | 'postgres';

/** Tests hash with a cheap scrypt so a suite of sign-ins stays fast; the production default is strong. */
export const TEST_COST: ScryptCost = { log2N: 4, r: 1, p: 1 };

export interface Harness {
  app: App;
  db: Db;
  /** The server's clock; tests move it. */
  clock: { now: Date };
  /** Another instance over the same database (several instances behind a load balancer). */
  secondApp(): Promise<App>;
  token(username: string): Promise<string>;
  /** Sign in again on the next `token` call (after moving the clock past the sessions' expiry). */
  forgetTokens(): void;
  reset(): Promise<void>;
}

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL must point at a PostgreSQL server for *.pg.test.ts');
  const name = `scorebook_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const TABLES = 'users, sessions, sign_in_attempts, assessments, reports, idempotency_keys, attachments, audit_events';

/** Starts `app` listening on a free port of the loopback; the base URL a client calls it by. */
export async function listenOnLoopback(app: App): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

export function appOptions(db: Db, clock: { now: Date }, extra: Partial<AppOptions> = {}): AppOptions {
  return { db, clock: () => new Date(clock.now), passwordCost: TEST_COST, rateLimitPerMinute: false, ...extra };
}

/**
 * The in-memory database of this test file, shared by its harnesses: each is a PGlite in a worker thread, whose
 * start (a thread, the WebAssembly build, loading the dump) costs more CPU than many a file's tests. Every test
 * starts from `reset`, which empties every table, so the describe blocks of a file see nothing of each other.
 * The harnesses are counted at collection, before any has started: the last one's afterAll closes it. A describe
 * block whose tests are all skipped (`jest -t`) runs no hooks, so the count never reaches nought: then it closes
 * when no harness holds it and none has taken it for two seconds.
 */
const sharedMemoryDb = (() => {
  let users = 0;
  let active = 0;
  let opened: Promise<Db> | undefined;
  let idle: NodeJS.Timeout | undefined;
  const close = async (): Promise<void> => {
    clearTimeout(idle);
    const db = opened;
    opened = undefined;
    if (db) await (await db).destroy();
  };
  return {
    register(): void {
      users++;
    },
    take(): Promise<Db> {
      active++;
      clearTimeout(idle);
      opened ??= (async () => {
        // Loaded from the migrated copy jest's globalSetup made (dbTemplate.ts); migrateToLatest then checks it
        // is current. Without one (a test run outside jest's setup) the database starts empty.
        const db = openDatabase({ kind: 'memory', from: process.env[TEMPLATE_VARIABLE] });
        await migrateToLatest(db);
        return db;
      })();
      return opened;
    },
    async release(): Promise<void> {
      users--;
      active--;
      if (users <= 0) return close();
      if (active === 0) idle = setTimeout(() => void close(), 2_000);
    },
  };
})();

/**
 * Registers the hooks of one harness for the enclosing describe block and returns it. `resetEachTest: false`
 * leaves the database to the block's own hooks and tests (`reset` when they need the fixtures again), for a block
 * whose tests mostly change nothing and can share one setup.
 */
export function useHarness(kind: DbKind, extra: Partial<AppOptions> = {}, { resetEachTest = true } = {}): Harness {
  if (kind === 'memory') sharedMemoryDb.register();
  let db: Db;
  let drop: (() => Promise<void>) | undefined;
  const apps: App[] = [];
  const tokens = new Map<string, string>();
  const h = { clock: { now: new Date(T_OPEN) } } as Harness;

  beforeAll(async () => {
    if (kind === 'postgres') {
      const pg = await freshPostgres();
      drop = pg.drop;
      db = openDatabase({ kind: 'postgres', url: pg.url });
      await migrateToLatest(db);
    } else {
      db = await sharedMemoryDb.take();
    }
    h.db = db;
    h.app = await buildApp(appOptions(db, h.clock, extra));
    apps.push(h.app);
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    if (kind === 'memory') await sharedMemoryDb.release();
    else await db?.destroy();
    await drop?.();
  }, 60_000);

  h.secondApp = async () => {
    const app = await buildApp(appOptions(db, h.clock, extra));
    apps.push(app);
    return app;
  };

  // One sign-in per user even when a test's first requests go out together (the hashing line would refuse a
  // burst of sign-ins from one address with 503).
  const signingIn = new Map<string, Promise<string>>();
  h.token = async (username) => {
    const known = tokens.get(username);
    if (known) return known;
    const pending = signingIn.get(username);
    if (pending) return pending;
    const signIn = (async () => {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password: 'pw' } });
      if (res.statusCode !== 201) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const token = (res.json() as { token: string }).token;
      tokens.set(username, token);
      return token;
    })();
    signingIn.set(username, signIn);
    try {
      return await signIn;
    } finally {
      signingIn.delete(username);
    }
  };

  h.forgetTokens = () => tokens.clear();

  h.reset = async () => {
    tokens.clear();
    h.clock.now = new Date(T_OPEN);
    await sql.raw(`truncate ${TABLES} restart identity cascade`).execute(db);
    for (const u of fixtureUsers) {
      await createUser(db, { ...u, password: 'pw' }, { actor: 'setup', now: new Date(T_OPEN), cost: TEST_COST });
    }
    await inTransaction(db, (tx) => putAssessment(tx, fixtureAssessment(), { actor: 'setup', now: new Date(T_OPEN) }));
  };

  if (resetEachTest) beforeEach(() => h.reset(), 30_000);
  return h;
}

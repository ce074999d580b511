/**
 * Opening the database: PostgreSQL through `pg` when a connection string is given (DATABASE_URL), otherwise
 * the embedded PGlite in a data folder (or in memory, for tests).
 */
import { Kysely, PostgresDialect } from 'kysely';
import { Pool, types } from 'pg';
import { lockDataFolder } from './folderLock';
import { PGliteWorker, PGliteWorkerDialect } from './pgliteWorker';
import { preparedStatementsFrom, preparingStatements } from './preparedStatements';
import type { Database } from './schema';

export type DatabaseTarget =
  | {
      readonly kind: 'postgres';
      readonly url: string;
      readonly poolSize?: number;
      /** Named prepared statements (preparedStatements.ts); on unless set false. */
      readonly preparedStatements?: boolean;
    }
  | { readonly kind: 'embedded'; readonly dataDir: string }
  /** `from`: a data folder PGliteWorker.dumpTo wrote, to start from instead of an empty database. */
  | { readonly kind: 'memory'; readonly from?: string };

export type Db = Kysely<Database>;

const CONNECT_TIMEOUT_MS = 15_000;

/** bigint (bigserial ids) as JavaScript numbers, as PGlite returns them: ids stay far below 2^53. */
types.setTypeParser(types.builtins.INT8, (v) => Number(v));

export function openDatabase(target: DatabaseTarget): Db {
  if (target.kind === 'postgres') {
    const pool = new Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      // A server that does not answer at all (a dropped network, not a refused connection) fails the request
      // after this long instead of holding it; so does a wait for a free connection behind a stuck pool.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    // A connection the server drops (restart, failover, pg_terminate_backend) emits 'error' on its client;
    // unhandled, that ends the process. pg-pool listens on idle clients only (and re-emits on the pool), so
    // every client gets its own listener for the time it is checked out too. The query in flight on it is
    // rejected by pg itself and answered 503 (errors.ts); the dead client is dropped from the pool when
    // released, and the next checkout opens a new connection.
    pool.on('error', () => {});
    const prepared = target.preparedStatements ?? true;
    pool.on('connect', (client) => {
      client.on('error', () => {});
      if (prepared) preparingStatements(client);
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.kind === 'memory') {
    return new Kysely<Database>({ dialect: new PGliteWorkerDialect(new PGliteWorker(undefined, undefined, target.from)) });
  }
  // Refused (DataFolderLocked, naming the pid) while another process has the folder open; released on close.
  const release = lockDataFolder(target.dataDir);
  try {
    return new Kysely<Database>({ dialect: new PGliteWorkerDialect(new PGliteWorker(target.dataDir, release)) });
  } catch (e) {
    release();
    throw e;
  }
}

/** The target the environment asks for: DATABASE_URL, else the embedded database in `dataDir`. */
export function databaseTargetFrom(env: NodeJS.ProcessEnv, dataDir: string): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  return url ? { kind: 'postgres', url, preparedStatements: preparedStatementsFrom(env) } : { kind: 'embedded', dataDir };
}

/**
 * Opening the database: PostgreSQL through `pg` when a connection string is given (DATABASE_URL), otherwise
 * the embedded PGlite in a data folder (or in memory, for tests).
 */
import { Kysely, PostgresDialect } from 'kysely';
import { Pool, types } from 'pg';
import { PGliteWorker, PGliteWorkerDialect } from './pgliteWorker';
import type { Database } from './schema';

export type DatabaseTarget =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number }
  | { readonly kind: 'embedded'; readonly dataDir: string }
  | { readonly kind: 'memory' };

export type Db = Kysely<Database>;

/** bigint (bigserial ids) as JavaScript numbers, as PGlite returns them: ids stay far below 2^53. */
types.setTypeParser(types.builtins.INT8, (v) => Number(v));

export function openDatabase(target: DatabaseTarget): Db {
  if (target.kind === 'postgres') {
    const pool = new Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover) emits 'error' on the pool; unhandled, it would end
    // the process. The pool replaces the connection; the next query that fails is answered as a 500 and logged.
    pool.on('error', () => {});
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const client = new PGliteWorker(target.kind === 'embedded' ? target.dataDir : undefined);
  return new Kysely<Database>({ dialect: new PGliteWorkerDialect(client) });
}

/** The target the environment asks for: DATABASE_URL, else the embedded database in `dataDir`. */
export function databaseTargetFrom(env: NodeJS.ProcessEnv, dataDir: string): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  return url ? { kind: 'postgres', url } : { kind: 'embedded', dataDir };
}

/**
 * Transactions that survive the other instances: a deadlock or serialization failure between two requests
 * is retried (the loser runs again against the winner's committed rows) instead of surfacing as a 500.
 */
import type { Transaction } from 'kysely';
import type { Db } from './connect';
import { isStalePreparedStatement } from './preparedStatements';
import type { Database } from './schema';

export type Tx = Transaction<Database>;

const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 4;

export function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The database a transaction of `inTransaction` runs on: per-database caches serve its reads too. */
const owners = new WeakMap<Tx, Db>();

export function databaseOf(db: Db | Tx): Db {
  return owners.get(db as Tx) ?? db;
}

export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => {
        owners.set(tx, db);
        return work(tx);
      });
    } catch (e) {
      if (attempt >= ATTEMPTS || !(RETRYABLE.has(sqlState(e) ?? '') || isStalePreparedStatement(e))) throw e;
    }
  }
}

/** SQL null or a JSON document: what a jsonb column takes. */
export const json = (value: unknown): string => JSON.stringify(value ?? null);

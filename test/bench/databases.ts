/**
 * The databases a bench runs on: the embedded one always, then a fresh PostgreSQL database of its own when
 * DATABASE_URL is set (created for the run and dropped after it), so one bench prints both side by side.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type Db } from '../../src/server/db/connect';
import { preparedStatementsFrom } from '../../src/server/db/preparedStatements';
import { migrateToLatest } from '../../src/server/db/migrate';

export interface BenchDatabases {
  /** The PostgreSQL pool's size (the embedded database has one connection). */
  readonly poolSize?: number;
  /** Migrate each database before `bench` runs; off for a bench that migrates the handle it wraps itself. */
  readonly migrate?: boolean;
}

/**
 * Runs `bench` on the embedded database, then on a fresh PostgreSQL database when DATABASE_URL is set.
 * BENCH_DATABASE=postgres leaves out the embedded one (minutes less when only PostgreSQL's figures are wanted).
 */
export async function onEachDatabase(
  bench: (label: string, db: Db) => Promise<void>,
  { poolSize, migrate = true }: BenchDatabases = {},
): Promise<void> {
  if (process.env.BENCH_DATABASE !== 'postgres') {
    const embedded = openDatabase({ kind: 'memory' });
    try {
      if (migrate) await migrateToLatest(embedded);
      await bench('PGlite', embedded);
    } finally {
      await embedded.destroy();
    }
  }
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.log('PostgreSQL: skipped (set DATABASE_URL to a server where this user may create databases)');
    return;
  }
  const name = `scorebook_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  // SCOREBOOK_PREPARED_STATEMENTS as serve reads it: `off` measures the queries unnamed.
  const pg = openDatabase({ kind: 'postgres', url: url.toString(), poolSize, preparedStatements: preparedStatementsFrom(process.env) });
  try {
    if (migrate) await migrateToLatest(pg);
    await bench('PostgreSQL', pg);
  } finally {
    await pg.destroy();
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}

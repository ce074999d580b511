/**
 * jest's globalSetup and globalTeardown: one migrated embedded database, dumped to a file, that every server
 * test's in-memory database is loaded from (harness.ts). Starting a PGlite from nothing runs initdb, several
 * seconds of CPU each time; loading the copy takes under one, and the suite opens dozens of databases.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { migrateToLatest } from '../../src/server/db/migrate';
import { PGliteWorker, PGliteWorkerDialect } from '../../src/server/db/pgliteWorker';
import type { Database } from '../../src/server/db/schema';

/** The variable the workers find the file by (they inherit the environment of the process that sets it). */
export const TEMPLATE_VARIABLE = 'SCOREBOOK_TEST_DB_TEMPLATE';

export async function makeTemplate(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-db-template-'));
  const file = join(dir, 'migrated.tar');
  const worker = new PGliteWorker();
  const db = new Kysely<Database>({ dialect: new PGliteWorkerDialect(worker) });
  try {
    await migrateToLatest(db);
    await dropUnusedDatabases(worker);
    await worker.dumpTo(file);
  } finally {
    await db.destroy();
  }
  process.env[TEMPLATE_VARIABLE] = file;
}

/**
 * Each test file's database starts by untarring the copy into memory. The tests use only the `postgres`
 * database, so initdb's template0 and template1 (7.5 MB each of the 40 MB tar) go: a quarter less CPU per start.
 * The checkpoint leaves nothing for the copy to replay.
 */
async function dropUnusedDatabases(worker: PGliteWorker): Promise<void> {
  await worker.query("update pg_database set datistemplate = false where datname in ('template0', 'template1')", []);
  await worker.query('drop database template0', []);
  await worker.query('drop database template1', []);
  await worker.query('checkpoint', []);
}

/**
 * `dir` holding the migrated copy, unpacked, for a test that opens an embedded database in a folder (as `serve`
 * does): opened on an empty folder it would run initdb first, seconds of CPU the test does not need. Without the
 * copy (a test run outside jest's setup) the folder stays empty and the database starts from nothing.
 */
export function unpackTemplate(dir: string): string {
  const template = process.env[TEMPLATE_VARIABLE];
  if (template) execFileSync('tar', ['-xf', template, '-C', dir]);
  return dir;
}

export function removeTemplate(): void {
  const file = process.env[TEMPLATE_VARIABLE];
  if (file) rmSync(join(file, '..'), { recursive: true, force: true });
}

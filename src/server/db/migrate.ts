/**
 * Schema migrations with Kysely's Migrator. The migrations are TypeScript modules imported here (not read
 * from a folder at run time), so they work the same under tsx, jest and a bundle. Kysely takes a lock while it
 * migrates, so several instances starting together apply each migration once.
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import * as initial from '../migrations/001_initial';
import * as idempotencyRetention from '../migrations/002_idempotency_retention';
import * as attachmentFiles from '../migrations/003_attachment_files';
import type { Db } from './connect';

const migrations: Record<string, Migration> = {
  '001_initial': initial,
  '002_idempotency_retention': idempotencyRetention,
  '003_attachment_files': attachmentFiles,
};

class ListedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: new ListedMigrations() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}

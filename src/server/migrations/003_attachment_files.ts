/**
 * Attachment bytes may live in a file store beside the database (`attachments/fileStore.ts`): `content` is
 * null for those, which are found by their sha256. Rows stored before keep their bytea.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table attachments alter column content drop not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table attachments alter column content set not null`.execute(db);
}

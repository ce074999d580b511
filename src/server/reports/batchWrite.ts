/**
 * What a batch writes, in one statement: its new rows (INSERT … ON CONFLICT DO NOTHING), its changed rows (UPDATE of
 * rows the transaction holds locked), their audit events and the answer stored under the Idempotency-Key, as common
 * table expressions. One round trip to the database instead of four; every part stays one multi-row statement over a
 * JSON recordset, however many rows.
 *
 * A new row another batch created (and committed) after this one looked is skipped by the INSERT. Its audit event is
 * then not written: events of new rows are written only for the rows the INSERT returned. The answer, computed as if
 * every new row went in, is stored only when they all did; otherwise the caller answers those rows as conflicts and
 * stores that answer itself, in the same transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { BatchResponse } from '../../api';
import type { Tx } from '../db/transaction';
import { json } from '../db/transaction';
import { appendAuditStatement, type NewAuditEvent } from '../store/audit';
import { insertReportsStatement, updateReportsStatement, type RowScope, type StoredReport } from '../store/reports';

export interface BatchWrite {
  readonly fresh: readonly StoredReport[];
  readonly updated: readonly StoredReport[];
  /** `always: false` for a new row's event: written only if its row was inserted. */
  readonly events: readonly (NewAuditEvent & { readonly always: boolean })[];
  readonly answer: { readonly username: string; readonly key: string; readonly response: BatchResponse };
}

/** Returns the indicator ids of the new rows actually inserted. */
export async function writeBatch(tx: Tx, scope: RowScope, write: BatchWrite): Promise<Set<string>> {
  const parts: RawBuilder<unknown>[] = [];
  const hasFresh = write.fresh.length > 0;
  // An empty INSERT still gives `ins`, so the audit and the answer can name it whatever the batch held.
  parts.push(
    hasFresh ? sql`ins as (${insertReportsStatement(scope, write.fresh)})` : sql`ins as (select null::text as indicator_id where false)`,
  );
  if (write.updated.length > 0) parts.push(sql`upd as (${updateReportsStatement(scope, write.updated)})`);
  if (write.events.length > 0) {
    parts.push(
      sql`aud as (${appendAuditStatement(write.events, sql<boolean>`x.always or x.indicator_id in (select indicator_id from ins)`)})`,
    );
  }
  const { username, key, response } = write.answer;
  parts.push(sql`ans as (update idempotency_keys set response = ${json(response)}::jsonb
    where username = ${username} and key = ${key} and (select count(*) from ins) = ${write.fresh.length})`);
  const { rows } = await sql<{ indicator_id: string }>`with ${sql.join(parts)} select indicator_id from ins`.execute(tx);
  return new Set(rows.map((r) => r.indicator_id));
}

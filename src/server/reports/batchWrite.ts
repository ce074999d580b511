/**
 * What a batch writes, in one statement: its new rows (INSERT … ON CONFLICT DO NOTHING), its changed rows (UPDATE of
 * rows the transaction holds locked), their audit events and the answer stored under the Idempotency-Key, as common
 * table expressions. One round trip to the database instead of four; every part stays one multi-row statement over
 * one array parameter per column, however many rows.
 *
 * The rows travel once, as the statement's `x` (the batch's changes, new and updated, in the order they are logged):
 * the INSERT and the UPDATE write from it, and each audit event is built from it too, straight from the rows sent,
 * in their order (no join of the rows written back to the order logged): the new snapshot is the row as `x` holds it,
 * the old one is read from the row as it was before the statement (every part of a statement reads the same snapshot
 * of `reports`, taken before any of its writes, and the rows are locked). An event is written exactly for each row
 * written: a new row another batch created (and committed) after this one looked is skipped by the INSERT, and has
 * no event.
 *
 * The answer, computed as if every new row went in, is stored only when they all did; otherwise the caller answers
 * those rows as conflicts and stores that answer itself, in the same transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { BatchResponse } from '../../api';
import type { Tx } from '../db/transaction';
import { json } from '../db/transaction';
import { auditSnapshotRow, columnsSelect, insertReportsFrom, updateReportsFrom, type RowScope, type StoredReport } from '../store/reports';

export interface BatchWrite {
  /** The rows written, new and updated, in the order their audit events are logged. */
  readonly changes: readonly { readonly next: StoredReport; readonly fresh: boolean }[];
  /** What every event of the batch shares: its `assessmentId`, `round` and `unitId` are the scope's. */
  readonly event: { readonly at: Date; readonly actor: string; readonly action: string };
  readonly answer: { readonly username: string; readonly key: string; readonly response: BatchResponse };
}

/** Returns the indicator ids of the new rows actually inserted. */
export async function writeBatch(tx: Tx, scope: RowScope, write: BatchWrite): Promise<Set<string>> {
  const { changes } = write;
  const freshCount = changes.reduce((n, c) => n + (c.fresh ? 1 : 0), 0);
  const updatedCount = changes.length - freshCount;
  // The changes travel once, as `x`, read by the INSERT, the UPDATE and the audit. Materialized: unnested once.
  const parts: RawBuilder<unknown>[] = [
    sql`x as materialized (${columnsSelect(
      changes.map((c) => c.next),
      changes.map((c) => c.fresh),
    )})`,
    // An empty INSERT still gives `ins`, so the audit and the answer can name it whatever the batch held.
    sql`ins as (${insertReportsFrom(scope, sql`x`, sql`x.fresh`, sql`indicator_id`)})`,
  ];
  if (updatedCount > 0) parts.push(sql`upd as (${updateReportsFrom(scope, sql`x`, sql`not x.fresh`, sql`r.indicator_id`)})`);
  if (changes.length > 0) {
    const { at, actor, action } = write.event;
    // A change is logged when its row was written. All of them nearly always are, which the counts say at once; only
    // otherwise is each looked up among the rows written (`or` stops at its first true operand, and the hashed
    // subquery is built when first asked).
    const written = (cte: string, count: number) =>
      sql`((select count(*) from ${sql.table(cte)}) = ${count} or x.indicator_id in (select indicator_id from ${sql.table(cte)}))`;
    // The old snapshot of an updated row is read as it was: the UPDATE's effect is not visible to the other parts of
    // the statement. The new one is the row as written, which is `x`'s.
    parts.push(sql`aud as (insert into audit_events (at, actor, action, assessment_id, round, unit_id, indicator_id, old_value, new_value)
      select ${at.toISOString()}::timestamptz, ${actor}, ${action}, ${scope.assessmentId}, ${scope.round}::integer, ${scope.unitId},
        x.indicator_id,
        case when x.fresh then 'null'::jsonb else (select to_jsonb(o) from reports as before, lateral (${auditSnapshotRow('before')}) as o
          where before.assessment_id = ${scope.assessmentId} and before.round = ${scope.round} and before.unit_id = ${scope.unitId}
            and before.indicator_id = x.indicator_id) end,
        to_jsonb(s)
      from x, lateral (${auditSnapshotRow('x')}) as s
      where case when x.fresh then ${written('ins', freshCount)} else ${updatedCount > 0 ? written('upd', updatedCount) : sql`false`} end
      order by x.n)`);
  }
  const { username, key, response } = write.answer;
  parts.push(sql`ans as (update idempotency_keys set response = ${json(response)}::jsonb
    where username = ${username} and key = ${key} and (select count(*) from ins) = ${freshCount})`);
  const { rows } = await sql<{ indicator_id: string }>`with ${sql.join(parts)} select indicator_id from ins`.execute(tx);
  return new Set(rows.map((r) => r.indicator_id));
}

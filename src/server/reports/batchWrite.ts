/**
 * What a batch writes, in one statement: its new rows (INSERT … ON CONFLICT DO NOTHING), its changed rows (UPDATE of
 * rows the transaction holds locked), their audit events and the answer stored under the Idempotency-Key, as common
 * table expressions. One round trip to the database instead of four; every part stays one multi-row statement over
 * one array parameter per column, however many rows.
 *
 * The rows travel once: each audit event's snapshots are built by the database from the rows the INSERT and the
 * UPDATE return (the new snapshot) and from the row as it was before the statement (the old one: every part of a
 * statement reads the same snapshot of `reports`, taken before any of its writes, and the rows are locked). So an
 * event is written exactly for each row written: a new row another batch created (and committed) after this one
 * looked is skipped by the INSERT, and has no event.
 *
 * The answer, computed as if every new row went in, is stored only when they all did; otherwise the caller answers
 * those rows as conflicts and stores that answer itself, in the same transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { BatchResponse } from '../../api';
import type { Tx } from '../db/transaction';
import { json } from '../db/transaction';
import { auditSnapshotSql, insertReportsStatement, updateReportsStatement, type RowScope, type StoredReport } from '../store/reports';

export interface BatchWrite {
  readonly fresh: readonly StoredReport[];
  readonly updated: readonly StoredReport[];
  /** The indicator ids of the rows written (fresh and updated), in the order their audit events are logged. */
  readonly logged: readonly string[];
  /** What every event of the batch shares: its `assessmentId`, `round` and `unitId` are the scope's. */
  readonly event: { readonly at: Date; readonly actor: string; readonly action: string };
  readonly answer: { readonly username: string; readonly key: string; readonly response: BatchResponse };
}

/** Returns the indicator ids of the new rows actually inserted. */
export async function writeBatch(tx: Tx, scope: RowScope, write: BatchWrite): Promise<Set<string>> {
  const parts: RawBuilder<unknown>[] = [];
  const written = sql`indicator_id, value, explanation, obstacles, remarks, status, version, comment, late`;
  // An empty INSERT still gives `ins`, so the audit and the answer can name it whatever the batch held.
  parts.push(
    write.fresh.length > 0
      ? sql`ins as (${insertReportsStatement(scope, write.fresh, written)})`
      : sql`ins as (select r.indicator_id, r.value, r.explanation, r.obstacles, r.remarks, r.status, r.version, r.comment, r.late
          from reports as r where false)`,
  );
  const changes = [sql`select i.indicator_id, 'null'::jsonb as old_value, ${auditSnapshotSql('i')} as new_value from ins as i`];
  if (write.updated.length > 0) {
    parts.push(
      sql`upd as (${updateReportsStatement(
        scope,
        write.updated,
        sql`r.indicator_id, r.value, r.explanation, r.obstacles,
      r.remarks, r.status, r.version, r.comment, r.late`,
      )})`,
    );
    // `before` reads the rows as they were: the UPDATE's effect is not visible to the other parts of the statement.
    changes.push(sql`select u.indicator_id, ${auditSnapshotSql('before')}, ${auditSnapshotSql('u')} from upd as u
      join reports as before on before.assessment_id = ${scope.assessmentId} and before.round = ${scope.round}
        and before.unit_id = ${scope.unitId} and before.indicator_id = u.indicator_id`);
  }
  if (write.logged.length > 0) {
    const { at, actor, action } = write.event;
    parts.push(sql`aud as (insert into audit_events (at, actor, action, assessment_id, round, unit_id, indicator_id, old_value, new_value)
      select ${at.toISOString()}::timestamptz, ${actor}, ${action}, ${scope.assessmentId}, ${scope.round}::integer, ${scope.unitId},
        o.indicator_id, w.old_value, w.new_value
      from unnest(${[...write.logged]}::text[]) with ordinality as o(indicator_id, n)
      join (${sql.join(changes, sql` union all `)}) as w on w.indicator_id = o.indicator_id
      order by o.n)`);
  }
  const { username, key, response } = write.answer;
  parts.push(sql`ans as (update idempotency_keys set response = ${json(response)}::jsonb
    where username = ${username} and key = ${key} and (select count(*) from ins) = ${write.fresh.length})`);
  const { rows } = await sql<{ indicator_id: string }>`with ${sql.join(parts)} select indicator_id from ins`.execute(tx);
  return new Set(rows.map((r) => r.indicator_id));
}

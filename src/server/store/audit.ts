/** Appending to and reading the audit log. Events are written in the same transaction as the change. */
import { sql, type RawBuilder } from 'kysely';
import type { AuditEvent } from '../../api';
import type { Db } from '../db/connect';
import type { Tx } from '../db/transaction';

export interface NewAuditEvent {
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly assessmentId?: string | null;
  readonly round?: number | null;
  readonly unitId?: string | null;
  readonly indicatorId?: string | null;
  readonly old?: unknown;
  readonly new?: unknown;
}

/**
 * All the events in one statement, however many (a 10,000-row batch writes 10,000): one JSON recordset, not a
 * parameter per column and row. An absent old or new value is SQL null; a null one the JSON null it always was.
 */
export async function appendAudit(tx: Tx | Db, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await appendAuditStatement(events).execute(tx);
}

/**
 * The INSERT of `appendAudit`, to run alone or as a common table expression of a larger statement. `keep`, when
 * given, is a condition on the event's `x.indicator_id` and `x.always`, that event's own flag (default true): only
 * events it holds for are written, so a statement that inserts rows can log exactly the rows its INSERT returned.
 */
export function appendAuditStatement(
  events: readonly (NewAuditEvent & { readonly always?: boolean })[],
  keep?: RawBuilder<boolean>,
): RawBuilder<unknown> {
  const records = JSON.stringify(
    events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor,
      action: e.action,
      assessment_id: e.assessmentId ?? null,
      round: e.round ?? null,
      unit_id: e.unitId ?? null,
      indicator_id: e.indicatorId ?? null,
      has_old: e.old !== undefined,
      old_value: e.old ?? null,
      has_new: e.new !== undefined,
      new_value: e.new ?? null,
      always: e.always ?? true,
    })),
  );
  return sql`
    insert into audit_events (at, actor, action, assessment_id, round, unit_id, indicator_id, old_value, new_value)
    select x.at, x.actor, x.action, x.assessment_id, x.round, x.unit_id, x.indicator_id,
      case when x.has_old then coalesce(x.old_value, 'null'::jsonb) end, case when x.has_new then coalesce(x.new_value, 'null'::jsonb) end
    from rows from (jsonb_to_recordset(${records}::jsonb) as (at timestamptz, actor text, action text, assessment_id text, round integer,
      unit_id text, indicator_id text, has_old boolean, old_value jsonb, has_new boolean, new_value jsonb, always boolean)) with ordinality
      as x(at, actor, action, assessment_id, round, unit_id, indicator_id, has_old, old_value, has_new, new_value, always, n)
    ${keep === undefined ? sql`` : sql`where ${keep}`}
    order by x.n`;
}

export interface AuditFilter {
  readonly assessment?: string;
  readonly unit?: string;
  readonly after?: number;
  readonly limit: number;
  /** Bytes of old and new values a page may carry (at least one event is always given). */
  readonly maxBytes: number;
}

export interface AuditPage {
  readonly events: AuditEvent[];
  /** More events may follow: the `after` of the next page. */
  readonly next?: number;
}

/**
 * One page, bounded by count and by size: ids and sizes are read first, in chunks that double (64, 128, …) until
 * the page is full, so a log of huge notes costs a few events' worth of work, and a log of small ones a handful of
 * queries; then only the events that fit are loaded — never the whole limit of huge events.
 */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditPage> {
  const candidates: { id: string; bytes: number }[] = [];
  let total = 0;
  let exhausted = false;
  for (let chunk = 64; candidates.length < filter.limit && total <= filter.maxBytes; chunk *= 2) {
    const from = candidates.length > 0 ? Number(candidates[candidates.length - 1]!.id) : filter.after;
    const want = Math.min(chunk, filter.limit - candidates.length);
    let sizes = db
      .selectFrom('audit_events')
      .select(['id', sql<string>`coalesce(octet_length(old_value::text), 0) + coalesce(octet_length(new_value::text), 0)`.as('bytes')])
      .orderBy('id')
      .limit(want);
    if (filter.assessment !== undefined) sizes = sizes.where('assessment_id', '=', filter.assessment);
    if (filter.unit !== undefined) sizes = sizes.where('unit_id', '=', filter.unit);
    if (from !== undefined) sizes = sizes.where('id', '>', String(from));
    const rows = await sizes.execute();
    for (const r of rows) {
      candidates.push({ id: r.id, bytes: Number(r.bytes) });
      total += Number(r.bytes);
    }
    if (rows.length < want) {
      exhausted = true;
      break;
    }
  }
  let fit = 0;
  let kept = 0;
  while (fit < candidates.length && (fit === 0 || kept + candidates[fit]!.bytes <= filter.maxBytes)) {
    kept += candidates[fit]!.bytes;
    fit++;
  }
  if (fit === 0) return { events: [] };
  const ids = candidates.slice(0, fit).map((c) => c.id);
  const rows = await db.selectFrom('audit_events').selectAll().where('id', 'in', ids).orderBy('id').execute();
  const events = rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    assessmentId: r.assessment_id,
    round: r.round,
    unitId: r.unit_id,
    indicatorId: r.indicator_id,
    old: r.old_value,
    new: r.new_value,
  }));
  // Cut by size, or full by count: the next page starts after the last event given.
  const more = fit < candidates.length || !exhausted;
  return more ? { events, next: events[events.length - 1]!.id } : { events };
}

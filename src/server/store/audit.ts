/** Appending to and reading the audit log. Events are written in the same transaction as the change. */
import type { AuditEvent } from '../../api';
import type { Db } from '../db/connect';
import { json, type Tx } from '../db/transaction';

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

const CHUNK = 1_000;

export async function appendAudit(tx: Tx | Db, events: readonly NewAuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += CHUNK) {
    await tx
      .insertInto('audit_events')
      .values(
        events.slice(i, i + CHUNK).map((e) => ({
          at: e.at,
          actor: e.actor,
          action: e.action,
          assessment_id: e.assessmentId ?? null,
          round: e.round ?? null,
          unit_id: e.unitId ?? null,
          indicator_id: e.indicatorId ?? null,
          old_value: e.old === undefined ? null : json(e.old),
          new_value: e.new === undefined ? null : json(e.new),
        })),
      )
      .execute();
  }
}

export interface AuditFilter {
  readonly assessment?: string;
  readonly unit?: string;
  readonly after?: number;
  readonly limit: number;
}

export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditEvent[]> {
  let q = db.selectFrom('audit_events').selectAll().orderBy('id').limit(filter.limit);
  if (filter.assessment !== undefined) q = q.where('assessment_id', '=', filter.assessment);
  if (filter.unit !== undefined) q = q.where('unit_id', '=', filter.unit);
  if (filter.after !== undefined) q = q.where('id', '>', String(filter.after));
  const rows = await q.execute();
  return rows.map((r) => ({
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
}

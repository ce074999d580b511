/**
 * Report rows as scoring needs them, for many units or rounds at once: only the columns the domain scores with
 * (value, status, the submission time) and the last change, never the notes, so a round of 1,000 units × 50
 * indicators travels as some megabytes, in one query.
 */
import { sql } from 'kysely';
import type { RawResult } from '../../domain';
import type { ReportStatus } from '../../api';
import type { Db } from '../db/connect';
import type { Tx } from '../db/transaction';

export interface ScoringRow {
  readonly assessmentId: string;
  readonly round: number;
  readonly unitId: string;
  readonly indicatorId: string;
  readonly value: RawResult;
  readonly status: ReportStatus;
  readonly updatedAt: Date;
  readonly submittedAt: Date | null;
}

interface Wanted {
  readonly assessmentIds: readonly string[];
  /** Absent: every round. */
  readonly rounds?: readonly number[];
  /** Absent: every unit. */
  readonly unitIds?: readonly string[];
}

/** The rows of the assessments, rounds and units asked for, in one query (arrays as parameters, whatever their size). */
export async function listScoringRows(db: Db | Tx, wanted: Wanted): Promise<ScoringRow[]> {
  if (wanted.assessmentIds.length === 0 || wanted.rounds?.length === 0 || wanted.unitIds?.length === 0) return [];
  let query = db
    .selectFrom('reports')
    .select(['assessment_id', 'round', 'unit_id', 'indicator_id', 'value', 'status', 'updated_at', 'submitted_at'])
    .where(sql<boolean>`assessment_id = any(${[...wanted.assessmentIds]}::text[])`);
  if (wanted.rounds) query = query.where(sql<boolean>`round = any(${[...wanted.rounds]}::integer[])`);
  if (wanted.unitIds) query = query.where(sql<boolean>`unit_id = any(${[...wanted.unitIds]}::text[])`);
  const rows = await query.execute();
  return rows.map((r) => ({
    assessmentId: r.assessment_id,
    round: r.round,
    unitId: r.unit_id,
    indicatorId: r.indicator_id,
    value: r.value as RawResult,
    status: r.status as ReportStatus,
    updatedAt: new Date(r.updated_at),
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
  }));
}

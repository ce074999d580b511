/**
 * Report rows: one per (assessment, round, unit, indicator). Batches read the rows they touch with
 * `SELECT … FOR UPDATE` (in indicator order, so two batches never lock in opposite orders and deadlock) and
 * write them in bulk, one array per column unnested in SQL: one statement per batch, however many rows.
 */
import { sql, type RawBuilder } from 'kysely';
import type { RawResult } from '../../domain';
import type { CurrentRow, ReportRow, ReportStatus } from '../../api';
import type { Db } from '../db/connect';
import type { Tx } from '../db/transaction';
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Database, ReportsTable } from '../db/schema';

export interface RowScope {
  readonly assessmentId: string;
  readonly round: number;
  readonly unitId: string;
}

export interface StoredReport {
  readonly indicatorId: string;
  readonly value: RawResult;
  readonly explanation: string | null;
  readonly obstacles: string | null;
  readonly remarks: string | null;
  readonly status: ReportStatus;
  readonly version: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  readonly comment: string | null;
  readonly late: boolean;
  readonly submittedAt: Date | null;
}

function fromRow(r: Selectable<ReportsTable>): StoredReport {
  return {
    indicatorId: r.indicator_id,
    value: r.value as RawResult,
    explanation: r.explanation,
    obstacles: r.obstacles,
    remarks: r.remarks,
    status: r.status as ReportStatus,
    version: r.version,
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at),
    comment: r.comment,
    late: r.late,
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
  };
}

/** A row as `json_agg` of `reports` rows gives it: timestamps as ISO text, `value` already the JSON it is. */
export type JsonReport = Omit<Selectable<ReportsTable>, 'updated_at' | 'submitted_at'> & {
  updated_at: string;
  submitted_at: string | null;
};

function fromJson(r: JsonReport): StoredReport {
  return fromRow({ ...r, updated_at: new Date(r.updated_at), submitted_at: r.submitted_at === null ? null : new Date(r.submitted_at) });
}

/**
 * The unit's rows in indicator order as one JSON value, to be read beside the assessment in the same statement
 * (`getAssessmentWith`): a report read is then one round trip after the session's, as a bare SELECT would be.
 * `json`, not `jsonb`: the text is only sent and parsed, and `json_agg` writes it as it goes, where `jsonb_agg`
 * of `to_jsonb` builds a binary document per row and the whole array before printing it (a third of the database's
 * time for the read).
 */
export function rowsAlongside(scope: RowScope): RawBuilder<JsonReport[]> {
  return sql<JsonReport[]>`(select coalesce(json_agg(r order by r.indicator_id), '[]'::json) from reports as r
    where r.assessment_id = ${scope.assessmentId} and r.round = ${scope.round} and r.unit_id = ${scope.unitId})`;
}

/**
 * The stored rows among `indicatorIds`, locked (in id order, as `lockReports` locks them) only once `claimed`, a
 * CTE of the same statement, has yielded a row: a batch that finds its key taken locks nothing, and a twin waiting
 * on the key holds no row lock meanwhile. Read with `readLockedAlongside`.
 */
export function lockedAlongside(scope: RowScope, indicatorIds: readonly string[], claimed: string): RawBuilder<JsonReport[]> {
  return sql<JsonReport[]>`(select coalesce(json_agg(l order by l.indicator_id), '[]'::json) from (
    select r.* from reports as r
    where r.assessment_id = ${scope.assessmentId} and r.round = ${scope.round} and r.unit_id = ${scope.unitId}
      and r.indicator_id = any(${[...indicatorIds]}::text[]) and exists (select 1 from ${sql.table(claimed)})
    order by r.indicator_id for update) as l)`;
}

export function readLockedAlongside(rows: readonly JsonReport[]): Map<string, StoredReport> {
  return new Map(rows.map((r) => [r.indicator_id, fromJson(r)]));
}

/**
 * The rows as the API answers them, straight from their JSON: one object a row and one Date a timestamp (to write
 * it as `toReportRow` does), where going through `StoredReport` built three objects and two Dates.
 */
export function reportRowsAlongside(rows: readonly JsonReport[]): ReportRow[] {
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    value: r.value as RawResult,
    explanation: r.explanation,
    obstacles: r.obstacles,
    remarks: r.remarks,
    status: r.status as ReportStatus,
    version: r.version,
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at).toISOString(),
    comment: r.comment,
    late: r.late,
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at).toISOString(),
  }));
}

export function toReportRow(r: StoredReport): ReportRow {
  return { ...r, updatedAt: r.updatedAt.toISOString(), submittedAt: r.submittedAt?.toISOString() ?? null };
}

export function toCurrentRow(r: StoredReport): CurrentRow {
  return {
    value: r.value,
    explanation: r.explanation,
    obstacles: r.obstacles,
    remarks: r.remarks,
    status: r.status,
    version: r.version,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * What the audit log keeps of a row before and after a change: these fields of the row, under the same names as
 * the row's properties (each is also a column of `reports`). One list for the snapshot built here and the one a
 * batch builds in SQL (`auditSnapshotSql`), so the two cannot drift apart.
 */
const AUDITED = [
  'value',
  'explanation',
  'obstacles',
  'remarks',
  'status',
  'version',
  'comment',
  'late',
] as const satisfies readonly (keyof StoredReport & keyof Selectable<ReportsTable>)[];

export function auditSnapshot(r: StoredReport): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const field of AUDITED) snapshot[field] = r[field];
  return snapshot;
}

/**
 * The same snapshot, built by the database from the row `alias` names (a `reports` row, as stored or as an INSERT or
 * UPDATE returned it): a batch's audit events then take their rows from the statement that writes them, instead of
 * the process sending every row a second time as JSON.
 */
export function auditSnapshotSql(alias: string): RawBuilder<unknown> {
  return sql`jsonb_build_object(${sql.join(AUDITED.map((field) => sql`${sql.lit(field)}, ${sql.ref(`${alias}.${field}`)}`))})`;
}

/**
 * The snapshot as a row of the AUDITED fields of the row `alias` names, to read in a lateral subquery and give as
 * `to_jsonb` of it: the same object as `auditSnapshotSql`, at about half the database's time (jsonb_build_object
 * converts each of its arguments by type, every row).
 */
export function auditSnapshotRow(alias: string): RawBuilder<unknown> {
  return sql`select ${sql.join(AUDITED.map((field) => sql`${sql.ref(`${alias}.${field}`)} as ${sql.id(field)}`))}`;
}

const inScope = (scope: RowScope) => (eb: ExpressionBuilder<Database, 'reports'>) =>
  eb.and([eb('assessment_id', '=', scope.assessmentId), eb('round', '=', scope.round), eb('unit_id', '=', scope.unitId)]);

export async function listReports(db: Db | Tx, scope: RowScope): Promise<StoredReport[]> {
  const rows = await db.selectFrom('reports').selectAll().where(inScope(scope)).orderBy('indicator_id').execute();
  return rows.map(fromRow);
}

/** The stored rows among `indicatorIds`, locked until the transaction ends (in id order, so two batches never deadlock). */
/** Rows of several units in one round, unit by unit (one query on the primary key's leading columns). */
export async function listRoundReports(
  db: Db | Tx,
  assessmentId: string,
  round: number,
  unitIds: readonly string[],
): Promise<Map<string, StoredReport[]>> {
  const out = new Map<string, StoredReport[]>(unitIds.map((u) => [u, []]));
  if (unitIds.length === 0) return out;
  const rows = await db
    .selectFrom('reports')
    .selectAll()
    .where((eb) => eb.and([eb('assessment_id', '=', assessmentId), eb('round', '=', round), eb('unit_id', 'in', [...unitIds])]))
    .orderBy('unit_id')
    .orderBy('indicator_id')
    .execute();
  for (const r of rows) out.get(r.unit_id)?.push(fromRow(r));
  return out;
}

export function lockReports(tx: Tx, scope: RowScope, indicatorIds: readonly string[]): Promise<Map<string, StoredReport>> {
  return selectReports(tx, scope, indicatorIds, true);
}

export function getReports(tx: Tx | Db, scope: RowScope, indicatorIds: readonly string[]): Promise<Map<string, StoredReport>> {
  return selectReports(tx, scope, indicatorIds, false);
}

async function selectReports(
  tx: Tx | Db,
  scope: RowScope,
  indicatorIds: readonly string[],
  lock: boolean,
): Promise<Map<string, StoredReport>> {
  const out = new Map<string, StoredReport>();
  if (indicatorIds.length === 0) return out;
  const query = tx
    .selectFrom('reports')
    .selectAll()
    .where(inScope(scope))
    .where(sql<boolean>`indicator_id = any(${[...indicatorIds]}::text[])`)
    .orderBy('indicator_id');
  const rows = await (lock ? query.forUpdate() : query).execute();
  for (const r of rows) out.set(r.indicator_id, fromRow(r));
  return out;
}

/**
 * The rows as one array per column, each a single parameter unnested in SQL: a 10,000-row batch is 12 parameters
 * (not 150,000), and the database reads 12 arrays instead of parsing a JSON document into records. Values, times
 * and texts go as text and are cast in SQL, so pg and PGlite encode every array the same way. With `fresh` (one flag
 * a row), the select also gives each row's flag and its place in `rows` (`fresh`, `n`, from 1): a batch's changes,
 * new and updated rows together, in the order their audit events are logged.
 */
export function columnsSelect(rows: readonly StoredReport[], fresh?: readonly boolean[]): RawBuilder<unknown> {
  const n = rows.length;
  const ids = new Array<string>(n);
  const values = new Array<string>(n);
  const explanations = new Array<string | null>(n);
  const obstacles = new Array<string | null>(n);
  const remarks = new Array<string | null>(n);
  const statuses = new Array<string>(n);
  const versions = new Array<number>(n);
  const updatedBy = new Array<string>(n);
  const updatedAt = new Array<string>(n);
  const comments = new Array<string | null>(n);
  const late = new Array<boolean>(n);
  const submittedAt = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    ids[i] = r.indicatorId;
    values[i] = JSON.stringify(r.value ?? null);
    explanations[i] = r.explanation;
    obstacles[i] = r.obstacles;
    remarks[i] = r.remarks;
    statuses[i] = r.status;
    versions[i] = r.version;
    updatedBy[i] = r.updatedBy;
    updatedAt[i] = r.updatedAt.toISOString();
    comments[i] = r.comment;
    late[i] = r.late;
    submittedAt[i] = r.submittedAt?.toISOString() ?? null;
  }
  const flagged = fresh !== undefined;
  return sql`select c.indicator_id, c.value::jsonb as value, c.explanation, c.obstacles, c.remarks, c.status, c.version, c.updated_by,
      c.updated_at::timestamptz as updated_at, c.comment, c.late, c.submitted_at::timestamptz as submitted_at${flagged ? sql`, c.fresh, c.n` : sql``}
    from unnest(${ids}::text[], ${values}::text[], ${explanations}::text[], ${obstacles}::text[], ${remarks}::text[], ${statuses}::text[],
      ${versions}::integer[], ${updatedBy}::text[], ${updatedAt}::text[], ${comments}::text[], ${late}::boolean[], ${submittedAt}::text[]${
        flagged ? sql`, ${[...fresh]}::boolean[]) with ordinality` : sql`)`
      }
      as c(indicator_id, value, explanation, obstacles, remarks, status, version, updated_by, updated_at, comment, late, submitted_at${
        flagged ? sql`, fresh, n` : sql``
      })`;
}

const columns = (rows: readonly StoredReport[]): RawBuilder<unknown> => sql`(${columnsSelect(rows)}) as x`;

/**
 * Inserts new rows; returns the indicator ids actually inserted. A row another batch created since this
 * one looked (and committed) is skipped, not overwritten: the caller reports it as a conflict.
 */
export async function insertReports(tx: Tx, scope: RowScope, rows: readonly StoredReport[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await insertReportsStatement(scope, rows).execute(tx);
  return new Set(result.rows.map((r) => r.indicator_id));
}

/**
 * The INSERT of `insertReports`, to run alone or as a common table expression of a larger statement, which may ask
 * for more of the inserted rows than their ids (`returning`, a list of `reports` columns).
 */
export function insertReportsStatement(
  scope: RowScope,
  rows: readonly StoredReport[],
  returning: RawBuilder<unknown> = sql`indicator_id`,
): RawBuilder<{ indicator_id: string }> {
  return insertReportsFrom(scope, columns(rows), sql`true`, returning);
}

/**
 * The same INSERT from `from`, a from-item named `x` with the columns `columnsSelect` gives (a CTE of the statement,
 * say), of its rows where `where` holds.
 */
export function insertReportsFrom(
  scope: RowScope,
  from: RawBuilder<unknown>,
  where: RawBuilder<boolean>,
  returning: RawBuilder<unknown>,
): RawBuilder<{ indicator_id: string }> {
  return sql<{ indicator_id: string }>`
    insert into reports (assessment_id, round, unit_id, indicator_id, value, explanation, obstacles, remarks, status, version,
      updated_by, updated_at, comment, late, submitted_at)
    select ${scope.assessmentId}, ${scope.round}, ${scope.unitId}, x.indicator_id, x.value, x.explanation,
      x.obstacles, x.remarks, x.status, x.version, x.updated_by, x.updated_at, x.comment, x.late, x.submitted_at
    from ${from}
    where ${where}
    order by x.indicator_id
    on conflict do nothing
    returning ${returning}`;
}

/** Updates rows this transaction holds locked. */
export async function updateReports(tx: Tx, scope: RowScope, rows: readonly StoredReport[]): Promise<void> {
  if (rows.length === 0) return;
  await updateReportsStatement(scope, rows).execute(tx);
}

/** The UPDATE of `updateReports`, to run alone or as a common table expression of a larger statement (`returning` as above, of `r`). */
export function updateReportsStatement(
  scope: RowScope,
  rows: readonly StoredReport[],
  returning?: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return updateReportsFrom(scope, columns(rows), sql`true`, returning);
}

/** The same UPDATE from `from` (as `insertReportsFrom`'s), of its rows where `where` holds. */
export function updateReportsFrom(
  scope: RowScope,
  from: RawBuilder<unknown>,
  where: RawBuilder<boolean>,
  returning?: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`
    update reports as r set value = x.value, explanation = x.explanation, obstacles = x.obstacles,
      remarks = x.remarks, status = x.status, version = x.version, updated_by = x.updated_by, updated_at = x.updated_at,
      comment = x.comment, late = x.late, submitted_at = x.submitted_at
    from ${from}
    where ${where} and r.assessment_id = ${scope.assessmentId} and r.round = ${scope.round} and r.unit_id = ${scope.unitId}
      and r.indicator_id = x.indicator_id
    ${returning === undefined ? sql`` : sql`returning ${returning}`}`;
}

/** Assessment documents as the central office sent them, read back through the domain's `readAssessment`. */
import { readAssessment, type Assessment, type Issue } from '../../domain';
import type { ApiAssessmentDocument } from '../../api';
import type { Db } from '../db/connect';
import { sql, type RawBuilder } from 'kysely';
import { databaseOf, json, type Tx } from '../db/transaction';
import { appendAudit } from './audit';

export interface StoredAssessment {
  readonly document: ApiAssessmentDocument;
  readonly model: Assessment;
  readonly version: number;
}

/** `units` and `rounds` are always present in what the API returns. */
export function withUnitsAndRounds(doc: Record<string, unknown>): ApiAssessmentDocument {
  return { ...doc, units: doc.units ?? [], rounds: doc.rounds ?? [] } as ApiAssessmentDocument;
}

function fromRow(row: { document: unknown; version: number }): StoredAssessment {
  const document = withUnitsAndRounds(row.document as Record<string, unknown>);
  const read = readAssessment(row.document);
  // Only documents readAssessment accepted are stored, so this holds unless the domain tightened its rules.
  if (!read.ok) throw new Error(`stored assessment ${document.id} no longer reads: ${read.issues.map((i) => i.message.en).join('; ')}`);
  return { document, model: read.value, version: row.version };
}

/**
 * Read models by id, per database: an assessment is read (zod + `readAssessment`, for 500 units and 20 indicators
 * some milliseconds) once per version, not on every report request. Each request still asks the database for the
 * row's version, so an assessment replaced through another instance is read anew at once. The version alone is
 * not enough to know a document: a table truncated or restored counts from 1 again, so the row's `xmin` (the
 * transaction that wrote it, never the same twice in a cluster) must match too. Rows are cached only as read;
 * `putAssessment` never fills the cache, so a rolled-back write is never remembered.
 */
const readModels = new WeakMap<Db, Map<string, StoredAssessment & { readonly writtenBy: string }>>();
/** Assessments are few (one a year per agency); a bound keeps a server fed thousands of ids from growing. */
const MAX_CACHED = 200;

function cacheOf(db: Db | Tx): Map<string, StoredAssessment & { readonly writtenBy: string }> {
  const owner = databaseOf(db);
  let cache = readModels.get(owner);
  if (!cache) readModels.set(owner, (cache = new Map()));
  return cache;
}

function remember(
  cache: Map<string, StoredAssessment & { readonly writtenBy: string }>,
  id: string,
  stored: StoredAssessment,
  writtenBy: string,
): void {
  cache.delete(id);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(id, { ...stored, writtenBy });
}

/**
 * The read model this process last read for `id`, without asking the database: a guess, to prepare a statement
 * that reads the row's version anyway (`getAssessmentWith` returns this same object when it is still the row's).
 */
export function cachedAssessment(db: Db | Tx, id: string): StoredAssessment | undefined {
  return cacheOf(db).get(id);
}

export async function getAssessment(db: Db | Tx, id: string): Promise<StoredAssessment | undefined> {
  return (await getAssessmentWith(db, id, {})).assessment;
}

/**
 * What a request reads beside the assessment, in the same statement, so a report request pays one round trip to
 * the database for both: `select`, a value computed whether or not the assessment exists (the unit's rows as JSON);
 * `with`, a common table expression it may refer to (a batch claiming its idempotency key). The statement always
 * yields one row, so `with` always runs.
 */
export interface Alongside<T> {
  readonly with?: RawBuilder<unknown>;
  readonly select?: RawBuilder<T>;
}

export async function getAssessmentWith<T = never>(
  db: Db | Tx,
  id: string,
  alongside: Alongside<T>,
): Promise<{ assessment: StoredAssessment | undefined; alongside: T }> {
  const cache = cacheOf(db);
  const known = cache.get(id);
  // The document travels only when the cached one is not the row's.
  const { rows } = await sql<{ version: number | null; written_by: string | null; document: unknown; alongside: T }>`
    ${alongside.with === undefined ? sql`` : sql`with ${alongside.with}`}
    select a.version, a.xmin::text as written_by,
      case when a.version = ${known?.version ?? -1} and a.xmin::text = ${known?.writtenBy ?? ''} then null else a.document end as document,
      ${alongside.select ?? sql`null`} as alongside
    from (select 1) as one left join assessments as a on a.id = ${id}`.execute(db);
  const row = rows[0]!;
  if (row.version === null || row.written_by === null) {
    cache.delete(id);
    return { assessment: undefined, alongside: row.alongside };
  }
  if (known && row.version === known.version && row.written_by === known.writtenBy) return { assessment: known, alongside: row.alongside };
  const stored = fromRow({ document: row.document, version: row.version });
  remember(cache, id, stored, row.written_by);
  return { assessment: stored, alongside: row.alongside };
}

export async function listAssessments(db: Db): Promise<StoredAssessment[]> {
  const cache = cacheOf(db);
  const rows = await db
    .selectFrom('assessments')
    .select(['id', 'version', sql<string>`xmin::text`.as('written_by')])
    .orderBy('id')
    .execute();
  const stale = rows.filter((r) => {
    const known = cache.get(r.id);
    return !known || known.version !== r.version || known.writtenBy !== r.written_by;
  });
  if (stale.length > 0) {
    const docs = await db
      .selectFrom('assessments')
      .select(['id', 'document', 'version', sql<string>`xmin::text`.as('written_by')])
      .where(
        'id',
        'in',
        stale.map((r) => r.id),
      )
      .execute();
    for (const d of docs) remember(cache, d.id, fromRow(d), d.written_by);
  }
  // An id replaced between the two reads is served as the second read found it.
  return rows.map((r) => cache.get(r.id)).filter((a): a is StoredAssessment & { readonly writtenBy: string } => a !== undefined);
}

export type PutResult = { ok: true; created: boolean; issues: readonly Issue[] } | { ok: false; issues: readonly Issue[] };

/**
 * Creates or replaces an assessment: checked by the domain first, then written with its audit event.
 * `ifAbsent` leaves an existing assessment as it is (demo data on restart).
 */
export async function putAssessment(
  tx: Tx,
  doc: Record<string, unknown>,
  options: { actor: string; now: Date; ifAbsent?: boolean },
): Promise<PutResult> {
  const read = readAssessment(doc);
  if (!read.ok) return { ok: false, issues: read.issues };
  const id = read.value.id;
  const stored = withUnitsAndRounds(doc);
  // Claim the id first: a concurrent create of the same id waits here instead of failing on the key.
  const inserted = await tx
    .insertInto('assessments')
    .values({ id, document: json(stored), version: 1, updated_by: options.actor, updated_at: options.now })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) {
    await appendAudit(tx, [{ at: options.now, actor: options.actor, action: 'assessment.create', assessmentId: id, new: stored }]);
    return { ok: true, created: true, issues: read.issues };
  }
  if (options.ifAbsent) return { ok: true, created: false, issues: read.issues };
  const old = await tx.selectFrom('assessments').select(['document', 'version']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  await tx
    .updateTable('assessments')
    .set({ document: json(stored), version: old.version + 1, updated_by: options.actor, updated_at: options.now })
    .where('id', '=', id)
    .execute();
  await appendAudit(tx, [
    { at: options.now, actor: options.actor, action: 'assessment.update', assessmentId: id, old: old.document, new: stored },
  ]);
  return { ok: true, created: false, issues: read.issues };
}

/** How far back a chain of `previous` is followed: decades of fiscal years, and a bound on a chain gone wrong. */
export const MAX_CHAIN = 50;

/**
 * The assessment `id`, then the one it names as `previous`, and so on, newest first: an id seen once ends the
 * chain (a cycle), so does a name with no stored assessment. Two queries whatever its length (one recursive query
 * for the ids and versions, one for the documents not already read), none but the first when all are cached.
 * Empty when `id` itself is not stored.
 */
export async function getAssessmentChain(db: Db | Tx, id: string): Promise<StoredAssessment[]> {
  const cache = cacheOf(db);
  const found = await sql<{ id: string; version: number; written_by: string; depth: number }>`
    with recursive chain(id, version, written_by, previous, depth, seen) as (
      select a.id, a.version, a.xmin::text, a.document->>'previous', 0, array[a.id]
      from assessments a where a.id = ${id}
      union all
      select a.id, a.version, a.xmin::text, a.document->>'previous', c.depth + 1, c.seen || a.id
      from chain c join assessments a on a.id = c.previous
      where not (a.id = any(c.seen)) and c.depth + 1 < ${MAX_CHAIN}
    )
    select id, version, written_by, depth from chain order by depth`.execute(db);
  const rows = found.rows;
  const stale = rows.filter((r) => {
    const known = cache.get(r.id);
    return !known || known.version !== r.version || known.writtenBy !== r.written_by;
  });
  if (stale.length > 0) {
    const docs = await db
      .selectFrom('assessments')
      .select(['id', 'document', 'version', sql<string>`xmin::text`.as('written_by')])
      .where(sql<boolean>`id = any(${stale.map((r) => r.id)}::text[])`)
      .execute();
    for (const d of docs) remember(cache, d.id, fromRow(d), d.written_by);
  }
  // An assessment replaced between the two reads is served as the second read found it; one deleted in between
  // ends the chain there.
  const chain: StoredAssessment[] = [];
  for (const r of rows) {
    const stored = cache.get(r.id);
    if (!stored) break;
    chain.push(stored);
  }
  return chain;
}

/** Assessment documents as the central office sent them, read back through the domain's `readAssessment`. */
import { readAssessment, type Assessment, type Issue } from '../../domain';
import type { ApiAssessmentDocument } from '../../api';
import type { Db } from '../db/connect';
import { json, type Tx } from '../db/transaction';
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

export async function getAssessment(db: Db | Tx, id: string): Promise<StoredAssessment | undefined> {
  const row = await db.selectFrom('assessments').select(['document', 'version']).where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function listAssessments(db: Db): Promise<StoredAssessment[]> {
  const rows = await db.selectFrom('assessments').select(['document', 'version']).orderBy('id').execute();
  return rows.map(fromRow);
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
  await appendAudit(tx, [{ at: options.now, actor: options.actor, action: 'assessment.update', assessmentId: id, old: old.document, new: stored }]);
  return { ok: true, created: false, issues: read.issues };
}

/**
 * Attachments: metadata in PostgreSQL, bytes either there too (bytea, so any instance can serve any file with
 * nothing else shared) or in a file store beside the database (`fileStore.ts`; the default for the embedded
 * database). Adding one checks, inside its transaction and with the row locked, that the row is not approved
 * and that the quotas hold, and takes its time there, so the audit log orders it truly against an approval.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Attachment } from '../../api';
import type { User } from '../auth/permissions';
import type { Db } from '../db/connect';
import { inTransaction, type Tx } from '../db/transaction';
import type { AttachmentsTable } from '../db/schema';
import { ApiError } from '../errors';
import { appendAudit } from '../store/audit';
import { lockReports, type RowScope } from '../store/reports';
import type { FileStore } from './fileStore';

export interface AttachmentQuota {
  readonly filesPerRow: number;
  readonly bytesPerRow: number;
  /** All files of one unit in one assessment, every round. */
  readonly bytesPerUnit: number;
}

export const locked = (indicatorId: string) =>
  new ApiError(
    409,
    'locked',
    `indicator ${indicatorId} is approved; its evidence can no longer change`,
    `ตัวชี้วัด ${indicatorId} ได้รับอนุมัติแล้ว จึงแนบไฟล์เพิ่มไม่ได้`,
  );

const MB = 1024 * 1024;

function overQuota(
  what: 'files' | 'row' | 'unit',
  quota: AttachmentQuota,
  used: { files: number; rowBytes: number; unitBytes: number },
): ApiError {
  const details = { quota, used };
  if (what === 'files') {
    return new ApiError(
      409,
      'quota_exceeded',
      `this row already has ${used.files} files, the most one row may hold (${quota.filesPerRow})`,
      `ตัวชี้วัดนี้มีไฟล์แนบครบจำนวนสูงสุดแล้ว (${quota.filesPerRow} ไฟล์)`,
      details,
    );
  }
  if (what === 'row') {
    return new ApiError(
      409,
      'quota_exceeded',
      `the files of one row may take at most ${quota.bytesPerRow / MB} MB together; this one would exceed it`,
      `ไฟล์แนบของตัวชี้วัดหนึ่งรวมกันได้ไม่เกิน ${quota.bytesPerRow / MB} MB ไฟล์นี้จะทำให้เกินกำหนด`,
      details,
    );
  }
  return new ApiError(
    409,
    'quota_exceeded',
    `the unit's files may take at most ${quota.bytesPerUnit / MB} MB together; this one would exceed it`,
    `ไฟล์แนบทั้งหมดของหน่วยงานรวมกันได้ไม่เกิน ${quota.bytesPerUnit / MB} MB ไฟล์นี้จะทำให้เกินกำหนด`,
    details,
  );
}

async function usage(db: Db | Tx, scope: RowScope, indicatorId: string): Promise<{ files: number; rowBytes: number; unitBytes: number }> {
  const r = await sql<{ files: string | number; row_bytes: string | number | null; unit_bytes: string | number | null }>`
    select
      count(*) filter (where round = ${scope.round} and indicator_id = ${indicatorId}) as files,
      sum(size) filter (where round = ${scope.round} and indicator_id = ${indicatorId}) as row_bytes,
      sum(size) as unit_bytes
    from attachments where assessment_id = ${scope.assessmentId} and unit_id = ${scope.unitId}`.execute(db);
  const row = r.rows[0];
  return { files: Number(row?.files ?? 0), rowBytes: Number(row?.row_bytes ?? 0), unitBytes: Number(row?.unit_bytes ?? 0) };
}

/** The quota a file of `size` bytes would break (size 0: may the row take any file at all?). */
export async function checkQuota(db: Db | Tx, scope: RowScope, indicatorId: string, size: number, quota: AttachmentQuota): Promise<void> {
  const used = await usage(db, scope, indicatorId);
  if (used.files >= quota.filesPerRow) throw overQuota('files', quota, used);
  if (used.rowBytes + size > quota.bytesPerRow) throw overQuota('row', quota, used);
  if (used.unitBytes + size > quota.bytesPerUnit) throw overQuota('unit', quota, used);
}

type Meta = Omit<AttachmentsTable, 'content'>;

function toAttachment(r: Meta): Attachment {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    filename: r.filename,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
  };
}

const META = [
  'id',
  'assessment_id',
  'round',
  'unit_id',
  'indicator_id',
  'filename',
  'content_type',
  'size',
  'sha256',
  'uploaded_by',
  'uploaded_at',
] as const;

export interface AddOptions {
  readonly quota: AttachmentQuota;
  /** Where the bytes go; undefined: into the row (bytea). */
  readonly files: FileStore | undefined;
  /** Read once the row is locked: the attachment's time is when it is decided, not when the request began. */
  readonly clock: () => Date;
}

export async function addAttachment(
  db: Db,
  scope: RowScope,
  indicatorId: string,
  file: { filename: string; contentType: string; content: Buffer },
  user: User,
  o: AddOptions,
): Promise<Attachment> {
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  // The bytes are durable before the row that names them commits.
  if (o.files) await o.files.put(file.content, sha256);
  return inTransaction(db, async (tx) => {
    // One upload of a unit at a time decides (the quota per unit counts them all), then the row itself is
    // locked, so an approval either committed before (and this is refused) or waits until this commits.
    await sql`select pg_advisory_xact_lock(7201, hashtext(${JSON.stringify([scope.assessmentId, scope.unitId])}))`.execute(tx);
    const report = (await lockReports(tx, scope, [indicatorId])).get(indicatorId);
    if (report?.status === 'approved') throw locked(indicatorId);
    await checkQuota(tx, scope, indicatorId, file.content.length, o.quota);
    const now = o.clock();
    const row: Meta = {
      id: randomUUID(),
      assessment_id: scope.assessmentId,
      round: scope.round,
      unit_id: scope.unitId,
      indicator_id: indicatorId,
      filename: file.filename,
      content_type: file.contentType,
      size: file.content.length,
      sha256,
      uploaded_by: user.username,
      uploaded_at: now,
    };
    const attachment = toAttachment(row);
    await tx
      .insertInto('attachments')
      .values({ ...row, content: o.files ? null : file.content })
      .execute();
    await appendAudit(tx, [
      {
        at: now,
        actor: user.username,
        action: 'attachment.add',
        assessmentId: scope.assessmentId,
        round: scope.round,
        unitId: scope.unitId,
        indicatorId,
        old: null,
        new: attachment,
      },
    ]);
    return attachment;
  });
}

export async function listAttachments(db: Db, scope: RowScope, indicatorId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(META)
    .where('assessment_id', '=', scope.assessmentId)
    .where('round', '=', scope.round)
    .where('unit_id', '=', scope.unitId)
    .where('indicator_id', '=', indicatorId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

export async function getAttachment(
  db: Db,
  scope: RowScope,
  indicatorId: string,
  id: string,
  files: FileStore | undefined,
): Promise<{ meta: Attachment; content: Buffer | Readable } | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select([...META, 'content'])
    .where('id', '=', id)
    .where('assessment_id', '=', scope.assessmentId)
    .where('round', '=', scope.round)
    .where('unit_id', '=', scope.unitId)
    .where('indicator_id', '=', indicatorId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.content !== null) return { meta: toAttachment(row), content: Buffer.from(row.content) };
  if (!files) throw new Error(`attachment ${row.id} is in a file store, and this server has none (set SCOREBOOK_FILES)`);
  return { meta: toAttachment(row), content: files.read(row.sha256) };
}

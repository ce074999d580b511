/** Attachments live in PostgreSQL (bytea) like everything else, so any instance can serve any file. */
import { createHash, randomUUID } from 'node:crypto';
import type { Attachment } from '../../api';
import type { User } from '../auth/permissions';
import type { Db } from '../db/connect';
import { inTransaction } from '../db/transaction';
import type { AttachmentsTable } from '../db/schema';
import { appendAudit } from '../store/audit';
import type { RowScope } from '../store/reports';

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

const META = ['id', 'assessment_id', 'round', 'unit_id', 'indicator_id', 'filename', 'content_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'] as const;

export async function addAttachment(
  db: Db,
  scope: RowScope,
  indicatorId: string,
  file: { filename: string; contentType: string; content: Buffer },
  user: User,
  now: Date,
): Promise<Attachment> {
  const row: Meta = {
    id: randomUUID(),
    assessment_id: scope.assessmentId,
    round: scope.round,
    unit_id: scope.unitId,
    indicator_id: indicatorId,
    filename: file.filename,
    content_type: file.contentType,
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    uploaded_by: user.username,
    uploaded_at: now,
  };
  const attachment = toAttachment(row);
  await inTransaction(db, async (tx) => {
    await tx.insertInto('attachments').values({ ...row, content: file.content }).execute();
    await appendAudit(tx, [
      { at: now, actor: user.username, action: 'attachment.add', assessmentId: scope.assessmentId, round: scope.round, unitId: scope.unitId, indicatorId, old: null, new: attachment },
    ]);
  });
  return attachment;
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

export async function getAttachment(db: Db, scope: RowScope, indicatorId: string, id: string): Promise<{ meta: Attachment; content: Buffer } | undefined> {
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
  return { meta: toAttachment(row), content: Buffer.from(row.content) };
}

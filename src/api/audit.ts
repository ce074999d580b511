/** The append-only audit log: who changed what, when, from which value to which. */
import { z } from 'zod';
import { idSchema, instantSchema } from './common';

export const auditQuerySchema = z.object({
  assessment: idSchema.optional(),
  unit: idSchema.optional(),
  /** Events after this id (the last id of the previous page). */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(5_000).optional(),
});

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: instantSchema,
  actor: z.string(),
  /** e.g. `report.save`, `report.submit`, `report.approve`, `report.return`, `attachment.add`, `assessment.update`, `user.create`. */
  action: z.string(),
  assessmentId: z.string().nullable(),
  round: z.number().int().nullable(),
  unitId: z.string().nullable(),
  indicatorId: z.string().nullable(),
  old: z.unknown(),
  new: z.unknown(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListSchema = z.object({
  events: z.array(auditEventSchema),
  /**
   * More events may follow: pass it as `after` for the next page. A page ends at `limit` events or at the
   * server's size per page (SCOREBOOK_AUDIT_PAGE_BYTES), whichever comes first, so a page shorter than `limit`
   * is not the end of the log; no `next` is.
   */
  next: z.number().int().optional(),
});

/** Shapes every resource shares: issues, roles, statuses, path parameters. */
import { z } from 'zod';
import { MAX_ID_LENGTH, storableString } from './text';

/** A domain issue as JSON: the same shape `src/domain` produces, with its message in Thai and English. */
export const issueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.object({ th: z.string(), en: z.string() }),
  indicatorId: z.string().optional(),
  path: z.string().optional(),
  field: z.string().optional(),
  cell: z.string().optional(),
});
export type ApiIssue = z.infer<typeof issueSchema>;

export const roleSchema = z.enum(['reporter', 'approver', 'central']);
export type Role = z.infer<typeof roleSchema>;

/** draft → submitted → approved, or returned (with the approver's comment) → submitted again. */
export const reportStatusSchema = z.enum(['draft', 'submitted', 'approved', 'returned']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

/** Ids in paths: assessment, unit and indicator ids as the assessment document spells them. */
export const idSchema = storableString().min(1).max(MAX_ID_LENGTH);
export const roundNumberSchema = z.coerce.number().int().min(1).max(12);

export const assessmentParamsSchema = z.object({ aid: idSchema });
export const unitRoundParamsSchema = z.object({ aid: idSchema, round: roundNumberSchema, unit: idSchema });
export const indicatorParamsSchema = unitRoundParamsSchema.extend({ indicatorId: idSchema });
export const attachmentParamsSchema = indicatorParamsSchema.extend({ attachmentId: z.uuid() });

/** An instant as ISO 8601 text (UTC). */
export const instantSchema = z.string();

/** Which language the messages of a scores document are in (Thai unless asked). */
export const langQuerySchema = z.object({ lang: z.enum(['th', 'en']).optional() });

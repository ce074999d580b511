/**
 * Report rows (one per assessment × round × unit × indicator) and the batch that saves or submits them.
 * `value` is the raw result as the reporter typed it (number, text such as "๓,๐๕๐" or "85%", milestone steps,
 * or ratio variables); the server reads it with the domain's `readResultValue` and stores it unchanged.
 */
import { z } from 'zod';
import { rawResultSchema } from '../domain';
import { idSchema, instantSchema, issueSchema, reportStatusSchema } from './common';
import { MAX_NOTE_LENGTH, MAX_VALUE_DEPTH, nestsAtMost, storableString } from './text';

export { rawResultSchema };

/**
 * A row's note. Characters the database cannot keep are not refused here but by the row (`invalid`, naming the
 * field), so one pasted NUL does not sink the batch's other rows.
 */
const noteSchema = z.string().max(MAX_NOTE_LENGTH);
/** An approver's comment. */
const MAX_COMMENT_LENGTH = 5_000;

export const reportRowSchema = z.object({
  indicatorId: z.string(),
  value: rawResultSchema,
  explanation: z.string().nullable(),
  obstacles: z.string().nullable(),
  remarks: z.string().nullable(),
  status: reportStatusSchema,
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: instantSchema,
  /** The approver's last comment (why it was returned, or a note on approval). */
  comment: z.string().nullable(),
  /** Accepted after the round closed (the round allows late reports). */
  late: z.boolean(),
  /** When it was last submitted; the scores route counts working days late from it. */
  submittedAt: instantSchema.nullable(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportListSchema = z.object({ reports: z.array(reportRowSchema) });

/**
 * A batch is bounded by its size, not its row count (a central sheet may hold tens of thousands of short rows, or
 * a few hundred with pages of notes): the server's default body limit for a batch. The client sends far less at
 * a time (submit.ts).
 */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;

export const batchRowSchema = z.object({
  indicatorId: idSchema,
  /**
   * Checked row by row (a value of the wrong shape, text too long or that cannot be stored makes that row
   * `invalid`, not the batch); only its depth is bounded here, before anything walks it.
   */
  value: z.unknown().refine((v) => nestsAtMost(v, MAX_VALUE_DEPTH), {
    message: `nests deeper than ${MAX_VALUE_DEPTH} levels (a result is a number, text, a list of steps or an object of variables) / ซ้อนกันลึกเกิน ${MAX_VALUE_DEPTH} ชั้น`,
  }),
  explanation: noteSchema.nullable().optional(),
  obstacles: noteSchema.nullable().optional(),
  remarks: noteSchema.nullable().optional(),
  /** The version the client last saw; 0 for a row never stored. */
  baseVersion: z.number().int().min(0),
});
export type BatchRow = z.infer<typeof batchRowSchema>;

export const batchBodySchema = z.object({
  action: z.enum(['save', 'submit']),
  rows: z.array(batchRowSchema).min(1),
});
export type BatchBody = z.infer<typeof batchBodySchema>;

export const batchHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII, no spaces')
    .optional(),
});

/**
 * What a conflicting or locked row holds now, and who changed it when. The texts let "take theirs" bring the
 * whole row into the sheet; they are absent only from answers stored (for idempotent replay) before they were sent.
 */
export const currentRowSchema = z.object({
  value: rawResultSchema,
  explanation: z.string().nullable().optional(),
  obstacles: z.string().nullable().optional(),
  remarks: z.string().nullable().optional(),
  status: reportStatusSchema,
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: instantSchema,
});
export type CurrentRow = z.infer<typeof currentRowSchema>;

export const batchOutcomeSchema = z.enum(['accepted', 'conflict', 'invalid', 'locked']);
export type BatchOutcome = z.infer<typeof batchOutcomeSchema>;

export const batchResultSchema = z.object({
  indicatorId: z.string(),
  outcome: batchOutcomeSchema,
  /** The row's version after this batch (accepted). */
  version: z.number().int().optional(),
  /** Why a row is invalid; warnings on an accepted row. */
  issues: z.array(issueSchema).optional(),
  /** conflict and locked: the stored row. */
  current: currentRowSchema.optional(),
  late: z.boolean().optional(),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

export const batchResponseSchema = z.object({
  results: z.array(batchResultSchema),
  /** The batch was accepted after the round closed (allowed by the round); the scores show the penalty. */
  late: z.boolean().optional(),
});
export type BatchResponse = z.infer<typeof batchResponseSchema>;

export const approveBodySchema = z.object({
  comment: storableString().max(MAX_COMMENT_LENGTH).optional(),
  /** The version the approver reviewed; when given, a row changed since is a 409 `version_conflict`. */
  version: z.number().int().min(1).optional(),
});

export const returnBodySchema = z.object({
  comment: storableString().trim().min(1).max(MAX_COMMENT_LENGTH),
  version: z.number().int().min(1).optional(),
});

export const reportResponseSchema = z.object({ report: reportRowSchema });

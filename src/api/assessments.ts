/**
 * Assessments: the v1 document (design.md "The assessment file") with its `units` and `rounds`.
 * A PUT body is any JSON object here; `src/domain`'s `readAssessment` checks it, so a document the CLI
 * accepts the server accepts, and errors come back as domain issues with their JSON paths.
 */
import { z } from 'zod';
import { issueSchema } from './common';

export const roundSchema = z.object({
  round: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  allowLate: z.boolean().optional(),
});
export type ApiRound = z.infer<typeof roundSchema>;

export const unitSchema = z.object({ id: z.string(), name: z.string() });

/** The stored document, as the central office sent it, with `units` and `rounds` always present. */
export const assessmentDocumentSchema = z
  .object({
    format: z.string(),
    id: z.string(),
    title: z.string(),
    fiscalYear: z.number(),
    units: z.array(unitSchema),
    rounds: z.array(roundSchema),
  })
  .loose();
export type ApiAssessmentDocument = z.infer<typeof assessmentDocumentSchema>;

export const putAssessmentBodySchema = z.record(z.string(), z.unknown());

export const putAssessmentResponseSchema = z.object({
  assessment: assessmentDocumentSchema,
  /** Warnings the domain found (weights not summing to 100 …); errors refuse the document instead. */
  issues: z.array(issueSchema),
});

export const assessmentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  fiscalYear: z.number(),
  units: z.array(unitSchema),
  rounds: z.array(roundSchema),
});

export const assessmentListSchema = z.object({ assessments: z.array(assessmentSummarySchema) });

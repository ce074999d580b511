/**
 * One unit's history: its totals and each indicator's result and score at every round of this assessment and of
 * the earlier assessments it names through `previous` (a fiscal year's set names last year's), matched by
 * indicator id. Oldest first, so a chart reads left to right.
 */
import { z } from 'zod';
import { REPORT_STATUSES } from '../domain';
import { idSchema } from './common';

/** `GET …/assessments/{aid}/units/{unit}/history`. */
export const unitHistoryParamsSchema = z.object({ aid: idSchema, unit: idSchema });

export const historyPointSchema = z.object({
  assessment: z.string(),
  /** Buddhist-Era fiscal year of that assessment, when it states one. */
  fiscalYear: z.number().int().nullable(),
  round: z.number().int(),
  selfAssessedTotal: z.number().nullable(),
  officialTotal: z.number().nullable(),
  indicators: z.array(
    z.object({
      indicator: z.string(),
      value: z.number().nullable(),
      score: z.number().nullable(),
      status: z.enum(REPORT_STATUSES).nullable(),
    }),
  ),
});
export type HistoryPoint = z.infer<typeof historyPointSchema>;

export const unitHistorySchema = z.object({
  unit: z.string(),
  /** The assessment asked about, then its predecessors through `previous`, newest first. */
  assessments: z.array(z.string()),
  /** Every round that has at least one stored row, oldest first (by fiscal year, then round). */
  points: z.array(historyPointSchema),
});
export type UnitHistory = z.infer<typeof unitHistorySchema>;

/**
 * Report rows of every unit in one round (the central office's multi-unit sheet, one row block per unit): central
 * staff read all units of the assessment, an approver only the units they approve for; `units` narrows the list.
 */
import { z } from 'zod';
import { idSchema, roundNumberSchema } from './common';
import { reportRowSchema } from './reports';

export const roundParamsSchema = z.object({ aid: idSchema, round: roundNumberSchema });

/** Comma-separated unit ids (`?units=pte,cbi`); absent: every unit the caller may read. */
export const roundReportsQuerySchema = z.object({
  units: z.string().min(1).max(100_000).optional(),
});

export const unitReportsSchema = z.object({ unit: z.string(), reports: z.array(reportRowSchema) });
export type UnitReports = z.infer<typeof unitReportsSchema>;

/** In the assessment's order of units; a unit with no stored row is there with an empty list. */
export const roundReportListSchema = z.object({ units: z.array(unitReportsSchema) });

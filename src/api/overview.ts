/**
 * The central office's view of one round: every unit it may see, with totals, subtotals and counts by status, and
 * every indicator's result, score and status per unit. One request answers the whole round (the server reads it in
 * a fixed number of queries, whatever the number of units), so the pane writes the overview sheet from one answer.
 * Central staff see every unit; an approver sees the units they approve for.
 */
import { z } from 'zod';
import { REPORT_STATUSES } from '../domain';

/** A unit's status counts: `notStarted` is indicators due this round with no stored row. */
export const statusCountsSchema = z.object({
  notStarted: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  returned: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

const totalsSchema = z.object({
  /** Unrounded, as `scorebook score --json`; null when nothing is scored. */
  total: z.number().nullable(),
  totalBeforePenalty: z.number().nullable(),
  penalty: z.number(),
});

export const overviewCellSchema = z.object({
  indicator: z.string(),
  /**
   * The value the domain read from the stored row, as the scores route's `value`: the number compared with the
   * targets (a ratio's computed ratio, a milestone's steps reached); null when not reported or not readable.
   */
  value: z.number().nullable(),
  score: z.number().nullable(),
  weightedScore: z.number().nullable(),
  level: z.number().nullable(),
  /** The stored row's status, or null when the unit has not reported it. */
  status: z.enum(REPORT_STATUSES).nullable(),
});
export type OverviewCell = z.infer<typeof overviewCellSchema>;

export const overviewUnitSchema = z.object({
  unit: z.string(),
  name: z.string(),
  /** The unit's group where the assessment groups its units (e.g. a province group), else absent. */
  group: z.string().optional(),
  /** Self-assessed: every reported row counts. */
  selfAssessed: totalsSchema,
  /** Official: only rows whose status the assessment certifies (policies.officialStatuses) count. */
  official: totalsSchema,
  components: z.array(z.object({ id: z.string(), score: z.number().nullable(), weightedScore: z.number() })),
  counts: statusCountsSchema,
  workingDaysLate: z.number().int(),
  /** The last change to any of the unit's rows in this round (ISO instant), or null. */
  lastChange: z.string().nullable(),
  /** One per indicator of the assessment, in the assessment's order. */
  cells: z.array(overviewCellSchema),
  /** The self-assessed total at the previous round of this assessment (same unit), when there is one. */
  previousRoundTotal: z.number().nullable().optional(),
});
export type OverviewUnit = z.infer<typeof overviewUnitSchema>;

export const overviewSchema = z.object({
  assessment: z.string(),
  /** The assessment's stored version, so a sheet knows when the definitions changed under it. */
  version: z.number().int(),
  round: z.number().int(),
  /** The previous round asked for `previousRoundTotal`, or null when this is the first round. */
  previousRound: z.number().int().nullable(),
  indicators: z.array(z.object({ id: z.string(), name: z.string(), component: z.string().nullable(), weight: z.number() })),
  /** Unit groups in the assessment's order, when it has them. */
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  /** In the assessment's order of units. */
  units: z.array(overviewUnitSchema),
  /** Counts over all the units above. */
  counts: statusCountsSchema,
});
export type Overview = z.infer<typeof overviewSchema>;

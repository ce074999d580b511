/**
 * The scores of one unit in one round: the same document as `scorebook score --json`, so a program reads
 * both the same way. Numbers are unrounded; messages are in the language asked for (Thai by default).
 */
import { z } from 'zod';
import { messageIn, REPORT_STATUSES, type Issue, type Locale, type ScoreReport } from '../domain';

export const jsonIssueSchema = z.object({
  code: z.string(),
  severity: z.string(),
  message: z.string(),
  path: z.string().optional(),
  cell: z.string().optional(),
  field: z.string().optional(),
});

const figuresSchema = z.object({ total: z.number().nullable(), totalBeforePenalty: z.number().nullable(), penalty: z.number() });

export const scoreDocumentSchema = z.object({
  assessment: z.string(),
  total: z.number().nullable(),
  totalBeforePenalty: z.number().nullable(),
  penalty: z.number(),
  workingDaysLate: z.number(),
  /** The certified score (only reports whose status the assessment certifies count); when the results carry statuses. */
  official: figuresSchema.optional(),
  components: z.array(z.object({ id: z.string(), score: z.number().nullable(), weightedScore: z.number() })),
  /** Sub-groups of the components (seed 002 ๑.๑ / ๑.๒): subtotals only, never part of the total's arithmetic. */
  groups: z.array(z.object({ id: z.string(), component: z.string(), score: z.number().nullable(), weightedScore: z.number() })),
  indicators: z.array(
    z.object({
      id: z.string(),
      parent: z.string().nullable(),
      score: z.number().nullable(),
      weightedScore: z.number().nullable(),
      status: z.enum(['scored', 'not-reported', 'invalid', 'not-due']),
      value: z.number().nullable(),
      level: z.number().nullable(),
      effectiveWeight: z.number(),
      reportStatus: z.enum(REPORT_STATUSES).nullable().optional(),
      counted: z.boolean().optional(),
      issues: z.array(jsonIssueSchema),
    }),
  ),
  issues: z.array(jsonIssueSchema),
});
export type ScoreDocument = z.infer<typeof scoreDocumentSchema>;

function jsonIssue(i: Issue, locale: Locale): z.infer<typeof jsonIssueSchema> {
  return { code: i.code, severity: i.severity, message: messageIn(i.message, locale), path: i.path, cell: i.cell, field: i.field };
}

/** A score report as the JSON document of `scorebook score --json`. */
export function toScoreDocument(report: ScoreReport, extraIssues: readonly Issue[], locale: Locale): ScoreDocument {
  return {
    assessment: report.assessment,
    total: report.total,
    totalBeforePenalty: report.totalBeforePenalty,
    penalty: report.penalty,
    workingDaysLate: report.workingDaysLate,
    ...(report.official ? { official: { ...report.official } } : {}),
    components: report.components.map((c) => ({ id: c.id, score: c.score, weightedScore: c.weightedScore })),
    groups: report.groups.map((g) => ({ id: g.id, component: g.component, score: g.score, weightedScore: g.weightedScore })),
    indicators: report.indicators.map((i) => ({
      id: i.id,
      parent: i.parent,
      score: i.score,
      weightedScore: i.weightedScore,
      status: i.status,
      value: i.value,
      level: i.level,
      effectiveWeight: i.effectiveWeight,
      ...(i.reportStatus !== undefined ? { reportStatus: i.reportStatus, counted: i.counted ?? false } : {}),
      issues: i.issues.map((x) => jsonIssue(x, locale)),
    })),
    issues: [...extraIssues, ...report.issues].map((x) => jsonIssue(x, locale)),
  };
}

/**
 * The exchange formats as JSON documents (design.md: assessment format v1, results format v1), described once
 * with zod. This checks shape and types only; what the shapes mean (ids unique, targets monotonic …) is
 * checked in `readAssessment.ts`, where the messages can speak the domain's language.
 */
import { z } from 'zod';
import { REPORT_STATUSES } from './policies';

export const ASSESSMENT_FORMAT = 'scorebook/assessment@1';
export const RESULTS_FORMAT = 'scorebook/results@1';

const id = z.union([z.string().trim().min(1), z.number()]).transform(String);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const roundNumber = z.number().int().min(1).max(12);
const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date and time (ISO 8601)');

export const scaleLevelSchema = z.object({
  name: z.string().min(1),
  nameEn: z.string().optional(),
  score: z.number(),
});

export const scaleSchema = z.union([
  z.literal('three-level'),
  z.literal('five-level'),
  z.object({ levels: z.array(scaleLevelSchema).min(2) }),
]);

export const policiesSchema = z.object({
  floor: z.number().optional(),
  notReported: z.union([z.number(), z.literal('exclude')]).optional(),
  mode: z.enum(['interpolate', 'step']).optional(),
  decimals: z.number().int().min(0).max(10).optional(),
  latePenaltyPerWorkingDay: z.number().min(0).optional(),
  holidays: z.array(isoDate).optional(),
  officialStatuses: z.array(z.enum(REPORT_STATUSES)).optional(),
  latePenaltyRounds: z.union([z.array(roundNumber), z.literal('all')]).optional(),
});

export const variableSchema = z.object({
  id,
  name: z.string().min(1),
  unit: z.string().optional(),
  central: z.boolean().optional(),
});

export interface RawIndicator {
  id: string;
  name: string;
  nameEn?: string;
  unit?: string;
  weight: number;
  component?: string;
  group?: string;
  description?: string;
  owner?: string;
  kind?: 'quantitative' | 'ratio' | 'milestone' | 'binary';
  /** A number, or an expression over `inputs` and T1..TN (targetExpression.ts). */
  targets?: (number | string)[];
  inputs?: Record<string, number>;
  direction?: 'higher' | 'lower';
  floorTarget?: number;
  multiplier?: number;
  variables?: z.infer<typeof variableSchema>[];
  steps?: string[];
  /** The rounds (months) in which it is reported; absent: every round. */
  rounds?: number[];
  children?: RawIndicator[];
  centralResult?: boolean;
}

export const indicatorSchema: z.ZodType<RawIndicator, unknown> = z.lazy(() =>
  z.object({
    id,
    name: z.string().trim().min(1),
    nameEn: z.string().optional(),
    unit: z.string().optional(),
    weight: z.number(),
    component: z.string().optional(),
    group: z.string().trim().min(1).optional(),
    description: z.string().optional(),
    owner: z.string().optional(),
    kind: z.enum(['quantitative', 'ratio', 'milestone', 'binary']).optional(),
    targets: z.array(z.union([z.number(), z.string()])).optional(),
    inputs: z.record(z.string(), z.number()).optional(),
    direction: z.enum(['higher', 'lower']).optional(),
    floorTarget: z.number().optional(),
    multiplier: z.number().optional(),
    variables: z.array(variableSchema).optional(),
    steps: z.array(z.string()).optional(),
    rounds: z.array(roundNumber).optional(),
    children: z.array(indicatorSchema).optional(),
    centralResult: z.boolean().optional(),
  }),
);

export const roundSchema = z.object({
  round: z.number().int().min(1).max(12),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  allowLate: z.boolean().optional(),
});

const assessmentId = z
  .string()
  .trim()
  .min(1)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only');

export const assessmentDocumentSchema = z.object({
  format: z.literal(ASSESSMENT_FORMAT),
  id: assessmentId,
  /** The earlier fiscal year's assessment this one follows (`"pte-2566"`), for history matched by indicator id. */
  previous: assessmentId.optional(),
  title: z.string().min(1),
  fiscalYear: z.number().int().min(2400).max(2800),
  scale: scaleSchema,
  policies: policiesSchema.optional(),
  components: z
    .array(
      z.object({
        id,
        name: z.string().min(1),
        nameEn: z.string().optional(),
        weight: z.number().min(0).optional(),
        groups: z.array(z.object({ id, name: z.string().min(1), nameEn: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  indicators: z.array(indicatorSchema).min(1),
  /** Groups of units (a province group, an education region), for subtotals and charts of the overview only. */
  unitGroups: z.array(z.object({ id, name: z.string().min(1), nameEn: z.string().optional() })).optional(),
  units: z.array(z.object({ id, name: z.string().min(1), group: z.string().trim().min(1).optional() })).optional(),
  rounds: z.array(roundSchema).optional(),
});

export type AssessmentDocument = z.infer<typeof assessmentDocumentSchema>;

/** A result as it travels: a number, text as typed in a sheet, milestone steps, or ratio variables. */
export const rawResultSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.boolean(), z.number(), z.string(), z.null()])),
  z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
]);

export type RawResult = z.infer<typeof rawResultSchema>;

export const resultsDocumentSchema = z.object({
  format: z.literal(RESULTS_FORMAT),
  assessment: z.string().min(1),
  round: z.number().int().min(1).max(12).optional(),
  unit: z.string().optional(),
  submittedAt: isoDateTime.optional(),
  results: z.record(z.string(), rawResultSchema),
  /** Where each indicator's report stands; the official score counts only the statuses of `officialStatuses`. */
  statuses: z.record(z.string(), z.enum(REPORT_STATUSES)).optional(),
});

export type ResultsDocument = z.infer<typeof resultsDocumentSchema>;

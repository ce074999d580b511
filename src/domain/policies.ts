/**
 * Scoring policies: every rule the seeds leave to the assessing agency is a setting with a default,
 * never a constant in code (scoring.md §2–§4).
 */
import { scoreRange, type Scale } from './scale';

export type ScoreMode = 'interpolate' | 'step';

/** Where a unit's report on an indicator stands (draft → submitted → approved, or returned → submitted again). */
export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface Policies {
  /** The score of a result that does not reach the first level. */
  readonly floor: number;
  /** The score of an indicator with no usable result, or `exclude` to take its weight out of the total. */
  readonly notReported: number | 'exclude';
  /** `interpolate` between levels (default) or `step`: only whole levels reached count. */
  readonly mode: ScoreMode;
  /** Decimals shown and exported; scores are computed at full precision. */
  readonly decimals: number;
  /** Points taken off the total per working day late (seed 004: 0.05 on the 1–5 scale). */
  readonly latePenaltyPerWorkingDay: number;
  /** Public holidays (ISO dates, YYYY-MM-DD) that are not working days. */
  readonly holidays: readonly string[];
  /** The report statuses that count in the official score (seed 003: only certified reports, รับรองแล้ว). */
  readonly officialStatuses: readonly ReportStatus[];
  /** The rounds whose late submission costs points (seed 004: the 12-month SAR), or `all`. */
  readonly latePenaltyRounds: readonly number[] | 'all';
}

export type PolicyOverrides = Partial<Policies>;

/** Seed 004 takes 0.05 per working day off a total on the five-level scale, whose range is 1–5. */
const SEED_PENALTY = 0.05;
const SEED_RANGE = 4;

/**
 * The default penalty keeps seed 004's weight relative to the scale: 0.05 on 1–5, 1.25 on 0–100. A flat 0.05
 * on a 0–100 total would make lateness cost almost nothing; an agency states its own rule as the policy.
 */
export function defaultLatePenalty(scale: Scale, floor: number): number {
  const { min, max } = scoreRange(scale, floor);
  return (SEED_PENALTY * (max - min)) / SEED_RANGE;
}

export function resolvePolicies(scale: Scale, overrides: PolicyOverrides = {}): Policies {
  const floor = overrides.floor ?? scale.defaults.floor;
  return {
    floor,
    notReported: overrides.notReported ?? scale.defaults.notReported,
    mode: overrides.mode ?? 'interpolate',
    decimals: overrides.decimals ?? scale.defaults.decimals,
    latePenaltyPerWorkingDay: overrides.latePenaltyPerWorkingDay ?? defaultLatePenalty(scale, floor),
    holidays: overrides.holidays ?? [],
    officialStatuses: overrides.officialStatuses ?? ['approved'],
    latePenaltyRounds: overrides.latePenaltyRounds ?? [12],
  };
}

/** Whether lateness in `round` costs points: only in the rounds the policy names. */
export function latePenaltyApplies(policies: Pick<Policies, 'latePenaltyRounds'>, round: number | undefined): boolean {
  if (policies.latePenaltyRounds === 'all') return true;
  return round !== undefined && policies.latePenaltyRounds.includes(round);
}

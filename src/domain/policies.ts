/**
 * Scoring policies: every rule the seeds leave to the assessing agency is a setting with a default,
 * never a constant in code (scoring.md §2–§4).
 */
import type { Scale } from './scale';

export type ScoreMode = 'interpolate' | 'step';

export interface Policies {
  /** The score of a result that does not reach the first level. */
  readonly floor: number;
  /** The score of an indicator with no usable result, or `exclude` to take its weight out of the total. */
  readonly notReported: number | 'exclude';
  /** `interpolate` between levels (default) or `step`: only whole levels reached count. */
  readonly mode: ScoreMode;
  /** Decimals shown and exported; scores are computed at full precision. */
  readonly decimals: number;
  /** Points taken off the total per working day late (seed 004: 0.05). */
  readonly latePenaltyPerWorkingDay: number;
  /** Public holidays (ISO dates, YYYY-MM-DD) that are not working days. */
  readonly holidays: readonly string[];
}

export type PolicyOverrides = Partial<Policies>;

export const DEFAULT_LATE_PENALTY_PER_WORKING_DAY = 0.05;

export function resolvePolicies(scale: Scale, overrides: PolicyOverrides = {}): Policies {
  return {
    floor: overrides.floor ?? scale.defaults.floor,
    notReported: overrides.notReported ?? scale.defaults.notReported,
    mode: overrides.mode ?? 'interpolate',
    decimals: overrides.decimals ?? scale.defaults.decimals,
    latePenaltyPerWorkingDay: overrides.latePenaltyPerWorkingDay ?? DEFAULT_LATE_PENALTY_PER_WORKING_DAY,
    holidays: overrides.holidays ?? [],
  };
}

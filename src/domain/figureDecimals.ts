/**
 * How many decimals a column of figures a person set (targets, weights) is shown with, in the sheet and in the
 * report alike: as many as its most precise figure has, at most the policy's decimals. Pathum Thani's targets
 * (2,874.79, 3,018.10, 30, 28) show two decimals throughout, so 3,018.10 never becomes 3,018.1 in one place and
 * 3,018.10 in another; an assessment whose targets are whole numbers shows 90, not 90.00. Per column, not per row:
 * the pane formats a sheet's column in one write, whatever its length.
 */
import { allIndicators, leafIndicators, type Assessment } from './assessment';

/** The decimals of a number as JavaScript writes it shortest: 3018.1 → 1, 2874.79 → 2, 30 → 0, 1e-7 → 7. */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const [mantissa = '', exponent] = Math.abs(value).toString().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

export function figureDecimals(values: Iterable<number>, max: number): number {
  let most = 0;
  for (const v of values) most = Math.max(most, Math.min(max, decimalsOf(v)));
  return most;
}

export interface FigureDecimals {
  /** ค่าเป้าหมาย: every level's target of every indicator. */
  readonly target: number;
  /** น้ำหนัก. */
  readonly weight: number;
}

export function figureDecimalsOf(assessment: Pick<Assessment, 'indicators' | 'policies'>): FigureDecimals {
  const max = assessment.policies.decimals;
  return {
    target: figureDecimals(
      leafIndicators(assessment).flatMap((i) => i.targets),
      max,
    ),
    weight: figureDecimals(
      allIndicators(assessment).map((i) => i.weight),
      max,
    ),
  };
}

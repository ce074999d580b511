/**
 * The score of one value against its targets (scoring.md §3): a piecewise-linear curve through
 * (T1,S1) … (TN,SN), capped at SN, `floor` below T1 (or a ramp from T0), or whole levels only in `step` mode.
 * `src/workbook/formulas.ts` writes the same curve as an Excel formula; the two are kept equal by test.
 */
import type { Direction } from './assessment';
import type { ScoreMode } from './policies';

export interface Curve {
  readonly targets: readonly number[];
  readonly scores: readonly number[];
  readonly direction: Direction;
  readonly floor: number;
  readonly mode: ScoreMode;
  readonly floorTarget?: number;
}

/** True when `value` reaches `target`: at or above it when higher is better, at or below when lower is. */
export function reaches(value: number, target: number, direction: Direction): boolean {
  return direction === 'higher' ? value >= target : value <= target;
}

export function scoreOnCurve(value: number, c: Curve): number {
  const n = c.targets.length;
  // Checked from the top level down, so equal consecutive targets give the higher score and never divide by 0.
  for (let k = n - 1; k >= 0; k--) {
    const t = c.targets[k] as number;
    if (!reaches(value, t, c.direction)) continue;
    const s = c.scores[k] as number;
    if (k === n - 1 || c.mode === 'step') return s;
    const tNext = c.targets[k + 1] as number;
    const sNext = c.scores[k + 1] as number;
    return s + ((sNext - s) * (value - t)) / (tNext - t);
  }
  const t0 = c.floorTarget;
  if (t0 !== undefined && c.mode === 'interpolate' && reaches(value, t0, c.direction)) {
    const t1 = c.targets[0] as number;
    const s1 = c.scores[0] as number;
    return c.floor + ((s1 - c.floor) * (value - t0)) / (t1 - t0);
  }
  return c.floor;
}

/** The level reached: 0 when below the first target, N at the top. */
export function levelReached(value: number, c: Pick<Curve, 'targets' | 'direction'>): number {
  for (let k = c.targets.length - 1; k >= 0; k--) {
    if (reaches(value, c.targets[k] as number, c.direction)) return k + 1;
  }
  return 0;
}

export type Inverse = { readonly kind: 'value'; readonly value: number } | { readonly kind: 'any' } | { readonly kind: 'unreachable' };

/**
 * The least demanding value that scores at least `score`: the smallest for higher-is-better, the largest
 * for lower-is-better. `any` when even the worst result scores that much; `unreachable` above the top score.
 */
export function valueForScore(score: number, c: Curve): Inverse {
  const n = c.targets.length;
  const top = c.scores[n - 1] as number;
  if (score <= c.floor) return { kind: 'any' };
  if (score > top + 1e-12) return { kind: 'unreachable' };
  for (let k = 0; k < n; k++) {
    const s = c.scores[k] as number;
    if (s < score - 1e-12) continue;
    const t = c.targets[k] as number;
    if (c.mode === 'step') return { kind: 'value', value: t };
    if (k === 0) {
      const t0 = c.floorTarget;
      if (t0 === undefined) return { kind: 'value', value: t };
      return { kind: 'value', value: t0 + ((score - c.floor) / (s - c.floor)) * (t - t0) };
    }
    const tPrev = c.targets[k - 1] as number;
    const sPrev = c.scores[k - 1] as number;
    return { kind: 'value', value: tPrev + ((score - sPrev) / (s - sPrev)) * (t - tPrev) };
  }
  return { kind: 'unreachable' };
}

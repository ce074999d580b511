/**
 * Every leaf's curve of one assessment packed into flat arrays, for scoring a million rows: the targets and scores
 * of all leaves side by side in two Float64Arrays, the direction and the T0 in typed arrays by leaf. Reading them
 * touches a few contiguous blocks where `scoreOnCurve` follows a curve object, its targets array and its scores array
 * per leaf, three objects scattered over the heap; on a busy machine those reads missed the cache and were a third of
 * the scoring loop. The arithmetic is `scoreOnCurve`'s, operand for operand, so the score is the same double, and the
 * level comes out of the same scan (the level is the first level reached from the top, the one the score is read at).
 */
import type { Curve } from './curve';

export interface CurveTable {
  /** Where each entry's levels start in `targets` and `scores`; -1 for an entry the table does not hold. */
  readonly start: Int32Array;
  readonly count: Int32Array;
  /** 1 when higher is better. */
  readonly higher: Uint8Array;
  /** T0, NaN when there is none (NaN is reached by no value, as an absent T0 is by none). */
  readonly floorTarget: Float64Array;
  readonly targets: Float64Array;
  readonly scores: Float64Array;
}

/**
 * `curves[k]` undefined: entry k is no leaf. A curve whose scores do not match its targets one for one is left out
 * (start -1), and its caller scores it with `scoreOnCurve`, whatever that does with the mismatch.
 */
export function curveTable(curves: readonly (Curve | undefined)[]): CurveTable {
  const n = curves.length;
  const start = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  const higher = new Uint8Array(n);
  const floorTarget = new Float64Array(n).fill(Number.NaN);
  let size = 0;
  for (const c of curves) if (c && c.scores.length === c.targets.length) size += c.targets.length;
  const targets = new Float64Array(size);
  const scores = new Float64Array(size);
  let at = 0;
  for (let k = 0; k < n; k++) {
    const c = curves[k];
    if (!c || c.scores.length !== c.targets.length) continue;
    start[k] = at;
    count[k] = c.targets.length;
    higher[k] = c.direction === 'higher' ? 1 : 0;
    if (c.floorTarget !== undefined) floorTarget[k] = c.floorTarget;
    for (let i = 0; i < c.targets.length; i++) {
      targets[at + i] = c.targets[i] as number;
      scores[at + i] = c.scores[i] as number;
    }
    at += c.targets.length;
  }
  return { start, count, higher, floorTarget, targets, scores };
}

/**
 * `scoreOnCurve(value, curve)` for entry k (held by the table), with `levelReached` left in `reached.level`: one scan
 * for both. `floor` and `step` are the policies' (the same for every leaf of an assessment).
 */
export function scoreInTable(
  table: CurveTable,
  k: number,
  value: number,
  floor: number,
  step: boolean,
  reached: { level: number },
): number {
  const { targets, scores } = table;
  const first = table.start[k] as number;
  const n = table.count[k] as number;
  const higher = table.higher[k] === 1;
  for (let i = n - 1; i >= 0; i--) {
    const t = targets[first + i] as number;
    if (higher ? !(value >= t) : !(value <= t)) continue;
    reached.level = i + 1;
    const s = scores[first + i] as number;
    if (i === n - 1 || step) return s;
    const tNext = targets[first + i + 1] as number;
    const sNext = scores[first + i + 1] as number;
    return s + ((sNext - s) * (value - t)) / (tNext - t);
  }
  reached.level = 0;
  const t0 = table.floorTarget[k] as number;
  if (!step && (higher ? value >= t0 : value <= t0)) {
    const t1 = targets[first] as number;
    const s1 = scores[first] as number;
    return floor + ((s1 - floor) * (value - t0)) / (t1 - t0);
  }
  return floor;
}

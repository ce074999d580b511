/** fast-check generators of curves and assessments, shared by the property tests. */
import fc from 'fast-check';
import type { Curve } from '../../src/domain';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Level scores of a three-level, five-level or custom scale. */
export const scaleScoresArb: fc.Arbitrary<number[]> = fc.oneof(
  fc.constant<number[]>([50, 75, 100]),
  fc.constant<number[]>([1, 2, 3, 4, 5]),
  fc
    .uniqueArray(fc.integer({ min: -50, max: 200 }), { minLength: 2, maxLength: 7 })
    .map((xs) => [...xs].sort((a, b) => a - b)),
);

/** Non-decreasing targets (equal neighbours allowed), then reversed for lower-is-better. */
export function targetsArb(n: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(finite(-1e4, 1e4), fc.array(fc.oneof(fc.constant(0), finite(0.001, 1e3)), { minLength: n - 1, maxLength: n - 1 }))
    .map(([start, steps]) => steps.reduce((acc, step) => [...acc, (acc[acc.length - 1] as number) + step], [start]));
}

export const curveArb: fc.Arbitrary<Curve> = scaleScoresArb.chain((scores) =>
  fc.record({
    scores: fc.constant(scores),
    targets: targetsArb(scores.length),
    direction: fc.constantFrom('higher' as const, 'lower' as const),
    floor: fc.integer({ min: -60, max: 0 }).map((d) => Math.min(scores[0] as number, (scores[0] as number) + d)),
    mode: fc.constantFrom('interpolate' as const, 'step' as const),
  }).map((c) => ({ ...c, targets: c.direction === 'lower' ? [...c.targets].reverse() : c.targets })),
);

export const valueArb = finite(-2e4, 2e4);

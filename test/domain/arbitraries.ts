/** fast-check generators of curves and assessments, shared by the property tests. */
import fc from 'fast-check';
import type { Curve } from '../../src/domain';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Level scores of a three-level, five-level or custom scale. */
export const scaleScoresArb: fc.Arbitrary<number[]> = fc.oneof(
  fc.constant<number[]>([50, 75, 100]),
  fc.constant<number[]>([1, 2, 3, 4, 5]),
  fc.uniqueArray(fc.integer({ min: -50, max: 200 }), { minLength: 2, maxLength: 7 }).map((xs) => [...xs].sort((a, b) => a - b)),
);

/** Non-decreasing targets (equal neighbours allowed), then reversed for lower-is-better. */
export function targetsArb(n: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(finite(-1e4, 1e4), fc.array(fc.oneof(fc.constant(0), finite(0.001, 1e3)), { minLength: n - 1, maxLength: n - 1 }))
    .map(([start, steps]) => steps.reduce((acc, step) => [...acc, (acc[acc.length - 1] as number) + step], [start]));
}

export const curveArb: fc.Arbitrary<Curve> = scaleScoresArb.chain((scores) =>
  fc
    .record({
      scores: fc.constant(scores),
      targets: targetsArb(scores.length),
      direction: fc.constantFrom('higher' as const, 'lower' as const),
      floor: fc.integer({ min: -60, max: 0 }).map((d) => Math.min(scores[0] as number, (scores[0] as number) + d)),
      mode: fc.constantFrom('interpolate' as const, 'step' as const),
    })
    .map((c) => ({ ...c, targets: c.direction === 'lower' ? [...c.targets].reverse() : c.targets })),
);

export const valueArb = finite(-2e4, 2e4);

/** The rounds an indicator may be reported in: every round (absent), or some of 6, 9, 12. */
export const indicatorRoundsArb: fc.Arbitrary<number[] | undefined> = fc.option(fc.subarray([6, 9, 12], { minLength: 1 }), {
  nil: undefined,
});

export const reportRoundArb: fc.Arbitrary<number> = fc.constantFrom(6, 9, 12);

/** A calendar day (CE, YYYY-MM-DD) in fiscal years 2566–2568, the range the documents use. */
export const ceDayArb: fc.Arbitrary<string> = fc
  .integer({ min: Date.UTC(2022, 9, 1), max: Date.UTC(2025, 8, 30) })
  .map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));

/** An instant written as Bangkok local time with its offset, e.g. 2024-04-05T10:00:00+07:00. */
export const ceInstantArb: fc.Arbitrary<string> = fc
  .tuple(ceDayArb, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([day, h, m]) => `${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+07:00`);

/** The same date or instant with its year written in the Buddhist Era. */
export function toBuddhistEraText(ce: string): string {
  return `${Number(ce.slice(0, 4)) + 543}${ce.slice(4)}`;
}

/** Properties of scoring that must hold for every scale, target set and result (fast-check). */
import fc from 'fast-check';
import { requiredResult, scoreAssessment, scoreOnCurve, valueForScore, type Curve } from '../../src/domain';
import { curveArb, valueArb } from './arbitraries';
import { doc, mustRead, quantitative } from './fixtures';

const top = (c: Curve) => c.scores[c.scores.length - 1] as number;
const better = (c: Curve, x: number, d: number) => (c.direction === 'higher' ? x + d : x - d);

describe('score of one indicator', () => {
  test("never leaves the scale's range", () => {
    fc.assert(
      fc.property(curveArb, valueArb, (c, x) => {
        const s = scoreOnCurve(x, c);
        return s >= Math.min(c.floor, c.scores[0] as number) - 1e-9 && s <= top(c) + 1e-9;
      }),
    );
  });

  test('a better result never lowers the score', () => {
    fc.assert(
      fc.property(curveArb, valueArb, fc.double({ min: 0, max: 1e4, noNaN: true }), (c, x, d) => {
        return scoreOnCurve(better(c, x, d), c) >= scoreOnCurve(x, c) - 1e-9;
      }),
    );
  });

  test('reversing a lower-is-better indicator mirrors a higher-is-better one', () => {
    fc.assert(
      fc.property(curveArb, valueArb, (c, x) => {
        const mirrored: Curve = { ...c, targets: c.targets.map((t) => -t), direction: c.direction === 'higher' ? 'lower' : 'higher' };
        return Math.abs(scoreOnCurve(x, c) - scoreOnCurve(-x, mirrored)) < 1e-9;
      }),
    );
  });

  test('reaching the last target gives the top score; in step mode only level scores occur', () => {
    fc.assert(
      fc.property(curveArb, valueArb, (c, x) => {
        if (scoreOnCurve(c.targets[c.targets.length - 1] as number, c) !== top(c)) return false;
        return c.mode === 'interpolate' || [c.floor, ...c.scores].includes(scoreOnCurve(x, c));
      }),
    );
  });

  test('valueForScore is the least demanding value that reaches the score', () => {
    fc.assert(
      fc.property(curveArb, fc.double({ min: 0, max: 1, noNaN: true }), (c, f) => {
        const wanted = c.floor + f * (top(c) - c.floor);
        const inverse = valueForScore(wanted, c);
        if (inverse.kind === 'any') return wanted <= c.floor;
        if (inverse.kind === 'unreachable') return false;
        const reached = scoreOnCurve(inverse.value, c);
        const tolerance = 1e-7 * Math.max(1, Math.abs(top(c)));
        // A little less effort must fall short (unless the curve is flat there).
        const less = scoreOnCurve(better(c, inverse.value, -1e-6 * Math.max(1, Math.abs(inverse.value))), c);
        return reached >= wanted - tolerance && less <= wanted + tolerance;
      }),
    );
  });
});

describe('weights and totals', () => {
  const assessmentArb = fc
    .array(
      fc.record({ weight: fc.integer({ min: 1, max: 60 }), result: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }) }),
      { minLength: 1, maxLength: 8 },
    )
    .chain((rows) => fc.record({ rows: fc.constant(rows), scale: fc.double({ min: 0.01, max: 100, noNaN: true }), exclude: fc.boolean() }));

  const build = (rows: { weight: number }[], factor: number, exclude: boolean) =>
    mustRead(
      doc({
        scale: 'five-level',
        policies: exclude ? { notReported: 'exclude' } : {},
        indicators: rows.map((r, i) => quantitative(String(i + 1), r.weight * factor, [20, 40, 60, 80, 100])),
      }),
    );

  test('scaling every weight by the same factor changes no score', () => {
    fc.assert(
      fc.property(assessmentArb, ({ rows, scale, exclude }) => {
        const results = Object.fromEntries(rows.map((r, i) => [String(i + 1), r.result ?? null]));
        const a = scoreAssessment(build(rows, 1, exclude), { results });
        const b = scoreAssessment(build(rows, scale, exclude), { results });
        if (a.total === null || b.total === null) return a.total === b.total;
        return Math.abs(a.total - b.total) < 1e-9;
      }),
    );
  });

  test('the total stays on the scale and equals the sum of the weighted scores', () => {
    fc.assert(
      fc.property(assessmentArb, ({ rows, exclude }) => {
        const results = Object.fromEntries(rows.map((r, i) => [String(i + 1), r.result ?? null]));
        const report = scoreAssessment(build(rows, 1, exclude), { results });
        if (report.total === null) return exclude && rows.every((r) => r.result === undefined);
        const sum = report.indicators.reduce((s, i) => s + (i.weightedScore ?? 0), 0);
        return report.total >= 1 - 1e-9 && report.total <= 5 + 1e-9 && Math.abs(sum - report.total) < 1e-9;
      }),
    );
  });

  test('the result what-if asks for reaches the total it was asked for', () => {
    fc.assert(
      fc.property(assessmentArb, fc.double({ min: 1, max: 5, noNaN: true }), fc.nat(), ({ rows, exclude }, goal, pick) => {
        const a = build(rows, 1, exclude);
        const results = Object.fromEntries(rows.map((r, i) => [String(i + 1), r.result ?? null]));
        const id = String((pick % rows.length) + 1);
        const answer = requiredResult(a, { results }, id, { total: goal });
        if (answer.kind !== 'value') return true;
        const after = scoreAssessment(a, { results: { ...results, [id]: answer.value } });
        return (after.total ?? 0) >= goal - 1e-7;
      }),
    );
  });
});

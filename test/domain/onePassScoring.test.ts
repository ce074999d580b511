/**
 * The scoring that gives both totals in one pass (and caches each assessment's curves) gives the very report the
 * two-pass scoring gave (test/domain/reference/, kept verbatim): every figure, status, issue and key in the same
 * order, over generated assessments of every kind, sub-indicators, components and groups, rounds, statuses
 * (also on parents), both `notReported` policies, score overrides (what-if) and late submissions.
 */
import fc from 'fast-check';
import {
  allIndicators,
  readAssessment,
  scoreAssessment,
  scoreMemo,
  type Assessment,
  type RawResult,
  type ReportStatus,
  type ResultSet,
} from '../../src/domain';
import { scoreAssessment as twoPassScoring } from './reference/scoreAssessmentTwoPass';
import { indicatorRoundsArb } from './arbitraries';

const STATUSES: readonly ReportStatus[] = ['draft', 'submitted', 'approved', 'returned'];

interface Spec {
  readonly kind: 'quantitative' | 'ratio' | 'milestone' | 'binary';
  readonly weight: number;
  readonly rounds: number[] | undefined;
  readonly lower: boolean;
  readonly group: 'G1' | 'G2' | undefined;
  readonly children: number;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom('quantitative' as const, 'ratio' as const, 'milestone' as const, 'binary' as const),
  weight: fc.integer({ min: 0, max: 30 }),
  rounds: indicatorRoundsArb,
  lower: fc.boolean(),
  group: fc.constantFrom('G1' as const, 'G2' as const, undefined),
  children: fc.constantFrom(0, 0, 2, 3),
});

function leaf(id: string, spec: Spec, levels: number): Record<string, unknown> {
  const rising = Array.from({ length: levels }, (_, k) => 10 + 10 * k);
  const base = { id, name: `ตัวชี้วัด ${id}`, weight: Math.max(1, spec.weight), ...(spec.rounds ? { rounds: spec.rounds } : {}) };
  switch (spec.kind) {
    case 'quantitative':
      return { ...base, kind: 'quantitative', targets: spec.lower ? [...rising].reverse() : rising };
    case 'ratio':
      return {
        ...base,
        kind: 'ratio',
        multiplier: 100,
        targets: rising,
        variables: [
          { id: 'num', name: 'n' },
          { id: 'den', name: 'd', central: spec.lower },
        ],
      };
    case 'milestone':
      return { ...base, kind: 'milestone', steps: Array.from({ length: levels }, (_, k) => `ขั้น ${k + 1}`) };
    case 'binary':
      return { ...base, kind: 'binary', steps: ['ส่ง'] };
  }
}

function assessmentOf(specs: readonly Spec[], policies: Record<string, unknown>, five: boolean): Assessment {
  const levels = five ? 5 : 3;
  const indicators = specs.map((spec, i) => {
    const id = String(i + 1);
    const component = i % 3 === 2 ? undefined : i % 3 === 0 ? 'a' : 'b';
    const placed = { ...(component ? { component } : {}), ...(component === 'a' && spec.group ? { group: spec.group } : {}) };
    if (spec.children === 0) return { ...leaf(id, spec, levels), ...placed };
    const children = Array.from({ length: spec.children }, (_, k) => {
      const child = leaf(
        `${id}.${k + 1}`,
        { ...spec, kind: (['quantitative', 'ratio', 'milestone'] as const)[k % 3] as Spec['kind'] },
        levels,
      );
      return { ...child, weight: k + 1, ...(k === 1 ? { rounds: [12] } : {}) };
    });
    return {
      id,
      name: `ตัวชี้วัด ${id}`,
      weight: Math.max(1, spec.weight),
      ...(spec.rounds ? { rounds: spec.rounds } : {}),
      ...placed,
      children,
    };
  });
  const read = readAssessment({
    format: 'scorebook/assessment@1',
    id: 'equal',
    title: 'equal',
    fiscalYear: 2567,
    scale: five ? 'five-level' : 'three-level',
    policies,
    rounds: [6, 9, 12].map((round) => ({ round, opensAt: '2024-03-25T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' })),
    components: [
      {
        id: 'a',
        name: 'A',
        groups: [
          { id: 'G1', name: 'G1' },
          { id: 'G2', name: 'G2' },
        ],
      },
      { id: 'b', name: 'B' },
    ],
    indicators,
  });
  if (!read.ok) throw new Error(read.issues.map((i) => i.message.en).join('\n'));
  return read.value;
}

/** A typed result of any shape, readable or not. */
const resultArb: fc.Arbitrary<RawResult | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.double({ min: -20, max: 80, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 5 }),
  fc.constantFrom('๓๕', '45%', '1,234', 'ส่งแล้ว', 'เกือบเสร็จ', '#N/A', ' ', '-', '1e20'),
  fc.record(
    { num: fc.option(fc.integer({ min: -1, max: 60 }), { nil: null }), den: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }) },
    { noNullPrototype: true },
  ),
  fc.array(fc.oneof(fc.boolean(), fc.constantFrom(1, 0, null, 'ทำสำเร็จ', 'x?')), { maxLength: 6 }),
);

const caseArb = fc.record({
  specs: fc.array(specArb, { minLength: 1, maxLength: 8 }),
  five: fc.boolean(),
  notReported: fc.constantFrom<number | 'exclude' | undefined>(undefined, 'exclude', 0, 1),
  mode: fc.constantFrom('interpolate', 'step'),
  officialStatuses: fc.option(fc.subarray([...STATUSES], { minLength: 1 }), { nil: undefined }),
  latePenaltyRounds: fc.constantFrom<'all' | number[] | undefined>(undefined, 'all', [6]),
  round: fc.option(fc.constantFrom(6, 9, 12), { nil: undefined }),
  submittedAt: fc.option(fc.constantFrom('2024-04-10T10:00:00+07:00', '2024-04-17T10:00:00+07:00'), { nil: undefined }),
  withStatuses: fc.boolean(),
  seed: fc.array(
    fc.tuple(
      resultArb,
      fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    ),
    { minLength: 40, maxLength: 40 },
  ),
});

/** Each indicator's result and status from the case's seed, by its position (parents before children). */
function seeded(
  c: { readonly seed: readonly (readonly [RawResult | undefined, ReportStatus | undefined, unknown])[] },
  ids: readonly string[],
): { results: Record<string, RawResult>; statuses: Record<string, ReportStatus> } {
  const results: Record<string, RawResult> = {};
  const statuses: Record<string, ReportStatus> = {};
  ids.forEach((id, k) => {
    const [result, status] = c.seed[k % c.seed.length]!;
    if (result !== undefined) results[id] = result;
    if (status !== undefined) statuses[id] = status;
  });
  return { results, statuses };
}

describe('both totals in one pass give the report the two-pass scoring gave', () => {
  test('every field equal, in the same key order, over generated assessments and results', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const policies = {
          ...(c.notReported === undefined ? {} : { notReported: c.notReported }),
          mode: c.mode,
          ...(c.officialStatuses ? { officialStatuses: c.officialStatuses } : {}),
          ...(c.latePenaltyRounds ? { latePenaltyRounds: c.latePenaltyRounds } : {}),
        };
        const assessment = assessmentOf(c.specs, policies, c.five);
        const ids = allIndicators(assessment).map((i) => i.id);
        const results: Record<string, RawResult> = {};
        const statuses: Record<string, ReportStatus> = {};
        const overrides = new Map<string, number>();
        ids.forEach((id, k) => {
          const [result, status, override] = c.seed[k % c.seed.length]!;
          if (result !== undefined) results[id] = result;
          if (status !== undefined) statuses[id] = status;
          if (override !== undefined && override > 85) overrides.set(id, override / 20);
        });
        const resultSet: ResultSet = {
          results,
          ...(c.round === undefined ? {} : { round: c.round }),
          ...(c.submittedAt === undefined ? {} : { submittedAt: c.submittedAt }),
          ...(c.withStatuses ? { statuses } : {}),
        };
        for (const options of [{}, { scoreOverrides: overrides }]) {
          const now = scoreAssessment(assessment, resultSet, options);
          const before = twoPassScoring(assessment, resultSet, options);
          expect(now).toStrictEqual(before);
          expect(JSON.stringify(now)).toBe(JSON.stringify(before));
          // Scored again against the same assessment (its cached curves): the same report.
          expect(scoreAssessment(assessment, resultSet, options)).toStrictEqual(before);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('scoring with a memo of the last call gives the report scoring afresh gives', () => {
  test('a run of edits (values changed, set back, the same objects kept, statuses and the round changed): every report equal', () => {
    const stepArb = fc.record({
      edits: fc.array(fc.tuple(fc.nat(), resultArb), { maxLength: 4 }),
      statuses: fc.array(fc.tuple(fc.nat(), fc.option(fc.constantFrom(...STATUSES), { nil: undefined })), { maxLength: 4 }),
      round: fc.option(fc.constantFrom(6, 9, 12), { nil: undefined }),
      // A copy of every object result (equal, not the same): read again from a sheet.
      copied: fc.boolean(),
      overrides: fc.boolean(),
    });
    fc.assert(
      fc.property(caseArb, fc.array(stepArb, { minLength: 1, maxLength: 6 }), (c, steps) => {
        const assessment = assessmentOf(
          c.specs,
          { mode: c.mode, ...(c.officialStatuses ? { officialStatuses: c.officialStatuses } : {}) },
          c.five,
        );
        const ids = allIndicators(assessment).map((i) => i.id);
        let { results, statuses } = seeded(c, ids);
        const memo = scoreMemo();
        let round = c.round;
        for (const step of [undefined, ...steps]) {
          if (step) {
            results = { ...results };
            for (const [at, value] of step.edits) {
              const id = ids[at % ids.length]!;
              if (value === undefined) delete results[id];
              else results[id] = value;
            }
            if (step.copied)
              results = Object.fromEntries(
                Object.entries(results).map(([k, v]) => [k, typeof v === 'object' && v !== null ? structuredClone(v) : v]),
              );
            statuses = { ...statuses };
            for (const [at, status] of step.statuses) {
              const id = ids[at % ids.length]!;
              if (status === undefined) delete statuses[id];
              else statuses[id] = status;
            }
            round = step.round ?? round;
          }
          const resultSet: ResultSet = { results, ...(round === undefined ? {} : { round }), ...(c.withStatuses ? { statuses } : {}) };
          const overrides = step?.overrides ? new Map([[ids[0]!, 1.5]]) : undefined;
          const options = overrides ? { scoreOverrides: overrides } : {};
          expect(scoreAssessment(assessment, resultSet, { ...options, memo })).toStrictEqual(
            scoreAssessment(assessment, resultSet, options),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('scoring only the rows named changed gives the report scoring afresh gives', () => {
  test('a run of edits told as changes since the last results (the reader patching rows): every report equal', () => {
    const stepArb = fc.record({
      // Positions of rows edited, each to a result of any shape; a row may be named twice, or named and left as it was.
      edits: fc.array(fc.tuple(fc.nat(), resultArb), { maxLength: 5 }),
      untouched: fc.array(fc.nat(), { maxLength: 2 }),
      // Now and then the statuses or the round move too, or the change is not told: then everything is scored.
      statusesMoved: fc.boolean(),
      round: fc.option(fc.constantFrom(6, 9, 12), { nil: undefined }),
      told: fc.constantFrom(true, true, true, false),
      submittedAt: fc.option(fc.constantFrom('2024-04-10T10:00:00+07:00', '2024-04-17T10:00:00+07:00'), { nil: undefined }),
    });
    fc.assert(
      fc.property(caseArb, fc.array(stepArb, { minLength: 1, maxLength: 8 }), (c, steps) => {
        const assessment = assessmentOf(
          c.specs,
          {
            mode: c.mode,
            ...(c.notReported === undefined ? {} : { notReported: c.notReported }),
            ...(c.officialStatuses ? { officialStatuses: c.officialStatuses } : {}),
          },
          c.five,
        );
        const ids = allIndicators(assessment).map((i) => i.id);
        let { results, statuses } = seeded(c, ids);
        const memo = scoreMemo();
        let round = c.round;
        let submittedAt = c.submittedAt;
        let before: Record<string, RawResult> | undefined;
        let changed: string[] = [];
        for (const step of [undefined, ...steps]) {
          if (step) {
            before = results;
            results = { ...results };
            changed = step.untouched.map((at) => ids[at % ids.length]!);
            for (const [at, value] of step.edits) {
              const id = ids[at % ids.length]!;
              changed.push(id);
              if (value === undefined) delete results[id];
              else results[id] = value;
            }
            if (step.statusesMoved) {
              statuses = { ...statuses, [ids[step.edits.length % ids.length]!]: 'approved' };
            }
            round = step.round ?? round;
            submittedAt = step.submittedAt;
          }
          const resultSet: ResultSet = {
            results,
            ...(round === undefined ? {} : { round }),
            ...(submittedAt === undefined ? {} : { submittedAt }),
            ...(c.withStatuses ? { statuses } : {}),
          };
          const since = step?.told && before ? { changedSince: { results: before, ids: changed } } : {};
          const fresh = scoreAssessment(assessment, resultSet);
          const now = scoreAssessment(assessment, resultSet, { memo, ...since });
          expect(now).toStrictEqual(fresh);
          expect(JSON.stringify(now)).toBe(JSON.stringify(fresh));
        }
      }),
      { numRuns: 300 },
    );
  });
});

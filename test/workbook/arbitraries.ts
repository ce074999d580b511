/**
 * fast-check generators of assessments (three-level, five-level, custom scales; every kind, parents with children,
 * monotone targets both ways with equal neighbours, T0) and of what people type into a KPI sheet's input cells
 * (numbers on and between the targets, blanks, text the domain can and cannot read, Excel errors, booleans,
 * zero denominators, missing central variables).
 */
import fc from 'fast-check';
import { NO_WORDS, readAssessment, toThaiDigits, YES_WORDS, type Assessment, type RawIndicator } from '../../src/domain';
import type { CellValue, RowInputs, SheetInputs } from '../../src/workbook';

type Scale = 'three-level' | 'five-level' | { levels: { name: string; score: number }[] };

const scaleArb: fc.Arbitrary<Scale> = fc.oneof(
  fc.constant('three-level' as const),
  fc.constant('five-level' as const),
  fc
    .tuple(
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: -20, max: 60 }),
      fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 5, maxLength: 5 }),
    )
    .map(([n, start, steps]) => {
      let score = start / 2;
      const levels = Array.from({ length: n }, (_, i) => {
        if (i > 0) score += (steps[i - 1] as number) / 4;
        return { name: `ระดับที่ ${i + 1}`, score };
      });
      return { levels };
    }),
);

function levelScores(scale: Scale): number[] {
  if (scale === 'three-level') return [50, 75, 100];
  if (scale === 'five-level') return [1, 2, 3, 4, 5];
  return scale.levels.map((l) => l.score);
}

const policiesArb = (scale: Scale): fc.Arbitrary<Record<string, unknown>> => {
  const first = levelScores(scale)[0] as number;
  return fc.record(
    {
      floor: fc.oneof(
        fc.constant(first),
        fc.constant(first - 1),
        fc.integer({ min: -50, max: 0 }).map((d) => first + d / 2),
      ),
      notReported: fc.oneof(fc.constant('exclude' as const), fc.integer({ min: -10, max: 10 }), fc.constant(first)),
      mode: fc.constantFrom('interpolate' as const, 'step' as const),
    },
    { requiredKeys: [] },
  );
};

/** N targets, monotone, with equal neighbours often, rising or falling. */
const targetsArb = (n: number): fc.Arbitrary<{ targets: number[]; floorTarget?: number }> =>
  fc
    .tuple(
      fc.integer({ min: -2000, max: 400000 }).map((x) => x / 100),
      fc.array(
        fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 5000 }).map((x) => x / 100) }),
        {
          minLength: n - 1,
          maxLength: n - 1,
        },
      ),
      fc.boolean(),
      fc.option(
        fc.integer({ min: 1, max: 5000 }).map((x) => x / 100),
        { nil: undefined },
      ),
    )
    .map(([base, steps, falling, below]) => {
      const rising = [base];
      for (const s of steps) rising.push((rising[rising.length - 1] as number) + s);
      const targets = falling ? rising.reverse() : rising;
      const first = targets[0] as number;
      const last = targets[targets.length - 1] as number;
      // T0 only where the direction is clear from the targets (the domain checks T0 against it).
      const floorTarget = below === undefined || first === last ? undefined : first < last ? first - below : first + below;
      return floorTarget === undefined ? { targets } : { targets, floorTarget };
    });

type LeafSpec = Omit<RawIndicator, 'id' | 'name' | 'weight'>;

const leafArb = (levels: number): fc.Arbitrary<LeafSpec> =>
  fc.oneof(
    { weight: 3, arbitrary: targetsArb(levels).map((t) => ({ kind: 'quantitative' as const, unit: 'ล้านบาท', ...t })) },
    {
      weight: 3,
      arbitrary: fc.tuple(targetsArb(levels), fc.constantFrom(1, 100, 1000), fc.boolean()).map(([t, multiplier, central]) => ({
        kind: 'ratio' as const,
        multiplier,
        ...t,
        variables: [
          { id: 'num', name: 'ตัวตั้ง' },
          { id: 'den', name: 'ตัวหาร', central },
        ],
      })),
    },
    {
      weight: 3,
      arbitrary: fc.integer({ min: 1, max: 6 }).chain((m) =>
        fc
          .oneof(
            m <= levels ? fc.constant(undefined) : fc.constant(null),
            fc.array(fc.integer({ min: 0, max: m }), { minLength: levels, maxLength: levels }).map((t) => t.sort((a, b) => a - b)),
          )
          .map((targets) => ({
            kind: 'milestone' as const,
            steps: Array.from({ length: m }, (_, i) => `ขั้นตอน ${i + 1}`),
            ...(targets === undefined ? {} : { targets: targets ?? Array.from({ length: levels }, (_, i) => Math.min(m, i + 1)) }),
          })),
      ),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'binary' as const }) },
  );

interface Tree {
  weight: number;
  /** Due only in these rounds (sometimes): the sheet leaves the row out of other rounds' totals. */
  rounds?: number[] | undefined;
  leaf?: LeafSpec;
  children?: Tree[];
}

const treeArb = (levels: number, depth: number, topLevel: boolean): fc.Arbitrary<Tree> => {
  const weight = topLevel
    ? fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(10))
    : fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant(2.5));
  const rounds = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.subarray([6, 9, 12], { minLength: 1 }) },
  );
  const leaf = fc.record({ weight, leaf: leafArb(levels), rounds });
  if (depth >= 2) return leaf;
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    {
      weight: 1,
      arbitrary: fc.record({ weight, rounds, children: fc.array(treeArb(levels, depth + 1, false), { minLength: 1, maxLength: 3 }) }),
    },
  );
};

function toRaw(trees: readonly Tree[], prefix: string): RawIndicator[] {
  return trees.map((t, i) => {
    const id = prefix === '' ? `${i + 1}` : `${prefix}.${i + 1}`;
    const common = { id, name: `ตัวชี้วัด ${id}`, weight: t.weight, ...(t.rounds ? { rounds: t.rounds } : {}) };
    return t.children ? { ...common, children: toRaw(t.children, id) } : { ...common, ...t.leaf };
  });
}

export const assessmentArb: fc.Arbitrary<Assessment> = scaleArb.chain((scale) => {
  const levels = levelScores(scale).length;
  return fc.tuple(policiesArb(scale), fc.array(treeArb(levels, 0, true), { minLength: 1, maxLength: 4 })).map(([policies, trees]) => {
    if (trees.every((t) => t.weight === 0)) (trees[0] as Tree).weight = 10;
    const doc = {
      format: 'scorebook/assessment@1',
      id: 'generated',
      title: 'generated',
      fiscalYear: 2567,
      scale,
      policies,
      indicators: toRaw(trees, ''),
    };
    const read = readAssessment(doc);
    if (!read.ok) throw new Error(`generator made an invalid assessment: ${JSON.stringify(read.issues)}\n${JSON.stringify(doc)}`);
    return read.value;
  });
});

const errorArb: fc.Arbitrary<CellValue> = fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#VALUE!' });

/** A number cell of an indicator with these targets: mostly numbers on, between and around them. */
const numberCellArb = (targets: readonly number[], floorTarget: number | undefined): fc.Arbitrary<CellValue> => {
  const anchors = [...targets, ...(floorTarget === undefined ? [] : [floorTarget])];
  const lo = Math.min(...anchors) - 10;
  const hi = Math.max(...anchors) + 10;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...anchors) },
    { weight: 8, arbitrary: fc.integer({ min: Math.round(lo * 100), max: Math.round(hi * 100) }).map((x) => x / 100) },
    { weight: 2, arbitrary: fc.double({ min: lo, max: hi, noNaN: true }) },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(...anchors).map((t) => toThaiDigits(t.toLocaleString('en-US'))) },
    { weight: 1, arbitrary: fc.constantFrom('ไม่มีข้อมูล', 'n/a', '', '  ', '12abc', '#REF!') },
    { weight: 1, arbitrary: errorArb },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom(2e15, -3) },
  );
};

const countCellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 2.5, 2e15) },
  { weight: 1, arbitrary: fc.constantFrom('๔๐', '40', 'abc', '') },
  { weight: 1, arbitrary: errorArb },
  { weight: 1, arbitrary: fc.boolean() },
);

/**
 * A word of the domain's table as people type it: spaces and no-break spaces inside and around, any case, Thai
 * digits; and text that is no word: unknown words, wildcards MATCH could take for any word, a tab inside a word.
 */
export const stepWordArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...YES_WORDS, ...NO_WORDS), fc.nat(), fc.constantFrom('', ' ', '  ', '\u00A0'), fc.boolean(), fc.boolean())
      .map(([w, at, space, upper, thai]) => {
        const cut = w.length === 0 ? 0 : at % (w.length + 1);
        const spaced = `${space}${w.slice(0, cut)}${space}${w.slice(cut)}`;
        const cased = upper ? spaced.toUpperCase() : spaced;
        return thai ? toThaiDigits(cased) : cased;
      }),
  },
  { weight: 2, arbitrary: fc.constantFrom('abc', 'เสร็จ', 'สาเร็จ', 'ไม่', 'yess', '2', '1.0', '10', '*', '?', 'ใช่*', '~', '✓✓', ' ', '') },
  { weight: 1, arbitrary: fc.constantFrom('ใช่\t', 'ส่งแล้ว\u200B', '\u00A0') },
);

const stepCellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<CellValue>(1, 0, true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(2, 0.5, -1) },
  { weight: 4, arbitrary: stepWordArb },
  { weight: 1, arbitrary: errorArb },
);

export function inputsArb(assessment: Assessment): fc.Arbitrary<SheetInputs> {
  const entries: fc.Arbitrary<[string, RowInputs]>[] = [];
  const visit = (list: Assessment['indicators']): void => {
    for (const i of list) {
      if (i.kind === 'group') {
        visit(i.children);
        continue;
      }
      let row: fc.Arbitrary<RowInputs>;
      if (i.kind === 'quantitative') row = numberCellArb(i.targets, i.floorTarget).map((result) => ({ result }));
      else if (i.kind === 'ratio') {
        // Mostly denominators that make ratios land on and around the targets.
        row = fc.oneof(
          fc.record({ numerator: countCellArb, denominator: countCellArb }),
          fc
            .tuple(fc.constantFrom(...i.targets), fc.constantFrom(1, 4, 100))
            .map(([t, den]) => ({ numerator: (t * den) / i.multiplier, denominator: den })),
        );
      } else {
        row = fc.array(stepCellArb, { minLength: i.steps.length, maxLength: i.steps.length }).map((steps) => ({ steps }));
      }
      entries.push(row.map((r) => [i.id, r] as [string, RowInputs]));
    }
  };
  visit(assessment.indicators);
  return fc.tuple(...entries).map((pairs) => new Map(pairs));
}

/** The round the sheet reports on: none (every row due), or one of 6, 9, 12. */
const roundArb = fc.option(fc.constantFrom(6, 9, 12), { nil: undefined });

export const caseArb = assessmentArb.chain((assessment) =>
  fc.tuple(inputsArb(assessment), roundArb).map(([inputs, round]) => ({ assessment, inputs, round })),
);

/**
 * Assessments with component groups and derived targets: up to 6 top-level indicators spread over two components,
 * each with two groups (some indicators in none), and measured targets rewritten as a derivation of a baseline
 * (T1 = base, Tk = ROUND(T(k−1) + step_k, 2) or the mean of its neighbours) with the same values.
 */
export const groupedAssessmentArb: fc.Arbitrary<Assessment> = scaleArb.chain((scale) => {
  const levels = levelScores(scale).length;
  return fc
    .tuple(
      policiesArb(scale),
      fc.array(fc.tuple(treeArb(levels, 0, true), fc.constantFrom(undefined, 'g1', 'g2', 'g3', 'g4'), fc.boolean()), {
        minLength: 1,
        maxLength: 6,
      }),
    )
    .map(([policies, items]) => {
      if (items.every(([t]) => t.weight === 0)) items[0]![0].weight = 10;
      const raws = toRaw(
        items.map(([t]) => t),
        '',
      );
      const indicators = raws.map((raw, i) => {
        const [, group, derive] = items[i]!;
        const component = group === 'g3' || group === 'g4' ? 'q' : 'p';
        const grouped = { ...raw, component, ...(group ? { group } : {}) };
        return derive && raw.kind !== 'milestone' && raw.kind !== 'binary' && raw.targets
          ? derived(grouped, raw.targets as number[])
          : grouped;
      });
      const doc = {
        format: 'scorebook/assessment@1',
        id: 'grouped',
        title: 'grouped',
        fiscalYear: 2567,
        scale,
        policies,
        components: [
          {
            id: 'p',
            name: 'Performance Base',
            groups: [
              { id: 'g1', name: 'ก' },
              { id: 'g2', name: 'ข' },
            ],
          },
          {
            id: 'q',
            name: 'Potential Base',
            groups: [
              { id: 'g3', name: 'ค' },
              { id: 'g4', name: 'ง' },
            ],
          },
        ],
        indicators,
      };
      const read = readAssessment(doc);
      if (!read.ok) throw new Error(`generator made an invalid assessment: ${JSON.stringify(read.issues)}\n${JSON.stringify(doc)}`);
      return read.value;
    });
});

/** The same targets (to the cent: the generated ones have two decimals) as a derivation over inputs. */
function derived(raw: RawIndicator, targets: readonly number[]): RawIndicator {
  const inputs: Record<string, number> = { base: Math.round((targets[0] as number) * 100) / 100 };
  const expressions: string[] = ['base'];
  for (let k = 1; k < targets.length; k++) {
    const step = Math.round(((targets[k] as number) - (targets[k - 1] as number)) * 100) / 100;
    inputs[`step_${k + 1}`] = step;
    expressions.push(`ROUND(T${k} + step_${k + 1}, 2)`);
  }
  return { ...raw, inputs, targets: expressions };
}

export const groupedCaseArb = groupedAssessmentArb.chain((assessment) =>
  fc.tuple(inputsArb(assessment), roundArb).map(([inputs, round]) => ({ assessment, inputs, round })),
);

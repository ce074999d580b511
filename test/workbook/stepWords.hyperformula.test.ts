/**
 * Words in step and binary cells (ทำสำเร็จ, ✓, ไม่สำเร็จ …): the sheet's formulas count them as the domain's one
 * table says (src/domain yesNoWords.ts → the settings sheet's hidden lookup → stepWords.ts), evaluated by
 * HyperFormula; and the reader's TypeScript twin of the formula (`sheetStepMark`) agrees with it cell by cell.
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { readAssessment, readStep, scoreAssessment, type Assessment } from '../../src/domain';
import {
  kpiLayout,
  readKpiGrid,
  requireColumn,
  sheetStepMark,
  stepAcceptedFormula,
  stepMarkFormula,
  wordsBlock,
  type CellValue,
} from '../../src/workbook';
import { stepWordArb } from './arbitraries';
import { buildEngine, cellValueOf, gridOf } from './hyperformulaSheet';

function assessment(): Assessment {
  const read = readAssessment({
    format: 'scorebook/assessment@1',
    id: 'w',
    title: 'คำในช่องขั้นตอน',
    fiscalYear: 2567,
    scale: 'three-level',
    indicators: [
      { id: '1', name: 'ขั้นตอน', weight: 50, kind: 'milestone', steps: ['a', 'b', 'c'] },
      { id: '2', name: 'ส่งรายงาน', weight: 30, kind: 'binary', steps: ['ส่ง'] },
      { id: '3', name: 'อีกขั้นตอน', weight: 20, kind: 'milestone', steps: ['a', 'b', 'c'] },
    ],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

const A = assessment();

test('a milestone of ทำสำเร็จ / ✓ / ไม่สำเร็จ and a binary ส่งแล้ว score in the sheet exactly as in the domain', () => {
  const inputs = new Map([
    ['1', { steps: ['ทำสำเร็จ', ' ✓ ', 'ไม่สำเร็จ'] }],
    ['2', { steps: ['ส่ง แล้ว'] }],
    ['3', { steps: ['๑', 'YES', 'ยังไม่ส่ง'] }],
  ]);
  const { hf, laidOut } = buildEngine([{ assessment: A, inputs }]);
  try {
    const laid = laidOut[0]!;
    const grid = gridOf(hf, laid);
    const read = readKpiGrid(A, grid);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    // The settings block sits below the table in the test engine: its rows are not indicators, and nothing else is said.
    expect(read.value.issues.filter((i) => i.code !== 'unknown-indicator-row')).toEqual([]);
    const report = scoreAssessment(A, read.value.resultSet);
    expect(report.indicators.map((i) => [i.id, i.score])).toEqual([
      ['1', 75],
      ['2', 100],
      ['3', 75],
    ]);
    const scoreColumn = requireColumn(laid.layout, 'score').column;
    const total = requireColumn(laid.layout, 'weightedScore').column;
    expect(laid.layout.rows.map((r) => grid.values[r.row - 1]?.[scoreColumn - 1])).toEqual([75, 100, 75]);
    expect(grid.values[laid.layout.summaryRow - 1]?.[total - 1]).toBeCloseTo(report.totalBeforePenalty as number, 9);
    expect(report.totalBeforePenalty).toBeCloseTo(82.5, 9);
  } finally {
    hf.destroy();
  }
});

test("the settings sheet's words are generated from the domain's table: each reads there as it means in the sheet", () => {
  const block = wordsBlock('ตั้งค่า');
  for (const [word, mark] of block.rows.slice(1) as [string, number][]) {
    expect(readStep(word)).toBe(mark === 1);
    expect(sheetStepMark(word)).toBe(String(mark));
  }
  expect(block.rows.map((r) => r[0])).toEqual(
    expect.arrayContaining(['ทำสำเร็จ', 'ดำเนินการ', 'ส่งแล้ว', '✓', 'ใช่', 'ไม่สำเร็จ', 'ยังไม่ส่ง', '✗', 'ไม่ใช่', '๑', '๐']),
  );
});

/** One engine: the words block at F1:G…, and a row per value: the value, its mark formula, its accepted formula. */
function evaluate(values: readonly CellValue[]): { marks: unknown[]; accepted: unknown[] } {
  const block = wordsBlock('S');
  const rows: unknown[][] = block.rows.map((r) => [null, null, null, null, null, ...r.map((v) => (typeof v === 'string' ? `'${v}` : v))]);
  const first = rows.length + 2;
  values.forEach((v, k) => {
    const row = first + k;
    const raw = v === null ? null : typeof v === 'string' ? `'${v}` : typeof v === 'object' ? '=NA()' : v;
    rows[row - 1] = [raw, `=${stepMarkFormula(`A${row}`)}`, `=${stepAcceptedFormula(`A${row}`)}`];
  });
  const hf = HyperFormula.buildFromSheets(
    { S: Array.from(rows, (r) => r ?? []) as never },
    { licenseKey: 'gpl-v3', precisionEpsilon: 0, smartRounding: false, useStats: false, undoLimit: 0 },
    block.names.map((n) => ({ name: n.name, expression: `=${n.ref}` })),
  );
  try {
    const sheet = hf.getSheetValues(0);
    return {
      marks: values.map((_, k) => cellValueOf(sheet[first + k - 1]?.[1])),
      accepted: values.map((_, k) => cellValueOf(sheet[first + k - 1]?.[2])),
    };
  } finally {
    hf.destroy();
  }
}

test("the step mark formula, evaluated, equals the reader's sheetStepMark, and agrees with the domain wherever it counts (2,000 cells)", () => {
  const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
    { weight: 6, arbitrary: stepWordArb },
    { weight: 2, arbitrary: fc.constantFrom<CellValue>(1, 0, 2, 0.5, -1, true, false, null, { error: '#N/A' }) },
  );
  fc.assert(
    fc.property(fc.array(cellArb, { minLength: 200, maxLength: 200 }), (values) => {
      const { marks, accepted } = evaluate(values);
      values.forEach((v, k) => {
        const mark = sheetStepMark(v);
        if (marks[k] !== mark) throw new Error(`${JSON.stringify(v)}: sheet ${JSON.stringify(marks[k])} ≠ sheetStepMark ${mark}`);
        // Counted by the sheet: the domain reads the same (1 achieved, 0 not, blank).
        const domain = readStep(isErrorValue(v) ? v.error : v);
        if (mark !== 'x') expect(domain).toBe(mark === '1' ? true : mark === '0' ? false : null);
        // What validation and the red mark accept: every counted value; of the rest, at most a wildcard slips by.
        if (mark !== 'x' && mark !== 'b') expect(accepted[k]).toBe(true);
      });
    }),
    // No shrinking: the message names the value.
    { numRuns: 10, seed: 117, endOnFailure: true },
  );
});

function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null;
}

test('the words layout has a hidden step marks column only when some indicator takes steps', () => {
  expect(kpiLayout(A).columns.find((c) => c.role === 'stepMarks')?.hidden).toBe(true);
});

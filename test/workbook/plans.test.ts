/**
 * The write plans of a KPI sheet and of the multi-unit sheet: the formulas moved between rows as Excel moves them,
 * the KPI plan holding the template's cells, names and binding, and the multi-unit sheet's unit totals — evaluated
 * by HyperFormula — equal to `scoreAssessment` of each unit's results.
 */
import fc from 'fast-check';
import { scoreAssessment } from '../../src/domain';
import { BINDING_SHEET, kpiLayout, kpiSheetContent, NAMES, readBindingRows, resultInputs, type CellContent } from '../../src/workbook';
import { rowShifter, shiftRows } from '../../src/workbook/formulaShift';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import type { CellsOp, WriteOp } from '../../src/workbook/plan';
import { evaluatePlan } from './planEngine';
import { sample } from './samples';

describe('shiftRows: a formula moved as Excel moves a copied formula', () => {
  it.each([
    ['IF(ISNUMBER(F5),F5,"")', 3, 'IF(ISNUMBER(F8),F8,"")'],
    ['SUMIFS($Q$5:$Q$40,$K$5:$K$40,K7)', 10, 'SUMIFS($Q$5:$Q$40,$K$5:$K$40,K17)'],
    ['$A5+A$5+$A$5', 2, '$A7+A$5+$A$5'],
    ['ScorebookScore_1+LOG10(B2)', 1, 'ScorebookScore_1+LOG10(B3)'],
    ['IF(A1="B5",\'K0\'!C3,K0!C3)', 1, 'IF(A2="B5",\'K0\'!C4,K0!C4)'],
    ['SUMIFS(AB5:AB9,AA5:AA9,0)', -4, 'SUMIFS(AB1:AB5,AA1:AA5,0)'],
  ])('%s moved %i rows is %s', (formula, delta, expected) => {
    expect(shiftRows(formula, delta)).toBe(expected);
  });

  it('refuses to move a reference off the top of the sheet', () => {
    expect(() => shiftRows('A1', -1)).toThrow(/leaves the sheet/);
  });

  it('rowShifter (one scan, many moves) moves as a regular-expression replace of every relative row does', () => {
    // The replace shiftRows was before rowShifter: every reference found again for every move.
    const tokens = /("(?:[^"]|"")*"?|'(?:[^']|'')*'?)|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(!])/g;
    const replaced = (formula: string, delta: number): string =>
      formula.replace(tokens, (whole, quoted: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) =>
        quoted !== undefined ? whole : `${colAbs}${col}${rowAbs}${rowAbs === '$' ? row : Number(row) + delta}`,
      );
    const piece = fc.constantFrom(
      'A',
      'B5',
      '$C$7',
      'AB12',
      '$D9',
      'E$3',
      'ABCD1',
      'x1',
      '(',
      ')',
      ',',
      '+',
      '!',
      '.',
      '_',
      ':',
      '"',
      "'",
      '""',
      'K0!',
      '9',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 0, max: 20000 }), (parts, delta) => {
        const formula = parts.join('');
        expect(rowShifter(formula)(delta)).toBe(replaced(formula, delta));
        expect(shiftRows(formula, delta)).toBe(replaced(formula, delta));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

const cellsOps = (ops: readonly WriteOp[], sheet: string): CellsOp[] =>
  ops.filter((o): o is CellsOp => o.kind === 'cells' && o.sheet === sheet);

describe('kpiSheetPlan: the template as a write plan', () => {
  const { assessment, document, results } = sample('pte-2567');
  const inputs = resultInputs(assessment, results);
  const { plan, layout, binding } = kpiSheetPlan({ assessment, document, inputs });

  it('writes exactly the cells of kpiSheetContent, header rows and data rows apart', () => {
    const expected = kpiSheetContent(assessment, kpiLayout(assessment), inputs);
    const ops = cellsOps(plan.ops, layout.sheet);
    expect(ops.map((o) => o.topLeft)).toEqual(['A1', `A${layout.firstDataRow}`]);
    const written: (readonly CellContent[])[] = ops.flatMap((o) => o.contents);
    expect(written).toEqual(expected);
  });

  it('names the total ScorebookTotal, every setting, and builds one table over the header and data rows', () => {
    const names = plan.ops.flatMap((o) => (o.kind === 'name' ? [o.name] : []));
    expect(names).toEqual(expect.arrayContaining([NAMES.total, NAMES.floor, NAMES.mode, 'ScorebookScore_1']));
    const tables = plan.ops.filter((o) => o.kind === 'table');
    expect(tables).toEqual([
      expect.objectContaining({
        name: layout.table,
        address: expect.stringMatching(new RegExp(`^A${layout.headerRow}:[A-Z]+${layout.lastDataRow}$`)),
      }),
    ]);
  });

  it("validates every input column with a Thai and English prompt within Excel's limits, and hides the helpers", () => {
    const validations = plan.ops.filter((o) => o.kind === 'validation');
    expect(validations.length).toBeGreaterThan(0);
    for (const v of validations) {
      if (v.kind !== 'validation') continue;
      expect(v.prompt?.title.length).toBeLessThanOrEqual(32);
      expect(v.prompt?.message.length).toBeLessThanOrEqual(255);
      expect(v.prompt?.message).toMatch(/[ก-๙].*\/ \S/);
    }
    const hidden = plan.ops.flatMap((o) => (o.kind === 'columns' && o.hidden && o.sheet === layout.sheet ? [o.columns] : []));
    expect(hidden).toEqual(layout.columns.filter((c) => c.hidden).map((c) => `${c.letter}:${c.letter}`));
  });

  it('keeps a binding record that reads back, on the very hidden sheet', () => {
    const op = cellsOps(plan.ops, BINDING_SHEET)[0] as CellsOp;
    const read = readBindingRows(op.contents as never);
    expect(read).toEqual({ ok: true, value: binding });
    expect(plan.ops).toContainEqual(expect.objectContaining({ kind: 'sheet', sheet: BINDING_SHEET, visibility: 'veryHidden' }));
  });

  it('evaluates, in a formula engine, to the total of scoreAssessment', () => {
    const engine = evaluatePlan(plan);
    const total = engine.value(layout.sheet, layout.totalCell.replace(/\$/g, ''));
    expect(total).toBeCloseTo(scoreAssessment(assessment, results).totalBeforePenalty as number, 9);
  });
});

describe('multiUnitPlan: one row per unit × indicator, each unit total beside it', () => {
  it.each(['krs-2567', 'pte-2567'])('%s: every unit total equals scoreAssessment of that unit', (name) => {
    const { assessment, results } = sample(name);
    expect(assessment.units.length).toBeGreaterThan(1);
    // Each unit gets a different share of the results: the first all, the second every other, the rest none.
    const entries = Object.entries(results.results);
    const perUnit = assessment.units.map((_, u) => ({
      results: Object.fromEntries(u === 0 ? entries : u === 1 ? entries.filter((_e, i) => i % 2 === 0) : []),
    }));
    const inputs = new Map(assessment.units.map((unit, u) => [unit.id, resultInputs(assessment, perUnit[u] as never)]));
    const { plan, layout } = multiUnitPlan({ assessment, inputs });
    const engine = evaluatePlan(plan);
    assessment.units.forEach((unit, u) => {
      const expected = scoreAssessment(assessment, perUnit[u] as never).totalBeforePenalty;
      for (let r = 0; r < layout.blockRows; r++) {
        const row = layout.kpi.firstDataRow + u * layout.blockRows + r;
        const got = engine.value(layout.kpi.sheet, `${String.fromCharCode(64 + layout.unitTotalColumn)}${row}`);
        if (expected === null) expect(got).toBe('');
        else expect(got).toBeCloseTo(expected, 9);
        expect(engine.value(layout.kpi.sheet, `A${row}`)).toBe(unit.id);
      }
    });
  });

  it('says its data rows repeat every unit block, and they do: each block is the first moved down', () => {
    const { assessment } = sample('krs-2567');
    const { plan, layout } = multiUnitPlan({ assessment });
    const data = cellsOps(plan.ops, layout.kpi.sheet).find((o) => o.repeatEvery !== undefined) as CellsOp;
    expect(data.repeatEvery).toBe(layout.blockRows);
    const n = layout.blockRows;
    for (let r = n; r < data.contents.length; r++) {
      (data.contents[r] as CellContent[]).forEach((cell, c) => {
        const above = data.contents[r - n]?.[c];
        if (cell !== null && typeof cell === 'object' && 'formula' in cell) {
          expect(above && typeof above === 'object' && 'formula' in above ? shiftRows(above.formula, n) : above).toBe(cell.formula);
        }
      });
    }
  });
});

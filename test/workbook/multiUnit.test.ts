/**
 * The multi-unit sheet read back unit by unit: the plan (with its binding record marked multi-unit) carried out on
 * HyperFormula, the sheet read with readMultiUnitGrid, and each unit's results scoring to the unit total the sheet's
 * own formulas show; issues name their unit and cell.
 */
import { scoreAssessment, type Assessment, type Results } from '../../src/domain';
import { BINDING_SHEET, readBindingRows, readMultiUnitGrid, resultInputs, type CellValue, type Grid } from '../../src/workbook';
import { cellAddress, parseAddress } from '../../src/workbook/cells';
import { COLORS, columnWidth, kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { MULTI_UNIT_HEADERS, multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import type { ColumnsOp, ConditionalFormatOp, StyleOp } from '../../src/workbook/plan';
import { cellValueOf, evaluatePlan } from './planEngine';
import { sample } from './samples';

/** The plan carried out, and the multi-unit sheet's values as a grid (what the port's read would give). */
function built(
  name: string,
  edit?: (values: CellValue[][]) => void,
): {
  assessment: Assessment;
  grid: Grid;
  perUnit: Results[];
  plan: ReturnType<typeof multiUnitPlan>;
  engine: ReturnType<typeof evaluatePlan>;
} {
  const { assessment, document, results } = sample(name);
  const entries = Object.entries(results.results);
  // The first unit reports everything, the second every other indicator, the rest nothing.
  const perUnit = assessment.units.map((_, u): Results => ({
    ...results,
    results: Object.fromEntries(u === 0 ? entries : u === 1 ? entries.filter((_e, i) => i % 2 === 0) : []),
  }));
  const inputs = new Map(assessment.units.map((unit, u) => [unit.id, resultInputs(assessment, perUnit[u] as Results)]));
  const plan = multiUnitPlan({ assessment, inputs, document });
  const engine = evaluatePlan(plan.plan);
  const sheet = plan.layout.kpi.sheet;
  const values = engine.hf.getSheetValues(engine.hf.getSheetId(sheet) as number).map((row) => row.map(cellValueOf));
  edit?.(values);
  return { assessment, grid: { sheet, topLeft: 'A1', values }, perUnit, plan, engine };
}

describe('a multi-unit sheet made by the pane', () => {
  it('writes a binding record that says it is multi-unit, naming its unit columns', () => {
    const { plan } = built('krs-2567');
    const rows = plan.plan.ops
      .filter((o) => o.kind === 'cells' && o.sheet === BINDING_SHEET)
      .flatMap((o) => (o.kind === 'cells' ? o.contents : []));
    const read = readBindingRows(rows.map((r) => r.map((c) => c as CellValue)));
    expect(read.ok && read.value.multiUnit).toEqual({
      unit: MULTI_UNIT_HEADERS.unit,
      unitName: MULTI_UNIT_HEADERS.unitName,
      unitTotal: MULTI_UNIT_HEADERS.unitTotal,
    });
    expect(read.ok && read.value.sheet).toBe(plan.layout.kpi.sheet);
    expect(plan.binding?.multiUnit).toBeDefined();
  });

  it.each(['krs-2567', 'pte-2567'])('%s: read unit by unit, each unit scores to the total its rows show', (name) => {
    const { assessment, grid, perUnit, plan, engine } = built(name);
    const read = readMultiUnitGrid(assessment, grid, { headers: plan.binding?.columns, multiUnit: MULTI_UNIT_HEADERS });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.units.map((u) => u.unit)).toEqual(assessment.units.map((u) => ({ id: u.id, name: u.name })));
    const m = plan.layout;
    read.value.units.forEach((u, k) => {
      const total = scoreAssessment(assessment, u.reading.resultSet).totalBeforePenalty;
      expect(total).toEqual(scoreAssessment(assessment, perUnit[k] as Results).totalBeforePenalty);
      const sheetTotal = engine.value(m.kpi.sheet, cellAddress(m.kpi.firstDataRow + k * m.blockRows, m.unitTotalColumn));
      if (total === null) expect(sheetTotal).toBe('');
      else expect(sheetTotal).toBeCloseTo(total, 9);
      // Each unit's cells are on its own rows.
      const rows = [...u.reading.cells.values()].map((c) => c.row);
      expect(Math.min(...rows)).toBe(m.kpi.firstDataRow + k * m.blockRows);
      expect(Math.max(...rows)).toBe(m.kpi.firstDataRow + (k + 1) * m.blockRows - 1);
    });
  });

  it("text typed in a unit's result cell is an issue naming that unit and its cell; a row without a unit is the sheet's", () => {
    const { assessment, grid, plan } = built('krs-2567');
    const options = { headers: plan.binding?.columns, multiUnit: MULTI_UNIT_HEADERS };
    const clean = readMultiUnitGrid(assessment, grid, options);
    if (!clean.ok) throw new Error('does not read');
    const second = clean.value.units[1]!;
    const quantitative = assessment.indicators.find(
      (i) => 'kind' in i && i.kind === 'quantitative' && second.reading.cells.get(i.id)?.result,
    );
    const cells = second.reading.cells.get(quantitative!.id)!;
    const { row, column } = parseAddress(cells.result!.split('!').pop()!);
    (grid.values[row - 1] as CellValue[])[column - 1] = '๘๕';
    const last = grid.values.length - 1;
    (grid.values[last] as CellValue[])[0] = null;

    const read = readMultiUnitGrid(assessment, grid, options);
    if (!read.ok) throw new Error('does not read');
    const issue = read.value.units[1]!.reading.issues.find((i) => i.code === 'text-in-number-cell');
    expect(issue?.cell).toBe(cells.result);
    expect(issue?.message.th).toMatch(new RegExp(`^หน่วยงาน ${second.unit.name} \\(${second.unit.id}\\): `));
    expect(issue?.message.en).toMatch(new RegExp(`^unit ${second.unit.name} \\(${second.unit.id}\\): `));
    expect(read.value.units[0]!.reading.issues.some((i) => i.code === 'text-in-number-cell')).toBe(false);
    expect(read.value.issues.find((i) => i.code === 'unit-missing')?.cell).toBe(`'${grid.sheet}'!A${last + 1}`);
  });
});

describe('the multi-unit sheet is laid out and formatted as the single-unit sheet', () => {
  const { assessment, document } = sample('krs-2567');
  const multi = multiUnitPlan({ assessment, document });
  const single = kpiSheetPlan({ assessment, document });
  const ops = multi.plan.ops;
  const sheet = multi.layout.kpi.sheet;
  const byRole = (role: string) => multi.layout.kpi.columns.find((c) => c.role === role)!;
  const widthOf = (letter: string): number | undefined =>
    ops
      .filter(
        (o): o is ColumnsOp => o.kind === 'columns' && o.sheet === sheet && o.columns === `${letter}:${letter}` && o.width !== undefined,
      )
      .pop()?.width;

  it('every visible KPI column has the single-unit width; the unit columns are wide enough for their headers', () => {
    for (const c of single.layout.columns.filter((x) => !x.hidden))
      expect([c.role, widthOf(byRole(c.role).letter)]).toEqual([c.role, columnWidth(c.role)]);
    // "หน่วยงาน" and "คะแนนรวมของหน่วยงาน" whole, not "หน่ว…" in Excel's 64 px.
    expect(widthOf('A')).toBeGreaterThanOrEqual(70);
    expect(widthOf('B')).toBeGreaterThanOrEqual(180);
    expect(widthOf(cellAddress(1, multi.layout.unitTotalColumn).replace(/\d+$/, ''))).toBeGreaterThanOrEqual(100);
    const header = ops.find((o): o is StyleOp => o.kind === 'style' && o.address.startsWith(`A${multi.layout.kpi.headerRow}:`));
    expect(header).toMatchObject({ bold: true, wrap: true });
  });

  it("input cells have the input fill, and scores the conditional colours, over every unit's rows", () => {
    const last = multi.layout.kpi.lastDataRow;
    expect(last).toBe(multi.layout.kpi.headerRow + multi.layout.blockRows * assessment.units.length);
    const result = byRole('result');
    expect(ops).toContainEqual(
      expect.objectContaining({
        kind: 'style',
        address: `${result.letter}${multi.layout.kpi.firstDataRow}:${result.letter}${last}`,
        fill: COLORS.input,
      }),
    );
    const score = byRole('score');
    const colours = ops.filter(
      (o): o is ConditionalFormatOp =>
        o.kind === 'conditionalFormat' && o.address === `${score.letter}${multi.layout.kpi.firstDataRow}:${score.letter}${last}`,
    );
    expect(colours.map((c) => c.fill)).toEqual([COLORS.good, COLORS.fair, COLORS.poor]);
    // The same validation prompts as the single-unit sheet, on the moved columns.
    expect(ops.filter((o) => o.kind === 'validation').length).toBe(single.plan.ops.filter((o) => o.kind === 'validation').length);
  });
});

/**
 * The whole KPI sheet as a grid of cell contents (values and formulas), built from the layout. The xlsx writer
 * styles and writes it; the HyperFormula test evaluates it; so both see exactly the same formulas.
 */
import { isGroup, type Assessment } from '../domain';
import type { CellContent, CellValue } from './cells';
import {
  countedAtFormula, resultDisplayFormula, scoreAtFormula, scoreFormula, shareAtFormula, totalFormula, valueFormula,
  weightedScoreFormula, weightSumFormula, weightTimesScoreAtFormula,
} from './formulas';
import type { ColumnRole } from './headers';
import { requireColumn, type KpiLayout, type LayoutRow } from './layout';

/** What a reporter typed for one indicator, cell by cell. */
export interface RowInputs {
  readonly result?: CellValue;
  readonly numerator?: CellValue;
  readonly denominator?: CellValue;
  readonly steps?: readonly CellValue[];
  /** คำชี้แจงการปฏิบัติงาน, อุปสรรค, หมายเหตุ: what the reporter wrote about the row. */
  readonly explanation?: CellValue;
  readonly obstacles?: CellValue;
  readonly note?: CellValue;
}

export type SheetInputs = ReadonlyMap<string, RowInputs>;

/** Rows and columns are 1-based in the layout; grid[r - 1][c - 1] holds row r, column c. */
export function kpiSheetContent(assessment: Assessment, layout: KpiLayout, inputs: SheetInputs = new Map()): CellContent[][] {
  const width = layout.columns.length;
  const grid: CellContent[][] = Array.from({ length: layout.lastDataRow }, () => Array<CellContent>(width).fill(null));
  const put = (row: number, role: ColumnRole, content: CellContent): void => {
    (grid[row - 1] as CellContent[])[requireColumn(layout, role).column - 1] = content;
  };
  const f = (formula: string): CellContent => ({ formula });

  (grid[layout.titleRow - 1] as CellContent[])[0] = assessment.title;
  put(layout.summaryRow, 'name', 'คะแนนรวม ก่อนหักคะแนนส่งช้า (Total before late penalty)');
  put(layout.summaryRow, 'weight', f(weightSumFormula(layout)));
  put(layout.summaryRow, 'weightedScore', f(totalFormula(layout)));
  for (const c of layout.columns) put(layout.headerRow, c.role, c.header);

  for (const row of layout.rows) {
    for (const [role, content] of rowContents(layout, row, inputs.get(row.indicator.id) ?? {})) put(row.row, role, content);
  }
  return grid;
}

function rowContents(layout: KpiLayout, row: LayoutRow, input: RowInputs): [ColumnRole, CellContent][] {
  const i = row.indicator;
  const f = (formula: string): CellContent => ({ formula });
  const d = row.depth;
  const out: [ColumnRole, CellContent][] = [
    ['id', i.id],
    ['name', i.name],
    ['unit', i.unit ?? null],
    ['weight', i.weight],
    ['score', f(scoreFormula(layout, row))],
    ['weightedScore', f(weightedScoreFormula(layout, row))],
    ['explanation', input.explanation ?? null],
    ['obstacles', input.obstacles ?? null],
    ['note', input.note ?? null],
    ['key', row.key],
    ['parentKey', row.parentKey],
    ['kind', i.kind],
    [`scoreAt${d}`, f(scoreAtFormula(layout, row))],
    [`countedAt${d}`, f(countedAtFormula(layout, row))],
    [`weightTimesScoreAt${d}`, f(weightTimesScoreAtFormula(layout, row))],
    [`shareAt${d}`, f(shareAtFormula(layout, row))],
  ];
  if (isGroup(i)) return out;
  i.targets.forEach((t, k) => out.push([`target${k + 1}`, t]));
  out.push(['direction', i.direction === 'higher' ? 1 : -1], ['value', f(valueFormula(layout, row))]);
  if (i.floorTarget !== undefined) out.push(['floorTarget', i.floorTarget]);
  if (i.kind === 'quantitative') {
    out.push(['result', input.result ?? null]);
  } else {
    out.push(['result', f(resultDisplayFormula(layout, row))]);
  }
  if (i.kind === 'ratio') {
    out.push(['multiplier', i.multiplier], ['numerator', input.numerator ?? null], ['denominator', input.denominator ?? null]);
  }
  if (i.kind === 'milestone' || i.kind === 'binary') {
    i.steps.forEach((_, k) => out.push([`step${k + 1}`, input.steps?.[k] ?? null]));
  }
  return out;
}

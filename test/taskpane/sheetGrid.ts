/**
 * Test helper: a KPI sheet as the port would read it back, values only, built from the template's layout (layout.ts): the header
 * row, each indicator's id and name, and what a person typed into its input cells. Formula cells are left blank:
 * the pane reads inputs and scores them with the domain, it never reads the formulas' results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kpiLayout, requireColumn, type CellValue, type ColumnRole, type Grid, type KpiLayout } from '../../src/workbook';
import { loadAssessment, type LoadedAssessment } from '../../src/taskpane/model/loadAssessment';

export function sample(name: string): LoadedAssessment {
  const document = JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'samples', `${name}.assessment.json`), 'utf8')) as unknown;
  const loaded = loadAssessment(document, name);
  if (!loaded.ok) throw new Error(`sample ${name} does not load: ${JSON.stringify(loaded.issues)}`);
  return loaded.value;
}

export type Typed = Readonly<Record<string, Partial<Record<ColumnRole, CellValue>>>>;

export function sheetGrid(
  loaded: LoadedAssessment,
  typed: Typed,
  extra: { header: string; values: Record<string, CellValue> }[] = [],
): { grid: Grid; layout: KpiLayout } {
  const layout = kpiLayout(loaded.assessment);
  const width = layout.columns.length + extra.length;
  const values: CellValue[][] = Array.from({ length: layout.lastDataRow }, () => Array<CellValue>(width).fill(null));
  const set = (row: number, column: number, v: CellValue): void => {
    (values[row - 1] as CellValue[])[column - 1] = v;
  };
  layout.columns.forEach((c) => set(layout.headerRow, c.column, c.header));
  extra.forEach((e, i) => set(layout.headerRow, layout.columns.length + i + 1, e.header));
  for (const row of layout.rows) {
    set(row.row, requireColumn(layout, 'id').column, row.indicator.id);
    set(row.row, requireColumn(layout, 'name').column, row.indicator.name);
    for (const [role, v] of Object.entries(typed[row.indicator.id] ?? {}))
      set(row.row, requireColumn(layout, role as ColumnRole).column, v ?? null);
    extra.forEach((e, i) => set(row.row, layout.columns.length + i + 1, e.values[row.indicator.id] ?? null));
  }
  return { grid: { sheet: layout.sheet, topLeft: 'A1', values }, layout };
}

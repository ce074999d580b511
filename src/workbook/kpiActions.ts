/**
 * The user actions on a KPI sheet, as sequences of coarse port calls, so each costs a fixed number of round trips
 * whatever the row count (Excel, 20,000 rows: create 2, validate 3, refresh 2; test/office):
 *
 * - create:   one apply of the KPI plan (kpiPlan.ts), or of the multi-unit plan (multiUnitPlan.ts).
 * - validate: read the bound table's id and input columns (never the formula columns: they are most of the bytes);
 *             on a multi-unit sheet the unit columns too, and the reading is per unit (readBoundUnits).
 * - refresh:  rebuild the sheet from the assessment with what was typed (the inputs the last validate read).
 *
 * Binding a sheet is the task pane's (it shows the proposal to confirm): one read (src/taskpane/model/
 * proposeBinding.ts, readSheetToBind), then one apply of bindSheetPlan (boundSheet.ts) — 4 syncs in all.
 */
import type { Assessment } from '../domain';
import type { BindingRecord, MultiUnitColumns } from './binding';
import { isInputRole as isTypedRole, type ColumnRole } from './headers';
import { kpiSheetPlan, type KpiPlanInput } from './kpiPlan';
import type { ApplyProgress, ApplyReport, WorkbookPort } from './port';
import { multiUnitPlan, type MultiUnitInput } from './multiUnitPlan';
import { multiUnitReadRequest, readKpiGrid, readMultiUnitGrid, type MultiUnitReadResult, type SheetReadResult } from './readGrid';
import { DEFAULT_TABLE } from './layout';

/** The columns a reading needs: the id and every input. Formula columns are never read back. */
function isInputRole(role: ColumnRole): boolean {
  return role === 'id' || isTypedRole(role);
}

export async function createKpiSheet(
  port: WorkbookPort,
  input: KpiPlanInput,
  onProgress?: (p: ApplyProgress) => void,
): Promise<ApplyReport & { binding: BindingRecord }> {
  const { plan, binding } = kpiSheetPlan(input);
  return { ...(await port.apply(plan, onProgress)), binding };
}

/** Validate: the bound table's id and input columns → the reading (the caller scores it with src/domain). */
export async function readBoundSheet(port: WorkbookPort, binding: BindingRecord, assessment: Assessment): Promise<SheetReadResult> {
  const headers = Object.entries(binding.columns)
    .filter(([role]) => isInputRole(role as ColumnRole))
    .map(([, h]) => h as string);
  if (binding.table) {
    const table = (await port.read({ tables: [{ table: binding.table || DEFAULT_TABLE, columns: headers, numberFormats: true }] }))
      .tables[0];
    if (table) return readKpiGrid(assessment, table, { headers: binding.columns });
  }
  // A sheet bound without a table (a hand-made sheet): its used range, columns found by header.
  const grid = (await port.read({ ranges: [{ sheet: binding.sheet, numberFormats: true }] })).ranges[0];
  return grid ? readKpiGrid(assessment, grid, { headers: binding.columns }) : { ok: false, issues: [] };
}

/** Refresh: the KPI sheet rebuilt from the assessment, keeping what was typed (inputs from the last reading). */
export async function refreshKpiSheet(
  port: WorkbookPort,
  input: KpiPlanInput,
  onProgress?: (p: ApplyProgress) => void,
): Promise<ApplyReport> {
  return port.apply(kpiSheetPlan(input).plan, onProgress);
}

/**
 * Validate a multi-unit sheet (its binding record says `multiUnit`): the table's id, input and unit columns in one
 * read → each unit's reading. As for one unit's sheet, the formula columns are never read back.
 */
export async function readBoundUnits(
  port: WorkbookPort,
  binding: BindingRecord & { readonly multiUnit: MultiUnitColumns },
  assessment: Assessment,
): Promise<MultiUnitReadResult> {
  const read = await port.read(multiUnitReadRequest(binding));
  const grid = read.tables[0] ?? read.ranges[0];
  if (!grid) return { ok: false, issues: [] };
  return readMultiUnitGrid(assessment, grid, { headers: binding.columns, multiUnit: binding.multiUnit });
}

/** Refresh a multi-unit sheet: rebuilt from the assessment with each unit's inputs (one apply, like create). */
export async function refreshMultiUnitSheet(
  port: WorkbookPort,
  input: MultiUnitInput,
  onProgress?: (p: ApplyProgress) => void,
): Promise<ApplyReport> {
  return port.apply(multiUnitPlan(input).plan, onProgress);
}

/**
 * The user actions on a KPI sheet, as sequences of coarse port calls, so each costs a fixed number of round trips
 * whatever the row count (Excel: create ≤ 1 + write batches, bind 4, validate 2–3, refresh = create):
 *
 * - create:   one apply of the KPI plan (kpiPlan.ts).
 * - bind:     read the top of the sheet and its size; read only the id and input columns; write the binding record.
 * - validate: read the bound table's id and input columns (never the formula columns: they are most of the bytes).
 * - refresh:  rebuild the sheet from the assessment with what was typed (the inputs the last validate read).
 */
import type { Assessment } from '../domain';
import { BINDING_FORMAT, type BindingRecord, type MultiUnitColumns } from './binding';
import { columnLetter, parseAddress, type CellValue, type Grid } from './cells';
import type { ColumnRole } from './headers';
import { kpiSheetPlan, type KpiPlanInput } from './kpiPlan';
import type { ApplyProgress, ApplyReport, RangeGrid, ReadRequest, WorkbookPort } from './port';
import { multiUnitPlan, type MultiUnitInput } from './multiUnitPlan';
import { readKpiGrid, readMultiUnitGrid, type MultiUnitReadResult, type SheetReadResult } from './readGrid';
import { SETTINGS_SHEET } from './settings';
import { DEFAULT_TABLE } from './layout';

/** Rows and columns searched for the header row of a sheet being bound. */
export const HEADER_BLOCK = { rows: 30, columns: 104 } as const;

/** The columns a reading needs: the id and every input. Formula columns are never read back. */
export function isInputRole(role: ColumnRole): boolean {
  return role === 'id' || role === 'result' || role === 'numerator' || role === 'denominator' || role === 'note' || /^step\d+$/.test(role);
}

export async function createKpiSheet(port: WorkbookPort, input: KpiPlanInput, onProgress?: (p: ApplyProgress) => void): Promise<ApplyReport & { binding: BindingRecord }> {
  const { plan, binding } = kpiSheetPlan(input);
  return { ...(await port.apply(plan, onProgress)), binding };
}

export interface BindOutcome {
  readonly reading: SheetReadResult;
  /** Written only when the sheet could be read (a header row was found). */
  readonly binding?: BindingRecord;
}

export async function bindKpiSheet(port: WorkbookPort, sheet: string, assessment: Assessment, document: unknown): Promise<BindOutcome> {
  const top = `A1:${columnLetter(HEADER_BLOCK.columns)}${HEADER_BLOCK.rows}`;
  const first = await port.read({ ranges: [{ sheet, address: top }, { sheet, dimensionsOnly: true }] });
  const head = first.ranges[0] as RangeGrid;
  const used = first.ranges[1];
  const headerReading = readKpiGrid(assessment, head);
  if (!headerReading.ok || !used) return { reading: headerReading };
  const { headerRow, columns } = headerReading.value;
  const lastRow = parseAddress(used.address.split(':').pop() as string).row;

  // Only the id and input columns, from the row under the header to the last used row.
  const wanted = [...columns].filter(([role]) => isInputRole(role)).map(([, c]) => c + 1);
  const grid = lastRow > headerRow
    ? await readColumns(port, sheet, headerRow, lastRow, wanted, head)
    : head;
  const reading = readKpiGrid(assessment, grid);
  if (!reading.ok) return { reading };
  const headers = head.values[headerRow - 1] ?? [];
  const binding: BindingRecord = {
    format: BINDING_FORMAT,
    sheet,
    table: '',
    settingsSheet: SETTINGS_SHEET,
    headerRow,
    columns: Object.fromEntries([...reading.value.columns].map(([role, c]) => [role, String(headers[c] ?? '')])),
    assessment: document,
  };
  await port.writeBinding(binding);
  return { reading, binding };
}

/** Reads columns (1-based) of rows headerRow+1..lastRow in one port call and lays them into a sheet-shaped grid. */
async function readColumns(port: WorkbookPort, sheet: string, headerRow: number, lastRow: number, columns: readonly number[], head: RangeGrid): Promise<Grid> {
  const runs: [number, number][] = [];
  for (const c of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  const read = await port.read({
    // Values only: binding matches rows by id; number formats (percent cells) are validate's concern.
    ranges: runs.map(([c0, c1]) => ({ sheet, address: `${columnLetter(c0)}${headerRow + 1}:${columnLetter(c1)}${lastRow}` })),
  });
  const width = Math.max(...columns, 1);
  const values: CellValue[][] = Array.from({ length: lastRow }, (_, r) => (r < headerRow ? [...(head.values[r] ?? [])] : Array<CellValue>(width).fill(null)));
  runs.forEach(([c0], i) => {
    const g = read.ranges[i];
    g?.values.forEach((row, r) => row.forEach((v, j) => ((values[headerRow + r] as CellValue[])[c0 - 1 + j] = v)));
  });
  return { sheet, topLeft: 'A1', values };
}

/** Validate: the bound table's id and input columns → the reading (the caller scores it with src/domain). */
export async function readBoundSheet(port: WorkbookPort, binding: BindingRecord, assessment: Assessment): Promise<SheetReadResult> {
  const headers = Object.entries(binding.columns).filter(([role]) => isInputRole(role as ColumnRole)).map(([, h]) => h as string);
  if (binding.table) {
    const table = (await port.read({ tables: [{ table: binding.table || DEFAULT_TABLE, columns: headers, numberFormats: true }] })).tables[0];
    if (table) return readKpiGrid(assessment, table, { headers: binding.columns });
  }
  // A sheet bound without a table (a hand-made sheet): its used range, columns found by header.
  const grid = (await port.read({ ranges: [{ sheet: binding.sheet, numberFormats: true }] })).ranges[0];
  return grid ? readKpiGrid(assessment, grid, { headers: binding.columns }) : { ok: false, issues: [] };
}

/** Refresh: the KPI sheet rebuilt from the assessment, keeping what was typed (inputs from the last reading). */
export async function refreshKpiSheet(port: WorkbookPort, input: KpiPlanInput, onProgress?: (p: ApplyProgress) => void): Promise<ApplyReport> {
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
  const read = await port.read(boundUnitsRequest(binding));
  const grid = read.tables[0] ?? read.ranges[0];
  if (!grid) return { ok: false, issues: [] };
  return readMultiUnitGrid(assessment, grid, { headers: binding.columns, multiUnit: binding.multiUnit });
}

/** What a multi-unit sheet's check reads: its table's id, input and unit columns (the used range without a table). */
export function boundUnitsRequest(binding: BindingRecord & { readonly multiUnit: MultiUnitColumns }): ReadRequest {
  const headers = [
    ...Object.entries(binding.columns).filter(([role]) => isInputRole(role as ColumnRole)).map(([, h]) => h as string),
    binding.multiUnit.unit, binding.multiUnit.unitName,
  ];
  return binding.table
    ? { tables: [{ table: binding.table, columns: headers, numberFormats: true }] }
    : { ranges: [{ sheet: binding.sheet, numberFormats: true }] };
}

/** Refresh a multi-unit sheet: rebuilt from the assessment with each unit's inputs (one apply, like create). */
export async function refreshMultiUnitSheet(port: WorkbookPort, input: MultiUnitInput, onProgress?: (p: ApplyProgress) => void): Promise<ApplyReport> {
  return port.apply(multiUnitPlan(input).plan, onProgress);
}

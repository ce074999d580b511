/**
 * The multi-unit sheet (the central office's bulk view, KRS style): one row per unit × indicator, every unit's
 * rows together, and beside each row its unit's total. The score columns are the single-unit formulas (formulas.ts)
 * unchanged: keys are numbered through the whole table, so a parent still finds its children by key across units,
 * and only the top level differs: its share of the total divides by the unit's own counted weights (a hidden
 * column), and the unit total sums the unit's top-level rows.
 *
 * Every unit's block holds the same formulas moved down (formulaShift.ts), which the plan says (`repeatEvery`), so
 * Excel receives the formulas of one block and copies them, instead of 20,000 rows of formulas.
 */
import type { Assessment, Unit } from '../domain';
import { BINDING_FORMAT, type BindingRecord, type MultiUnitColumns } from './binding';
import { bindingOps } from './bindingPlan';
import { cellAddress, columnLetter, isFormula, type CellContent } from './cells';
import { shiftRows } from './formulaShift';
import type { ColumnRole } from './headers';
import { kpiLayout, requireColumn, type KpiLayout, type LayoutColumn, type LayoutRow } from './layout';
import { COLORS, columnOps, formatOps, headerStyleOp, markOps, validationOps } from './kpiPlan';
import { sheetFigures } from './numberFormats';
import type { WriteOp, WritePlan } from './plan';
import { kpiProtectOp } from './protection';
import { settingsSheet, SETTINGS_SHEET } from './settings';
import { kpiSheetContent, type InputRefs, type SheetInputs } from './sheetContent';
import { WORDS_COLUMNS } from './stepWords';

export const MULTI_UNIT_SHEET = 'KPI หน่วยงาน';
export const MULTI_UNIT_TABLE = 'ScorebookUnits';
/** Headers of the sheet's own columns; the binding record keeps them, so a reading finds each row's unit. */
export const MULTI_UNIT_HEADERS: MultiUnitColumns & { readonly unitWeightSum: string } = {
  unit: 'หน่วยงาน',
  unitName: 'ชื่อหน่วยงาน',
  unitTotal: 'คะแนนรวมของหน่วยงาน',
  unitWeightSum: 'น้ำหนักที่นับของหน่วยงาน',
};

export interface MultiUnitInput {
  readonly assessment: Assessment;
  /** Defaults to the assessment's units. */
  readonly units?: readonly Unit[];
  /** Unit id → what to type for that unit. */
  readonly inputs?: ReadonlyMap<string, SheetInputs>;
  readonly sheet?: string;
  readonly table?: string;
  readonly settingsSheet?: string;
  /**
   * The assessment document as read from its file. Given: the plan also writes the binding record (marked
   * multi-unit), so the pane checks the sheet unit by unit and finds it again when the workbook is reopened.
   */
  readonly document?: unknown;
  /** Protect the sheet, only its inputs unlocked (protection.ts; on by default). */
  readonly protect?: boolean;
}

export interface MultiUnitLayout {
  /** The KPI layout with its columns moved right of the unit columns; its rows are the first unit's. */
  readonly kpi: KpiLayout;
  readonly unitColumn: number;
  readonly unitNameColumn: number;
  readonly unitTotalColumn: number;
  readonly unitWeightSumColumn: number;
  readonly width: number;
  /** Indicator rows per unit. */
  readonly blockRows: number;
  readonly units: readonly Unit[];
}

const WEIGHT_SUM_MARK = 'SCOREBOOK_UNIT_WEIGHT_SUM';

/**
 * Points: the unit's code, its name, its total. The name is not wrapped: it repeats on every row of its block, and
 * three-line rows would make thousands of rows hard to scan; the pane's unit summary shows it whole.
 */
const UNIT_WIDTHS = { unit: 80, unitName: 240, unitTotal: 110 } as const;

export function multiUnitLayout(
  assessment: Assessment,
  units: readonly Unit[],
  options: { sheet?: string; table?: string } = {},
): MultiUnitLayout {
  // One row per unit × indicator: no group headings between a unit's rows.
  const base = kpiLayout(assessment, {
    sheet: options.sheet ?? MULTI_UNIT_SHEET,
    table: options.table ?? MULTI_UNIT_TABLE,
    groupHeadings: false,
  });
  // unit, unit name, the KPI columns up to คะแนนถ่วงน้ำหนัก, the unit total, the rest, the unit's weight sum (hidden).
  const split = requireColumn(base, 'weightedScore').column;
  const moved = (c: LayoutColumn): LayoutColumn => {
    const column = c.column + 2 + (c.column > split ? 1 : 0);
    return { ...c, column, letter: columnLetter(column) };
  };
  const columns = base.columns.map(moved);
  const unitTotalColumn = split + 3;
  const width = base.columns.length + 4;
  const blockRows = base.rows.length;
  const lastDataRow = base.headerRow + blockRows * units.length;
  const kpi: KpiLayout = {
    ...base,
    columns,
    lastDataRow,
    weightSumCell: WEIGHT_SUM_MARK,
    totalCell: cellAddress(base.summaryRow, unitTotalColumn, true),
  };
  return { kpi, unitColumn: 1, unitNameColumn: 2, unitTotalColumn, unitWeightSumColumn: width, width, blockRows, units };
}

export function multiUnitPlan(input: MultiUnitInput): { plan: WritePlan; layout: MultiUnitLayout; binding?: BindingRecord } {
  const { assessment } = input;
  const units = input.units ?? assessment.units;
  const m = multiUnitLayout(assessment, units, { sheet: input.sheet, table: input.table });
  const { kpi } = m;
  const sheet = kpi.sheet;
  const settings = settingsSheet(assessment, input.settingsSheet ?? SETTINGS_SHEET);
  const n = m.blockRows;

  // The first block's formulas, with the table's whole spans (lastDataRow covers every unit).
  const firstBlock = kpiSheetContent(assessment, kpi, undefined, settings.inputRefs).slice(kpi.firstDataRow - 1, kpi.firstDataRow - 1 + n);
  const data: CellContent[][] = [];
  units.forEach((unit, u) => {
    const offset = u * n;
    // The unit's typed inputs and constants from the same builder, on a block of its own (formulas discarded).
    const own = unitBlock(assessment, kpi, input.inputs?.get(unit.id), settings.inputRefs);
    for (let r = 0; r < n; r++) {
      const sheetRow = kpi.firstDataRow + offset + r;
      const row: CellContent[] = Array<CellContent>(m.width).fill(null);
      row[m.unitColumn - 1] = unit.id;
      row[m.unitNameColumn - 1] = unit.name;
      for (const c of kpi.columns) {
        const template = firstBlock[r]?.[c.column - 1] ?? null;
        if (isFormula(template)) {
          const f = shiftRows(template.formula, offset).split(WEIGHT_SUM_MARK).join(cellAddress(sheetRow, m.unitWeightSumColumn));
          row[c.column - 1] = { formula: f };
        } else {
          row[c.column - 1] = renumber(c.role, own[r]?.[c.column - 1] ?? null, offset);
        }
      }
      row[m.unitWeightSumColumn - 1] = { formula: unitWeightSumFormula(m, sheetRow) };
      row[m.unitTotalColumn - 1] = { formula: unitTotalFormula(m, sheetRow) };
      data.push(row);
    }
  });

  const header: CellContent[] = Array<CellContent>(m.width).fill(null);
  for (const c of kpi.columns) header[c.column - 1] = c.header;
  header[m.unitColumn - 1] = MULTI_UNIT_HEADERS.unit;
  header[m.unitNameColumn - 1] = MULTI_UNIT_HEADERS.unitName;
  header[m.unitTotalColumn - 1] = MULTI_UNIT_HEADERS.unitTotal;
  header[m.unitWeightSumColumn - 1] = MULTI_UNIT_HEADERS.unitWeightSum;
  const title: CellContent[][] = [[`${assessment.title} — รายหน่วยงาน (by unit)`]];

  const last = columnLetter(m.width);
  const lastRow = Math.max(kpi.lastDataRow, kpi.firstDataRow);
  const fixed = assessment.policies.decimals > 0 ? `0.${'0'.repeat(assessment.policies.decimals)}` : '0';
  const col = (c: number): string => `${columnLetter(c)}${kpi.firstDataRow}:${columnLetter(c)}${lastRow}`;
  const unitLetters = (c: number): string => `${columnLetter(c)}:${columnLetter(c)}`;
  const ops: WriteOp[] = [
    { kind: 'sheet', sheet: settings.sheet, ifExists: 'replace' },
    { kind: 'cells', sheet: settings.sheet, topLeft: 'A1', contents: settings.rows },
    { kind: 'columns', sheet: settings.sheet, columns: WORDS_COLUMNS, hidden: true },
    ...settings.names.map((x): WriteOp => ({ kind: 'name', name: x.name, ref: x.ref })),
    { kind: 'sheet', sheet, ifExists: 'replace' },
    // The single-unit sheet's number formats (kpiPlan.ts) on the same columns moved right, then the unit columns'.
    ...formatOps(kpi, sheetFigures(assessment), false),
    { kind: 'numberFormat', sheet, address: col(m.unitColumn), format: '@' },
    { kind: 'numberFormat', sheet, address: col(m.unitTotalColumn), format: fixed },
    { kind: 'cells', sheet, topLeft: 'A1', contents: title },
    { kind: 'cells', sheet, topLeft: `A${kpi.headerRow}`, contents: [header] },
  ];
  if (data.length > 0) ops.push({ kind: 'cells', sheet, topLeft: `A${kpi.firstDataRow}`, contents: data, repeatEvery: n });
  ops.push(
    { kind: 'table', sheet, name: kpi.table, address: `A${kpi.headerRow}:${last}${lastRow}`, style: 'TableStyleMedium2' },
    headerStyleOp(sheet, `A${kpi.headerRow}:${last}${kpi.headerRow}`),
    { kind: 'style', sheet, address: `A1`, bold: true, fontSize: 14 },
    { kind: 'style', sheet, address: col(m.unitTotalColumn), bold: true, fill: COLORS.summary },
    // As the single-unit sheet: validation with prompts, marks on unusable inputs, score colours, the input fill.
    ...validationOps(kpi),
    ...markOps(kpi),
    ...columnOps(kpi),
    { kind: 'columns', sheet, columns: unitLetters(m.unitColumn), width: UNIT_WIDTHS.unit },
    { kind: 'columns', sheet, columns: unitLetters(m.unitNameColumn), width: UNIT_WIDTHS.unitName },
    { kind: 'columns', sheet, columns: unitLetters(m.unitTotalColumn), width: UNIT_WIDTHS.unitTotal },
    { kind: 'columns', sheet, columns: unitLetters(m.unitWeightSumColumn), hidden: true },
    { kind: 'freeze', sheet, rows: kpi.headerRow, columns: 2 },
  );
  // Protected as the single-unit sheet; it is the central office's, so central results and variables are inputs.
  if (input.protect !== false) {
    const rows = units.flatMap((_, u) => kpi.rows.map((r) => ({ row: r.row + u * n, indicator: r.indicator })));
    ops.push(kpiProtectOp(kpi, { central: true }, rows));
  }
  const binding = input.document === undefined ? undefined : multiUnitBinding(m, settings.sheet, input.document);
  if (binding) ops.push(...bindingOps(binding));
  if (data.length > 0) ops.push({ kind: 'select', sheet, address: `A${kpi.firstDataRow}` });
  return { plan: { title: `create multi-unit sheet ${sheet}`, ops }, layout: m, ...(binding ? { binding } : {}) };
}

/** The binding record of a multi-unit sheet: its table, every column's header, and the unit columns' headers. */
export function multiUnitBinding(m: MultiUnitLayout, settingsSheet: string, document: unknown): BindingRecord {
  const { unit, unitName, unitTotal } = MULTI_UNIT_HEADERS;
  return {
    format: BINDING_FORMAT,
    sheet: m.kpi.sheet,
    table: m.kpi.table,
    settingsSheet,
    headerRow: m.kpi.headerRow,
    columns: Object.fromEntries(m.kpi.columns.map((c) => [c.role, c.header])),
    assessment: document,
    multiUnit: { unit, unitName, unitTotal },
  };
}

/** Σ top-level weights that count, for this row's unit. */
export function unitWeightSumFormula(m: MultiUnitLayout, row: number): string {
  const span = (c: number): string =>
    `${cellAddress(m.kpi.firstDataRow, c, true)}:${cellAddress(Math.max(m.kpi.lastDataRow, m.kpi.firstDataRow), c, true)}`;
  const k = (role: ColumnRole): string => span(requireColumn(m.kpi, role).column);
  const unit = cellAddress(row, m.unitColumn);
  return `SUMIFS(${k('weight')},${k('parentKey')},0,${k('countedAt0')},1,${span(m.unitColumn)},${unit})`;
}

/** This row's unit's total before any late penalty, on the scale's range; "" when nothing counts. */
export function unitTotalFormula(m: MultiUnitLayout, row: number): string {
  const span = (c: number): string =>
    `${cellAddress(m.kpi.firstDataRow, c, true)}:${cellAddress(Math.max(m.kpi.lastDataRow, m.kpi.firstDataRow), c, true)}`;
  const k = (role: ColumnRole): string => span(requireColumn(m.kpi, role).column);
  const ws = cellAddress(row, m.unitWeightSumColumn);
  const unit = cellAddress(row, m.unitColumn);
  return `IF(${ws}>0,SUMIFS(${k('weightTimesScoreAt0')},${k('parentKey')},0,${span(m.unitColumn)},${unit})/${ws},"")`;
}

/** One unit's rows as kpiSheetContent builds them (inputs and constants), on a layout of that unit alone. */
function unitBlock(assessment: Assessment, kpi: KpiLayout, inputs: SheetInputs | undefined, inputRefs: InputRefs): CellContent[][] {
  const rows: readonly LayoutRow[] = kpi.rows;
  const small: KpiLayout = { ...kpi, lastDataRow: kpi.firstDataRow + rows.length - 1 };
  return kpiSheetContent(assessment, small, inputs, inputRefs).slice(kpi.firstDataRow - 1);
}

/** Keys are numbered through the table so a parent's children are found within its own unit. */
function renumber(role: ColumnRole, content: CellContent, offset: number): CellContent {
  if (typeof content !== 'number' || offset === 0) return content;
  if (role === 'key') return content + offset;
  if (role === 'parentKey') return content === 0 ? 0 : content + offset;
  return content;
}

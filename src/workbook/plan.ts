/**
 * A write plan: what to write into a workbook, as data. Pure functions build plans (kpiPlan.ts, multiUnitPlan.ts,
 * bindingPlan.ts); a port (src/office, src/preview) carries one out, in order, batching and chunking it as its host
 * needs. Plans are declarative so they can be inspected in tests, and so one plan gives the same workbook in Excel,
 * in the browser preview and (through the same layout) in the CLI's .xlsx.
 *
 * Addresses are A1 on the op's sheet, without the sheet name. Formulas are English, A1, without the leading "=".
 */
import type { CellContent } from './cells';

export type Visibility = 'visible' | 'hidden' | 'veryHidden';

/** Create a sheet, or reuse it: `replace` deletes and re-creates it, `clear` empties it, `keep` leaves it as it is. */
export interface SheetOp {
  readonly kind: 'sheet';
  readonly sheet: string;
  readonly ifExists: 'replace' | 'clear' | 'keep';
  readonly visibility?: Visibility;
  readonly tabColor?: string;
}

export interface DeleteSheetOp {
  readonly kind: 'deleteSheet';
  readonly sheet: string;
}

/**
 * Cell contents from `topLeft`: values and formulas. A string is always written as text (never parsed as a number,
 * date or formula). `repeatEvery`: a hint that rows repeat every n rows with the same formulas (a multi-unit sheet's
 * unit blocks); a port may use it to send the formulas once and copy them, and must check it rather than trust it.
 */
export interface CellsOp {
  readonly kind: 'cells';
  readonly sheet: string;
  readonly topLeft: string;
  readonly contents: readonly (readonly CellContent[])[];
  readonly repeatEvery?: number;
}

export interface ClearOp {
  readonly kind: 'clear';
  readonly sheet: string;
  readonly address: string;
  /** contents: values and formulas only; all: formats too. */
  readonly what: 'contents' | 'all';
}

export interface NumberFormatOp {
  readonly kind: 'numberFormat';
  readonly sheet: string;
  readonly address: string;
  /** One Excel number format for the whole range ("0.00", "@" for text, "General"). */
  readonly format: string;
}

export interface StyleOp {
  readonly kind: 'style';
  readonly sheet: string;
  readonly address: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** A font by name ("TH Sarabun New"); the host substitutes one where it is not installed. */
  readonly fontName?: string;
  readonly fontSize?: number;
  /** "#RRGGBB", or "none" to take a fill away (an Excel table's own banding shows again). */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly wrap?: boolean;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'center' | 'bottom';
}

export type ValidationRule =
  | { readonly type: 'decimal'; readonly min?: number; readonly max?: number }
  | { readonly type: 'wholeNumber'; readonly min?: number; readonly max?: number }
  | { readonly type: 'list'; readonly values: readonly string[] }
  /** A formula true for an acceptable value, relative to the range's top-left cell. */
  | { readonly type: 'custom'; readonly formula: string };

export interface ValidationOp {
  readonly kind: 'validation';
  readonly sheet: string;
  readonly address: string;
  readonly rule: ValidationRule;
  /** Shown when the cell is selected. Excel limits: title 32 characters, message 255. */
  readonly prompt?: { readonly title: string; readonly message: string };
  /** Shown when a value breaks the rule while typing (a paste is never checked by Excel). */
  readonly error?: { readonly title: string; readonly message: string; readonly style: 'stop' | 'warning' | 'information' };
}

/** Format the cells of `address` where `formula` (relative to its top-left cell) is true. */
export interface ConditionalFormatOp {
  readonly kind: 'conditionalFormat';
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly fill?: string;
  readonly fontColor?: string;
}

/** An Excel table over `address` (its first row is the header). */
export interface TableOp {
  readonly kind: 'table';
  readonly sheet: string;
  readonly name: string;
  readonly address: string;
  readonly style?: string;
}

/** A workbook-level defined name. `ref` is qualified, e.g. `'ตั้งค่า'!$B$2` or `KPI!$M$2`. */
export interface NameOp {
  readonly kind: 'name';
  readonly name: string;
  readonly ref: string;
  readonly comment?: string;
}

export interface ColumnsOp {
  readonly kind: 'columns';
  readonly sheet: string;
  /** "A:C" or "F:F". */
  readonly columns: string;
  /** In points. */
  readonly width?: number;
  readonly hidden?: boolean;
}

/**
 * Insert whole sheet columns at `columns` ("F:F" inserts one before the old F), shifting everything from there to
 * the right, as Excel's Insert column does: references, names, formats, validation, conditional formats and tables
 * crossing the column follow. Later ops of the plan address the sheet as it is after the insertion.
 */
export interface InsertColumnsOp {
  readonly kind: 'insertColumns';
  readonly sheet: string;
  readonly columns: string;
}

/** Insert whole sheet rows at `rows` ("1:1" inserts one above the old row 1), as Excel's Insert row does. */
export interface InsertRowsOp {
  readonly kind: 'insertRows';
  readonly sheet: string;
  readonly rows: string;
}

export interface FreezeOp {
  readonly kind: 'freeze';
  readonly sheet: string;
  readonly rows: number;
  readonly columns: number;
}

/**
 * What a protected sheet still lets a person do (Excel's WorksheetProtectionOptions, ExcelApi 1.2; selectionMode
 * 1.7). A port puts back the options a sheet had when it lifts protection to write.
 */
export interface ProtectionOptions {
  readonly allowAutoFilter?: boolean;
  readonly allowDeleteColumns?: boolean;
  readonly allowDeleteRows?: boolean;
  readonly allowEditObjects?: boolean;
  readonly allowEditScenarios?: boolean;
  readonly allowFormatCells?: boolean;
  readonly allowFormatColumns?: boolean;
  readonly allowFormatRows?: boolean;
  readonly allowInsertColumns?: boolean;
  readonly allowInsertHyperlinks?: boolean;
  readonly allowInsertRows?: boolean;
  readonly allowPivotTables?: boolean;
  readonly allowSort?: boolean;
  readonly selectionMode?: 'Normal' | 'Unlocked' | 'None';
}

/**
 * Protect a sheet, leaving `unlocked` ranges editable, then locking `locked` ones (inside them: approved rows). No
 * password: it guards against slips, not people, and a person can still lift it (Review > Unprotect Sheet).
 */
export interface ProtectOp extends ProtectionOptions {
  readonly kind: 'protect';
  readonly sheet: string;
  readonly unlocked: readonly string[];
  readonly locked?: readonly string[];
}

/**
 * Lock or unlock cells of a protected sheet (an approved row's inputs locked, a returned row's unlocked again). On a
 * sheet that is not protected — when the plan starts, or by a `protect` op of the same plan — a port does nothing:
 * the cell formats of a sheet a person keeps unprotected are theirs.
 */
export interface LockOp {
  readonly kind: 'lock';
  readonly sheet: string;
  readonly address: string;
  readonly locked: boolean;
}

/**
 * How a sheet prints: A4, its orientation, all columns on `fitToWidth` pages wide (as many pages tall as it takes),
 * `titleRows` repeated at the top of every page ("4:4"), only `printArea` printed ("A1:P16", without the hidden
 * helpers), and a centred footer in Excel's header and footer codes (&P the page, &N the pages).
 */
export interface PageLayoutOp {
  readonly kind: 'pageLayout';
  readonly sheet: string;
  readonly paper: 'A4';
  readonly orientation: 'landscape' | 'portrait';
  readonly fitToWidth: number;
  readonly titleRows?: string;
  readonly printArea?: string;
  readonly footer?: string;
}

/** Rows made as tall as their wrapped text needs ("5:16"): Excel measures the text itself. */
export interface AutofitRowsOp {
  readonly kind: 'autofitRows';
  readonly sheet: string;
  readonly rows: string;
}

/**
 * An AutoFilter on `address` (its first row holds the headers): the filter and sort buttons a person uses on an
 * ordinary sheet. One per sheet, as in Excel: a later one replaces it.
 */
export interface AutoFilterOp {
  readonly kind: 'autoFilter';
  readonly sheet: string;
  readonly address: string;
}

export type ChartType = 'columnClustered' | 'barClustered' | 'line';

/**
 * A native chart named `name` on the sheet, drawn from `source` (one rectangle: its first row or column the series
 * names, the other the categories), placed over the cells `from`..`to`. A chart of that name already on the sheet
 * is replaced, never duplicated, so a refresh leaves one.
 */
export interface ChartOp {
  readonly kind: 'chart';
  readonly sheet: string;
  readonly name: string;
  readonly type: ChartType;
  readonly source: string;
  /** Series are the source's columns (a column per series, a row per category) or its rows. */
  readonly seriesBy: 'columns' | 'rows';
  readonly title: string;
  /** Top-left and bottom-right cells the chart covers ("K6", "T24"). */
  readonly from: string;
  readonly to: string;
}

/** The chart of that name on the sheet goes, if there is one (a refresh whose data no longer has it). */
export interface DeleteChartOp {
  readonly kind: 'deleteChart';
  readonly sheet: string;
  readonly name: string;
}

export interface SelectOp {
  readonly kind: 'select';
  readonly sheet: string;
  readonly address: string;
}

export type WriteOp =
  | SheetOp
  | DeleteSheetOp
  | CellsOp
  | ClearOp
  | NumberFormatOp
  | StyleOp
  | ValidationOp
  | ConditionalFormatOp
  | TableOp
  | NameOp
  | ColumnsOp
  | InsertColumnsOp
  | InsertRowsOp
  | FreezeOp
  | ProtectOp
  | LockOp
  | PageLayoutOp
  | AutofitRowsOp
  | AutoFilterOp
  | ChartOp
  | DeleteChartOp
  | SelectOp;

export interface WritePlan {
  /** What the plan does, for progress and the log ("create KPI sheet KPI"). */
  readonly title: string;
  readonly ops: readonly WriteOp[];
}

/** Cells a plan writes (for progress and reports). */
export function cellsInPlan(plan: WritePlan): number {
  let n = 0;
  for (const op of plan.ops) if (op.kind === 'cells') for (const row of op.contents) n += row.length;
  return n;
}

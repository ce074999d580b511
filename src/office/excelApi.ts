/**
 * The part of the Excel JavaScript API this adapter uses, as our own interfaces. The adapter is written against
 * these, so the recording fake in test/office implements exactly what is used, fully typed; and the check at the
 * bottom makes the compiler prove that the real `Excel.RequestContext` (from @types/office-js) fits them, so the
 * fake cannot drift from Office.js. Enum-typed properties are `string` here: Office.js accepts the string values.
 */
/// <reference types="office-js" />

export interface XlLoadable<T> {
  load(propertyNames?: string | string[]): T;
}

export interface XlRangeFormat {
  columnWidth: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  readonly font: { bold: boolean; italic: boolean; name: string; size: number; color: string };
  readonly fill: { color: string; clear(): void };
  readonly protection: { locked: boolean };
  /** Rows as tall as their wrapped text. */
  autofitRows(): void;
}

/** ExcelApi 1.9: how a sheet prints. */
export interface XlPageLayout {
  orientation: string;
  paperSize: string;
  /** Set whole: `zoom = { horizontalFitToPages: 1 }`. */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
  readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
}

export interface XlDataValidation {
  rule: {
    decimal?: { formula1: unknown; formula2?: unknown; operator: string };
    wholeNumber?: { formula1: unknown; formula2?: unknown; operator: string };
    list?: { inCellDropDown: boolean; source: unknown };
    custom?: { formula: string };
  };
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  clear(): void;
}

export interface XlConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

/** ExcelApi 1.9: several rectangles; `address` lists them sheet-qualified, comma-separated. */
export interface XlRangeAreas extends XlLoadable<XlRangeAreas> {
  readonly address: string;
  readonly isNullObject: boolean;
}

export interface XlRange extends XlLoadable<XlRange> {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  columnHidden: boolean;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly conditionalFormats: { add(type: 'Custom'): XlConditionalFormat };
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  /** ExcelApi 1.9. */
  copyFrom(sourceRange: string, copyType?: 'All' | 'Formulas' | 'Values' | 'Formats'): void;
  /** Inserts cells at the range, shifting the rest (whole columns "F:F" with 'Right'). */
  insert(shift: 'Right' | 'Down'): XlRange;
  select(): void;
  /** ExcelApi 1.4: the part of the range the sheet uses; a null object when it uses none of it. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /** ExcelApi 1.13: the merged areas within the range; a null object when there are none. */
  getMergedAreasOrNullObject(): XlRangeAreas;
}

export interface XlChangedArgs {
  readonly address: string;
  readonly source: string;
  readonly worksheetId: string;
  /** ExcelApi 1.7: RangeEdited, RowInserted, RowDeleted, ColumnInserted, ColumnDeleted, CellInserted, CellDeleted, Unknown. */
  readonly changeType?: string;
}

export interface XlEventHandlerResult {
  readonly context: unknown;
  remove(): void;
}

/** ExcelApi 1.1: a chart on a sheet (ChartTitle.text, setPosition 1.1). */
export interface XlChart extends XlLoadable<XlChart> {
  name: string;
  readonly isNullObject: boolean;
  readonly title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

export interface XlWorksheet extends XlLoadable<XlWorksheet> {
  name: string;
  readonly id: string;
  readonly isNullObject: boolean;
  visibility: string;
  tabColor: string;
  getRange(address?: string): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /** ExcelApi 1.9: several areas ("A1:A3, C5:C9") as one RangeAreas; here only to lock or unlock them at once. */
  getRanges(address: string): { readonly format: { readonly protection: { locked: boolean } } };
  activate(): void;
  delete(): void;
  readonly freezePanes: { freezeAt(frozenRange: string): void; unfreeze(): void };
  readonly pageLayout: XlPageLayout;
  /** ExcelApi 1.1 (getItemOrNullObject 1.4): the sheet's charts; `type` as Excel.ChartType's string values. */
  readonly charts: {
    add(type: string, sourceData: XlRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XlChart;
    getItemOrNullObject(name: string): XlChart;
  };
  /** ExcelApi 1.9: the sheet's AutoFilter; apply() replaces the one there. */
  readonly autoFilter: { apply(range: string): void };
  /** ExcelApi 1.2 (options); Excel refuses protect() on a protected sheet and unprotect() without its password. */
  readonly protection: XlLoadable<unknown> & {
    readonly protected: boolean;
    readonly options: XlProtectionOptions;
    protect(options?: XlProtectionOptions): void;
    unprotect(): void;
  };
  readonly onChanged: { add(handler: (args: XlChangedArgs) => Promise<unknown>): XlEventHandlerResult };
}

/** Excel.WorksheetProtectionOptions, as far as a plan sets them (the loaded ones are passed back whole). */
export interface XlProtectionOptions {
  allowAutoFilter?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowSort?: boolean;
  selectionMode?: string;
}

export interface XlTable extends XlLoadable<XlTable> {
  name: string;
  style: string;
  readonly isNullObject: boolean;
  readonly worksheet: XlWorksheet;
  getRange(): XlRange;
  getDataBodyRange(): XlRange;
  getHeaderRowRange(): XlRange;
  delete(): void;
}

export interface XlNamedItem extends XlLoadable<XlNamedItem> {
  readonly isNullObject: boolean;
  delete(): void;
}

export interface XlWorkbook {
  readonly worksheets: XlLoadable<unknown> & {
    readonly items: XlWorksheet[];
    getItem(key: string): XlWorksheet;
    getItemOrNullObject(key: string): XlWorksheet;
    add(name?: string): XlWorksheet;
  };
  readonly tables: {
    getItem(key: string): XlTable;
    getItemOrNullObject(key: string): XlTable;
    add(address: string, hasHeaders: boolean): XlTable;
  };
  readonly names: { getItemOrNullObject(name: string): XlNamedItem; add(name: string, reference: string, comment?: string): XlNamedItem };
  /** The selected range (one area; a selection of several areas is an error). */
  getSelectedRange(): XlRange;
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    /** ExcelApi 1.9. */
    suspendScreenUpdatingUntilNextSync(): void;
    calculate(calculationType: 'Recalculate'): void;
  };
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  /** ExcelApi 1.8: events of this add-in's runtime on or off. */
  readonly runtime: { enableEvents: boolean };
  sync(): Promise<void>;
}

/** How the adapter reaches Excel: `Excel.run` and the requirement-set check, or a fake in tests. */
export interface ExcelHost {
  run<T>(batch: (context: XlContext) => Promise<T>): Promise<T>;
  /** Runs in the context an event handler was registered in (Office.js removes handlers only there). */
  runIn<T>(context: unknown, batch: (context: XlContext) => Promise<T>): Promise<T>;
  isSetSupported(name: 'ExcelApi', version: string): boolean;
}

/** Compile-time proof that Office.js's own types fit ours; never called. */
export function _officeFitsOurTypes(context: Excel.RequestContext): XlContext {
  return context;
}

/**
 * Cells as the workbook layer sees them: plain values in a 2-D grid with a top-left address, so the add-in
 * (Office.js `range.values`) and the CLI (exceljs) hand over the same shape. A1 addresses, 1-based rows and columns.
 */

/** An Excel error value (#N/A, #DIV/0! …); kept apart from text that merely looks like one. */
export interface CellError {
  readonly error: string;
}

export type CellValue = number | string | boolean | null | CellError;

/** What a template cell holds when written: a value or a formula (A1 style, English names, no leading "="). */
export type CellContent = CellValue | { readonly formula: string };

export interface Grid {
  readonly sheet: string;
  /** Address of values[0][0], e.g. "A1". */
  readonly topLeft: string;
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats beside the values (Office.js `range.numberFormat`), when known: a "0%" format marks a percent cell. */
  readonly numberFormats?: readonly (readonly (string | null | undefined)[])[];
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}

export function isFormula(content: CellContent): content is { readonly formula: string } {
  return typeof content === 'object' && content !== null && 'formula' in content;
}

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(column)}${d}${row}`;
}

export function parseAddress(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 cell address: ${address}`);
  return { row: Number(m[2]), column: columnNumber(m[1] as string) };
}

/**
 * A sheet name as a formula writes it: quoted unless it is a plain ASCII word that cannot be read as a cell
 * address (Thai names are always quoted; so is "K0", which looks like a column and a row).
 */
export function sheetRef(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "KPI!F7": the form issues carry. */
export function qualifiedAddress(sheet: string, row: number, column: number): string {
  return `${sheetRef(sheet)}!${cellAddress(row, column)}`;
}

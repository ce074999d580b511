/**
 * A plan's cell block → the writes that put it into Excel, small enough to send. Where a column's rows repeat
 * (the same formula moved down, the same constant: every row of a uniform sheet, every unit block of a multi-unit
 * sheet) the first period is written and Excel copies it down with `Range.copyFrom` (ExcelApi 1.9), which moves
 * relative references exactly as a copy and paste does; 20,000 rows of formulas then cost a few hundred bytes.
 * Everything else is written as it is, cut into row pieces below PIECE_BUDGET.
 */
import { cellAddress, isFormula, parseAddress, type CellContent } from '../workbook/cells';
import { rowFreeForm } from '../workbook/formulaShift';
import type { CellsOp } from '../workbook/plan';
import { cellInput } from './cellInput';
import { ACTION_OVERHEAD, jsonBytes, PIECE_BUDGET } from './requestSize';

export type CellWrite =
  | { readonly kind: 'write'; readonly address: string; readonly formulas: (string | number | boolean)[][]; readonly bytes: number }
  /** Copy the formulas and values of `source` over `target`, a whole number of times (Excel tiles the copy). */
  | { readonly kind: 'copy'; readonly source: string; readonly target: string; readonly bytes: number };

/** Periods tried besides the plan's hint: uniform rows (1) and short repeating patterns of indicator kinds. */
const MAX_PERIOD = 64;

export function cellWrites(op: CellsOp, canCopy: boolean): CellWrite[] {
  const rows = op.contents.length;
  const width = Math.max(0, ...op.contents.map((r) => r.length));
  if (rows === 0 || width === 0) return [];
  const origin = parseAddress(op.topLeft);
  const at = (r: number, c: number): CellContent => op.contents[r]?.[c] ?? null;
  const periods = Array.from({ length: width }, (_, c) => (canCopy ? periodOf(op, c, origin.row, op.repeatEvery) : 0));

  const out: CellWrite[] = [];
  // Runs of neighbouring columns with the same period (0: written as they are) become one rectangle each.
  for (let c = 0; c < width;) {
    let end = c + 1;
    while (end < width && periods[end] === periods[c]) end++;
    const p = periods[c] as number;
    if (p === 0) {
      out.push(...explicit(at, origin, 0, rows, c, end));
    } else {
      const copies = Math.floor((rows - p) / p);
      out.push(...explicit(at, origin, 0, p, c, end));
      const range = (r0: number, r1: number): string =>
        `${cellAddress(origin.row + r0, origin.column + c)}:${cellAddress(origin.row + r1 - 1, origin.column + end - 1)}`;
      const source = range(0, p);
      const target = range(p, p + copies * p);
      out.push({ kind: 'copy', source, target, bytes: ACTION_OVERHEAD + source.length + target.length });
      out.push(...explicit(at, origin, p + copies * p, rows, c, end));
    }
    c = end;
  }
  return out;
}

/** The smallest p such that every row repeats the row p above it (formulas compared moved), or 0. */
function periodOf(op: CellsOp, column: number, firstRow: number, hint: number | undefined): number {
  const rows = op.contents.length;
  const keys = op.contents.map((row, r) => {
    const cell = row[column] ?? null;
    return isFormula(cell) ? `f${rowFreeForm(cell.formula, firstRow + r)}` : `v${JSON.stringify(cell)}`;
  });
  const candidates = Array.from({ length: MAX_PERIOD }, (_, i) => i + 1);
  if (hint !== undefined && hint > MAX_PERIOD) candidates.push(hint);
  for (const p of candidates) {
    // Worth it only when at least one whole copy follows the first period.
    if (rows < 2 * p) break;
    let ok = true;
    for (let r = p; r < rows && ok; r++) ok = keys[r] === keys[r - p];
    if (ok) return p;
  }
  return 0;
}

function explicit(
  at: (r: number, c: number) => CellContent,
  origin: { row: number; column: number },
  r0: number,
  r1: number,
  c0: number,
  c1: number,
): CellWrite[] {
  const out: CellWrite[] = [];
  let start = r0;
  let rows: (string | number | boolean)[][] = [];
  let bytes = ACTION_OVERHEAD;
  const flush = (end: number): void => {
    if (rows.length === 0) return;
    const address = `${cellAddress(origin.row + start, origin.column + c0)}:${cellAddress(origin.row + end - 1, origin.column + c1 - 1)}`;
    out.push({ kind: 'write', address, formulas: rows, bytes });
    rows = [];
    bytes = ACTION_OVERHEAD;
    start = end;
  };
  for (let r = r0; r < r1; r++) {
    const row: (string | number | boolean)[] = [];
    for (let c = c0; c < c1; c++) row.push(cellInput(at(r, c)));
    const b = jsonBytes(row) + 1;
    if (bytes + b > PIECE_BUDGET) flush(r);
    rows.push(row);
    bytes += b;
  }
  flush(r1);
  return out;
}

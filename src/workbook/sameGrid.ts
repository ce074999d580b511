/**
 * Whether two reads of a range hold the same cells: the same rectangle, the same values, number formats, formulas,
 * merges and columns left out. A reading is a function of the cells (with the assessment and the headers), so a
 * caller holding the reading of an equal grid need not read it again: comparing 10,000 rows cell by cell takes a
 * few milliseconds, reading them as a KPI sheet a few hundred.
 */
import type { RangeGrid } from './port';

type Rows = readonly (readonly unknown[] | undefined)[] | undefined;

export function sameGrid(a: RangeGrid, b: RangeGrid): boolean {
  return (
    a.sheet === b.sheet &&
    a.topLeft === b.topLeft &&
    a.address === b.address &&
    a.rowCount === b.rowCount &&
    a.columnCount === b.columnCount &&
    sameRows(a.values, b.values) &&
    sameRows(a.numberFormats, b.numberFormats) &&
    sameRows(a.formulas, b.formulas) &&
    sameList(a.merges, b.merges) &&
    a.skipped?.headRows === b.skipped?.headRows &&
    sameList(a.skipped?.columns, b.skipped?.columns)
  );
}

function sameRows(a: Rows, b: Rows): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) if (!sameCells(a[r], b[r])) return false;
  return true;
}

function sameCells(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) if (!sameCell(a[c], b[c])) return false;
  return true;
}

/** Cells are primitives, null, or an error object (`{ error }`). */
function sameCell(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => x[k] === y[k]);
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((v, i) => v === b[i]);
}

/**
 * Moving an A1 formula down or up by some rows, as Excel does when a formula is copied: relative row numbers change,
 * absolute ones ($5) do not. Used to tell that rows hold "the same formula" (row r's formula is row r−p's moved
 * down p rows), so a port can send it once and let the workbook copy it, and to lay out repeated blocks.
 *
 * Knows just enough of the formula grammar for the formulas this code writes: string literals and quoted sheet
 * names are skipped; a cell reference is letters then digits not touching a name character, so defined names
 * (ScorebookScore_1) and functions (LOG10) are left alone.
 */

export function shiftRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  return rowShifter(formula)(delta);
}

/**
 * shiftRows of one formula by many deltas (a row copied down a column, a unit block repeated): the formula is
 * scanned once, then each move only joins its pieces with the moved row numbers.
 */
export function rowShifter(formula: string): (delta: number) => string {
  // pieces[0], row 0, pieces[1], row 1, …: the text between relative row numbers, and those numbers.
  const pieces: string[] = [];
  const rows: number[] = [];
  let last = 0;
  formula.replace(TOKENS, (whole, quoted: string | undefined, colAbs: string, col: string, rowAbs: string, row: string, at: number) => {
    if (quoted === undefined && rowAbs !== '$') {
      pieces.push(formula.slice(last, at + whole.length - row.length));
      rows.push(Number(row));
      last = at + whole.length;
    }
    return whole;
  });
  const tail = formula.slice(last);
  return (delta) => {
    if (delta === 0) return formula;
    let out = '';
    for (let i = 0; i < rows.length; i++) {
      const moved = (rows[i] as number) + delta;
      if (moved < 1) throw new Error(`moving ${formula} by ${delta} rows leaves the sheet`);
      out += (pieces[i] as string) + String(moved);
    }
    return out + tail;
  };
}

/**
 * The formula as written in row `row`, made independent of its row (relative rows become offsets, like R1C1):
 * two cells hold the same formula moved exactly when their forms are equal.
 */
export function rowFreeForm(formula: string, row: number): string {
  return mapRelativeRows(formula, (r) => `[${r - row}]`);
}

/**
 * References of the formula's own sheet to column `from` or right of it, moved `count` columns right, absolute or
 * not: what Excel does to a formula when columns are inserted (a conditional format's rule, which a port that is not
 * Excel has to move itself). References qualified by a sheet name are left alone.
 */
export function shiftColumnsFrom(formula: string, from: number, count: number): string {
  if (count === 0) return formula;
  return formula.replace(
    TOKENS,
    (whole, quoted: string | undefined, colAbs: string, col: string, rowAbs: string, row: string, at: number) => {
      if (quoted !== undefined || formula[at - 1] === '!') return whole;
      const c = columnIndex(col);
      return c >= from ? `${colAbs}${columnName(c + count)}${rowAbs}${row}` : whole;
    },
  );
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * One pass of a regular expression (this runs on every cell of 20,000-row sheets): a string literal or a quoted sheet
 * name is kept whole; a reference is letters then digits with no name character before it and none, nor "(" or "!",
 * after it.
 */
const TOKENS = /("(?:[^"]|"")*"?|'(?:[^']|'')*'?)|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(!])/g;

function mapRelativeRows(formula: string, map: (row: number) => string): string {
  return formula.replace(TOKENS, (whole, quoted: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) =>
    quoted !== undefined ? whole : `${colAbs}${col}${rowAbs}${rowAbs === '$' ? row : map(Number(row))}`,
  );
}

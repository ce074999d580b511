/**
 * Moving an A1 formula down or up by some rows, as Excel does when a formula is copied: relative row numbers change,
 * absolute ones ($5) do not. Used to tell that rows hold "the same formula" (row r's formula is row r−p's moved
 * down p rows), so a port can send it once and let the workbook copy it, and to lay out repeated blocks.
 *
 * Knows just enough of the formula grammar for the formulas this code writes: string literals and quoted sheet
 * names are skipped; a cell reference is letters then digits not touching a name character, so defined names
 * (ScorebookScore_1) and functions (LOG10) are left alone.
 */

const NAME_CHAR = /[A-Za-z0-9_.]/;
const REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/;

export function shiftRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  return mapRelativeRows(formula, (row) => {
    const moved = row + delta;
    if (moved < 1) throw new Error(`moving ${formula} by ${delta} rows leaves the sheet`);
    return String(moved);
  });
}

/**
 * The formula as written in row `row`, made independent of its row (relative rows become offsets, like R1C1):
 * two cells hold the same formula moved exactly when their forms are equal.
 */
export function rowFreeForm(formula: string, row: number): string {
  return mapRelativeRows(formula, (r) => `[${r - row}]`);
}

function mapRelativeRows(formula: string, map: (row: number) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const before = i > 0 ? (formula[i - 1] as string) : '';
    if (!NAME_CHAR.test(before) && before !== '$') {
      const m = REF.exec(formula.slice(i, i + 12));
      if (m) {
        const after = formula[i + m[0].length] ?? '';
        if (!NAME_CHAR.test(after) && after !== '(' && after !== '!') {
          const [, colAbs, col, rowAbs, row] = m as unknown as [string, string, string, string, string];
          out += `${colAbs}${col}${rowAbs}${rowAbs === '$' ? row : map(Number(row))}`;
          i += m[0].length;
          continue;
        }
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** Index just past the quote closing the literal opened at `start` (a doubled quote is an escaped one). */
function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

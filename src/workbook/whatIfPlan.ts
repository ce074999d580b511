/**
 * The what-if column (ผลสมมติ) of a bound sheet: a column for trying values beside the real results, inserted right
 * after the row's input columns (result, ratio variables, steps), so the value tried stands next to the value
 * typed. Inserting (plan.ts `insertColumns`) moves the score, text and helper columns one to the right with their
 * formulas, names, formats and table; the binding record names columns by header, so it stays true.
 *
 * The sheet reader does not know the header, so nothing typed there is ever read as a result or reported.
 */
import { cellAddress, columnLetter } from './cells';
import type { ColumnRole } from './headers';
import type { WriteOp } from './plan';

export const WHAT_IF_HEADER = 'ผลสมมติ (What-if)';

/** Colours of the column: a lilac unlike the template's input cream, so it never reads as a field to report. */
export const WHAT_IF_COLORS = { header: '#E8DEF8', body: '#F6F1FC' } as const;

export interface WhatIfColumnInput {
  readonly sheet: string;
  readonly headerRow: number;
  /** The reading's columns: role → 0-based index in the grid read. */
  readonly columns: ReadonlyMap<ColumnRole, number>;
  /** The grid's first sheet column (1-based). */
  readonly originColumn: number;
  /** The last sheet row holding an indicator. */
  readonly lastRow: number;
  /** Where a column right of everything goes (1-based): used only when the sheet has no input column. */
  readonly nextFreeColumn: number;
}

const isValueInput = (role: ColumnRole): boolean =>
  role === 'result' || role === 'numerator' || role === 'denominator' || /^step\d+$/.test(role);

/** The 1-based column the what-if column takes: right after the last input column. */
export function whatIfColumnAt(input: Pick<WhatIfColumnInput, 'columns' | 'originColumn' | 'nextFreeColumn'>): {
  column: number;
  insert: boolean;
} {
  const inputs = [...input.columns].filter(([role]) => isValueInput(role)).map(([, c]) => input.originColumn + c);
  if (inputs.length === 0) return { column: input.nextFreeColumn, insert: false };
  return { column: Math.max(...inputs) + 1, insert: true };
}

/** The ops that insert the what-if column, head it and format it; later ops address the sheet after the insertion. */
export function whatIfColumnOps(input: WhatIfColumnInput): { ops: WriteOp[]; column: number } {
  const { sheet, headerRow } = input;
  const { column, insert } = whatIfColumnAt(input);
  const letter = columnLetter(column);
  const body = `${letter}${headerRow + 1}:${letter}${Math.max(headerRow + 1, input.lastRow)}`;
  return {
    column,
    ops: [
      ...(insert ? [{ kind: 'insertColumns', sheet, columns: `${letter}:${letter}` } as const] : []),
      { kind: 'cells', sheet, topLeft: cellAddress(headerRow, column), contents: [[WHAT_IF_HEADER]] },
      { kind: 'style', sheet, address: cellAddress(headerRow, column), bold: true, fill: WHAT_IF_COLORS.header, wrap: true },
      { kind: 'style', sheet, address: body, fill: WHAT_IF_COLORS.body, italic: true },
      { kind: 'numberFormat', sheet, address: body, format: '#,##0.00' },
      // Excel gives an inserted column the validation of the column to its left (a step's 1-or-0): any number here.
      {
        kind: 'validation',
        sheet,
        address: body,
        rule: { type: 'decimal' },
        prompt: {
          title: 'ผลสมมติ (What-if)',
          message: 'ลองค่าที่นี่ ไม่นับเป็นผลจริงและไม่ถูกส่ง / Try a value here: it is not a result and is never sent.',
        },
        error: { title: 'ต้องเป็นตัวเลข (Number)', message: 'ค่าสมมติต้องเป็นตัวเลข / A what-if value must be a number.', style: 'warning' },
      },
      { kind: 'columns', sheet, columns: `${letter}:${letter}`, width: 100, hidden: false },
      // Typed in on a protected sheet too (whatever lock Excel gave the inserted column); a no-op on an unprotected one.
      { kind: 'lock', sheet, address: body, locked: false },
    ],
  };
}

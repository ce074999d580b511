/**
 * The binding record (binding.ts) as plan ops: the very hidden `_scorebook` sheet, rewritten whole. A very hidden
 * sheet survives saving and reopening, is not listed in Excel's "Unhide", and moves with the file when it is
 * mailed; rows of the KPI sheet are matched by their indicator-id column, so sorting, filtering and inserting rows
 * in the KPI sheet never invalidate it.
 */
import { BINDING_SHEET, bindingRows, type BindingRecord } from './binding';
import type { CellContent } from './cells';
import type { WriteOp, WritePlan } from './plan';

export function bindingOps(record: BindingRecord): WriteOp[] {
  const rows: CellContent[][] = bindingRows(record);
  return [
    // Made visible-less first and cleared, so a shorter record leaves no stale continuation rows behind.
    { kind: 'sheet', sheet: BINDING_SHEET, ifExists: 'clear', visibility: 'veryHidden' },
    { kind: 'numberFormat', sheet: BINDING_SHEET, address: `A1:B${rows.length}`, format: '@' },
    { kind: 'cells', sheet: BINDING_SHEET, topLeft: 'A1', contents: rows },
  ];
}

/** What a binding write asks Excel first (does the sheet exist, is it protected), for a probe that rides on a read. */
export const BINDING_PROBE: WritePlan = {
  title: 'write binding',
  ops: [{ kind: 'sheet', sheet: BINDING_SHEET, ifExists: 'clear', visibility: 'veryHidden' }],
};

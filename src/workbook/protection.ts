/**
 * Sheet protection of the KPI sheets the add-in makes (single- and multi-unit), as `scorebook template` protects
 * its own: only what a person types is unlocked — a row's result, ratio variables, steps (as many as its indicator
 * has) and its three texts — and everything else stays locked: ids, names, weights, targets, formulas, helper and
 * status columns, a central result's cells for whoever is not central staff, and the inputs of approved rows.
 *
 * No password, on purpose: protection here guards against typing over a formula or an approved value by accident,
 * not against a person, who can lift it deliberately (Review > Unprotect Sheet). Sorting is not allowed: Excel
 * refuses to sort a range holding locked cells anyway, and sorting only a column of unlocked inputs would move the
 * results away from their ids (the pane offers no sort). Filtering, column and row formats stay allowed.
 */
import { isGroup, type Indicator } from '../domain';
import { cellAddress, parseAddress, type Grid } from './cells';
import { isRowTextRole, type ColumnRole } from './headers';
import type { KpiLayout, LayoutColumn } from './layout';
import type { LockOp, ProtectionOptions, ProtectOp } from './plan';
import type { SheetReading } from './readGrid';

/** What a protected KPI sheet still allows: filters, column widths and row heights, selecting any cell. */
export const KPI_PROTECTION: ProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: false,
  selectionMode: 'Normal',
};

export interface LockChoice {
  /** Central staff enter central results and central variables (ข้อมูลส่วนกลาง); for anyone else they stay locked. */
  readonly central?: boolean;
  /** Indicators the server holds as approved: their inputs stay locked. */
  readonly approved?: ReadonlySet<string>;
}

/** The input roles of an indicator's row a person may type in (nothing else on the row is theirs). */
export function editableRoles(indicator: Indicator, choice: Pick<LockChoice, 'central'> = {}): ColumnRole[] {
  const texts: ColumnRole[] = ['explanation', 'obstacles', 'note'];
  if (isGroup(indicator)) return texts;
  if (indicator.centralResult && !choice.central) return texts;
  if (indicator.kind === 'quantitative') return ['result', ...texts];
  if (indicator.kind === 'ratio') {
    const vars = indicator.variables.flatMap((v, k): ColumnRole[] =>
      v.central && !choice.central ? [] : [k === 0 ? 'numerator' : 'denominator'],
    );
    return [...vars, ...texts];
  }
  return [...indicator.steps.map((_, k): ColumnRole => `step${k + 1}`), ...texts];
}

/** Columns that may hold an input on some row. */
export const isLockableRole = (role: ColumnRole): boolean =>
  role === 'result' || role === 'numerator' || role === 'denominator' || isRowTextRole(role) || /^step\d+$/.test(role);

/**
 * The unlocked ranges of a sheet's data rows: per input column, the runs of consecutive rows whose indicator takes
 * that input, so a table of 40 rows is a few dozen ranges whatever its kinds.
 */
export function editableRanges(
  columns: readonly LayoutColumn[],
  rows: readonly { readonly row: number; readonly indicator: Indicator }[],
  choice: LockChoice = {},
): string[] {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const roles = sorted.map((r) =>
    choice.approved?.has(r.indicator.id) ? new Set<ColumnRole>() : new Set(editableRoles(r.indicator, choice)),
  );
  const out: string[] = [];
  for (const c of columns) {
    if (!isLockableRole(c.role)) continue;
    let start: number | undefined;
    let last = 0;
    const close = (): void => {
      if (start !== undefined)
        out.push(start === last ? cellAddress(start, c.column) : `${cellAddress(start, c.column)}:${cellAddress(last, c.column)}`);
      start = undefined;
    };
    sorted.forEach((r, k) => {
      if (!(roles[k] as Set<ColumnRole>).has(c.role)) return close();
      if (start !== undefined && r.row !== last + 1) close();
      start ??= r.row;
      last = r.row;
    });
    close();
  }
  return out;
}

/** The protect op of a KPI sheet made from its layout (kpiPlan.ts; multiUnitPlan.ts gives every unit's rows). */
export function kpiProtectOp(
  layout: Pick<KpiLayout, 'sheet' | 'columns' | 'rows'>,
  choice: LockChoice = {},
  rows: readonly { readonly row: number; readonly indicator: Indicator }[] = layout.rows,
): ProtectOp {
  return { kind: 'protect', sheet: layout.sheet, unlocked: editableRanges(layout.columns, rows, choice), ...KPI_PROTECTION };
}

/**
 * Approved rows locked and rows no longer approved unlocked again, on a sheet as read (its grid and reading): what
 * the server's statuses call for after a refresh or a submit. Every approved row is locked each time (idempotent);
 * a row approved before and not now gets back the cells its indicator takes. On an unprotected sheet the port does
 * nothing with these (plan.ts LockOp), so a hand-made sheet's approved rows are only warned about while typing.
 */
export function approvedLockOps(
  grid: Pick<Grid, 'sheet' | 'topLeft'>,
  reading: Pick<SheetReading, 'cells' | 'columns'>,
  indicators: ReadonlyMap<string, Indicator>,
  approvedBefore: ReadonlySet<string>,
  approvedNow: ReadonlySet<string>,
  choice: Pick<LockChoice, 'central'> = {},
): LockOp[] {
  const origin = parseAddress(grid.topLeft).column;
  const ops: LockOp[] = [];
  for (const [id, cells] of reading.cells) {
    const indicator = indicators.get(id);
    if (!indicator) continue;
    const now = approvedNow.has(id);
    if (!now && !approvedBefore.has(id)) continue;
    const roles = now ? [...reading.columns.keys()].filter(isLockableRole) : editableRoles(indicator, choice);
    const columns = roles.flatMap((role) => {
      const index = reading.columns.get(role);
      return index === undefined ? [] : [origin + index];
    });
    for (const [from, to] of spans(columns)) {
      const address = from === to ? cellAddress(cells.row, from) : `${cellAddress(cells.row, from)}:${cellAddress(cells.row, to)}`;
      ops.push({ kind: 'lock', sheet: grid.sheet, address, locked: now });
    }
  }
  return ops;
}

/** Column numbers → runs of adjacent ones, [first, last]. */
function spans(columns: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of [...new Set(columns)].sort((a, b) => a - b)) {
    const run = out[out.length - 1];
    if (run && c === run[1] + 1) run[1] = c;
    else out.push([c, c]);
  }
  return out;
}

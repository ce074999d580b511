/**
 * A row made to stand out in the sheet by filling the cells a person types in (results, steps, ratio variables,
 * explanation, obstacles, remarks), and put back to the template's input colour. Used for rows changed since the
 * server last confirmed them; reusable for any other row state that needs a fill. The write plan has no "no fill",
 * so a row is put back to the colour the template gives those cells, which a template's own input cells had.
 *
 * Rows and columns are grouped into rectangles, so 500 rows marked by one paste are a handful of style ops.
 */
import { isInputRole, type SheetReading } from '../../workbook';
import { COLORS } from '../../workbook/kpiPlan';
import { cellAddress } from '../../workbook';
import type { StyleOp } from '../../workbook/plan';

export const ROW_FILLS = {
  /** Amber: changed here, not yet confirmed by the server. Unlike the template's cream and the red of unusable input. */
  changed: '#FFE699',
  /** The template's input colour: a row put back. */
  input: COLORS.input,
} as const;

/**
 * Style ops filling the typed-in cells of the given sheet rows. `reading.columns` holds 0-based grid columns;
 * `originColumn` is the grid's first sheet column (1-based).
 */
export function rowFillOps(
  sheet: string,
  reading: Pick<SheetReading, 'columns'>,
  originColumn: number,
  rows: Iterable<number>,
  fill: string,
): StyleOp[] {
  const columns = [...reading.columns]
    .filter(([role]) => isInputRole(role))
    .map(([, c]) => originColumn + c)
    .sort((a, b) => a - b);
  const ops: StyleOp[] = [];
  for (const [r0, r1] of runs([...rows].sort((a, b) => a - b))) {
    for (const [c0, c1] of runs(columns)) {
      ops.push({ kind: 'style', sheet, address: `${cellAddress(r0, c0)}:${cellAddress(r1, c1)}`, fill });
    }
  }
  return ops;
}

/** Sorted numbers → [first, last] of each run of consecutive ones. */
function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else if (!last || n !== last[1]) out.push([n, n]);
  }
  return out;
}

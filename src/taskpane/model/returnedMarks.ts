/**
 * Rows the approver returned (ส่งคืนให้แก้ไข) stand out in the sheet: their id and name cells and their status
 * cell get an orange fill, so a reporter scrolling a long sheet finds them without the pane. The fill goes once
 * the row is no longer returned in the link (resubmitted and accepted, or approved later). Input cells are left
 * alone: they keep the template's input colour, and taking a mark away there would take that colour too.
 *
 * What the marks follow is the server link (serverLink.ts) before and after an answer, so the plan needs no
 * reading of the sheet's fills: mark every row returned now (idempotent), unmark the rows returned before and not
 * now ("none": an Excel table's banding shows again). Pure; the caller applies it with the status column's plan.
 */
import { cellAddress, parseAddress, type Grid, type SheetReading } from '../../workbook';
import type { StyleOp, WritePlan } from '../../workbook/plan';
import type { ServerLink } from './serverLink';
import { STATUS_HEADER } from './statusColumn';

/** Orange, apart from the template's colours (input, invalid, score levels) and the "changed, not sent" mark. */
export const RETURNED_FILL = '#F4B084';

export function returnedMarksPlan(
  grid: Grid,
  reading: Pick<SheetReading, 'cells' | 'columns' | 'headerRow'>,
  before: ServerLink,
  after: ServerLink,
): WritePlan | undefined {
  const origin = parseAddress(grid.topLeft);
  const ops: StyleOp[] = [];
  const columns = markedColumns(grid, reading, origin);
  for (const [id, cells] of reading.cells) {
    const now = after.rows[id]?.status === 'returned';
    const was = before.rows[id]?.status === 'returned';
    if (!now && !was) continue;
    const fill = now ? RETURNED_FILL : 'none';
    for (const [from, to] of columns) {
      const address = from === to ? cellAddress(cells.row, from) : `${cellAddress(cells.row, from)}:${cellAddress(cells.row, to)}`;
      ops.push({ kind: 'style', sheet: grid.sheet, address, fill });
    }
  }
  return ops.length > 0 ? { title: 'mark returned rows', ops } : undefined;
}

/**
 * 1-based column spans to mark: id and name (one span when side by side) and the status column — where the
 * status column plan finds or puts it: by its header, or right of everything the sheet uses.
 */
function markedColumns(
  grid: Grid,
  reading: Pick<SheetReading, 'columns' | 'headerRow'>,
  origin: { column: number; row: number },
): [number, number][] {
  const at = (index: number | undefined): number | undefined => (index === undefined ? undefined : origin.column + index);
  const id = at(reading.columns.get('id'));
  const name = at(reading.columns.get('name'));
  const header = grid.values[reading.headerRow - origin.row] ?? [];
  const existing = header.findIndex((v) => v === STATUS_HEADER);
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const status = origin.column + (existing >= 0 ? existing : width);
  const spans: [number, number][] = [];
  if (id !== undefined && name !== undefined && Math.abs(id - name) === 1) spans.push([Math.min(id, name), Math.max(id, name)]);
  else for (const c of [id, name]) if (c !== undefined) spans.push([c, c]);
  spans.push([status, status]);
  return spans;
}

/**
 * What a person wrote about each indicator's row — คำชี้แจงการปฏิบัติงาน (explanation), อุปสรรค (obstacles),
 * หมายเหตุ (remarks) — read from a sheet already read by `readKpiGrid`, as the report fields they travel as.
 * The pane and `scorebook submit` send them with the row; a blank cell is null.
 */
import { changedReportTexts } from '../domain';
import { parseAddress, type Grid } from './cells';
import { ROW_TEXT_FIELDS, ROW_TEXT_ROLES, type RowTextField } from './headers';
import type { SheetReading } from './readGrid';

/** Only the fields whose column the sheet has: a sheet without the column leaves the server's text alone. */
export type RowTexts = Partial<Record<RowTextField, string | null>>;

/**
 * Opaque (`rowTextsMemo()`): each row's texts kept by the row's array of values, so a live sheet whose unchanged
 * rows are the very arrays read before (the pane's kept read) gets the same texts objects back for them.
 */
export interface RowTextsMemo {
  /** @internal the text columns the rows were read with */
  key: string;
  /** @internal */
  rows: WeakMap<object, RowTexts>;
}

export function rowTextsMemo(): RowTextsMemo {
  return { key: '', rows: new WeakMap() };
}

export function rowTextsOf(grid: Grid, reading: Pick<SheetReading, 'cells' | 'columns'>, memo?: RowTextsMemo): Map<string, RowTexts> {
  const present = ROW_TEXT_FIELDS.flatMap((field) => {
    const column = reading.columns.get(ROW_TEXT_ROLES[field]);
    return column === undefined ? [] : [[field, column] as const];
  });
  if (memo) {
    const key = JSON.stringify(present);
    if (memo.key !== key) {
      memo.key = key;
      memo.rows = new WeakMap();
    }
  }
  const origin = parseAddress(grid.topLeft);
  const out = new Map<string, RowTexts>();
  for (const [id, cells] of reading.cells) {
    const row = grid.values[cells.row - origin.row];
    const kept = row && memo?.rows.get(row);
    if (kept) {
      out.set(id, kept);
      continue;
    }
    const texts: RowTexts = {};
    for (const [field, column] of present) texts[field] = cellText(row?.[column]);
    if (row && memo) memo.rows.set(row, texts);
    out.set(id, texts);
  }
  return out;
}

/**
 * The texts that differ from what the server holds (`known`: its row, or what it last confirmed; absent: nothing
 * stored, so every text is null there). A text set back to the server's is not a change. The domain's rule
 * (rowChange.ts), shared with the server.
 */
export function changedTextFields(
  texts: RowTexts | undefined,
  known: Partial<Record<RowTextField, string | null>> | undefined,
): RowTextField[] {
  return changedReportTexts(texts, known);
}

/** Text as the person sees it, trimmed; blank (or an error value, which is not something they wrote) is null. */
function cellText(v: unknown): string | null {
  if (v === null || v === undefined || typeof v === 'object') return null;
  const text = String(v).trim();
  return text === '' ? null : text;
}

/**
 * Sheets the pane writes as a whole and rewrites on refresh (the overview, a unit's history): known again by a mark
 * in their second row ("scorebook/overview@1 · …"), so a refresh replaces only a sheet the pane made, and a sheet of
 * the same name that a person made is asked about first, through the replace guard (replaceGuard.ts).
 *
 * On a sheet the pane made, the columns its table spans (up to the header row's last header, hidden ones too) are
 * the pane's: a refresh writes them again. A cell typed right of them — a person's own column of notes — is theirs,
 * and the guard says it would go. Pure.
 */
import { cellAddress, parseAddress, type CellValue } from './cells';
import type { WritePlan } from './plan';
import { sheetLoss, type SheetLoss } from './replaceGuard';

/** The row holding the mark (the title is row 1). */
export const MARK_ROW = 2;

/** Whether `values` (read from A1) are a sheet the pane made with `mark`. */
export function hasMark(values: readonly (readonly CellValue[])[], mark: string, topLeft = 'A1'): boolean {
  const origin = parseAddress(topLeft);
  const cell = values[MARK_ROW - origin.row]?.[1 - origin.column];
  return typeof cell === 'string' && cell.startsWith(mark);
}

/**
 * What writing `plan` would take from the sheet as read (`values` from `topLeft`): nothing of a sheet the pane made
 * beyond the person's own columns right of its table, everything typed on any other sheet (sheetLoss).
 */
export function ownSheetLoss(
  plan: WritePlan,
  now: { readonly sheet: string; readonly topLeft: string; readonly values: readonly (readonly CellValue[])[] },
  mark: string,
  headerRow: (values: readonly (readonly CellValue[])[], topLeft: string) => number | undefined,
): SheetLoss | undefined {
  if (!hasMark(now.values, mark, now.topLeft)) return sheetLoss(plan, now);
  const origin = parseAddress(now.topLeft);
  const header = headerRow(now.values, now.topLeft);
  const line = header === undefined ? [] : (now.values[header - origin.row] ?? []);
  let width = 0;
  line.forEach((v, i) => {
    if (v !== null && v !== '') width = i + 1;
  });
  // Only the columns right of the pane's: what is typed there is the person's (and 100,000 cells of the pane's own
  // are not asked about one by one).
  const theirs = now.values.map((row) => row.slice(width));
  if (theirs.every((row) => row.length === 0)) return undefined;
  return sheetLoss(plan, { sheet: now.sheet, topLeft: cellAddress(origin.row, origin.column + width), values: theirs });
}

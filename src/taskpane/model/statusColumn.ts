/**
 * Each row's submit outcome written into the sheet, in a status column (สถานะการส่ง) to the right of what the
 * sheet uses, found again by its header on the next submit. One cells op for the whole column: rows without a new
 * outcome keep what the column said, so a partial submit never wipes earlier statuses.
 */
import type { RowOutcome } from '../../api/submit';
import type { Locale } from '../../domain';
import { cellAddress, columnLetter, parseAddress, type CellContent, type CellValue, type Grid, type SheetReading } from '../../workbook';
import type { WriteOp, WritePlan } from '../../workbook/plan';
import { ROW_FILLS, rowFillOps } from './rowFill';

export const STATUS_HEADER = 'สถานะการส่ง (Submit status)';
/** Points: about as wide as the remarks column beside which it stands (the helper columns between are hidden). */
const STATUS_WIDTH = 160;

const LABEL: Record<RowOutcome['outcome'], { th: string; en: string }> = {
  accepted: { th: 'เซิร์ฟเวอร์รับแล้ว', en: 'accepted' },
  conflict: { th: 'ขัดแย้ง', en: 'conflict' },
  invalid: { th: 'ไม่ถูกต้อง', en: 'invalid' },
  locked: { th: 'อนุมัติแล้ว แก้ไขไม่ได้', en: 'locked (approved)' },
  pending: { th: 'รอส่งอีกครั้ง', en: 'waiting to resend' },
  refused: { th: 'ถูกปฏิเสธ', en: 'refused' },
};

export function statusText(o: RowOutcome, locale: Locale): string {
  const label = LABEL[o.outcome][locale];
  if (o.outcome === 'accepted')
    return o.result.version !== undefined ? `${label} (${locale === 'th' ? 'รุ่น' : 'version'} ${o.result.version})` : label;
  if ((o.outcome === 'conflict' || o.outcome === 'locked') && o.result.current) return `${label}: ${o.result.current.updatedBy}`;
  if (o.outcome === 'invalid') return `${label}: ${(o.result.issues ?? []).map((i) => i.message[locale]).join('; ')}`;
  return label;
}

export function outcomeTexts(outcomes: readonly RowOutcome[], locale: Locale): Map<string, string> {
  return new Map(outcomes.map((o) => [o.indicatorId, statusText(o, locale)]));
}

/**
 * The mark of a row changed here since the server last confirmed it (changeMarks.ts). The status column holds it
 * with the row's fill (rowFill.ts), so whatever replaces the text — a submit's outcome, the server's status —
 * also puts the fill back: the mark is never half there.
 */
export const CHANGED_MARK: Readonly<Record<Locale, string>> = { th: 'แก้ไขแล้ว ยังไม่ส่ง', en: 'changed, not sent' };

export function isChangeMark(text: unknown): boolean {
  return typeof text === 'string' && (text.startsWith(CHANGED_MARK.th) || text.startsWith(CHANGED_MARK.en));
}

/** The status column's 0-based index in the grid, or undefined when the sheet has none yet. */
export function statusColumnIndex(grid: Grid, reading: Pick<SheetReading, 'headerRow'>): number | undefined {
  const header = grid.values[reading.headerRow - parseAddress(grid.topLeft).row] ?? [];
  const index = header.findIndex((v) => v === STATUS_HEADER);
  return index >= 0 ? index : undefined;
}

/** What the status column says on each indicator's row now (null: blank, or no column). */
export function statusTexts(grid: Grid, reading: Pick<SheetReading, 'cells' | 'headerRow'>): Map<string, CellValue> {
  const column = statusColumnIndex(grid, reading);
  const origin = parseAddress(grid.topLeft);
  const out = new Map<string, CellValue>();
  for (const [id, { row }] of reading.cells) out.set(id, column === undefined ? null : (grid.values[row - origin.row]?.[column] ?? null));
  return out;
}

/**
 * The plan that writes each indicator's text into the status column of the sheet read as `grid` (its used range);
 * null blanks the cell. A row whose change mark is written gets the changed fill; a row whose mark is replaced
 * gets its input colour back.
 */
export function statusColumnPlan(
  grid: Grid,
  reading: Pick<SheetReading, 'cells' | 'headerRow' | 'columns'>,
  texts: ReadonlyMap<string, string | null>,
): WritePlan | undefined {
  const origin = parseAddress(grid.topLeft);
  const existing = statusColumnIndex(grid, reading) ?? -1;
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const columnIndex = existing >= 0 ? existing : width;
  const rows = new Map<number, string | null>();
  const marked: number[] = [];
  const unmarked: number[] = [];
  for (const [indicatorId, text] of texts) {
    const row = reading.cells.get(indicatorId)?.row;
    if (row === undefined) continue;
    rows.set(row, text);
    const before = existing >= 0 ? grid.values[row - origin.row]?.[existing] : null;
    if (isChangeMark(text) && !isChangeMark(before)) marked.push(row);
    if (!isChangeMark(text) && isChangeMark(before)) unmarked.push(row);
  }
  if (rows.size === 0) return undefined;
  const lastRow = Math.max(...rows.keys());
  const contents: CellContent[][] = [[STATUS_HEADER]];
  for (let row = reading.headerRow + 1; row <= lastRow; row++) {
    const before = grid.values[row - origin.row]?.[columnIndex];
    contents.push([rows.has(row) ? (rows.get(row) ?? null) : existing >= 0 && before !== undefined ? (before as CellContent) : null]);
  }
  const fills = (list: number[], fill: string) => (list.length > 0 ? rowFillOps(grid.sheet, reading, origin.column, list, fill) : []);
  const letter = columnLetter(origin.column + columnIndex);
  // A new column gets a width its texts can be read at ("อนุมัติแล้ว แก้ไขไม่ได้: …"), wrapped, not Excel's 64 px;
  // a column already there keeps the width the person may have given it.
  const readable: WriteOp[] =
    existing >= 0
      ? []
      : [
          { kind: 'columns', sheet: grid.sheet, columns: `${letter}:${letter}`, width: STATUS_WIDTH },
          { kind: 'style', sheet: grid.sheet, address: `${letter}${reading.headerRow}:${letter}${lastRow}`, wrap: true, vertical: 'top' },
        ];
  return {
    title: 'write submit statuses',
    ops: [
      { kind: 'cells', sheet: grid.sheet, topLeft: cellAddress(reading.headerRow, origin.column + columnIndex), contents },
      ...readable,
      ...fills(marked, ROW_FILLS.changed),
      ...fills(unmarked, ROW_FILLS.input),
    ],
  };
}

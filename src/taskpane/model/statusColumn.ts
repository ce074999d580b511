/**
 * Each row's submit outcome written into the sheet, in a status column (สถานะการส่ง) to the right of what the
 * sheet uses, found again by its header on the next submit. One cells op for the whole column: rows without a new
 * outcome keep what the column said, so a partial submit never wipes earlier statuses.
 */
import type { RowOutcome } from '../../api/submit';
import type { Locale } from '../../domain';
import { cellAddress, parseAddress, type CellContent, type Grid, type SheetReading } from '../../workbook';
import type { WritePlan } from '../../workbook/plan';

export const STATUS_HEADER = 'สถานะการส่ง (Submit status)';

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
  if (o.outcome === 'accepted') return o.result.version !== undefined ? `${label} (${locale === 'th' ? 'รุ่น' : 'version'} ${o.result.version})` : label;
  if ((o.outcome === 'conflict' || o.outcome === 'locked') && o.result.current) return `${label}: ${o.result.current.updatedBy}`;
  if (o.outcome === 'invalid') return `${label}: ${(o.result.issues ?? []).map((i) => i.message[locale]).join('; ')}`;
  return label;
}

export function outcomeTexts(outcomes: readonly RowOutcome[], locale: Locale): Map<string, string> {
  return new Map(outcomes.map((o) => [o.indicatorId, statusText(o, locale)]));
}

/** The plan that writes each indicator's text into the status column of the sheet read as `grid` (its used range). */
export function statusColumnPlan(grid: Grid, reading: Pick<SheetReading, 'cells' | 'headerRow'>, texts: ReadonlyMap<string, string>): WritePlan | undefined {
  const origin = parseAddress(grid.topLeft);
  const headerIndex = reading.headerRow - origin.row;
  const header = grid.values[headerIndex] ?? [];
  const existing = header.findIndex((v) => v === STATUS_HEADER);
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const columnIndex = existing >= 0 ? existing : width;
  const rows = new Map<number, string>();
  for (const [indicatorId, text] of texts) {
    const row = reading.cells.get(indicatorId)?.row;
    if (row !== undefined) rows.set(row, text);
  }
  if (rows.size === 0) return undefined;
  const lastRow = Math.max(...rows.keys());
  const contents: CellContent[][] = [[STATUS_HEADER]];
  for (let row = reading.headerRow + 1; row <= lastRow; row++) {
    const before = grid.values[row - origin.row]?.[columnIndex];
    contents.push([rows.get(row) ?? (existing >= 0 && before !== undefined ? (before as CellContent) : null)]);
  }
  return {
    title: 'write submit statuses',
    ops: [{ kind: 'cells', sheet: grid.sheet, topLeft: cellAddress(reading.headerRow, origin.column + columnIndex), contents }],
  };
}

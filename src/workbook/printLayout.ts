/**
 * How a KPI sheet prints (Thai offices print on A4): landscape, every column a person reads on one page wide,
 * as many pages tall as it takes, the table's header row repeated on every page, the hidden helper columns (keys,
 * kinds, step marks, rounds, depth columns) outside the print area, and a footer with the page number and the
 * round reported on. The same settings for `scorebook template` (src/cli/xlsx) and for the sheets the pane
 * creates (the `pageLayout` op, src/office). Names wrap in their column; `wrappedRowHeight` estimates the height
 * a wrapped name needs for a writer that cannot measure text (exceljs), where Excel measures it itself.
 */
import { cellAddress } from './cells';
import type { KpiLayout } from './layout';
import type { PageLayoutOp } from './plan';

export interface PrintSettings {
  readonly orientation: 'landscape';
  readonly fitToWidth: 1;
  /** "4:4" */
  readonly titleRows: string;
  /** "A1:P16": title to the last row, first column to the last visible one. */
  readonly printArea: string;
  /** Centred footer, Excel codes: "หน้า &P / &N · รอบ 6 เดือน". */
  readonly footer: string;
}

export function printSettings(layout: KpiLayout, round?: number): PrintSettings {
  const visible = layout.columns.filter((c) => !c.hidden).map((c) => c.column);
  const last = Math.max(1, ...visible);
  const lastRow = Math.max(layout.lastDataRow, layout.headerRow);
  return {
    orientation: 'landscape',
    fitToWidth: 1,
    titleRows: `${layout.headerRow}:${layout.headerRow}`,
    printArea: `${cellAddress(layout.titleRow, 1)}:${cellAddress(lastRow, last)}`,
    footer: footerText(round),
  };
}

/** "หน้า &P / &N" and, when the sheet reports on a round, "· รายงานรอบ 6 เดือน (round 6)". */
export function footerText(round?: number): string {
  const page = 'หน้า &P / &N';
  return round === undefined ? page : `${page} · รายงานรอบ ${round} เดือน (round ${round})`;
}

export function pageLayoutOp(layout: KpiLayout, round?: number): PageLayoutOp {
  const p = printSettings(layout, round);
  return {
    kind: 'pageLayout',
    sheet: layout.sheet,
    paper: 'A4',
    orientation: p.orientation,
    fitToWidth: p.fitToWidth,
    titleRows: p.titleRows,
    printArea: p.printArea,
    footer: p.footer,
  };
}

/** Thai marks above and below a consonant take no width of their own. */
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B-\u200D]/g;

/**
 * The height in points a wrapped text needs in a column `width` characters wide (Excel's column width unit) at
 * `fontSize` points: the lines it takes, at 1.35 × the font size each (Thai marks above and below need room).
 * An estimate (a character is taken as one width unit, marks as none), erring a line tall rather than short.
 */
export function wrappedRowHeight(text: string, width: number, fontSize = 11): number {
  const chars = text.replace(ZERO_WIDTH, '').length;
  const perLine = Math.max(1, Math.floor(width * 1.1));
  const lines = Math.max(1, Math.ceil(chars / perLine));
  return Math.ceil(lines * fontSize * 1.35 + 4);
}

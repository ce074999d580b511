/**
 * How a KPI sheet prints (Thai offices print on A4): landscape, every column a person reads on one page wide,
 * as many pages tall as it takes, the table's header row repeated on every page, the hidden helper columns (keys,
 * kinds, step marks, rounds, depth columns) outside the print area, and a footer with the page number and the
 * round reported on. The same settings for `scorebook template` (src/cli/xlsx) and for the sheets the pane
 * creates (the `pageLayout` op, src/office). Names wrap in their column; `wrappedRowHeight` estimates the height
 * a wrapped name needs for a writer that cannot measure text (exceljs), where Excel measures it itself.
 */
import { cellAddress } from './cells';
import type { ColumnRole } from './headers';
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
 * The height in points a wrapped text needs in a column `width` characters wide (Excel's column width unit, of the
 * Normal 11 pt font) at `fontSize` points: the lines it takes, at 1.6 × the font size each (Thai marks above and below
 * need room, and a substitute for TH Sarabun New, such as Laksaman, sets its lines taller). An estimate (a character
 * is taken as one width unit at 11 pt, scaled by the size, marks as none), erring a line tall rather than short.
 */
export function wrappedRowHeight(text: string, width: number, fontSize: number = SHEET_FONT.size): number {
  const perLine = Math.max(1, Math.floor((width * 0.9 * 11) / fontSize));
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.replace(ZERO_WIDTH, '').length / perLine)), 0);
  return Math.ceil(Math.max(1, lines) * fontSize * 1.6 + 4);
}

/**
 * The sheet's font: TH Sarabun New, the cabinet's standard Thai font of 2553 (free, on most government PCs, and
 * what the report's .docx names), by name only, as an xlsx cell font is: where it is not installed, Excel and
 * LibreOffice substitute a Thai font (Tahoma, Leelawadee, Laksaman). TH Sarabun draws small for its size — 14 pt
 * is about an 11 pt Latin font — so 14 pt in the table, as Thai offices set their sheets.
 */
export const SHEET_FONT = { name: 'TH Sarabun New', size: 14, titleSize: 18 } as const;

/**
 * Column widths in Excel's character units, one table for the template and the pane's sheets: the names wrap at
 * 34, the texts a person writes take about a quarter of the width (they used to take a third, which made the
 * whole sheet print at half size to fit one page wide), numbers as wide as 2,874.79 needs.
 */
export function columnChars(role: ColumnRole): number {
  if (role === 'name') return 34;
  if (role === 'explanation') return 22;
  if (role === 'obstacles') return 16;
  if (role === 'note') return 12;
  if (role === 'id') return 6;
  if (role === 'unit') return 10;
  if (role === 'weight' || role === 'score') return 8;
  if (role.startsWith('step')) return 5;
  return 9;
}

/** A character unit in points (Excel's Normal font, 7 px of 96 dpi and the cell's padding), for a port that sets widths in points. */
export const POINTS_PER_CHAR = 5.6;

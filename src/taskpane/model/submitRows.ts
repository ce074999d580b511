/**
 * Which rows a submit sends: the changed ones (serverSheet.ts `changedRows`), the ones the person selected in the
 * sheet, or all. Selected and all send a row even when unchanged — resubmitting a returned row as it stands is a
 * real need — but never a row that is blank here and was never stored (there is nothing to send), nor an
 * unchanged approved row (the server would only answer "locked"). Pure.
 */
import type { BatchRow } from '../../api';
import { leafIndicators, readResultValue, type Assessment, type RawResult, type ResultSet } from '../../domain';
import type { SheetReading } from '../../workbook';
import { changedRows, type RowTexts } from './serverSheet';
import type { ServerLink } from './serverLink';

export type SubmitScope = 'changed' | 'selected' | 'all';

/**
 * The rows of a selection as first and last row numbers: "B7:F9" → 7–9, "7:9" (whole rows) → 7–9, "C:C" (whole
 * columns) → every row. Undefined for an address that is not A1.
 */
export function selectionRows(address: string): { top: number; bottom: number } | undefined {
  const ends = address.replace(/\$/g, '').split(':');
  const rows: (number | undefined)[] = [];
  for (const end of ends) {
    const m = /^([A-Za-z]{0,3})(\d*)$/.exec(end.trim());
    if (!m || (m[1] === '' && m[2] === '')) return undefined;
    rows.push(m[2] === '' ? undefined : Number(m[2]));
  }
  const [a, b = a] = rows;
  if (a === undefined || b === undefined) return { top: 1, bottom: Number.MAX_SAFE_INTEGER };
  return { top: Math.min(a, b), bottom: Math.max(a, b) };
}

/** The indicators whose rows the selection touches on the bound sheet (other rows and other sheets: none). */
export function selectedIndicators(
  reading: Pick<SheetReading, 'cells'>,
  boundSheet: string,
  selection: { sheet: string; address: string },
): string[] {
  if (selection.sheet !== boundSheet) return [];
  const span = selectionRows(selection.address);
  if (!span) return [];
  const ids: string[] = [];
  for (const [id, cells] of reading.cells) if (cells.row >= span.top && cells.row <= span.bottom) ids.push(id);
  return ids;
}

/**
 * The rows to send for a scope. `only` (selected scope): the indicators chosen. A changed row goes as
 * `changedRows` makes it (with its texts); an unchanged one as the sheet holds it, on the version last confirmed.
 */
export function rowsToSend(
  scope: SubmitScope,
  assessment: Assessment,
  resultSet: ResultSet,
  link: ServerLink,
  texts?: ReadonlyMap<string, RowTexts>,
  only: readonly string[] = [],
  unread?: ReadonlySet<string>,
): BatchRow[] {
  const changed = changedRows(assessment, resultSet, link, texts, unread);
  if (scope === 'changed') return changed;
  const wanted = scope === 'selected' ? new Set(only) : undefined;
  const rows: BatchRow[] = [];
  // changedRows gives its rows in the order of leafIndicators (ids are unique): one walk down both finds each
  // leaf's changed row, with no map of them.
  let next = 0;
  for (const indicator of leafIndicators(assessment)) {
    const row = changed[next]?.indicatorId === indicator.id ? changed[next++] : undefined;
    if (wanted && !wanted.has(indicator.id)) continue;
    if (row) {
      rows.push(row);
      continue;
    }
    const confirmed = link.rows[indicator.id];
    const raw = resultSet.results[indicator.id];
    const blank = raw === undefined || readResultValue(indicator, raw as RawResult).status === 'not-reported';
    if ((!confirmed && blank) || confirmed?.status === 'approved') continue;
    rows.push({ indicatorId: indicator.id, value: raw ?? null, ...texts?.get(indicator.id), baseVersion: confirmed?.version ?? 0 });
  }
  return rows;
}

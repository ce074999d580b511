/**
 * The what-if column (ผลสมมติ): a column the pane adds right of the KPI table for trying values. It is found by
 * its header, so it survives reopening; the sheet reader does not know the header, so nothing typed there is
 * ever read as a result or reported.
 */
import { headerCandidates, normalizeHeader, type CellValue } from '../../workbook';

export const WHAT_IF_HEADER = 'ผลสมมติ (What-if)';
const NAMES = new Set(['ผลสมมติ', 'what-if', 'what if'].map(normalizeHeader));

/** 0-based index of the what-if column in a header row, if there is one. */
export function findWhatIfColumn(headerRow: readonly CellValue[]): number | undefined {
  const index = headerRow.findIndex((cell) => typeof cell === 'string' && headerCandidates(cell).some((c) => NAMES.has(c)));
  return index < 0 ? undefined : index;
}

/**
 * The what-if column (ผลสมมติ): a column the pane inserts beside the results for trying values (src/workbook/whatIfPlan.ts). It is found by
 * its header, so it survives reopening; the sheet reader does not know the header, so nothing typed there is
 * ever read as a result or reported.
 */
import { headerCandidates, normalizeHeader, type CellValue } from '../../workbook';

export { WHAT_IF_HEADER } from '../../workbook/whatIfPlan';
const NAMES = new Set(['ผลสมมติ', 'what-if', 'what if'].map(normalizeHeader));

/** 0-based index of the what-if column in a header row, if there is one. */
export function findWhatIfColumn(headerRow: readonly CellValue[]): number | undefined {
  const index = headerRow.findIndex((cell) => typeof cell === 'string' && headerCandidates(cell).some((c) => NAMES.has(c)));
  return index < 0 ? undefined : index;
}

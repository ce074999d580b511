/**
 * "Use the selected row" of the evidence panel: the indicator whose row the person selected in the linked sheet,
 * or why there is none — the selection is on another sheet, on no indicator row, or on a group's row (a group is
 * scored from its sub-indicators, so evidence goes on those). Several indicator rows: the topmost is used, and the
 * count is returned so the pane can say so. Pure.
 */
import { allIndicators, isGroup, type Assessment } from '../../domain';
import type { SheetReading } from '../../workbook';
import { selectedIndicators } from './submitRows';

export type SelectedIndicator =
  | { readonly ok: true; readonly indicatorId: string; readonly rows: number }
  | { readonly ok: false; readonly reason: 'other-sheet' | 'no-indicator-row' }
  | { readonly ok: false; readonly reason: 'group'; readonly indicatorId: string };

export function indicatorOfSelection(
  assessment: Assessment,
  reading: Pick<SheetReading, 'cells'>,
  boundSheet: string,
  selection: { readonly sheet: string; readonly address: string },
): SelectedIndicator {
  if (selection.sheet !== boundSheet) return { ok: false, reason: 'other-sheet' };
  const ids = selectedIndicators(reading, boundSheet, selection);
  const byId = new Map(allIndicators(assessment).map((i) => [i.id, i]));
  const row = (id: string): number => reading.cells.get(id)?.row ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...ids].sort((a, b) => row(a) - row(b));
  const leaves = sorted.filter((id) => {
    const indicator = byId.get(id);
    return indicator !== undefined && !isGroup(indicator);
  });
  const top = leaves[0];
  if (top !== undefined) return { ok: true, indicatorId: top, rows: leaves.length };
  const group = sorted[0];
  return group === undefined ? { ok: false, reason: 'no-indicator-row' } : { ok: false, reason: 'group', indicatorId: group };
}

/**
 * The number format of each column of a KPI sheet, in one place, so the template (`scorebook template`, exceljs)
 * and the sheets the pane creates (kpiPlan.ts, boundSheet.ts, through the port) show the same numbers: weights and
 * targets grouped with two decimals (7,000.00, 2,874.79), scores at the policy's decimals, ids as text, and a
 * step's 1 / 0 as ✓ / ✗ (the words a step cell may also hold, stepWords.ts), never 1/0 or TRUE/FALSE.
 */
import type { ColumnRole } from './headers';

/** Grouped thousands, two decimals: weights, targets, a computed ratio. */
export const AMOUNT_FORMAT = '#,##0.00';

/** 1 shows ✓, 0 shows ✗, anything else as it is (a number out of range stays visible, and is marked). */
export const STEP_FORMAT = '[=1]"✓";[=0]"✗";General';

export const TEXT_FORMAT = '@';

/** A score, weighted score or total at the policy's decimals ("0.00"). */
export function scoreFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

/** The format a column's data cells take; undefined: General (results as typed, texts, hidden helpers). */
export function columnFormat(role: ColumnRole, decimals: number): string | undefined {
  if (role === 'id') return TEXT_FORMAT;
  if (role === 'weight' || /^target\d+$/.test(role)) return AMOUNT_FORMAT;
  if (role === 'score' || role === 'weightedScore') return scoreFormat(decimals);
  if (/^step\d+$/.test(role)) return STEP_FORMAT;
  return undefined;
}

/**
 * The number format of each column of a KPI sheet, in one place, so the template (`scorebook template`, exceljs)
 * and the sheets the pane creates (kpiPlan.ts, boundSheet.ts, through the port) show the same numbers: weights and
 * targets grouped, at the decimals the domain's `figureDecimalsOf` gives (the report document uses the same rule:
 * 7,000.00 and 3,018.10 in Pathum Thani, 90 where every target is whole), scores at the policy's decimals, ids as
 * text, and a step's 1 / 0 as ✓ / ✗ (the words a step cell may also hold, stepWords.ts), never 1/0 or TRUE/FALSE.
 */
import { figureDecimalsOf, type Assessment, type FigureDecimals } from '../domain';
import type { ColumnRole } from './headers';

/** Grouped thousands, two decimals: a computed ratio. */
export const AMOUNT_FORMAT = '#,##0.00';

/** Grouped thousands at `decimals`: "#,##0.00", "#,##0". */
export function amountFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** What a sheet's columns are formatted by: the policy's decimals for scores, the figures' own for targets and weights. */
export interface SheetFigures {
  readonly decimals: number;
  readonly figures: FigureDecimals;
}

export function sheetFigures(assessment: Pick<Assessment, 'indicators' | 'policies'>): SheetFigures {
  return { decimals: assessment.policies.decimals, figures: figureDecimalsOf(assessment) };
}

/** 1 shows ✓, 0 shows ✗, anything else as it is (a number out of range stays visible, and is marked). */
export const STEP_FORMAT = '[=1]"✓";[=0]"✗";General';

export const TEXT_FORMAT = '@';

/** A score, weighted score or total at the policy's decimals ("0.00"). */
export function scoreFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

/** The format a column's data cells take; undefined: General (results as typed, texts, hidden helpers). */
export function columnFormat(role: ColumnRole, sheet: SheetFigures): string | undefined {
  if (role === 'id') return TEXT_FORMAT;
  if (role === 'weight') return amountFormat(sheet.figures.weight);
  if (/^target\d+$/.test(role)) return amountFormat(sheet.figures.target);
  if (role === 'score' || role === 'weightedScore') return scoreFormat(sheet.decimals);
  if (/^step\d+$/.test(role)) return STEP_FORMAT;
  return undefined;
}

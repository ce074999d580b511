/**
 * Numbers typed as text: "๘๕", "1,234.5", "85%" in a result or variable cell are text to Excel, so the sheet's
 * formulas count the row as not reported (readGrid.ts passes it as blank, with a warning) — while the domain reads
 * them perfectly well. This finds those cells with the number the domain reads, and the plan that turns each into
 * that number, so one click fixes them and says which cells it changed. Pure.
 */
import { leafIndicators, readNumber, type Assessment } from '../domain';
import { parseAddress, type Grid } from './cells';
import type { WritePlan } from './plan';
import type { SheetReading } from './readGrid';

/** Codes of the reading's warnings for a typed value the sheet's formulas cannot count: it stops the row scoring. */
export const UNREAD_CODES: ReadonlySet<string> = new Set(['text-in-number-cell', 'text-in-step-cell']);

export interface TypedNumber {
  readonly indicatorId: string;
  /** "KPI!F6" */
  readonly cell: string;
  /** "F6" */
  readonly address: string;
  readonly text: string;
  readonly value: number;
}

/** Every result or variable cell holding text the domain reads as a number (the indicator's unit decides "85%"). */
export function typedNumbers(assessment: Assessment, grid: Grid, reading: Pick<SheetReading, 'cells'>): TypedNumber[] {
  const origin = parseAddress(grid.topLeft);
  const out: TypedNumber[] = [];
  const look = (indicatorId: string, qualified: string | undefined, unit: string | undefined): void => {
    if (!qualified) return;
    const address = qualified.slice(qualified.lastIndexOf('!') + 1);
    const at = parseAddress(address);
    const v = grid.values[at.row - origin.row]?.[at.column - origin.column];
    if (typeof v !== 'string') return;
    const read = readNumber(v, { unit });
    if (read.kind === 'number') out.push({ indicatorId, cell: qualified, address, text: v, value: read.value });
  };
  for (const indicator of leafIndicators(assessment)) {
    const cells = reading.cells.get(indicator.id);
    if (!cells) continue;
    if (indicator.kind === 'quantitative') look(indicator.id, cells.result, indicator.unit);
    if (indicator.kind === 'ratio') for (const v of indicator.variables) look(indicator.id, cells.variables.get(v.id), v.unit);
  }
  return out;
}

/** Each cell set to its number (one op per cell: they are few, and scattered). */
export function typedNumbersPlan(sheet: string, fixes: readonly TypedNumber[]): WritePlan {
  return {
    title: 'turn typed text into numbers',
    ops: fixes.map((f) => ({ kind: 'cells', sheet, topLeft: f.address, contents: [[f.value]] })),
  };
}

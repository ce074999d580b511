/**
 * Results (format v1) → what to type into the template's cells, as a person would: numbers as numbers; text the
 * domain reads as a number becomes that number; unreadable text stays text, so the sheet (and `check`) still show
 * the issue instead of a silent blank.
 */
import { isGroup, leafIndicators, readNumber, type Assessment, type LeafIndicator, type RawResult, type ResultSet } from '../domain';
import type { CellValue } from './cells';
import { domainStep } from './stepWords';
import type { RowInputs, SheetInputs } from './sheetContent';

export function resultInputs(assessment: Assessment, resultSet: ResultSet): SheetInputs {
  const out = new Map<string, RowInputs>();
  for (const indicator of leafIndicators(assessment)) {
    if (isGroup(indicator)) continue;
    const raw = resultSet.results[indicator.id];
    if (raw === undefined || raw === null) continue;
    out.set(indicator.id, inputsFor(indicator, raw));
  }
  return out;
}

function inputsFor(indicator: LeafIndicator, raw: RawResult): RowInputs {
  switch (indicator.kind) {
    case 'quantitative':
      return { result: numberCell(raw, indicator.unit) };
    case 'ratio': {
      const [num, den] = indicator.variables;
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && num && den) {
        return { numerator: numberCell(raw[num.id] ?? null, num.unit), denominator: numberCell(raw[den.id] ?? null, den.unit) };
      }
      // A ratio already worked out ("85%"): the sheet only takes the variables, so it is written as value / multiplier.
      const value = numberCell(raw, indicator.unit);
      return typeof value === 'number' ? { numerator: value, denominator: indicator.multiplier } : { numerator: value };
    }
    case 'milestone':
    case 'binary':
      return { steps: stepCells(indicator, raw) };
  }
}

function numberCell(raw: RawResult, unit: string | undefined): CellValue {
  if (raw === null || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'object') return JSON.stringify(raw);
  const reading = readNumber(raw, { unit });
  return reading.kind === 'number' ? reading.value : reading.kind === 'blank' ? null : raw;
}

function stepCell(mark: unknown): CellValue {
  if (mark === null || mark === undefined) return null;
  // 1 / 0, which the step columns show as ✓ / ✗ (numberFormats.ts), never TRUE / FALSE.
  if (typeof mark === 'boolean') return mark ? 1 : 0;
  if (typeof mark === 'number') return mark;
  if (typeof mark !== 'string') return String(mark);
  const read = domainStep(mark);
  return read === 'invalid' ? mark : read;
}

function stepCells(indicator: LeafIndicator, raw: RawResult): CellValue[] {
  const m = indicator.steps.length;
  if (Array.isArray(raw)) return raw.map(stepCell);
  if (typeof raw === 'number' && indicator.kind === 'milestone' && Number.isInteger(raw) && raw >= 0 && raw <= m) {
    // A count of steps achieved, as some sheets keep it.
    return Array.from({ length: m }, (_, i) => (i < raw ? 1 : 0));
  }
  if (typeof raw === 'object' && raw !== null) return [JSON.stringify(raw)];
  return [stepCell(raw)];
}

/**
 * One indicator, however its id is written: "๑.๒" (Thai digits, as Thai documents write it) and "1.2" are the
 * same indicator in results keys, sheet id cells and API paths. The assessment's own spelling stays the id;
 * every other spelling is looked up through `indicatorKey`.
 */
import { allIndicators, type Assessment, type Indicator } from './assessment';
import { toArabicDigits } from './thaiNumbers';

/** The form two spellings of one id share: Arabic digits, no surrounding spaces. */
export function indicatorKey(id: string): string {
  return toArabicDigits(id).trim();
}

/**
 * Indicators by `indicatorKey`, for looking up many ids (a sheet, a batch) against one assessment. Made once per
 * indicator list (an assessment is immutable once read): a live sheet looks its rows up after every edit.
 */
export function indicatorsByKey(assessment: Pick<Assessment, 'indicators'>): ReadonlyMap<string, Indicator> {
  const known = byKeyOf.get(assessment.indicators);
  if (known) return known;
  const byKey = new Map<string, Indicator>();
  for (const indicator of allIndicators(assessment)) {
    const key = indicatorKey(indicator.id);
    if (!byKey.has(key)) byKey.set(key, indicator);
  }
  byKeyOf.set(assessment.indicators, byKey);
  return byKey;
}

const byKeyOf = new WeakMap<readonly Indicator[], ReadonlyMap<string, Indicator>>();

/** The assessment's spelling of an id written either way, or undefined when it names no indicator. */
export function resolveIndicatorId(assessment: Pick<Assessment, 'indicators'>, id: string): string | undefined {
  return indicatorsByKey(assessment).get(indicatorKey(id))?.id;
}

/**
 * The assessment of a binding record, checked once per document: every reader of the bound sheet (the live sheet,
 * the restored session, the server tab's actions, the replace check) takes it from here instead of running
 * zod and readAssessment over the record's document again (100 ms and more at 20,000 indicators).
 *
 * Keyed by the document object: the record reader gives the same object for the same stored text and a new one
 * when the text changes (src/workbook/unpackOnce.ts), so a changed record is never answered from the cache.
 */
import type { BindingRecord } from '../../workbook';
import { loadAssessment, type LoadResult } from './loadAssessment';

const checked = new WeakMap<object, Map<string, LoadResult>>();

export function recordAssessment(record: Pick<BindingRecord, 'assessment' | 'sheet'>): LoadResult {
  const document = record.assessment;
  if (typeof document !== 'object' || document === null) return loadAssessment(document, record.sheet);
  let bySource = checked.get(document);
  if (!bySource) checked.set(document, (bySource = new Map()));
  let loaded = bySource.get(record.sheet);
  if (!loaded) bySource.set(record.sheet, (loaded = loadAssessment(document, record.sheet)));
  return loaded;
}

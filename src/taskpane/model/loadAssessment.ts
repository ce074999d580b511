/**
 * An assessment the pane works with: the checked model the domain scores, and the document it came from, which
 * the binding record keeps in the workbook so the file can be checked later with nothing else.
 */
import { hasErrors, parseJson, readAssessment, type Assessment, type Issue } from '../../domain';

export interface LoadedAssessment {
  readonly assessment: Assessment;
  readonly document: unknown;
  /** Where it came from: a sample id or a file name. */
  readonly source: string;
  /** Warnings the document carries (weights that do not add up to 100 …). */
  readonly warnings: readonly Issue[];
}

export type LoadResult =
  { readonly ok: true; readonly value: LoadedAssessment } | { readonly ok: false; readonly issues: readonly Issue[] };

export function loadAssessment(document: unknown, source: string): LoadResult {
  const read = readAssessment(document);
  if (!read.ok || hasErrors(read.issues)) return { ok: false, issues: read.issues };
  return { ok: true, value: { assessment: read.value, document, source, warnings: read.issues } };
}

export function loadAssessmentText(text: string, source: string): LoadResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, issues: json.issues };
  const loaded = loadAssessment(json.value, source);
  // Keys written twice in the text are warnings the value alone cannot show.
  return loaded.ok && json.issues.length > 0
    ? { ok: true, value: { ...loaded.value, warnings: [...loaded.value.warnings, ...json.issues] } }
    : loaded;
}

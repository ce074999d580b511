/**
 * Errors are values: a code a program can switch on, a message in Thai and English a person can act on,
 * and where it happened (indicator, JSON path, field; the workbook layer adds the cell).
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Message {
  readonly th: string;
  readonly en: string;
}

export interface Issue {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Message;
  /** The indicator the issue is about, when there is one. */
  readonly indicatorId?: string;
  /** A JSON path into the assessment or results document, e.g. `indicators[3].targets`. */
  readonly path?: string;
  /** The part of a result: a ratio variable id or a milestone step number. */
  readonly field?: string;
  /** A cell address, filled in by whoever read the value from a sheet. */
  readonly cell?: string;
}

export type Locale = 'th' | 'en';

export function issue(
  code: string,
  severity: Severity,
  message: Message,
  where: Pick<Issue, 'indicatorId' | 'path' | 'field' | 'cell'> = {},
): Issue {
  return { code, severity, message, ...where };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

export function messageIn(m: Message, locale: Locale): string {
  return locale === 'th' ? m.th : m.en;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; stable within a severity. */
export function bySeverity(a: Issue, b: Issue): number {
  return severityRank[a.severity] - severityRank[b.severity];
}

/**
 * Warnings among the rows about to be sent: errors block a submit (`blockingIssues`), warnings ask first. They are
 * the sheet reading's own (text in a number cell, a percent format) and the domain's (a negative result) for the
 * indicators being sent, each with its cell so the person can go and look. Pure.
 */
import type { BatchRow } from '../../api';
import { indicatorsById, isGroup, readResultValue, type Assessment, type Issue, type RawResult } from '../../domain';
import { locateIssues, type SheetReading } from '../../workbook';

/** What the domain says of the rows' values, each read once: errors block the submit, warnings ask first. */
export interface RowFindings {
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

export function rowFindings(assessment: Assessment, rows: readonly BatchRow[]): RowFindings {
  const byId = indicatorsById(assessment);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const r of rows) {
    const indicator = byId.get(r.indicatorId);
    if (!indicator || isGroup(indicator)) continue;
    for (const i of readResultValue(indicator, r.value as RawResult).issues) {
      const found = { ...i, indicatorId: i.indicatorId ?? r.indicatorId };
      if (i.severity === 'error') errors.push(found);
      else if (i.severity === 'warning') warnings.push(found);
    }
  }
  return { errors, warnings };
}

/** The warnings to ask about before sending: the sheet reading's for these rows, then the domain's, each once. */
export function sendWarnings(
  assessment: Assessment,
  reading: Pick<SheetReading, 'issues' | 'cells'>,
  rows: readonly BatchRow[],
  found: RowFindings = rowFindings(assessment, rows),
): Issue[] {
  const ids = new Set(rows.map((r) => r.indicatorId));
  const fromSheet = reading.issues.filter((i) => i.severity === 'warning' && i.indicatorId !== undefined && ids.has(i.indicatorId));
  const seen = new Set<string>();
  return [...fromSheet, ...locateIssues(found.warnings, reading, assessment)].filter((i) => {
    const key = `${i.code}|${i.cell ?? ''}|${i.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Warnings among the rows about to be sent: errors block a submit (`blockingIssues`), warnings ask first. They are
 * the sheet reading's own (text in a number cell, a percent format) and the domain's (a negative result) for the
 * indicators being sent, each with its cell so the person can go and look. Pure.
 */
import type { BatchRow } from '../../api';
import { allIndicators, isGroup, readResultValue, type Assessment, type Issue, type RawResult } from '../../domain';
import { locateIssues, type SheetReading } from '../../workbook';

export function sendWarnings(assessment: Assessment, reading: Pick<SheetReading, 'issues' | 'cells'>, rows: readonly BatchRow[]): Issue[] {
  const ids = new Set(rows.map((r) => r.indicatorId));
  const byId = new Map(allIndicators(assessment).map((i) => [i.id, i]));
  const fromSheet = reading.issues.filter((i) => i.severity === 'warning' && i.indicatorId !== undefined && ids.has(i.indicatorId));
  const fromDomain = rows.flatMap((r) => {
    const indicator = byId.get(r.indicatorId);
    if (!indicator || isGroup(indicator)) return [];
    return readResultValue(indicator, r.value as RawResult)
      .issues.filter((i) => i.severity === 'warning')
      .map((i) => ({ ...i, indicatorId: i.indicatorId ?? r.indicatorId }));
  });
  const seen = new Set<string>();
  return [...fromSheet, ...locateIssues(fromDomain, reading, assessment)].filter((i) => {
    const key = `${i.code}|${i.cell ?? ''}|${i.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A unit's history (api/history.ts) as the pane's history view shows it: for the unit's total or one indicator, a
 * line per fiscal year over the rounds (6 → 9 → 12), each point with its change since the round before it (the
 * previous round of the same year; a year's first round against the last round of the year before), and the
 * latest point against the same round a year earlier. Pure; the chart and the table read it.
 */
import type { HistoryPoint, UnitHistory } from '../../api/history';
import { indicatorKey } from '../../domain';

/** What is followed: the total (self-assessed, with the certified beside it), or one indicator's result and score. */
export type HistoryMeasure = { readonly kind: 'total' } | { readonly kind: 'indicator'; readonly id: string };

export interface SeriesPoint {
  readonly assessment: string;
  /** The fiscal year (BE), or the assessment id's order when the document states none. */
  readonly year: number | null;
  readonly round: number;
  /** The total, or the indicator's result. */
  readonly value: number | null;
  /** The certified total, or the indicator's score. */
  readonly second: number | null;
  /** The value minus the value at the round before (null when either is missing or there is none). */
  readonly change: number | null;
}

export interface HistorySeries {
  readonly points: readonly SeriesPoint[];
  /** Fiscal years in order, each with its points in round order: one line each in the chart. */
  readonly years: readonly { readonly year: number | null; readonly assessment: string; readonly points: readonly SeriesPoint[] }[];
  /** Every round any year has, ascending: the chart's x axis. */
  readonly rounds: readonly number[];
  /** The latest point with a value. */
  readonly latest?: SeriesPoint;
  /** The latest point against the same round of the year before, when both have a value. */
  readonly yearOverYear?: { readonly from: SeriesPoint; readonly to: SeriesPoint; readonly change: number };
}

function measured(p: HistoryPoint, m: HistoryMeasure): { value: number | null; second: number | null } {
  if (m.kind === 'total') return { value: p.selfAssessedTotal, second: p.officialTotal };
  const key = indicatorKey(m.id);
  const row = p.indicators.find((i) => indicatorKey(i.indicator) === key);
  return { value: row?.value ?? null, second: row?.score ?? null };
}

export function historySeries(history: UnitHistory, measure: HistoryMeasure): HistorySeries {
  // The contract says oldest first; sorted again so a server that orders otherwise still draws left to right.
  const ordered = [...history.points].sort(
    (a, b) =>
      (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0) ||
      history.assessments.indexOf(b.assessment) - history.assessments.indexOf(a.assessment) ||
      a.round - b.round,
  );
  const points: SeriesPoint[] = [];
  let before: number | null = null;
  for (const p of ordered) {
    const { value, second } = measured(p, measure);
    points.push({
      assessment: p.assessment,
      year: p.fiscalYear,
      round: p.round,
      value,
      second,
      change: value !== null && before !== null ? value - before : null,
    });
    before = value;
  }
  const years: { year: number | null; assessment: string; points: SeriesPoint[] }[] = [];
  for (const p of points) {
    const last = years[years.length - 1];
    if (last && last.assessment === p.assessment) last.points.push(p);
    else years.push({ year: p.year, assessment: p.assessment, points: [p] });
  }
  const rounds = [...new Set(points.map((p) => p.round))].sort((a, b) => a - b);
  const latest = [...points].reverse().find((p) => p.value !== null);
  let yearOverYear: HistorySeries['yearOverYear'];
  if (latest) {
    const at = years.findIndex((y) => y.assessment === latest.assessment);
    const earlier = at > 0 ? years[at - 1]!.points.find((p) => p.round === latest.round && p.value !== null) : undefined;
    if (earlier) yearOverYear = { from: earlier, to: latest, change: latest.value! - earlier.value! };
  }
  return { points, years, rounds, latest, yearOverYear };
}

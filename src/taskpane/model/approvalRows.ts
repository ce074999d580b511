/**
 * The submitted rows as an approver decides on them: in the assessment's indicator order (ids the assessment does
 * not hold after, in natural order: 1, 2, 10), each with the indicator's number and name, the value as the
 * reporter sees it in the sheet (steps ✓/✗, a ratio's two variables), the targets, the level and score the domain
 * gives it, and the reporter's explanation, obstacles and remarks. Pure; scoring is src/domain's.
 */
import type { ReportRow } from '../../api';
import {
  formatNumber,
  isStepKind,
  leafIndicators,
  readStep,
  scoreAssessment,
  type Assessment,
  type LeafIndicator,
  type Locale,
  type RawResult,
} from '../../domain';
import { formatScore, formatValue } from '../format';

export interface ApprovalView {
  readonly row: ReportRow;
  readonly id: string;
  /** The indicator's name; undefined when the assessment does not hold the id. */
  readonly name?: string;
  /** The value as typed in the sheet: "97 ร้อยละ", "✓ ✓ ✗", "40 / 50 = 80". */
  readonly value: string;
  /** T1 / T2 / … in the indicator's unit; empty for steps. */
  readonly targets: string;
  /** The level reached by name ("ระดับ 3", "มาตรฐาน"), "below the first level", or undefined when not scored. */
  readonly level?: string;
  /** The score at the assessment's decimals, "—" when it does not score. */
  readonly score: string;
}

const collator = new Intl.Collator('en', { numeric: true });

/** Natural order of indicator ids: "2" before "10", "10.1" before "10.2". */
export const byIndicatorId = (a: string, b: string): number => collator.compare(a, b);

export function approvalViews(assessment: Assessment | undefined, rows: readonly ReportRow[], locale: Locale): ApprovalView[] {
  const leaves = assessment ? leafIndicators(assessment) : [];
  const order = new Map(leaves.map((l, i) => [l.id, i]));
  const sorted = [...rows].sort((a, b) => {
    const x = order.get(a.indicatorId) ?? Infinity;
    const y = order.get(b.indicatorId) ?? Infinity;
    return x !== y ? x - y : byIndicatorId(a.indicatorId, b.indicatorId);
  });
  const report = assessment
    ? scoreAssessment(assessment, { results: Object.fromEntries(rows.map((r) => [r.indicatorId, r.value])) })
    : undefined;
  const scores = new Map(report?.indicators.map((s) => [s.id, s]));
  const decimals = assessment?.policies.decimals ?? 2;
  return sorted.map((row) => {
    const indicator = leaves.find((l) => l.id === row.indicatorId);
    const scored = scores.get(row.indicatorId);
    const levels = assessment?.scale.levels ?? [];
    const level =
      scored?.level === null || scored?.level === undefined
        ? undefined
        : scored.level === 0
          ? locale === 'th'
            ? 'ต่ำกว่าระดับแรก'
            : 'below the first level'
          : levels[scored.level - 1] && (locale === 'th' ? levels[scored.level - 1]!.name : levels[scored.level - 1]!.nameEn);
    return {
      row,
      id: row.indicatorId,
      name: indicator && (locale === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name),
      value: indicator ? shownValue(indicator, row.value, decimals) : rawText(row.value),
      targets:
        indicator && !isStepKind(indicator.kind)
          ? indicator.targets.map((t) => formatValue(t, decimals)).join(' / ') + (indicator.unit ? ` ${indicator.unit}` : '')
          : '',
      level,
      score: formatScore(scored?.status === 'scored' ? scored.score : null, decimals),
    };
  });
}

/** What the reporter typed, as the sheet shows it. */
function shownValue(indicator: LeafIndicator, raw: RawResult, decimals: number): string {
  if (isStepKind(indicator.kind)) {
    const steps = Array.isArray(raw) ? raw : [raw];
    return indicator.steps
      .map((_, i) => {
        const mark = readStep(steps[i]);
        // A blank step is not achieved, as the domain scores it; an unreadable mark is said as such.
        return mark === true ? '✓' : mark === 'invalid' ? '?' : '✗';
      })
      .join(' ');
  }
  if (indicator.kind === 'ratio' && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const [num, den] = indicator.variables;
    const values = raw as Record<string, unknown>;
    const part = (v: { id: string } | undefined) => (v ? numberText(values[v.id], decimals) : '—');
    return `${part(num)} / ${part(den)}`;
  }
  return numberText(raw, decimals) + (indicator.unit ? ` ${indicator.unit}` : '');
}

function numberText(v: unknown, decimals: number): string {
  if (typeof v === 'number') return Number.isInteger(v) ? formatNumber(v, 0) : formatValue(v, decimals);
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

function rawText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

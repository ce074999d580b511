/**
 * The scoring as it was before the one-pass rewrite (two passes for the official total), kept verbatim as the
 * oracle of test/domain/onePassScoring.test.ts: the rewrite must give the very same report.
 *
 * From results to the report: each indicator's score, parents as the weighted mean of their children,
 * weighted scores (คะแนนถ่วงน้ำหนัก), component and group subtotals, the total and the late penalty (scoring.md §3–§4).
 * Full precision throughout; rounding is for display only.
 */
import { isGroup, notDueIn, type Assessment, type Indicator, type LeafIndicator } from '../../../src/domain/assessment';
import { levelReached, scoreOnCurve, type Curve } from '../../../src/domain/curve';
import type { RawResult } from '../../../src/domain/documentSchema';
import { issue, type Issue } from '../../../src/domain/issues';
import { readResultValue } from './resultValueBefore';
import { scaleScores } from '../../../src/domain/scale';
import { latePenaltyApplies, type ReportStatus } from '../../../src/domain/policies';
import { readEra, workingDaysLate } from '../../../src/domain/thaiDates';
import { formatNumber } from '../../../src/domain/thaiNumbers';

/** `not-due`: the indicator is not reported in this round (its `rounds` leave it out) and leaves the round's total. */
export type IndicatorStatus = 'scored' | 'not-reported' | 'invalid' | 'not-due';

export interface IndicatorScore {
  readonly id: string;
  readonly parent: string | null;
  readonly component: string | null;
  readonly status: IndicatorStatus;
  /** The number compared with the targets (for a ratio the computed ratio); null when there is none. */
  readonly value: number | null;
  /** 1..N, the level reached; 0 below the first; null when not scored. */
  readonly level: number | null;
  /** The score on the scale, or null when the indicator is excluded from the total. */
  readonly score: number | null;
  /** Its share of the total, on the scale's range; null when excluded. */
  readonly weightedScore: number | null;
  /** Weight in points of the total: parent weight × child weight / Σ sibling weights. */
  readonly effectiveWeight: number;
  /** What one point of this indicator's score adds to the total (weightedScore = shareOfTotal × score); null when excluded. */
  readonly shareOfTotal: number | null;
  /** Where its report stands, when the results carry statuses (null: no status given for it). */
  readonly reportStatus?: ReportStatus | null;
  /** Whether it counts in the official score (its status is certified, or for a parent, one of its children's), when the results carry statuses. */
  readonly counted?: boolean;
  readonly issues: readonly Issue[];
}

/** The official figures (seed 003): only indicators whose report status is certified count; the rest score as not reported. */
export interface OfficialScore {
  readonly total: number | null;
  readonly totalBeforePenalty: number | null;
  readonly penalty: number;
}

export interface ComponentScore {
  readonly id: string;
  /** The weighted mean of its indicators' scores, on the scale; null when none counts. */
  readonly score: number | null;
  /** Its part of the total (the sum of its indicators' weighted scores). */
  readonly weightedScore: number;
}

/**
 * A sub-group's subtotal (seed 002 ๑.๑ / ๑.๒): computed beside the total from the same weighted scores, so a group
 * never changes the total, whatever `notReported` says.
 */
export interface GroupScore {
  readonly id: string;
  readonly component: string;
  /** The weighted mean of its counted indicators' scores; null when none counts. */
  readonly score: number | null;
  /** The sum of its indicators' weighted scores. */
  readonly weightedScore: number;
}

export interface ScoreReport {
  readonly assessment: string;
  /** After the late penalty; null when no indicator counts (all excluded). */
  readonly total: number | null;
  readonly totalBeforePenalty: number | null;
  readonly penalty: number;
  readonly workingDaysLate: number;
  /** Present when the results carry report statuses: the total counting certified reports only. */
  readonly official?: OfficialScore;
  readonly components: readonly ComponentScore[];
  /** Every component's groups, in document order; empty when the assessment has none. */
  readonly groups: readonly GroupScore[];
  /** Every indicator, parents before their children, in document order. */
  readonly indicators: readonly IndicatorScore[];
  readonly issues: readonly Issue[];
}

export interface ResultSet {
  readonly results: Readonly<Record<string, RawResult | undefined>>;
  readonly round?: number;
  readonly submittedAt?: string;
  /** Each indicator's report status; when present, the report also gives the official score. */
  readonly statuses?: Readonly<Record<string, ReportStatus | undefined>>;
}

interface Scored {
  readonly status: IndicatorStatus;
  readonly score: number | null;
}

export function curveOf(indicator: LeafIndicator, assessment: Pick<Assessment, 'scale' | 'policies'>): Curve {
  return {
    targets: indicator.targets,
    scores: scaleScores(assessment.scale),
    direction: indicator.direction,
    floor: assessment.policies.floor,
    mode: assessment.policies.mode,
    floorTarget: indicator.floorTarget,
  };
}

export interface ScoreOptions {
  /** Scores to use instead of reading results: what-if asks "what if indicator X scored s". */
  readonly scoreOverrides?: ReadonlyMap<string, number>;
}

export function scoreAssessment(assessment: Assessment, resultSet: ResultSet, options: ScoreOptions = {}): ScoreReport {
  const self = scoreSelfAssessed(assessment, resultSet, options);
  const { statuses } = resultSet;
  if (statuses === undefined) return self;
  const certified = new Set<string>(assessment.policies.officialStatuses);
  const rowStatus = new Map(self.indicators.map((i) => [i.id, i.status]));
  const counts = new Map<string, boolean>();
  // A status given for a parent (and none for its child) is the child's: the report was made for the whole.
  const visit = (indicator: Indicator, inherited: ReportStatus | undefined): boolean => {
    const status = statuses[indicator.id] ?? inherited;
    const counted = isGroup(indicator)
      ? indicator.children.map((c) => visit(c, status)).some(Boolean)
      : status !== undefined && certified.has(status) && rowStatus.get(indicator.id) !== 'not-due';
    counts.set(indicator.id, counted);
    return counted;
  };
  assessment.indicators.forEach((i) => visit(i, undefined));
  // What is not certified scores as not reported: the same scoring, with only the certified results.
  const results = Object.fromEntries(Object.entries(resultSet.results).filter(([id]) => counts.get(id) === true));
  const certifiedOnly = scoreSelfAssessed(assessment, { round: resultSet.round, submittedAt: resultSet.submittedAt, results }, options);
  return {
    ...self,
    official: { total: certifiedOnly.total, totalBeforePenalty: certifiedOnly.totalBeforePenalty, penalty: certifiedOnly.penalty },
    indicators: self.indicators.map((i) => ({ ...i, reportStatus: statuses[i.id] ?? null, counted: counts.get(i.id) ?? false })),
  };
}

function scoreSelfAssessed(assessment: Assessment, resultSet: ResultSet, options: ScoreOptions): ScoreReport {
  const { policies } = assessment;
  const notDue = notDueIn(assessment, resultSet.round);
  const rows = new Map<string, { value: number | null; level: number | null; issues: readonly Issue[]; scored: Scored }>();
  const nrScore = policies.notReported === 'exclude' ? null : policies.notReported;

  const scoreLeaf = (indicator: LeafIndicator): Scored => {
    if (notDue.has(indicator.id)) {
      const scored: Scored = { status: 'not-due', score: null };
      rows.set(indicator.id, { value: null, level: null, issues: notDueIssues(indicator, resultSet), scored });
      return scored;
    }
    const override = options.scoreOverrides?.get(indicator.id);
    if (override !== undefined) {
      const scored: Scored = { status: 'scored', score: override };
      rows.set(indicator.id, { value: null, level: null, issues: [], scored });
      return scored;
    }
    const read = readResultValue(indicator, resultSet.results[indicator.id]);
    if (read.status !== 'value') {
      const scored = { status: read.status, score: nrScore };
      rows.set(indicator.id, { value: null, level: null, issues: read.issues, scored });
      return scored;
    }
    const curve = curveOf(indicator, assessment);
    const scored: Scored = { status: 'scored', score: scoreOnCurve(read.value, curve) };
    rows.set(indicator.id, { value: read.value, level: levelReached(read.value, curve), issues: read.issues, scored });
    return scored;
  };

  const scoreAny = (indicator: Indicator): Scored => {
    if (!isGroup(indicator)) return scoreLeaf(indicator);
    const children = indicator.children.map((c) => ({ weight: c.weight, ...scoreAny(c) }));
    const counted = children.filter((c) => c.score !== null);
    const weightSum = counted.reduce((s, c) => s + c.weight, 0);
    const score =
      counted.length === 0 || notDue.has(indicator.id) ? null : counted.reduce((s, c) => s + c.weight * (c.score as number), 0) / weightSum;
    const status: IndicatorStatus = notDue.has(indicator.id)
      ? 'not-due'
      : children.some((c) => c.status === 'scored')
        ? 'scored'
        : children.some((c) => c.status === 'invalid')
          ? 'invalid'
          : 'not-reported';
    const scored = { status, score };
    rows.set(indicator.id, { value: null, level: null, issues: [], scored });
    return scored;
  };

  const top = assessment.indicators.map((i) => ({ indicator: i, ...scoreAny(i) }));
  const denominator = top.filter((t) => t.score !== null).reduce((s, t) => s + t.indicator.weight, 0);

  // Weighted scores flow down: a child's share of its parent's weight, renormalised over the siblings that count.
  const indicators: IndicatorScore[] = [];
  const emit = (indicator: Indicator, factor: number | null, effectiveWeight: number): void => {
    const row = rows.get(indicator.id);
    if (!row) return;
    const { score, status } = row.scored;
    indicators.push({
      id: indicator.id,
      parent: indicator.parentId,
      component: indicator.component ?? null,
      status,
      value: row.value,
      level: row.level,
      score,
      weightedScore: score === null || factor === null ? null : factor * score,
      effectiveWeight,
      shareOfTotal: score === null ? null : factor,
      issues: row.issues,
    });
    if (!isGroup(indicator)) return;
    const all = indicator.children.reduce((s, c) => s + c.weight, 0);
    const counted = indicator.children.filter((c) => rows.get(c.id)?.scored.score !== null).reduce((s, c) => s + c.weight, 0);
    for (const child of indicator.children) {
      const childFactor = factor === null || counted === 0 ? null : (factor * child.weight) / counted;
      emit(child, childFactor, (effectiveWeight * child.weight) / all);
    }
  };
  for (const t of assessment.indicators) {
    const counts = rows.get(t.id)?.scored.score !== null && denominator > 0;
    emit(t, counts ? t.weight / denominator : null, t.weight);
  }

  const totalBeforePenalty =
    denominator > 0 ? top.reduce((s, t) => s + (t.score === null ? 0 : (t.indicator.weight * t.score) / denominator), 0) : null;
  const subtotal = (mine: readonly (typeof top)[number][]): { score: number | null; weightedScore: number } => {
    const counted = mine.filter((t) => t.score !== null);
    const weight = counted.reduce((s, t) => s + t.indicator.weight, 0);
    return {
      score: weight > 0 ? counted.reduce((s, t) => s + t.indicator.weight * (t.score as number), 0) / weight : null,
      weightedScore: denominator > 0 ? counted.reduce((s, t) => s + (t.indicator.weight * (t.score as number)) / denominator, 0) : 0,
    };
  };
  const components = assessment.components.map((c) => ({ id: c.id, ...subtotal(top.filter((t) => t.indicator.component === c.id)) }));
  const groups = assessment.components.flatMap((c) =>
    (c.groups ?? []).map((g) => ({ id: g.id, component: c.id, ...subtotal(top.filter((t) => t.indicator.group === g.id)) })),
  );

  const issues: Issue[] = [];
  const late = lateness(assessment, resultSet, issues);
  const penalty = latePenaltyApplies(policies, resultSet.round) ? late * policies.latePenaltyPerWorkingDay : 0;
  const total = totalBeforePenalty === null ? null : Math.max(0, totalBeforePenalty - penalty);
  if (totalBeforePenalty === null) {
    issues.push(
      issue('nothing-counted', 'warning', {
        th: 'ยังไม่มีตัวชี้วัดใดที่นับคะแนนได้ จึงยังไม่มีคะแนนรวม',
        en: 'no indicator counts yet, so there is no total',
      }),
    );
  }
  return { assessment: assessment.id, total, totalBeforePenalty, penalty, workingDaysLate: late, components, groups, indicators, issues };
}

function lateness(assessment: Assessment, resultSet: ResultSet, issues: Issue[]): number {
  if (resultSet.round === undefined || resultSet.submittedAt === undefined) return 0;
  const round = assessment.rounds.find((r) => r.round === resultSet.round);
  if (!round) return 0;
  // Readers convert a พ.ศ. year (and say so); a result set built in code gets the same reading.
  const days = workingDaysLate(round.closesAt, readEra(resultSet.submittedAt).ce, assessment.policies.holidays);
  if (days > 0 && !latePenaltyApplies(assessment.policies, round.round)) {
    issues.push(
      issue('late-no-penalty', 'info', {
        th: `ส่งรายงานช้ากว่ากำหนด ${days} วันทำการ แต่รอบ ${round.round} เดือน ไม่หักคะแนนส่งช้า`,
        en: `submitted ${days} working day(s) late; the ${round.round}-month round takes no late penalty`,
      }),
    );
  } else if (days > 0) {
    const penalty = days * assessment.policies.latePenaltyPerWorkingDay;
    issues.push(
      issue('late-submission', 'warning', {
        th: `ส่งรายงานช้ากว่ากำหนด ${days} วันทำการ หักคะแนน ${formatNumber(penalty, 2)}`,
        en: `submitted ${days} working day(s) late; ${formatNumber(penalty, 2)} taken off the total`,
      }),
    );
  }
  return days;
}

/** A value given for an indicator that is not due is not used: said, not silently dropped. */
function notDueIssues(indicator: LeafIndicator, resultSet: ResultSet): Issue[] {
  const value = resultSet.results[indicator.id];
  const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  if (blank) return [];
  const rounds = (indicator.rounds ?? []).join(', ');
  return [
    issue(
      'not-due',
      'warning',
      {
        th: `ตัวชี้วัด ${indicator.id} ไม่ต้องรายงานในรอบ ${resultSet.round ?? ''} เดือน${rounds ? ` (รายงานรอบ ${rounds} เดือน)` : ''} ค่าที่กรอกจึงไม่นำมาคิดคะแนน`,
        en: `indicator ${indicator.id} is not due in the ${resultSet.round ?? ''}-month round${rounds ? ` (reported in round ${rounds})` : ''}; the value given is not scored`,
      },
      { indicatorId: indicator.id },
    ),
  ];
}

/**
 * What-if for planners (scoring.md, "planner"): the result an indicator needs for a given indicator score
 * or total, everything else fixed; and where one more unit of improvement lifts the total most.
 */
import { findIndicator, isGroup, isStepKind, leafIndicators, notDueIn, type Assessment, type LeafIndicator } from './assessment';
import { levelReached, scoreOnCurve, valueForScore } from './curve';
import type { Message } from './issues';
import { curveOf, scoreAssessment, type IndicatorScore, type ResultSet, type ScoreReport } from './scoreAssessment';
import { scaleScores } from './scale';

export type Goal = { readonly indicatorScore: number } | { readonly total: number };

export type RequiredResult =
  | {
      readonly kind: 'value';
      /** The value compared with the targets (for a ratio, the ratio; for a milestone, the steps). */
      readonly value: number;
      /** The indicator score that value gives. */
      readonly score: number;
      /** Ratio only: the numerator needed with the denominator as reported. */
      readonly numerator?: number;
    }
  | { readonly kind: 'any'; readonly message: Message }
  | { readonly kind: 'unreachable'; readonly message: Message };

export function requiredResult(assessment: Assessment, resultSet: ResultSet, indicatorId: string, goal: Goal): RequiredResult {
  const indicator = findIndicator(assessment, indicatorId);
  if (!indicator || isGroup(indicator)) {
    return {
      kind: 'unreachable',
      message: {
        th: `เลือกตัวชี้วัดที่กรอกผลได้ (ไม่ใช่ตัวชี้วัดที่มีตัวชี้วัดย่อย): ${indicatorId}`,
        en: `choose an indicator that takes a result (not one with sub-indicators): ${indicatorId}`,
      },
    };
  }
  if (notDueIn(assessment, resultSet.round).has(indicator.id)) {
    return {
      kind: 'unreachable',
      message: {
        th: `ตัวชี้วัด ${indicator.id} ไม่ต้องรายงานในรอบ ${resultSet.round ?? ''} เดือน จึงไม่มีผลต่อคะแนนรวมของรอบนี้`,
        en: `indicator ${indicator.id} is not due in the ${resultSet.round ?? ''}-month round, so it does not move this round's total`,
      },
    };
  }
  const scoreNeeded = 'indicatorScore' in goal ? goal.indicatorScore : scoreForTotal(assessment, resultSet, indicator, goal.total);
  const curve = curveOf(indicator, assessment);
  const top = Math.max(...scaleScores(assessment.scale));
  if (scoreNeeded === null || scoreNeeded > top + 1e-9) {
    return {
      kind: 'unreachable',
      message: {
        th: `ทำไม่ได้: แม้ตัวชี้วัด ${indicator.id} ได้คะแนนเต็ม (${top}) ก็ยังไม่ถึงเป้าหมายที่ตั้ง`,
        en: `not reachable: even full marks (${top}) on indicator ${indicator.id} fall short of the goal`,
      },
    };
  }
  const inverse = valueForScore(Math.min(scoreNeeded, top), curve);
  if (inverse.kind !== 'value') {
    return {
      kind: 'any',
      message: {
        th: `ถึงเป้าหมายแล้วไม่ว่าตัวชี้วัด ${indicator.id} จะได้ผลเท่าใด`,
        en: `the goal is met whatever the result of indicator ${indicator.id}`,
      },
    };
  }
  // Milestones move in whole steps.
  const value = isStepKind(indicator.kind) ? Math.ceil(inverse.value - 1e-9) : inverse.value;
  const numerator = ratioNumerator(indicator, resultSet, value);
  return { kind: 'value', value, score: scoreOnCurve(value, curve), numerator };
}

function ratioNumerator(indicator: LeafIndicator, resultSet: ResultSet, value: number): number | undefined {
  if (indicator.kind !== 'ratio') return undefined;
  const raw = resultSet.results[indicator.id];
  const denominatorId = indicator.variables[1]?.id;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || denominatorId === undefined) return undefined;
  const den = Number(raw[denominatorId]);
  return Number.isFinite(den) && den > 0 ? (value * den) / indicator.multiplier : undefined;
}

/**
 * The total is affine in one indicator's score once that indicator counts, so two evaluations give the line
 * and the score a goal needs. Null when the indicator carries no weight in the total.
 */
function scoreForTotal(assessment: Assessment, resultSet: ResultSet, indicator: LeafIndicator, total: number): number | null {
  const at = (s: number): ScoreReport => scoreAssessment(assessment, resultSet, { scoreOverrides: new Map([[indicator.id, s]]) });
  const low = at(0);
  const high = at(1);
  const slope = (high.totalBeforePenalty ?? 0) - (low.totalBeforePenalty ?? 0);
  if (!(slope > 0)) return null;
  const goalBeforePenalty = total + low.penalty;
  return Math.max(assessment.policies.floor, (goalBeforePenalty - (low.totalBeforePenalty ?? 0)) / slope);
}

export interface ImprovementGain {
  readonly id: string;
  readonly value: number | null;
  readonly score: number | null;
  /** The next level up, or null at the top. */
  readonly nextLevel: number | null;
  /** The value at the next level (its target). */
  readonly nextTarget: number | null;
  /** How far the result has to move to reach it, in the indicator's unit; null when not reported. */
  readonly distance: number | null;
  /** What reaching it adds to the total. */
  readonly totalGain: number;
  /** totalGain / distance: the gain in total per unit of improvement. */
  readonly gainPerUnit: number | null;
}

/** Every indicator that takes a result and is due in the round, ranked by gain in total per unit of improvement, best first. */
export function improvementGains(assessment: Assessment, resultSet: ResultSet): ImprovementGain[] {
  const report = scoreAssessment(assessment, resultSet);
  const byId = new Map(report.indicators.map((i) => [i.id, i]));
  const scores = scaleScores(assessment.scale);
  // A row not due in this round leaves the round's total: improving it gains nothing, so it is not ranked.
  const due = leafIndicators(assessment).filter((indicator) => byId.get(indicator.id)?.status !== 'not-due');
  const gains = due.map((indicator): ImprovementGain => {
    const row = byId.get(indicator.id);
    const value = row?.value ?? null;
    const level = value === null ? 0 : levelReached(value, curveOf(indicator, assessment));
    const none = { id: indicator.id, value, score: row?.score ?? null };
    if (level >= scores.length) {
      return { ...none, nextLevel: null, nextTarget: null, distance: null, totalGain: 0, gainPerUnit: 0 };
    }
    const nextTarget = indicator.targets[level] as number;
    const nextScore = scores[level] as number;
    const totalGain = gainInTotal(assessment, resultSet, report, row, indicator.id, nextScore);
    const distance = value === null ? null : Math.abs(nextTarget - value);
    const gainPerUnit = distance === null ? null : distance === 0 ? totalGain : totalGain / distance;
    return { ...none, nextLevel: level + 1, nextTarget, distance, totalGain, gainPerUnit };
  });
  return gains.sort((a, b) => (b.gainPerUnit ?? -Infinity) - (a.gainPerUnit ?? -Infinity) || b.totalGain - a.totalGain);
}

function gainInTotal(
  assessment: Assessment,
  resultSet: ResultSet,
  report: ScoreReport,
  row: IndicatorScore | undefined,
  indicatorId: string,
  score: number,
): number {
  if (row && row.shareOfTotal !== null && row.score !== null) return row.shareOfTotal * (score - row.score);
  // Not counted yet (excluded): counting it changes every share, so score the whole assessment again.
  const after = scoreAssessment(assessment, resultSet, { scoreOverrides: new Map([[indicatorId, score]]) });
  return (after.total ?? 0) - (report.total ?? 0);
}

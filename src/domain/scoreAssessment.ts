/**
 * From results to the report: each indicator's score, parents as the weighted mean of their children,
 * weighted scores (คะแนนถ่วงน้ำหนัก), component and group subtotals, the total and the late penalty (scoring.md §3–§4).
 * Full precision throughout; rounding is for display only.
 */
import { isGroup, notDueIn, type Assessment, type Indicator, type LeafIndicator } from './assessment';
import { levelReached, scoreOnCurve, type Curve } from './curve';
import { curveTable, scoreInTable, type CurveTable } from './curveTable';
import type { RawResult } from './documentSchema';
import { issue, type Issue } from './issues';
import { NO_ISSUES, prepareReading, quickResultValue, readPrepared, type PreparedReading } from './resultValue';
import { scaleScores } from './scale';
import { latePenaltyApplies, type ReportStatus } from './policies';
import { readEra, workingDaysLate } from './thaiDates';
import { formatNumber } from './thaiNumbers';

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
  /**
   * Each leaf's reading of its result kept from the last call (`scoreMemo()`): a leaf whose raw result is the same
   * value (the same object, for a ratio's variables or a milestone's steps), in the same round and with the same
   * report status, is not read and scored again. The report is the one scoring without a memo gives
   * (test/domain/onePassScoring.test.ts). A live sheet scores after every edit, and an edit changes a row or two
   * of thousands.
   */
  readonly memo?: ScoreMemo;
  /**
   * What the caller knows of how these results differ from the last ones scored with the memo: the same object
   * `results` was, changed at `ids` only (a sheet's reader patches the rows an edit names). With the same round
   * and the same statuses object, only those leaves and their parents are scored again, and the other rows of the
   * report are the last report's; the totals are summed whole, in the same order, so every figure is the one a
   * scoring afresh gives.
   */
  readonly changedSince?: { readonly results: ResultSet['results']; readonly ids: readonly string[] };
}

/** A leaf as read and scored: what `scoreAssessment` keeps in a memo between calls. */
interface LeafScore {
  readonly raw: RawResult | undefined;
  readonly given: ReportStatus | undefined;
  readonly due: boolean;
  readonly round: number | undefined;
  readonly status: IndicatorStatus;
  readonly score: number | null;
  readonly official: number | null;
  readonly value: number | null;
  readonly level: number | null;
  readonly issues: readonly Issue[];
}

/** Per node, by index: what one call worked out, from which the roll-up, the totals and the rows are made. */
interface Figures {
  readonly status: IndicatorStatus[];
  readonly score: (number | null)[];
  /** Its score in the official total: as self-assessed when certified, else scored as not reported. */
  readonly official: (number | null)[];
  readonly value: (number | null)[];
  readonly level: (number | null)[];
  readonly issues: (readonly Issue[] | undefined)[];
  readonly counted: boolean[];
  /** Each node's report status, a parent's passed down to a child that has none; undefined without statuses. */
  readonly reported: (ReportStatus | undefined)[] | undefined;
  /** What one point of its score adds to the total; and its weight in points of the total. */
  readonly factor: (number | null)[];
  readonly effective: number[];
}

/** Opaque: what one caller's successive `scoreAssessment` calls share. */
export interface ScoreMemo {
  /** @internal */
  assessment: Assessment | undefined;
  /** @internal by node index */
  leaves: (LeafScore | undefined)[];
  /** @internal by node index: the report's rows of the last call, given again where every field is the same */
  rows: (IndicatorScore | undefined)[];
  /** @internal the last call's results, round and statuses, and what it worked out from them */
  last?: {
    readonly results: ResultSet['results'];
    readonly round: number | undefined;
    readonly statuses: ResultSet['statuses'];
    readonly figures: Figures;
  };
}

export function scoreMemo(): ScoreMemo {
  return { assessment: undefined, leaves: [], rows: [] };
}

/** Beyond this many changed ids, scoring every row costs less than finding each one's parents. */
const MOST_CHANGED = 256;

/**
 * What scoring needs of an assessment besides the results, worked out once per assessment object (an assessment is
 * immutable once read): the indicator tree laid flat (parents before children, document order, as the report lists
 * them), each leaf's curve, which top-level indicators each component and group sums, and the indicators not due in
 * each round. A central sheet scores thousands of units against one assessment, and a live sheet every edit.
 */
interface Node {
  readonly indicator: Indicator;
  /** Its id and weight, read here rather than from indicators of many shapes. */
  readonly id: string;
  readonly weight: number;
  readonly parentId: string | null;
  readonly component: string | null;
  /** The leaf itself; undefined for a parent. */
  readonly leaf: LeafIndicator | undefined;
  readonly curve: Curve | undefined;
  /** What the leaf's result is read with; undefined for a parent. */
  readonly read: PreparedReading | undefined;
  /** Index of its parent in `nodes`; -1 at the top. */
  readonly parent: number;
  /** Indices of its children in `nodes`. */
  readonly children: readonly number[];
  /** Σ of its children's weights, in their order. */
  readonly childWeights: number;
}

interface Compiled {
  readonly nodes: readonly Node[];
  /** Each indicator's index in `nodes`, by id. */
  readonly at: ReadonlyMap<string, number>;
  /** Indices in `nodes` of the top-level indicators, in `assessment.indicators` order. */
  readonly top: readonly number[];
  /** Per component, in `assessment.components` order: positions in `top`. */
  readonly byComponent: readonly (readonly number[])[];
  readonly byGroup: readonly { readonly id: string; readonly component: string; readonly tops: readonly number[] }[];
  readonly notDue: Map<number | undefined, ReadonlySet<string>>;
  /** The leaves' curves, by node index, packed for the scoring loop. */
  readonly curves: CurveTable;
}

const compiledFor = new WeakMap<Assessment, Compiled>();

function compiled(assessment: Assessment): Compiled {
  const known = compiledFor.get(assessment);
  if (known) return known;
  const nodes: Node[] = [];
  const place = (indicator: Indicator, parent: number): number => {
    const index = nodes.length;
    const leaf = isGroup(indicator) ? undefined : indicator;
    const node = {
      indicator,
      id: indicator.id,
      weight: indicator.weight,
      parentId: indicator.parentId,
      component: indicator.component ?? null,
      leaf,
      curve: leaf && curveOf(leaf, assessment),
      read: leaf && prepareReading(leaf),
      parent,
      children: [] as number[],
      childWeights: 0,
    };
    nodes.push(node);
    if (isGroup(indicator)) {
      for (const child of indicator.children) node.children.push(place(child, index));
      node.childWeights = indicator.children.reduce((s, c) => s + c.weight, 0);
    }
    return index;
  };
  const top = assessment.indicators.map((i) => place(i, -1));
  const topsWhere = (keep: (i: Indicator) => boolean): number[] =>
    assessment.indicators.flatMap((indicator, position) => (keep(indicator) ? [position] : []));
  const made: Compiled = {
    nodes,
    at: new Map(nodes.map((node, k) => [node.id, k])),
    top,
    byComponent: assessment.components.map((c) => topsWhere((i) => i.component === c.id)),
    byGroup: assessment.components.flatMap((c) =>
      (c.groups ?? []).map((g) => ({ id: g.id, component: c.id, tops: topsWhere((i) => i.group === g.id) })),
    ),
    notDue: new Map(),
    curves: curveTable(nodes.map((node) => node.curve)),
  };
  compiledFor.set(assessment, made);
  return made;
}

function notDueFor(assessment: Assessment, plan: Compiled, round: number | undefined): ReadonlySet<string> {
  let set = plan.notDue.get(round);
  if (!set) {
    set = notDueIn(assessment, round);
    plan.notDue.set(round, set);
  }
  return set;
}

function freshFigures(n: number, withStatuses: boolean): Figures {
  return {
    status: new Array<IndicatorStatus>(n),
    score: new Array<number | null>(n),
    official: new Array<number | null>(n),
    value: new Array<number | null>(n),
    level: new Array<number | null>(n),
    issues: new Array<readonly Issue[] | undefined>(n),
    counted: new Array<boolean>(n),
    reported: withStatuses ? new Array<ReportStatus | undefined>(n) : undefined,
    factor: new Array<number | null>(n),
    effective: new Array<number>(n),
  };
}

/**
 * Both totals in one pass (seed 003): an indicator that is not certified scores in the official total as a result
 * not given would (`notReported`), so the official score of each indicator follows from its self-assessed one
 * without reading its result twice.
 */
export function scoreAssessment(assessment: Assessment, resultSet: ResultSet, options: ScoreOptions = {}): ScoreReport {
  const { policies } = assessment;
  const plan = compiled(assessment);
  const { nodes, curves } = plan;
  const { floor } = policies;
  const step = policies.mode === 'step';
  const reached = { level: 0 };
  const n = nodes.length;
  const notDue = notDueFor(assessment, plan, resultSet.round);
  // With no round (or none leaving an indicator out) every row is due: no lookup per row.
  const allDue = notDue.size === 0;
  const { statuses } = resultSet;
  const certified = statuses === undefined ? undefined : new Set<string>(policies.officialStatuses);
  const nrScore = policies.notReported === 'exclude' ? null : policies.notReported;
  const overrides = options.scoreOverrides;
  // A memo made for another assessment (or policies) starts again; overrides (what-if) bypass it.
  const memo = options.memo && overrides === undefined ? options.memo : undefined;
  if (memo && memo.assessment !== assessment) {
    memo.assessment = assessment;
    memo.leaves = new Array<LeafScore | undefined>(n);
    memo.rows = new Array<IndicatorScore | undefined>(n);
    memo.last = undefined;
  }
  const last = memo?.last;
  const delta = options.changedSince;
  // Only the rows named changed are scored again when everything else they depend on is what it was.
  const sinceLast =
    last !== undefined &&
    delta !== undefined &&
    delta.results === last.results &&
    delta.ids.length <= MOST_CHANGED &&
    resultSet.round === last.round &&
    statuses === last.statuses;
  const figures = sinceLast ? last.figures : freshFigures(n, statuses !== undefined);
  const { status, score, official, value, level, issues, counted, reported, factor, effective } = figures;
  // Set again once this call is done: figures half worked out are never taken for the last call's.
  if (memo) memo.last = undefined;

  const scoreLeaf = (k: number, node: Node, leaf: LeafIndicator): void => {
    const id = node.id;
    const due = allDue || !notDue.has(id);
    value[k] = null;
    level[k] = null;
    const given = reported?.[k];
    const isCounted = certified !== undefined && given !== undefined && certified.has(given) && due;
    counted[k] = isCounted;
    if (!due) {
      status[k] = 'not-due';
      score[k] = null;
      official[k] = null;
      issues[k] = notDueIssues(leaf, resultSet);
      return;
    }
    const override = overrides?.get(id);
    if (override !== undefined) {
      status[k] = 'scored';
      score[k] = override;
      official[k] = override;
      return;
    }
    const raw = resultSet.results[id];
    const kept = memo?.leaves[k];
    if (kept && kept.raw === raw && kept.given === given && kept.round === resultSet.round) {
      status[k] = kept.status;
      score[k] = kept.score;
      official[k] = kept.official;
      value[k] = kept.value;
      level[k] = kept.level;
      issues[k] = kept.issues;
      return;
    }
    const reading = node.read as PreparedReading;
    // Most results are a plain value with nothing to say, read without a result object; the rest in full.
    let v = quickResultValue(reading, raw);
    let scored = v === v;
    let rowIssues = NO_ISSUES;
    if (!scored) {
      const read = readPrepared(reading, raw);
      rowIssues = read.issues;
      if (read.status === 'value') {
        v = read.value;
        scored = true;
      } else {
        status[k] = read.status;
        score[k] = nrScore;
        official[k] = nrScore;
      }
    }
    issues[k] = rowIssues;
    if (scored) {
      let s: number;
      if ((curves.start[k] as number) >= 0) {
        s = scoreInTable(curves, k, v, floor, step, reached);
        level[k] = reached.level;
      } else {
        const curve = node.curve ?? curveOf(leaf, assessment);
        s = scoreOnCurve(v, curve);
        level[k] = levelReached(v, curve);
      }
      status[k] = 'scored';
      score[k] = s;
      official[k] = isCounted ? s : nrScore;
      value[k] = v;
    }
    if (memo) {
      memo.leaves[k] = {
        raw,
        given,
        due,
        round: resultSet.round,
        status: status[k] as IndicatorStatus,
        score: score[k] as number | null,
        official: official[k] as number | null,
        value: value[k] as number | null,
        level: level[k] as number | null,
        issues: rowIssues,
      };
    }
  };

  // A parent: the weighted mean of its children that count, summed in their order.
  const rollUp = (k: number, node: Node): void => {
    const due = allDue || !notDue.has(node.id);
    value[k] = null;
    level[k] = null;
    let weightSum = 0;
    let weighted = 0;
    let anyScore = false;
    let officialWeight = 0;
    let officialWeighted = 0;
    let anyOfficial = false;
    let anyScored = false;
    let anyInvalid = false;
    let anyCounted = false;
    for (const c of node.children) {
      const w = (nodes[c] as Node).weight;
      const cs = score[c] as number | null;
      const co = official[c] as number | null;
      if (cs !== null) {
        anyScore = true;
        weightSum += w;
      }
      if (co !== null) {
        anyOfficial = true;
        officialWeight += w;
      }
      if (status[c] === 'scored') anyScored = true;
      else if (status[c] === 'invalid') anyInvalid = true;
      if (counted[c]) anyCounted = true;
    }
    for (const c of node.children) {
      const w = (nodes[c] as Node).weight;
      const cs = score[c] as number | null;
      const co = official[c] as number | null;
      if (cs !== null) weighted += w * cs;
      if (co !== null) officialWeighted += w * co;
    }
    status[k] = !due ? 'not-due' : anyScored ? 'scored' : anyInvalid ? 'invalid' : 'not-reported';
    score[k] = !anyScore || !due ? null : weighted / weightSum;
    official[k] = !anyOfficial || !due ? null : officialWeighted / officialWeight;
    counted[k] = anyCounted;
  };

  // The report's row of node k, given again when it is the last call's in every field.
  const rowAt = (k: number): IndicatorScore => {
    const node = nodes[k] as Node;
    const f = factor[k] as number | null;
    const effectiveWeight = effective[k] as number;
    const s = score[k] as number | null;
    const { id, parentId: parent, component } = node;
    const weightedScore = s === null || f === null ? null : f * s;
    const shareOfTotal = s === null ? null : f;
    const rowIssues = issues[k] ?? [];
    const st = status[k] as IndicatorStatus;
    const v = value[k] as number | null;
    const l = level[k] as number | null;
    const prev = memo?.rows[k];
    if (
      prev &&
      prev.status === st &&
      prev.value === v &&
      prev.level === l &&
      prev.score === s &&
      prev.weightedScore === weightedScore &&
      prev.effectiveWeight === effectiveWeight &&
      prev.shareOfTotal === shareOfTotal &&
      prev.issues === rowIssues &&
      (statuses === undefined
        ? prev.reportStatus === undefined
        : prev.reportStatus === (statuses[id] ?? null) && prev.counted === counted[k])
    ) {
      // The same row as last time (a live sheet's edit leaves most rows so): given again, not made anew.
      return prev;
    }
    // Two literals rather than a spread: the same keys in the same order, at the speed of a plain object.
    const row: IndicatorScore =
      statuses === undefined
        ? {
            id,
            parent,
            component,
            status: st,
            value: v,
            level: l,
            score: s,
            weightedScore,
            effectiveWeight,
            shareOfTotal,
            issues: rowIssues,
          }
        : {
            id,
            parent,
            component,
            status: st,
            value: v,
            level: l,
            score: s,
            weightedScore,
            effectiveWeight,
            shareOfTotal,
            issues: rowIssues,
            reportStatus: statuses[id] ?? null,
            counted: counted[k] as boolean,
          };
    if (memo) memo.rows[k] = row;
    return row;
  };

  // The changed leaves and their parents, children before parents; undefined: every node.
  let redone: number[] | undefined;
  // Whether any of them went from counting to not (or back): then every weighted score moves.
  let countingChanged = false;
  if (sinceLast) {
    const marked = new Set<number>();
    for (const id of delta.ids) {
      const k = plan.at.get(id);
      // A parent's own result is never read; an id the assessment lacks is not a row of the report.
      if (k === undefined || (nodes[k] as Node).leaf === undefined) continue;
      for (let at = k; at >= 0 && !marked.has(at); at = (nodes[at] as Node).parent) marked.add(at);
    }
    redone = [...marked].sort((x, y) => y - x);
    for (const k of redone) {
      const node = nodes[k] as Node;
      const counting = score[k] !== null;
      if (node.leaf) scoreLeaf(k, node, node.leaf);
      else rollUp(k, node);
      if (counting !== (score[k] !== null)) countingChanged = true;
    }
  } else {
    // A status given for a parent (and none for its child) is the child's: the report was made for the whole.
    if (reported && statuses) {
      for (let k = 0; k < n; k++) {
        const node = nodes[k] as Node;
        reported[k] = statuses[node.id] ?? (node.parent < 0 ? undefined : reported[node.parent]);
      }
    }
    // Children come after their parent, so walking backwards scores every child before its parent.
    for (let k = n - 1; k >= 0; k--) {
      const node = nodes[k] as Node;
      if (node.leaf) scoreLeaf(k, node, node.leaf);
      else rollUp(k, node);
    }
  }

  const { denominator, totalBeforePenalty } = totals(plan, score);

  let indicators: IndicatorScore[];
  if (redone && !countingChanged && memo) {
    // Every row counts as it did, so the weights are the last call's: only the rows scored again can differ.
    indicators = memo.rows.slice() as IndicatorScore[];
    for (const k of redone) indicators[k] = rowAt(k);
  } else {
    // Weighted scores flow down: a child's share of its parent's weight, renormalised over the siblings that count.
    for (const k of plan.top) {
      const w = (nodes[k] as Node).weight;
      factor[k] = score[k] !== null && denominator > 0 ? w / denominator : null;
      effective[k] = w;
    }
    indicators = new Array<IndicatorScore>(n);
    for (let k = 0; k < n; k++) {
      const node = nodes[k] as Node;
      indicators[k] = rowAt(k);
      if (node.leaf) continue;
      const f = factor[k] as number | null;
      const effectiveWeight = effective[k] as number;
      let countedWeight = 0;
      for (const c of node.children) if (score[c] !== null) countedWeight += (nodes[c] as Node).weight;
      for (const c of node.children) {
        const w = (nodes[c] as Node).weight;
        factor[c] = f === null || countedWeight === 0 ? null : (f * w) / countedWeight;
        effective[c] = (effectiveWeight * w) / node.childWeights;
      }
    }
  }

  const components = assessment.components.map((c, i) => ({ id: c.id, ...subtotal(plan, score, denominator, plan.byComponent[i] ?? []) }));
  const groups = plan.byGroup.map((g) => ({ id: g.id, component: g.component, ...subtotal(plan, score, denominator, g.tops) }));

  const reportIssues: Issue[] = [];
  const late = lateness(assessment, resultSet, reportIssues);
  const penalty = latePenaltyApplies(policies, resultSet.round) ? late * policies.latePenaltyPerWorkingDay : 0;
  const total = totalBeforePenalty === null ? null : Math.max(0, totalBeforePenalty - penalty);
  if (totalBeforePenalty === null) {
    reportIssues.push(
      issue('nothing-counted', 'warning', {
        th: 'ยังไม่มีตัวชี้วัดใดที่นับคะแนนได้ จึงยังไม่มีคะแนนรวม',
        en: 'no indicator counts yet, so there is no total',
      }),
    );
  }
  const report: ScoreReport = {
    assessment: assessment.id,
    total,
    totalBeforePenalty,
    penalty,
    workingDaysLate: late,
    components,
    groups,
    indicators,
    issues: reportIssues,
  };
  if (memo) memo.last = { results: resultSet.results, round: resultSet.round, statuses, figures };
  if (statuses === undefined) return report;
  // The same round and submission date, so the same late penalty.
  const certifiedTotal = totals(plan, official).totalBeforePenalty;
  return {
    ...report,
    official: {
      total: certifiedTotal === null ? null : Math.max(0, certifiedTotal - penalty),
      totalBeforePenalty: certifiedTotal,
      penalty,
    },
  };
}

/**
 * The total over the top-level indicators that count, each weight over their summed weights, in document order.
 * Weights are read from the nodes (one shape), never from the indicators (many shapes, a slow property read):
 * a live sheet sums 20,000 of them after every edit.
 */
function totals(plan: Compiled, of: readonly (number | null)[]): { denominator: number; totalBeforePenalty: number | null } {
  const { nodes, top } = plan;
  let denominator = 0;
  for (let t = 0; t < top.length; t++) {
    const k = top[t] as number;
    if (of[k] !== null) denominator += (nodes[k] as Node).weight;
  }
  if (!(denominator > 0)) return { denominator, totalBeforePenalty: null };
  let sum = 0;
  for (let t = 0; t < top.length; t++) {
    const k = top[t] as number;
    const s = of[k] as number | null;
    if (s !== null) sum += ((nodes[k] as Node).weight * s) / denominator;
  }
  return { denominator, totalBeforePenalty: sum };
}

/** A component's or group's subtotal: `tops` are positions in `assessment.indicators`, so in `plan.top`. */
function subtotal(
  plan: Compiled,
  score: readonly (number | null)[],
  denominator: number,
  tops: readonly number[],
): { score: number | null; weightedScore: number } {
  const { nodes, top } = plan;
  let weight = 0;
  for (let i = 0; i < tops.length; i++) {
    const k = top[tops[i] as number] as number;
    if (score[k] !== null) weight += (nodes[k] as Node).weight;
  }
  let weightedSum = 0;
  let share = 0;
  for (let i = 0; i < tops.length; i++) {
    const k = top[tops[i] as number] as number;
    const s = score[k] as number | null;
    if (s === null) continue;
    const w = (nodes[k] as Node).weight;
    weightedSum += w * s;
    if (denominator > 0) share += (w * s) / denominator;
  }
  return { score: weight > 0 ? weightedSum / weight : null, weightedScore: share };
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

/** Every row's issues in the report's order, then the report's own: a loop, since most of 20,000 rows have none. */
export function issuesOf(report: ScoreReport): Issue[] {
  const out: Issue[] = [];
  const rows = report.indicators;
  for (let k = 0; k < rows.length; k++) {
    const own = (rows[k] as IndicatorScore).issues;
    for (let i = 0; i < own.length; i++) out.push(own[i] as Issue);
  }
  for (const i of report.issues) out.push(i);
  return out;
}

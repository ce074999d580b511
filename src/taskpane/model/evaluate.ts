/**
 * One evaluation of a bound sheet: the grid as read → the sheet reading (src/workbook) → the score report
 * (src/domain) → what the pane shows: issues with their cells, counts, the total, and the what-if total.
 *
 * The pane scores what the sheet's own formulas score (readKpiGrid's cell semantics: text in a number cell does
 * not count, with a warning saying what to re-type), so the pane, the workbook and `scorebook check` agree.
 * Pure and synchronous: it runs after every edit and must stay well under 100 ms for 1,000 rows.
 */
import {
  allIndicators,
  bySeverity,
  isGroup,
  issuesOf,
  leafPositions,
  readNumber,
  scoreAssessment,
  scoreOnCurve,
  curveOf,
  type Assessment,
  type IndicatorScore,
  type Issue,
  type ResultSet,
  type ScoreMemo,
  type ScoreReport,
} from '../../domain';
import {
  changedTargets,
  locateIssues,
  readKpiGrid,
  readMultiUnitGrid,
  qualifiedAddress,
  parseAddress,
  unitIssue,
  type CellValue,
  type ColumnRole,
  type Grid,
  type ReadMemo,
  type TargetsMemo,
  type SheetReading,
  type UnitColumnHeaders,
} from '../../workbook';
import { findWhatIfColumn } from './whatIfColumn';

export interface Counts {
  readonly reported: number;
  readonly missing: number;
  readonly invalid: number;
}

export interface WhatIfState {
  /** 0-based column index in the grid. */
  readonly column: number;
  /** Indicator id → the what-if value typed beside it (the value compared with its targets). */
  readonly values: ReadonlyMap<string, number>;
  /** Cell address of each indicator's what-if cell, for writing a value there. */
  readonly cells: ReadonlyMap<string, string>;
  /** The total with the what-if values in place of the real results. */
  readonly total: number | null;
  readonly issues: readonly Issue[];
}

/** One unit of a multi-unit sheet: its own score report and counts. */
export interface UnitEvaluation {
  readonly unit: { readonly id: string; readonly name: string };
  readonly report: ScoreReport;
  readonly counts: Counts;
}

/** A multi-unit sheet (the binding record says `multiUnit`): every unit scored on its own. */
export interface MultiUnitEvaluation {
  readonly ok: true;
  readonly multiUnit: true;
  readonly units: readonly UnitEvaluation[];
  /** Every unit's issues (each naming its unit) and the sheet's own; errors first. */
  readonly issues: readonly Issue[];
  /** Summed over the units. */
  readonly counts: Counts;
  /** A multi-unit sheet has no what-if column. */
  readonly whatIf: null;
}

export type Evaluation =
  | {
      readonly ok: true;
      readonly multiUnit?: undefined;
      readonly reading: SheetReading;
      /** What was scored: the sheet's results with the round and the rows' report statuses given in the options. */
      readonly resultSet: ResultSet;
      readonly report: ScoreReport;
      /** Reader and domain issues together, each with its cell where it has one; errors first. */
      readonly issues: readonly Issue[];
      readonly counts: Counts;
      readonly whatIf: WhatIfState | null;
      /** Where a new column right of everything on the sheet goes (1-based), e.g. the what-if column. */
      readonly nextFreeColumn: number;
      /** The grid's first sheet column (1-based): `reading.columns` are counted from it. */
      readonly originColumn: number;
    }
  | MultiUnitEvaluation
  | EvaluationFailed;

/** The sheet could not be read (no header row, no such sheet): what stops it. */
export interface EvaluationFailed {
  readonly ok: false;
  readonly issues: readonly Issue[];
}

/** One unit's sheet evaluated: what the what-if tab needs. */
export type SheetEvaluation = Extract<Evaluation, { ok: true; multiUnit?: undefined }>;

export interface EvaluateOptions {
  /** Headers recorded in the binding, recognised besides the catalogue. */
  readonly headers?: Readonly<Partial<Record<ColumnRole, string>>>;
  /** The round the sheet reports on (its server link's, or ScorebookRound): indicators not due in it score `not-due`. */
  readonly round?: number;
  /**
   * Each row's report status as the server last said it (the server link): the report then also carries the
   * certified total (`report.official`), the sheet's values counted only where the status is in `officialStatuses`.
   */
  readonly statuses?: ResultSet['statuses'];
  /** What the last evaluation of this sheet read and scored (model/liveCache.ts): unchanged rows are not redone. */
  readonly memo?: { readonly read: ReadMemo; readonly score: ScoreMemo; readonly targets?: TargetsMemo };
}

export function evaluateSheet(assessment: Assessment, grid: Grid, options: EvaluateOptions = {}): SheetEvaluation | EvaluationFailed {
  const read = readKpiGrid(assessment, grid, { headers: options.headers, ...(options.memo ? { memo: options.memo.read } : {}) });
  if (!read.ok) return { ok: false, issues: read.issues };
  const reading = read.value;
  const resultSet: ResultSet = {
    ...reading.resultSet,
    ...(options.round === undefined ? {} : { round: options.round }),
    ...(options.statuses === undefined ? {} : { statuses: options.statuses }),
  };
  const { changedSince } = reading;
  const report = scoreAssessment(
    assessment,
    resultSet,
    options.memo ? { memo: options.memo.score, ...(changedSince ? { changedSince } : {}) } : {},
  );
  const domainIssues = issuesOf(report);
  // Targets typed over by hand (the template locks them): judged by the values read, which Excel and the preview
  // have calculated, so no formulas need reading; scores keep the assessment's targets.
  const targets = changedTargets(assessment, grid, reading, options.memo?.targets ? { memo: options.memo.targets } : {});
  const issues = [...reading.issues, ...locateIssues(domainIssues, reading, assessment), ...targets].sort(bySeverity);
  const width = grid.values.reduce((w, row) => Math.max(w, row.length), 0);
  return {
    ok: true,
    reading,
    resultSet,
    report,
    issues,
    counts: countStatuses(assessment, report),
    whatIf: whatIfOf(assessment, grid, reading, resultSet, report),
    nextFreeColumn: parseAddress(grid.topLeft).column + width,
    originColumn: parseAddress(grid.topLeft).column,
  };
}

/**
 * A multi-unit sheet: each unit read from its own rows and scored alone, so a unit's total is what its rows' unit
 * total formula shows. Pure and synchronous like evaluateSheet; 4,000 units of 5 indicators are scored in one pass.
 */
export function evaluateMultiUnitSheet(
  assessment: Assessment,
  grid: Grid,
  options: Omit<EvaluateOptions, 'memo'> & { readonly multiUnit: UnitColumnHeaders },
): MultiUnitEvaluation | EvaluationFailed {
  const read = readMultiUnitGrid(assessment, grid, {
    multiUnit: options.multiUnit,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  if (!read.ok) return { ok: false, issues: read.issues };
  const issues: Issue[] = [...read.value.issues];
  const counts = { reported: 0, missing: 0, invalid: 0 };
  const units = read.value.units.map(({ unit, reading }): UnitEvaluation => {
    const report = scoreAssessment(assessment, reading.resultSet);
    const domainIssues = issuesOf(report);
    issues.push(...reading.issues, ...locateIssues(domainIssues, reading, assessment).map((i) => unitIssue(i, unit)));
    const c = countStatuses(assessment, report);
    counts.reported += c.reported;
    counts.missing += c.missing;
    counts.invalid += c.invalid;
    return { unit, report, counts: c };
  });
  return { ok: true, multiUnit: true, units, issues: issues.sort(bySeverity), counts, whatIf: null };
}

/** Leaf indicators only: a parent is reported through its children and would be counted twice. */
export function countStatuses(assessment: Assessment, report: ScoreReport): Counts {
  const leaf = leafPositions(assessment);
  const rows = report.indicators;
  let reported = 0;
  let missing = 0;
  let invalid = 0;
  for (let k = 0; k < rows.length; k++) {
    if (!leaf[k]) continue;
    const status = (rows[k] as IndicatorScore).status;
    if (status === 'scored') reported++;
    else if (status === 'invalid') invalid++;
    // Not due in this round: nothing is missing.
    else if (status !== 'not-due') missing++;
  }
  return { reported, missing, invalid };
}

/**
 * The what-if column holds, per indicator, the value compared with its targets (a ratio's ratio, a milestone's
 * count of steps), so one number per row works for every kind. Its total replaces each real score by the score
 * of the what-if value where one is typed; blanks keep the real result.
 */
function whatIfOf(
  assessment: Assessment,
  grid: Grid,
  reading: SheetReading,
  resultSet: ResultSet,
  report: ScoreReport,
): WhatIfState | null {
  const origin = parseAddress(grid.topLeft);
  const headerIndex = reading.headerRow - origin.row;
  const column = findWhatIfColumn(grid.values[headerIndex] ?? []);
  if (column === undefined) return null;
  const values = new Map<string, number>();
  const cells = new Map<string, string>();
  const issues: Issue[] = [];
  const overrides = new Map<string, number>();
  const byId = new Map(allIndicators(assessment).map((i) => [i.id, i]));
  for (const [id, at] of reading.cells) {
    const indicator = byId.get(id);
    if (!indicator || isGroup(indicator)) continue;
    const address = qualifiedAddress(grid.sheet, at.row, origin.column + column);
    cells.set(id, address);
    const raw: CellValue = grid.values[at.row - origin.row]?.[column] ?? null;
    const number = readNumber(typeof raw === 'object' && raw !== null ? raw.error : raw, { unit: indicator.unit, indicatorId: id });
    if (number.kind === 'blank') continue;
    if (number.kind === 'invalid') {
      issues.push({ ...number.issue, severity: 'warning', cell: address });
      continue;
    }
    values.set(id, number.value);
    overrides.set(id, scoreOnCurve(number.value, curveOf(indicator, assessment)));
  }
  const total =
    overrides.size === 0
      ? report.totalBeforePenalty
      : scoreAssessment(assessment, resultSet, { scoreOverrides: overrides }).totalBeforePenalty;
  return { column, values, cells, total, issues };
}

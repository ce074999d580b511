/**
 * The round's overview from rows already read: every unit scored by the domain exactly as the scores route
 * scores one (`resultSetOf` + `scoreAssessment`), so the overview's totals are the unit's scores document's.
 * Pure: the route reads the assessment and the rows (a fixed number of queries) and hands them here.
 */
import { allIndicators, isGroup, notDueIn, scoreAssessment, type Assessment, type Unit } from '../../domain';
import type { Overview, OverviewUnit, ReportStatus, StatusCounts } from '../../api';
import { resultSetOf } from '../routes/scores';
import type { ScoringRow } from '../store/scoringRows';

export function emptyCounts(): StatusCounts {
  return { notStarted: 0, draft: 0, submitted: 0, approved: 0, returned: 0 };
}

/** The round asked for's predecessor among the assessment's rounds (6 before 9 before 12), or null. */
export function previousRoundOf(assessment: Assessment, round: number): number | null {
  const earlier = assessment.rounds.map((r) => r.round).filter((r) => r < round);
  return earlier.length > 0 ? Math.max(...earlier) : null;
}

/** Rows by unit, then by round. */
function byUnitAndRound(rows: readonly ScoringRow[]): Map<string, Map<number, ScoringRow[]>> {
  const out = new Map<string, Map<number, ScoringRow[]>>();
  for (const r of rows) {
    let rounds = out.get(r.unitId);
    if (!rounds) out.set(r.unitId, (rounds = new Map()));
    let list = rounds.get(r.round);
    if (!list) rounds.set(r.round, (list = []));
    list.push(r);
  }
  return out;
}

export interface OverviewInput {
  readonly assessment: Assessment;
  readonly version: number;
  readonly round: number;
  readonly units: readonly Unit[];
  /** The rows of `round` and of its previous round, of the units above. */
  readonly rows: readonly ScoringRow[];
}

export function buildOverview({ assessment, version, round, units, rows }: OverviewInput): Overview {
  const previousRound = previousRoundOf(assessment, round);
  const indicators = allIndicators(assessment);
  const notDue = notDueIn(assessment, round);
  const dueLeaves = indicators.filter((i) => !isGroup(i) && !notDue.has(i.id)).map((i) => i.id);
  const rowsOf = byUnitAndRound(rows);
  const counts = emptyCounts();

  const overviewUnits = units.map((unit): OverviewUnit => {
    const rounds = rowsOf.get(unit.id);
    const current = rounds?.get(round) ?? [];
    const report = scoreAssessment(assessment, resultSetOf(current, round));
    const unitCounts = emptyCounts();
    const statusOf = new Map<string, ReportStatus>(current.map((r) => [r.indicatorId, r.status]));
    for (const id of dueLeaves) {
      const status = statusOf.get(id);
      unitCounts[status ?? 'notStarted'] += 1;
    }
    for (const key of Object.keys(counts) as (keyof StatusCounts)[]) counts[key] += unitCounts[key];
    let lastChange: number | null = null;
    for (const r of current) lastChange = Math.max(lastChange ?? 0, r.updatedAt.getTime());
    const before = previousRound === null ? undefined : rounds?.get(previousRound);
    const previousRoundTotal =
      before === undefined || before.length === 0 ? null : scoreAssessment(assessment, resultSetOf(before, previousRound as number)).total;
    const official = report.official ?? { total: report.total, totalBeforePenalty: report.totalBeforePenalty, penalty: report.penalty };
    return {
      unit: unit.id,
      name: unit.name,
      ...(unit.group !== undefined ? { group: unit.group } : {}),
      selfAssessed: { total: report.total, totalBeforePenalty: report.totalBeforePenalty, penalty: report.penalty },
      official: { total: official.total, totalBeforePenalty: official.totalBeforePenalty, penalty: official.penalty },
      components: report.components.map((c) => ({ id: c.id, score: c.score, weightedScore: c.weightedScore })),
      counts: unitCounts,
      workingDaysLate: report.workingDaysLate,
      lastChange: lastChange === null ? null : new Date(lastChange).toISOString(),
      cells: report.indicators.map((i) => ({
        indicator: i.id,
        value: i.value,
        score: i.score,
        weightedScore: i.weightedScore,
        level: i.level,
        status: statusOf.get(i.id) ?? null,
      })),
      previousRoundTotal,
    };
  });

  return {
    assessment: assessment.id,
    version,
    round,
    previousRound,
    indicators: indicators.map((i) => ({ id: i.id, name: i.name, component: i.component ?? null, weight: i.weight })),
    groups: (assessment.unitGroups ?? []).map((g) => ({ id: g.id, name: g.name })),
    units: overviewUnits,
    counts,
  };
}

/**
 * A unit's history from rows already read: every (assessment, round) with at least one stored row of the unit,
 * scored by the domain as the scores route scores it, oldest first. Indicators are those of the assessment asked
 * about, matched in each earlier one by id (`indicatorKey`: "๑.๒" is "1.2"), and given under today's spelling;
 * an indicator an earlier year did not have is left out of that year's points, one dropped since is not shown.
 */
import { allIndicators, indicatorKey, scoreAssessment, type Assessment } from '../../domain';
import type { HistoryPoint, UnitHistory } from '../../api';
import { resultSetOf } from '../routes/scores';
import type { ScoringRow } from '../store/scoringRows';

export function buildHistory(unit: string, chain: readonly Assessment[], rows: readonly ScoringRow[]): UnitHistory {
  const newest = chain[0];
  const asked = newest ? allIndicators(newest).map((i) => ({ id: i.id, key: indicatorKey(i.id) })) : [];
  const byAssessmentRound = new Map<string, Map<number, ScoringRow[]>>();
  for (const r of rows) {
    let rounds = byAssessmentRound.get(r.assessmentId);
    if (!rounds) byAssessmentRound.set(r.assessmentId, (rounds = new Map()));
    let list = rounds.get(r.round);
    if (!list) rounds.set(r.round, (list = []));
    list.push(r);
  }

  const points: (HistoryPoint & { order: number })[] = [];
  chain.forEach((assessment, depth) => {
    const rounds = byAssessmentRound.get(assessment.id);
    if (!rounds) return;
    const ownId = new Map(allIndicators(assessment).map((i) => [indicatorKey(i.id), i.id]));
    for (const [round, list] of rounds) {
      const report = scoreAssessment(assessment, resultSetOf(list, round));
      const scored = new Map(report.indicators.map((i) => [i.id, i]));
      const statusOf = new Map(list.map((r) => [r.indicatorId, r.status]));
      const indicators: HistoryPoint['indicators'] = [];
      for (const { id, key } of asked) {
        const own = ownId.get(key);
        if (own === undefined) continue;
        const s = scored.get(own);
        indicators.push({ indicator: id, value: s?.value ?? null, score: s?.score ?? null, status: statusOf.get(own) ?? null });
      }
      points.push({
        assessment: assessment.id,
        fiscalYear: assessment.fiscalYear,
        round,
        selfAssessedTotal: report.total,
        officialTotal: report.official?.total ?? null,
        indicators,
        // The chain's order decides between two assessments of one fiscal year: the predecessor comes first.
        order: depth,
      });
    }
  });
  points.sort((a, b) => (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0) || b.order - a.order || a.round - b.round);
  return { unit, assessments: chain.map((a) => a.id), points: points.map(({ order: _order, ...p }) => p) };
}

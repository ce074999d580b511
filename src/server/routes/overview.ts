/**
 * The central office's view of a round: every unit it may see, scored. Central staff see every unit, an approver
 * the units they approve for, a reporter is refused (they read their own unit's scores). A fixed number of queries
 * whatever the number of units: the session, the assessment's version, and one query for the rows of the round and
 * of the round before it.
 */
import { overviewSchema, roundParamsSchema, routePatterns } from '../../api';
import { userOf } from '../auth/authenticate';
import { canApprove, isCentral } from '../auth/permissions';
import { errors } from '../errors';
import type { ResolvedOptions } from '../options';
import { buildOverview, previousRoundOf } from '../reports/overview';
import { getAssessment } from '../store/assessments';
import { listScoringRows } from '../store/scoringRows';
import { bearer, errorResponses, type App } from './common';

const forbidden = () =>
  errors.forbidden(
    "a round's overview is read by central staff, and by approvers for their own units",
    'ภาพรวมของรอบการรายงานดูได้เฉพาะเจ้าหน้าที่ส่วนกลาง และผู้อนุมัติสำหรับหน่วยงานของตน',
  );

export function overviewRoutes(app: App, options: ResolvedOptions): void {
  const { db } = options;
  app.get(
    routePatterns.overview,
    {
      schema: {
        summary: "Every unit's totals, subtotals, statuses and per-indicator results in a round (central staff; approvers for their units)",
        tags: ['scores'],
        security: bearer,
        params: roundParamsSchema,
        response: { 200: overviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { aid, round } = request.params;
      const central = isCentral(user);
      // Refused before anything is looked up: a reporter learns nothing about other units, not even which exist.
      if (!central && !user.roles.includes('approver')) throw forbidden();
      const stored = await getAssessment(db, aid);
      if (!stored) throw errors.assessmentNotFound(aid);
      const assessment = stored.model;
      if (!assessment.rounds.some((r) => r.round === round)) throw errors.roundNotFound(aid, round);
      const units = central ? assessment.units : assessment.units.filter((u) => canApprove(user, u.id));
      if (units.length === 0) throw forbidden();
      const previous = previousRoundOf(assessment, round);
      const rows = await listScoringRows(db, {
        assessmentIds: [aid],
        rounds: previous === null ? [round] : [round, previous],
        // Central staff read the whole round: no list of 1,000 unit ids to send.
        ...(central ? {} : { unitIds: units.map((u) => u.id) }),
      });
      return buildOverview({ assessment, version: stored.version, round, units, rows });
    },
  );
}

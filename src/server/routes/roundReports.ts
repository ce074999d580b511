/**
 * Every unit's report rows in one round, for the central office's multi-unit sheet: central staff read all units
 * of the assessment, an approver the units they approve for (asking for another is 403); a reporter reads a
 * unit at a time (routes/reports.ts). One query, whatever the number of units.
 */
import { roundParamsSchema, roundReportListSchema, roundReportsQuerySchema, routePatterns } from '../../api';
import { userOf } from '../auth/authenticate';
import { canApprove, isCentral } from '../auth/permissions';
import { errors } from '../errors';
import type { ResolvedOptions } from '../options';
import { getAssessment } from '../store/assessments';
import { listRoundReports, toReportRow } from '../store/reports';
import { bearer, errorResponses, type App } from './common';

const forbidden = () =>
  errors.forbidden(
    "every unit's reports are read by central staff, and by approvers for their own units",
    'รายงานของทุกหน่วยงานดูได้เฉพาะเจ้าหน้าที่ส่วนกลาง และผู้อนุมัติสำหรับหน่วยงานของตน',
  );

export function roundReportRoutes(app: App, options: ResolvedOptions): void {
  const { db } = options;
  app.get(
    routePatterns.roundReports,
    {
      schema: {
        summary: "Every unit's report rows in a round (central staff; approvers for their units)",
        tags: ['reports'],
        security: bearer,
        params: roundParamsSchema,
        querystring: roundReportsQuerySchema,
        response: { 200: roundReportListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { aid, round } = request.params;
      const central = isCentral(user);
      // Refused before anything is looked up: a reporter learns nothing about other units, not even which exist.
      if (!central && !user.roles.includes('approver')) throw forbidden();
      const asked = request.query.units
        ?.split(',')
        .map((u) => u.trim())
        .filter((u) => u !== '');
      if (asked && !central && asked.some((u) => !canApprove(user, u))) throw forbidden();
      const assessment = await getAssessment(db, aid);
      if (!assessment) throw errors.assessmentNotFound(aid);
      if (!assessment.model.rounds.some((r) => r.round === round)) throw errors.roundNotFound(aid, round);
      const known = assessment.model.units.map((u) => u.id);
      const missing = asked?.find((u) => !known.includes(u));
      if (missing !== undefined) throw errors.unitNotFound(aid, missing);
      const wanted = asked ? known.filter((u) => asked.includes(u)) : known.filter((u) => central || canApprove(user, u));
      if (wanted.length === 0) throw forbidden();
      const rows = await listRoundReports(db, aid, round, wanted);
      return { units: wanted.map((unit) => ({ unit, reports: (rows.get(unit) ?? []).map(toReportRow) })) };
    },
  );
}

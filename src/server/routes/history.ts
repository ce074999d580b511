/**
 * One unit's history: its totals and results at every round of the assessment and of the ones before it through
 * `previous`, for the unit's reporters and approvers and central staff. A fixed number of queries whatever the
 * number of years: the session, the chain of assessments (one recursive query, and one for documents not yet
 * read), and one query for the unit's rows in all of them.
 */
import { routePatterns, unitHistoryParamsSchema, unitHistorySchema } from '../../api';
import { userOf } from '../auth/authenticate';
import { canReadUnit } from '../auth/permissions';
import { errors } from '../errors';
import type { ResolvedOptions } from '../options';
import { buildHistory } from '../reports/history';
import { getAssessmentChain } from '../store/assessments';
import { listScoringRows } from '../store/scoringRows';
import { bearer, errorResponses, type App } from './common';
import { forbiddenToRead } from './reports';

export function historyRoutes(app: App, options: ResolvedOptions): void {
  const { db } = options;
  app.get(
    routePatterns.history,
    {
      schema: {
        summary: "A unit's totals and results at every round of the assessment and of its predecessors (`previous`), oldest first",
        tags: ['scores'],
        security: bearer,
        params: unitHistoryParamsSchema,
        response: { 200: unitHistorySchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { aid, unit } = request.params;
      if (!canReadUnit(user, unit)) throw forbiddenToRead();
      const chain = (await getAssessmentChain(db, aid)).map((a) => a.model);
      const asked = chain[0];
      if (!asked) throw errors.assessmentNotFound(aid);
      if (!asked.units.some((u) => u.id === unit)) throw errors.unitNotFound(aid, unit);
      const rows = await listScoringRows(db, { assessmentIds: chain.map((a) => a.id), unitIds: [unit] });
      return buildHistory(unit, chain, rows);
    },
  );
}

/** The scores of a unit in a round, from its stored rows, by the domain: the document of `scorebook score --json`. */
import { scoreAssessment, type RawResult, type ResultSet } from '../../domain';
import { langQuerySchema, routePatterns, scoreDocumentSchema, toScoreDocument, unitRoundParamsSchema } from '../../api';
import { userOf } from '../auth/authenticate';
import { canReadUnit } from '../auth/permissions';
import type { ResolvedOptions } from '../options';
import { loadScope } from '../reports/scope';
import { listReports, type StoredReport } from '../store/reports';
import { bearer, errorResponses, type App } from './common';
import { forbiddenToRead } from './reports';

/**
 * The results, each row's status (so the report always has the official score: drafts and returned rows never
 * count) and the last submission time (for the late penalty) of stored rows. A row's submission time is set only
 * by the unit's own reporters' submits (decideRows), so central data entered late never makes the unit late.
 */
export function resultSetOf(
  rows: readonly Pick<StoredReport, 'indicatorId' | 'value' | 'status' | 'submittedAt'>[],
  round: number,
): ResultSet & { results: Record<string, RawResult>; round: number } {
  const results = Object.fromEntries(rows.map((r) => [r.indicatorId, r.value]));
  const statuses = Object.fromEntries(rows.map((r) => [r.indicatorId, r.status]));
  const times = rows.map((r) => r.submittedAt?.getTime()).filter((t): t is number => t !== undefined);
  return times.length > 0
    ? { results, round, statuses, submittedAt: new Date(Math.max(...times)).toISOString() }
    : { results, round, statuses };
}

export function scoreRoutes(app: App, options: ResolvedOptions): void {
  const { db } = options;
  app.get(
    routePatterns.scores,
    {
      schema: {
        summary: "A unit's scores in a round, from its stored rows (same document as `scorebook score --json`)",
        tags: ['scores'],
        security: bearer,
        params: unitRoundParamsSchema,
        querystring: langQuerySchema,
        response: { 200: scoreDocumentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { aid, round, unit } = request.params;
      if (!canReadUnit(user, unit)) throw forbiddenToRead();
      const { assessment, scope } = await loadScope(db, aid, round, unit);
      const rows = await listReports(db, scope);
      const report = scoreAssessment(assessment.model, resultSetOf(rows, round));
      return toScoreDocument(report, [], request.query.lang ?? 'th');
    },
  );
}

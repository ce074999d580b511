/**
 * The round's report document of a unit (`report.pdf`, `report.docx`), from its stored rows: results, statuses
 * (so both the self-assessed and the official totals are printed), explanations, obstacles, remarks and the names
 * of the evidence files; drawn by src/documents, scored by src/domain as `…/scores` is.
 */
import {
  REPORT_FORMATS,
  reportDocumentQuerySchema,
  reportFileName,
  routePatterns,
  unitRoundParamsSchema,
  type ReportDocumentFormat,
} from '../../api';
import {
  buildReportModel,
  renderReportDocx,
  renderReportPdf,
  REPORT_MEDIA_TYPES,
  type EvidenceFile,
  type ReportInput,
  type ReportTexts,
} from '../../documents';
import { userOf } from '../auth/authenticate';
import { canReadUnit } from '../auth/permissions';
import type { Db } from '../db/connect';
import type { ResolvedOptions } from '../options';
import { loadScope } from '../reports/scope';
import { listReports, type RowScope } from '../store/reports';
import { bearer, errorResponses, type App } from './common';
import { forbiddenToRead } from './reports';
import { resultSetOf } from './scores';
import { z } from 'zod';

async function evidenceOf(db: Db, scope: RowScope): Promise<Map<string, EvidenceFile[]>> {
  const rows = await db
    .selectFrom('attachments')
    .select(['indicator_id', 'filename'])
    .where('assessment_id', '=', scope.assessmentId)
    .where('round', '=', scope.round)
    .where('unit_id', '=', scope.unitId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  const out = new Map<string, EvidenceFile[]>();
  for (const r of rows) out.set(r.indicator_id, [...(out.get(r.indicator_id) ?? []), { name: r.filename }]);
  return out;
}

/**
 * The report's input from a unit's stored rows: results and statuses (so both totals are printed), the texts, the
 * evidence names. The pane builds the same input from a sheet (taskpane/model/sheetReport.ts) when it has no server.
 */
export async function unitReportInput(
  db: Db,
  aid: string,
  round: number,
  unit: string,
  o: Pick<ReportInput, 'locale' | 'thaiDigits' | 'generatedAt'>,
): Promise<ReportInput> {
  const { assessment, scope } = await loadScope(db, aid, round, unit);
  const rows = await listReports(db, scope);
  const texts = new Map<string, ReportTexts>(
    rows.map((r) => [r.indicatorId, { explanation: r.explanation, obstacles: r.obstacles, remarks: r.remarks }]),
  );
  return {
    assessment: assessment.model,
    resultSet: resultSetOf(rows, round),
    unitId: unit,
    texts,
    evidence: await evidenceOf(db, scope),
    ...o,
  };
}

export function documentRoutes(app: App, options: ResolvedOptions): void {
  const { db } = options;
  for (const format of REPORT_FORMATS) {
    app.get(
      routePatterns.reportDocument(format),
      {
        schema: {
          summary: `The unit's report of the round as ${format === 'pdf' ? 'PDF' : 'Word (.docx)'}, from its stored rows`,
          tags: ['scores'],
          security: bearer,
          params: unitRoundParamsSchema,
          querystring: reportDocumentQuerySchema,
          response: { 200: z.any().describe(REPORT_MEDIA_TYPES[format]), ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        const { aid, round, unit } = request.params;
        if (!canReadUnit(user, unit)) throw forbiddenToRead();
        const model = buildReportModel(
          await unitReportInput(db, aid, round, unit, {
            locale: request.query.lang ?? 'th',
            thaiDigits: request.query.thaiDigits === '1' || request.query.thaiDigits === 'true',
            generatedAt: options.clock().toISOString(),
          }),
        );
        const bytes = await render(format, model);
        return reply
          .header('content-type', REPORT_MEDIA_TYPES[format])
          .header('content-disposition', `attachment; filename="${reportFileName(aid, round, unit, format)}"`)
          .send(bytes);
      },
    );
  }
}

function render(format: ReportDocumentFormat, model: Parameters<typeof renderReportPdf>[0]): Promise<Buffer> {
  return format === 'pdf' ? renderReportPdf(model) : renderReportDocx(model);
}

/** Report rows of one unit in one round: read, save/submit in batches, approve, return. */
import { z } from 'zod';
import {
  approveBodySchema,
  batchBodySchema,
  batchHeadersSchema,
  batchResponseSchema,
  errorBodySchema,
  indicatorParamsSchema,
  reportListSchema,
  reportResponseSchema,
  returnBodySchema,
  routePatterns,
  unitRoundParamsSchema,
} from '../../api';
import { userOf } from '../auth/authenticate';
import { canApprove, canReadUnit, canReport, canWriteRows } from '../auth/permissions';
import { ApiError, errors } from '../errors';
import type { ResolvedOptions } from '../options';
import { runBatch } from '../reports/batch';
import { reviewReport } from '../reports/review';
import { loadScopeWith } from '../reports/scope';
import { reportRowsAlongside, rowsAlongside } from '../store/reports';
import { batchSerializerCompiler, batchValidatorCompiler } from './batchWire';
import { bearer, errorResponses, serializeAsBuilt, type App } from './common';

export const forbiddenToRead = () => errors.forbidden("you may read only your own units' reports", 'ท่านดูรายงานได้เฉพาะของหน่วยงานของท่าน');

export function reportRoutes(app: App, options: ResolvedOptions): void {
  const { db, clock } = options;

  app.get(
    routePatterns.reports,
    {
      serializerCompiler: serializeAsBuilt,
      schema: {
        summary: "A unit's report rows in a round",
        tags: ['reports'],
        security: bearer,
        params: unitRoundParamsSchema,
        response: { 200: reportListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { aid, round, unit } = request.params;
      if (!canReadUnit(user, unit)) throw forbiddenToRead();
      // The rows are read in the statement that checks the assessment's version: one round trip, not two.
      const read = await loadScopeWith(db, aid, round, unit, { select: rowsAlongside({ assessmentId: aid, round, unitId: unit }) });
      read.loaded();
      return { reports: reportRowsAlongside(read.alongside) };
    },
  );

  app.post(
    routePatterns.reports,
    {
      bodyLimit: options.batchBodyLimit,
      // A 10,000-row batch is checked and answered without zod walking every row when every row is plain (batchWire.ts).
      validatorCompiler: batchValidatorCompiler,
      serializerCompiler: batchSerializerCompiler,
      schema: {
        summary: 'Save or submit a batch of rows (Idempotency-Key required); every row gets its own outcome',
        tags: ['reports'],
        security: bearer,
        params: unitRoundParamsSchema,
        headers: batchHeadersSchema,
        body: batchBodySchema,
        response: { 200: batchResponseSchema, ...errorResponses, 409: errorBodySchema, 413: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { aid, round, unit } = request.params;
      if (!canWriteRows(user, unit)) {
        throw errors.forbidden("you may enter only your own units' reports", 'ท่านบันทึกรายงานได้เฉพาะของหน่วยงานของท่าน');
      }
      if (request.body.action === 'submit' && !canReport(user, unit)) {
        throw errors.forbidden("only the unit's reporters submit its reports", 'เฉพาะผู้รายงานของหน่วยงานเท่านั้นที่ส่งรายงานได้');
      }
      const key = request.headers['idempotency-key'];
      if (key === undefined) {
        throw new ApiError(
          400,
          'idempotency_key_required',
          'send an Idempotency-Key header (for example a new UUID per batch) so a retried batch is applied once',
          'ต้องส่ง Idempotency-Key (เช่น UUID ใหม่ต่อหนึ่งชุดข้อมูล) เพื่อให้การส่งซ้ำมีผลเพียงครั้งเดียว',
        );
      }
      return runBatch(db, { user, aid, round, unit, body: request.body, idempotencyKey: key, now: clock() });
    },
  );

  for (const decision of ['approve', 'return'] as const) {
    app.post(
      routePatterns[decision],
      {
        schema: {
          summary:
            decision === 'approve'
              ? "Approve a submitted row (the unit's approvers)"
              : "Return a submitted row with a comment (the unit's approvers)",
          tags: ['reports'],
          security: bearer,
          params: indicatorParamsSchema,
          body: decision === 'approve' ? approveBodySchema : returnBodySchema,
          response: { 200: reportResponseSchema, ...errorResponses, 409: errorBodySchema },
        },
      },
      async (request) => {
        const user = userOf(request);
        const { aid, round, unit, indicatorId } = request.params;
        if (!canApprove(user, unit)) {
          throw errors.forbidden(
            "only the unit's approvers approve or return its reports",
            'เฉพาะผู้อนุมัติของหน่วยงานเท่านั้นที่อนุมัติหรือส่งคืนรายงานได้',
          );
        }
        const body = request.body as z.infer<typeof approveBodySchema>;
        const report = await reviewReport(db, {
          user,
          aid,
          round,
          unit,
          indicatorId,
          decision,
          comment: body.comment,
          version: body.version,
          clock,
          separationOfDuties: options.separationOfDuties,
        });
        return { report };
      },
    );
  }
}

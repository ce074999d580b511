/** Assessments: everyone with a unit in one sees it; only central staff create or change one. */
import {
  assessmentDocumentSchema,
  assessmentListSchema,
  assessmentParamsSchema,
  putAssessmentBodySchema,
  putAssessmentResponseSchema,
  routePatterns,
} from '../../api';
import { userOf } from '../auth/authenticate';
import { canSeeAssessment, isCentral } from '../auth/permissions';
import { inTransaction } from '../db/transaction';
import { ApiError, errors } from '../errors';
import type { ResolvedOptions } from '../options';
import { getAssessment, listAssessments, putAssessment } from '../store/assessments';
import { bearer, errorResponses, type App } from './common';

const unitIds = (doc: { units: { id: string }[] }): string[] => doc.units.map((u) => u.id);

export function assessmentRoutes(app: App, options: ResolvedOptions): void {
  const { db, clock } = options;

  app.get(
    routePatterns.assessments,
    {
      schema: {
        summary: 'The assessments the caller may see',
        tags: ['assessments'],
        security: bearer,
        response: { 200: assessmentListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const all = await listAssessments(db);
      return {
        assessments: all
          .filter((a) => canSeeAssessment(user, unitIds(a.document)))
          // Windows as the domain read them (a พ.ศ. year in CE), so every client compares them with its clock alike.
          .map(({ document: d, model }) => ({
            id: d.id,
            title: d.title,
            fiscalYear: d.fiscalYear,
            units: d.units,
            rounds: d.rounds.map((r, i) => ({
              ...r,
              opensAt: model.rounds[i]?.opensAt ?? r.opensAt,
              closesAt: model.rounds[i]?.closesAt ?? r.closesAt,
            })),
          })),
      };
    },
  );

  app.get(
    routePatterns.assessment,
    {
      schema: {
        summary: 'An assessment document (format v1) with its units and rounds',
        tags: ['assessments'],
        security: bearer,
        params: assessmentParamsSchema,
        response: { 200: assessmentDocumentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const stored = await getAssessment(db, request.params.aid);
      if (!stored) throw errors.assessmentNotFound(request.params.aid);
      if (!canSeeAssessment(user, unitIds(stored.document))) {
        throw errors.forbidden('none of your units reports on this assessment', 'หน่วยงานของท่านไม่อยู่ในชุดตัวชี้วัดนี้');
      }
      return stored.document;
    },
  );

  app.put(
    routePatterns.assessment,
    {
      schema: {
        summary: 'Create or replace an assessment (central staff); checked by the domain, errors with their JSON paths',
        tags: ['assessments'],
        security: bearer,
        params: assessmentParamsSchema,
        body: putAssessmentBodySchema,
        response: { 200: putAssessmentResponseSchema, 201: putAssessmentResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      if (!isCentral(user)) throw errors.forbidden('only central staff define assessments', 'เฉพาะเจ้าหน้าที่ส่วนกลางเท่านั้นที่กำหนดชุดตัวชี้วัดได้');
      const { aid } = request.params;
      const body = request.body;
      if (body.id !== aid) {
        throw new ApiError(
          400,
          'assessment_id_mismatch',
          `the document's id (${JSON.stringify(body.id)}) must be "${aid}", the id in the path`,
          `รหัสในเอกสาร (${JSON.stringify(body.id)}) ต้องตรงกับรหัสในที่อยู่ "${aid}"`,
        );
      }
      const result = await inTransaction(db, (tx) => putAssessment(tx, body, { actor: user.username, now: clock() }));
      if (!result.ok) {
        throw new ApiError(
          400,
          'invalid_assessment',
          'the assessment document has errors; see details.issues for each, with its JSON path',
          'เอกสารชุดตัวชี้วัดมีข้อผิดพลาด ดูรายการใน details.issues พร้อมตำแหน่งของแต่ละรายการ',
          { issues: result.issues },
        );
      }
      const stored = await getAssessment(db, aid);
      if (!stored) throw errors.assessmentNotFound(aid);
      return reply
        .status(result.created ? 201 : 200)
        .send({ assessment: stored.document, created: result.created, version: stored.version, issues: [...result.issues] });
    },
  );
}

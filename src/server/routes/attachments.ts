/** Evidence files of one report row: upload (multipart field `file`), list, download. */
import { z } from 'zod';
import type {} from '@fastify/multipart';
import { isGroup, findIndicator, resolveIndicatorId } from '../../domain';
import {
  attachmentListSchema,
  attachmentParamsSchema,
  attachmentSchema,
  errorBodySchema,
  indicatorParamsSchema,
  MAX_ATTACHMENT_BYTES,
  routePatterns,
  safeFileName,
} from '../../api';
import { userOf } from '../auth/authenticate';
import { canReadUnit, canReport } from '../auth/permissions';
import { ALLOWED_EXTENSIONS, checkFileType } from '../attachments/fileTypes';
import { FileStore } from '../attachments/fileStore';
import { addAttachment, checkQuota, getAttachment, listAttachments, locked } from '../attachments/store';
import { ApiError, errors } from '../errors';
import type { ResolvedOptions } from '../options';
import { loadScope } from '../reports/scope';
import { checkWindow } from '../reports/window';
import { getReports } from '../store/reports';
import { bearer, errorResponses, type App } from './common';
import { forbiddenToRead } from './reports';

const tooLarge = () =>
  new ApiError(
    413,
    'payload_too_large',
    `an attachment may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    `ไฟล์แนบมีขนาดได้ไม่เกิน ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    { maxBytes: MAX_ATTACHMENT_BYTES },
  );

const wrongType = (filename: string) =>
  new ApiError(
    415,
    'unsupported_file_type',
    `"${filename}" is not an allowed file, or its content does not match its name; allowed: ${ALLOWED_EXTENSIONS.join(' ')}`,
    `ไฟล์ "${filename}" ไม่ใช่ชนิดที่อนุญาต หรือเนื้อไฟล์ไม่ตรงกับนามสกุล ชนิดที่อนุญาต: ${ALLOWED_EXTENSIONS.join(' ')}`,
    { allowed: ALLOWED_EXTENSIONS },
  );

export function attachmentRoutes(app: App, options: ResolvedOptions): void {
  const { db, clock } = options;
  const files = options.attachmentFiles === undefined ? undefined : new FileStore(options.attachmentFiles);

  app.post(
    routePatterns.attachments,
    {
      schema: {
        summary: `Attach an evidence file (multipart/form-data, field "file"; at most 10 MB; ${ALLOWED_EXTENSIONS.join(' ')})`,
        tags: ['attachments'],
        security: bearer,
        consumes: ['multipart/form-data'],
        params: indicatorParamsSchema,
        response: { 201: attachmentSchema, ...errorResponses, 409: errorBodySchema, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { aid, round, unit } = request.params;
      if (!canReport(user, unit))
        throw errors.forbidden("only the unit's reporters attach evidence", 'เฉพาะผู้รายงานของหน่วยงานเท่านั้นที่แนบไฟล์หลักฐานได้');
      const { assessment, round: window, scope } = await loadScope(db, aid, round, unit);
      const indicatorId = resolveIndicatorId(assessment.model, request.params.indicatorId) ?? request.params.indicatorId;
      const indicator = findIndicator(assessment.model, indicatorId);
      if (!indicator || isGroup(indicator)) throw errors.indicatorNotFound(indicatorId);
      const now = clock();
      checkWindow(window, now);
      // Refused early when it is plain already (before the body is read); decided again in the transaction.
      const row = (await getReports(db, scope, [indicatorId])).get(indicatorId);
      if (row?.status === 'approved') throw locked(indicatorId);
      await checkQuota(db, scope, indicatorId, 0, options.attachmentQuota);
      if (!request.isMultipart()) {
        throw new ApiError(
          415,
          'unsupported_media_type',
          'send the file as multipart/form-data in the field "file"',
          'ส่งไฟล์แบบ multipart/form-data ในช่อง "file"',
        );
      }
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!part || part.fieldname !== 'file' || !part.filename) {
        throw new ApiError(400, 'file_required', 'send the file in the multipart field "file"', 'ต้องส่งไฟล์ในช่อง "file"');
      }
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw e;
      }
      const filename = safeFileName(part.filename);
      const type = checkFileType(filename, content);
      if (!type) throw wrongType(filename);
      const attachment = await addAttachment(db, scope, indicatorId, { filename, contentType: type.contentType, content }, user, {
        quota: options.attachmentQuota,
        files,
        clock,
      });
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    routePatterns.attachments,
    {
      schema: {
        summary: "A row's attachments",
        tags: ['attachments'],
        security: bearer,
        params: indicatorParamsSchema,
        response: { 200: attachmentListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { aid, round, unit } = request.params;
      if (!canReadUnit(user, unit)) throw forbiddenToRead();
      const { assessment, scope } = await loadScope(db, aid, round, unit);
      const indicatorId = resolveIndicatorId(assessment.model, request.params.indicatorId) ?? request.params.indicatorId;
      return { attachments: await listAttachments(db, scope, indicatorId) };
    },
  );

  app.get(
    routePatterns.attachment,
    {
      schema: {
        summary: 'Download an attachment',
        tags: ['attachments'],
        security: bearer,
        params: attachmentParamsSchema,
        response: { 200: z.any().describe('the file'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { aid, round, unit, attachmentId } = request.params;
      if (!canReadUnit(user, unit)) throw forbiddenToRead();
      const { assessment, scope } = await loadScope(db, aid, round, unit);
      const indicatorId = resolveIndicatorId(assessment.model, request.params.indicatorId) ?? request.params.indicatorId;
      const found = await getAttachment(db, scope, indicatorId, attachmentId, files);
      if (!found) throw errors.attachmentNotFound();
      return reply
        .header('content-type', found.meta.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(found.meta.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(found.content);
    },
  );
}

/**
 * Every refusal is an ApiError: a code from the contract, an HTTP status, a message in English and Thai.
 * The error handler turns anything else (validation, body limits, crashes) into the same shape, and never
 * lets a stack trace out.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../api';
import { isConnectionError } from './db/connectionErrors';
import { isStalePreparedStatement } from './db/preparedStatements';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly messageEn: string,
    readonly messageTh: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(messageEn);
    this.name = 'ApiError';
  }

  body(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.messageEn, messageTh: this.messageTh };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

/** Seconds a client is told to wait after a 503 for a lost database connection: a restart takes a few. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** The common refusals, worded once. */
export const errors = {
  unauthenticated: () =>
    new ApiError(
      401,
      'unauthenticated',
      'sign in first: send Authorization: Bearer <token> from POST /api/v1/sessions',
      'กรุณาเข้าสู่ระบบก่อน (ส่ง Authorization: Bearer <token>)',
    ),
  sessionExpired: () =>
    new ApiError(
      401,
      'unauthenticated',
      'the session has expired or was signed out; sign in again',
      'การเข้าสู่ระบบหมดอายุหรือออกจากระบบแล้ว กรุณาเข้าสู่ระบบใหม่',
    ),
  invalidCredentials: () => new ApiError(401, 'invalid_credentials', 'wrong username or password', 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง'),
  forbidden: (en: string, th: string) => new ApiError(403, 'forbidden', en, th),
  assessmentNotFound: (aid: string) => new ApiError(404, 'assessment_not_found', `there is no assessment "${aid}"`, `ไม่พบชุดตัวชี้วัด "${aid}"`),
  roundNotFound: (aid: string, round: number) =>
    new ApiError(404, 'round_not_found', `assessment "${aid}" has no ${round}-month round`, `ชุดตัวชี้วัด "${aid}" ไม่มีรอบ ${round} เดือน`),
  unitNotFound: (aid: string, unit: string) =>
    new ApiError(
      404,
      'unit_not_found',
      `unit "${unit}" does not report on assessment "${aid}"`,
      `หน่วยงาน "${unit}" ไม่อยู่ในชุดตัวชี้วัด "${aid}"`,
    ),
  indicatorNotFound: (id: string) =>
    new ApiError(
      404,
      'indicator_not_found',
      `there is no indicator "${id}" to report on in this assessment`,
      `ไม่มีตัวชี้วัด "${id}" ที่รายงานผลได้ในชุดตัวชี้วัดนี้`,
    ),
  reportNotFound: (id: string) =>
    new ApiError(404, 'report_not_found', `indicator "${id}" has no report in this round yet`, `ตัวชี้วัด "${id}" ยังไม่มีรายงานในรอบนี้`),
  attachmentNotFound: () => new ApiError(404, 'attachment_not_found', 'there is no such attachment', 'ไม่พบไฟล์แนบนี้'),
  notFound: () => new ApiError(404, 'not_found', 'there is no such resource', 'ไม่พบสิ่งที่ร้องขอ'),
  /** The database dropped the connection or cannot be reached: worth the same request again shortly. */
  databaseUnavailable: () =>
    new ApiError(
      503,
      'database_unavailable',
      'the database is not reachable right now; send the same request again shortly (a batch under the same Idempotency-Key is applied at most once)',
      'ขณะนี้เชื่อมต่อฐานข้อมูลไม่ได้ กรุณาส่งคำขอเดิมอีกครั้งในอีกสักครู่ (ชุดข้อมูลที่ส่งด้วย Idempotency-Key เดิมจะถูกบันทึกเพียงครั้งเดียว)',
      undefined,
      { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    ),
  internal: () =>
    new ApiError(500, 'internal', 'something went wrong on the server; the error was logged', 'เกิดข้อผิดพลาดที่เซิร์ฟเวอร์ ระบบบันทึกข้อผิดพลาดไว้แล้ว'),
};

interface ValidationIssue {
  path: string;
  message: string;
}

function fromFastifyError(error: FastifyError): ApiError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const issues: ValidationIssue[] = error.validation.map((v) => ({
      path: `${where}${v.instancePath.replace(/\//g, '.')}`,
      message: v.message ?? 'invalid',
    }));
    return new ApiError(
      400,
      'invalid_request',
      `the ${where} is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      `ข้อมูลที่ส่งมา (${where}) ไม่ถูกต้อง: ${issues.map((i) => i.path).join(', ')}`,
      { issues },
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return new ApiError(413, 'payload_too_large', 'the request body is too large', 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินกำหนด');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new ApiError(
        415,
        'unsupported_media_type',
        'send JSON (application/json), or multipart/form-data for files',
        'ต้องส่งข้อมูลแบบ JSON (application/json) หรือ multipart/form-data สำหรับไฟล์',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'invalid_json', 'the body is not valid JSON', 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง');
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return new ApiError(400, 'invalid_json', 'the body is not valid JSON', 'ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง');
  }
  if (isDataException(error)) {
    // SQLSTATE class 22 (data exception: a character or number the database cannot hold). The request is what
    // is wrong, so it is a 4xx the client will not resend, never a 500 it would retry for ever.
    return new ApiError(
      400,
      'invalid_request',
      'the request holds a value the database cannot store (a character such as NUL, or a number out of range); nothing was changed',
      'คำขอมีค่าที่ฐานข้อมูลจัดเก็บไม่ได้ (เช่น อักขระ NUL หรือตัวเลขเกินช่วง) จึงไม่มีการเปลี่ยนแปลงใด ๆ',
      { sqlState: error.code },
    );
  }
  const status = error.statusCode ?? 500;
  if (status === 429) {
    return new ApiError(429, 'rate_limited', 'too many requests; wait a moment and try again', 'ส่งคำขอถี่เกินไป กรุณารอสักครู่แล้วลองใหม่');
  }
  if (status >= 400 && status < 500) {
    return new ApiError(400, 'invalid_request', 'the request is not valid', 'คำขอไม่ถูกต้อง');
  }
  return errors.internal();
}

/** A database error of SQLSTATE class 22, as `pg` and the embedded database report it. */
function isDataException(error: { code?: unknown }): boolean {
  return typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code);
}

/**
 * Errors Fastify raises before a route is found (a URL that is not valid percent-encoding, a path segment
 * over the length limit): given to the `frameworkErrors` option, so they too come in the one shape.
 */
export function frameworkErrorReply(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const apiError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new ApiError(414, 'invalid_request', 'a part of the path is too long', 'ส่วนหนึ่งของที่อยู่ (path) ยาวเกินกำหนด')
      : error.code === 'FST_ERR_BAD_URL'
        ? new ApiError(400, 'invalid_request', 'the path is not a valid URL', 'ที่อยู่ (path) ไม่ถูกต้อง')
        : fromFastifyError(error);
  void reply.status(apiError.status).send(apiError.body());
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // A prepared statement refused after another instance's migration: the next attempt prepares it again.
    const retryable = isConnectionError(error) || isStalePreparedStatement(error);
    const apiError = error instanceof ApiError ? error : retryable ? errors.databaseUnavailable() : fromFastifyError(error);
    if (apiError.code === 'database_unavailable') request.log.warn({ err: error }, 'database unavailable');
    // A busy refusal (load shed on purpose, many at once in a burst) is no failure of the server's.
    else if (apiError.status >= 500 && apiError.code !== 'busy') request.log.error({ err: error }, 'request failed');
    void reply.status(apiError.status).headers(apiError.headers).send(apiError.body());
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.status(404).send(errors.notFound().body());
  });
}

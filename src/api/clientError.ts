/**
 * What the client makes of a failed request: one `ApiError` with a code to switch on and a message in Thai and
 * English that tells the user what to do next. The server's own words are kept (they name the round, the unit,
 * the limit); the client adds the next step where the server cannot know it ("your rows are kept").
 */
import { errorBodySchema, type ErrorCode } from './errors';

/** The server's codes, plus what only the client sees: no answer, no answer in time, an answer it cannot read. */
export type ClientErrorCode = ErrorCode | 'network' | 'timeout' | 'bad_response' | 'http_error';

export interface UserMessage {
  readonly th: string;
  readonly en: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly userMessage: UserMessage,
    /** The HTTP status; undefined when no answer came. */
    readonly status?: number,
    readonly details?: unknown,
  ) {
    super(userMessage.en);
    this.name = 'ApiError';
  }

  /**
   * Worth sending again with the same key: nothing came back (the server may or may not have applied it), or
   * the server failed. A 4xx is the server's considered answer; resending it changes nothing.
   */
  get retryable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      this.code === 'bad_response' ||
      (this.status !== undefined && this.status >= 500)
    );
  }

  /** The session is gone: sign in again, then carry on. */
  get needsSignIn(): boolean {
    return this.code === 'unauthenticated';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const KEPT = { th: 'ข้อมูลที่กรอกยังอยู่ครบ และจะส่งให้อีกครั้งเมื่อเชื่อมต่อได้', en: 'Your rows are kept and will be sent again when the server answers.' };

/** An error answer (any status ≥ 400) turned into what the user reads. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) {
    return status >= 500
      ? new ApiError(
          'http_error',
          { th: `เซิร์ฟเวอร์ขัดข้อง (HTTP ${status}) ${KEPT.th}`, en: `The server failed (HTTP ${status}). ${KEPT.en}` },
          status,
        )
      : new ApiError(
          'http_error',
          { th: `เซิร์ฟเวอร์ปฏิเสธคำขอ (HTTP ${status})`, en: `The server refused the request (HTTP ${status}).` },
          status,
        );
  }
  const { code, message, messageTh, details } = parsed.data.error;
  const said = { th: messageTh, en: message };
  const next = nextStep(code, status);
  const userMessage = next ? { th: `${said.th} — ${next.th}`, en: `${said.en}. ${next.en}` } : said;
  return new ApiError(code, userMessage, status, details);
}

/** What the user can do about each refusal, where the server's message alone does not say it. */
function nextStep(code: ErrorCode, status: number): UserMessage | undefined {
  switch (code) {
    case 'unauthenticated':
      return { th: 'กรุณาเข้าสู่ระบบอีกครั้ง ข้อมูลที่กรอกไว้ไม่หาย', en: 'Sign in again; nothing you entered is lost.' };
    case 'forbidden':
      return { th: 'ตรวจสอบหน่วยงานที่เลือก หรือขอสิทธิ์จากผู้ดูแลระบบ', en: 'Check the unit you chose, or ask the administrator for access.' };
    case 'round_closed':
      return {
        th: 'ข้อมูลในชีตยังอยู่ครบ ติดต่อส่วนกลางหากต้องการส่งหลังกำหนด',
        en: 'Your rows stay in the sheet; contact the central office to report late.',
      };
    case 'payload_too_large':
      return { th: 'ส่งเป็นชุดที่เล็กลง', en: 'Send smaller batches.' };
    case 'unsupported_media_type':
      return {
        th: 'โปรแกรมส่งข้อมูลในรูปแบบที่เซิร์ฟเวอร์ไม่รับ กรุณาปรับรุ่น Scorebook',
        en: 'The client sent a format the server does not accept; update Scorebook.',
      };
    case 'rate_limited':
    case 'too_many_attempts':
    case 'busy':
      return { th: 'รอสักครู่แล้วลองใหม่', en: 'Wait a moment and try again.' };
    default:
      return status >= 500 ? KEPT : undefined;
  }
}

export function networkError(timedOut: boolean): ApiError {
  return timedOut
    ? new ApiError('timeout', { th: `เซิร์ฟเวอร์ไม่ตอบภายในเวลาที่กำหนด ${KEPT.th}`, en: `The server did not answer in time. ${KEPT.en}` })
    : new ApiError('network', {
        th: `ติดต่อเซิร์ฟเวอร์ไม่ได้ ตรวจสอบการเชื่อมต่อเครือข่าย ${KEPT.th}`,
        en: `Cannot reach the server; check the network. ${KEPT.en}`,
      });
}

export function badResponse(status: number, why: string): ApiError {
  return new ApiError(
    'bad_response',
    {
      th: `คำตอบของเซิร์ฟเวอร์อ่านไม่ได้ (HTTP ${status}) ${KEPT.th}`,
      en: `The server's answer could not be read (HTTP ${status}: ${why}). ${KEPT.en}`,
    },
    status,
  );
}

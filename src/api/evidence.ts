/**
 * Evidence files (เอกสารหลักฐาน) from the client's side. A file is checked against the contract's limits before a
 * byte is sent (size, extension, and its first bytes), so a 12 MB scan or a .exe is refused at once with its name
 * in the message instead of after a long upload. Uploads go through a small transport: `XMLHttpRequest` where it
 * exists (browser, Office), because only it reports upload progress; `fetch` in Node, which reports only the end.
 * An upload carries no Idempotency-Key, so it is never retried (a lost answer could mean a stored file, and a
 * retry a second copy); downloads are reads and are retried like every read.
 */
import { ATTACHMENT_EXTENSIONS, attachmentSchema, MAX_ATTACHMENT_BYTES, type Attachment } from './attachments';
import { ApiError, badResponse, errorFromResponse, networkError, type UserMessage } from './clientError';
import { withRetries, withTimeLimit, type FetchLike, type HttpOptions } from './http';
import { formatNumber } from '../domain';

/** A file to attach: a browser `File` fits as it is (`{ name, size, data: file }`); in Node a Blob of the bytes. */
export interface EvidenceFile {
  readonly name: string;
  readonly size: number;
  readonly data: Blob;
}

export interface UploadRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: FormData;
  readonly timeoutMs: number;
  /** Bytes sent so far and in all (the multipart body, a little more than the file). */
  readonly onProgress?: (sent: number, total: number) => void;
}

export interface UploadAnswer {
  readonly status: number;
  readonly text: string;
}

/** Sends one multipart upload; rejects with the client's network or timeout ApiError when no answer came. */
export type UploadTransport = (request: UploadRequest) => Promise<UploadAnswer>;

const MB = 1024 * 1024;
const ALLOWED = ATTACHMENT_EXTENSIONS.join(' ');

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

function megabytes(bytes: number): string {
  return formatNumber(bytes / MB, 1);
}

export function fileTooLarge(name: string, size?: number): ApiError {
  const has = size === undefined ? '' : ` (${megabytes(size)} MB)`;
  return new ApiError(
    'payload_too_large',
    {
      th: `ไฟล์ "${name}"${has} ใหญ่เกิน ${MAX_ATTACHMENT_BYTES / MB} MB จึงไม่ได้แนบ ย่อขนาดไฟล์ (เช่น สแกนที่ความละเอียดต่ำลง) หรือแยกเป็นหลายไฟล์แล้วแนบใหม่`,
      en: `"${name}"${has} is larger than ${MAX_ATTACHMENT_BYTES / MB} MB and was not attached. Make it smaller (e.g. scan at a lower resolution) or split it into several files, then attach again.`,
    },
    undefined,
    { maxBytes: MAX_ATTACHMENT_BYTES },
  );
}

export function fileTypeRefused(name: string, contentMismatch = false): ApiError {
  const why = contentMismatch
    ? { th: `เนื้อไฟล์ "${name}" ไม่ตรงกับนามสกุล`, en: `The content of "${name}" does not match its extension` }
    : { th: `ไฟล์ "${name}" ไม่ใช่ชนิดที่แนบได้`, en: `"${name}" is not a type of file you can attach` };
  return new ApiError(
    'unsupported_file_type',
    {
      th: `${why.th} จึงไม่ได้แนบ เลือกไฟล์ชนิด ${ALLOWED} (บันทึกเป็น PDF หากไม่แน่ใจ)`,
      en: `${why.en}, so it was not attached. Choose a ${ALLOWED} file (save it as PDF when unsure).`,
    },
    undefined,
    { allowed: ATTACHMENT_EXTENSIONS },
  );
}

/** The checks that need no bytes: a name the contract allows, not empty, at most 10 MB. Undefined when fine. */
export function checkEvidenceFile(file: { readonly name: string; readonly size: number }): ApiError | undefined {
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) return fileTypeRefused(file.name);
  if (file.size > MAX_ATTACHMENT_BYTES) return fileTooLarge(file.name, file.size);
  if (file.size === 0) {
    return new ApiError('file_required', {
      th: `ไฟล์ "${file.name}" ว่างเปล่า (0 ไบต์) ตรวจสอบว่าบันทึกไฟล์เสร็จแล้วจึงแนบใหม่`,
      en: `"${file.name}" is empty (0 bytes); check that it was saved completely, then attach it again.`,
    });
  }
  return undefined;
}

/**
 * The first bytes against the extension, as the server will check them (src/server/attachments/fileTypes.ts):
 * %PDF, PNG, JPEG, the OLE header of .doc/.xls/.ppt, a ZIP for .docx/.xlsx/.pptx (the server also looks inside).
 */
const SIGNATURES: Record<string, readonly number[]> = {
  '.pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  '.png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  '.jpg': [0xff, 0xd8, 0xff],
  '.jpeg': [0xff, 0xd8, 0xff],
  '.doc': [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  '.xls': [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  '.ppt': [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  '.docx': [0x50, 0x4b, 0x03, 0x04],
  '.xlsx': [0x50, 0x4b, 0x03, 0x04],
  '.pptx': [0x50, 0x4b, 0x03, 0x04],
};

/** Every check before upload: name and size, then the leading bytes (skipped where the Blob cannot be read). */
export async function checkEvidenceContent(file: EvidenceFile): Promise<ApiError | undefined> {
  const refused = checkEvidenceFile(file);
  if (refused) return refused;
  const signature = SIGNATURES[extensionOf(file.name)] ?? [];
  const head = typeof file.data.slice === 'function' ? file.data.slice(0, signature.length) : undefined;
  if (!head || typeof head.arrayBuffer !== 'function') return undefined;
  const bytes = new Uint8Array(await head.arrayBuffer());
  return signature.every((b, i) => bytes[i] === b) ? undefined : fileTypeRefused(file.name, true);
}

/** Progress through XMLHttpRequest (`upload.onprogress`); the constructor is a seam for tests. */
export function xhrTransport(Xhr: typeof XMLHttpRequest): UploadTransport {
  return (r) =>
    new Promise<UploadAnswer>((resolve, reject) => {
      const xhr = new Xhr();
      xhr.open('POST', r.url);
      for (const [k, v] of Object.entries(r.headers)) xhr.setRequestHeader(k, v);
      xhr.timeout = r.timeoutMs;
      xhr.upload.onprogress = (e: ProgressEvent) => {
        if (e.lengthComputable) r.onProgress?.(e.loaded, e.total);
      };
      xhr.onload = () => resolve({ status: xhr.status, text: typeof xhr.responseText === 'string' ? xhr.responseText : '' });
      xhr.onerror = () => reject(networkError(false));
      xhr.onabort = () => reject(networkError(false));
      xhr.ontimeout = () => reject(networkError(true));
      xhr.send(r.body);
    });
}

/** Node (no XMLHttpRequest): fetch, whose progress is only "nothing yet" and "all of it". */
export function fetchTransport(fetchFn: FetchLike): UploadTransport {
  return (r) =>
    withTimeLimit(r.timeoutMs, async (signal, timedOut) => {
      try {
        r.onProgress?.(0, 1);
        const response = await fetchFn(r.url, { method: 'POST', headers: { ...r.headers }, body: r.body, signal });
        const text = await response.text();
        r.onProgress?.(1, 1);
        return { status: response.status, text };
      } catch {
        throw networkError(timedOut());
      }
    });
}

/** XMLHttpRequest where the platform has it, fetch otherwise. */
export function defaultUploadTransport(fetchFn: FetchLike): UploadTransport {
  return typeof XMLHttpRequest === 'function' ? xhrTransport(XMLHttpRequest) : fetchTransport(fetchFn);
}

export interface UploadOptions {
  /** 0..1 of this file's bytes sent. 1 means sent, not yet stored: "attached" comes with the server's answer. */
  readonly onProgress?: (fraction: number) => void;
}

/** One upload, once: the file's own error messages for 413 and 415, the server's words for the rest. */
export async function uploadEvidence(
  transport: UploadTransport,
  o: { baseUrl: string; path: string; token?: string; timeoutMs: number },
  file: EvidenceFile,
  options: UploadOptions = {},
): Promise<Attachment> {
  const refused = await checkEvidenceContent(file);
  if (refused) throw refused;
  const body = new FormData();
  body.append('file', file.data, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let answer: UploadAnswer;
  try {
    answer = await transport({
      url: `${o.baseUrl.replace(/\/+$/, '')}${o.path}`,
      headers,
      body,
      timeoutMs: o.timeoutMs,
      onProgress: (sent, total) => options.onProgress?.(total > 0 ? Math.min(1, sent / total) : 0),
    });
  } catch (e) {
    if (e instanceof ApiError) throw uploadUnanswered(file.name, e);
    throw e;
  }
  let json: unknown;
  try {
    json = answer.text === '' ? undefined : JSON.parse(answer.text);
  } catch {
    json = undefined;
  }
  if (answer.status === 413) throw fileTooLarge(file.name, file.size);
  if (answer.status >= 400) {
    const error = errorFromResponse(answer.status, json);
    if (error.code === 'unsupported_file_type') throw fileTypeRefused(file.name, true);
    throw error;
  }
  const parsed = attachmentSchema.safeParse(json);
  if (!parsed.success) throw uploadUnanswered(file.name, badResponse(answer.status, parsed.error.issues[0]?.message ?? 'unexpected shape'));
  return parsed.data;
}

/** No answer to an upload: the file may or may not be stored, so the list is the place to look before retrying. */
function uploadUnanswered(name: string, cause: ApiError): ApiError {
  const what: UserMessage =
    cause.code === 'timeout'
      ? { th: 'เซิร์ฟเวอร์ไม่ตอบภายในเวลาที่กำหนด', en: 'The server did not answer in time' }
      : cause.code === 'bad_response'
        ? { th: 'คำตอบของเซิร์ฟเวอร์อ่านไม่ได้', en: "The server's answer could not be read" }
        : { th: 'ติดต่อเซิร์ฟเวอร์ไม่ได้', en: 'The server could not be reached' };
  return new ApiError(
    cause.code,
    {
      th: `${what.th} ขณะแนบไฟล์ "${name}" ตรวจสอบเครือข่าย แล้วดูรายการไฟล์ก่อนแนบอีกครั้ง (ไฟล์อาจถูกบันทึกแล้ว)`,
      en: `${what.en} while attaching "${name}". Check the network, then look at the list before attaching it again (it may have been stored).`,
    },
    cause.status,
  );
}

export interface DownloadedFile {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Blob;
}

/** A file's bytes: a read, so retried with backoff on no answer and 5xx, like every read. */
export async function downloadEvidence(
  http: HttpOptions,
  path: string,
  token: string | undefined,
  meta: Pick<Attachment, 'filename' | 'contentType'>,
): Promise<DownloadedFile> {
  return withRetries(http, true, () => downloadOnce(http, path, token, meta));
}

async function downloadOnce(
  http: HttpOptions,
  path: string,
  token: string | undefined,
  meta: Pick<Attachment, 'filename' | 'contentType'>,
): Promise<DownloadedFile> {
  return withTimeLimit(http.timeoutMs, async (signal, timedOut) => {
    http.onAttempt?.();
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    let data: Blob;
    try {
      response = await http.fetch(`${http.baseUrl.replace(/\/+$/, '')}${path}`, { method: 'GET', headers, signal });
      if (response.status >= 400) {
        const text = await response.text();
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        throw errorFromResponse(response.status, json);
      }
      data = await response.blob();
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw networkError(timedOut());
    }
    return { filename: meta.filename, contentType: response.headers.get('content-type') ?? meta.contentType, data };
  });
}

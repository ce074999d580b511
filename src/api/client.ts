/**
 * The reporting API's client, for the task pane and the CLI: typed by the same zod schemas the server validates
 * with, and every answer parsed by them. Requests time out, and those safe to repeat (reads, batches under their
 * Idempotency-Key) are retried with backoff on network failures and 5xx — never on a 4xx. Errors are `ApiError`s
 * with a message in Thai and English (clientError.ts). Submitting rows in batches is `submitRows` (submit.ts).
 */
import { z } from 'zod';
import { assessmentDocumentSchema, assessmentListSchema, putAssessmentResponseSchema, type ApiAssessmentDocument } from './assessments';
import { attachmentListSchema, type Attachment } from './attachments';
import { isApiError } from './clientError';
import {
  defaultUploadTransport,
  downloadEvidence,
  uploadEvidence,
  type DownloadedFile,
  type EvidenceFile,
  type UploadOptions,
  type UploadTransport,
} from './evidence';
import { requestJson, type FetchLike, type HttpOptions, type JsonRequest } from './http';
import { MemoryPendingStore, type BatchTarget, type PendingStore } from './pending';
import { batchResponseSchema, reportListSchema, reportResponseSchema, type BatchBody, type BatchResponse, type ReportRow } from './reports';
import { roundReportListSchema, type UnitReports } from './roundReports';
import { overviewSchema, type Overview } from './overview';
import { unitHistorySchema, type UnitHistory } from './history';
import { DEFAULT_RETRY, realSleep, type RetryPolicy } from './retry';
import { reportFileName, type ReportDocumentFormat } from './reportDocument';
import { paths } from './routes';
import { sessionSchema, type Session } from './sessions';
import { resendPending, submitRows, type SubmitOptions, type SubmitReport } from './submit';

export interface ClientOptions {
  /** The server's address, e.g. https://scorebook.example.go.th (no trailing /api/v1). */
  readonly baseUrl: string;
  /** Default: the global fetch (Node 20, browsers). */
  readonly fetch?: FetchLike;
  /** Per attempt. Default 30 s: a 10,000-row batch takes seconds on a busy server. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Where unconfirmed batches wait; default in memory. The pane passes the workbook's. */
  readonly pending?: PendingStore;
  /**
   * Called when the session has ended (401) in the middle of work: return a new session (ask the user to sign in
   * again) and the request is sent again with it, or undefined to give up (the batch stays pending).
   */
  readonly reauthenticate?: () => Promise<Session | undefined>;
  /** How evidence files are uploaded; default XMLHttpRequest where it exists (progress), else fetch. */
  readonly upload?: UploadTransport;
  /** Per upload. Default 5 minutes: 10 MB over a slow provincial line takes minutes, not seconds. */
  readonly uploadTimeoutMs?: number;
  /** Test seams: waiting between retries, the jitter, new keys. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly newKey?: () => string;
  readonly now?: () => Date;
}

const emptySchema = z.unknown();

export class ScorebookClient {
  readonly pending: PendingStore;
  private session: Session | undefined;
  private readonly http: HttpOptions;
  private readonly options: ClientOptions;
  private readonly upload: UploadTransport;
  /** HTTP attempts made (retries included): the benchmark reports it. */
  requestCount = 0;

  constructor(options: ClientOptions) {
    this.options = options;
    this.pending = options.pending ?? new MemoryPendingStore();
    const fetchFn = options.fetch ?? ((url: string, init: RequestInit) => globalThis.fetch(url, init));
    this.http = {
      baseUrl: options.baseUrl,
      fetch: fetchFn,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
      onAttempt: () => {
        this.requestCount++;
      },
    };
    this.upload = options.upload ?? defaultUploadTransport(fetchFn);
  }

  get currentSession(): Session | undefined {
    return this.session;
  }

  /** Keeps a session signed in elsewhere (the pane's sign-in panel, a test). */
  useSession(session: Session | undefined): void {
    this.session = session;
  }

  newKey(): string {
    return this.options.newKey ? this.options.newKey() : globalThis.crypto.randomUUID();
  }

  now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  async signIn(username: string, password: string): Promise<Session> {
    // Not retried: a wrong password is a 401 anyway, and the user is there to press the button again.
    const session = await requestJson(this.http, {
      method: 'POST',
      path: paths.sessions,
      body: { username, password },
      schema: sessionSchema,
      retry: false,
    });
    this.session = session;
    return session;
  }

  async signOut(): Promise<void> {
    if (!this.session) return;
    try {
      await this.authed({ method: 'DELETE', path: paths.currentSession, schema: emptySchema, retry: false });
    } finally {
      this.session = undefined;
    }
  }

  async listAssessments(): Promise<z.infer<typeof assessmentListSchema>['assessments']> {
    return (await this.authed({ method: 'GET', path: paths.assessments, schema: assessmentListSchema, retry: true })).assessments;
  }

  async getAssessment(aid: string): Promise<ApiAssessmentDocument> {
    return this.authed({ method: 'GET', path: paths.assessment(aid), schema: assessmentDocumentSchema, retry: true });
  }

  /**
   * Creates or replaces an assessment (central staff). Not retried: a replacement is not idempotent in the audit,
   * and the person is there to press the button again. A document with errors is a 400 whose details carry them.
   */
  async putAssessment(aid: string, document: unknown): Promise<z.infer<typeof putAssessmentResponseSchema>> {
    return this.authed({ method: 'PUT', path: paths.assessment(aid), body: document, schema: putAssessmentResponseSchema, retry: false });
  }

  async listReports(t: BatchTarget): Promise<ReportRow[]> {
    return (await this.authed({ method: 'GET', path: paths.reports(t.aid, t.round, t.unit), schema: reportListSchema, retry: true }))
      .reports;
  }

  /** Every unit's rows in a round, unit by unit (central staff; approvers get their units); `units` narrows it. */
  async listRoundReports(aid: string, round: number, units?: readonly string[]): Promise<UnitReports[]> {
    const query = units && units.length > 0 ? `?units=${encodeURIComponent(units.join(','))}` : '';
    return (
      await this.authed({ method: 'GET', path: `${paths.roundReports(aid, round)}${query}`, schema: roundReportListSchema, retry: true })
    ).units;
  }

  /** The round's overview of every unit the caller may see (central staff; approvers get their units). */
  async getOverview(aid: string, round: number): Promise<Overview> {
    return this.authed({ method: 'GET', path: paths.overview(aid, round), schema: overviewSchema, retry: true });
  }

  /** One unit's totals and results at every round of this assessment and of its predecessors. */
  async getUnitHistory(aid: string, unit: string): Promise<UnitHistory> {
    return this.authed({ method: 'GET', path: paths.history(aid, unit), schema: unitHistorySchema, retry: true });
  }

  /** One batch, under the key it was stored with; retried with that same key. */
  async postBatch(t: BatchTarget, body: BatchBody, key: string): Promise<BatchResponse> {
    return this.authed({
      method: 'POST',
      path: paths.reports(t.aid, t.round, t.unit),
      body,
      headers: { 'idempotency-key': key },
      schema: batchResponseSchema,
      retry: true,
    });
  }

  async approve(t: BatchTarget, indicatorId: string, o: { comment?: string; version?: number } = {}): Promise<ReportRow> {
    return (
      await this.authed({
        method: 'POST',
        path: paths.approve(t.aid, t.round, t.unit, indicatorId),
        body: o,
        schema: reportResponseSchema,
        retry: false,
      })
    ).report;
  }

  async returnRow(t: BatchTarget, indicatorId: string, o: { comment: string; version?: number }): Promise<ReportRow> {
    return (
      await this.authed({
        method: 'POST',
        path: paths.return(t.aid, t.round, t.unit, indicatorId),
        body: o,
        schema: reportResponseSchema,
        retry: false,
      })
    ).report;
  }

  submitRows(t: BatchTarget, rows: BatchBody['rows'], options: SubmitOptions): Promise<SubmitReport> {
    return submitRows(this, t, rows, options);
  }

  resendPending(options: Pick<SubmitOptions, 'onProgress'> = {}): Promise<SubmitReport> {
    return resendPending(this, options);
  }

  /**
   * Does the server answer (GET /healthz: the process and its database)? One short attempt, never retried: the
   * pane asks it on its own schedule (useAutoResend) before resending pending batches.
   */
  async checkHealth(): Promise<boolean> {
    try {
      await requestJson(
        { ...this.http, timeoutMs: Math.min(this.http.timeoutMs, 5_000) },
        { method: 'GET', path: paths.health, schema: emptySchema, retry: false },
      );
      return true;
    } catch (e) {
      if (isApiError(e)) return false;
      throw e;
    }
  }

  /** A row's evidence files (เอกสารหลักฐาน), oldest first. */
  async listAttachments(t: BatchTarget, indicatorId: string): Promise<Attachment[]> {
    return (
      await this.authed({
        method: 'GET',
        path: paths.attachments(t.aid, t.round, t.unit, indicatorId),
        schema: attachmentListSchema,
        retry: true,
      })
    ).attachments;
  }

  /** Checked (size, type, first bytes) before anything is sent; sent once, with progress (evidence.ts). */
  uploadAttachment(t: BatchTarget, indicatorId: string, file: EvidenceFile, options: UploadOptions = {}): Promise<Attachment> {
    const path = paths.attachments(t.aid, t.round, t.unit, indicatorId);
    const timeoutMs = this.options.uploadTimeoutMs ?? 300_000;
    const counted: UploadTransport = (r) => {
      this.requestCount++;
      return this.upload(r);
    };
    return this.withSession((token) => uploadEvidence(counted, { baseUrl: this.http.baseUrl, path, token, timeoutMs }, file, options));
  }

  /** A file's bytes, named as it was uploaded. */
  downloadAttachment(
    t: BatchTarget,
    attachment: Pick<Attachment, 'id' | 'indicatorId' | 'filename' | 'contentType'>,
  ): Promise<DownloadedFile> {
    const path = paths.attachment(t.aid, t.round, t.unit, attachment.indicatorId, attachment.id);
    return this.withSession((token) => downloadEvidence(this.http, path, token, attachment));
  }

  /**
   * The unit's report of the round as the server draws it from its stored rows (report.pdf / report.docx), with
   * both totals and the evidence list; a read, retried like one. Its type is the server's content-type.
   */
  downloadReport(
    t: BatchTarget,
    format: ReportDocumentFormat,
    o: { lang?: 'th' | 'en'; thaiDigits?: boolean } = {},
  ): Promise<DownloadedFile> {
    const query = new URLSearchParams();
    if (o.lang) query.set('lang', o.lang);
    if (o.thaiDigits) query.set('thaiDigits', '1');
    const path = `${paths.reportDocument(t.aid, t.round, t.unit, format)}${query.size > 0 ? `?${query}` : ''}`;
    const filename = reportFileName(t.aid, t.round, t.unit, format);
    return this.withSession((token) => downloadEvidence(this.http, path, token, { filename, contentType: 'application/octet-stream' }));
  }

  /** A request with the session's token; on 401, one new sign-in (when the caller can ask for it) and once more. */
  private authed<T>(r: Omit<JsonRequest<T>, 'token'>): Promise<T> {
    return this.withSession((token) => requestJson(this.http, { ...r, token }));
  }

  private async withSession<T>(send: (token: string | undefined) => Promise<T>): Promise<T> {
    try {
      return await send(this.session?.token);
    } catch (e) {
      if (!isApiError(e) || !e.needsSignIn || !this.options.reauthenticate) throw e;
      const session = await this.options.reauthenticate();
      if (!session) throw e;
      this.session = session;
      return send(session.token);
    }
  }
}

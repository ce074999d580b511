/** The API client as the server panel sees it: ScorebookClient in the add-in, a fake in tests. */
import type {
  ApiAssessmentDocument,
  ApiIssue,
  ApiRound,
  Attachment,
  BatchRow,
  Overview,
  ReportRow,
  Session as ApiSession,
  UnitReports,
} from '../../api';
import { ScorebookClient } from '../../api/client';
import type { DownloadedFile, EvidenceFile, UploadOptions } from '../../api/evidence';
import type { BatchTarget, PendingStore } from '../../api/pending';
import type { SubmitOptions, SubmitReport } from '../../api/submit';
import type { UnitHistory } from '../../api/history';

/** What the panel needs of the API client (ScorebookClient in the add-in, a fake in tests). */
export interface ServerClient {
  signIn(username: string, password: string): Promise<ApiSession>;
  listAssessments(): Promise<{ id: string; title: string; units: { id: string; name: string }[]; rounds: ApiRound[] }[]>;
  getAssessment(aid: string): Promise<ApiAssessmentDocument>;
  listReports(t: BatchTarget): Promise<ReportRow[]>;
  /** Every unit's rows in a round (central staff): "open all units". Optional: fakes may leave it out. */
  listRoundReports?(aid: string, round: number): Promise<UnitReports[]>;
  /** The round's overview (central staff, approvers for their units): the overview sheet. Optional: fakes may leave it out. */
  getOverview?(aid: string, round: number): Promise<Overview>;
  submitRows(t: BatchTarget, rows: BatchRow[], options: SubmitOptions): Promise<SubmitReport>;
  resendPending(options?: Pick<SubmitOptions, 'onProgress'>): Promise<SubmitReport>;
  approve(t: BatchTarget, indicatorId: string, o: { comment?: string; version?: number }): Promise<ReportRow>;
  returnRow(t: BatchTarget, indicatorId: string, o: { comment: string; version?: number }): Promise<ReportRow>;
  /** Where batches wait for their answers (ScorebookClient's); the workbook's lets a submit write the record once. */
  readonly pending?: PendingStore;
  /** Optional (fakes may leave them out): is the server there (auto-resend), and evidence files (EvidencePanel). */
  checkHealth?(): Promise<boolean>;
  listAttachments?(t: BatchTarget, indicatorId: string): Promise<Attachment[]>;
  uploadAttachment?(t: BatchTarget, indicatorId: string, file: EvidenceFile, o?: UploadOptions): Promise<Attachment>;
  /** Central staff: create or replace an assessment (PublishPanel). Optional: fakes may leave it out. */
  putAssessment?(
    aid: string,
    document: unknown,
  ): Promise<{ assessment: ApiAssessmentDocument; created?: boolean; version?: number; issues: ApiIssue[] }>;
  /** A unit's totals and results at every round of this assessment and its predecessors (HistoryPanel). */
  getUnitHistory?(aid: string, unit: string): Promise<UnitHistory>;
  downloadAttachment?(t: BatchTarget, a: Pick<Attachment, 'id' | 'indicatorId' | 'filename' | 'contentType'>): Promise<DownloadedFile>;
  /** The server's report document of the unit's round (ReportButtons); optional, as fakes may leave it out. */
  downloadReport?(t: BatchTarget, format: 'pdf' | 'docx', o?: { lang?: 'th' | 'en'; thaiDigits?: boolean }): Promise<DownloadedFile>;
}

export type Connect = (
  baseUrl: string,
  hooks: { reauthenticate: () => Promise<ApiSession | undefined>; pending: PendingStore },
) => ServerClient;

export const connectToServer: Connect = (baseUrl, hooks) => new ScorebookClient({ baseUrl, ...hooks });

/**
 * A fake API client for the Server tab's evidence and auto-resend tests: the rows and batches of a reachable or
 * unreachable server (batches kept pending as the real client keeps them), /healthz, and evidence files whose
 * uploads report progress as the test lets them (a gate per upload).
 */
import type { ApiRound, Attachment, BatchRow, ReportRow, Session } from '../../src/api';
import { networkError } from '../../src/api/clientError';
import { checkEvidenceContent, type EvidenceFile, type UploadOptions } from '../../src/api/evidence';
import type { BatchTarget, PendingStore } from '../../src/api/pending';
import type { SubmitOptions, SubmitReport } from '../../src/api/submit';
import type { ServerClient } from '../../src/taskpane/components/ServerPanel';
import { sample } from './sheetGrid';

export const NOW = new Date('2024-03-25T03:00:00Z');
const rounds: ApiRound[] = [
  { round: 6, opensAt: '2024-02-29T17:00:00Z', closesAt: '2024-04-04T16:59:59Z' },
  // A later round, so a test can open one sheet after another.
  { round: 9, opensAt: '2024-06-01T17:00:00Z', closesAt: '2024-07-04T16:59:59Z' },
];

export class FakeEvidenceClient implements ServerClient {
  /** The server cannot be reached: batches stay pending, /healthz does not answer. */
  down = false;
  healthChecks = 0;
  sent: BatchRow[][] = [];
  resent: string[] = [];
  files: Attachment[] = [];
  /** Every evidence call, in order: "list 5", "upload 5 a.pdf", "download a1". */
  calls: string[] = [];
  /** Uploads wait here until the test lets them finish: progress goes out at 0.5 first. */
  private gates: (() => void)[] = [];

  constructor(readonly hooks: { reauthenticate: () => Promise<Session | undefined>; pending: PendingStore }) {}

  async signIn(username: string): Promise<Session> {
    return {
      token: 't1',
      expiresAt: '2099-01-01T00:00:00Z',
      user: { username, name: 'ผู้รายงาน ปทุมธานี', roles: ['reporter'], units: ['pte'] },
    };
  }
  async listAssessments() {
    return [{ id: 'pte-2567', title: 'ตัวชี้วัดจังหวัดปทุมธานี', units: [{ id: 'pte', name: 'จังหวัดปทุมธานี' }], rounds }];
  }
  async getAssessment() {
    return sample('pte-2567').document as never;
  }
  async listReports(): Promise<ReportRow[]> {
    return [];
  }
  async submitRows(t: BatchTarget, rows: BatchRow[], o: SubmitOptions): Promise<SubmitReport> {
    const batch = { key: `k${this.sent.length}`, target: t, body: { action: o.action, rows }, createdAt: NOW.toISOString() };
    this.sent.push(rows);
    await this.hooks.pending.add([batch]);
    if (this.down) {
      const error = networkError(false);
      return { late: false, error, outcomes: rows.map((r) => ({ indicatorId: r.indicatorId, outcome: 'pending' as const, error })) };
    }
    await this.hooks.pending.remove(batch.key);
    await this.hooks.pending.flush();
    return accepted(rows);
  }
  async resendPending(): Promise<SubmitReport> {
    if (this.down) throw networkError(false);
    const outcomes: SubmitReport['outcomes'][number][] = [];
    for (const b of await this.hooks.pending.list()) {
      this.resent.push(b.key);
      await this.hooks.pending.remove(b.key);
      outcomes.push(...accepted([...b.body.rows]).outcomes);
    }
    await this.hooks.pending.flush();
    return { late: false, outcomes };
  }
  async approve(): Promise<ReportRow> {
    throw new Error('not in these tests');
  }
  async returnRow(): Promise<ReportRow> {
    throw new Error('not in these tests');
  }
  async checkHealth(): Promise<boolean> {
    this.healthChecks++;
    return !this.down;
  }
  /** The rounds each list of evidence files was asked for, in order. */
  listedRounds: number[] = [];
  async listAttachments(t: BatchTarget, indicatorId: string): Promise<Attachment[]> {
    this.calls.push(`list ${indicatorId}`);
    this.listedRounds.push(t.round);
    return this.files.filter((f) => f.indicatorId === indicatorId);
  }
  async uploadAttachment(_t: BatchTarget, indicatorId: string, file: EvidenceFile, o: UploadOptions = {}): Promise<Attachment> {
    // The real client's own checks, so the pane's early refusal is tested against the same rules.
    const refused = await checkEvidenceContent(file);
    if (refused) throw refused;
    this.calls.push(`upload ${indicatorId} ${file.name}`);
    o.onProgress?.(0.5);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    o.onProgress?.(1);
    const meta: Attachment = {
      id: `a${this.files.length + 1}`,
      indicatorId,
      filename: file.name,
      contentType: 'application/pdf',
      size: file.size,
      sha256: 'x',
      uploadedBy: 'pte.reporter',
      uploadedAt: '2024-03-25T03:00:00.000Z',
    };
    this.files.push(meta);
    return meta;
  }
  /** Lets the uploads waiting so far finish. */
  finishUploads(): void {
    for (const go of this.gates.splice(0)) go();
  }
  async downloadAttachment(_t: BatchTarget, a: Pick<Attachment, 'id' | 'filename' | 'contentType'>) {
    this.calls.push(`download ${a.id}`);
    return { filename: a.filename, contentType: a.contentType, data: new Blob(['%PDF-1.4']) };
  }
}

function accepted(rows: BatchRow[]): SubmitReport {
  return {
    late: false,
    outcomes: rows.map((r) => ({
      indicatorId: r.indicatorId,
      outcome: 'accepted' as const,
      result: { indicatorId: r.indicatorId, outcome: 'accepted' as const, version: r.baseVersion + 1 },
    })),
  };
}

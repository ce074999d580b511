/**
 * Test helper: an in-memory reporting API behind the pane's ServerClient, storing values as PostgreSQL's jsonb
 * gives them back (object keys by length, then bytewise: `{"num":40,"den":50}` comes back `{"den":50,"num":40}`),
 * with versions, submit/approve, and the client's pending store used as the real client uses it.
 */
import type { ApiRound, BatchRow, ReportRow, Session } from '../../src/api';
import type { BatchTarget, PendingStore } from '../../src/api/pending';
import type { SubmitOptions, SubmitReport } from '../../src/api/submit';
import type { Connect, ServerClient } from '../../src/taskpane/components/ServerPanel';
import type { LoadedAssessment } from '../../src/taskpane/model/loadAssessment';

/** A JSON value with its object keys in jsonb's order. */
export function asJsonb(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(asJsonb);
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(keys.map((k) => [k, asJsonb((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export const stored = (
  indicatorId: string,
  value: ReportRow['value'],
  version: number,
  status: ReportRow['status'] = 'draft',
): ReportRow => ({
  indicatorId,
  value: asJsonb(value) as ReportRow['value'],
  explanation: null,
  obstacles: null,
  remarks: null,
  status,
  version,
  updatedBy: 'reporter',
  updatedAt: '2024-10-20T03:00:00Z',
  comment: null,
  late: false,
  submittedAt: null,
});

export class FakeReportServer {
  reports: ReportRow[] = [];
  sent: BatchRow[][] = [];
  constructor(
    readonly loaded: LoadedAssessment,
    readonly unit: { id: string; name: string },
    readonly rounds: ApiRound[],
    readonly user: Session['user'],
  ) {}

  approve(id: string): void {
    const row = this.reports.find((r) => r.indicatorId === id)!;
    Object.assign(row, { status: 'approved', version: row.version + 1, updatedBy: 'approver' });
  }

  readonly connect: Connect = (_url, hooks) => new FakeClient(this, hooks.pending);
}

class FakeClient implements ServerClient {
  constructor(
    private readonly server: FakeReportServer,
    readonly pending: PendingStore,
  ) {}
  async signIn(): Promise<Session> {
    return { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: this.server.user };
  }
  async listAssessments() {
    const { loaded, unit, rounds } = this.server;
    return [{ id: loaded.assessment.id, title: loaded.assessment.title, units: [unit], rounds }];
  }
  async getAssessment() {
    return this.server.loaded.document as never;
  }
  async listReports(_t: BatchTarget): Promise<ReportRow[]> {
    return this.server.reports.map((r) => ({ ...r, value: asJsonb(r.value) as ReportRow['value'] }));
  }
  async submitRows(_t: BatchTarget, rows: BatchRow[], o: SubmitOptions): Promise<SubmitReport> {
    this.server.sent.push(rows);
    o.onProgress?.({ rowsDone: rows.length, rowsTotal: rows.length, batchesDone: 1, batchesTotal: 1 });
    const outcomes = rows.map((r): SubmitReport['outcomes'][number] => {
      const old = this.server.reports.find((x) => x.indicatorId === r.indicatorId);
      if (old?.status === 'approved')
        return { indicatorId: r.indicatorId, outcome: 'locked', result: { indicatorId: r.indicatorId, outcome: 'locked' } };
      const next = { ...stored(r.indicatorId, r.value as ReportRow['value'], (old?.version ?? 0) + 1, 'submitted') };
      this.server.reports = [...this.server.reports.filter((x) => x !== old), next];
      return {
        indicatorId: r.indicatorId,
        outcome: 'accepted',
        result: { indicatorId: r.indicatorId, outcome: 'accepted', version: next.version },
      };
    });
    return { late: false, outcomes };
  }
  async resendPending(): Promise<SubmitReport> {
    return { late: false, outcomes: [] };
  }
  async approve(): Promise<ReportRow> {
    throw new Error('not in these tests');
  }
  async returnRow(): Promise<ReportRow> {
    throw new Error('not in these tests');
  }
}

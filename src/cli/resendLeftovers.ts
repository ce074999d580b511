/**
 * What an earlier `scorebook submit` of the same workbook left unconfirmed (FilePendingStore), resent first and
 * under the same keys. A row the resend has just stored, with the value the sheet still holds, is not sent a
 * second time by this run: the server holds it once. While any batch stays unconfirmed, this run sends nothing
 * new — new rows under new keys beside an old batch would store the same row twice once both got through.
 * A batch the server refused as a whole is not resent and does not hold new rows back: nothing of it was stored.
 */
import type { BatchBody } from '../api';
import type { ApiError } from '../api/clientError';
import { isRefused, type BatchTarget, type PendingBatch } from '../api/pending';
import type { RowOutcome, SubmitReport } from '../api/submit';

export interface Leftovers {
  /** Rows in the batches resent. */
  readonly rows: number;
  readonly outcomes: readonly RowOutcome[];
  /** Batches still unconfirmed after the resend (the server is still out of reach, or the session ended). */
  readonly stillPending: number;
  readonly error?: ApiError;
  /** Did the resend store this very row, with this value, by this action? Then this run need not send it. */
  confirmed(target: BatchTarget, action: BatchBody['action'], indicatorId: string, value: unknown): boolean;
}

/** What resendLeftovers needs of the client. */
export interface LeftoverClient {
  readonly pending: { list(): Promise<readonly PendingBatch[]> };
  resendPending(): Promise<SubmitReport>;
}

/** Undefined when nothing was left. */
export async function resendLeftovers(client: LeftoverClient): Promise<Leftovers | undefined> {
  const batches = (await client.pending.list()).filter((b) => !isRefused(b));
  if (batches.length === 0) return undefined;
  const report = await client.resendPending();
  // Outcomes come batch by batch, one per row, in the order the batches were resent.
  const stored = new Map<string, string>();
  let at = 0;
  for (const b of batches) {
    const mine = report.outcomes.slice(at, at + b.body.rows.length);
    at += b.body.rows.length;
    for (const r of b.body.rows) {
      if (mine.some((o) => o.indicatorId === r.indicatorId && o.outcome === 'accepted'))
        stored.set(rowKey(b.target, b.body.action, r.indicatorId), JSON.stringify(r.value));
    }
  }
  return {
    rows: batches.reduce((n, b) => n + b.body.rows.length, 0),
    outcomes: report.outcomes,
    stillPending: (await client.pending.list()).filter((b) => !isRefused(b)).length,
    ...(report.error ? { error: report.error } : {}),
    confirmed: (target, action, indicatorId, value) => stored.get(rowKey(target, action, indicatorId)) === JSON.stringify(value),
  };
}

function rowKey(t: BatchTarget, action: string, indicatorId: string): string {
  return JSON.stringify([t.aid, t.round, t.unit, action, indicatorId]);
}

/**
 * Rows to the server in batches. Every batch gets its key and is stored as pending before the first is sent, so
 * a pane closed in the middle leaves every unsent or unconfirmed batch behind to resend; a batch leaves the store
 * only once the server's answer has been read (accepted rows and per-row refusals alike). A batch the server
 * refused as a whole (a 4xx: round closed, forbidden, a body it cannot take) stays in the store marked refused with
 * the server's message: shown, never resent, until the person forgets it; the batches after it are still sent, each
 * gets its own answer. When the server cannot be reached (or asks to slow down) the rest is not tried: it is kept,
 * and "submitted" is never claimed for it.
 */
import { ApiError, isApiError } from './clientError';
import { isRefused, type BatchRefusal, type BatchTarget, type PendingBatch } from './pending';
import type { BatchBody, BatchResult } from './reports';

/** What became of one row: the server's answer, or why there is none yet. */
export type RowOutcome =
  | { readonly indicatorId: string; readonly outcome: BatchResult['outcome']; readonly result: BatchResult }
  /** Not confirmed (no answer, session ended): kept in the pending store with its key, resent later. */
  | { readonly indicatorId: string; readonly outcome: 'pending'; readonly error: ApiError }
  /** The server refused the whole batch (round closed, forbidden …); nothing was stored, the sheet keeps the rows, the store the batch (marked refused). */
  | { readonly indicatorId: string; readonly outcome: 'refused'; readonly error: ApiError };

export interface SubmitProgress {
  readonly rowsDone: number;
  readonly rowsTotal: number;
  readonly batchesDone: number;
  readonly batchesTotal: number;
}

export interface SubmitOptions {
  readonly action: BatchBody['action'];
  /** Rows per batch (the issue: at most 500, so one batch's answer comes back quickly and progress moves). */
  readonly batchSize?: number;
  readonly onProgress?: (p: SubmitProgress) => void;
}

export interface SubmitReport {
  readonly outcomes: readonly RowOutcome[];
  /** The batch was accepted after the round closed (the round allows it): the scores carry the penalty. */
  readonly late: boolean;
  /** The first error: one that stopped sending (network, session, rate limit), or a batch's refusal. */
  readonly error?: ApiError;
}

export const DEFAULT_BATCH_SIZE = 500;

/** What submit.ts needs from the client (kept narrow so the order of module loading does not matter). */
export interface BatchSender {
  readonly pending: {
    list(): Promise<readonly PendingBatch[]>;
    add(batches: readonly PendingBatch[]): Promise<void>;
    remove(key: string): Promise<void>;
    markRefused(key: string, refusal: BatchRefusal): Promise<void>;
    flush(): Promise<void>;
  };
  postBatch(t: BatchTarget, body: BatchBody, key: string): Promise<{ results: BatchResult[]; late?: boolean }>;
  newKey(): string;
  now(): Date;
}

export function splitIntoBatches(
  client: Pick<BatchSender, 'newKey' | 'now'>, target: BatchTarget, rows: BatchBody['rows'], action: BatchBody['action'], batchSize: number,
): PendingBatch[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const createdAt = client.now().toISOString();
  const batches: PendingBatch[] = [];
  for (let i = 0; i < rows.length; i += batchSize) {
    batches.push({ key: client.newKey(), target, body: { action, rows: rows.slice(i, i + batchSize) }, createdAt });
  }
  return batches;
}

export async function submitRows(
  client: BatchSender, target: BatchTarget, rows: BatchBody['rows'], options: SubmitOptions,
): Promise<SubmitReport> {
  const batches = splitIntoBatches(client, target, rows, options.action, options.batchSize ?? DEFAULT_BATCH_SIZE);
  if (batches.length === 0) return { outcomes: [], late: false };
  await client.pending.add(batches);
  return sendStored(client, batches, options.onProgress);
}

/**
 * Sends again every batch the store holds (from this pane, or one closed before it heard back), same keys; not
 * those the server refused as a whole, which would only be refused again.
 */
export async function resendPending(client: BatchSender, options: Pick<SubmitOptions, 'onProgress'> = {}): Promise<SubmitReport> {
  return sendStored(client, (await client.pending.list()).filter((b) => !isRefused(b)), options.onProgress);
}

async function sendStored(client: BatchSender, batches: readonly PendingBatch[], onProgress?: (p: SubmitProgress) => void): Promise<SubmitReport> {
  const outcomes: RowOutcome[] = [];
  const rowsTotal = batches.reduce((n, b) => n + b.body.rows.length, 0);
  let late = false;
  let stop: ApiError | undefined;
  let first: ApiError | undefined;
  let batchesDone = 0;
  for (const batch of batches) {
    if (stop) {
      // No answer at all: they stay pending, to go when the server answers again.
      outcomes.push(...unanswered(batch, stop));
      continue;
    }
    try {
      const response = await client.postBatch(batch.target, batch.body, batch.key);
      // Removed only now that the answer is read; losing it before this line means sending it again, same key.
      await client.pending.remove(batch.key);
      late ||= response.late === true;
      outcomes.push(...response.results.map((result) => ({ indicatorId: result.indicatorId, outcome: result.outcome, result })));
    } catch (e) {
      if (!isApiError(e)) throw e;
      first ??= e;
      // Refused: kept with the server's answer, and the next batch is tried (it may be fine, or be refused too).
      if (isRefusal(e)) await client.pending.markRefused(batch.key, refusalOf(e, client.now()));
      else stop = e;
      outcomes.push(...unanswered(batch, e));
    }
    batchesDone++;
    onProgress?.({ rowsDone: outcomes.length, rowsTotal, batchesDone, batchesTotal: batches.length });
  }
  // One write of every batch confirmed above, not one per batch (a store may defer its removals until here).
  await client.pending.flush();
  return first ? { outcomes, late, error: first } : { outcomes, late };
}

/**
 * The server's considered no to a whole batch; resending it, same key or not, changes nothing. Not a request
 * to slow down (429), which a later resend may well get through.
 */
export function isRefusal(e: ApiError): boolean {
  return !e.retryable && !e.needsSignIn && e.code !== 'rate_limited' && e.code !== 'too_many_attempts';
}

function refusalOf(e: ApiError, now: Date): BatchRefusal {
  return { at: now.toISOString(), status: e.status ?? 0, code: e.code, message: { th: e.userMessage.th, en: e.userMessage.en } };
}

function unanswered(batch: PendingBatch, error: ApiError): RowOutcome[] {
  const refused = isRefusal(error);
  return batch.body.rows.map((r) => (refused ? { indicatorId: r.indicatorId, outcome: 'refused' as const, error } : { indicatorId: r.indicatorId, outcome: 'pending' as const, error }));
}

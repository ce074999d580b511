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
  /** Bytes of JSON per batch body at most (default DEFAULT_BATCH_BYTES); a row larger than this goes alone. */
  readonly batchBytes?: number;
  /** Rows per batch at most, on top of the bytes (default: no count, only bytes). */
  readonly batchSize?: number;
  /** Batches sent at once (default DEFAULT_IN_FLIGHT). */
  readonly inFlight?: number;
  readonly onProgress?: (p: SubmitProgress) => void;
}

export interface SubmitReport {
  readonly outcomes: readonly RowOutcome[];
  /** The batch was accepted after the round closed (the round allows it): the scores carry the penalty. */
  readonly late: boolean;
  /** The first error: one that stopped sending (network, session, rate limit), or a batch's refusal. */
  readonly error?: ApiError;
}

/**
 * 1 MiB a batch: a sixteenth of what the server takes (MAX_BATCH_BYTES), 10,000 rows with a line of Thai notes in
 * two or three batches, and on a slow provincial line (1 Mbit/s) about 8 s a batch, well inside the 30 s a request
 * may take — a batch's answer still comes back while the person watches the progress.
 */
export const DEFAULT_BATCH_BYTES = 1024 * 1024;
/** Two at once: the server works on one while the other travels or is parsed; more only queue at its database. */
export const DEFAULT_IN_FLIGHT = 2;

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

/** UTF-8 bytes of a string (Thai letters take three), without encoding it. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The bytes of `{"action":…,"rows":[…]}` as JSON.stringify writes it (what http.ts sends). */
export function batchBodyBytes(body: BatchBody): number {
  return batchOverhead(body.action) + body.rows.reduce((n, r, i) => n + utf8Bytes(JSON.stringify(r)) + (i > 0 ? 1 : 0), 0);
}

const batchOverhead = (action: BatchBody['action']): number => utf8Bytes(JSON.stringify({ action, rows: [] }));

/**
 * Rows in order into batches of at most `maxBytes` of JSON body (and `maxRows` rows, when given), each with its
 * own key. Cut by bytes, not rows: a row of pages of Thai notes weighs a hundred plain ones.
 */
export function splitIntoBatches(
  client: Pick<BatchSender, 'newKey' | 'now'>,
  target: BatchTarget,
  rows: BatchBody['rows'],
  action: BatchBody['action'],
  limits: { readonly maxBytes?: number; readonly maxRows?: number } = {},
): PendingBatch[] {
  const maxBytes = limits.maxBytes ?? DEFAULT_BATCH_BYTES;
  const maxRows = limits.maxRows ?? Number.POSITIVE_INFINITY;
  if (maxRows !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxRows) || maxRows < 1))
    throw new RangeError(`batchSize must be a positive integer, not ${maxRows}`);
  if (!(maxBytes > 0)) throw new RangeError(`batchBytes must be a positive number, not ${maxBytes}`);
  const createdAt = client.now().toISOString();
  const batches: PendingBatch[] = [];
  const overhead = batchOverhead(action);
  let start = 0;
  let bytes = overhead;
  for (let i = 0; i < rows.length; i++) {
    const size = utf8Bytes(JSON.stringify(rows[i])) + (i > start ? 1 : 0);
    if (i > start && (bytes + size > maxBytes || i - start >= maxRows)) {
      batches.push({ key: client.newKey(), target, body: { action, rows: rows.slice(start, i) }, createdAt });
      start = i;
      bytes = overhead + size - 1;
    } else bytes += size;
  }
  if (start < rows.length) batches.push({ key: client.newKey(), target, body: { action, rows: rows.slice(start) }, createdAt });
  return batches;
}

export async function submitRows(
  client: BatchSender,
  target: BatchTarget,
  rows: BatchBody['rows'],
  options: SubmitOptions,
): Promise<SubmitReport> {
  const batches = splitIntoBatches(client, target, rows, options.action, { maxBytes: options.batchBytes, maxRows: options.batchSize });
  if (batches.length === 0) return { outcomes: [], late: false };
  await client.pending.add(batches);
  return sendStored(client, batches, options.inFlight ?? DEFAULT_IN_FLIGHT, options.onProgress);
}

/**
 * Sends again every batch the store holds (from this pane, or one closed before it heard back), same keys; not
 * those the server refused as a whole, which would only be refused again.
 */
export async function resendPending(
  client: BatchSender,
  options: Pick<SubmitOptions, 'onProgress' | 'inFlight'> = {},
): Promise<SubmitReport> {
  return sendStored(
    client,
    (await client.pending.list()).filter((b) => !isRefused(b)),
    options.inFlight ?? DEFAULT_IN_FLIGHT,
    options.onProgress,
  );
}

/**
 * Up to `inFlight` batches at a time, taken in order; each answer is handled as it comes (removed from the store,
 * or marked refused), and the outcomes are given in the batches' order. Once one batch gets no answer (network,
 * session, 429), no further batch is started: those in flight finish, the rest stay pending.
 */
async function sendStored(
  client: BatchSender,
  batches: readonly PendingBatch[],
  inFlight: number,
  onProgress?: (p: SubmitProgress) => void,
): Promise<SubmitReport> {
  const answers: RowOutcome[][] = batches.map(() => []);
  const errors: (ApiError | undefined)[] = batches.map(() => undefined);
  const rowsTotal = batches.reduce((n, b) => n + b.body.rows.length, 0);
  let late = false;
  let stop: ApiError | undefined;
  let next = 0;
  let batchesDone = 0;
  let rowsDone = 0;
  const sendOne = async (index: number, batch: PendingBatch): Promise<void> => {
    try {
      const response = await client.postBatch(batch.target, batch.body, batch.key);
      // Removed only now that the answer is read; losing it before this line means sending it again, same key.
      await client.pending.remove(batch.key);
      late ||= response.late === true;
      answers[index] = response.results.map((result) => ({ indicatorId: result.indicatorId, outcome: result.outcome, result }));
    } catch (e) {
      if (!isApiError(e)) throw e;
      errors[index] = e;
      // Refused: kept with the server's answer, and the next batch is tried (it may be fine, or be refused too).
      if (isRefusal(e)) await client.pending.markRefused(batch.key, refusalOf(e, client.now()));
      else stop ??= e;
      answers[index] = unanswered(batch, e);
    }
    batchesDone++;
    rowsDone += answers[index]!.length;
    onProgress?.({ rowsDone, rowsTotal, batchesDone, batchesTotal: batches.length });
  };
  const worker = async (): Promise<void> => {
    while (next < batches.length && !stop) {
      const index = next++;
      await sendOne(index, batches[index]!);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(Math.floor(inFlight) || 1, batches.length)) }, worker);
  // Every worker ends before the flush, even when one throws: no removal is left out of it.
  const settled = await Promise.allSettled(workers);
  // One write of every batch confirmed above, not one per batch (a store may defer its removals until here).
  await client.pending.flush();
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  // No answer at all: they stay pending, to go when the server answers again.
  for (let i = next; i < batches.length; i++) answers[i] = unanswered(batches[i]!, stop!);
  const first = errors.find((e) => e !== undefined) ?? stop;
  const outcomes = answers.flat();
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
  return batch.body.rows.map((r) =>
    refused
      ? { indicatorId: r.indicatorId, outcome: 'refused' as const, error }
      : { indicatorId: r.indicatorId, outcome: 'pending' as const, error },
  );
}

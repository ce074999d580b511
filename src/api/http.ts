/**
 * One JSON request over `fetch` (Node 20 and the browser): a time limit per attempt (AbortController), retries
 * with backoff for what may succeed on a second try (no answer, 5xx, an unreadable answer), never for a 4xx, and
 * the answer checked against the contract's zod schema — a response that does not match is not trusted.
 */
import type { z } from 'zod';
import { ApiError, badResponse, errorFromResponse, networkError } from './clientError';
import { backoffDelay, type RetryPolicy } from './retry';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpOptions {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** Counts every attempt that reached `fetch` (the benchmark's request count). */
  readonly onAttempt?: () => void;
}

export interface JsonRequest<T> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly token?: string;
  readonly schema: z.ZodType<T>;
  /** Only requests that change nothing twice (GET, a batch with its Idempotency-Key) are retried. */
  readonly retry: boolean;
}

export async function requestJson<T>(o: HttpOptions, r: JsonRequest<T>): Promise<T> {
  return withRetries(o, r.retry, () => attemptOnce(o, r));
}

/**
 * Runs `attempt`, and again with backoff (at most `retry.retries` more times, only when `retry`) while it fails
 * with what may succeed on another try (`ApiError.retryable`: no answer, 5xx); anything else is thrown at once.
 */
export async function withRetries<T>(
  o: Pick<HttpOptions, 'retry' | 'sleep' | 'random'>,
  retry: boolean,
  attempt: () => Promise<T>,
): Promise<T> {
  const attempts = retry ? o.retry.retries + 1 : 1;
  let last: ApiError | undefined;
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await o.sleep(backoffDelay(i - 1, o.retry, o.random));
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof ApiError) || !e.retryable) throw e;
      last = e;
    }
  }
  throw last ?? networkError(false);
}

/**
 * Runs `work` with a signal that aborts it after `ms`; `timedOut()` tells a failure the limit caused (a timeout)
 * from a lost connection.
 */
export async function withTimeLimit<T>(ms: number, work: (signal: AbortSignal, timedOut: () => boolean) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  try {
    return await work(controller.signal, () => timedOut);
  } finally {
    clearTimeout(timer);
  }
}

async function attemptOnce<T>(o: HttpOptions, r: JsonRequest<T>): Promise<T> {
  return withTimeLimit(o.timeoutMs, async (signal, timedOut) => {
    const headers: Record<string, string> = { accept: 'application/json', ...r.headers };
    if (r.body !== undefined) headers['content-type'] = 'application/json';
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    o.onAttempt?.();
    let response: Response;
    try {
      response = await o.fetch(`${o.baseUrl.replace(/\/+$/, '')}${r.path}`, {
        method: r.method,
        headers,
        body: r.body === undefined ? undefined : JSON.stringify(r.body),
        signal,
      });
    } catch {
      throw networkError(timedOut());
    }
    // The body is read under the same time limit: a server that stalls mid-answer is no answer.
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw networkError(timedOut());
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      if (response.status >= 400) throw errorFromResponse(response.status, undefined);
      throw badResponse(response.status, 'not JSON');
    }
    if (response.status >= 400) throw errorFromResponse(response.status, json);
    const parsed = r.schema.safeParse(json);
    if (!parsed.success) throw badResponse(response.status, parsed.error.issues[0]?.message ?? 'unexpected shape');
    return parsed.data;
  });
}

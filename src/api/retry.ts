/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): the wait before
 * attempt n+1 is a random time up to base·2ⁿ, capped. The randomness spreads out the retries of many clients that
 * lost the server at the same moment, so they do not all come back at once.
 */
export interface RetryPolicy {
  /** Attempts after the first. */
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 250, maxDelayMs: 8_000 };

/** The wait before retry number `attempt` (0 for the first retry); `random` returns [0, 1). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

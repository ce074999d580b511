/**
 * Who may try a password now, decided in the database so every instance agrees and no burst can slip past:
 * the attempt is admitted and recorded (as a failure, until its password is found right) in one transaction
 * that holds a lock per username and per client address. Concurrent guesses for one user therefore queue on
 * that lock, and each sees every attempt admitted before it: at most the limit is ever hashed, whatever the
 * concurrency and however many instances share the database.
 *
 * The limits (defaults in `options.ts`, reasons in ../README.md):
 * - per (user, address): `maxFailuresPerUserAddress` failures in `windowMs`, then 429 until the oldest leaves
 *   the window. Guessing from one place locks only that place out, not the user.
 * - per address: `maxFailuresPerIp` failures in `windowMs`, whatever the usernames (one address spraying many
 *   users).
 * - per user, from addresses the user has not signed in from within `knownAddressMs`: after
 *   `freeFailuresPerUser` failures in `userWindowMs`, each further attempt must wait a delay that doubles with
 *   each failure (`delayBaseMs` · 2^(n − free), at most `delayMaxMs`) after the last one. An attacker spread
 *   over many addresses is slowed to one guess per `delayMaxMs`; the user, from an address they signed in from
 *   recently, is not delayed at all.
 * Refused attempts are not recorded, so hammering a refused door does not keep it shut.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect';
import { inTransaction, type Tx } from '../db/transaction';

export interface SignInLimit {
  /** Failed sign-ins for one username from one address in `windowMs` before that pair is refused (429). */
  readonly maxFailuresPerUserAddress: number;
  /** Failed sign-ins from one address (any usernames) in `windowMs`. */
  readonly maxFailuresPerIp: number;
  readonly windowMs: number;
  /** Failures of one username (any addresses) in `userWindowMs` before attempts from unknown addresses wait. */
  readonly freeFailuresPerUser: number;
  readonly delayBaseMs: number;
  readonly delayMaxMs: number;
  readonly userWindowMs: number;
  /** An address the user signed in from within this long is theirs: no per-user delay from it. */
  readonly knownAddressMs: number;
}

export const DEFAULT_SIGN_IN_LIMIT: SignInLimit = {
  maxFailuresPerUserAddress: 10,
  maxFailuresPerIp: 100,
  windowMs: 15 * 60_000,
  freeFailuresPerUser: 10,
  delayBaseMs: 1000,
  delayMaxMs: 15 * 60_000,
  userWindowMs: 24 * 60 * 60_000,
  knownAddressMs: 30 * 24 * 60 * 60_000,
};

export type Refusal = 'address' | 'user-address' | 'user-delay';

export type Admission =
  { readonly ok: true; readonly attemptId: string } | { readonly ok: false; readonly reason: Refusal; readonly retryAfterMs: number };

export interface AttemptCounts {
  /** Failures of this user from this address in the window, and when the oldest of them was. */
  readonly pair: number;
  readonly pairOldest: Date | null;
  /** Failures of this user from anywhere in the user window, and the latest. */
  readonly user: number;
  readonly userLast: Date | null;
  /** The user signed in from this address within `knownAddressMs`. */
  readonly knownAddress: boolean;
  /** Failures from this address (any user) in the window, and the oldest. */
  readonly ip: number;
  readonly ipOldest: Date | null;
}

/** The delay a failure count imposes on attempts from unknown addresses (0: none). */
export function userDelayMs(failures: number, limit: SignInLimit): number {
  if (failures < limit.freeFailuresPerUser) return 0;
  const doublings = Math.min(failures - limit.freeFailuresPerUser, 40);
  return Math.min(limit.delayBaseMs * 2 ** doublings, limit.delayMaxMs);
}

/** Pure: may an attempt with these counts be tried at `now`? */
export function decide(c: AttemptCounts, limit: SignInLimit, now: Date): { reason: Refusal; retryAfterMs: number } | undefined {
  const until = (from: Date | null, ms: number): number => Math.max(1000, (from?.getTime() ?? now.getTime()) + ms - now.getTime());
  if (c.ip >= limit.maxFailuresPerIp) return { reason: 'address', retryAfterMs: until(c.ipOldest, limit.windowMs) };
  if (c.pair >= limit.maxFailuresPerUserAddress) return { reason: 'user-address', retryAfterMs: until(c.pairOldest, limit.windowMs) };
  if (!c.knownAddress) {
    const delay = userDelayMs(c.user, limit);
    if (delay > 0 && c.userLast && now.getTime() < c.userLast.getTime() + delay) {
      return { reason: 'user-delay', retryAfterMs: until(c.userLast, delay) };
    }
  }
  return undefined;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string | Date));

async function countAttempts(tx: Tx, username: string, ip: string, now: Date, limit: SignInLimit): Promise<AttemptCounts> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const userStart = new Date(now.getTime() - limit.userWindowMs);
  const knownSince = new Date(now.getTime() - limit.knownAddressMs);
  const earliest = new Date(Math.min(windowStart.getTime(), userStart.getTime(), knownSince.getTime()));
  const u = await sql<{
    pair: string | number;
    pair_oldest: unknown;
    user_failures: string | number;
    user_last: unknown;
    known: boolean | null;
  }>`
    select
      count(*) filter (where not succeeded and ip = ${ip} and at > ${windowStart}) as pair,
      min(at) filter (where not succeeded and ip = ${ip} and at > ${windowStart}) as pair_oldest,
      count(*) filter (where not succeeded and at > ${userStart}) as user_failures,
      max(at) filter (where not succeeded and at > ${userStart}) as user_last,
      bool_or(succeeded and ip = ${ip} and at > ${knownSince}) as known
    from sign_in_attempts where username = ${username} and at > ${earliest}`.execute(tx);
  const a = await sql<{ n: string | number; oldest: unknown }>`
    select count(*) as n, min(at) as oldest from sign_in_attempts
    where ip = ${ip} and not succeeded and at > ${windowStart}`.execute(tx);
  const ur = u.rows[0];
  const ar = a.rows[0];
  return {
    pair: Number(ur?.pair ?? 0),
    pairOldest: date(ur?.pair_oldest),
    user: Number(ur?.user_failures ?? 0),
    userLast: date(ur?.user_last),
    knownAddress: ur?.known === true,
    ip: Number(ar?.n ?? 0),
    ipOldest: date(ar?.oldest),
  };
}

/**
 * Admits and records an attempt, or says why not. The row is written as a failure before the password is
 * checked (a crash mid-check counts against the guesser, never for them); `recordSuccess` turns it round.
 */
export async function admitSignIn(db: Db, username: string, ip: string, now: Date, limit: SignInLimit): Promise<Admission> {
  return inTransaction(db, async (tx) => {
    // Always user first, then address: two requests can never wait for each other in a circle.
    await sql`select pg_advisory_xact_lock(7101, hashtext(${username}))`.execute(tx);
    await sql`select pg_advisory_xact_lock(7102, hashtext(${ip}))`.execute(tx);
    const refused = decide(await countAttempts(tx, username, ip, now, limit), limit, now);
    if (refused) return { ok: false, ...refused };
    const row = await tx
      .insertInto('sign_in_attempts')
      .values({ username, ip, at: now, succeeded: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true, attemptId: String(row.id) };
  });
}

export async function recordSuccess(db: Db, attemptId: string): Promise<void> {
  await db.updateTable('sign_in_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
}

/** Attempts no limit looks at any more: failures past both windows, successes past the known-address time. */
export async function pruneAttempts(db: Db, now: Date, limit: SignInLimit): Promise<void> {
  const failuresBefore = new Date(now.getTime() - Math.max(limit.windowMs, limit.userWindowMs));
  const successesBefore = new Date(now.getTime() - Math.max(limit.windowMs, limit.knownAddressMs));
  await db.deleteFrom('sign_in_attempts').where('succeeded', '=', false).where('at', '<', failuresBefore).execute();
  await db.deleteFrom('sign_in_attempts').where('succeeded', '=', true).where('at', '<', successesBefore).execute();
}

/** Sessions and sign-in attempts, both in the database so any instance can check them. */
import type { ApiUser } from '../../api';
import { tokenHash } from '../auth/tokens';
import type { Db } from '../db/connect';
import { toApiUser } from './users';

export async function createSession(db: Db, token: string, username: string, now: Date, expiresAt: Date): Promise<void> {
  await db.insertInto('sessions').values({ token_hash: tokenHash(token), username, created_at: now, expires_at: expiresAt }).execute();
}

/** The user of an unexpired session, or undefined. */
export async function sessionUser(db: Db, token: string, now: Date): Promise<ApiUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.username', 'sessions.username')
    .select(['users.username', 'users.name', 'users.roles', 'users.units'])
    .where('sessions.token_hash', '=', tokenHash(token))
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  return row ? toApiUser(row) : undefined;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

export async function recordSignInAttempt(db: Db, username: string, ip: string, at: Date, succeeded: boolean): Promise<void> {
  await db.insertInto('sign_in_attempts').values({ username, ip, at, succeeded }).execute();
}

/** Failed attempts since `since`, for this username and from this address. */
export async function recentFailures(db: Db, username: string, ip: string, since: Date): Promise<{ user: number; ip: number }> {
  const count = async (column: 'username' | 'ip', value: string): Promise<number> => {
    const row = await db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(column, '=', value)
      .where('succeeded', '=', false)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return { user: await count('username', username), ip: await count('ip', ip) };
}

/** How long a batch's answer is kept for a retry with the same Idempotency-Key. */
export const IDEMPOTENCY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Old attempts, expired sessions and idempotency records past their retention are of no use to anyone:
 * cleared on each sign-in (cheap, indexed, and no background job to run on every instance).
 */
export async function pruneExpired(db: Db, attemptsBefore: Date, now: Date): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('at', '<', attemptsBefore).execute();
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)).execute();
}

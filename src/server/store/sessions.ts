/** Sessions and sign-in attempts, both in the database so any instance can check them. */
import { sql } from 'kysely';
import type { ApiUser } from '../../api';
import { tokenHash } from '../auth/tokens';
import type { Db } from '../db/connect';
import { toApiUser } from './users';

export async function createSession(db: Db, token: string, username: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), username, created_at: now, expires_at: expiresAt })
    .execute();
}

/**
 * The user of an unexpired session, or undefined. Roles and units come as JSON: on every request, and a central
 * office's user may hold hundreds of units, the driver's parser of a text[] literal (in JavaScript, character by
 * character) cost more than the rest of the lookup, where JSON.parse is native.
 */
export async function sessionUser(db: Db, token: string, now: Date): Promise<ApiUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.username', 'sessions.username')
    .select([
      'users.username',
      'users.name',
      sql<string[]>`to_json(users.roles)`.as('roles'),
      sql<string[]>`to_json(users.units)`.as('units'),
    ])
    .where('sessions.token_hash', '=', tokenHash(token))
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  return row ? toApiUser(row) : undefined;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

/** How long a batch's answer is kept for a retry with the same Idempotency-Key. */
export const IDEMPOTENCY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Expired sessions and idempotency records past their retention are of no use to anyone: cleared on each
 * sign-in (cheap, indexed, and no background job to run on every instance). Old sign-in attempts: see
 * `pruneAttempts` in ../auth/signInGuard.ts.
 */
export async function pruneExpired(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS))
    .execute();
}

/** Users and what they may do: roles that apply to each of their units (`central` applies everywhere). */
import type { ApiUser, Role } from '../../api';
import { hashPassword, type ScryptCost } from '../auth/passwords';
import type { Db } from '../db/connect';
import { inTransaction } from '../db/transaction';
import type { UsersTable } from '../db/schema';
import { appendAudit } from './audit';

export function toApiUser(row: Pick<UsersTable, 'username' | 'name' | 'roles' | 'units'>): ApiUser {
  return { username: row.username, name: row.name, roles: row.roles as Role[], units: row.units };
}

export async function findUser(db: Db, username: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export interface NewUser {
  readonly username: string;
  readonly name: string;
  readonly password: string;
  readonly roles: readonly Role[];
  readonly units: readonly string[];
}

/** Creates a user, or does nothing when `ifAbsent` and the username exists (demo data). Returns whether it created one. */
export async function createUser(
  db: Db,
  user: NewUser,
  options: { actor: string; now: Date; cost?: ScryptCost; ifAbsent?: boolean },
): Promise<boolean> {
  const passwordHash = await hashPassword(user.password, options.cost);
  return inTransaction(db, async (tx) => {
    const inserted = await tx
      .insertInto('users')
      .values({
        username: user.username,
        name: user.name,
        password_hash: passwordHash,
        roles: [...new Set(user.roles)],
        units: [...new Set(user.units)],
        created_at: options.now,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('username')
      .executeTakeFirst();
    if (!inserted) {
      if (options.ifAbsent) return false;
      throw new Error(`user "${user.username}" already exists`);
    }
    // The password hash never goes into the log.
    await appendAudit(tx, [
      {
        at: options.now,
        actor: options.actor,
        action: 'user.create',
        new: { username: user.username, name: user.name, roles: user.roles, units: user.units },
      },
    ]);
    return true;
  });
}

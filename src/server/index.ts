/**
 * The server's surface for code outside it (the CLI's `serve` and `user add`): start a process, or open the
 * database `serve` uses to add a user. Nothing outside src/server reaches into its database, stores or routes
 * (eslint.config.js), so those can change without touching the CLI.
 */
import { databaseTargetFrom, openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { createUser, type NewUser } from './store/users';

export { startServer, type StartOptions, type Started } from './start';
export type { NewUser } from './store/users';

export interface UserAdmin {
  /** Creates the user and its audit event; the username must be free. */
  addUser(user: NewUser, by: { readonly actor: string; readonly now: Date }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database `serve` would use (PostgreSQL from DATABASE_URL, else the embedded one in `dataDir`, whose
 * folder lock refuses while a server has it open) and brings its schema up to date.
 */
export async function openUserAdmin(env: NodeJS.ProcessEnv, dataDir: string): Promise<UserAdmin> {
  const db = openDatabase(databaseTargetFrom(env, dataDir));
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return {
    addUser: async (user, by) => {
      await createUser(db, user, { actor: by.actor, now: by.now });
    },
    close: () => db.destroy(),
  };
}

/**
 * Starting a server process: open the database the environment names, migrate it, optionally load the demo,
 * build the app. Used by `scorebook serve`; the pieces stay separate so tests build the app directly.
 */
import { resolve } from 'node:path';
import { buildApp, type AppOptions } from './app';
import { databaseTargetFrom, openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { loadDemo, type DemoLoaded } from './demo';
import type { App } from './routes/common';
import { attachmentSettingsFrom, rateLimitFrom, separationOfDutiesFrom, trustProxyFrom } from './settings';

export interface StartOptions {
  readonly dataDir: string;
  readonly demo: boolean;
  readonly samplesDir: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface Started {
  readonly app: App;
  readonly demo?: DemoLoaded;
  /** Where the data lives, for the start-up message. */
  readonly storage: string;
  /** Stops taking requests, lets those in flight finish, closes the database. */
  stop(): Promise<void>;
}

/** SCOREBOOK_WRITES_PER_MINUTE (per user; 0 or off: none) and SCOREBOOK_AUDIT_PAGE_BYTES; unset: the defaults. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Pick<AppOptions, 'writesPerMinutePerUser' | 'auditPageBytes'> {
  const positive = (name: string): number | undefined => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${text}"`);
    return n;
  };
  const writes = env.SCOREBOOK_WRITES_PER_MINUTE?.trim().toLowerCase() === 'off' ? 0 : positive('SCOREBOOK_WRITES_PER_MINUTE');
  const pageBytes = positive('SCOREBOOK_AUDIT_PAGE_BYTES');
  return {
    ...(writes === undefined ? {} : { writesPerMinutePerUser: writes === 0 ? false : writes }),
    ...(pageBytes === undefined || pageBytes === 0 ? {} : { auditPageBytes: pageBytes }),
  };
}

export async function startServer(o: StartOptions): Promise<Started> {
  const target = databaseTargetFrom(o.env, resolve(o.dataDir));
  const db = openDatabase(target);
  try {
    await migrateToLatest(db);
    const demo = o.demo ? await loadDemo(db, { samplesDir: o.samplesDir, now: new Date() }) : undefined;
    const hours = Number(o.env.SCOREBOOK_SESSION_HOURS);
    const app = await buildApp({
      db,
      logger: true,
      corsOrigin: o.env.SCOREBOOK_CORS_ORIGIN,
      trustProxy: trustProxyFrom(o.env),
      separationOfDuties: separationOfDutiesFrom(o.env),
      ...attachmentSettingsFrom(o.env, target),
      sessionTtlMs: hours > 0 ? hours * 60 * 60 * 1000 : undefined,
      ...limitsFromEnv(o.env),
      ...rateLimitFrom(o.env),
    });
    const storage =
      target.kind === 'postgres'
        ? 'PostgreSQL (DATABASE_URL)'
        : `embedded PGlite in ${target.kind === 'embedded' ? target.dataDir : 'memory'}`;
    const stop = async (): Promise<void> => {
      await app.close();
      await db.destroy();
    };
    return { app, demo, storage, stop };
  } catch (e) {
    await db.destroy();
    throw e;
  }
}

/** Everything the server can be told, each with its default; `buildApp` takes only `db` as required. */
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './auth/passwords';
import type { Db } from './db/connect';

export interface SignInLimit {
  /** Failed sign-ins per username in the window before further attempts are refused (429). */
  readonly maxFailuresPerUser: number;
  /** Failed sign-ins from one address in the window. */
  readonly maxFailuresPerIp: number;
  readonly windowMs: number;
}

export interface AppOptions {
  readonly db: Db;
  /** The server's clock: reporting windows, session expiry, timestamps. Tests inject a fixed one. */
  readonly clock?: () => Date;
  readonly sessionTtlMs?: number;
  /** The scrypt cost of the decoy hash checked for unknown users (match the cost users are created with). */
  readonly passwordCost?: ScryptCost;
  readonly signInLimit?: Partial<SignInLimit>;
  /** The add-in's origin; env SCOREBOOK_CORS_ORIGIN (comma-separated for several). */
  readonly corsOrigin?: string | readonly string[];
  /** Requests per minute per client address, per process, on top of the sign-in limit; false: off. */
  readonly rateLimitPerMinute?: number | false;
  /**
   * Writes (POST, PUT) per minute per signed-in user, per process; false: off. Counted by user, not address, so
   * one reporter cannot fill the log for everyone, and a whole office behind one address is not slowed.
   */
  readonly writesPerMinutePerUser?: number | false;
  /** Bytes of old and new values one page of the audit log may carry; the page then ends with `next`. */
  readonly auditPageBytes?: number;
  readonly jsonBodyLimit?: number;
  /** A save/submit batch of up to 10,000 rows with notes is larger than other bodies. */
  readonly batchBodyLimit?: number;
  readonly logger?: boolean;
  /** Trust X-Forwarded-For from a load balancer in front (the sign-in limit counts per client address). */
  readonly trustProxy?: boolean;
}

export interface ResolvedOptions {
  readonly db: Db;
  readonly clock: () => Date;
  readonly sessionTtlMs: number;
  readonly passwordCost: ScryptCost;
  readonly signInLimit: SignInLimit;
  readonly corsOrigin: readonly string[];
  readonly rateLimitPerMinute: number | false;
  readonly writesPerMinutePerUser: number | false;
  readonly auditPageBytes: number;
  readonly jsonBodyLimit: number;
  readonly batchBodyLimit: number;
  readonly logger: boolean;
  readonly trustProxy: boolean;
}

export const DEFAULT_CORS_ORIGIN = 'https://localhost:3000';
const MB = 1024 * 1024;
/** 5 a second: a 10,000-row submit in 500-row batches is 20, an approver approving row by row 300 rows a minute. */
export const DEFAULT_WRITES_PER_MINUTE = 300;
/** Some thousand ordinary events, or a few dozen with maximal notes; a few pages in flight fit any heap. */
export const DEFAULT_AUDIT_PAGE_BYTES = 4 * MB;

export function resolveOptions(o: AppOptions): ResolvedOptions {
  const origin = o.corsOrigin ?? DEFAULT_CORS_ORIGIN;
  return {
    db: o.db,
    clock: o.clock ?? (() => new Date()),
    sessionTtlMs: o.sessionTtlMs ?? 8 * 60 * 60 * 1000,
    passwordCost: o.passwordCost ?? DEFAULT_SCRYPT_COST,
    signInLimit: { maxFailuresPerUser: 10, maxFailuresPerIp: 100, windowMs: 15 * 60 * 1000, ...o.signInLimit },
    corsOrigin: typeof origin === 'string' ? origin.split(',').map((s) => s.trim()).filter(Boolean) : origin,
    rateLimitPerMinute: o.rateLimitPerMinute ?? 1200,
    writesPerMinutePerUser: o.writesPerMinutePerUser ?? DEFAULT_WRITES_PER_MINUTE,
    auditPageBytes: o.auditPageBytes ?? DEFAULT_AUDIT_PAGE_BYTES,
    jsonBodyLimit: o.jsonBodyLimit ?? 2 * MB,
    batchBodyLimit: o.batchBodyLimit ?? 16 * MB,
    logger: o.logger ?? false,
    trustProxy: o.trustProxy ?? false,
  };
}

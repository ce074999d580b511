/** Everything the server can be told, each with its default; `buildApp` takes only `db` as required. */
import { MAX_BATCH_BYTES } from '../api';
import type { AttachmentQuota } from './attachments/store';
import type { HashGateLimits } from './auth/hashGate';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './auth/passwords';
import { DEFAULT_SIGN_IN_LIMIT, type SignInLimit } from './auth/signInGuard';
import type { Db } from './db/connect';

export type { SignInLimit } from './auth/signInGuard';

/** Two hashes at once keep two cores busy; 16 more may wait (a few seconds at most), 4 per client address. */
export const DEFAULT_HASH_GATE: HashGateLimits = { concurrency: 2, queue: 16, perAddress: 4 };

export interface AppOptions {
  readonly db: Db;
  /** The server's clock: reporting windows, session expiry, timestamps. Tests inject a fixed one. */
  readonly clock?: () => Date;
  readonly sessionTtlMs?: number;
  /** The scrypt cost of the decoy hash checked for unknown users (match the cost users are created with). */
  readonly passwordCost?: ScryptCost;
  readonly signInLimit?: Partial<SignInLimit>;
  /** Password hashes per process: running at once, waiting, per client address (see auth/hashGate.ts). */
  readonly hashGate?: Partial<HashGateLimits>;
  /** The add-in's origin; env SCOREBOOK_CORS_ORIGIN (comma-separated for several). */
  readonly corsOrigin?: string | readonly string[];
  /**
   * Requests per minute, per process: per signed-in user, and per client address for requests without a session;
   * false: off. env SCOREBOOK_RATE_LIMIT_PER_MINUTE (0: off).
   */
  readonly rateLimitPerMinute?: number | false;
  /**
   * Writes (POST, PUT) per minute per signed-in user, per process; false: off. Counted by user, not address, so
   * one reporter cannot fill the log for everyone, and a whole office behind one address is not slowed.
   */
  readonly writesPerMinutePerUser?: number | false;
  /** Bytes of old and new values one page of the audit log may carry; the page then ends with `next`. */
  readonly auditPageBytes?: number;
  readonly jsonBodyLimit?: number;
  /** A save/submit batch (any number of rows) is larger than other bodies; default MAX_BATCH_BYTES (16 MiB). */
  readonly batchBodyLimit?: number;
  readonly logger?: boolean;
  /** The submitter of a row's current version may not approve or return it; env SCOREBOOK_SEPARATION_OF_DUTIES=off. */
  readonly separationOfDuties?: boolean;
  /** Files and bytes per row, bytes per unit; env SCOREBOOK_ATTACHMENTS_PER_ROW, _ATTACHMENT_MB_PER_ROW, _PER_UNIT. */
  readonly attachmentQuota?: Partial<AttachmentQuota>;
  /** A folder for attachment bytes (file store); undefined: in the database. env SCOREBOOK_FILES. */
  readonly attachmentFiles?: string;
  /**
   * Whom to believe about the client's address (the sign-in limits count per address): false, the number of
   * proxies in front, or their addresses / CIDR ranges; never all (see settings.ts, SCOREBOOK_TRUST_PROXY).
   */
  readonly trustProxy?: false | number | readonly string[];
}

export interface ResolvedOptions {
  readonly db: Db;
  readonly clock: () => Date;
  readonly sessionTtlMs: number;
  readonly passwordCost: ScryptCost;
  readonly signInLimit: SignInLimit;
  readonly hashGate: HashGateLimits;
  readonly corsOrigin: readonly string[];
  readonly rateLimitPerMinute: number | false;
  readonly writesPerMinutePerUser: number | false;
  readonly auditPageBytes: number;
  readonly jsonBodyLimit: number;
  readonly batchBodyLimit: number;
  readonly logger: boolean;
  readonly separationOfDuties: boolean;
  readonly attachmentQuota: AttachmentQuota;
  readonly attachmentFiles: string | undefined;
  readonly trustProxy: false | number | readonly string[];
}

/** 20 files / 50 MB per row (five files at the 10 MB limit, or a score of scans), 1 GB per unit and assessment. */
export const DEFAULT_ATTACHMENT_QUOTA: AttachmentQuota = {
  filesPerRow: 20,
  bytesPerRow: 50 * 1024 * 1024,
  bytesPerUnit: 1024 * 1024 * 1024,
};

export const DEFAULT_CORS_ORIGIN = 'https://localhost:3000';
const MB = 1024 * 1024;
/** 5 a second: a 10,000-row submit in 500-row batches is 20, an approver approving row by row 300 rows a minute. */
export const DEFAULT_WRITES_PER_MINUTE = 300;
/**
 * 20 a second per user (the pane reads a few resources per action; a script or a load test is slowed, not a
 * person), and as many per address for the anonymous (an office's sign-ins in the morning).
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;
/** Some thousand ordinary events, or a few dozen with maximal notes; a few pages in flight fit any heap. */
export const DEFAULT_AUDIT_PAGE_BYTES = 4 * MB;

export function resolveOptions(o: AppOptions): ResolvedOptions {
  const origin = o.corsOrigin ?? DEFAULT_CORS_ORIGIN;
  return {
    db: o.db,
    clock: o.clock ?? (() => new Date()),
    sessionTtlMs: o.sessionTtlMs ?? 8 * 60 * 60 * 1000,
    passwordCost: o.passwordCost ?? DEFAULT_SCRYPT_COST,
    signInLimit: { ...DEFAULT_SIGN_IN_LIMIT, ...o.signInLimit },
    hashGate: { ...DEFAULT_HASH_GATE, ...o.hashGate },
    corsOrigin:
      typeof origin === 'string'
        ? origin
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : origin,
    rateLimitPerMinute: o.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    writesPerMinutePerUser: o.writesPerMinutePerUser ?? DEFAULT_WRITES_PER_MINUTE,
    auditPageBytes: o.auditPageBytes ?? DEFAULT_AUDIT_PAGE_BYTES,
    jsonBodyLimit: o.jsonBodyLimit ?? 2 * MB,
    batchBodyLimit: o.batchBodyLimit ?? MAX_BATCH_BYTES,
    logger: o.logger ?? false,
    separationOfDuties: o.separationOfDuties ?? true,
    attachmentQuota: { ...DEFAULT_ATTACHMENT_QUOTA, ...o.attachmentQuota },
    attachmentFiles: o.attachmentFiles,
    trustProxy: o.trustProxy ?? false,
  };
}

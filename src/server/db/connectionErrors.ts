/**
 * Telling "the database is not there right now" from every other failure. A connection the server dropped
 * (restart, failover, `pg_terminate_backend`), a server that refuses or is starting up or shutting down: the
 * request did not fail because of what it asked, and the same request may well succeed in a moment. Such errors
 * are answered 503 with Retry-After (errors.ts), which the client retries under the same Idempotency-Key; a batch
 * whose commit was cut off is then either replayed from its stored answer or applied for the first time.
 */
import { sqlState } from './transaction';

/** SQLSTATEs of a lost or refused connection beyond class 08 (connection exception). */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast or immediate shutdown
  '57P02', // crash_shutdown: another backend crashed, the server restarts
  '57P03', // cannot_connect_now: the database system is starting up or shutting down
  '53300', // too_many_connections: the server is full for now
]);

/** Socket-level errors of `pg` (Node's `err.code`). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** What `pg` and `pg-pool` say, without a code, when the connection went away or could not be made in time. */
const MESSAGES = [
  /^Connection terminated/, // "Connection terminated", "Connection terminated unexpectedly"
  /not queryable/, // "Client has encountered a connection error and is not queryable"
  /timeout exceeded when trying to connect/,
  /^Connection terminated due to connection timeout/,
  /the embedded database stopped/, // the PGlite worker thread ended (pgliteWorker.ts)
];

export function isConnectionError(e: unknown): boolean {
  // Not `instanceof Error`: errors made by Node itself (a refused socket) may come from another realm.
  if (typeof e !== 'object' || e === null) return false;
  const code = sqlState(e);
  if (code !== undefined && (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || SOCKET_CODES.has(code))) return true;
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && MESSAGES.some((m) => m.test(message));
}

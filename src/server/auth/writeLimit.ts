/**
 * Writes per signed-in user: a reporter's script cannot fill the database and the audit log for everyone, and
 * colleagues behind one office address do not share one budget (the per-address limit is for the anonymous).
 * Counted per process, like the per-address limit (an extra guard, not a quota): the counters live in
 * @fastify/rate-limit's store.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors';
import type { ResolvedOptions } from '../options';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

export function installWriteLimit(app: FastifyInstance, options: ResolvedOptions): void {
  const max = options.writesPerMinutePerUser;
  if (max === false) return;
  const limit = app.createRateLimit({
    max,
    timeWindow: 60_000,
    keyGenerator: (request) => `writer:${request.scorebookUser?.username ?? ''}`,
  });
  // onRequest, added after authentication's: the user is known, and a refused body is never read.
  app.addHook('onRequest', async (request) => {
    if (!WRITES.has(request.method) || request.scorebookUser === null) return;
    const verdict = await limit(request);
    if (verdict.isAllowed || !verdict.isExceeded) return;
    throw new ApiError(
      429,
      'rate_limited',
      `too many changes from one user (at most ${max} a minute); wait ${verdict.ttlInSeconds} s and send again`,
      `ส่งการเปลี่ยนแปลงถี่เกินไป (ไม่เกิน ${max} ครั้งต่อนาทีต่อผู้ใช้) กรุณารอ ${verdict.ttlInSeconds} วินาทีแล้วส่งใหม่`,
      { max, perMs: 60_000 },
      { 'retry-after': String(verdict.ttlInSeconds) },
    );
  });
}

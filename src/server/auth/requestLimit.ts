/**
 * Requests per minute (SCOREBOOK_RATE_LIMIT_PER_MINUTE): counted per signed-in user, so a whole office behind one
 * NAT address on the last day of a round (50 reporters) does not share one budget, and per client address for the
 * anonymous — sign-in, health, the OpenAPI document, requests without a token, and those whose token names no
 * session. Per process, like the write limit (an extra guard, not a quota; the sign-in limits are in the database).
 *
 * A request without a token is counted before anything else runs; one with a token after its one indexed lookup,
 * against the user it names or, when it names none, against its address (so a stream of made-up tokens is slowed
 * like any anonymous caller).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors';
import type { ResolvedOptions } from '../options';
import { bearerToken } from './authenticate';

export interface RequestLimit {
  /** The anonymous count of this request's address; throws 429 past the limit. */
  readonly countAnonymous: (request: FastifyRequest) => Promise<void>;
}

function refusal(max: number, ttl: number, perUser: boolean): ApiError {
  return perUser
    ? new ApiError(
        429,
        'rate_limited',
        `too many requests from one user (at most ${max} a minute); wait ${ttl} s and try again`,
        `ส่งคำขอถี่เกินไป (ไม่เกิน ${max} ครั้งต่อนาทีต่อผู้ใช้) กรุณารอ ${ttl} วินาทีแล้วลองใหม่`,
        { max, perMs: 60_000 },
        { 'retry-after': String(ttl) },
      )
    : new ApiError(
        429,
        'rate_limited',
        `too many requests from this address without a session (at most ${max} a minute); wait ${ttl} s and try again`,
        `ส่งคำขอจากที่อยู่นี้โดยไม่ได้เข้าสู่ระบบถี่เกินไป (ไม่เกิน ${max} ครั้งต่อนาที) กรุณารอ ${ttl} วินาทีแล้วลองใหม่`,
        { max, perMs: 60_000 },
        { 'retry-after': String(ttl) },
      );
}

/** The hook before authentication: the anonymous are counted by address. Returns what authentication needs. */
export function installAnonymousLimit(app: FastifyInstance, options: ResolvedOptions): RequestLimit {
  const max = options.rateLimitPerMinute;
  if (max === false) return { countAnonymous: async () => {} };
  const limit = app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: (request) => `address:${request.ip}` });
  const countAnonymous = async (request: FastifyRequest): Promise<void> => {
    const verdict = await limit(request);
    if (!verdict.isAllowed && verdict.isExceeded) throw refusal(max, verdict.ttlInSeconds, false);
  };
  app.addHook('onRequest', async (request) => {
    const signsIn = !request.routeOptions.config?.public && request.routeOptions.url !== undefined && bearerToken(request) !== undefined;
    if (!signsIn) await countAnonymous(request);
  });
  return { countAnonymous };
}

/** The hook after authentication: each signed-in user has the limit to themselves. */
export function installUserLimit(app: FastifyInstance, options: ResolvedOptions): void {
  const max = options.rateLimitPerMinute;
  if (max === false) return;
  const limit = app.createRateLimit({
    max,
    timeWindow: 60_000,
    keyGenerator: (request) => `user:${request.scorebookUser?.username ?? ''}`,
  });
  app.addHook('onRequest', async (request) => {
    if (request.scorebookUser === null) return;
    const verdict = await limit(request);
    if (!verdict.isAllowed && verdict.isExceeded) throw refusal(max, verdict.ttlInSeconds, true);
  });
}

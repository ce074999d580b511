/**
 * Sign-in and sign-out. Wrong user and wrong password are the same 401. An attempt takes a place in this
 * process's hashing line (auth/hashGate.ts), is admitted and recorded in the database before its password is
 * checked (auth/signInGuard.ts), and only then costs a hash.
 */
import { z } from 'zod';
import { errorBodySchema, routePatterns, sessionSchema, signInBodySchema, userSchema } from '../../api';
import { bearerToken, userOf } from '../auth/authenticate';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { HashGate } from '../auth/hashGate';
import { admitSignIn, pruneAttempts, recordSuccess, type Refusal } from '../auth/signInGuard';
import { newToken } from '../auth/tokens';
import { ApiError, errors } from '../errors';
import type { ResolvedOptions } from '../options';
import { createSession, deleteSession, pruneExpired } from '../store/sessions';
import { findUser, toApiUser } from '../store/users';
import { bearer, errorResponses, type App } from './common';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's password-hashing line (its `peak` is read by tests). */
    hashGate: HashGate;
  }
}

const inWords = (ms: number): { en: string; th: string } => {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return { en: `${seconds} seconds`, th: `${seconds} วินาที` };
  const minutes = Math.ceil(seconds / 60);
  return { en: `${minutes} minutes`, th: `${minutes} นาที` };
};

function tooManyAttempts(reason: Refusal, retryAfterMs: number): ApiError {
  const wait = inWords(retryAfterMs);
  const [en, th] =
    reason === 'address'
      ? ['too many failed sign-ins from your address', 'มีการเข้าสู่ระบบไม่สำเร็จจากเครื่องของท่านหลายครั้งเกินไป']
      : reason === 'user-address'
        ? ['too many failed sign-ins for this user from your address', 'เข้าสู่ระบบด้วยชื่อผู้ใช้นี้จากเครื่องของท่านไม่สำเร็จหลายครั้งเกินไป']
        : [
            'this user had many failed sign-ins; from an address it has not signed in from, each attempt must wait',
            'ชื่อผู้ใช้นี้เข้าสู่ระบบไม่สำเร็จหลายครั้ง การเข้าสู่ระบบจากเครื่องที่ไม่เคยใช้ต้องเว้นระยะ',
          ];
  return new ApiError(
    429,
    'too_many_attempts',
    `${en}; try again in ${wait.en}`,
    `${th} กรุณาลองใหม่ในอีก ${wait.th}`,
    { reason, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) },
    { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) },
  );
}

const busy = () =>
  new ApiError(
    503,
    'busy',
    'the server is checking many sign-ins at the moment; try again in a second',
    'ขณะนี้มีการเข้าสู่ระบบพร้อมกันจำนวนมาก กรุณาลองใหม่ในอีกสักครู่',
    undefined,
    { 'retry-after': '1' },
  );

export function sessionRoutes(app: App, options: ResolvedOptions): void {
  const { db, clock, signInLimit } = options;
  const gate = new HashGate(options.hashGate);
  app.decorate('hashGate', gate);
  let decoy: Promise<string> | undefined;

  app.post(
    routePatterns.sessions,
    {
      config: { public: true },
      schema: {
        summary: 'Sign in',
        tags: ['sessions'],
        body: signInBodySchema,
        response: { 201: sessionSchema, 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema, 503: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      // A place in the hashing line first: when it is full, nothing is recorded and nothing is hashed.
      const ticket = gate.admit(request.ip);
      if (!ticket) throw busy();
      let user: Awaited<ReturnType<typeof findUser>>;
      const now = clock();
      try {
        const admission = await admitSignIn(db, username, request.ip, now, signInLimit);
        if (!admission.ok) throw tooManyAttempts(admission.reason, admission.retryAfterMs);
        user = await findUser(db, username);
        // An unknown user costs one scrypt too, so timing does not tell which usernames exist.
        decoy ??= decoyHash(options.passwordCost);
        const hash = user?.password_hash ?? (await decoy);
        const ok = (await ticket.run(() => verifyPassword(password, hash))) && user !== undefined;
        if (!ok || !user) throw errors.invalidCredentials();
        await recordSuccess(db, admission.attemptId);
      } finally {
        ticket.release();
      }
      await pruneAttempts(db, now, signInLimit);
      await pruneExpired(db, now);
      const token = newToken();
      const expiresAt = new Date(now.getTime() + options.sessionTtlMs);
      await createSession(db, token, user.username, now, expiresAt);
      return reply.status(201).send({ token, expiresAt: expiresAt.toISOString(), user: toApiUser(user) });
    },
  );

  app.get(
    routePatterns.currentSession,
    {
      schema: {
        summary: 'Who is signed in',
        tags: ['sessions'],
        security: bearer,
        response: { 200: z.object({ user: userSchema }), ...errorResponses },
      },
    },
    async (request) => ({ user: userOf(request) }),
  );

  app.delete(
    routePatterns.currentSession,
    { schema: { summary: 'Sign out', tags: ['sessions'], security: bearer, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const token = bearerToken(request);
      if (token !== undefined) await deleteSession(db, token);
      return reply.status(204).send(null);
    },
  );
}

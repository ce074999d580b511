/** Sign-in and sign-out. Wrong user and wrong password are the same 401; failures are counted in the database. */
import { z } from 'zod';
import { errorBodySchema, sessionSchema, signInBodySchema, userSchema } from '../../api';
import { bearerToken, userOf } from '../auth/authenticate';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { newToken } from '../auth/tokens';
import { ApiError, errors } from '../errors';
import type { ResolvedOptions } from '../options';
import { createSession, deleteSession, pruneExpired, recentFailures, recordSignInAttempt } from '../store/sessions';
import { findUser, toApiUser } from '../store/users';
import { bearer, errorResponses, type App } from './common';

export function sessionRoutes(app: App, options: ResolvedOptions): void {
  const { db, clock, signInLimit } = options;
  let decoy: Promise<string> | undefined;

  app.post(
    '/api/v1/sessions',
    {
      config: { public: true },
      schema: {
        summary: 'Sign in',
        tags: ['sessions'],
        body: signInBodySchema,
        response: { 201: sessionSchema, 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const now = clock();
      const failures = await recentFailures(db, username, request.ip, new Date(now.getTime() - signInLimit.windowMs));
      if (failures.user >= signInLimit.maxFailuresPerUser || failures.ip >= signInLimit.maxFailuresPerIp) {
        const minutes = Math.ceil(signInLimit.windowMs / 60_000);
        throw new ApiError(429, 'too_many_attempts', `too many failed sign-ins; try again in ${minutes} minutes`,
          `เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป กรุณาลองใหม่ในอีก ${minutes} นาที`, undefined,
          { 'retry-after': String(Math.ceil(signInLimit.windowMs / 1000)) });
      }
      const user = await findUser(db, username);
      // An unknown user costs one scrypt too, so timing does not tell which usernames exist.
      decoy ??= decoyHash(options.passwordCost);
      const ok = user ? await verifyPassword(password, user.password_hash) : (await verifyPassword(password, await decoy), false);
      await recordSignInAttempt(db, username, request.ip, now, ok);
      if (!ok || !user) throw errors.invalidCredentials();
      await pruneExpired(db, new Date(now.getTime() - signInLimit.windowMs), now);
      const token = newToken();
      const expiresAt = new Date(now.getTime() + options.sessionTtlMs);
      await createSession(db, token, user.username, now, expiresAt);
      return reply.status(201).send({ token, expiresAt: expiresAt.toISOString(), user: toApiUser(user) });
    },
  );

  app.get(
    '/api/v1/sessions/current',
    { schema: { summary: 'Who is signed in', tags: ['sessions'], security: bearer, response: { 200: z.object({ user: userSchema }), ...errorResponses } } },
    async (request) => ({ user: userOf(request) }),
  );

  app.delete(
    '/api/v1/sessions/current',
    { schema: { summary: 'Sign out', tags: ['sessions'], security: bearer, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const token = bearerToken(request);
      if (token !== undefined) await deleteSession(db, token);
      return reply.status(204).send(null);
    },
  );
}

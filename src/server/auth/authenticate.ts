/**
 * Every route needs a signed-in user unless it says `config: { public: true }`. The token is looked up in the
 * database on each request (no session state in the process), and the user is attached to the request.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ResolvedOptions } from '../options';
import { errors } from '../errors';
import { sessionUser } from '../store/sessions';
import type { User } from './permissions';

declare module 'fastify' {
  interface FastifyContextConfig {
    public?: boolean;
  }
  interface FastifyRequest {
    scorebookUser: User | null;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const m = header === undefined ? null : /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
  return m?.[1];
}

/** `onUnknownToken`: a token that names no session makes its request an anonymous one (counted by address). */
export function installAuthentication(
  app: FastifyInstance,
  options: ResolvedOptions,
  onUnknownToken?: (request: FastifyRequest) => Promise<void>,
): void {
  app.decorateRequest('scorebookUser', null);
  // onRequest: an anonymous caller is turned away before its body is even read. Unknown paths fall through to 404.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.public || request.routeOptions.url === undefined) return;
    const token = bearerToken(request);
    if (token === undefined) throw errors.unauthenticated();
    const user = await sessionUser(options.db, token, options.clock());
    if (!user) {
      await onUnknownToken?.(request);
      throw errors.sessionExpired();
    }
    request.scorebookUser = user;
  });
}

/** The signed-in user of a non-public route (set by the hook above). */
export function userOf(request: FastifyRequest): User {
  const user = request.scorebookUser;
  if (!user) throw errors.unauthenticated();
  return user;
}

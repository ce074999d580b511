/**
 * Headers on every answer: `Cache-Control: no-store`, because a sign-in answer holds a token and every data
 * answer holds a unit's reports, which no browser cache, proxy or shared machine should keep; and
 * `X-Content-Type-Options: nosniff`, so a browser never guesses a type other than the one sent (a JSON
 * error echoing a user's text is never run as HTML, an attachment never as a script).
 */
import type { FastifyInstance } from 'fastify';

export function installResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
}

import { sql } from 'kysely';
import { z } from 'zod';
import { routePatterns } from '../../api';
import { errors } from '../errors';
import type { ResolvedOptions } from '../options';
import type { App } from './common';

/**
 * GET /healthz: the process answers and so does the database — 200 `{ status: "ok", database: "ok" }`, or 503
 * `database_unavailable` (with Retry-After) while the database cannot be reached. The process stays up through
 * that and reports green again once the database is back, so a supervisor or load balancer can tell "wait" from
 * "restart".
 */
export function healthRoutes(app: App, options: ResolvedOptions): void {
  app.get(
    routePatterns.health,
    {
      config: { public: true },
      schema: {
        summary: 'Liveness and database check',
        tags: ['health'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }) },
      },
    },
    async (request) => {
      try {
        await sql`select 1`.execute(options.db);
      } catch (e) {
        request.log.warn({ err: e }, 'health check: database unavailable');
        throw errors.databaseUnavailable();
      }
      return { status: 'ok' as const, database: 'ok' as const };
    },
  );
}

import { sql } from 'kysely';
import { z } from 'zod';
import type { ResolvedOptions } from '../options';
import type { App } from './common';

/** GET /healthz: the process answers and the database answers. */
export function healthRoutes(app: App, options: ResolvedOptions): void {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { summary: 'Liveness and database check', tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      await sql`select 1`.execute(options.db);
      return { status: 'ok' as const };
    },
  );
}

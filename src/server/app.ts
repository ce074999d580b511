/**
 * The reporting API as a Fastify instance. `buildApp` opens no port and starts nothing: tests call
 * `app.inject()`, `serve` calls `app.listen()`. All state is in the database it is given.
 */
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_ATTACHMENT_BYTES } from '../api';
import { installAuthentication } from './auth/authenticate';
import { installAnonymousLimit, installUserLimit } from './auth/requestLimit';
import { installWriteLimit } from './auth/writeLimit';
import { frameworkErrorReply, installErrorHandling } from './errors';
import { installResponseHeaders } from './headers';
import { resolveOptions, type AppOptions } from './options';
import { assessmentRoutes } from './routes/assessments';
import { attachmentRoutes } from './routes/attachments';
import { auditRoutes } from './routes/audit';
import type { App } from './routes/common';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { overviewRoutes } from './routes/overview';
import { reportRoutes } from './routes/reports';
import { roundReportRoutes } from './routes/roundReports';
import { scoreRoutes } from './routes/scores';
import { documentRoutes } from './routes/documents';
import { sessionRoutes } from './routes/sessions';

export type { AppOptions } from './options';

/** A hop count as Fastify applies a number (the hops nearest the server are trusted), typed as its function. */
function fastifyTrustProxy(trust: false | number | readonly string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust === false ? false : [...trust];
}

export async function buildApp(appOptions: AppOptions): Promise<App> {
  const options = resolveOptions(appOptions);
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.jsonBodyLimit,
    trustProxy: fastifyTrustProxy(options.trustProxy),
    frameworkErrors: frameworkErrorReply,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installResponseHeaders(app);

  await app.register(cors, {
    origin: [...options.corsOrigin],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Content-Disposition', 'Retry-After'],
    maxAge: 600,
  });
  // Its counters only: the request limits (per user, per address for the anonymous) and the write limit are hooks
  // of their own (auth/requestLimit.ts, auth/writeLimit.ts), placed around authentication.
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10, parts: 11 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Scorebook reporting API',
        description:
          'KPI reports (ตัวชี้วัด) of Thai public-sector units: sign in, enter and submit rows, approve or return them, attach evidence, read scores and the audit log. ' +
          'Errors: { "error": { "code", "message" (English), "messageTh" (Thai), "details"? } }.',
        version: '1.0.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  const anonymous = installAnonymousLimit(app, options);
  installAuthentication(app, options, anonymous.countAnonymous);
  installUserLimit(app, options);
  installWriteLimit(app, options);
  healthRoutes(app, options);
  sessionRoutes(app, options);
  assessmentRoutes(app, options);
  reportRoutes(app, options);
  roundReportRoutes(app, options);
  overviewRoutes(app, options);
  historyRoutes(app, options);
  attachmentRoutes(app, options);
  scoreRoutes(app, options);
  documentRoutes(app, options);
  auditRoutes(app, options);
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.ready();
  return app;
}

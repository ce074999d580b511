/** What every route module shares: the typed Fastify instance and the error responses it documents. */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../api';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The error responses a signed-in route may give, for the OpenAPI document. */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
} as const;

export const bearer = [{ bearer: [] }];

/**
 * A route's `serializerCompiler` when its answer is built field by field from typed rows (as `reportRowsAlongside`
 * builds report rows): JSON.stringify as is. The app's default parses every answer against its zod schema first, which
 * for a unit's 20 rows cost about as much as the stringify itself; the schema still documents the answer.
 */
export const serializeAsBuilt = () => (data: unknown) => JSON.stringify(data);

/**
 * The batch route's body check and answer text, without zod walking 10,000 rows each way: zod's object schema
 * costs several microseconds a row to check and copy, more than the batch's own per-row decisions.
 *
 * Each is a fast path for the shapes nearly every batch has, with zod behind it: a body the plain checks below
 * cannot pass whole goes to zod, so every refusal (its message and JSON path) is zod's as before; an answer holding
 * anything but accepted rows is encoded by zod. Where the fast path answers, it gives what zod would: the same
 * object (keys in the schema's order, unknown keys dropped) and the same text (test/server/batchWire.test.ts compares them).
 */
import type { FastifyRouteSchemaDef, FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify/types/schema';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  MAX_ID_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_VALUE_DEPTH,
  isStorableText,
  nestsAtMost,
  type BatchBody,
  type BatchResponse,
} from '../../api';

type Row = BatchBody['rows'][number];
const NOTES = ['explanation', 'obstacles', 'remarks'] as const;
const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** The row as zod gives it, or undefined when it is not plainly valid (zod then decides, and words the refusal). */
function plainRow(row: unknown): Row | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
  const r = row as Record<string, unknown>;
  const id = r.indicatorId;
  if (typeof id !== 'string' || id.length < 1 || id.length > MAX_ID_LENGTH || !isStorableText(id)) return undefined;
  if (!has(r, 'value') || !nestsAtMost(r.value, MAX_VALUE_DEPTH)) return undefined;
  const base = r.baseVersion;
  if (typeof base !== 'number' || !Number.isSafeInteger(base) || base < 0) return undefined;
  const out: Record<string, unknown> = { indicatorId: id, value: r.value };
  for (const field of NOTES) {
    if (!has(r, field)) continue;
    const note = r[field];
    if (note !== null && note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH)) return undefined;
    out[field] = note;
  }
  out.baseVersion = base;
  return out as Row;
}

/** The body as zod's batchBodySchema gives it, or undefined when any part is not plainly valid. */
export function plainBatchBody(data: unknown): BatchBody | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { action, rows } = data as Record<string, unknown>;
  if ((action !== 'save' && action !== 'submit') || !Array.isArray(rows) || rows.length === 0) return undefined;
  const out: Row[] = new Array<Row>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = plainRow(rows[i]);
    if (row === undefined) return undefined;
    out[i] = row;
  }
  return { action, rows: out };
}

/** The answer's text when every row is accepted with a version (and nothing else), or undefined. */
export function plainBatchAnswer(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { results, late, ...rest } = data as BatchResponse;
  if (Object.keys(rest).length > 0 || !Array.isArray(results) || (late !== undefined && typeof late !== 'boolean')) return undefined;
  const parts: string[] = new Array<string>(results.length);
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as BatchResponse['results'][number] & Record<string, unknown>;
    if (typeof r !== 'object' || r === null || r.outcome !== 'accepted' || typeof r.indicatorId !== 'string') return undefined;
    const { version } = r;
    if (typeof version !== 'number' || !Number.isSafeInteger(version)) return undefined;
    let keys = 3;
    let tail = '';
    if (r.late !== undefined) {
      if (typeof r.late !== 'boolean') return undefined;
      tail = `,"late":${r.late}`;
      keys++;
    }
    // Anything more (issues, current, a key the schema does not have) is zod's to encode.
    if (Object.keys(r).length !== keys) return undefined;
    parts[i] = `{"indicatorId":${JSON.stringify(r.indicatorId)},"outcome":"accepted","version":${JSON.stringify(version)}${tail}}`;
  }
  return `{"results":[${parts.join(',')}]${late === undefined ? '' : `,"late":${late}`}}`;
}

/** The route's validators: the body through the fast path, the rest (params, headers) as every route's. */
export function batchValidatorCompiler<S>(route: FastifyRouteSchemaDef<S>): ReturnType<FastifySchemaCompiler<S>> {
  // Fastify types a route's compilers by the whole route schema; each is called with one part's zod schema.
  const zod = validatorCompiler(route as unknown as FastifyRouteSchemaDef<z.ZodType>);
  if (route.httpPart !== 'body') return zod;
  return (data: unknown) => {
    const value = plainBatchBody(data);
    return value === undefined ? zod(data) : { value };
  };
}

/** The route's serializers: a 200 answer of accepted rows written directly, any other answer as every route's. */
export function batchSerializerCompiler<S>(
  route: FastifyRouteSchemaDef<S> & { url: string; method: string },
): ReturnType<FastifySerializerCompiler<S>> {
  const zod = serializerCompiler(route as unknown as Parameters<typeof serializerCompiler>[0]);
  if (route.httpStatus !== '200') return zod;
  return (data: unknown) => plainBatchAnswer(data) ?? zod(data);
}

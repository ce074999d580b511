/**
 * Assessments: the v1 document (design.md "The assessment file") with its `units` and `rounds`.
 * A PUT body is any JSON object here; `src/domain`'s `readAssessment` checks it, so a document the CLI
 * accepts the server accepts, and errors come back as domain issues with their JSON paths.
 */
import { z } from 'zod';
import { issueSchema } from './common';
import { findUnstorableText, MAX_ID_LENGTH, UNSTORABLE_TEXT_MESSAGE } from './text';

export const roundSchema = z.object({
  round: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  allowLate: z.boolean().optional(),
});
export type ApiRound = z.infer<typeof roundSchema>;

export const unitSchema = z.object({ id: z.string(), name: z.string(), group: z.string().optional() });

/** The stored document, as the central office sent it, with `units` and `rounds` always present. */
export const assessmentDocumentSchema = z
  .object({
    format: z.string(),
    id: z.string(),
    title: z.string(),
    fiscalYear: z.number(),
    units: z.array(unitSchema),
    rounds: z.array(roundSchema),
  })
  .loose();
export type ApiAssessmentDocument = z.infer<typeof assessmentDocumentSchema>;

/**
 * What the domain does not check but the database and the paths need: no text the database cannot store, and
 * unit and indicator ids no longer than a path may address (`idSchema`). Refused with the JSON path.
 */
export const putAssessmentBodySchema = z.record(z.string(), z.unknown()).superRefine((doc, ctx) => {
  const bad = findUnstorableText(doc);
  if (bad !== undefined) ctx.addIssue({ code: 'custom', path: bad, message: UNSTORABLE_TEXT_MESSAGE });
  for (const { path, id } of addressedIds(doc)) {
    if (id.length > MAX_ID_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `an id may have at most ${MAX_ID_LENGTH} characters / รหัสยาวได้ไม่เกิน ${MAX_ID_LENGTH} ตัวอักษร`,
      });
    }
  }
});

/** The ids of units and (nested) indicators, each with its JSON path; iterative, whatever the nesting. */
function addressedIds(doc: Record<string, unknown>): { path: (string | number)[]; id: string }[] {
  const found: { path: (string | number)[]; id: string }[] = [];
  const idOf = (x: unknown): string | undefined => {
    const id = (x as { id?: unknown } | null)?.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  };
  const lists: [unknown, (string | number)[]][] = [
    [doc.units, ['units']],
    [doc.indicators, ['indicators']],
  ];
  while (lists.length > 0) {
    const [list, at] = lists.pop()!;
    if (!Array.isArray(list)) continue;
    list.forEach((item: unknown, i) => {
      const id = typeof item === 'object' && item !== null ? idOf(item) : undefined;
      if (id !== undefined) found.push({ path: [...at, i, 'id'], id });
      if (at[0] === 'indicators' && typeof item === 'object' && item !== null)
        lists.push([(item as { children?: unknown }).children, [...at, i, 'children']]);
    });
  }
  return found;
}

export const putAssessmentResponseSchema = z.object({
  assessment: assessmentDocumentSchema,
  /** True when the id was new (HTTP 201); absent from servers before it was said in the body. */
  created: z.boolean().optional(),
  /** The stored version after the write (1 when created, one more on each replacement). */
  version: z.number().int().optional(),
  /** Warnings the domain found (weights not summing to 100 …); errors refuse the document instead. */
  issues: z.array(issueSchema),
});

export const assessmentSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  fiscalYear: z.number(),
  units: z.array(unitSchema),
  rounds: z.array(roundSchema),
});

export const assessmentListSchema = z.object({ assessments: z.array(assessmentSummarySchema) });

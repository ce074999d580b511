/**
 * The workbook's link to the reporting API, kept in the binding record (`server`): which assessment, unit and
 * round the sheet reports on, each row's version and value as the server last confirmed them (what "changed"
 * is measured against, and the baseVersion sent), and the batches sent but not yet confirmed. Versioned from
 * the start: a reader meeting a newer format says so instead of guessing, and never writes over it.
 */
import { z } from 'zod';
import { batchBodySchema, reportStatusSchema } from '../../api';
import { issue, type Issue } from '../../domain';
import { asStoredJson } from '../../workbook/binding';

export const SERVER_LINK_FORMAT = 'scorebook/server-link@1';

const confirmedRowSchema = z.object({
  version: z.number().int(),
  value: z.unknown(),
  status: reportStatusSchema.optional(),
  explanation: z.string().nullable().optional(),
  obstacles: z.string().nullable().optional(),
  remarks: z.string().nullable().optional(),
  comment: z.string().nullable().optional(),
});
export type ConfirmedRow = z.infer<typeof confirmedRowSchema>;

const pendingBatchSchema = z.object({
  key: z.string(),
  target: z.object({ aid: z.string(), round: z.number().int(), unit: z.string() }),
  body: batchBodySchema,
  createdAt: z.string(),
  /** The server refused it as a whole: shown, never resent, until the person forgets it. */
  refused: z
    .object({ at: z.string(), status: z.number().int(), code: z.string(), message: z.object({ th: z.string(), en: z.string() }) })
    .optional(),
});

export const serverLinkSchema = z.object({
  format: z.literal(SERVER_LINK_FORMAT),
  /** The server's address, so a reopened file knows where to resend. */
  baseUrl: z.string().optional(),
  target: z.object({ aid: z.string(), round: z.number().int(), unit: z.string() }).optional(),
  rows: z.record(z.string(), confirmedRowSchema),
  pending: z.array(pendingBatchSchema),
});
export type ServerLink = z.infer<typeof serverLinkSchema>;

export const emptyServerLink = (): ServerLink => ({ format: SERVER_LINK_FORMAT, rows: {}, pending: [] });

export type ServerLinkRead = { readonly ok: true; readonly value: ServerLink } | { readonly ok: false; readonly issues: readonly Issue[] };

/** The `server` value of a binding record: absent → an empty link; another format or a damaged one → issues. */
export function readServerLink(value: unknown): ServerLinkRead {
  if (value === undefined) return { ok: true, value: emptyServerLink() };
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format !== SERVER_LINK_FORMAT) {
    return {
      ok: false,
      issues: [
        issue('server-link-version', 'error', {
          th: `ข้อมูลการเชื่อมต่อเซิร์ฟเวอร์ในไฟล์นี้เป็นรูปแบบ ${String(format)} ซึ่งโปรแกรมรุ่นนี้ไม่รู้จัก ให้ปรับรุ่น Scorebook`,
          en: `this file's server link uses format ${String(format)}, which this version does not know; update Scorebook`,
        }),
      ],
    };
  }
  const known = checkedLinks.get(value as object);
  if (known) return known;
  const read = checkLink(value);
  checkedLinks.set(value as object, read);
  return read;
}

/**
 * Links already checked, by the value read from the record: the record reader gives the same object for the same
 * stored text (src/workbook/unpackOnce.ts), and the live sheet reads the link after every edit (20,000 rows through
 * zod each time otherwise). Exact as long as nobody changes a link in place: links are rebuilt, never edited.
 */
const checkedLinks = new WeakMap<object, ServerLinkRead>();

/**
 * The link as the record will hold it, to write: its JSON round trip, known checked (built from a checked link and
 * the server's checked answers), so reading back the record just written neither decodes nor checks it again — after
 * a submit's pending batches are kept, that is 10,000 rows inflated, parsed and run through zod.
 */
export function storedLink(link: ServerLink): ServerLink {
  const stored = asStoredJson(link);
  checkedLinks.set(stored, { ok: true, value: stored });
  return stored;
}

function checkLink(value: unknown): ServerLinkRead {
  const parsed = serverLinkSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: [
        issue('server-link-invalid', 'error', {
          th: 'ข้อมูลการเชื่อมต่อเซิร์ฟเวอร์ในไฟล์เสียหาย',
          en: `the server link in this file is damaged (${parsed.error.issues[0]?.message ?? 'unexpected shape'})`,
        }),
      ],
    };
  }
  return { ok: true, value: parsed.data };
}

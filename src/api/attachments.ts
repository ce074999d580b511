/** Evidence files (เอกสารหลักฐาน) of one report row: ≤ 10 MB, the types of the e-SAR manual (seed 000). */
import { z } from 'zod';
import { instantSchema } from './common';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.doc', '.docx', '.ppt', '.pptx', '.xls', '.xlsx', '.pdf'] as const;

/** Characters that reorder how text is shown (U+202E makes "report\u202Eexe.pdf" read "reportfdp.exe"). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Path separators, C0 and C1 controls (NUL among them), and halves of a surrogate pair left alone.
const UNSAFE = /[\\/\x00-\x1f\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const MAX_FILENAME_LENGTH = 255;

/**
 * A file name as it is stored and shown: NFC, no bidi controls (dropped, so the name reads as it is), no path
 * separators or control characters (each an "_"), at most 255 characters — the end kept, for the extension,
 * cut between characters, never inside a surrogate pair.
 */
export function safeFileName(name: string): string {
  const clean = name.normalize('NFC').replace(BIDI_CONTROLS, '').replace(UNSAFE, '_');
  const chars = Array.from(clean);
  return chars.length > MAX_FILENAME_LENGTH ? chars.slice(-MAX_FILENAME_LENGTH).join('') : clean;
}

export const attachmentSchema = z.object({
  id: z.string(),
  indicatorId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: instantSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ attachments: z.array(attachmentSchema) });

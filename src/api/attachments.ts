/** Evidence files (เอกสารหลักฐาน) of one report row: ≤ 10 MB, the types of the e-SAR manual (seed 000). */
import { z } from 'zod';
import { instantSchema } from './common';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.doc', '.docx', '.ppt', '.pptx', '.xls', '.xlsx', '.pdf'] as const;

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

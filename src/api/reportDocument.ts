/** The round's report document: its formats and query (the bytes themselves are PDF or Word, not JSON). */
import { z } from 'zod';

export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportDocumentFormat = (typeof REPORT_FORMATS)[number];

export const reportDocumentQuerySchema = z.object({
  lang: z.enum(['th', 'en']).optional(),
  /** Thai digits (๐–๙) in every figure and date: `thaiDigits=1`. */
  thaiDigits: z.enum(['0', '1', 'true', 'false']).optional(),
});

export { reportFileName } from './reportFileName';

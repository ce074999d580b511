/**
 * The round's report document in the pane: the same model and renderers as the CLI and the server (index.ts),
 * with the fonts fetched as the bundle's asset files. The pane loads this module on demand (`import()`), so
 * pdfkit, fontkit and docx stay out of its initial JavaScript.
 */
import { Packer } from 'docx';
import { browserReportFonts } from './browserFonts';
import { reportDocx } from './docxReport';
import { REPORT_MEDIA_TYPES, type ReportFormat } from './formats';
import { renderReportPdfWith } from './pdfReport';
import { buildReportModel, type ReportInput } from './reportModel';

export async function renderReportBlob(input: ReportInput, format: ReportFormat): Promise<Blob> {
  const model = buildReportModel(input);
  if (format === 'docx') return Packer.toBlob(reportDocx(model));
  const bytes = await renderReportPdfWith(model, await browserReportFonts());
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: REPORT_MEDIA_TYPES.pdf });
}

export type { ReportFormat } from './formats';
export type { ReportInput } from './reportModel';

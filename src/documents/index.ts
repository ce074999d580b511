/**
 * The round's report document for node (the CLI and the server): one model from the domain's scores, drawn as PDF
 * or Word, fonts read with node:fs. The pane loads `browser.ts` instead, on demand.
 */
import { Packer } from 'docx';
import { reportDocx } from './docxReport';
import { nodeReportFonts } from './nodeFonts';
import { renderReportPdfWith } from './pdfReport';
import type { ReportModel } from './reportModel';

export { buildReportModel, type ReportInput, type ReportModel, type ReportTexts, type EvidenceFile } from './reportModel';
export { DOCX_FONT } from './docxReport';
export { REPORT_MEDIA_TYPES, type ReportFormat } from './formats';

export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const bytes = await renderReportPdfWith(model, await nodeReportFonts());
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function renderReportDocx(model: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(reportDocx(model));
}

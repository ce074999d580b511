/** The round's report document: one model from the domain's scores, drawn as PDF or Word. */
export { buildReportModel, type ReportInput, type ReportModel, type ReportTexts, type EvidenceFile } from './reportModel';
export { renderReportPdf } from './pdfReport';
export { renderReportDocx, DOCX_FONT } from './docxReport';

export type ReportFormat = 'pdf' | 'docx';

export const REPORT_MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

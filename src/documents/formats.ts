/** The report's two formats and the media types they are sent and saved as. */
export type ReportFormat = 'pdf' | 'docx';

export const REPORT_MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

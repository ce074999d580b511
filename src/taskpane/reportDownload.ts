/**
 * The report document made in the pane, and saved. The document code (src/documents: pdfkit, fontkit, docx and the
 * font files) is loaded on demand, when the first report is asked for: it is most of a megabyte of JavaScript the
 * pane does not need to draw, and the pane's initial JavaScript has a budget (webpack.config.js).
 */
import type { ReportFormat, ReportInput } from '../documents/browser';

export function makeReport(input: ReportInput, format: ReportFormat): Promise<Blob> {
  return import(/* webpackChunkName: "documents" */ '../documents/browser').then((m) => m.renderReportBlob(input, format));
}

/**
 * A file saved the way a browser saves a download: a link to a blob URL with `download`, clicked. The preview and
 * Excel on the web (a browser) save it; the URL is released after a minute, once the download has read it.
 */
export function saveFile(data: Blob, filename: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

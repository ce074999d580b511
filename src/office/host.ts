/**
 * The real host: Office.js's Excel.run and requirement-set checks. The only file that names `Excel` and `Office`
 * at run time; everything else in src/office goes through ExcelHost so that tests can put a recording fake there.
 */
/// <reference types="office-js" />
import type { WorkbookPort } from '../workbook/port';
import type { ExcelHost } from './excelApi';
import { OfficeWorkbookPort } from './officePort';

export function officeExcelHost(): ExcelHost {
  return {
    run: (batch) => Excel.run((context) => batch(context)),
    runIn: (context, batch) => Excel.run(context as OfficeExtension.ClientRequestContext, (c) => batch(c)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/**
 * The port of the workbook this task pane runs in, once Office is ready; undefined outside Excel (the page was
 * opened in a plain browser: the task pane then uses the browser preview) or in an Excel without ExcelApi 1.8.
 */
export async function officeWorkbookPort(): Promise<(WorkbookPort & { listSheets(): Promise<string[]> }) | undefined> {
  if (typeof Office === 'undefined') return undefined;
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return undefined;
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.8')) return undefined;
  return new OfficeWorkbookPort(officeExcelHost());
}

/** Office's display language ("th-TH", "en-US"), for the task pane's default language. */
export function officeDisplayLanguage(): string | undefined {
  return typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
}

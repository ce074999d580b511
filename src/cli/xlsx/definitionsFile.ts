/**
 * The definitions workbook as a file: written from a plan of src/workbook (the same sheets the pane writes), and
 * read back into the grids, merged areas and settings sheet that src/workbook's reader takes. A file that is not an
 * .xlsx, is damaged, or has no sheet to read is a clear message, never a stack trace.
 */
import { openXlsxFile } from './openXlsxFile';
import ExcelJS from 'exceljs';
import { issue, type AssessmentDocument, type Issue } from '../../domain';
import {
  BINDING_SHEET,
  DEFINITIONS_SETTINGS_SHEET,
  DEFINITIONS_SHEET,
  definitionsSheetPlan,
  readDefinitionsSheet,
  type DefinitionsLocale,
  type DefinitionsReading,
} from '../../workbook';
import { applyPlanToWorkbook } from './planWorkbook';
import { sheetValues } from './readTemplate';

export function buildDefinitionsWorkbook(document: AssessmentDocument, locale: DefinitionsLocale): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Scorebook';
  wb.title = document.title;
  // The summary's SUMIFS has no cached result in a file exceljs writes: Excel computes it on opening.
  wb.calcProperties.fullCalcOnLoad = true;
  applyPlanToWorkbook(wb, definitionsSheetPlan(document, locale));
  return wb;
}

export async function writeDefinitionsFile(document: AssessmentDocument, locale: DefinitionsLocale, file: string): Promise<void> {
  await buildDefinitionsWorkbook(document, locale).xlsx.writeFile(file);
}

export type DefinitionsFileRead =
  { readonly ok: true; readonly value: DefinitionsReading } | { readonly ok: false; readonly issues: readonly Issue[] };

const fail = (code: string, th: string, en: string): DefinitionsFileRead => ({ ok: false, issues: [issue(code, 'error', { th, en })] });

export async function readDefinitionsFile(file: string): Promise<DefinitionsFileRead> {
  const opened = await openXlsxFile(file, { th: '(ไฟล์ .xls แบบเก่าให้บันทึกเป็น .xlsx ก่อน)', en: '(save an old .xls as .xlsx first)' });
  return opened.ok ? readDefinitionsWorkbook(opened.workbook) : opened;
}

export function readDefinitionsWorkbook(wb: ExcelJS.Workbook): DefinitionsFileRead {
  const settingsNames = new Set<string>(Object.values(DEFINITIONS_SETTINGS_SHEET));
  const definitionsSheet = wb.getWorksheet(DEFINITIONS_SHEET.th) ?? wb.getWorksheet(DEFINITIONS_SHEET.en);
  if (!definitionsSheet && wb.getWorksheet(BINDING_SHEET)) {
    return fail(
      'kpi-workbook-not-definitions',
      'ไฟล์นี้เป็นแบบฟอร์มรายงานตัวชี้วัด (scorebook template) ไม่ใช่ไฟล์กำหนดตัวชี้วัด ตรวจแบบฟอร์มด้วย scorebook check หรือสร้างไฟล์กำหนดตัวชี้วัดด้วย scorebook definitions-template',
      'this is a KPI reporting workbook (scorebook template), not a definitions workbook; check it with scorebook check, or make a definitions workbook with scorebook definitions-template',
    );
  }
  const ws = definitionsSheet ?? wb.worksheets.find((w) => w.state === 'visible' && !settingsNames.has(w.name));
  if (!ws) {
    return fail(
      'definitions-sheet-missing',
      `ไม่พบชีต ${DEFINITIONS_SHEET.th} ในไฟล์ สร้างไฟล์ด้วย scorebook definitions-template`,
      `the workbook has no ${DEFINITIONS_SHEET.en} (${DEFINITIONS_SHEET.th}) sheet; start from scorebook definitions-template`,
    );
  }
  const settings = wb.getWorksheet(DEFINITIONS_SETTINGS_SHEET.th) ?? wb.getWorksheet(DEFINITIONS_SETTINGS_SHEET.en);
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return {
    ok: true,
    value: readDefinitionsSheet(sheetValues(ws), { ...(settings ? { settings: sheetValues(settings) } : {}), merges }),
  };
}

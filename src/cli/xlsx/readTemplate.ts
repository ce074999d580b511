/**
 * Reads a KPI template workbook back (as written by `template`, or after editing in Excel): the assessment from
 * the very hidden binding record, the settings sheet as it is now, and the results from the KPI sheet through the
 * src/workbook reader. A file that is not a Scorebook workbook, or is damaged, is a clear message, never a stack trace.
 */
import { openXlsxFile } from './openXlsxFile';
import ExcelJS from 'exceljs';
import { issue, readAssessment, type Assessment, type Issue, type ResultSet } from '../../domain';
import {
  assessmentWithSettings,
  BINDING_SHEET,
  changedTargets,
  readBindingRows,
  readKpiGrid,
  readSettings,
  settingsSheet,
  type BindingRecord,
  type CellValue,
  type Grid,
  type SheetReading,
} from '../../workbook';
import { rowTextsOf, type RowTexts } from '../../workbook/rowTexts';

export interface TemplateReading {
  readonly assessment: Assessment;
  readonly resultSet: ResultSet;
  readonly reading: SheetReading;
  /** Each row's explanation, obstacles and remarks, for the columns the sheet has (blank: null). */
  readonly texts: ReadonlyMap<string, RowTexts>;
  /** Warnings about the assessment document, about the settings sheet, and the sheet reader's own findings. */
  readonly issues: readonly Issue[];
}

export type TemplateReadResult =
  { readonly ok: true; readonly value: TemplateReading } | { readonly ok: false; readonly issues: readonly Issue[] };

const fail = (code: string, th: string, en: string): TemplateReadResult => ({ ok: false, issues: [issue(code, 'error', { th, en })] });

export async function readTemplateFile(file: string): Promise<TemplateReadResult> {
  const opened = await openXlsxFile(file);
  return opened.ok ? readTemplateWorkbook(opened.workbook) : opened;
}

export function readTemplateWorkbook(wb: ExcelJS.Workbook): TemplateReadResult {
  const bindingSheet = wb.getWorksheet(BINDING_SHEET);
  if (!bindingSheet) {
    return fail(
      'not-a-template',
      `ไฟล์นี้ไม่ใช่แบบฟอร์มของ Scorebook (ไม่มีชีต ${BINDING_SHEET}) สร้างแบบฟอร์มด้วยคำสั่ง scorebook template`,
      `this workbook is not a Scorebook template (it has no ${BINDING_SHEET} sheet); make one with scorebook template`,
    );
  }
  const binding = readBindingRows(sheetValues(bindingSheet).values);
  if (!binding.ok) return binding;
  const record = binding.value;
  const read = readAssessment(record.assessment);
  if (!read.ok) return { ok: false, issues: read.issues };
  const issues: Issue[] = [...read.issues];
  const assessment = withSettings(read.value, wb, record, issues);
  const round = roundOfSettings(wb, record);

  const ws = wb.getWorksheet(record.sheet) ?? findKpiSheet(wb, record);
  if (!ws) {
    return fail(
      'kpi-sheet-missing',
      `ไม่พบชีตตัวชี้วัด "${record.sheet}" ในไฟล์ อาจถูกลบหรือเปลี่ยนชื่อ`,
      `the KPI sheet "${record.sheet}" is not in the workbook; it may have been deleted or renamed`,
    );
  }
  const grid = sheetValues(ws);
  const sheetRead = readKpiGrid(assessment, grid, { headers: record.columns });
  if (!sheetRead.ok) return sheetRead;
  // Targets typed over by hand are said; scores keep the assessment's targets.
  const targets = changedTargets(assessment, grid, sheetRead.value, {
    formulas: sheetFormulas(ws, grid),
    inputRefs: settingsSheet(assessment, record.settingsSheet || undefined).inputRefs,
  });
  return {
    ok: true,
    value: {
      assessment,
      resultSet: round === undefined ? sheetRead.value.resultSet : { ...sheetRead.value.resultSet, round },
      reading: sheetRead.value,
      texts: rowTextsOf(grid, sheetRead.value),
      issues: [...issues, ...sheetRead.value.issues, ...targets],
    },
  };
}

/** A renamed KPI sheet is found by its table's name. */
function findKpiSheet(wb: ExcelJS.Workbook, record: BindingRecord): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => {
    try {
      return ws.getTable(record.table) !== undefined;
    } catch {
      return false;
    }
  });
}

/**
 * The sheet's formulas use the settings sheet as it is now; so does `check`, so the two agree after an edit
 * there. A changed setting is reported, since it differs from the assessment document.
 */
function withSettings(assessment: Assessment, wb: ExcelJS.Workbook, record: BindingRecord, issues: Issue[]): Assessment {
  const ws = record.settingsSheet ? wb.getWorksheet(record.settingsSheet) : undefined;
  if (!ws) return assessment;
  const { assessment: edited, changed } = assessmentWithSettings(assessment, readSettings(sheetValues(ws).values));
  if (!changed) return assessment;
  issues.push(
    issue(
      'settings-edited',
      'info',
      {
        th: `ค่าในชีต ${record.settingsSheet} ต่างจากชุดตัวชี้วัดต้นฉบับ คะแนนคิดตามค่าในชีต`,
        en: `the ${record.settingsSheet} sheet differs from the original assessment; scores follow the sheet`,
      },
      { cell: `'${record.settingsSheet}'!B2` },
    ),
  );
  return edited;
}

/** The round the sheet reports on (ScorebookRound): the formulas leave out the rows not due in it, and so does `check`. */
function roundOfSettings(wb: ExcelJS.Workbook, record: BindingRecord): number | undefined {
  const ws = record.settingsSheet ? wb.getWorksheet(record.settingsSheet) : undefined;
  return ws ? readSettings(sheetValues(ws).values).round : undefined;
}

/** Excel's day 0 (1899-12-30) in Unix milliseconds: a date cell is read as the serial number Excel stores. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86_400_000;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    // A formula someone typed into an input cell (=40/50) counts by its last computed result, as Excel saved it.
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    return cellValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return value.text;
  return null;
}

/** Each cell's formula (without "="), null for constants: the same shape as sheetValues' grid. */
function sheetFormulas(ws: ExcelJS.Worksheet, grid: Grid): (string | null)[][] {
  return grid.values.map((row, r) =>
    row.map((_, c) => {
      const v = ws.getRow(r + 1).getCell(c + 1).value;
      return typeof v === 'object' && v !== null && 'formula' in v && typeof v.formula === 'string' ? v.formula : null;
    }),
  );
}

export function sheetValues(ws: ExcelJS.Worksheet): Grid {
  const rows = ws.rowCount;
  const columns = ws.columnCount;
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const v: CellValue[] = [];
    const f: (string | undefined)[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      // exceljs cells are plain objects; the office-addins rules take getCell() for Office.js's proxy.
      /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
      v.push(cellValue(cell.value));
      f.push(cell.numFmt || undefined);
      /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */
    }
    values.push(v);
    numberFormats.push(f);
  }
  return { sheet: ws.name, topLeft: 'A1', values, numberFormats };
}

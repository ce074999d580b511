/**
 * Writes the KPI template workbook (.xlsx) with exceljs: the KPI sheet as a real Excel table with the live formulas
 * of src/workbook, input cells unlocked and validated (the targets in the input message), formula cells locked
 * under sheet protection without a password, conditional formatting on the score, the settings sheet (ตั้งค่า)
 * with the Scorebook defined names, and the very hidden binding record. Layout and formulas are src/workbook's;
 * only styling and the file format live here.
 */
import ExcelJS from 'exceljs';
import { formatNumber, isGroup, isStepKind, type Assessment, type LeafIndicator, type ResultSet } from '../../domain';
import {
  BINDING_FORMAT,
  BINDING_SHEET,
  bindingRows,
  cellAddress,
  columnOf,
  isCellError,
  isFormula,
  kpiLayout,
  kpiSheetContent,
  columnChars,
  columnFormat,
  SHEET_FONT,
  sheetFigures,
  NAMES,
  NOT_DUE_TEXT,
  printSettings,
  requireColumn,
  resultInputs,
  scoreFormat,
  scoreName,
  settingsSheet,
  sheetRef,
  stepAcceptedFormula,
  WORDS_COLUMN,
  wrappedRowHeight,
  type CellContent,
  type ColumnRole,
  type KpiLayout,
  type LayoutRow,
} from '../../workbook';

const GREEN = 'FFC6EFCE';
const AMBER = 'FFFFEB9C';
const RED = 'FFFFC7CE';
const INPUT_FILL = 'FFFFF9E6';
/** Inputs the unit does not fill (a central result): light grey. */
const CENTRAL_FILL = 'FFEDEDED';
const HEADER_FILL = 'FFDDEBF7';
const GREY = 'FFE7E6E6';
const GREY_TEXT = 'FF7F7F7F';

/** Excel's limits on data validation messages. */
const PROMPT_MAX = 255;
const PROMPT_TITLE_MAX = 32;

export interface TemplateOptions {
  /** The assessment document as read from its file (format v1), stored in the binding record. */
  readonly document: unknown;
  readonly results?: ResultSet;
  /** The round the sheet reports on (default: the results' round); rows not due in it are greyed and leave the total. */
  readonly round?: number;
}

export function buildTemplateWorkbook(assessment: Assessment, options: TemplateOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Scorebook';
  wb.title = assessment.title;
  // exceljs writes formulas without cached results: ask Excel to compute everything when the file opens.
  wb.calcProperties.fullCalcOnLoad = true;

  const layout = kpiLayout(assessment);
  const settings = settingsSheet(assessment, undefined, 1, options.round ?? options.results?.round);
  const content = kpiSheetContent(
    assessment,
    layout,
    options.results ? resultInputs(assessment, options.results) : new Map(),
    settings.inputRefs,
  );
  const ws = wb.addWorksheet(layout.sheet, { views: [{ state: 'frozen', ySplit: layout.headerRow, xSplit: 2 }] });
  writeKpiSheet(ws, assessment, layout, content, options.round ?? options.results?.round);

  const ss = wb.addWorksheet(settings.sheet);
  settings.rows.forEach((row, r) => row.forEach((value, c) => (ss.getCell(r + 1, c + 1).value = excelValue(value))));
  ss.getRow(1).font = { bold: true };
  [34, 14, 24, 80].forEach((w, i) => (ss.getColumn(i + 1).width = w));
  // The words a step cell may hold: the formulas' lookup, generated from the domain's table, not for editing.
  for (let c = WORDS_COLUMN; c <= WORDS_COLUMN + 1; c++) ss.getColumn(c).hidden = true;
  const modeEntry = settings.entries.find((e) => e.name === NAMES.mode);
  if (modeEntry) {
    ss.getCell(modeEntry.row, 2).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: ['"interpolate,step"'],
      showErrorMessage: true,
    };
  }
  for (const n of settings.names) wb.definedNames.add(n.ref, n.name);
  wb.definedNames.add(`${sheetRef(layout.sheet)}!${layout.totalCell}`, NAMES.total);

  const binding = wb.addWorksheet(BINDING_SHEET, { state: 'veryHidden' });
  const columns: Partial<Record<ColumnRole, string>> = {};
  for (const c of layout.columns) columns[c.role] = c.header;
  bindingRows({
    format: BINDING_FORMAT,
    sheet: layout.sheet,
    table: layout.table,
    settingsSheet: settings.sheet,
    headerRow: layout.headerRow,
    columns,
    assessment: options.document,
  }).forEach((row) => binding.addRow(row));
  return wb;
}

export async function writeTemplate(assessment: Assessment, options: TemplateOptions, file: string): Promise<void> {
  await buildTemplateWorkbook(assessment, options).xlsx.writeFile(file);
}

function excelValue(content: CellContent): ExcelJS.CellValue {
  if (content === null) return null;
  if (isFormula(content)) return { formula: content.formula };
  if (isCellError(content)) return { error: content.error as ExcelJS.CellErrorValue['error'] };
  return content;
}

function writeKpiSheet(
  ws: ExcelJS.Worksheet,
  assessment: Assessment,
  layout: KpiLayout,
  content: CellContent[][],
  round: number | undefined,
): void {
  const width = layout.columns.length;
  ws.addTable({
    name: layout.table,
    ref: cellAddress(layout.headerRow, 1),
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: layout.columns.map((c) => ({ name: c.header, filterButton: !c.hidden })),
    rows: content.slice(layout.firstDataRow - 1, layout.lastDataRow).map((row) => row.slice(0, width).map(excelValue)),
  });
  // Title and summary sit above the table.
  for (const r of [layout.titleRow, layout.summaryRow]) {
    (content[r - 1] ?? []).forEach((value, c) => {
      if (value !== null) ws.getCell(r, c + 1).value = excelValue(value);
    });
  }
  // TH Sarabun New on every cell of the sheet (printLayout.ts: why that font, why 14 pt).
  const font = { name: SHEET_FONT.name, size: SHEET_FONT.size };
  for (let c = 1; c <= width; c++) ws.getColumn(c).font = font;
  for (let r = 1; r <= layout.lastDataRow; r++) ws.getRow(r).font = font;
  ws.getCell(layout.titleRow, 1).font = { ...font, bold: true, size: SHEET_FONT.titleSize };
  ws.getRow(layout.summaryRow).font = { ...font, bold: true };
  ws.getRow(layout.summaryRow).height = wrappedRowHeight('', widthOf('name'));
  ws.getRow(layout.headerRow).font = { ...font, bold: true };
  ws.getRow(layout.headerRow).alignment = { wrapText: true, vertical: 'middle' };
  // The header wraps in narrow columns (ขั้นที่ 1, คะแนนถ่วงน้ำหนัก): as tall as its longest header needs.
  ws.getRow(layout.headerRow).height = Math.max(
    ...layout.columns.filter((c) => !c.hidden).map((c) => wrappedRowHeight(c.header, widthOf(c.role))),
  );

  const decimals = assessment.policies.decimals;
  const scores = scoreFormat(decimals);
  const figures = sheetFigures(assessment);
  for (const c of layout.columns) {
    const column = ws.getColumn(c.column);
    column.hidden = c.hidden;
    column.width = widthOf(c.role);
    // The formats the pane's sheets take too (numberFormats.ts): 7,000.00, 2,874.79, scores at the decimals, ✓ / ✗.
    const format = columnFormat(c.role, figures);
    if (format !== undefined) for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) ws.getCell(r, c.column).numFmt = format;
  }
  ws.getCell(layout.totalCell.replace(/\$/g, '')).numFmt = scores;
  ws.getCell(layout.totalCell.replace(/\$/g, '')).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };

  for (const row of layout.rows) styleRow(ws, assessment, layout, row);
  for (const g of layout.groupRows ?? []) {
    // A group heading: its name and subtotals, bold on the summary colour; nothing to type (its cells stay locked).
    ws.getRow(g.row).font = { name: SHEET_FONT.name, size: SHEET_FONT.size, bold: true };
    // One line (the heading runs over the empty cells beside it), as tall as the font's line with its marks.
    ws.getRow(g.row).height = wrappedRowHeight('', widthOf('name'));
    for (let c = 1; c <= width; c++) ws.getCell(g.row, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    for (const role of ['score', 'weightedScore'] as const) ws.getCell(g.row, requireColumn(layout, role).column).numFmt = scores;
  }
  addScoreFormatting(ws, assessment, layout);
  addNotDueFormatting(ws, layout);
  setPrinting(ws, layout, round);
  // Formula cells stay locked; input cells were unlocked row by row. No password: protection guards against
  // typing over a formula by accident, not against a determined user.
  void ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    sort: true,
    autoFilter: true,
  });
}

/**
 * A4 landscape, all columns a person reads on one page wide (helpers outside the print area), the header row on
 * every page, the page number and the round in the footer: printLayout.ts, as the pane's sheets.
 */
function setPrinting(ws: ExcelJS.Worksheet, layout: KpiLayout, round: number | undefined): void {
  const p = printSettings(layout, round);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: 0,
    printArea: p.printArea,
    printTitlesRow: p.titleRows,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
}

function widthOf(role: ColumnRole): number {
  return columnChars(role);
}

function styleRow(ws: ExcelJS.Worksheet, assessment: Assessment, layout: KpiLayout, row: LayoutRow): void {
  const cell = (role: ColumnRole): ExcelJS.Cell => ws.getCell(row.row, requireColumn(layout, role).column);
  const i = row.indicator;
  cell('id').numFmt = '@';
  cell('name').alignment = { indent: row.depth, wrapText: true, vertical: 'top' };
  // exceljs cannot measure text, and a wrapped name must not run into the next row when printed: an estimate.
  ws.getRow(row.row).height = wrappedRowHeight(i.name, widthOf('name') - row.depth * 2);
  if (isGroup(i)) {
    cell('name').font = { name: SHEET_FONT.name, size: SHEET_FONT.size, bold: true };
  }
  const unlock = (c: ExcelJS.Cell): void => {
    c.protection = { locked: false };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
  };
  // Explanation, obstacles, remarks: typed on every row, group rows too, wrapped so a paragraph stays readable.
  for (const role of ['explanation', 'obstacles', 'note'] as const) {
    const c = cell(role);
    unlock(c);
    c.alignment = { wrapText: true, vertical: 'top' };
  }
  if (isGroup(i)) return;
  // A central result (ผลจากส่วนกลาง): its input cells stay locked under the sheet's protection, with a note saying why.
  const input = i.centralResult ? lockedCentral : unlock;
  const targets = targetsText(assessment, i);
  if (i.kind === 'quantitative') {
    const c = cell('result');
    input(c);
    c.dataValidation = numberValidation(`ผลการดำเนินงาน ${i.id}`, `${i.unit ? `หน่วย: ${i.unit}\n` : ''}${targets}`, -1e15);
  } else if (i.kind === 'ratio') {
    cell('result').numFmt = '#,##0.00';
    i.variables.forEach((v, k) => {
      const c = cell(k === 0 ? 'numerator' : 'denominator');
      const central = v.central ? '\nข้อมูลส่วนกลาง: หน่วยงานไม่ต้องกรอก' : '';
      if (i.centralResult) lockedCentral(c);
      else if (!v.central) unlock(c);
      c.dataValidation = numberValidation(
        `${k === 0 ? 'ตัวตั้ง' : 'ตัวหาร'} ${i.id}`,
        `${v.name}${central}\nค่า = ตัวตั้ง × ${i.multiplier} / ตัวหาร\n${targets}`,
        0,
      );
    });
  } else {
    i.steps.forEach((step, k) => {
      const c = cell(`step${k + 1}`);
      input(c);
      // Any word of the domain's table (ทำสำเร็จ, ✓ …) is accepted, as the formulas count it; anything else is warned.
      c.dataValidation = {
        type: 'custom',
        formulae: [stepAcceptedFormula(c.address)],
        allowBlank: true,
        showInputMessage: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: 'กรอก 1 หรือ 0',
        error: 'กรอก 1, ✓ หรือ ทำสำเร็จ = สำเร็จ หรือ 0, ✗ หรือ ไม่สำเร็จ = ไม่สำเร็จ (enter 1 or ✓ = achieved, 0 or ✗ = not)',
        promptTitle: clip(`ขั้นที่ ${k + 1} ตัวชี้วัด ${i.id}`, PROMPT_TITLE_MAX),
        prompt: clip(`${step}\n1, ✓ หรือ ทำสำเร็จ = สำเร็จ; 0, ✗ หรือ ไม่สำเร็จ = ไม่สำเร็จ\n${targets}`, PROMPT_MAX),
      };
    });
  }
}

const CENTRAL_RESULT_NOTE =
  'ผลจากส่วนกลาง: สำนักงาน ก.พ.ร. สำนักงานสถิติแห่งชาติ หรือหน่วยงานเจ้าภาพเป็นผู้กรอก หน่วยงานไม่ต้องกรอก\n' +
  'Central result: supplied by the central office (OPDC, NSO or the host agency); the unit does not enter it.';

/** An input cell of a central result: locked (protection is on), shaded as not for the unit, with a note. */
function lockedCentral(c: ExcelJS.Cell): void {
  c.protection = { locked: true };
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: CENTRAL_FILL } };
  c.note = CENTRAL_RESULT_NOTE;
}

function numberValidation(title: string, prompt: string, min: number): ExcelJS.DataValidation {
  return {
    type: 'decimal',
    operator: 'between',
    formulae: [min, 1e15],
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'กรอกเป็นตัวเลข',
    error: 'กรอกผลเป็นตัวเลข ไม่ใช่ข้อความ (enter a number, not text)',
    promptTitle: clip(title, PROMPT_TITLE_MAX),
    prompt: clip(prompt, PROMPT_MAX),
  };
}

/** "เป้าหมาย: ขั้นต้น 2,874.79 / มาตรฐาน 3,018.10 / ขั้นสูง 3,161.41" */
function targetsText(assessment: Assessment, i: LeafIndicator): string {
  const steps = isStepKind(i.kind);
  const parts = i.targets.map((t, k) => {
    const level = assessment.scale.levels[k]?.name ?? `ระดับ ${k + 1}`;
    return `${level} ${steps ? `${t} ขั้น` : formatNumber(t, Number.isInteger(t) ? 0 : 2)}`;
  });
  const direction = steps ? '' : i.direction === 'lower' ? ' (ยิ่งน้อยยิ่งดี)' : ' (ยิ่งมากยิ่งดี)';
  return `เป้าหมาย${direction}: ${parts.join(' / ')}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A row not due in the sheet's round (its score cell says ไม่ต้องรายงานในรอบนี้) is greyed across the visible
 * columns; live, so changing ScorebookRound on the settings sheet re-greys the rows.
 */
function addNotDueFormatting(ws: ExcelJS.Worksheet, layout: KpiLayout): void {
  const score = columnOf(layout, 'score');
  if (!score || !layout.columns.some((c) => c.role === 'rounds')) return;
  const lastVisible = Math.max(...layout.columns.filter((c) => !c.hidden).map((c) => c.column));
  const test = `${cellAddress(layout.firstDataRow, score.column, true).replace(/\$(\d+)$/, '$1')}="${NOT_DUE_TEXT}"`;
  ws.addConditionalFormatting({
    ref: `${cellAddress(layout.firstDataRow, 1)}:${cellAddress(layout.lastDataRow, lastVisible)}`,
    rules: [
      {
        type: 'expression',
        priority: 4,
        formulae: [test],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: GREY } }, font: { color: { argb: GREY_TEXT } } },
      },
    ],
  });
}

/** Top level reached: green; between the first and the top level: amber; below the first level: red. */
function addScoreFormatting(ws: ExcelJS.Worksheet, assessment: Assessment, layout: KpiLayout): void {
  const score = columnOf(layout, 'score');
  if (!score) return;
  const first = cellAddress(layout.firstDataRow, score.column);
  const ref = `${first}:${cellAddress(layout.lastDataRow, score.column)}`;
  const top = scoreName(assessment.scale.levels.length);
  const fill = (argb: string): Partial<ExcelJS.Style> => ({ fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } });
  ws.addConditionalFormatting({
    ref,
    rules: [
      { type: 'expression', priority: 1, formulae: [`AND(ISNUMBER(${first}),${first}>=${top})`], style: fill(GREEN) },
      {
        type: 'expression',
        priority: 2,
        formulae: [`AND(ISNUMBER(${first}),${first}>=${scoreName(1)},${first}<${top})`],
        style: fill(AMBER),
      },
      { type: 'expression', priority: 3, formulae: [`AND(ISNUMBER(${first}),${first}<${scoreName(1)})`], style: fill(RED) },
    ],
  });
}

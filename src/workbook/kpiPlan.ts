/**
 * An assessment (and optionally results) → the write plan of a KPI sheet: the settings sheet with its names, the
 * KPI table with its layout and live formulas (layout.ts, sheetContent.ts, formulas.ts), number formats,
 * input validation with Thai/English prompts, conditional marks on unusable inputs, the ScorebookTotal name,
 * hidden helper columns, frozen headers and the binding record. The same cells `scorebook template` writes.
 */
import type { Assessment } from '../domain';
import { BINDING_FORMAT, type BindingRecord } from './binding';
import { bindingOps } from './bindingPlan';
import { cellAddress, columnLetter, sheetRef, type CellContent } from './cells';
import { isRowTextRole, type ColumnRole } from './headers';
import { columnOf, kpiLayout, type KpiLayout, type LayoutColumn, type LayoutOptions } from './layout';
import type { WriteOp, WritePlan } from './plan';
import { kpiProtectOp, type LockChoice } from './protection';
import { NAMES, scoreName, settingsSheet, SETTINGS_SHEET } from './settings';
import { columnFormat, scoreFormat, sheetFigures, type SheetFigures } from './numberFormats';
import { columnChars, pageLayoutOp, POINTS_PER_CHAR, SHEET_FONT } from './printLayout';
import { kpiSheetContent, type SheetInputs } from './sheetContent';
import { stepAcceptedFormula, WORDS_COLUMNS } from './stepWords';

export interface KpiPlanInput {
  readonly assessment: Assessment;
  /** The assessment document as read from its file, kept in the binding record. */
  readonly document: unknown;
  /** What to type into the input cells (resultInputs of resultCells.ts); none: an empty sheet. */
  readonly inputs?: SheetInputs;
  readonly layout?: LayoutOptions;
  readonly settingsSheet?: string;
  /**
   * Protect the sheet, only its inputs unlocked (protection.ts; on by default, as `scorebook template` does: Excel
   * then cannot sort the table, which the pane never asks for). `false`: an unprotected sheet.
   */
  readonly protect?: boolean;
  /** Who the sheet is for (central staff: central results unlocked) and which rows the server holds as approved (locked). */
  readonly locks?: LockChoice;
  /** The binding record's server link (a sheet opened from the server), written with the record in the same plan. */
  readonly server?: unknown;
  /** The round the sheet reports on, written as ScorebookRound (when some indicator states rounds): rows not due in it grey and leave the total. */
  readonly round?: number;
}

/** Colours of the template (Fluent-like, readable when printed in grey). */
export const COLORS = {
  header: '#1F4E79',
  headerText: '#FFFFFF',
  input: '#FFF9E6',
  invalid: '#F8D7DA',
  invalidText: '#842029',
  summary: '#DDEBF7',
  good: '#C6EFCE',
  fair: '#FFEB9C',
  poor: '#FFC7CE',
  /** A cell with nothing to type: a step column on a row without steps. */
  unused: '#EDEDED',
  unusedText: '#7F7F7F',
} as const;

const INPUT_ROLES = (role: ColumnRole): boolean =>
  role === 'result' || role === 'numerator' || role === 'denominator' || isRowTextRole(role) || /^step\d+$/.test(role);

export function kpiSheetPlan(input: KpiPlanInput): { plan: WritePlan; layout: KpiLayout; binding: BindingRecord } {
  const { assessment } = input;
  const layout = kpiLayout(assessment, input.layout);
  const settings = settingsSheet(assessment, input.settingsSheet ?? SETTINGS_SHEET, 1, input.round);
  const grid = kpiSheetContent(assessment, layout, input.inputs, settings.inputRefs);
  const sheet = layout.sheet;
  const ops: WriteOp[] = [];

  // Settings first: the KPI formulas name its cells.
  ops.push(
    { kind: 'sheet', sheet: settings.sheet, ifExists: 'replace' },
    { kind: 'cells', sheet: settings.sheet, topLeft: 'A1', contents: settings.rows },
    { kind: 'style', sheet: settings.sheet, address: 'A1:D1', bold: true, fill: COLORS.header, fontColor: COLORS.headerText },
    { kind: 'columns', sheet: settings.sheet, columns: 'A:A', width: 220 },
    { kind: 'columns', sheet: settings.sheet, columns: 'B:C', width: 120 },
    { kind: 'columns', sheet: settings.sheet, columns: 'D:D', width: 420 },
    // The words a step cell may hold: the formulas' lookup, not for editing (the domain's table is the rule).
    { kind: 'columns', sheet: settings.sheet, columns: WORDS_COLUMNS, hidden: true },
    ...settings.names.map((n): WriteOp => ({ kind: 'name', name: n.name, ref: n.ref })),
  );

  ops.push({ kind: 'sheet', sheet, ifExists: 'replace' }, ...formatOps(layout, sheetFigures(assessment)));
  // Title, summary and header rows apart from the data rows, so the data block is uniform for a port to compress.
  ops.push({ kind: 'cells', sheet, topLeft: 'A1', contents: grid.slice(0, layout.headerRow) });
  if (layout.rows.length > 0) {
    ops.push({ kind: 'cells', sheet, topLeft: cellAddress(layout.firstDataRow, 1), contents: grid.slice(layout.firstDataRow - 1) });
  }
  ops.push(...tableOps(layout), ...validationOps(layout), ...markOps(layout));
  ops.push({
    kind: 'name',
    name: NAMES.total,
    ref: `${sheetRef(sheet)}!${layout.totalCell}`,
    comment: 'คะแนนรวมก่อนหักคะแนนส่งช้า / total before late penalty',
  });
  ops.push(...columnOps(layout), { kind: 'freeze', sheet, rows: layout.headerRow, columns: 2 });
  // Printed on A4 landscape, one page wide, the header on every page; names wrap in their column and the rows
  // grow to fit them (after every style and width, so Excel measures the final text).
  ops.push(pageLayoutOp(layout, input.round));
  if (layout.rows.length > 0) ops.push({ kind: 'autofitRows', sheet, rows: `${layout.firstDataRow}:${layout.lastDataRow}` });
  if (input.protect !== false) ops.push(kpiProtectOp(layout, input.locks));

  const binding: BindingRecord = {
    format: BINDING_FORMAT,
    sheet,
    table: layout.table,
    settingsSheet: settings.sheet,
    headerRow: layout.headerRow,
    columns: Object.fromEntries(layout.columns.map((c) => [c.role, c.header])),
    assessment: input.document,
    ...(input.server === undefined ? {} : { server: input.server }),
  };
  ops.push(...bindingOps(binding));
  const first = firstInputCell(layout);
  if (first) ops.push({ kind: 'select', sheet, address: first });
  return { plan: { title: `create KPI sheet ${sheet}`, ops }, layout, binding };
}

/** A column's data cells, e.g. "F5:F104". */
export function dataRange(layout: KpiLayout, column: Pick<LayoutColumn, 'column'>): string {
  return `${cellAddress(layout.firstDataRow, column.column)}:${cellAddress(Math.max(layout.lastDataRow, layout.firstDataRow), column.column)}`;
}

/**
 * Number formats of the table's columns (and of the total cell, `total`), first: copying formats copies them all.
 * Shared with the multi-unit sheet, whose layout is the same columns moved right.
 */
export function formatOps(layout: KpiLayout, figures: SheetFigures, total = true): WriteOp[] {
  const sheet = layout.sheet;
  const ops: WriteOp[] = [];
  // Ids as text before they are written, so "10.1" and "05" stay what the assessment says (columnFormat: '@').
  for (const c of layout.columns) {
    const format = columnFormat(c.role, figures);
    if (format !== undefined) ops.push({ kind: 'numberFormat', sheet, address: dataRange(layout, c), format });
  }
  if (total) ops.push({ kind: 'numberFormat', sheet, address: layout.totalCell.replace(/\$/g, ''), format: scoreFormat(figures.decimals) });
  return ops;
}

function tableOps(layout: KpiLayout): WriteOp[] {
  const sheet = layout.sheet;
  const last = columnLetter(layout.columns.length);
  const lastRow = Math.max(layout.lastDataRow, layout.firstDataRow);
  return [
    { kind: 'table', sheet, name: layout.table, address: `A${layout.headerRow}:${last}${lastRow}`, style: 'TableStyleMedium2' },
    // The sheet's font (printLayout.ts), over everything it shows, before the styles that make parts bold or larger.
    { kind: 'style', sheet, address: `A${layout.titleRow}:${last}${lastRow}`, fontName: SHEET_FONT.name, fontSize: SHEET_FONT.size },
    headerStyleOp(sheet, `A${layout.headerRow}:${last}${layout.headerRow}`),
    { kind: 'style', sheet, address: `A${layout.titleRow}`, bold: true, fontSize: SHEET_FONT.titleSize },
    { kind: 'style', sheet, address: `A${layout.summaryRow}:${last}${layout.summaryRow}`, bold: true, fill: COLORS.summary },
    // Group headings (๑.๑ Functional KPIs …) read as headings, with their subtotals.
    ...(layout.groupRows ?? []).map((g): WriteOp => ({
      kind: 'style',
      sheet,
      address: `A${g.row}:${last}${g.row}`,
      bold: true,
      fill: COLORS.summary,
    })),
  ];
}

/** The table's header row: bold, wrapped (long Thai headers stay whole in their narrow columns), centred. */
export function headerStyleOp(sheet: string, address: string): WriteOp {
  return { kind: 'style', sheet, address, bold: true, wrap: true, vertical: 'center' };
}

/** What a step cell's prompt says (Excel keeps prompts to 255 characters). */
export const STEP_PROMPT =
  '1, ✓ หรือ ทำสำเร็จ = สำเร็จ; 0, ✗ หรือ ไม่สำเร็จ = ไม่สำเร็จ นับต่อเนื่องจากขั้นแรก / 1, ✓ = achieved; 0, ✗ = not; steps count from the first.';

export function validationOps(layout: KpiLayout): WriteOp[] {
  const sheet = layout.sheet;
  const ops: WriteOp[] = [];
  for (const c of layout.columns) {
    const address = dataRange(layout, c);
    if (c.role === 'result') {
      ops.push({
        kind: 'validation',
        sheet,
        address,
        rule: { type: 'decimal' },
        prompt: { title: 'ผลการดำเนินงาน (Result)', message: 'พิมพ์เป็นตัวเลข ไม่ต้องใส่หน่วยหรือ % / Type a plain number, without its unit or %.' },
        error: { title: 'ต้องเป็นตัวเลข (Number)', message: 'ผลการดำเนินงานต้องเป็นตัวเลข / The result must be a number.', style: 'warning' },
      });
    } else if (c.role === 'numerator' || c.role === 'denominator') {
      ops.push({
        kind: 'validation',
        sheet,
        address,
        rule: { type: 'decimal', min: 0 },
        prompt: {
          title: `${c.header} (${c.en})`,
          message: 'ตัวเลขตั้งแต่ 0 ขึ้นไป ตัวหารต้องมากกว่า 0 / A number from 0 up; the denominator must be above 0.',
        },
        error: { title: 'ต้องเป็นตัวเลข (Number)', message: 'ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป / Must be a number from 0 up.', style: 'stop' },
      });
    } else if (/^step\d+$/.test(c.role)) {
      // Any word of the domain's table is accepted (ทำสำเร็จ, ✓ …); anything else is warned, not refused.
      ops.push({
        kind: 'validation',
        sheet,
        address,
        rule: { type: 'custom', formula: stepAcceptedFormula(cellAddress(layout.firstDataRow, c.column)) },
        prompt: { title: `${c.header} (${c.en})`, message: STEP_PROMPT },
        error: {
          title: 'กรอก 1 หรือ 0 (1 or 0)',
          message: 'กรอก 1, ✓ หรือ ทำสำเร็จ (สำเร็จ) / 0, ✗ หรือ ไม่สำเร็จ (ไม่สำเร็จ) / Type 1 or ✓ (achieved), 0 or ✗ (not).',
          style: 'warning',
        },
      });
    }
  }
  return ops;
}

/**
 * Marks an input the sheet's formulas cannot use, live in the workbook (also when a paste skipped validation, and
 * when the add-in is closed): text in a number cell, anything but 1/0/TRUE/FALSE or a word of the domain's table
 * (stepWords.ts) in a step cell.
 */
export function markOps(layout: KpiLayout): WriteOp[] {
  const sheet = layout.sheet;
  const ops: WriteOp[] = [];
  for (const c of layout.columns) {
    const top = cellAddress(layout.firstDataRow, c.column);
    let formula: string | undefined;
    // Computed rows show "" from a formula in the result column: text of length 0 is not an input, so not marked.
    if (c.role === 'result' || c.role === 'numerator' || c.role === 'denominator') {
      formula = `IF(ISERROR(${top}),TRUE,OR(ISLOGICAL(${top}),AND(ISTEXT(${top}),LEN(${top})>0)))`;
    }
    if (/^step\d+$/.test(c.role)) {
      formula = `IF(ISERROR(${top}),TRUE,NOT(${stepAcceptedFormula(top)}))`;
    }
    if (formula)
      ops.push({
        kind: 'conditionalFormat',
        sheet,
        address: dataRange(layout, c),
        formula,
        fill: COLORS.invalid,
        fontColor: COLORS.invalidText,
      });
  }
  return ops.concat(scoreMarks(layout), inputFills(layout), unusedStepMarks(layout));
}

/**
 * Step cells of a row whose indicator takes no steps (quantitative, ratio, a parent) greyed, by the row's hidden
 * kind, so they do not look like cells to type in; a value typed there is said by the sheet reader (readGrid.ts).
 */
function unusedStepMarks(layout: KpiLayout): WriteOp[] {
  const kind = columnOf(layout, 'kind');
  if (!kind || layout.rows.length === 0) return [];
  const k = `$${kind.letter}${layout.firstDataRow}`;
  return layout.columns
    .filter((c) => /^step\d+$/.test(c.role))
    .map((c): WriteOp => ({
      kind: 'conditionalFormat',
      sheet: layout.sheet,
      address: dataRange(layout, c),
      formula: `AND(${k}<>"milestone",${k}<>"binary")`,
      fill: COLORS.unused,
      fontColor: COLORS.unusedText,
    }));
}

/** As `scorebook template`: the score green at the top level, amber between the first and the top, red below the first. */
function scoreMarks(layout: KpiLayout): WriteOp[] {
  const score = columnOf(layout, 'score');
  if (!score || layout.rows.length === 0) return [];
  const first = cellAddress(layout.firstDataRow, score.column);
  const top = scoreName(layout.levels);
  const address = dataRange(layout, score);
  const sheet = layout.sheet;
  return [
    { kind: 'conditionalFormat', sheet, address, formula: `AND(ISNUMBER(${first}),${first}>=${top})`, fill: COLORS.good },
    {
      kind: 'conditionalFormat',
      sheet,
      address,
      formula: `AND(ISNUMBER(${first}),${first}>=${scoreName(1)},${first}<${top})`,
      fill: COLORS.fair,
    },
    { kind: 'conditionalFormat', sheet, address, formula: `AND(ISNUMBER(${first}),${first}<${scoreName(1)})`, fill: COLORS.poor },
  ];
}

/** Input columns in the template's input colour, so it is clear where to type; names wrap at their width. */
function inputFills(layout: KpiLayout): WriteOp[] {
  if (layout.rows.length === 0) return [];
  const name = columnOf(layout, 'name');
  const names: WriteOp[] = name
    ? [{ kind: 'style', sheet: layout.sheet, address: dataRange(layout, name), wrap: true, vertical: 'top' }]
    : [];
  return names.concat(
    layout.columns
      .filter((c) => INPUT_ROLES(c.role))
      .map((c): WriteOp => ({
        kind: 'style',
        sheet: layout.sheet,
        address: dataRange(layout, c),
        fill: COLORS.input,
        // A paragraph of explanation stays readable in its cell instead of running over the next columns.
        ...(isRowTextRole(c.role) ? { wrap: true, vertical: 'top' as const } : {}),
      })),
  );
}

/** Column widths in points: the template's widths (printLayout.ts), so both print at the same size. */
export function columnWidth(role: ColumnRole): number {
  return Math.round(columnChars(role) * POINTS_PER_CHAR);
}

export function columnOps(layout: KpiLayout): WriteOp[] {
  const sheet = layout.sheet;
  return layout.columns.map((c): WriteOp => {
    const columns = `${c.letter}:${c.letter}`;
    if (c.hidden) return { kind: 'columns', sheet, columns, hidden: true };
    return { kind: 'columns', sheet, columns, width: columnWidth(c.role) };
  });
}

function firstInputCell(layout: KpiLayout): string | undefined {
  const c = columnOf(layout, 'result') ?? columnOf(layout, 'numerator') ?? columnOf(layout, 'step1');
  return c && layout.rows.length > 0 ? cellAddress(layout.firstDataRow, c.column) : undefined;
}

/** The contents type, re-exported for plan builders. */
export type { CellContent };

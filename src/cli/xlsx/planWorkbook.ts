/**
 * Carries out a workbook write plan (src/workbook plan.ts) on an exceljs workbook, so a sheet the pane writes through
 * the workbook port is the same sheet the CLI writes into a file. Only the ops a file can hold without Excel
 * computing anything are supported; a plan with another op is refused by name rather than written in part.
 */
import ExcelJS from 'exceljs';
import { columnNumber, isCellError, isFormula, parseAddress, wrappedRowHeight, type CellContent } from '../../workbook';
import type { ValidationRule, WriteOp, WritePlan } from '../../workbook/plan';

/** Points per character of exceljs's column width (Calibri 11: about 7 pixels, 5.25 points; with padding). */
const POINTS_PER_CHARACTER = 5.6;

export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan): void {
  for (const op of plan.ops) applyOp(wb, op);
}

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`the plan writes to sheet ${name} before creating it`);
  return ws;
}

function applyOp(wb: ExcelJS.Workbook, op: WriteOp): void {
  switch (op.kind) {
    case 'sheet': {
      const existing = wb.getWorksheet(op.sheet);
      if (existing && op.ifExists === 'keep') return;
      if (existing) wb.removeWorksheet(existing.id);
      const ws = wb.addWorksheet(op.sheet, {
        state: op.visibility ?? 'visible',
        ...(op.tabColor ? { properties: { tabColor: { argb: argb(op.tabColor) } } } : {}),
      });
      void ws;
      return;
    }
    case 'cells': {
      const ws = sheetOf(wb, op.sheet);
      const origin = parseAddress(op.topLeft);
      op.contents.forEach((row, r) =>
        row.forEach((content, c) => {
          if (content === null) return;
          ws.getCell(origin.row + r, origin.column + c).value = excelValue(content);
        }),
      );
      return;
    }
    case 'numberFormat':
      return eachCell(sheetOf(wb, op.sheet), op.address, (cell) => (cell.numFmt = op.format));
    case 'style':
      return eachCell(sheetOf(wb, op.sheet), op.address, (cell) => {
        if (op.bold !== undefined || op.italic !== undefined || op.fontSize !== undefined || op.fontColor !== undefined) {
          cell.font = {
            ...cell.font,
            ...(op.bold !== undefined ? { bold: op.bold } : {}),
            ...(op.italic !== undefined ? { italic: op.italic } : {}),
            ...(op.fontSize !== undefined ? { size: op.fontSize } : {}),
            ...(op.fontColor !== undefined ? { color: { argb: argb(op.fontColor) } } : {}),
          };
        }
        if (op.fill !== undefined) {
          cell.fill =
            op.fill === 'none'
              ? { type: 'pattern', pattern: 'none' }
              : { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(op.fill) } };
        }
        if (op.wrap !== undefined || op.horizontal !== undefined || op.vertical !== undefined) {
          cell.alignment = {
            ...cell.alignment,
            ...(op.wrap !== undefined ? { wrapText: op.wrap } : {}),
            ...(op.horizontal !== undefined ? { horizontal: op.horizontal } : {}),
            ...(op.vertical !== undefined ? { vertical: op.vertical === 'center' ? 'middle' : op.vertical } : {}),
          };
        }
      });
    case 'validation': {
      const ws = sheetOf(wb, op.sheet);
      const dv: ExcelJS.DataValidation = {
        ...validationRule(op.rule),
        allowBlank: true,
        ...(op.prompt ? { showInputMessage: true, promptTitle: op.prompt.title, prompt: op.prompt.message } : {}),
        ...(op.error ? { showErrorMessage: true, errorStyle: op.error.style, errorTitle: op.error.title, error: op.error.message } : {}),
      };
      // One rule over the whole range (exceljs writes a range key as one sqref), not one per cell.
      (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(op.address, dv);
      return;
    }
    case 'columns': {
      const ws = sheetOf(wb, op.sheet);
      const [from, to] = op.columns.split(':');
      for (let c = columnNumber(from ?? ''); c <= columnNumber(to ?? from ?? ''); c++) {
        const column = ws.getColumn(c);
        if (op.width !== undefined) column.width = op.width / POINTS_PER_CHARACTER;
        if (op.hidden !== undefined) column.hidden = op.hidden;
      }
      return;
    }
    case 'freeze':
      sheetOf(wb, op.sheet).views = [{ state: 'frozen', ySplit: op.rows, xSplit: op.columns }];
      return;
    case 'name':
      wb.definedNames.add(op.ref, op.name);
      return;
    case 'autofitRows': {
      // exceljs cannot measure text; a wrapped text's lines are estimated as the KPI template estimates them.
      const ws = sheetOf(wb, op.sheet);
      const [from, to] = op.rows.split(':').map(Number);
      for (let r = from ?? 1; r <= (to ?? from ?? 1); r++) {
        const row = ws.getRow(r);
        let height = 0;
        row.eachCell((cell, c) => {
          const text = typeof cell.value === 'string' ? cell.value : '';
          if (text === '') return;
          const width = ws.getColumn(c).width ?? 9;
          const lines = text.split(/\r?\n/).reduce((n, line) => n + wrappedRowHeight(line, width) - 4, 0);
          height = Math.max(height, lines + 4);
        });
        if (height > 0) row.height = height;
      }
      return;
    }
    case 'pageLayout': {
      const ws = sheetOf(wb, op.sheet);
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9, // A4
        orientation: op.orientation,
        fitToPage: true,
        fitToWidth: op.fitToWidth,
        fitToHeight: 0,
        ...(op.printArea ? { printArea: op.printArea } : {}),
        ...(op.titleRows ? { printTitlesRow: op.titleRows } : {}),
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      };
      if (op.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${op.footer}` };
      return;
    }
    case 'select':
      // A file opens on its first sheet; the selection is the pane's.
      return;
    default:
      throw new Error(`the .xlsx writer does not carry out "${op.kind}" ops`);
  }
}

function validationRule(rule: ValidationRule): Pick<ExcelJS.DataValidation, 'type' | 'formulae' | 'operator'> {
  switch (rule.type) {
    case 'list':
      return { type: 'list', formulae: [`"${rule.values.join(',')}"`] };
    case 'decimal':
    case 'wholeNumber':
      return {
        type: rule.type === 'decimal' ? 'decimal' : 'whole',
        operator: 'between',
        formulae: [rule.min ?? -1e15, rule.max ?? 1e15],
      };
    case 'custom':
      return { type: 'custom', formulae: [rule.formula] };
    default: {
      const unknown: never = rule;
      throw new Error(`unknown validation rule ${JSON.stringify(unknown)}`);
    }
  }
}

function eachCell(ws: ExcelJS.Worksheet, address: string, f: (cell: ExcelJS.Cell) => void): void {
  const [a, b] = address.replace(/\$/g, '').split(':');
  const from = parseAddress(a ?? '');
  const to = parseAddress(b ?? a ?? '');
  for (let r = from.row; r <= to.row; r++) for (let c = from.column; c <= to.column; c++) f(ws.getCell(r, c));
}

function argb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}

function excelValue(content: CellContent): ExcelJS.CellValue {
  if (content === null) return null;
  if (isFormula(content)) return { formula: content.formula } as ExcelJS.CellFormulaValue;
  if (isCellError(content)) return { error: content.error as ExcelJS.CellErrorValue['error'] };
  return content;
}

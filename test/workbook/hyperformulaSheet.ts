/**
 * Test helper: lays KPI sheets out in one HyperFormula engine (one sheet per case, its settings block below the
 * table, the Scorebook names scoped to the case's sheet), evaluates them and reads them back as grids.
 * HyperFormula is GPL-3.0: a devDependency, used only from test/.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { Assessment } from '../../src/domain';
import {
  isCellError,
  isFormula,
  kpiLayout,
  kpiSheetContent,
  NAMES,
  settingsSheet,
  type CellContent,
  type CellValue,
  type Grid,
  type KpiLayout,
  type SheetInputs,
} from '../../src/workbook';

export interface SheetCase {
  readonly assessment: Assessment;
  readonly inputs: SheetInputs;
  /** The round the sheet reports on (ScorebookRound); none: every row due. */
  readonly round?: number;
}

export interface LaidOut {
  readonly layout: KpiLayout;
  readonly sheetId: number;
}

/** An Excel error typed into an input cell, made by a formula that yields it. */
const ERROR_FORMULAS: Record<string, string> = { '#N/A': '=NA()', '#DIV/0!': '=1/0', '#VALUE!': '=VALUE("x")', '#NUM!': '=SQRT(-1)' };

function toHf(content: CellContent): RawCellContent {
  if (content === null) return null;
  if (isFormula(content)) return `=${content.formula}`;
  if (isCellError(content)) return ERROR_FORMULAS[content.error] ?? '=NA()';
  // The apostrophe keeps text as text ("85%" would otherwise become 0.85, "1.10" the number 1.1).
  if (typeof content === 'string') return `'${content}`;
  return content;
}

export function buildEngine(cases: readonly SheetCase[]): { hf: HyperFormula; laidOut: LaidOut[] } {
  const sheets: Record<string, RawCellContent[][]> = {};
  const names: { name: string; expression: string; scope: number }[] = [];
  const laidOut: LaidOut[] = [];
  cases.forEach((c, i) => {
    const layout = kpiLayout(c.assessment, { sheet: `K${i}` });
    // The settings block sits below the table on the same sheet: half the sheets, and HyperFormula's cost is per sheet too.
    const settingsRow = layout.lastDataRow + 3;
    const settings = settingsSheet(c.assessment, layout.sheet, settingsRow, c.round);
    const sheetId = i;
    sheets[layout.sheet] = [...kpiSheetContent(c.assessment, layout, c.inputs, settings.inputRefs), [], [], ...settings.rows].map((row) =>
      row.map(toHf),
    );
    for (const n of settings.names) names.push({ name: n.name, expression: `=${n.ref}`, scope: sheetId });
    names.push({ name: NAMES.total, expression: `='${layout.sheet}'!${layout.totalCell}`, scope: sheetId });
    laidOut.push({ layout, sheetId });
  });
  const hf = HyperFormula.buildFromSheets(
    sheets,
    // Exact IEEE comparisons: every engine fuzzes comparisons near equality in its own way (Excel 15 digits,
    // LibreOffice approxEqual, HyperFormula precisionEpsilon); the test checks the formulas' logic, not that fuzz.
    { licenseKey: 'gpl-v3', precisionEpsilon: 0, smartRounding: false, useStats: false, undoLimit: 0 },
    names,
  );
  return { hf, laidOut };
}

export function cellValueOf(v: unknown): CellValue {
  if (v instanceof DetailedCellError) return { error: v.value };
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export function gridOf(hf: HyperFormula, laid: LaidOut): Grid {
  const values = hf.getSheetValues(laid.sheetId).map((row) => row.map(cellValueOf));
  return { sheet: laid.layout.sheet, topLeft: 'A1', values };
}

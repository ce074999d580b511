/**
 * Test helper: carries a WritePlan out on a HyperFormula engine (sheets, cells, names; formats and the rest are
 * recorded, not rendered), so a plan's formulas can be evaluated and compared with src/domain.
 * HyperFormula is GPL-3.0: a devDependency, used only from test/ (and later src/preview, never the bundle).
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { isCellError, isFormula, parseAddress, type CellContent, type CellValue } from '../../src/workbook';
import type { WritePlan } from '../../src/workbook/plan';

function toHf(content: CellContent): RawCellContent {
  if (content === null) return null;
  if (isFormula(content)) return `=${content.formula}`;
  if (isCellError(content)) return '=NA()';
  // The apostrophe keeps text as text, as the Office port does.
  if (typeof content === 'string') return `'${content}`;
  return content;
}

export function cellValueOf(v: unknown): CellValue {
  if (v instanceof DetailedCellError) return { error: v.value };
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export function evaluatePlan(plan: WritePlan): { hf: HyperFormula; value(sheet: string, address: string): CellValue } {
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', precisionEpsilon: 0, smartRounding: false, useStats: false });
  const names: { name: string; ref: string }[] = [];
  const cells: { sheet: string; topLeft: string; contents: readonly (readonly CellContent[])[] }[] = [];
  for (const op of plan.ops) {
    if (op.kind === 'sheet' && hf.getSheetId(op.sheet) === undefined) hf.addSheet(op.sheet);
    if (op.kind === 'name') names.push(op);
    if (op.kind === 'cells') cells.push(op);
  }
  for (const n of names) hf.addNamedExpression(n.name, `=${n.ref}`);
  hf.batch(() => {
    for (const c of cells) {
      const sheet = hf.getSheetId(c.sheet) as number;
      const { row, column } = parseAddress(c.topLeft);
      hf.setCellContents(
        { sheet, row: row - 1, col: column - 1 },
        c.contents.map((r) => r.map(toHf)),
      );
    }
  });
  return {
    hf,
    value: (sheet, address) => {
      const { row, column } = parseAddress(address);
      return cellValueOf(hf.getCellValue({ sheet: hf.getSheetId(sheet) as number, row: row - 1, col: column - 1 }));
    },
  };
}

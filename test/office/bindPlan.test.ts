/**
 * Binding a hand-made sheet through the Office.js port (against the recording fake): the confirm writes the formula
 * columns, ids, settings, ScorebookTotal and the binding record as one plan in a fixed, small number of syncs
 * whatever the row count, every request below 4 MB, every cell as the plan says.
 */
import { readAssessment } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { REQUEST_BUDGET } from '../../src/office/requestSize';
import { boundSheet, proposeBinding } from '../../src/taskpane/model/proposeBinding';
import { isFormula, requireColumn, SETTINGS_SHEET, type CellContent, type CellValue } from '../../src/workbook';
import { bindSheetPlan } from '../../src/workbook/boundSheet';
import { cellAddress, parseAddress } from '../../src/workbook/cells';
import type { CellsOp } from '../../src/workbook/plan';
import { benchAssessmentDoc } from '../bench/generate';
import { FakeExcel } from './fakeExcel';

/**
 * Syncs of the bind plan's apply, asserted exactly: probe + one write batch. (At 20,000 rows it was one batch more
 * while the binding record carried the generated assessment document as 4.3 MB of plain JSON; @2 packs it.)
 */
const EXPECTED = { 10: 2, 1000: 2, 20000: 2 } as const;

describe.each([10, 1000, 20000] as const)('binding a hand-made sheet of %i rows', (rows) => {
  it(`adds the formula columns in ${EXPECTED[rows]} syncs, each request below 4 MB, cell for cell the plan`, async () => {
    const document = benchAssessmentDoc(rows);
    const read = readAssessment(document);
    if (!read.ok) throw new Error('the generated assessment does not read');
    const assessment = read.value;
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    // Thai headers in the person's order, a title above, no targets, steps or score columns; every 7th row by name.
    const header = ['ตัวชี้วัด', 'ลำดับ', 'หมายเหตุ', 'ผลการดำเนินงาน', 'ตัวตั้ง', 'ตัวหาร', 'น้ำหนัก'];
    const body: CellValue[][] = assessment.indicators.map((i, k) => [i.name, k % 7 === 3 ? null : i.id, null, null, null, null, i.weight]);
    await port.apply({ title: 'hand-made', ops: [
      { kind: 'sheet', sheet: 'Data', ifExists: 'replace' },
      { kind: 'cells', sheet: 'Data', topLeft: 'A1', contents: [['รายงานตัวชี้วัด'], [null], header, ...body] },
    ] });
    const grid = (await port.read({ ranges: [{ sheet: 'Data' }] })).ranges[0]!;
    const proposal = proposeBinding(assessment, grid)!;
    expect(proposal.rows.every((r) => r.row !== null)).toBe(true);
    const { plan, layout } = bindSheetPlan({ assessment, document, bound: boundSheet(proposal), settingsExists: false });

    const from = fake.syncs.length;
    const report = await port.apply(plan);
    expect(report.roundTrips).toBe(EXPECTED[rows]);
    expect(fake.syncs.length - from).toBe(EXPECTED[rows]);
    expect(fake.maxRequestBytes(from)).toBeLessThan(REQUEST_BUDGET);
    // The person's columns kept their places; what was missing went right of column G.
    expect(requireColumn(layout, 'result').column).toBe(4);
    expect(Math.min(...layout.columns.filter((c) => c.column > 7).map((c) => c.column))).toBe(8);
    expect(fake.names.get('ScorebookTotal')?.ref).toBe(`=Data!${layout.totalCell}`);
    expect(fake.names.has('ScorebookFloor')).toBe(true);
    expect(fake.sheets.has(SETTINGS_SHEET)).toBe(true);
    for (const op of plan.ops.filter((o): o is CellsOp => o.kind === 'cells' && o.sheet === 'Data')) {
      const { row: row0, column: col0 } = parseAddress(op.topLeft);
      op.contents.forEach((line, r) =>
        line.forEach((cell: CellContent, c) => {
          const got = fake.cell(op.sheet, cellAddress(row0 + r, col0 + c));
          const want = cell === null ? undefined : isFormula(cell) ? `=${cell.formula}` : typeof cell === 'object' ? cell.error : cell;
          if (got !== want) throw new Error(`${cellAddress(row0 + r, col0 + c)}: wrote ${String(got)}, the plan says ${String(want)}`);
        }),
      );
    }
  });
});

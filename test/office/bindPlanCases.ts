/**
 * Binding a hand-made sheet through the Office.js port (against the recording fake), as a function that registers
 * it for one size: bindPlan.test.ts runs it on 10 and 1,000 rows (npm test), bindPlan.scale.test.ts on 20,000
 * (npm run test:scale). The same test code at every size, the syncs asserted exactly at each.
 */
import { readAssessment } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { REQUEST_BUDGET } from '../../src/office/requestSize';
import { boundSheet, proposeBinding, readSheetToBind } from '../../src/taskpane/model/proposeBinding';
import { isFormula, requireColumn, SETTINGS_SHEET, type CellContent } from '../../src/workbook';
import { bindSheetPlan } from '../../src/workbook/boundSheet';
import { cellAddress, parseAddress } from '../../src/workbook/cells';
import type { CellsOp } from '../../src/workbook/plan';
import { benchAssessmentDoc } from '../bench/generate';
import { FakeExcel } from './fakeExcel';
import { handMadeSheetPlan } from './paneWorkloads';

/**
 * Syncs of the pane's whole bind, asserted exactly: "find the header row" is one port read (readSheetToBind: the
 * sheet, the settings sheet's existence and the binding record — 2 syncs), the confirm one apply (probe + one write
 * batch). It was 6: a read of the sheet, another for the settings sheet (each optional sheet cost a sync of its own
 * to locate), and at 20,000 rows a third write batch for the record's 4.3 MB of plain JSON (@2 packs it).
 */
const EXPECTED = { 10: { detect: 2, confirm: 2 }, 1000: { detect: 2, confirm: 2 }, 20000: { detect: 2, confirm: 2 } } as const;

/** Registers the bind of a hand-made sheet of `rows` generated indicators, with its sync counts at that size. */
export function bindCases(rows: keyof typeof EXPECTED): void {
  describe(`binding a hand-made sheet of ${rows} rows`, () => bindHandMade(rows));
}

function bindHandMade(rows: keyof typeof EXPECTED): void {
  it(`finds the header in ${EXPECTED[rows].detect} syncs and adds the formula columns in ${EXPECTED[rows].confirm}, each request below 4 MB, cell for cell the plan`, async () => {
    const document = benchAssessmentDoc(rows);
    const read = readAssessment(document);
    if (!read.ok) throw new Error('the generated assessment does not read');
    const assessment = read.value;
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    await port.apply(handMadeSheetPlan(assessment));
    const detectFrom = fake.syncs.length;
    const found = await readSheetToBind(port, 'Data');
    expect(fake.syncs.length - detectFrom).toBe(EXPECTED[rows].detect);
    expect(Math.max(...fake.syncs.slice(detectFrom).map((x) => x.responseBytes))).toBeLessThan(REQUEST_BUDGET);
    expect(found.settingsExists).toBe(false);
    expect(found.binding).toBeUndefined();
    const proposal = proposeBinding(assessment, found.grid!)!;
    expect(proposal.rows.every((r) => r.row !== null)).toBe(true);
    const { plan, layout } = bindSheetPlan({ assessment, document, bound: boundSheet(proposal), settingsExists: found.settingsExists });

    const from = fake.syncs.length;
    const report = await port.apply(plan);
    expect(report.roundTrips).toBe(EXPECTED[rows].confirm);
    expect(fake.syncs.length - from).toBe(EXPECTED[rows].confirm);
    expect(fake.maxRequestBytes(from)).toBeLessThan(REQUEST_BUDGET);
    process.stdout.write(
      `pane bind of a hand-made sheet, ${rows} rows: ${fake.syncs.length - detectFrom} syncs, largest request ${fake.maxRequestBytes(from)} bytes\n`,
    );
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
          const got = fake.cellAt(op.sheet, row0 + r, col0 + c);
          const want = cell === null ? undefined : isFormula(cell) ? `=${cell.formula}` : typeof cell === 'object' ? cell.error : cell;
          if (got !== want) throw new Error(`${cellAddress(row0 + r, col0 + c)}: wrote ${String(got)}, the plan says ${String(want)}`);
        }),
      );
    }
  });
}

/**
 * The Office.js port against the recording fake, driven by the pane's own actions (the functions its components
 * call: model/createSheet.ts, openFromServer.ts, openAllUnits.ts, and the live check of liveCheck.ts as
 * hooks/useLiveSheet.ts runs it): create, check, open from the server and open again on 10 and 1,000 rows, a
 * multi-unit sheet of 1,000 rows likewise, each costing a fixed number of syncs, every request below 4 MB,
 * calculation and events off during writes, what is written equal to the plan cell for cell (officePortCases.ts;
 * the same at 20,000 rows: officePort.scale.test.ts), Office errors turned into messages a person can act on, and
 * the port's own writes never reported as changes.
 */
import { readAssessment, type Assessment } from '../../src/domain';
import { resultInputs } from '../../src/workbook';
import type { CellsOp } from '../../src/workbook/plan';
import { livePass } from '../../src/taskpane/model/liveCheck';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { WorkbookError, type ChangeEvent } from '../../src/workbook/port';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { REQUEST_BUDGET } from '../../src/office/requestSize';
import { benchAssessmentDoc, benchResults, seededRandom } from '../bench/generate';
import { createdSheet, loaded } from '../taskpane/paneSheets';
import { FakeExcel } from './fakeExcel';
import { expectWritten, multiUnitCases, openedSession, paneActionCases, readingOf } from './officePortCases';
import { unitWorkload } from './paneWorkloads';
import { requireColumn } from '../../src/workbook/layout';
import { shiftColumnsFrom } from '../../src/workbook/formulaShift';
import { WHAT_IF_HEADER, whatIfColumnOps } from '../../src/workbook/whatIfPlan';

function generated(rows: number): { assessment: Assessment; document: unknown; inputs: ReturnType<typeof resultInputs> } {
  const document = benchAssessmentDoc(rows);
  const read = readAssessment(document);
  if (!read.ok) throw new Error('the generated assessment does not read');
  const inputs = resultInputs(read.value, { results: benchResults(rows, seededRandom(rows)) });
  return { assessment: read.value, document, inputs };
}

paneActionCases(10);
paneActionCases(1000);
multiUnitCases(200);

describe('on ExcelApi 1.8 (no copyFrom, no screen suspension)', () => {
  it('writes every cell itself, still below 4 MB a request, and never asks for a 1.9 API', async () => {
    const { assessment, document, inputs } = generated(1000);
    const fake = new FakeExcel('1.8');
    const port = new OfficeWorkbookPort(fake);
    expect(port.capabilities).toEqual({ host: 'excel', copyFormulas: false, suspendScreen: false });
    const { plan } = kpiSheetPlan({ assessment, document, inputs });
    const report = await port.apply(plan);
    expect(fake.syncs.every((s) => !s.screenSuspended)).toBe(true);
    expect(fake.maxRequestBytes()).toBeLessThan(REQUEST_BUDGET);
    expect(report.roundTrips).toBe(fake.syncs.length);
    expectWritten(
      fake,
      plan.ops.filter((o): o is CellsOp => o.kind === 'cells'),
    );
    // No pageLayout before ExcelApi 1.9: the sheet keeps Excel's print defaults.
    expect(fake.sheets.get('KPI')?.pageLayout).toEqual({});
  });
});

describe('number formats copied down a column (ExcelApi 1.9)', () => {
  it('copy the format only: the values already in the column stay as they are', async () => {
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    const ids = Array.from({ length: 20 }, (_, i) => [`${i + 1}.1`]);
    await port.apply({
      title: 'ids then their format',
      ops: [
        { kind: 'sheet', sheet: 'S', ifExists: 'replace' },
        { kind: 'cells', sheet: 'S', topLeft: 'A1', contents: ids },
        { kind: 'numberFormat', sheet: 'S', address: 'A1:A20', format: '@' },
      ],
    });
    expect(fake.cell('S', 'A20')).toBe('20.1');
    const grid = (await port.read({ ranges: [{ sheet: 'S', address: 'A1:A20', numberFormats: true }] })).ranges[0]!;
    expect(grid.values.map((r) => r[0])).toEqual(ids.map((r) => r[0]));
    expect(grid.numberFormats?.every((r) => r[0] === '@')).toBe(true);
  });
});

describe('errors and events', () => {
  const { assessment, document } = generated(10);
  const chosen = loaded(document);

  it('a sheet in cell-edit mode: says to finish editing the cell, in Thai and English, and turns events back on', async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    fake.failNextSync = 'InvalidOperationInCellEditMode';
    const error = await createdSheet(port, chosen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    const e = error as WorkbookError;
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    expect(e.userMessage.en).toMatch(/finish editing the cell first/);
    expect(e.userMessage.th).toMatch(/แก้ไขเซลล์/);
    expect(fake.eventsEnabled).toBe(true);
  });

  it('a missing sheet: ItemNotFound, with what to do next', async () => {
    const port = new OfficeWorkbookPort(new FakeExcel());
    const error = (await port.read({ ranges: [{ sheet: 'ไม่มี', address: 'A1:B2' }] }).catch((e: unknown) => e)) as WorkbookError;
    expect(error.code).toBe('ItemNotFound');
    expect(error.userMessage.en).toMatch(/bind the sheet again/);
  });

  it('an optional sheet that is missing reads as undefined, and so does a workbook without a binding', async () => {
    const port = new OfficeWorkbookPort(new FakeExcel());
    expect((await port.read({ ranges: [{ sheet: 'ไม่มี', optional: true }] })).ranges).toEqual([undefined]);
    expect(await port.readBinding()).toBeUndefined();
  });

  it("reports a person's edits and never its own writes", async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    await createdSheet(port, chosen);
    const seen: ChangeEvent[] = [];
    const stop = await port.onChange('KPI', (c) => seen.push(c));
    // Its own write (a what-if value, say) raises nothing …
    await port.apply({ title: 'own write', ops: [{ kind: 'cells', sheet: 'KPI', topLeft: 'T5', contents: [['หมายเหตุ']] }] });
    expect(seen).toEqual([]);
    // … where the same write with events on would have been seen (the fake does raise events for API writes).
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('KPI').getRange('T6').formulas = [['x']];
      await context.sync();
    });
    expect(seen).toHaveLength(1);
    // Typed where the protected sheet lets a person type: the explanation column (คำชี้แจง) of the first rows.
    const at = requireColumn(kpiSheetPlan({ assessment, document }).layout, 'explanation').letter;
    fake.userEdit('KPI', `${at}5`, [['ทำแล้ว']]);
    expect(seen[1]).toEqual({ sheet: 'KPI', address: `${at}5`, source: 'local', kind: 'edit' });
    await stop();
    fake.userEdit('KPI', `${at}6`, [['ทำแล้ว']]);
    expect(seen).toHaveLength(2);
  });

  it('select activates the sheet and selects the cell in one sync', async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    await createdSheet(port, chosen);
    const from = fake.syncs.length;
    await port.select('KPI', 'F7');
    expect(fake.syncs.length - from).toBe(1);
    expect(fake.selection).toEqual({ sheet: 'KPI', address: 'F7:F7' });
  });

  it('the binding record survives a write and a read: what was written reads back equal', async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    const { binding } = await createdSheet(port, chosen);
    expect(await port.readBinding()).toEqual({ ok: true, value: binding });
  });
});

describe('listSheets', () => {
  it('names the visible sheets in one sync, never the very hidden binding sheet', async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    await createdSheet(port, loaded(benchAssessmentDoc(10)));
    const from = fake.syncs.length;
    expect(await port.listSheets()).toEqual(['Sheet1', 'ตั้งค่า', 'KPI']);
    expect(fake.syncs.length - from).toBe(1);
  });
});

describe('the binding survives sorting, filtering and inserted rows: rows are found by indicator id', () => {
  it('reads every result back after the rows were reversed and a blank row was inserted into the table', async () => {
    const work = unitWorkload(10);
    const { assessment, document } = work.chosen;
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    const session = await openedSession(port, work);
    const before = readingOf(await livePass(port, session, 'th', undefined));

    // A person sorts the table (here: reverses it) and inserts a row in the middle; the table grows by one row.
    const sheet = fake.sheets.get('KPI') as NonNullable<ReturnType<typeof fake.sheets.get>>;
    const table = fake.tables.get('ScorebookKPI') as { address: string };
    const first = kpiSheetPlan({ assessment, document }).layout.firstDataRow;
    const last = first + assessment.indicators.length - 1;
    const rows = Array.from({ length: last - first + 1 }, (_, i) => sheet.cells.get(first + i) ?? new Map());
    rows.reverse();
    rows.splice(5, 0, new Map());
    rows.forEach((line, i) => sheet.cells.set(first + i, line));
    table.address = table.address.replace(/\d+$/, String(last + 1));

    const after = readingOf(await livePass(port, session, 'th', undefined));
    expect(after.resultSet.results).toEqual(before.resultSet.results);
    expect(Object.keys(after.resultSet.results).length).toBeGreaterThan(0);
    // Each indicator's cells moved with its row.
    const id = assessment.indicators[0]?.id as string;
    expect(after.cells.get(id)?.row).toBe(last + 1);
  });
});

describe.each([10, 1000] as const)('the what-if column on %i rows', (rows) => {
  it('is one apply of 2 syncs (probe + one write): a whole column inserted before คะแนน, formulas moved with it', async () => {
    const work = unitWorkload(rows);
    const { assessment, document } = work.chosen;
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    const session = await openedSession(port, work);
    const { layout } = kpiSheetPlan({ assessment, document });
    const pass = await livePass(port, session, 'th', undefined);
    if (!pass.evaluation.ok || pass.evaluation.multiUnit) throw new Error('does not read');
    const before = pass.evaluation;
    const score = requireColumn(layout, 'score');
    const scoreFormula = fake.sheets.get('KPI')?.cells.get(layout.firstDataRow)?.get(score.column) as { formula: string };

    const from = fake.syncs.length;
    // As the What-if panel asks for it, from the live check's evaluation.
    const { ops, column } = whatIfColumnOps({
      sheet: 'KPI',
      headerRow: before.reading.headerRow,
      columns: before.reading.columns,
      originColumn: before.originColumn,
      lastRow: layout.lastDataRow,
      nextFreeColumn: before.nextFreeColumn,
    });
    const report = await port.apply({ title: 'add the what-if column', ops });
    expect(report.roundTrips).toBe(2);
    expect(fake.syncs.length - from).toBe(2);
    expect(column).toBe(score.column);
    expect(fake.cell('KPI', `${score.letter}${layout.headerRow}`)).toBe(WHAT_IF_HEADER);
    // คะแนน is one column right, its formula's references to its own row moved with it.
    const moved = fake.sheets
      .get('KPI')
      ?.cells.get(layout.firstDataRow)
      ?.get(score.column + 1) as { formula: string };
    expect(moved.formula).toBe(shiftColumnsFrom(scoreFormula.formula, score.column, 1));
    // The binding (headers) still reads every result.
    const after = readingOf(await livePass(port, session, 'th', undefined));
    expect(after.resultSet.results).toEqual(before.reading.resultSet.results);
  });
});

describe('a response bigger than estimated (long explanations)', () => {
  it('is read again in smaller pieces when Excel refuses it as too large', async () => {
    const work = unitWorkload(1000);
    const long = 'คำชี้แจงการปฏิบัติงานที่ยาวมาก '.repeat(60);
    const reports = work.reports.map((r) => ({ ...r, explanation: long }));
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    const session = await openedSession(port, { ...work, reports });
    const from = fake.syncs.length;
    const before = port.syncCount;
    const pass = await livePass(port, session, 'th', undefined);
    expect(readingOf(pass).cells.size).toBe(1000);
    // Every sync that got through stayed under Excel's limit, and it took more of them than the usual 2.
    expect(Math.max(...fake.syncs.slice(from).map((s) => s.responseBytes))).toBeLessThan(5 * 1024 * 1024);
    expect(fake.syncs.length - from).toBeGreaterThan(2);
    // The refused one was a round trip too.
    expect(port.syncCount - before).toBeGreaterThan(fake.syncs.length - from);
  });
});

/**
 * The Office.js port against the recording fake: create, bind, validate and refresh on 10, 1,000 and 20,000 rows,
 * each costing a fixed number of syncs, every request below 4 MB, calculation and events off during writes, what
 * is written equal to the plan cell for cell, Office errors turned into messages a person can act on, and the
 * port's own writes never reported as changes.
 */
import { readAssessment, type Assessment } from '../../src/domain';
import { resultInputs, BINDING_SHEET, isFormula, type CellContent } from '../../src/workbook';
import { createKpiSheet, readBoundSheet, readBoundUnits, refreshKpiSheet, refreshMultiUnitSheet } from '../../src/workbook/kpiActions';
import { LiveCache } from '../../src/taskpane/model/liveCache';
import { livePass } from '../../src/taskpane/model/liveCheck';
import { sessionFromBinding } from '../../src/taskpane/model/session';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import type { CellsOp } from '../../src/workbook/plan';
import { WorkbookError, type ChangeEvent } from '../../src/workbook/port';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { REQUEST_BUDGET } from '../../src/office/requestSize';
import { benchAssessmentDoc, benchResults, seededRandom } from '../bench/generate';
import { FakeExcel } from './fakeExcel';
import { cellAddress } from '../../src/workbook/cells';
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

/** Every cell of the plan's cell ops is in the fake, as Office.js would have been given it. */
function expectWritten(fake: FakeExcel, ops: readonly CellsOp[]): void {
  for (const op of ops) {
    const m = /^([A-Z]+)(\d+)$/.exec(op.topLeft) as RegExpExecArray;
    const row0 = Number(m[2]);
    const col0 = (m[1] as string).charCodeAt(0) - 64;
    op.contents.forEach((row, r) =>
      row.forEach((cell: CellContent, c) => {
        const got = fake.cell(op.sheet, cellAddress(row0 + r, col0 + c));
        const want = cell === null ? undefined : isFormula(cell) ? `=${cell.formula}` : typeof cell === 'object' ? cell.error : cell;
        if (got !== want)
          throw new Error(`${op.sheet}!${cellAddress(row0 + r, col0 + c)}: wrote ${String(got)}, the plan says ${String(want)}`);
      }),
    );
  }
}

/**
 * What each action costs (syncs), asserted exactly (a change in these numbers is a change in behaviour to look at):
 * create = probe + write batches; validate = the pane's live check on open (the used range measured with the
 * binding record and the settings sheet located, then the record, the settings and the cells); refresh = probe + write
 * batches. Binding a sheet is the pane's (find the header: one read; confirm: one apply), 4 syncs at 10 / 1,000 /
 * 20,000 rows: test/office/bindPlan.test.ts.
 */
const EXPECTED = {
  10: { create: 2, validate: 2, refresh: 2 },
  1000: { create: 2, validate: 2, refresh: 2 },
  // The binding record packs the assessment document (binding.ts @2): 4.3 MB of JSON in cells for 20,000 generated
  // indicators took two requests of its own (create and refresh were 3); packed it is about 180 KB.
  // The live check reads the whole used range (every column, formula results too, with number formats): 20,000
  // rows are four pieces below the response budget (kpiActions' readBoundSheet, which the pane never ran, read
  // only the table's input columns: 3). An edit after it reads its row only: 2 at any size.
  20000: { create: 2, validate: 6, refresh: 2 },
} as const;

describe.each([10, 1000, 20000] as const)('%i rows on ExcelApi 1.9', (rows) => {
  const { assessment, document, inputs } = generated(rows);
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const input = { assessment, document, inputs };
  const plan = kpiSheetPlan(input);
  const sizes: Record<string, number> = {};

  it(`create: ${EXPECTED[rows].create} syncs, each request below 4 MB, cell for cell the plan`, async () => {
    const from = fake.syncs.length;
    const progress: number[] = [];
    const report = await createKpiSheet(port, input, (p) => progress.push(p.done));
    expect(report.roundTrips).toBe(EXPECTED[rows].create);
    expect(fake.syncs.length - from).toBe(EXPECTED[rows].create);
    sizes.create = fake.maxRequestBytes(from);
    expect(sizes.create).toBeLessThan(REQUEST_BUDGET);
    expect(progress[progress.length - 1]).toBe(EXPECTED[rows].create);
    expectWritten(
      fake,
      plan.plan.ops.filter((o): o is CellsOp => o.kind === 'cells'),
    );
    // Calculation suspended on every write batch but the last, which recalculates; events back on at the end.
    const writes = fake.syncs.slice(from + 1);
    expect(writes.map((s) => s.calculationSuspended)).toEqual(writes.map((_, i) => i < writes.length - 1));
    expect(writes.every((s) => s.screenSuspended)).toBe(true);
    expect(fake.eventsEnabled).toBe(true);
    expect(fake.names.get('ScorebookTotal')?.ref).toBe(`=KPI!${plan.layout.totalCell}`);
    expect(fake.tables.get('ScorebookKPI')?.address).toBe(
      `A${plan.layout.headerRow}:${cellAddress(plan.layout.lastDataRow, plan.layout.columns.length)}`,
    );
    expect(fake.sheets.get(BINDING_SHEET)?.visibility).toBe('VeryHidden');
    // Printing set in the same batches (no sync of its own): A4 landscape, one page wide, the header row repeated,
    // the visible columns only, the page number in the footer.
    const lastVisible = Math.max(...plan.layout.columns.filter((c) => !c.hidden).map((c) => c.column));
    expect(fake.sheets.get('KPI')?.pageLayout).toEqual({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1 },
      printArea: `A1:${cellAddress(plan.layout.lastDataRow, lastVisible)}`,
      titleRows: `$${plan.layout.headerRow}:$${plan.layout.headerRow}`,
      centerFooter: 'หน้า &P / &N',
    });
  });

  it(`the live check on open (the pane's livePass): ${EXPECTED[rows].validate} syncs, the results typed come back; an edit then 2`, async () => {
    const restored = sessionFromBinding(await port.readBinding());
    if (!restored.ok || !restored.session) throw new Error('no session from the binding record');
    const session = restored.session;
    const cache = new LiveCache(session);
    const stop = await port.onChange(plan.layout.sheet, (change) => cache.changed(change));
    const from = fake.syncs.length;
    const pass = await livePass(port, session, 'th', undefined, cache);
    expect(fake.syncs.length - from).toBe(EXPECTED[rows].validate);
    if (!pass.evaluation.ok || pass.evaluation.multiUnit) throw new Error('the bound sheet does not read');
    const reading = pass.evaluation.reading;
    // A quantitative row typed as a number reads back as that number.
    const [id, typed] = [...inputs].find(([, i]) => typeof i.result === 'number') as [string, { result: number }];
    expect(reading.resultSet.results[id]).toBe(typed.result);
    expect(reading.cells.size).toBe(assessment.indicators.length);
    // A person types a result: the pass reads that row with the record and the settings, whatever the size.
    const row = reading.cells.get(id)!;
    fake.userEdit(plan.layout.sheet, row.result!.split('!').pop()!, [[typed.result + 1]]);
    const edited = fake.syncs.length;
    const again = await livePass(port, session, 'th', undefined, cache);
    expect(fake.syncs.length - edited).toBe(2);
    if (!again.evaluation.ok || again.evaluation.multiUnit) throw new Error('the bound sheet does not read');
    expect(again.evaluation.reading.resultSet.results[id]).toBe(typed.result + 1);
    // Set back, so the refresh below writes what the plan says.
    fake.userEdit(plan.layout.sheet, row.result!.split('!').pop()!, [[typed.result]]);
    await stop();
  });

  it(`refresh: ${EXPECTED[rows].refresh} syncs over the existing sheets, names replaced without a clash`, async () => {
    const from = fake.syncs.length;
    const report = await refreshKpiSheet(port, input);
    expect(report.roundTrips).toBe(EXPECTED[rows].refresh);
    sizes.refresh = fake.maxRequestBytes(from);
    expect(sizes.refresh).toBeLessThan(REQUEST_BUDGET);
    expectWritten(
      fake,
      plan.plan.ops.filter((o): o is CellsOp => o.kind === 'cells'),
    );
    expect([...fake.sheets.keys()].filter((n) => n.startsWith('~'))).toEqual([]);
  });

  afterAll(() => {
    // The figures the closing note quotes: largest request per action, in bytes.
    process.stdout.write(`office port, ${rows} rows: largest request ${JSON.stringify(sizes)}\n`);
  });
});

describe('the multi-unit sheet, 4,000 units × 5 indicators = 20,000 rows', () => {
  const doc = benchAssessmentDoc(5);
  const read = readAssessment(doc);
  if (!read.ok) throw new Error('does not read');
  const assessment = read.value;
  const units = Array.from({ length: 4000 }, (_, i) => ({ id: `u${i + 1}`, name: `หน่วยงาน ${i + 1}` }));
  const typed = new Map(units.map((u, i) => [u.id, benchResults(5, seededRandom(i + 1))]));
  const inputs = new Map(units.map((u) => [u.id, resultInputs(assessment, { results: typed.get(u.id) ?? {} })]));
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { plan, binding } = multiUnitPlan({ assessment, units, inputs, document: doc });
  const sizes: Record<string, number> = {};

  it('create: at most 4 syncs, every unit block copied from the first, the binding record marked multi-unit', async () => {
    const report = await port.apply(plan);
    expect(report.roundTrips).toBeLessThanOrEqual(4);
    sizes.createSyncs = report.roundTrips;
    sizes.create = fake.maxRequestBytes();
    expect(sizes.create).toBeLessThan(REQUEST_BUDGET);
    expectWritten(
      fake,
      plan.ops.filter((o): o is CellsOp => o.kind === 'cells'),
    );
    const back = await port.readBinding();
    expect(back?.ok && back.value.multiUnit).toEqual(binding?.multiUnit);
  });

  it('validate: at most 4 syncs, every unit read back with what was typed for it', async () => {
    if (!binding?.multiUnit) throw new Error('no multi-unit record');
    const from = fake.syncs.length;
    const reading = await readBoundUnits(port, { ...binding, multiUnit: binding.multiUnit }, assessment);
    expect(fake.syncs.length - from).toBeLessThanOrEqual(4);
    sizes.validateSyncs = fake.syncs.length - from;
    expect(Math.max(...fake.syncs.slice(from).map((s) => s.responseBytes))).toBeLessThan(REQUEST_BUDGET);
    if (!reading.ok) throw new Error('the multi-unit sheet does not read');
    expect(reading.value.units).toHaveLength(4000);
    // A quantitative number typed for unit 1234 reads back as that number, in unit 1234's reading only.
    const unit = reading.value.units[1233]!;
    expect(unit.unit).toEqual({ id: 'u1234', name: 'หน่วยงาน 1234' });
    const [id, value] = Object.entries(typed.get('u1234') ?? {}).find(([, v]) => typeof v === 'number') as [string, number];
    expect(unit.reading.resultSet.results[id]).toBe(value);
    expect(unit.reading.cells.size).toBe(5);
  });

  it('refresh: at most 4 syncs over the existing sheets', async () => {
    const from = fake.syncs.length;
    const report = await refreshMultiUnitSheet(port, { assessment, units, inputs, document: doc });
    expect(report.roundTrips).toBeLessThanOrEqual(4);
    sizes.refreshSyncs = report.roundTrips;
    sizes.refresh = fake.maxRequestBytes(from);
    expect(sizes.refresh).toBeLessThan(REQUEST_BUDGET);
    expectWritten(
      fake,
      plan.ops.filter((o): o is CellsOp => o.kind === 'cells'),
    );
  });

  afterAll(() => {
    process.stdout.write(`office port, multi-unit 20000 rows: syncs and largest request ${JSON.stringify(sizes)}\n`);
  });
});

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

  it('a sheet in cell-edit mode: says to finish editing the cell, in Thai and English, and turns events back on', async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    fake.failNextSync = 'InvalidOperationInCellEditMode';
    const error = await createKpiSheet(port, { assessment, document }).catch((e: unknown) => e);
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
    await createKpiSheet(port, { assessment, document });
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
    await createKpiSheet(port, { assessment, document });
    const from = fake.syncs.length;
    await port.select('KPI', 'F7');
    expect(fake.syncs.length - from).toBe(1);
    expect(fake.selection).toEqual({ sheet: 'KPI', address: 'F7:F7' });
  });

  it('the binding record survives a write and a read: what was written reads back equal', async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    const { binding } = await createKpiSheet(port, { assessment, document });
    expect(await port.readBinding()).toEqual({ ok: true, value: binding });
  });
});

describe('listSheets', () => {
  it('names the visible sheets in one sync, never the very hidden binding sheet', async () => {
    const { assessment, document } = generated(10);
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    await createKpiSheet(port, { assessment, document });
    const from = fake.syncs.length;
    expect(await port.listSheets()).toEqual(['Sheet1', 'ตั้งค่า', 'KPI']);
    expect(fake.syncs.length - from).toBe(1);
  });
});

describe('the binding survives sorting, filtering and inserted rows: rows are found by indicator id', () => {
  it('reads every result back after the rows were reversed and a blank row was inserted into the table', async () => {
    const { assessment, document, inputs } = generated(10);
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    const { binding } = await createKpiSheet(port, { assessment, document, inputs });
    const before = await readBoundSheet(port, binding, assessment);
    if (!before.ok) throw new Error('does not read');

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

    const after = await readBoundSheet(port, binding, assessment);
    if (!after.ok) throw new Error('does not read after sorting');
    expect(after.value.resultSet.results).toEqual(before.value.resultSet.results);
    // Each indicator's cells moved with its row.
    const id = assessment.indicators[0]?.id as string;
    expect(after.value.cells.get(id)?.row).toBe(last + 1);
  });
});

describe.each([10, 1000] as const)('the what-if column on %i rows', (rows) => {
  it('is one apply of 2 syncs (probe + one write): a whole column inserted before คะแนน, formulas moved with it', async () => {
    const { assessment, document, inputs } = generated(rows);
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    const { binding } = await createKpiSheet(port, { assessment, document, inputs });
    const { layout } = kpiSheetPlan({ assessment, document });
    const before = await readBoundSheet(port, binding, assessment);
    if (!before.ok) throw new Error('does not read');
    const score = requireColumn(layout, 'score');
    const scoreFormula = fake.sheets.get('KPI')?.cells.get(layout.firstDataRow)?.get(score.column) as { formula: string };

    const from = fake.syncs.length;
    const { ops, column } = whatIfColumnOps({
      sheet: 'KPI',
      headerRow: before.value.headerRow,
      columns: before.value.columns,
      originColumn: 1,
      lastRow: layout.lastDataRow,
      nextFreeColumn: layout.columns.length + 1,
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
    const after = await readBoundSheet(port, binding, assessment);
    if (!after.ok) throw new Error('does not read after the insertion');
    expect(after.value.resultSet.results).toEqual(before.value.resultSet.results);
  });
});

describe('a response bigger than estimated (long notes)', () => {
  it('is read again in smaller pieces when Excel refuses it as too large', async () => {
    const { assessment, document, inputs } = generated(1000);
    const long = 'คำชี้แจงการปฏิบัติงานที่ยาวมาก '.repeat(60);
    const withNotes = new Map([...inputs].map(([id, i]) => [id, { ...i, note: long }]));
    const fake = new FakeExcel();
    const port = new OfficeWorkbookPort(fake);
    const { binding } = await createKpiSheet(port, { assessment, document, inputs: withNotes });
    const from = fake.syncs.length;
    const reading = await readBoundSheet(port, binding, assessment);
    expect(reading.ok).toBe(true);
    // Every sync that got through stayed under Excel's limit, and it took more of them than the usual 2.
    expect(Math.max(...fake.syncs.slice(from).map((s) => s.responseBytes))).toBeLessThan(5 * 1024 * 1024);
    expect(fake.syncs.length - from).toBeGreaterThan(2);
  });
});

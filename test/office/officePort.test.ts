/**
 * The Office.js port against the recording fake, driven by the pane's own actions (the functions its components
 * call: model/createSheet.ts, openFromServer.ts, openAllUnits.ts, and the live check of liveCheck.ts as
 * hooks/useLiveSheet.ts runs it): create, check, open from the server and open again on 10, 1,000 and 20,000 rows,
 * a multi-unit sheet of 20,000 rows likewise, each costing a fixed number of syncs, every request below 4 MB,
 * calculation and events off during writes, what is written equal to the plan cell for cell, Office errors turned
 * into messages a person can act on, and the port's own writes never reported as changes.
 */
import { readAssessment, type Assessment } from '../../src/domain';
import { resultInputs, BINDING_SHEET, isFormula, type CellContent } from '../../src/workbook';
import { LiveCache } from '../../src/taskpane/model/liveCache';
import { applyMarks, livePass, unitsPass, type LivePass } from '../../src/taskpane/model/liveCheck';
import type { Session } from '../../src/taskpane/model/session';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import type { CellsOp } from '../../src/workbook/plan';
import { WorkbookError, type ChangeEvent } from '../../src/workbook/port';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { REQUEST_BUDGET } from '../../src/office/requestSize';
import { benchAssessmentDoc, benchResults, seededRandom } from '../bench/generate';
import { createdSheet, loaded, openedSheet } from '../taskpane/paneSheets';
import { FakeExcel } from './fakeExcel';
import { openedAllUnits, unitWorkload, unitsWorkload } from './paneWorkloads';
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
        const got = fake.cellAt(op.sheet, row0 + r, col0 + c);
        const want = cell === null ? undefined : isFormula(cell) ? `=${cell.formula}` : typeof cell === 'object' ? cell.error : cell;
        if (got !== want)
          throw new Error(`${op.sheet}!${cellAddress(row0 + r, col0 + c)}: wrote ${String(got)}, the plan says ${String(want)}`);
      }),
    );
  }
}

/** What one action cost: every round trip (a refused one too: it costs the same wait) and the largest request. */
interface Cost {
  readonly syncs: number;
  readonly largestRequest: number;
}

async function costOf<T>(fake: FakeExcel, port: OfficeWorkbookPort, run: () => Promise<T>): Promise<{ cost: Cost; value: T }> {
  const from = fake.syncs.length;
  const before = port.syncCount;
  const value = await run();
  return { cost: { syncs: port.syncCount - before, largestRequest: fake.maxRequestBytes(from) }, value };
}

/** The pane's check of a unit's sheet when it opens (useLiveSheet's refresh): the pass, then its marks if any. */
async function liveCheck(port: OfficeWorkbookPort, session: Session, cache: LiveCache): Promise<LivePass> {
  const pass = await livePass(port, session, 'th', undefined, cache);
  if (pass.plan) await applyMarks(port, pass.plan, cache);
  return pass;
}

/** A unit's sheet opened from the server (its values, as the server holds them), and the session the pane starts on it. */
async function openedSession(
  port: OfficeWorkbookPort,
  work: Pick<ReturnType<typeof unitWorkload>, 'chosen' | 'target' | 'reports'>,
): Promise<Session> {
  const { binding } = await openedSheet(port, work.chosen.document, work.target, { reports: work.reports });
  return { loaded: work.chosen, binding };
}

/** The whole sheet's reading of a pass, or the test fails. */
function readingOf(pass: LivePass) {
  if (!pass.evaluation.ok || pass.evaluation.multiUnit) throw new Error('the bound sheet does not read');
  return pass.evaluation.reading;
}

/**
 * What each action costs (syncs), asserted exactly (a change in these numbers is a change in behaviour to look at):
 * - create: the Create tab into a new workbook: the guard's read of the target with the apply's probe, then the
 *   write batches;
 * - check: the live check when the pane opens on the sheet (the used range measured with the binding record and
 *   the settings sheet located, then the record, the settings and the sheet's cells in pieces below the response
 *   budget, every column with its number formats: 20,000 rows are 5 pieces); an edit after it reads its row only:
 *   2 at any size;
 * - open: the Server tab's open into a new workbook, as create;
 * - check opened: as check; nothing to mark, as nothing differs from the server's rows (a "58.1%" stored as text
 *   is the 58.1 the sheet shows: domain/rowChange.ts);
 * - open again (the refresh): the guard reads the linked sheet whole (values only: 20,000 rows are 3 pieces), the
 *   probe riding on its first sync, then the write.
 * Binding a sheet is the pane's (find the header: one read; confirm: one apply), 4 syncs at 10 / 1,000 / 20,000
 * rows: test/office/bindPlan.test.ts.
 */
const EXPECTED = {
  10: { create: 2, check: 2, open: 2, checkOpened: 2, openAgain: 3 },
  1000: { create: 2, check: 2, open: 2, checkOpened: 2, openAgain: 3 },
  20000: { create: 2, check: 6, open: 2, checkOpened: 6, openAgain: 5 },
} as const;

/** Generous: 20,000 rows through the fake take tens of seconds on a loaded machine; the limit only catches a hang. */
const LONG = 300_000;

describe.each([10, 1000, 20000] as const)("%i rows on ExcelApi 1.9, the pane's actions", (rows) => {
  const work = unitWorkload(rows);
  const { assessment, document } = work.chosen;
  const plan = kpiSheetPlan({ assessment, document });
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const opened = new FakeExcel('1.9');
  const openedPort = new OfficeWorkbookPort(opened);
  const costs: Record<string, Cost> = {};
  let session: Session | undefined;
  let openedSession: Session | undefined;

  it(
    `create (the Create tab): ${EXPECTED[rows].create} syncs, each request below 4 MB, cell for cell the plan`,
    async () => {
      const progress: number[] = [];
      const { cost, value } = await costOf(fake, port, () => createdSheet(port, work.chosen, { progress: (p) => progress.push(p.done) }));
      costs.create = cost;
      session = { loaded: work.chosen, binding: value.binding };
      expect(cost.syncs).toBe(EXPECTED[rows].create);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
      expect(value.rows).toBe(plan.layout.rows.length);
      expect(progress[progress.length - 1]).toBe(progress.length);
      expectWritten(
        fake,
        plan.plan.ops.filter((o): o is CellsOp => o.kind === 'cells'),
      );
      // Calculation suspended on every write batch but the last, which recalculates; events back on at the end.
      const writes = fake.syncs.slice(1);
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
    },
    LONG,
  );

  it(
    `the live check on open: ${EXPECTED[rows].check} syncs, a result typed comes back; an edit then 2`,
    async () => {
      if (!session) throw new Error('no sheet created');
      // A person types a result before the pane checks the sheet.
      const row = plan.layout.rows.find((r) => r.indicator.kind === 'quantitative')!;
      const at = `${requireColumn(plan.layout, 'result').letter}${row.row}`;
      fake.userEdit(plan.layout.sheet, at, [[61.5]]);
      const cache = new LiveCache(session);
      const stop = await port.onChange(plan.layout.sheet, (change) => cache.changed(change));
      const { cost, value: pass } = await costOf(fake, port, () => liveCheck(port, session!, cache));
      costs.check = cost;
      expect(cost.syncs).toBe(EXPECTED[rows].check);
      const reading = readingOf(pass);
      expect(reading.resultSet.results[row.indicator.id]).toBe(61.5);
      expect(reading.cells.size).toBe(assessment.indicators.length);
      // Typed again: the pass reads that row with the record and the settings, whatever the size.
      fake.userEdit(plan.layout.sheet, at, [[62.5]]);
      const again = await costOf(fake, port, () => liveCheck(port, session!, cache));
      expect(again.cost.syncs).toBe(2);
      expect(readingOf(again.value).resultSet.results[row.indicator.id]).toBe(62.5);
      await stop();
    },
    LONG,
  );

  it(
    `open from the server (the Server tab): ${EXPECTED[rows].open} syncs into a new workbook, each request below 4 MB`,
    async () => {
      const { cost, value } = await costOf(opened, openedPort, () =>
        openedSheet(openedPort, document, work.target, { reports: work.reports }),
      );
      costs.open = cost;
      openedSession = { loaded: work.chosen, binding: value.binding };
      expect(cost.syncs).toBe(EXPECTED[rows].open);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
      expect(opened.eventsEnabled).toBe(true);
    },
    LONG,
  );

  it(
    `the live check on the opened sheet: ${EXPECTED[rows].checkOpened} syncs, the server's numbers read back`,
    async () => {
      if (!openedSession) throw new Error('no sheet opened');
      const cache = new LiveCache(openedSession);
      const { cost, value: pass } = await costOf(opened, openedPort, () => liveCheck(openedPort, openedSession!, cache));
      costs.checkOpened = cost;
      expect(cost.syncs).toBe(EXPECTED[rows].checkOpened);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
      const results = readingOf(pass).resultSet.results;
      const numbers = Object.entries(work.results).filter(([, v]) => typeof v === 'number');
      expect(numbers.length).toBeGreaterThan(0);
      for (const [id, v] of numbers) expect(results[id]).toBe(v);
    },
    LONG,
  );

  it(
    `open again over the linked sheet (the refresh): ${EXPECTED[rows].openAgain} syncs, no sheet left behind`,
    async () => {
      if (!openedSession) throw new Error('no sheet opened');
      const { cost } = await costOf(opened, openedPort, () =>
        openedSheet(openedPort, document, work.target, { reports: work.reports, known: { record: openedSession!.binding } }),
      );
      costs.openAgain = cost;
      expect(cost.syncs).toBe(EXPECTED[rows].openAgain);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
      expect([...opened.sheets.keys()].filter((n) => n.startsWith('~'))).toEqual([]);
      expect(opened.eventsEnabled).toBe(true);
    },
    LONG,
  );

  afterAll(() => {
    // The figures the closing note quotes: syncs and largest request per action, in bytes.
    process.stdout.write(`office port, ${rows} rows, the pane's actions: ${JSON.stringify(costs)}\n`);
  });
});

/**
 * The central office's multi-unit sheet: the Create tab's, then "open all units" into a new workbook (the guard's
 * read, the sheet located and the binding record, with the apply's probe; the write: it was 4, the read on its own
 * and the sheet's absence a failed sync), its check (unitsPass: the table's id, input and unit columns, measured,
 * then 2 pieces) and "open all units" again over the sheet the pane knows bound (the guard reads it whole: measured
 * with the probe, then 4 pieces; the write: it was 7).
 */
const UNITS_EXPECTED = { create: 2, openAll: 2, check: 3, openAllAgain: 6 } as const;

describe("the multi-unit sheet, 4,000 units × 5 indicators = 20,000 rows, the pane's actions", () => {
  const work = unitsWorkload(4000);
  const { assessment, document } = work.chosen;
  const costs: Record<string, Cost> = {};
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  let session: Session | undefined;

  it(
    `create (the Create tab): ${UNITS_EXPECTED.create} syncs, every unit block written, the binding record marked multi-unit`,
    async () => {
      const created = new FakeExcel('1.9');
      const createdPort = new OfficeWorkbookPort(created);
      const { cost, value } = await costOf(created, createdPort, () => createdSheet(createdPort, work.chosen, { kind: 'multi' }));
      costs.create = cost;
      expect(cost.syncs).toBe(UNITS_EXPECTED.create);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
      const { plan, binding } = multiUnitPlan({ assessment, document });
      expect(value.rows).toBe(20000);
      expectWritten(
        created,
        plan.ops.filter((o): o is CellsOp => o.kind === 'cells'),
      );
      const back = await createdPort.readBinding();
      expect(back?.ok && back.value.multiUnit).toEqual(binding?.multiUnit);
    },
    LONG,
  );

  it(
    `open all units: ${UNITS_EXPECTED.openAll} syncs into a new workbook, each request below 4 MB`,
    async () => {
      const { cost, value } = await costOf(fake, port, () => openedAllUnits(port, work));
      costs.openAll = cost;
      if (value.kind !== 'opened' || !value.session) throw new Error('not opened');
      session = value.session;
      expect(cost.syncs).toBe(UNITS_EXPECTED.openAll);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
      expect(value.sheet.layout.units).toHaveLength(4000);
    },
    LONG,
  );

  it(
    `the check (unitsPass): ${UNITS_EXPECTED.check} syncs, every unit read back with what the server holds for it`,
    async () => {
      if (!session) throw new Error('no sheet opened');
      const from = fake.syncs.length;
      const { cost, value: e } = await costOf(fake, port, () => unitsPass(port, session!));
      costs.check = cost;
      expect(cost.syncs).toBe(UNITS_EXPECTED.check);
      expect(Math.max(...fake.syncs.slice(from).map((s) => s.responseBytes))).toBeLessThan(REQUEST_BUDGET);
      if (!e.ok || !e.multiUnit) throw new Error('the multi-unit sheet does not read');
      expect(e.units).toHaveLength(4000);
      // A quantitative number the server holds for unit 1234 reads back as that number, in unit 1234's reading only.
      const unit = e.units[1233]!;
      expect(unit.unit).toEqual({ id: 'u1234', name: 'หน่วยงาน 1234' });
      const [id, value] = Object.entries(work.typed.get('u1234') ?? {}).find(([, v]) => typeof v === 'number') as [string, number];
      expect(unit.report.indicators.find((i) => i.id === id)?.value).toBe(value);
      expect(unit.report.indicators).toHaveLength(5);
    },
    LONG,
  );

  it(
    `open all units again over it (the refresh): ${UNITS_EXPECTED.openAllAgain} syncs, each request below 4 MB`,
    async () => {
      if (!session) throw new Error('no sheet opened');
      const { cost, value } = await costOf(fake, port, () => openedAllUnits(port, work, session!.binding.sheet));
      costs.openAllAgain = cost;
      expect(value.kind).toBe('opened');
      expect(cost.syncs).toBe(UNITS_EXPECTED.openAllAgain);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
    },
    LONG,
  );

  afterAll(() => {
    process.stdout.write(`office port, multi-unit 20000 rows, the pane's actions: ${JSON.stringify(costs)}\n`);
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

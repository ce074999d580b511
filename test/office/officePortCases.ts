/**
 * The Office.js port's sync-count proofs, driven by the pane's own actions, as functions that register their
 * describe blocks for one size: officePort.test.ts runs them on 10 and 1,000 rows and a multi-unit sheet of
 * 1,000 rows (npm test), officePort.scale.test.ts on 20,000 rows and a multi-unit sheet of 20,000 rows
 * (npm run test:scale). The same test code at every size; each size's sync counts are asserted exactly.
 */
import { BINDING_SHEET, isFormula, type CellContent } from '../../src/workbook';
import { LiveCache } from '../../src/taskpane/model/liveCache';
import { applyMarks, livePass, unitsPass, type LivePass } from '../../src/taskpane/model/liveCheck';
import type { Session } from '../../src/taskpane/model/session';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import type { CellsOp } from '../../src/workbook/plan';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { REQUEST_BUDGET } from '../../src/office/requestSize';
import { createdSheet, openedSheet } from '../taskpane/paneSheets';
import { FakeExcel } from './fakeExcel';
import { openedAllUnits, unitWorkload, unitsWorkload } from './paneWorkloads';
import { cellAddress } from '../../src/workbook/cells';
import { requireColumn } from '../../src/workbook/layout';

/** Every cell of the plan's cell ops is in the fake, as Office.js would have been given it. */
export function expectWritten(fake: FakeExcel, ops: readonly CellsOp[]): void {
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
export async function openedSession(
  port: OfficeWorkbookPort,
  work: Pick<ReturnType<typeof unitWorkload>, 'chosen' | 'target' | 'reports'>,
): Promise<Session> {
  const { binding } = await openedSheet(port, work.chosen.document, work.target, { reports: work.reports });
  return { loaded: work.chosen, binding };
}

/** The whole sheet's reading of a pass, or the test fails. */
export function readingOf(pass: LivePass) {
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
 * rows: test/office/bindPlanCases.ts.
 */
const EXPECTED = {
  10: { create: 2, check: 2, open: 2, checkOpened: 2, openAgain: 3 },
  1000: { create: 2, check: 2, open: 2, checkOpened: 2, openAgain: 3 },
  20000: { create: 2, check: 6, open: 2, checkOpened: 6, openAgain: 5 },
} as const;

/** Generous: 20,000 rows through the fake take tens of seconds on a loaded machine; the limit only catches a hang. */
const LONG = 300_000;

/** Registers the pane's actions on a sheet of `rows` generated indicators, with their sync counts at that size. */
export function paneActionCases(rows: keyof typeof EXPECTED): void {
  describe(`${rows} rows on ExcelApi 1.9, the pane's actions`, () => paneActions(rows));
}

function paneActions(rows: keyof typeof EXPECTED): void {
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
}

/**
 * The central office's multi-unit sheet: the Create tab's, then "open all units" into a new workbook (the guard's
 * read, the sheet located and the binding record, with the apply's probe; the write: it was 4, the read on its own
 * and the sheet's absence a failed sync), its check (unitsPass: the table's id, input and unit columns, measured,
 * then in pieces below the response budget: 1 at 1,000 rows, 2 at 20,000) and "open all units" again over the
 * sheet the pane knows bound (the guard reads it whole: measured with the probe, then in pieces: 1 at 1,000 rows,
 * 4 at 20,000; the write: it was 7 at 20,000). `probe`: the unit whose reading is checked against the server's rows.
 */
const UNITS_EXPECTED = {
  200: { create: 2, openAll: 2, check: 2, openAllAgain: 3, probe: 123 },
  4000: { create: 2, openAll: 2, check: 3, openAllAgain: 6, probe: 1234 },
} as const;

/** Registers the pane's actions on a multi-unit sheet of `units` units × 5 indicators, with their sync counts. */
export function multiUnitCases(units: keyof typeof UNITS_EXPECTED): void {
  const rows = units * 5;
  const title = `${units.toLocaleString('en-US')} units × 5 indicators = ${rows.toLocaleString('en-US')} rows`;
  describe(`the multi-unit sheet, ${title}, the pane's actions`, () => multiUnitActions(units, rows));
}

function multiUnitActions(units: keyof typeof UNITS_EXPECTED, rows: number): void {
  const EXPECTED = UNITS_EXPECTED[units];
  const work = unitsWorkload(units);
  const { assessment, document } = work.chosen;
  const costs: Record<string, Cost> = {};
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  let session: Session | undefined;

  it(
    `create (the Create tab): ${EXPECTED.create} syncs, every unit block written, the binding record marked multi-unit`,
    async () => {
      const created = new FakeExcel('1.9');
      const createdPort = new OfficeWorkbookPort(created);
      const { cost, value } = await costOf(created, createdPort, () => createdSheet(createdPort, work.chosen, { kind: 'multi' }));
      costs.create = cost;
      expect(cost.syncs).toBe(EXPECTED.create);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
      const { plan, binding } = multiUnitPlan({ assessment, document });
      expect(value.rows).toBe(rows);
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
    `open all units: ${EXPECTED.openAll} syncs into a new workbook, each request below 4 MB`,
    async () => {
      const { cost, value } = await costOf(fake, port, () => openedAllUnits(port, work));
      costs.openAll = cost;
      if (value.kind !== 'opened' || !value.session) throw new Error('not opened');
      session = value.session;
      expect(cost.syncs).toBe(EXPECTED.openAll);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
      expect(value.sheet.layout.units).toHaveLength(units);
    },
    LONG,
  );

  it(
    `the check (unitsPass): ${EXPECTED.check} syncs, every unit read back with what the server holds for it`,
    async () => {
      if (!session) throw new Error('no sheet opened');
      const from = fake.syncs.length;
      const { cost, value: e } = await costOf(fake, port, () => unitsPass(port, session!));
      costs.check = cost;
      expect(cost.syncs).toBe(EXPECTED.check);
      expect(Math.max(...fake.syncs.slice(from).map((s) => s.responseBytes))).toBeLessThan(REQUEST_BUDGET);
      if (!e.ok || !e.multiUnit) throw new Error('the multi-unit sheet does not read');
      expect(e.units).toHaveLength(units);
      // A quantitative number the server holds for the probe unit reads back as that number, in its reading only.
      const unit = e.units[EXPECTED.probe - 1]!;
      expect(unit.unit).toEqual({ id: `u${EXPECTED.probe}`, name: `หน่วยงาน ${EXPECTED.probe}` });
      const [id, value] = Object.entries(work.typed.get(`u${EXPECTED.probe}`) ?? {}).find(([, v]) => typeof v === 'number') as [
        string,
        number,
      ];
      expect(unit.report.indicators.find((i) => i.id === id)?.value).toBe(value);
      expect(unit.report.indicators).toHaveLength(5);
    },
    LONG,
  );

  it(
    `open all units again over it (the refresh): ${EXPECTED.openAllAgain} syncs, each request below 4 MB`,
    async () => {
      if (!session) throw new Error('no sheet opened');
      const { cost, value } = await costOf(fake, port, () => openedAllUnits(port, work, session!.binding.sheet));
      costs.openAllAgain = cost;
      expect(value.kind).toBe('opened');
      expect(cost.syncs).toBe(EXPECTED.openAllAgain);
      expect(cost.largestRequest).toBeLessThan(REQUEST_BUDGET);
    },
    LONG,
  );

  afterAll(() => {
    process.stdout.write(`office port, multi-unit ${rows} rows, the pane's actions: ${JSON.stringify(costs)}\n`);
  });
}

/**
 * "Open all units" on the Office.js port's recording fake: every unit's rows of a round in one multi-unit sheet,
 * each row's server status beside it, in the same number of syncs for 2 units as for 50 (and 500), every request
 * below the 4 MB budget; the replace guard asked before typed work in the sheet is written over (cancel writes
 * nothing; a new sheet leaves the typed one as it was); a linked unit sheet with batches still pending is not
 * unlinked behind the person's back.
 */
import type { ReportRow, UnitReports } from '../../src/api';
import { readAssessment, type Assessment } from '../../src/domain';
import { requireColumn } from '../../src/workbook';
import { cellAddress } from '../../src/workbook/cells';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { REQUEST_BUDGET } from '../../src/office/requestSize';
import { PaneError } from '../../src/taskpane/hooks/useAction';
import { allUnitsSheet, NOT_REPORTED } from '../../src/taskpane/model/allUnitsSheet';
import { openAllUnits, type AllUnitsClient, type OpenAllUnitsInput } from '../../src/taskpane/model/openAllUnits';
import { emptyServerLink } from '../../src/taskpane/model/serverLink';
import { STATUS_HEADER } from '../../src/taskpane/model/statusColumn';
import { FakeExcel } from '../office/fakeExcel';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';

const INDICATORS = 12;

function document(units: number): Record<string, unknown> {
  return {
    format: 'scorebook/assessment@1',
    id: 'units-2567',
    title: 'ตัวชี้วัดของทุกหน่วยงาน ปีงบประมาณ พ.ศ. 2567',
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: Array.from({ length: INDICATORS }, (_, i) => ({
      id: String(i + 1),
      name: `ร้อยละของผู้รับบริการที่พึงพอใจ ด้านที่ ${i + 1}`,
      unit: 'ร้อยละ',
      weight: 100 / INDICATORS,
      targets: [60, 70, 80, 90, 100],
    })),
    units: Array.from({ length: units }, (_, u) => ({ id: `u${u + 1}`, name: `สำนักงานเขตพื้นที่การศึกษาประถมศึกษา เขต ${u + 1}` })),
    rounds: [{ round: 6, opensAt: '2024-03-01T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' }],
  };
}

const STATUSES: ReportRow['status'][] = ['draft', 'submitted', 'approved', 'returned'];

/** Every unit's rows as the server would answer: indicator k of unit u has a value and status; every 12th row none. */
function answer(units: number, explanation = 'ดำเนินการครบตามแผน'): UnitReports[] {
  return Array.from({ length: units }, (_, u) => ({
    unit: `u${u + 1}`,
    reports: Array.from({ length: INDICATORS }, (_, k) => k)
      .filter((k) => (u + k) % 12 !== 11)
      .map((k): ReportRow => {
        const status = STATUSES[(u + k) % 4]!;
        return {
          indicatorId: String(k + 1),
          value: 60 + ((u * 7 + k * 3) % 40),
          explanation,
          obstacles: null,
          remarks: null,
          status,
          version: 1,
          updatedBy: `u${u + 1}.reporter`,
          updatedAt: '2024-03-20T03:00:00.000Z',
          comment: status === 'returned' ? 'แนบหลักฐานเพิ่ม' : null,
          late: false,
          submittedAt: null,
        };
      }),
  }));
}

function client(units: number, explanation?: string): AllUnitsClient & { calls: number } {
  const doc = document(units);
  const rows = answer(units, explanation);
  return {
    calls: 0,
    getAssessment: async () => doc as never,
    async listRoundReports() {
      this.calls++;
      return rows;
    },
  };
}

function assessmentOf(units: number): Assessment {
  const read = readAssessment(document(units));
  if (!read.ok) throw new Error('does not read');
  return read.value;
}

function run(fake: FakeExcel, units: number, more: Partial<OpenAllUnitsInput> = {}, explanation?: string) {
  const port = new OfficeWorkbookPort(fake);
  return openAllUnits({
    port,
    client: client(units, explanation),
    aid: 'units-2567',
    round: 6,
    locale: 'th',
    ask: async () => {
      throw new Error('asked, with nothing typed to lose');
    },
    freeSheetName: async (_p, base) => `${base} (2)`,
    ...more,
  });
}

const figures: Record<string, unknown> = {};

describe.each([2, 50])('%i units × 12 indicators', (units) => {
  it('one sheet, every row with its status, in 2 syncs (3 opened again over the bound sheet), each request below 4 MB', async () => {
    const fake = new FakeExcel('1.9');
    const syncs = jest.spyOn(fake, 'sync');
    const result = await run(fake, units);
    if (result.kind !== 'opened') throw new Error('not opened');
    // The guard's read (the sheet located: missing, and the binding record) with the apply's probe, then the write:
    // the read rides on the apply's round trips (it was a read of 2 syncs and an apply of 2).
    expect(syncs).toHaveBeenCalledTimes(2);
    expect(result.roundTrips).toBe(2);
    expect(fake.maxRequestBytes()).toBeLessThan(REQUEST_BUDGET);
    // Opened again over itself (nothing typed), the pane knowing it bound: the sheet measured with the record and
    // the probe, its cells, the write (was 4: read, then probe and write).
    syncs.mockClear();
    const again = await run(fake, units, { boundSheet: result.sheet.layout.kpi.sheet });
    expect(again.kind).toBe('opened');
    const reopen = syncs.mock.calls.length;
    expect(reopen).toBe(3);
    // Not knowing it bound: the sheet located first, one sync more.
    syncs.mockClear();
    expect((await run(fake, units)).kind).toBe('opened');
    expect(syncs).toHaveBeenCalledTimes(4);
    figures[`${units}`] = {
      firstOpenSyncs: 2,
      reopenSyncs: reopen,
      largestRequest: fake.maxRequestBytes(),
      allRequests: fake.syncs.reduce((n, s) => n + s.requestBytes, 0),
    };
    const { layout } = result.sheet;
    expect(layout.units).toHaveLength(units);
    const sheet = layout.kpi.sheet;
    const statusColumn = layout.width + 1;
    expect(fake.cell(sheet, cellAddress(layout.kpi.headerRow, statusColumn))).toBe(STATUS_HEADER);
    const result0 = requireColumn(layout.kpi, 'result').column;
    // Unit 2 (index 1), indicator 3 (index 2): value 60 + (7 + 6) % 40 = 73, status STATUSES[3] = returned.
    const row = layout.kpi.firstDataRow + layout.blockRows + 2;
    expect(fake.cell(sheet, cellAddress(row, 1))).toBe('u2');
    expect(fake.cell(sheet, cellAddress(row, result0))).toBe(73);
    expect(fake.cell(sheet, cellAddress(row, statusColumn))).toBe('ส่งคืนให้แก้ไข: แนบหลักฐานเพิ่ม');
    // Unit 1, indicator 12: (0 + 11) % 12 = 11, no row on the server.
    expect(fake.cell(sheet, cellAddress(layout.kpi.firstDataRow + 11, statusColumn))).toBe(NOT_REPORTED.th);
    expect(result.sheet.stored).toBe(answer(units).reduce((n, u) => n + u.reports.length, 0));
    expect(result.session?.binding.multiUnit).toBeDefined();
  });
});

afterAll(() => {
  process.stdout.write(`open all units (12 indicators): ${JSON.stringify(figures)}\n`);
});

test('notes long enough to pass the budget: the writes are cut by bytes, every request below 4 MB', async () => {
  const fake = new FakeExcel('1.9');
  // 500 units × 12 rows, each with a 2,000-character Thai explanation: about 18 MB of text.
  const result = await run(fake, 500, {}, 'ก'.repeat(2_000));
  expect(result.kind).toBe('opened');
  expect(fake.maxRequestBytes()).toBeLessThan(REQUEST_BUDGET);
  expect(fake.syncs.length).toBeGreaterThan(4);
  figures.longNotes500 = { syncs: fake.syncs.length, largestRequest: fake.maxRequestBytes() };
});

test("statuses are in the pane's language; the English one too", () => {
  const en = allUnitsSheet({ assessment: assessmentOf(2), document: document(2), round: 6, units: answer(2), locale: 'en' });
  const cells = en.plan.ops.find((o) => o.kind === 'cells' && o.contents[0]?.[0] === STATUS_HEADER);
  if (cells?.kind !== 'cells') throw new Error('no status column');
  expect(cells.contents.slice(1, 5).map((r) => r[0])).toEqual([
    'draft',
    'submitted, awaiting approval',
    'approved',
    'returned for changes: แนบหลักฐานเพิ่ม',
  ]);
  expect(en.statuses).toEqual({ draft: 6, submitted: 6, approved: 6, returned: 4 });
});

describe('the replace guard', () => {
  async function typedOver(): Promise<{ fake: FakeExcel; sheet: string; cell: string }> {
    const fake = new FakeExcel('1.9');
    const first = await run(fake, 3);
    if (first.kind !== 'opened') throw new Error('not opened');
    const { layout } = first.sheet;
    const cell = cellAddress(layout.kpi.firstDataRow + 1, requireColumn(layout.kpi, 'result').column);
    fake.userEdit(layout.kpi.sheet, cell, [[99.5]]);
    return { fake, sheet: layout.kpi.sheet, cell };
  }

  it('opening again over a typed value asks; cancelled, nothing is written', async () => {
    const { fake, sheet, cell } = await typedOver();
    const from = fake.syncs.length;
    const asked: unknown[] = [];
    const result = await run(fake, 3, {
      ask: async (loss) => {
        asked.push(loss.results);
        return undefined;
      },
    });
    expect(result.kind).toBe('cancelled');
    expect(asked).toEqual([['2']]);
    expect(fake.cell(sheet, cell)).toBe(99.5);
    // The one read; no write.
    expect(fake.syncs.slice(from).every((s) => s.actions < 50)).toBe(true);
  });

  it('a new sheet leaves the typed one as it was', async () => {
    const { fake, sheet, cell } = await typedOver();
    const result = await run(fake, 3, { ask: async () => 'new-sheet' });
    if (result.kind !== 'opened') throw new Error('not opened');
    expect(result.newSheet).toBe(`${sheet} (2)`);
    expect(fake.cell(sheet, cell)).toBe(99.5);
    expect(fake.cell(`${sheet} (2)`, cell)).toBe(63);
  });

  it("replace, the second explicit step, writes the server's value", async () => {
    const { fake, sheet, cell } = await typedOver();
    const result = await run(fake, 3, { ask: async () => 'replace' });
    expect(result.kind).toBe('opened');
    expect(fake.cell(sheet, cell)).toBe(63);
  });
});

test("on a workbook that calculates, the unit columns and totals are the sheet's, not the person's: only the typed value is a loss", async () => {
  const wb = new PreviewWorkbook();
  const input = {
    port: wb,
    client: client(3),
    aid: 'units-2567',
    round: 6,
    locale: 'th' as const,
    ask: async () => {
      throw new Error('asked, with nothing typed to lose');
    },
    freeSheetName: async (_p: unknown, base: string) => `${base} (2)`,
  };
  const first = await openAllUnits(input);
  if (first.kind !== 'opened') throw new Error('not opened');
  const { layout } = first.sheet;
  // Unit 2's indicator 1: typed over, so unit 2's total (a formula) changes.
  wb.type(layout.kpi.sheet, cellAddress(layout.kpi.firstDataRow + layout.blockRows, requireColumn(layout.kpi, 'result').column), '99');
  const losses: { results: readonly string[]; ownColumns: readonly string[]; otherCells: number }[] = [];
  const again = await openAllUnits({
    ...input,
    ask: async (loss) => {
      losses.push(loss);
      return undefined;
    },
  });
  expect(again.kind).toBe('cancelled');
  expect(losses.map((l) => [l.results, l.ownColumns, l.otherCells])).toEqual([[['1'], [], 0]]);
});

test('a unit sheet linked to the server with batches pending is not unlinked: the action stops and says so', async () => {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const assessment = assessmentOf(3);
  const target = { aid: 'units-2567', round: 6, unit: 'u1' };
  const pending = [
    {
      key: 'k1',
      target,
      body: { action: 'submit' as const, rows: [{ indicatorId: '1', value: 80, baseVersion: 0 }] },
      createdAt: '2024-03-20T03:00:00.000Z',
    },
  ];
  await port.apply(kpiSheetPlan({ assessment, document: document(3), server: { ...emptyServerLink(), target, pending } }).plan);
  const syncs = jest.spyOn(fake, 'sync');
  const refused = run(fake, 3);
  await expect(refused).rejects.toBeInstanceOf(PaneError);
  await expect(refused).rejects.toMatchObject({
    userMessage: { th: expect.stringMatching(/รอส่ง 1 ชุด/), en: expect.stringMatching(/1 batches waiting/) },
  });
  // Read (the sheet located, missing, and the record, in one sync), never written.
  expect(fake.sheets.has('KPI หน่วยงาน')).toBe(false);
  expect(syncs).toHaveBeenCalledTimes(1);
});

test('a linked unit sheet with changed rows not sent: the action stops too', async () => {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const target = { aid: 'units-2567', round: 6, unit: 'u1' };
  await port.apply(kpiSheetPlan({ assessment: assessmentOf(3), document: document(3), server: { ...emptyServerLink(), target } }).plan);
  await expect(run(fake, 3, { changedRows: 2 })).rejects.toMatchObject({
    userMessage: { en: expect.stringMatching(/2 changed rows not sent/) },
  });
  // Nothing changed, nothing pending: opened, and the unit sheet said to be unlinked now.
  const result = await run(fake, 3, { changedRows: 0 });
  expect(result.kind === 'opened' && result.unlinked).toBe('KPI');
});

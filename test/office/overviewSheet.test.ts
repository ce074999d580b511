/**
 * The overview and history sheets through the Office port over the recording fake: what Excel gets (cells, charts,
 * AutoFilter, freeze, page layout), and the syncs — a fixed number, the same at 10 units as at 1,000, every request
 * under the 5 MB limit, chart creation inside the sheet's own batches.
 */
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { openOverviewSheet, type OverviewClient } from '../../src/taskpane/model/openOverview';
import { HISTORY_CHART, openHistorySheet } from '../../src/workbook/historySheet';
import { OVERVIEW_CHARTS, OVERVIEW_SHEET } from '../../src/workbook/overviewSheet';
import type { ApiAssessmentDocument, Overview } from '../../src/api';
import { FakeExcel, LIMIT } from './fakeExcel';
import { makeHistory, makeOverview, OVERVIEW_ASSESSMENT } from '../workbook/overviewFixture';

const client = (overview: Overview): OverviewClient => ({
  getAssessment: async () => OVERVIEW_ASSESSMENT as unknown as ApiAssessmentDocument,
  getOverview: async () => overview,
});

const never = async (): Promise<undefined> => {
  throw new Error('the guard asked where nothing of a person was there');
};

async function open(fake: FakeExcel, overview: Overview, mode: 'results' | 'scores' | 'statuses' = 'results') {
  const port = new OfficeWorkbookPort(fake);
  const before = port.syncCount;
  const result = await openOverviewSheet({
    port,
    client: client(overview),
    aid: 'krs-2567',
    round: 12,
    mode,
    locale: 'th',
    ask: never,
    freeSheetName: async () => 'unused',
  });
  return { result, syncs: port.syncCount - before, port };
}

test('the overview sheet in Excel: values, chart from the totals, AutoFilter, frozen header, A4 landscape', async () => {
  const fake = new FakeExcel();
  const { result } = await open(fake, makeOverview(10, 5, { groups: 2 }));
  expect(result.kind).toBe('opened');
  const s = fake.sheets.get(OVERVIEW_SHEET)!;
  expect(fake.cell(OVERVIEW_SHEET, 'B7')).toBe('1001');
  expect(s.charts.map((c) => [c.name, c.type, c.source, c.seriesBy])).toEqual([
    [OVERVIEW_CHARTS.units, 'ColumnClustered', 'D6:F16', 'Columns'],
    [OVERVIEW_CHARTS.groups, 'ColumnClustered', 'C18:E20', 'Columns'],
  ]);
  expect(s.charts[0]!.title).toMatch(/คะแนนรวมรายหน่วยงาน/);
  expect(s.autoFilter).toMatch(/^A6:[A-Z]+16$/);
  expect(s.frozen).toBe('A1:D6');
  expect(s.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
  expect(s.protected).toBe(false);
});

test('syncs: the same at 10 and at 1,000 units × 50 indicators, every request under 5 MB, charts in the sheet batches', async () => {
  const counts: number[] = [];
  for (const n of [10, 1000]) {
    const fake = new FakeExcel();
    const { syncs } = await open(fake, makeOverview(n, 50, { groups: 5, previousRound: true }));
    counts.push(syncs);
    expect(fake.maxRequestBytes()).toBeLessThan(LIMIT);
    // Refresh in place: the same sheet, the charts replaced (two, not four), and again the same syncs.
    const port = new OfficeWorkbookPort(fake);
    await openOverviewSheet({
      port,
      client: client(makeOverview(n, 50, { groups: 5, previousRound: true, seed: 11 })),
      aid: 'krs-2567',
      round: 12,
      mode: 'scores',
      locale: 'en',
      ask: never,
      freeSheetName: async () => 'unused',
      existing: true,
    });
    counts.push(port.syncCount);
    expect(fake.sheets.get(OVERVIEW_SHEET)!.charts.map((c) => c.name)).toEqual([OVERVIEW_CHARTS.units, OVERVIEW_CHARTS.groups]);
    expect([...fake.sheets.keys()].filter((k) => k.startsWith(OVERVIEW_SHEET))).toEqual([OVERVIEW_SHEET]);
  }
  // Opened: the sheet looked for with the probe (none there), then written in one batch: 2. Refreshed: the sheet
  // measured with the probe, its cells read for the guard, written in one batch: 3. At 10 units as at 1,000.
  expect(counts).toEqual([2, 3, 2, 3]);
});

test("a person's sheet named ภาพรวม is not written over: the guard is asked, and a new sheet keeps theirs", async () => {
  const fake = new FakeExcel();
  fake.addSheet(OVERVIEW_SHEET).write({ r0: 1, c0: 1, r1: 2, c1: 1 }, [['my notes'], [42]]);
  const port = new OfficeWorkbookPort(fake);
  const asked: unknown[] = [];
  const result = await openOverviewSheet({
    port,
    client: client(makeOverview(3, 2)),
    aid: 'krs-2567',
    round: 12,
    mode: 'results',
    locale: 'en',
    ask: async (loss, options) => {
      asked.push([loss.cells, options.newSheet]);
      return 'new-sheet';
    },
    freeSheetName: async () => 'ภาพรวม (2)',
  });
  expect(asked).toEqual([[2, 'ภาพรวม (2)']]);
  expect(result).toMatchObject({ kind: 'opened', sheet: 'ภาพรวม (2)' });
  expect(fake.cell(OVERVIEW_SHEET, 'A1')).toBe('my notes');
  expect(fake.sheets.get('ภาพรวม (2)')!.charts).toHaveLength(1);
});

test('the history sheet: a line chart of the totals and the indicator score, rewritten in place, in a fixed number of syncs', async () => {
  const fake = new FakeExcel();
  const port = new OfficeWorkbookPort(fake);
  const first = await openHistorySheet(port, makeHistory('1001'), '5', 'th');
  expect(first.sheet).toBe('ประวัติ 1001');
  const s = fake.sheets.get('ประวัติ 1001')!;
  expect(s.charts.map((c) => [c.name, c.type, c.source])).toEqual([[HISTORY_CHART, 'Line', 'C4:F10']]);
  // Rows: 2566 · 6 first; the change since the row above.
  expect([fake.cell(first.sheet, 'A5'), fake.cell(first.sheet, 'B5'), fake.cell(first.sheet, 'D5'), fake.cell(first.sheet, 'H5')]).toEqual([
    2566,
    6,
    55,
    undefined,
  ]);
  expect(fake.cell(first.sheet, 'H6')).toBe(6);
  expect(fake.cell(first.sheet, 'F5')).toBe(50);
  // Opened: 2 syncs; rewritten: located, read for the guard, written — 4, each time.
  expect(port.syncCount).toBe(2);
  await openHistorySheet(port, makeHistory('1001'), '7', 'en');
  expect(port.syncCount).toBe(6);
  expect(s.charts).toHaveLength(1);
  expect(fake.cell(first.sheet, 'F5')).toBe(60);
});

test('a refresh without groups deletes the group chart; charts stay one of each name', async () => {
  const fake = new FakeExcel();
  await open(fake, makeOverview(6, 3, { groups: 2 }));
  expect(fake.sheets.get(OVERVIEW_SHEET)!.charts).toHaveLength(2);
  await open(fake, makeOverview(6, 3));
  expect(fake.sheets.get(OVERVIEW_SHEET)!.charts.map((c) => c.name)).toEqual([OVERVIEW_CHARTS.units]);
});

test("the history sheet never writes over a person's sheet of that name: it goes beside it", async () => {
  const fake = new FakeExcel();
  fake.addSheet('ประวัติ 1001').write({ r0: 1, c0: 1, r1: 1, c1: 1 }, [['ของฉัน']]);
  const port = new OfficeWorkbookPort(fake);
  const { sheet } = await openHistorySheet(port, makeHistory('1001'), '5', 'en');
  expect(sheet).toBe('ประวัติ 1001 (2)');
  expect(fake.cell('ประวัติ 1001', 'A1')).toBe('ของฉัน');
  expect(fake.sheets.get(sheet)!.charts).toHaveLength(1);
});

/**
 * A read that leaves columns out below the sheet's head (RangeRequest.skipColumns), on the Office port over the
 * recording fake: by header, the head comes in the sync that measures the used range, so which columns to leave
 * out costs no sync; by position, in the first sync. What is left out comes back null and is named in `skipped`.
 */
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { HEAD_ROWS } from '../../src/workbook/port';
import { FakeExcel } from './fakeExcel';

const ROWS = 100;

async function sheetOf(version = '1.9'): Promise<{ fake: FakeExcel; port: OfficeWorkbookPort }> {
  const fake = new FakeExcel(version);
  const port = new OfficeWorkbookPort(fake);
  const contents = [
    ['title', null, null, null],
    ['id', 'result', 'score', 'note'],
    ...Array.from({ length: ROWS }, (_, i) => [`i${i}`, i, i * 2, `n${i}`]),
  ];
  await port.apply({
    title: 'sheet',
    ops: [
      { kind: 'sheet', sheet: 'KPI', ifExists: 'replace' },
      { kind: 'cells', sheet: 'KPI', topLeft: 'A1', contents },
    ],
  });
  return { fake, port };
}

test('by header: the column headed so is null below the head, the others whole, in the syncs of a whole read', async () => {
  const { fake, port } = await sheetOf();
  const from = fake.syncs.length;
  const grid = (await port.read({ ranges: [{ sheet: 'KPI', skipColumns: { headers: ['score'] } }] })).ranges[0]!;
  expect(fake.syncs.length - from).toBe(2);
  expect(grid.skipped).toEqual({ columns: [2], headRows: HEAD_ROWS });
  expect(grid.values[HEAD_ROWS - 1]).toEqual([`i${HEAD_ROWS - 3}`, HEAD_ROWS - 3, (HEAD_ROWS - 3) * 2, `n${HEAD_ROWS - 3}`]);
  expect(grid.values[HEAD_ROWS]).toEqual([`i${HEAD_ROWS - 2}`, HEAD_ROWS - 2, null, `n${HEAD_ROWS - 2}`]);
  expect(grid.values.at(-1)).toEqual([`i${ROWS - 1}`, ROWS - 1, null, `n${ROWS - 1}`]);
});

test('by position, on an explicit rectangle: one sync', async () => {
  const { fake, port } = await sheetOf();
  const from = fake.syncs.length;
  const grid = (await port.read({ ranges: [{ sheet: 'KPI', address: `A1:D${ROWS + 2}`, skipColumns: { at: [1, 2] } }] })).ranges[0]!;
  expect(fake.syncs.length - from).toBe(1);
  expect(grid.skipped).toEqual({ columns: [1, 2], headRows: HEAD_ROWS });
  expect(grid.values.at(-1)).toEqual([`i${ROWS - 1}`, null, null, `n${ROWS - 1}`]);
});

test('without ExcelApi 1.4 (no used part of a range) columns skipped by header are read', async () => {
  const { port } = await sheetOf('1.3');
  const grid = (await port.read({ ranges: [{ sheet: 'KPI', skipColumns: { headers: ['score'] } }] })).ranges[0]!;
  expect(grid.skipped).toBeUndefined();
  expect(grid.values.at(-1)).toEqual([`i${ROWS - 1}`, ROWS - 1, (ROWS - 1) * 2, `n${ROWS - 1}`]);
});

/**
 * The write after a submit's answers reads the bound sheet again (rows may have moved meanwhile) but takes the
 * reading planSubmit made when the cells are still the same (linkedSheet.ts `sheetOfRead` with `known`): the same
 * reading, not one worked out again over every row; and a changed cell reads afresh.
 */
import { readAssessment } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { readSheet, sheetOfRead } from '../../src/taskpane/linkedSheet';
import { kpiLayout, requireColumn } from '../../src/workbook';
import { sameGrid } from '../../src/workbook/sameGrid';
import { FakeExcel } from '../office/fakeExcel';
import { openedSheet } from './paneSheets';

const document = {
  format: 'scorebook/assessment@1',
  id: 'known',
  title: 'known',
  fiscalYear: 2567,
  scale: 'five-level',
  indicators: Array.from({ length: 5 }, (_, i) => ({
    id: String(i + 1),
    name: `ตัวชี้วัด ${i + 1}`,
    weight: 1,
    kind: 'quantitative',
    targets: [50, 60, 70, 80, 90],
  })),
};

async function opened() {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { binding } = await openedSheet(port, document, { aid: 'known', round: 6, unit: 'u' });
  const read = readAssessment(document);
  if (!read.ok) throw new Error('assessment does not read');
  const layout = kpiLayout(read.value);
  const result = `${requireColumn(layout, 'result').letter}${layout.firstDataRow}`;
  fake.userEdit(binding.sheet, result, [[55]]);
  return { fake, port, sheet: binding.sheet, result };
}

test('the same cells read again give the known reading itself; a changed cell reads afresh', async () => {
  const { fake, port, sheet, result } = await opened();
  const known = await readSheet(port);
  const again = await port.read({ ranges: [{ sheet }], binding: true });
  expect(again.ranges[0]).not.toBe(known.grid);
  const same = sheetOfRead(again, known);
  expect(same?.reading).toBe(known.reading);
  expect(same?.grid).toBe(known.grid);

  fake.userEdit(sheet, result, [[65]]);
  const changed = await port.read({ ranges: [{ sheet }], binding: true });
  const fresh = sheetOfRead(changed, known);
  expect(fresh?.reading).not.toBe(known.reading);
  expect(fresh?.reading.resultSet).toEqual((await readSheet(port)).reading.resultSet);
  expect(fresh?.reading.resultSet).not.toEqual(known.reading.resultSet);
});

test('sameGrid: equal cells, formats and error cells are the same grid; any difference is not', () => {
  const base = {
    sheet: 'S',
    topLeft: 'A1',
    address: 'A1:B2',
    rowCount: 2,
    columnCount: 2,
    values: [
      ['id', 1],
      [{ error: '#N/A' }, null],
    ],
    numberFormats: [
      ['@', '0%'],
      ['General', null],
    ],
  };
  const copy = JSON.parse(JSON.stringify(base)) as typeof base;
  expect(sameGrid(base, copy)).toBe(true);
  expect(sameGrid(base, { ...copy, values: [['id', 2], copy.values[1]!] })).toBe(false);
  expect(
    sameGrid(base, {
      ...copy,
      values: [
        ['id', 1],
        [{ error: '#REF!' }, null],
      ],
    }),
  ).toBe(false);
  expect(sameGrid(base, { ...copy, numberFormats: [['@', 'General'], copy.numberFormats[1]!] })).toBe(false);
  expect(sameGrid(base, { ...copy, address: 'A1:B3' })).toBe(false);
  expect(
    sameGrid(base, {
      ...copy,
      formulas: [
        [null, 'B1*2'],
        [null, null],
      ],
    }),
  ).toBe(false);
  expect(sameGrid(base, { ...copy, skipped: { columns: [1], headRows: 1 } })).toBe(false);
});

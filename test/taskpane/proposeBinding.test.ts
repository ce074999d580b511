import type { CellValue } from '../../src/workbook';
import { boundHeaders, boundSheet, proposeBinding, withColumn, withRow } from '../../src/taskpane/model/proposeBinding';
import { sample } from './sheetGrid';

const otop = sample('otop-2567');

/** A hand-made sheet: a title, a blank row, English headers on row 3, one row by id, one by name, one unknown. */
function handMade(): CellValue[][] {
  const teen = otop.assessment.indicators.find((i) => i.id === '2')!;
  return [
    ['KPI report, Loei province'],
    [],
    ['Remark', 'No.', 'Indicator', 'Weight', 'Actual'],
    [null, '4.1', 'OTOP', 5, 3050],
    [null, null, `  ${teen.name} `, 15, 22.4],
    [null, 'zz', 'something else', 1, 1],
  ];
}

test('finds the header row and the columns by their English names, wherever they are', () => {
  const p = proposeBinding(otop.assessment, { sheet: 'Data', topLeft: 'A1', values: handMade() })!;
  expect(p.headerRow).toBe(3);
  const col = (role: string): number | null | undefined => p.columns.find((c) => c.role === role)?.column;
  expect([col('id'), col('name'), col('weight'), col('result'), col('note')]).toEqual([1, 2, 3, 4, 0]);
  expect(col('score')).toBeNull();
});

test('matches rows by id, else by name; an indicator with no row is shown as not found', () => {
  const p = proposeBinding(otop.assessment, { sheet: 'Data', topLeft: 'A1', values: handMade() })!;
  const row = (id: string): { row: number | null; matchedBy: string | null } | undefined => p.rows.find((r) => r.indicatorId === id);
  expect(row('4.1')).toEqual({ indicatorId: '4.1', row: 4, matchedBy: 'id' });
  expect(row('2')).toEqual({ indicatorId: '2', row: 5, matchedBy: 'name' });
  expect(row('eco')?.row).toBeNull();
  expect(p.rowOptions.map((o) => o.row)).toEqual([4, 5, 6]);
});

test('a grid that starts below A1 reports sheet rows, not grid rows', () => {
  const p = proposeBinding(otop.assessment, { sheet: 'Data', topLeft: 'B10', values: handMade() })!;
  expect(p.headerRow).toBe(12);
  expect(p.rows.find((r) => r.indicatorId === '4.1')?.row).toBe(13);
});

test('the user fixes a row and a column; a row holds one indicator', () => {
  const p = proposeBinding(otop.assessment, { sheet: 'Data', topLeft: 'A1', values: handMade() })!;
  const fixed = withRow(p, 'eco', 4);
  expect(fixed.rows.find((r) => r.indicatorId === 'eco')).toMatchObject({ row: 4, matchedBy: 'user' });
  expect(fixed.rows.find((r) => r.indicatorId === '4.1')).toMatchObject({ row: null, matchedBy: null });
  const noNote = withColumn(fixed, 'note', null);
  expect(boundHeaders(noNote)).toEqual({ id: 'No.', name: 'Indicator', weight: 'Weight', result: 'Actual' });
});

test('no header row: no proposal', () => {
  expect(
    proposeBinding(otop.assessment, {
      sheet: 'S',
      topLeft: 'A1',
      values: [
        ['a', 'b'],
        [1, 2],
      ],
    }),
  ).toBeNull();
});

test("the confirmed proposal in sheet positions: columns from the grid's first column, the used range's corner, ids in place", () => {
  const p = proposeBinding(otop.assessment, { sheet: 'Data', topLeft: 'B10', values: handMade() })!;
  const b = boundSheet(withColumn(p, 'note', null));
  expect(b.headerRow).toBe(12);
  expect([...b.columns]).toEqual([
    ['id', 3],
    ['name', 4],
    ['weight', 5],
    ['result', 6],
  ]);
  expect(b.headers.get(6)).toBe('Actual');
  expect([b.lastRow, b.lastColumn]).toEqual([15, 6]);
  expect([...b.rows]).toEqual([
    ['2', 14],
    ['4.1', 13],
  ]);
  expect([...b.idsInPlace]).toEqual(['4.1']);
});

test('explanation, obstacles and remarks columns of a hand-made sheet are proposed by their usual names', () => {
  const values: CellValue[][] = [
    ['ลำดับ', 'ตัวชี้วัด', 'ผลการดำเนินการ', 'คำชี้แจง', 'ปัญหา/อุปสรรค', 'Remarks'],
    ['4.1', 'OTOP', 3050, 'ยอดขายรวม', 'ฝนตก', null],
  ];
  const p = proposeBinding(otop.assessment, { sheet: 'Data', topLeft: 'A1', values })!;
  const col = (role: string): number | null | undefined => p.columns.find((c) => c.role === role)?.column;
  expect([col('explanation'), col('obstacles'), col('note')]).toEqual([3, 4, 5]);
});

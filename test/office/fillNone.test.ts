/** A style op's fill "none" takes a fill away (returned rows lose their mark): in Excel and in the browser preview. */
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { FakeExcel } from './fakeExcel';

const mark = { title: 'mark', ops: [{ kind: 'style' as const, sheet: 'Sheet1', address: 'A7:B7', fill: '#F4B084' }] };
const unmark = { title: 'unmark', ops: [{ kind: 'style' as const, sheet: 'Sheet1', address: 'A7:B7', fill: 'none' }] };

test('Office: "none" clears the range fill instead of setting a colour', async () => {
  const fake = new FakeExcel();
  const port = new OfficeWorkbookPort(fake);
  await port.apply(mark);
  await port.apply(unmark);
  expect(fake.sheets.get('Sheet1')!.styles.map((s) => s.set)).toEqual([{ 'fill.color': '#F4B084' }, { 'fill.clear': true }]);
});

test('preview: the fill is gone, other styles stay', async () => {
  const wb = new PreviewWorkbook();
  await wb.apply({ title: 'bold', ops: [{ kind: 'style', sheet: 'Sheet1', address: 'A7', bold: true }] });
  await wb.apply(mark);
  expect(wb.style('Sheet1', 7, 1)).toEqual({ bold: true, fill: '#F4B084' });
  await wb.apply(unmark);
  expect(wb.style('Sheet1', 7, 1).fill).toBeUndefined();
  expect(wb.style('Sheet1', 7, 1).bold).toBe(true);
});

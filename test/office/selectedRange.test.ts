/** The person's selection through the Office.js port: one sync, the sheet split off the qualified address. */
import { OfficeWorkbookPort, splitQualified } from '../../src/office/officePort';
import { isWorkbookError } from '../../src/workbook/port';
import { FakeExcel } from './fakeExcel';

test('the selected range comes back as its sheet and address, in one sync', async () => {
  const fake = new FakeExcel();
  fake.addSheet('แผน 1');
  const port = new OfficeWorkbookPort(fake);
  await port.select('แผน 1', 'B7:F9');
  const before = port.syncCount;
  expect(await port.selectedRange()).toEqual({ sheet: 'แผน 1', address: 'B7:F9' });
  expect(port.syncCount - before).toBe(1);
  expect(fake.syncs.at(-1)?.responseBytes).toBeGreaterThan(0);
});

test('before anything is selected, Excel still has a selection: A1 of the first sheet', async () => {
  const port = new OfficeWorkbookPort(new FakeExcel());
  expect(await port.selectedRange()).toEqual({ sheet: 'Sheet1', address: 'A1:A1' });
});

test('several areas selected (Excel: InvalidSelection) is said plainly, with what to do', async () => {
  const fake = new FakeExcel();
  fake.failNextSync = 'InvalidSelection';
  const port = new OfficeWorkbookPort(fake);
  const error = await port.selectedRange().catch((e: unknown) => e);
  expect(isWorkbookError(error) && error.userMessage.th).toContain('เลือกแถวของตัวชี้วัดเป็นช่วงเดียว');
});

test('another failure is a workbook error the pane can show', async () => {
  const fake = new FakeExcel();
  fake.failNextSync = 'InvalidOperationInCellEditMode';
  const error = await new OfficeWorkbookPort(fake).selectedRange().catch((e: unknown) => e);
  expect(isWorkbookError(error) && error.code).toBe('InvalidOperationInCellEditMode');
});

test('a quoted sheet name is unquoted, a doubled quote undone, absolute marks dropped', () => {
  expect(splitQualified("'ปี ''67'!$A$7:$F$9")).toEqual({ sheet: "ปี '67", address: 'A7:F9' });
  expect(splitQualified('KPI!C12')).toEqual({ sheet: 'KPI', address: 'C12' });
});

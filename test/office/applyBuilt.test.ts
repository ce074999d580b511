/**
 * `applyBuilt` on the Office port: a read and the plan made of what it read in one Excel.run, the plan's probe
 * riding on the read's first sync; a built plan naming a sheet the skeleton did not is probed before it is written.
 */
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { BINDING_PROBE } from '../../src/workbook/bindingPlan';
import type { WritePlan } from '../../src/workbook/plan';
import { FakeExcel } from './fakeExcel';

const cells = (sheet: string, text: string): WritePlan => ({
  title: 'cells',
  ops: [{ kind: 'cells', sheet, topLeft: 'A1', contents: [[text]] }],
});

async function workbook(): Promise<{ fake: FakeExcel; port: OfficeWorkbookPort }> {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  await port.apply({
    title: 'sheets',
    ops: [{ kind: 'sheet', sheet: 'A', ifExists: 'clear' }, { kind: 'sheet', sheet: 'B', ifExists: 'clear' }, ...cells('A', 'one').ops],
  });
  return { fake, port };
}

test('the read, the probe in its sync, and the plan built of what it read: 2 syncs for a one-sync read', async () => {
  const { port } = await workbook();
  const before = port.syncCount;
  const report = await port.applyBuilt({
    read: { ranges: [{ sheet: 'A', address: 'A1' }] },
    probe: cells('A', ''),
    build: (read) => cells('A', `${String(read.ranges[0]!.values[0]![0])} again`),
  });
  expect(report?.cellsWritten).toBe(1);
  expect(port.syncCount - before).toBe(2);
  expect((await port.read({ ranges: [{ sheet: 'A', address: 'A1' }] })).ranges[0]!.values).toEqual([['one again']]);
});

test('nothing built, nothing written: the read alone', async () => {
  const { port } = await workbook();
  const before = port.syncCount;
  const writes = port.writes;
  expect(await port.applyBuilt({ read: { binding: true }, probe: BINDING_PROBE, build: () => undefined })).toBeUndefined();
  expect(port.syncCount - before).toBe(1);
  expect(port.writes).toBe(writes + 2);
});

test('a built plan naming a sheet the skeleton did not: probed in a sync of its own, then written as a plain apply would', async () => {
  const { fake, port } = await workbook();
  fake.sheets.get('B')!.protected = true;
  const before = port.syncCount;
  await port.applyBuilt({ read: { ranges: [{ sheet: 'A', address: 'A1' }] }, probe: cells('A', ''), build: () => cells('B', 'two') });
  // read + probe of B + write: B's protection lifted for the write and put back, as the probe told.
  expect(port.syncCount - before).toBe(3);
  expect((await port.read({ ranges: [{ sheet: 'B', address: 'A1' }] })).ranges[0]!.values).toEqual([['two']]);
  expect(fake.sheets.get('B')!.protected).toBe(true);
});

/**
 * What the replace guard (taskpane/model/replaceCheck.ts) costs in Excel, on the recording fake: the read of the
 * target sheet with the binding record before Open from server and Create, counted in syncs, with the write
 * after it. `applyUnlessLoss` makes the read and the write one port call (the apply's probe rides on the read's
 * first sync): Create is 2 syncs into a new workbook as before the guard, 3 over the bound sheet; Open 2 / 3.
 * `checkTarget` alone is the read an action makes before asking the person.
 */
import { readAssessment } from '../../src/domain';
import { resultInputs } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { applyUnlessLoss, checkTarget } from '../../src/taskpane/model/replaceCheck';
import { requireColumn } from '../../src/workbook';
import { emptyServerLink } from '../../src/taskpane/model/serverLink';
import { benchAssessmentDoc, benchResults, seededRandom } from '../bench/generate';
import { FakeExcel } from './fakeExcel';

const rows = 1000;
const document = benchAssessmentDoc(rows);
const read = readAssessment(document);
if (!read.ok) throw new Error('the generated assessment does not read');
const assessment = read.value;
const inputs = resultInputs(assessment, { results: benchResults(rows, seededRandom(rows)) });
const server = { ...emptyServerLink(), target: { aid: assessment.id, round: 6, unit: 'u1' } };

/** Round trips the port made, a failed one (a sheet not found) included: it costs the same wait. */
async function syncsOf(port: OfficeWorkbookPort, work: () => Promise<unknown>): Promise<number> {
  const from = port.syncCount;
  await work();
  return port.syncCount - from;
}

test('open from the server: as before the guard, 4 syncs over a sheet (was apply 2 + record write 2), 3 into a new workbook', async () => {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { plan, binding } = kpiSheetPlan({ assessment, document, inputs, server });
  // Before: the plan, then the record again with the link.
  const before = await syncsOf(port, async () => {
    await port.apply(kpiSheetPlan({ assessment, document, inputs }).plan);
    await port.writeBinding({ ...binding, server });
  });
  expect(before).toBe(4);
  const fresh = new FakeExcel('1.9');
  const freshPort = new OfficeWorkbookPort(fresh);
  expect(
    await syncsOf(freshPort, async () => {
      const now = await checkTarget(freshPort, plan);
      expect(now.losses).toEqual([]);
      await freshPort.apply(plan);
    }),
  ).toBe(3);
  expect(
    await syncsOf(port, async () => {
      const now = await checkTarget(port, plan);
      expect(now.losses).toEqual([]);
      await port.apply(plan);
    }),
  ).toBe(4);
});

test('create: the guard read costs 1 sync in a new workbook, 2 over an existing sheet', async () => {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { plan } = kpiSheetPlan({ assessment, document });
  expect(await syncsOf(port, () => port.apply(plan))).toBe(2);
  const fresh = new FakeExcel('1.9');
  const freshPort = new OfficeWorkbookPort(fresh);
  expect(await syncsOf(freshPort, () => checkTarget(freshPort, plan))).toBe(1);
  expect(await syncsOf(port, () => checkTarget(port, plan))).toBe(2);
});

test('create, guarded: 2 syncs into a new workbook (as before the guard, was 3), 3 over the bound sheet (was 4)', async () => {
  const { plan, layout } = kpiSheetPlan({ assessment, document });
  const fresh = new OfficeWorkbookPort(new FakeExcel('1.9'));
  let tried: Awaited<ReturnType<typeof applyUnlessLoss>> | undefined;
  expect(await syncsOf(fresh, async () => (tried = await applyUnlessLoss(fresh, plan)))).toBe(2);
  expect(tried?.written).toBe(true);
  // Created again over itself (the pane knows it bound): measured with the probe, read, written.
  expect(await syncsOf(fresh, async () => (tried = await applyUnlessLoss(fresh, plan, { existing: true })))).toBe(3);
  expect(tried?.written).toBe(true);
  // A guess gone stale (the sheet renamed) costs the failed sync, then the new-workbook way.
  const other = kpiSheetPlan({ assessment, document, layout: { sheet: 'KPI 2', table: 'ScorebookKPI_KPI_2' } }).plan;
  expect(await syncsOf(fresh, async () => (tried = await applyUnlessLoss(fresh, other, { existing: true })))).toBe(1 + 2);
  expect(tried?.written).toBe(true);
  expect(layout.sheet).not.toBe('KPI 2');
});

test('create, guarded, over typed results: nothing is written, the loss said, events left on (2 syncs, the read)', async () => {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { plan, layout } = kpiSheetPlan({ assessment, document });
  await port.apply(plan);
  const first = layout.rows.find((r) => r.indicator.kind === 'quantitative')!;
  await port.apply({
    title: 'typed',
    ops: [{ kind: 'cells', sheet: layout.sheet, topLeft: `${requireColumn(layout, 'result').letter}${first.row}`, contents: [[97]] }],
  });
  let tried: Awaited<ReturnType<typeof applyUnlessLoss>> | undefined;
  expect(await syncsOf(port, async () => (tried = await applyUnlessLoss(port, plan, { existing: true })))).toBe(2);
  expect(tried?.written).toBe(false);
  expect(tried?.now.losses[0]?.results).toEqual([first.indicator.id]);
  expect(fake.eventsEnabled).toBe(true);
  const after = await port.read({ ranges: [{ sheet: layout.sheet, address: `${requireColumn(layout, 'result').letter}${first.row}` }] });
  expect(after.ranges[0]?.values).toEqual([[97]]);
});

test('open from the server, guarded: 2 syncs into a new workbook (was 3), 3 over the linked sheet (was 4)', async () => {
  const { plan } = kpiSheetPlan({ assessment, document, inputs, server });
  const fresh = new OfficeWorkbookPort(new FakeExcel('1.9'));
  expect(await syncsOf(fresh, async () => expect((await applyUnlessLoss(fresh, plan)).written).toBe(true))).toBe(2);
  // Opened again over the sheet it linked (the server's values, nothing typed since): one sync less than read + apply.
  expect(await syncsOf(fresh, async () => expect((await applyUnlessLoss(fresh, plan, { existing: true })).written).toBe(true))).toBe(3);
});

/**
 * What the replace guard (taskpane/model/replaceCheck.ts) costs in Excel, on the recording fake: the read of the
 * target sheet with the binding record before Open from server and Create, counted in syncs, with the write
 * after it. Open writes the server link with the record in its one plan, so it costs no more than the apply plus
 * the separate record write it made before; Create pays for the read.
 */
import { readAssessment } from '../../src/domain';
import { resultInputs } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { checkTarget } from '../../src/taskpane/model/replaceCheck';
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
  expect(await syncsOf(freshPort, async () => {
    const now = await checkTarget(freshPort, plan);
    expect(now.losses).toEqual([]);
    await freshPort.apply(plan);
  })).toBe(3);
  expect(await syncsOf(port, async () => {
    const now = await checkTarget(port, plan);
    expect(now.losses).toEqual([]);
    await port.apply(plan);
  })).toBe(4);
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

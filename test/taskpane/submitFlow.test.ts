/**
 * The Server tab's submit sequence (submitFlow.ts) on the Office workbook port over the recording fake of Excel,
 * with the real API client and a fake server: "Submit all" leaves every row accepted, remembered as confirmed and
 * its status written, nothing pending; and keeping the batches in the workbook costs the same Excel syncs however
 * many batches the rows make.
 */
import { ScorebookClient } from '../../src/api/client';
import { readAssessment } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { readLink, readSheet } from '../../src/taskpane/linkedSheet';
import { statusTexts } from '../../src/taskpane/model/statusColumn';
import { WorkbookPendingStore } from '../../src/taskpane/model/workbookPendingStore';
import { planSubmit, sendAndRecord, sendRows } from '../../src/taskpane/submitFlow';
import { kpiLayout, requireColumn, type BindingRecord } from '../../src/workbook';
import { FakeServer, session } from '../api/fakeServer';
import { FakeExcel } from '../office/fakeExcel';
import { openedSheet } from './paneSheets';

const N = 12;
const target = { aid: 'flow', round: 6, unit: 'pte' };
const documentOf = (n: number) => ({
  format: 'scorebook/assessment@1',
  id: 'flow',
  title: 'flow',
  fiscalYear: 2567,
  scale: 'five-level',
  indicators: Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    name: `ตัวชี้วัด ${i + 1}`,
    weight: 1,
    kind: 'quantitative',
    targets: [50, 60, 70, 80, 90],
  })),
});

async function linkedWorkbook(rows = N): Promise<{
  fake: FakeExcel;
  port: OfficeWorkbookPort;
  client: ScorebookClient;
  server: FakeServer;
  sheet: string;
  binding: BindingRecord;
}> {
  const document = documentOf(rows);
  const read = readAssessment(document);
  if (!read.ok) throw new Error('assessment does not read');
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  // Opened from the server before anything was reported, then every result typed (pasted down the column).
  const { binding } = await openedSheet(port, document, target);
  const layout = kpiLayout(read.value);
  const result = requireColumn(layout, 'result').letter;
  fake.userEdit(
    binding.sheet,
    `${result}${layout.firstDataRow}:${result}${layout.firstDataRow + rows - 1}`,
    Array.from({ length: rows }, (_, i) => [55 + (i % 40)]),
  );
  const server = new FakeServer();
  let n = 0;
  const client = new ScorebookClient({
    baseUrl: 'http://scorebook.test',
    fetch: server.fetch,
    pending: new WorkbookPendingStore(port),
    sleep: async () => undefined,
    newKey: () => `k-${++n}`,
  });
  client.useSession(session());
  return { fake, port, client, server, sheet: binding.sheet, binding };
}

test('submit all on the Office port: every row accepted, remembered as confirmed, its status written, nothing pending', async () => {
  const { port, client } = await linkedWorkbook();
  const plan = await planSubmit(port, 'all');
  if (plan.kind !== 'send') throw new Error(`expected rows to send, got ${plan.kind}`);
  expect(plan.rows).toHaveLength(N);
  const steps: string[] = [];
  const report = await sendRows(client, port, plan.target, plan.rows, 'en', { onStep: (s) => steps.push(s) });
  expect(report.outcomes.every((o) => o.outcome === 'accepted')).toBe(true);
  expect(steps).toEqual(['answered', 'remembered', 'written']);
  const after = await readSheet(port);
  expect([...statusTexts(after.grid, after.reading).values()]).toEqual(Array(N).fill('accepted (version 1)'));
  expect(Object.values(after.link.rows).map((r) => [r.version, r.status])).toEqual(Array(N).fill([1, 'submitted']));
  expect(after.link.pending).toEqual([]);
});

test('keeping the batches in the workbook takes the same Excel syncs for 12 batches as for one', async () => {
  const syncsFor = async (batchSize: number): Promise<number> => {
    const { fake, client, server } = await linkedWorkbook();
    const from = fake.syncs.length;
    const rows = Array.from({ length: N }, (_, i) => ({ indicatorId: String(i + 1), value: 55 + i, baseVersion: 0 }));
    const report = await client.submitRows(target, rows, { action: 'submit', batchSize });
    expect(report.outcomes.every((o) => o.outcome === 'accepted')).toBe(true);
    expect(server.requests).toHaveLength(N / batchSize);
    return fake.syncs.length - from;
  };
  expect(await syncsFor(1)).toBe(await syncsFor(N));
});

test('"Submit all" of 1,000 rows costs 6 Excel syncs: read 2, keep pending 2, then forget, remember and statuses in one read-and-write 2', async () => {
  const { fake, port, client, sheet, binding } = await linkedWorkbook(1_000);
  const from = fake.syncs.length;
  const at: Record<string, number> = {};
  // The pane passes the record its session read of the bound sheet (App → ServerPanel → SubmitChanged), so one
  // read has both, without the formula columns.
  const plan = await planSubmit(port, 'all', binding);
  at.read = fake.syncs.length - from;
  if (plan.kind !== 'send') throw new Error(`expected rows to send, got ${plan.kind}`);
  const report = await sendRows(client, port, plan.target, plan.rows, 'en', { onStep: (s) => (at[s] = fake.syncs.length - from) });
  expect(report.outcomes.filter((o) => o.outcome === 'accepted')).toHaveLength(1_000);
  // Each step's count is fixed whatever the rows; a regression here is a round trip more per click in Excel.
  expect(at).toEqual({ read: 2, answered: 4, remembered: 6, written: 6 });
  const after = await readSheet(port, sheet);
  expect(after.link.pending).toEqual([]);
  expect(Object.keys(after.link.rows)).toHaveLength(1_000);
}, 30_000);

test.each([
  [100, { read: 2, answered: 4, remembered: 6, written: 6 }],
  // The whole sheet is above one read's response budget here; the columns the submit reads are not.
  [10_000, { read: 2, answered: 4, remembered: 6, written: 6 }],
])(
  '"Submit all" of %i rows: the same steps, syncs by the sheet\'s bytes only',
  async (rows, expected) => {
    const { fake, port, client, sheet, binding } = await linkedWorkbook(rows);
    const from = fake.syncs.length;
    const at: Record<string, number> = {};
    const plan = await planSubmit(port, 'all', binding);
    at.read = fake.syncs.length - from;
    if (plan.kind !== 'send') throw new Error(`expected rows to send, got ${plan.kind}`);
    const report = await sendRows(client, port, plan.target, plan.rows, 'en', { onStep: (s) => (at[s] = fake.syncs.length - from) });
    expect(report.outcomes.filter((o) => o.outcome === 'accepted')).toHaveLength(rows);
    expect(at).toEqual(expected);
    const after = await readSheet(port, sheet);
    expect(after.link.pending).toEqual([]);
    expect([...statusTexts(after.grid, after.reading).values()].filter((t) => t === 'accepted (version 1)')).toHaveLength(rows);
  },
  120_000,
);

test('a bound sheet the pane knew under another name: the sheet the record names is read instead', async () => {
  const { port, client, sheet } = await linkedWorkbook();
  const plan = await planSubmit(port, 'all', 'renamed since');
  if (plan.kind !== 'send') throw new Error(`expected rows to send, got ${plan.kind}`);
  expect(plan.rows).toHaveLength(N);
  await sendRows(client, port, plan.target, plan.rows, 'en');
  const after = await readSheet(port, sheet);
  expect([...statusTexts(after.grid, after.reading).values()]).toEqual(Array(N).fill('accepted (version 1)'));
});

test('resending what a dropped submit left pending: forgetting, remembering and the statuses are one read-and-write (3 syncs)', async () => {
  const { fake, port, client, server, sheet } = await linkedWorkbook();
  server.defaultFault = 'drop-request';
  const plan = await planSubmit(port, 'all', sheet);
  if (plan.kind !== 'send') throw new Error(`expected rows to send, got ${plan.kind}`);
  const first = await sendRows(client, port, plan.target, plan.rows, 'en');
  expect(first.outcomes.every((o) => o.outcome === 'pending')).toBe(true);

  server.defaultFault = 'ok';
  const { link } = await readLink(port);
  const sent = link.pending.flatMap((b) => b.body.rows);
  const at: Record<string, number> = {};
  const from = fake.syncs.length;
  const report = await sendAndRecord(client, port, sent, () => client.resendPending(), 'en', {
    onStep: (s) => (at[s] = fake.syncs.length - from),
  });
  expect(report.outcomes.every((o) => o.outcome === 'accepted')).toBe(true);
  expect(at.remembered! - at.answered!).toBe(3);
  const after = await readSheet(port, sheet);
  expect(after.link.pending).toEqual([]);
  expect([...statusTexts(after.grid, after.reading).values()]).toEqual(Array(N).fill('accepted (version 1)'));
});

test('the write after the answers fails: the batches stay kept and no status is written; the next write of the store forgets them', async () => {
  const { port, client, sheet } = await linkedWorkbook();
  const plan = await planSubmit(port, 'all', sheet);
  if (plan.kind !== 'send') throw new Error(`expected rows to send, got ${plan.kind}`);
  let answered = false;
  const apply = port.apply.bind(port);
  const built = port.applyBuilt.bind(port);
  jest.spyOn(port, 'apply').mockImplementation(async (p, onProgress) => {
    if (answered) throw new Error('Excel went away');
    return apply(p, onProgress);
  });
  jest.spyOn(port, 'applyBuilt').mockImplementation(async (update, onProgress) => {
    if (answered) throw new Error('Excel went away');
    return built(update, onProgress);
  });
  await expect(sendRows(client, port, plan.target, plan.rows, 'en', { onStep: (s) => (answered ||= s === 'answered') })).rejects.toThrow(
    'Excel went away',
  );
  jest.restoreAllMocks();
  const kept = await readSheet(port, sheet);
  // Answered but not written down: resent under its key later, which the server answers as before.
  expect(kept.link.pending.flatMap((b) => b.body.rows)).toHaveLength(N);
  expect(Object.keys(kept.link.rows)).toHaveLength(0);
  expect([...statusTexts(kept.grid, kept.reading).values()].filter((t) => t)).toEqual([]);
  await client.pending!.flush();
  expect((await readLink(port)).link.pending).toEqual([]);
});

test('the sheet grew while the batches went: the rectangle read before is not trusted, the sheet is read whole and every status lands', async () => {
  const { fake, port, client, sheet } = await linkedWorkbook();
  const plan = await planSubmit(port, 'all', sheet);
  if (plan.kind !== 'send') throw new Error(`expected rows to send, got ${plan.kind}`);
  const rows = plan.rows;
  let at = 0;
  const report = await sendAndRecord(
    client,
    port,
    rows,
    async () => {
      const result = await client.submitRows(plan.target, rows, { action: 'submit' });
      // Typed below the table meanwhile: the used range is taller than the one planSubmit read.
      await port.apply({ title: 'typed', ops: [{ kind: 'cells', sheet, topLeft: 'B400', contents: [['a note']] }] });
      at = fake.syncs.length;
      return result;
    },
    'en',
  );
  expect(report.outcomes.every((o) => o.outcome === 'accepted')).toBe(true);
  // The one-sync read found the size changed and built nothing; then the sheet read whole with the write (2 + 1).
  expect(fake.syncs.length - at).toBe(1 + 3);
  const after = await readSheet(port, sheet);
  expect([...statusTexts(after.grid, after.reading).values()]).toEqual(Array(N).fill('accepted (version 1)'));
  expect(after.link.pending).toEqual([]);
  expect(after.grid.values.flat()).toContain('a note');
});

test('a record whose columns are out of date: a column the reading needs was left out, so the sheet is read again whole and the same rows go', async () => {
  const { fake, port, binding } = await linkedWorkbook(100);
  const whole = await planSubmit(port, 'all', binding.sheet);
  if (whole.kind !== 'send') throw new Error(`expected rows to send, got ${whole.kind}`);
  // As if the record named the result column as a score column: the first read leaves it out below the head.
  const stale = { ...binding, columns: { id: binding.columns.id, score: binding.columns.result } };
  const from = fake.syncs.length;
  const plan = await planSubmit(port, 'all', stale);
  if (plan.kind !== 'send') throw new Error(`expected rows to send, got ${plan.kind}`);
  expect(plan.rows).toEqual(whole.rows);
  expect(plan.rows.every((r) => typeof r.value === 'number')).toBe(true);
  // The guessed read (2), then the sheet whole (2).
  expect(fake.syncs.length - from).toBe(4);
});

test('a sheet within its head is read in one sync with the record', async () => {
  const { fake, port, binding } = await linkedWorkbook();
  const from = fake.syncs.length;
  const plan = await planSubmit(port, 'all', binding);
  expect(plan.kind).toBe('send');
  expect(fake.syncs.length - from).toBe(1);
});

/**
 * Pending batches kept in the workbook (the binding record's server link, through the port): a batch the
 * server never confirmed survives the pane closing, and the next pane resends it under the same key.
 */
import { ScorebookClient } from '../../src/api/client';
import { BINDING_SHEET, readBindingRows } from '../../src/workbook';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { readServerLink, SERVER_LINK_FORMAT } from '../../src/taskpane/model/serverLink';
import { pendingRowsOf, refusedOf } from '../../src/taskpane/submitFlow';
import { WorkbookPendingStore } from '../../src/taskpane/model/workbookPendingStore';
import { FakeServer, rows, session } from '../api/fakeServer';
import { createdSheet } from './paneSheets';
import { sample } from './sheetGrid';

const target = { aid: 'pte-2567', round: 6, unit: 'pte' };

async function boundWorkbook(): Promise<PreviewWorkbook> {
  const wb = new PreviewWorkbook();
  const pte = sample('pte-2567');
  await createdSheet(wb, pte);
  return wb;
}

/** Applies that write the binding record from now on (the store writes it in a plan of its own, not by writeBinding). */
function bindingWrites(wb: PreviewWorkbook): () => number {
  const apply = jest.spyOn(wb, 'apply');
  return () => apply.mock.calls.filter(([plan]) => plan.ops.some((op) => 'sheet' in op && op.sheet === BINDING_SHEET)).length;
}

function client(server: FakeServer, wb: PreviewWorkbook, keyPrefix: string): ScorebookClient {
  let n = 0;
  const c = new ScorebookClient({
    baseUrl: 'http://scorebook.test',
    fetch: server.fetch,
    pending: new WorkbookPendingStore(wb),
    sleep: async () => undefined,
    retry: { retries: 1 },
    newKey: () => `${keyPrefix}-${++n}`,
  });
  c.useSession(session());
  return c;
}

test('a batch the server never confirmed stays in the workbook and is resent with its key by the next pane', async () => {
  const wb = await boundWorkbook();
  const server = new FakeServer().script('ok', 'drop-response');
  server.defaultFault = 'drop-request';
  const first = await client(server, wb, 'k').submitRows(target, rows(5), { action: 'submit', batchSize: 2 });
  expect(first.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'pending', 'pending', 'pending']);

  // What the file would save: the binding sheet's cells, read back as a reopened file reads them.
  const saved = readBindingRows((await wb.read({ ranges: [{ sheet: BINDING_SHEET }] })).ranges[0]!.values);
  if (!saved.ok) throw new Error('binding record unreadable');
  const link = readServerLink(saved.value.server);
  expect(link.ok && link.value.format).toBe(SERVER_LINK_FORMAT);
  expect(link.ok && link.value.pending.map((b) => [b.key, b.body.rows.map((r) => r.indicatorId)])).toEqual([
    ['k-2', ['3', '4']],
    ['k-3', ['5']],
  ]);

  // A new pane (new store, new client) on the same workbook, the server back up.
  server.defaultFault = 'ok';
  const second = client(server, wb, 'never');
  const resent = await second.resendPending();
  expect(resent.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
  expect(server.requests.slice(-2).map((r) => r.key)).toEqual(['k-2', 'k-3']);
  for (const id of ['1', '2', '3', '4', '5']) expect(server.writes(id)).toBe(1);
  expect(await second.pending.list()).toEqual([]);
  // The rest of the binding record is untouched.
  const after = await wb.readBinding();
  expect(after?.ok && after.value.sheet).toBe('KPI');
});

const batch = (key: string) => ({ key, target, body: { action: 'save' as const, rows: rows(1) }, createdAt: '2024-03-25T03:00:00Z' });

/** The pending keys the file itself holds, as a reopened file reads them. */
async function keysInFile(wb: PreviewWorkbook): Promise<string[]> {
  const read = await wb.readBinding();
  const link = read?.ok ? readServerLink(read.value.server) : undefined;
  return link?.ok ? link.value.pending.map((b) => b.key) : [];
}

test('concurrent removals from one store never lose each other', async () => {
  const wb = await boundWorkbook();
  const store = new WorkbookPendingStore(wb);
  await store.add([batch('a'), batch('b'), batch('c')]);
  await store.add([batch('b')]);
  await Promise.all([store.remove('a'), store.remove('c')]);
  expect((await store.list()).map((b) => b.key)).toEqual(['b']);
  await store.flush();
  expect(await keysInFile(wb)).toEqual(['b']);
});

test('a submit of many batches writes the binding record twice: the batches before sending, the confirmed ones after', async () => {
  const wb = await boundWorkbook();
  const writeBinding = bindingWrites(wb);
  const report = await client(new FakeServer(), wb, 'k').submitRows(target, rows(5), { action: 'submit', batchSize: 1 });
  expect(report.outcomes.map((o) => o.outcome)).toEqual(Array(5).fill('accepted'));
  expect(writeBinding()).toBe(2);
  expect(await keysInFile(wb)).toEqual([]);
});

test('a batch confirmed but not yet forgotten in the file (pane closed) is resent under its key and stored once', async () => {
  const wb = await boundWorkbook();
  const server = new FakeServer();
  const first = client(server, wb, 'k');
  await first.pending.add([{ ...batch('k-1'), body: { action: 'submit', rows: rows(1) } }]);
  await first.postBatch(target, { action: 'submit', rows: rows(1) }, 'k-1');
  await first.pending.remove('k-1');
  expect(await first.pending.list()).toEqual([]);
  // The pane closes before the removal is written: the file still holds the batch.
  expect(await keysInFile(wb)).toEqual(['k-1']);
  const resent = await client(server, wb, 'never').resendPending();
  expect(resent.outcomes.map((o) => o.outcome)).toEqual(['accepted']);
  expect(server.requests.map((r) => r.key)).toEqual(['k-1', 'k-1']);
  expect(server.writes('1')).toBe(1);
  expect(await keysInFile(wb)).toEqual([]);
});

test('a workbook without a binding record refuses to keep batches, so none is sent unkept', async () => {
  const server = new FakeServer();
  const c = client(server, new PreviewWorkbook(), 'k');
  await expect(c.submitRows(target, rows(1), { action: 'save' })).rejects.toMatchObject({ code: 'binding-missing' });
  expect(server.requests).toEqual([]);
});

test('a server link of a newer format is reported, not overwritten', () => {
  const read = readServerLink({ format: 'scorebook/server-link@2', rows: {}, pending: [] });
  expect(read.ok).toBe(false);
  expect(!read.ok && read.issues[0]?.message.en).toContain('update Scorebook');
});

test("sendThenUpdate: a send's removals and the link change go in one write; a send that throws still flushes", async () => {
  const wb = await boundWorkbook();
  const store = new WorkbookPendingStore(wb);
  let n = 0;
  const c = new ScorebookClient({
    baseUrl: 'http://scorebook.test',
    fetch: new FakeServer().fetch,
    pending: store,
    sleep: async () => undefined,
    newKey: () => `k-${++n}`,
  });
  c.useSession(session());
  const writes = bindingWrites(wb);
  const done = await store.sendThenUpdate(
    () => c.submitRows(target, rows(4), { action: 'submit', batchSize: 2 }),
    (link, report) => ({ ...link, rows: { ...link.rows, seen: { version: report.outcomes.length, value: null, status: 'submitted' } } }),
  );
  // One write to keep the batches before sending, one to forget them with the change.
  expect(writes()).toBe(2);
  expect(done.before.pending).toEqual([]);
  expect(done.after.rows.seen?.version).toBe(4);
  const saved = await wb.readBinding();
  const link = readServerLink(saved?.ok ? saved.value.server : undefined);
  expect(link.ok && [link.value.pending, link.value.rows.seen?.version]).toEqual([[], 4]);

  // Removals kept by a send that then throws are not left to the next write: they are flushed as before.
  await store.add([{ key: 'x', target, body: { action: 'submit', rows: rows(1) }, createdAt: '2024-01-01T00:00:00Z' }]);
  await expect(
    store.sendThenUpdate(
      async () => {
        await store.remove('x');
        throw new Error('boom');
      },
      (l) => l,
    ),
  ).rejects.toThrow('boom');
  const again = await wb.readBinding();
  const kept = readServerLink(again?.ok ? again.value.server : undefined);
  expect(kept.ok && kept.value.pending).toEqual([]);
});

test('a batch the server refused as a whole stays in the workbook marked with its message; no pane resends it, and it is not counted as pending', async () => {
  const wb = await boundWorkbook();
  const server = new FakeServer().script({ status: 400, code: 'invalid_request' });
  const first = await client(server, wb, 'r').submitRows(target, rows(3), { action: 'submit', batchSize: 2 });
  expect(first.outcomes.map((o) => o.outcome)).toEqual(['refused', 'refused', 'accepted']);

  const saved = readBindingRows((await wb.read({ ranges: [{ sheet: BINDING_SHEET }] })).ranges[0]!.values);
  if (!saved.ok) throw new Error('binding record unreadable');
  const link = readServerLink(saved.value.server);
  if (!link.ok) throw new Error('server link unreadable');
  expect(link.value.pending.map((b) => [b.key, b.refused?.status, b.refused?.code])).toEqual([['r-1', 400, 'invalid_request']]);
  expect(link.value.pending[0]?.refused?.message.th).toMatch(/[ก-๙]/);
  expect(pendingRowsOf(link.value)).toBe(0);
  expect(refusedOf(link.value).map((b) => b.key)).toEqual(['r-1']);

  const second = client(server, wb, 'never');
  const posts = server.requests.length;
  expect((await second.resendPending()).outcomes).toEqual([]);
  expect(server.requests.length).toBe(posts);
  // Removed when the person says so (the pane's "remove from the file").
  await second.pending.remove('r-1');
  await second.pending.flush();
  expect(await second.pending.list()).toEqual([]);
});

/** The CLI's pending batches beside the workbook: kept per server, written whole or not at all, gone when empty. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PendingBatch } from '../../src/api/pending';
import { FilePendingStore, PendingFileError, pendingFileOf } from '../../src/cli/filePendingStore';

const dir = mkdtempSync(join(tmpdir(), 'scorebook-pending-'));
let n = 0;
const fresh = () => pendingFileOf(join(dir, `kpi-${++n}.xlsx`));
const batch = (key: string): PendingBatch => ({
  key,
  target: { aid: 'pte-2567', round: 6, unit: 'pte' },
  body: { action: 'submit', rows: [{ indicatorId: '1', value: 88, baseVersion: 0 }] },
  createdAt: '2024-03-25T03:00:00.000Z',
});

test('the file sits beside the workbook', () => {
  expect(pendingFileOf('/data/kpi.xlsx')).toBe('/data/kpi.xlsx.scorebook-pending.json');
});

test('batches survive a new store on the same file (a new process), in order, and the file goes when empty', async () => {
  const path = fresh();
  await new FilePendingStore(path, 'https://a.example').add([batch('k1'), batch('k2')]);
  await new FilePendingStore(path, 'https://a.example').add([batch('k2')]);
  const later = new FilePendingStore(path, 'https://a.example/');
  expect((await later.list()).map((b) => b.key)).toEqual(['k1', 'k2']);
  expect(await later.list()).toEqual([batch('k1'), batch('k2')]);
  await later.remove('k1');
  await later.remove('unknown');
  expect((await later.list()).map((b) => b.key)).toEqual(['k2']);
  await later.remove('k2');
  expect(existsSync(path)).toBe(false);
  expect(await later.list()).toEqual([]);
});

test("another server's batches are neither listed nor removed, and keep the file", async () => {
  const path = fresh();
  await new FilePendingStore(path, 'https://a.example').add([batch('a1')]);
  const b = new FilePendingStore(path, 'https://b.example');
  await b.add([batch('b1')]);
  expect((await b.list()).map((x) => x.key)).toEqual(['b1']);
  await b.remove('a1');
  await b.remove('b1');
  expect((await new FilePendingStore(path, 'https://a.example').list()).map((x) => x.key)).toEqual(['a1']);
  expect(existsSync(path)).toBe(true);
});

test('concurrent removals from one store never lose each other, and no temporary file is left', async () => {
  const path = fresh();
  const store = new FilePendingStore(path, 'https://a.example');
  await store.add([batch('a'), batch('b'), batch('c')]);
  await Promise.all([store.remove('a'), store.remove('c')]);
  expect((await store.list()).map((b) => b.key)).toEqual(['b']);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
    format: 'scorebook/pending@1',
    batches: [{ server: 'https://a.example', batch: { key: 'b' } }],
  });
});

test('a file that is not pending batches is said with its path and left as it is', async () => {
  const path = fresh();
  writeFileSync(path, '{"oops"');
  const store = new FilePendingStore(path, 'https://a.example');
  const error = await store.list().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PendingFileError);
  expect((error as PendingFileError).userMessage.th).toContain(path);
  await expect(store.add([batch('x')])).rejects.toBeInstanceOf(PendingFileError);
  expect(readFileSync(path, 'utf8')).toBe('{"oops"');
});

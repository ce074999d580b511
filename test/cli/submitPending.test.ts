/**
 * `scorebook submit` keeps what it could not confirm beside the workbook: a run cut off by a lost connection
 * leaves the file, and the next run resends those batches first under their keys — the server holds each row
 * once — then removes the file. Against the real server (buildApp on in-memory PGlite, on a port).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScorebookClient } from '../../src/api/client';
import type { SubmitArgs } from '../../src/cli/submitCommand';
import { pendingFileOf } from '../../src/cli/filePendingStore';
import { writeTemplate } from '../../src/cli/xlsx/writeTemplate';
import { readAssessment } from '../../src/domain';
import { AID, fixtureAssessment } from '../server/fixtures';
import { listenOnLoopback, useHarness } from '../server/harness';
import { submitInProcess } from './submitInProcess';

jest.setTimeout(60_000);

const h = useHarness('memory');
let server: string;
const dir = mkdtempSync(join(tmpdir(), 'scorebook-submit-pending-'));
const target = { aid: AID, round: 6, unit: 'pte' };
const results = { '1': 88, '3': [true, true, false, false, false], '4.1': 3 };

beforeAll(async () => {
  server = await listenOnLoopback(h.app);
});

async function filledTemplate(name: string, values: Record<string, unknown>): Promise<string> {
  const document = fixtureAssessment();
  const read = readAssessment(document);
  if (!read.ok) throw new Error('fixture does not read');
  const file = join(dir, name);
  await writeTemplate(read.value, { document, results: { results: values as never } }, file);
  return file;
}

/** The batch posts a run made (their keys), and how the network behaves for them. */
function network(mode: 'up' | 'answers lost' | 'down') {
  const keys: string[] = [];
  const fetchFn = async (url: string, init: RequestInit): Promise<Response> => {
    const isBatch = init.method === 'POST' && url.endsWith('/reports');
    if (isBatch) keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
    if (isBatch && mode === 'down') throw new TypeError('fetch failed: connect ECONNREFUSED');
    const response = await fetch(url, init);
    if (isBatch && mode === 'answers lost') {
      await response.text();
      throw new TypeError('fetch failed: socket hang up');
    }
    return response;
  };
  return { fetchFn, keys };
}

const submit = (file: string, fetchFn: SubmitArgs['fetch'], locale: 'th' | 'en' = 'th') =>
  submitInProcess({ file, server, locale, fetch: fetchFn, sleep: async () => undefined });

async function stored() {
  const c = new ScorebookClient({ baseUrl: server });
  await c.signIn('pte.reporter', 'pw');
  return (await c.listReports(target)).map((r) => [r.indicatorId, r.version, r.status]);
}

async function submitEvents(): Promise<string[]> {
  const rows = await h.db.selectFrom('audit_events').select('indicator_id').where('action', '=', 'report.submit').execute();
  return rows.map((r) => r.indicator_id ?? '').sort();
}

test('a run whose answers were lost leaves the file; the next run resends under the same key, and each row is stored once', async () => {
  const file = await filledTemplate('lost.xlsx', results);
  const first = network('answers lost');
  const r1 = await submit(file, first.fetchFn);
  expect(r1.code).toBe(1);
  expect(r1.out.every((l) => l.includes('ยังไม่ได้รับการยืนยัน'))).toBe(true);
  expect(r1.err.join('\n')).toContain(pendingFileOf(file));
  const kept = JSON.parse(readFileSync(pendingFileOf(file), 'utf8')) as { batches: { server: string; batch: { key: string } }[] };
  expect(kept.batches.map((b) => [b.server, b.batch.key])).toEqual([[server, first.keys[0]]]);

  const second = network('up');
  const r2 = await submit(file, second.fetchFn, 'en');
  expect(r2.code).toBe(0);
  expect(r2.err[0]).toBe(`resending 3 rows left unconfirmed by an earlier run (${pendingFileOf(file)})`);
  expect(r2.out).toEqual([
    '✔ indicator 1: accepted (version 1)',
    '✔ indicator 3: accepted (version 1)',
    '✔ indicator 4.1: accepted (version 1)',
  ]);
  // One post: the old batch under its old key. The sheet's rows were just stored by it, so they are not sent again.
  expect(second.keys).toEqual([first.keys[0]]);
  expect(existsSync(pendingFileOf(file))).toBe(false);
  expect(await stored()).toEqual([
    ['1', 1, 'submitted'],
    ['3', 1, 'submitted'],
    ['4.1', 1, 'submitted'],
  ]);
  expect(await submitEvents()).toEqual(['1', '3', '4.1']);
});

test('while the server is still out of reach the next run sends nothing new and keeps the file; the run after completes it', async () => {
  const file = await filledTemplate('down.xlsx', results);
  const first = network('down');
  expect((await submit(file, first.fetchFn)).code).toBe(1);
  expect(existsSync(pendingFileOf(file))).toBe(true);

  const second = network('down');
  const r2 = await submit(file, second.fetchFn);
  expect(r2.code).toBe(1);
  expect(r2.err.join('\n')).toContain('จึงยังไม่ส่งแถวใหม่');
  expect(new Set(second.keys)).toEqual(new Set([first.keys[0]]));
  expect(existsSync(pendingFileOf(file))).toBe(true);

  const third = network('up');
  expect((await submit(file, third.fetchFn)).code).toBe(0);
  expect(third.keys).toEqual([first.keys[0]]);
  expect(existsSync(pendingFileOf(file))).toBe(false);
  expect(await stored()).toEqual([
    ['1', 1, 'submitted'],
    ['3', 1, 'submitted'],
    ['4.1', 1, 'submitted'],
  ]);
  expect(await submitEvents()).toEqual(['1', '3', '4.1']);
});

test('a row changed in the sheet since the lost run is sent after the resend, on the version the resend made', async () => {
  const file = await filledTemplate('changed.xlsx', results);
  const first = network('down');
  expect((await submit(file, first.fetchFn)).code).toBe(1);
  await filledTemplate('changed.xlsx', { ...results, '1': 91 });

  const second = network('up');
  const r2 = await submit(file, second.fetchFn);
  expect(r2.code).toBe(0);
  expect(second.keys).toHaveLength(2);
  expect(second.keys[0]).toBe(first.keys[0]);
  expect(r2.out.slice(-1)).toEqual(['✔ ตัวชี้วัด 1: รับแล้ว (รุ่น 2)']);
  expect(await stored()).toEqual([
    ['1', 2, 'submitted'],
    ['3', 1, 'submitted'],
    ['4.1', 1, 'submitted'],
  ]);
});

/** The server refusing the batches sent under these keys as a whole (a 400), and passing every other request on. */
function refusing(keysToRefuse: readonly string[]) {
  const keys: string[] = [];
  const fetchFn = async (url: string, init: RequestInit): Promise<Response> => {
    const key = init.method === 'POST' && url.endsWith('/reports') ? (new Headers(init.headers).get('idempotency-key') ?? '') : undefined;
    if (key !== undefined) keys.push(key);
    if (key !== undefined && keysToRefuse.includes(key)) {
      const error = {
        code: 'invalid_request',
        message: 'the body is not valid: body.rows.0.remarks: too long',
        messageTh: 'ข้อมูลที่ส่งมา (body) ไม่ถูกต้อง: body.rows.0.remarks',
      };
      return new Response(JSON.stringify({ error }), { status: 400, headers: { 'content-type': 'application/json' } });
    }
    return fetch(url, init);
  };
  return { fetchFn, keys };
}

test('a pending batch the server then refuses as a whole is kept, marked refused, shown on every run and never resent; new rows still go; --forget-refused drops it', async () => {
  const file = await filledTemplate('refused.xlsx', results);
  const first = network('answers lost');
  expect((await submit(file, first.fetchFn)).code).toBe(1);
  const poisoned = first.keys[0]!;

  // The resend is refused: marked in the file with the server's words. (The lost answers had been applied, so
  // the sheet's rows are on the server already and nothing new goes.)
  const second = refusing([poisoned]);
  const r2 = await submit(file, second.fetchFn, 'en');
  expect(r2.code).toBe(1);
  expect(second.keys).toEqual([poisoned]);
  expect(r2.err.join('\n')).toContain('the server refused 1 batches as a whole');
  expect(r2.err.join('\n')).toContain('HTTP 400 invalid_request: the body is not valid: body.rows.0.remarks');
  expect(r2.err.join('\n')).toContain('--forget-refused');
  const kept = JSON.parse(readFileSync(pendingFileOf(file), 'utf8')) as {
    batches: { batch: { key: string; refused?: { code: string; status: number } } }[];
  };
  expect(kept.batches.map((b) => [b.batch.key, b.batch.refused?.status, b.batch.refused?.code])).toEqual([
    [poisoned, 400, 'invalid_request'],
  ]);
  expect(await stored()).toEqual([
    ['1', 1, 'submitted'],
    ['3', 1, 'submitted'],
    ['4.1', 1, 'submitted'],
  ]);

  // The next run neither resends it nor is held back by it, and says it is still there.
  await filledTemplate('refused.xlsx', { ...results, '1': 92 });
  const third = refusing([]);
  const r3 = await submit(file, third.fetchFn, 'en');
  expect(r3.code).toBe(0);
  expect(third.keys).toHaveLength(1);
  expect(third.keys[0]).not.toBe(poisoned);
  expect(r3.err.join('\n')).toContain('the server refused 1 batches as a whole');
  expect(existsSync(pendingFileOf(file))).toBe(true);

  // Dropped on request, said once; the file goes with it.
  const fourth = refusing([]);
  const r4 = await submitInProcess({
    file,
    server,
    locale: 'en',
    fetch: fourth.fetchFn,
    sleep: async () => undefined,
    forgetRefused: true,
  });
  expect(r4.code).toBe(0);
  expect(r4.err.join('\n')).toContain(`dropped 1 refused batches from ${pendingFileOf(file)}`);
  expect(r4.err.join('\n')).not.toContain('refused 1 batches as a whole');
  expect(existsSync(pendingFileOf(file))).toBe(false);
  expect(await stored()).toEqual([
    ['1', 2, 'submitted'],
    ['3', 1, 'submitted'],
    ['4.1', 1, 'submitted'],
  ]);
});

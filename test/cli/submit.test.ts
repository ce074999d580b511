/**
 * `scorebook submit` against the real server (buildApp on in-memory PGlite, on a port): a filled template is read,
 * each row based on the server's current version, and each row's outcome printed in Thai or English.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScorebookClient } from '../../src/api/client';
import { outcomeLine, type SubmitArgs } from '../../src/cli/submitCommand';
import { writeTemplate } from '../../src/cli/xlsx/writeTemplate';
import { readAssessment } from '../../src/domain';
import { AID, fixtureAssessment } from '../server/fixtures';
import { listenOnLoopback, useHarness } from '../server/harness';
import { submitInProcess } from './submitInProcess';

jest.setTimeout(60_000);

const h = useHarness('memory');
let server: string;
const dir = mkdtempSync(join(tmpdir(), 'scorebook-submit-'));
const target = { aid: AID, round: 6, unit: 'pte' };

beforeAll(async () => {
  server = await listenOnLoopback(h.app);
});

async function filledTemplate(name: string, results: Record<string, unknown>): Promise<string> {
  const document = fixtureAssessment();
  const read = readAssessment(document);
  if (!read.ok) throw new Error('fixture does not read');
  const file = join(dir, name);
  await writeTemplate(read.value, { document, results: { results: results as never } }, file);
  return file;
}

const submit = (file: string, extra: Partial<SubmitArgs> = {}) => submitInProcess({ file, server, ...extra });

async function signedIn(user: string): Promise<ScorebookClient> {
  const c = new ScorebookClient({ baseUrl: server });
  await c.signIn(user, 'pw');
  return c;
}

const results = { '1': 88, '3': [true, true, false, false, false], '4.1': 3 };

test('every row accepted: one line per row in Thai, exit 0, stored as submitted', async () => {
  const file = await filledTemplate('all.xlsx', results);
  const r = await submit(file);
  expect(r.code).toBe(0);
  expect(r.out).toEqual(['✔ ตัวชี้วัด 1: รับแล้ว (รุ่น 1)', '✔ ตัวชี้วัด 3: รับแล้ว (รุ่น 1)', '✔ ตัวชี้วัด 4.1: รับแล้ว (รุ่น 1)']);
  const stored = await (await signedIn('pte.reporter')).listReports(target);
  expect(stored.map((s) => [s.indicatorId, s.status, s.value])).toEqual([
    ['1', 'submitted', 88],
    // The template writes steps as 1 / 0 (shown ✓ / ✗), so the sheet sends its marks as numbers: the same report.
    ['3', 'submitted', [1, 1, 0, 0, 0]],
    ['4.1', 'submitted', 3],
  ]);
});

test('a changed file bases rows on the server’s versions; a changed approved row is reported locked, exit 1', async () => {
  expect((await submit(await filledTemplate('again.xlsx', results))).code).toBe(0);
  await (await signedIn('pte.approver')).approve(target, '1');
  const r = await submit(await filledTemplate('again2.xlsx', { ...results, '1': 90, '4.1': 4 }), { locale: 'en' });
  expect(r.code).toBe(1);
  expect(r.out).toEqual([
    '✘ indicator 1: locked (approved) — approved by pte.approver on 25 March 2567 BE 10:00',
    '✔ indicator 4.1: accepted (version 2)',
  ]);
  expect(r.err).toContain('1 rows not sent: the server already holds them as they are, in that status');
});

test("a second run of the same file sends nothing: no new versions (a ratio's blank central variable is the server's)", async () => {
  const file = await filledTemplate('twice.xlsx', { ...results, '2': { num: 40 } });
  expect((await submit(file)).code).toBe(0);
  const before = await (await signedIn('pte.reporter')).listReports(target);
  const r = await submit(file, { locale: 'en' });
  expect(r).toMatchObject({ code: 0, out: ['nothing differs from what the server holds'] });
  expect(await (await signedIn('pte.reporter')).listReports(target)).toEqual(before);
});

test('a returned row resubmitted unchanged still goes; a draft saved unchanged does not, nor a submitted row', async () => {
  const file = await filledTemplate('returned.xlsx', results);
  expect((await submit(file)).code).toBe(0);
  await (await signedIn('pte.approver')).returnRow(target, '3', { comment: 'แนบหลักฐานขั้นที่ 2' });
  // save: 1 and 4.1 are submitted and unchanged (a save does not withdraw them); 3 was returned and goes.
  const saved = await submit(file, { action: 'save', locale: 'en' });
  expect(saved.out).toEqual(['✔ indicator 3: accepted (version 3)']);
  // Now a draft: saving again sends nothing; submitting sends it (and only it).
  expect((await submit(file, { action: 'save', locale: 'en' })).out).toEqual(['nothing differs from what the server holds']);
  await (await signedIn('pte.approver')).approve(target, '1');
  const submitted = await submit(file, { locale: 'en' });
  expect(submitted.out).toEqual(['✔ indicator 3: accepted (version 4)']);
  const stored = await (await signedIn('pte.reporter')).listReports(target);
  expect(stored.map((s) => [s.indicatorId, s.status, s.version])).toEqual([
    ['1', 'approved', 2],
    ['3', 'submitted', 4],
    ['4.1', 'submitted', 1],
  ]);
});

test('returned and resubmitted unchanged, with submit: it goes back to the approver', async () => {
  const file = await filledTemplate('resubmit.xlsx', results);
  expect((await submit(file)).code).toBe(0);
  await (await signedIn('pte.approver')).returnRow(target, '4.1', { comment: 'ตรวจสอบตัวเลข' });
  const r = await submit(file, { locale: 'en' });
  expect(r).toMatchObject({ code: 0, out: ['✔ indicator 4.1: accepted (version 3)'] });
  expect((await (await signedIn('pte.reporter')).listReports(target)).find((s) => s.indicatorId === '4.1')?.status).toBe('submitted');
});

test('a row changed by someone else between reading and sending is a conflict naming who and when, not overwritten', async () => {
  const file = await filledTemplate('conflict.xlsx', results);
  const other = await signedIn('pte.reporter');
  let raced = false;
  const racingFetch = async (url: string, init: RequestInit): Promise<Response> => {
    if (init.method === 'POST' && url.endsWith('/reports') && !raced) {
      raced = true;
      await other.submitRows(target, [{ indicatorId: '1', value: 70, baseVersion: 0 }], { action: 'save' });
    }
    return fetch(url, init);
  };
  const r = await submit(file, { fetch: racingFetch });
  expect(r.code).toBe(1);
  expect(r.out[0]).toBe('✘ ตัวชี้วัด 1: ขัดแย้ง — pte.reporter แก้ไขเมื่อ 25 มีนาคม 2567 10:00 น. ค่าบนเซิร์ฟเวอร์ 70 (รุ่น 1)');
  expect(r.out.slice(1)).toEqual(['✔ ตัวชี้วัด 3: รับแล้ว (รุ่น 1)', '✔ ตัวชี้วัด 4.1: รับแล้ว (รุ่น 1)']);
  const stored = await other.listReports(target);
  expect(stored.find((s) => s.indicatorId === '1')?.value).toBe(70);
});

test('a wrong password is said in Thai, exit 1, nothing sent', async () => {
  const file = await filledTemplate('pw.xlsx', results);
  const r = await submit(file, { password: async () => 'wrong' });
  expect(r.code).toBe(1);
  expect(r.err.join('\n')).toContain('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
  expect(await (await signedIn('pte.reporter')).listReports(target)).toEqual([]);
});

test('a closed round is refused plainly, exit 1', async () => {
  const file = await filledTemplate('closed.xlsx', results);
  const r = await submit(file, { round: 9 });
  expect(r.code).toBe(1);
  expect(r.out.every((l) => l.includes('ถูกปฏิเสธ'))).toBe(true);
  expect(r.err.join('\n')).toMatch(/ส่วนกลาง/);
});

test('a user with several units must name one', async () => {
  const file = await filledTemplate('unit.xlsx', results);
  const r = await submit(file, { user: 'central' });
  expect(r.code).toBe(1);
  expect(r.err.join('\n')).toContain('--unit');
});

test('an invalid row prints its issues', () => {
  const line = outcomeLine(
    {
      indicatorId: '2',
      outcome: 'invalid',
      result: {
        indicatorId: '2',
        outcome: 'invalid',
        issues: [{ code: 'x', severity: 'error', message: { th: 'ตัวหารเป็นศูนย์', en: 'zero denominator' } }],
      },
    },
    'th',
  );
  expect(line).toBe('✘ ตัวชี้วัด 2: ไม่ถูกต้อง — ตัวหารเป็นศูนย์');
});

test('the bin: scorebook submit with the password from the environment, --lang en', async () => {
  const file = await filledTemplate('bin.xlsx', { '1': 91 });
  const bin = join(__dirname, '../../bin/scorebook.js');
  const child = spawn(
    process.execPath,
    [bin, 'submit', file, '--server', server, '--user', 'pte.reporter', '--round', '6', '--action', 'save', '--lang', 'en'],
    {
      env: { ...process.env, SCOREBOOK_PASSWORD: 'pw' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect({ code, stdout, stderr }).toMatchObject({ code: 0, stdout: '✔ indicator 1: accepted (version 1)\n' });
});

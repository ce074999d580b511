/**
 * End to end in Chromium against the real reporting API: the browser preview (grid + task pane) and
 * `scorebook serve --demo` on its embedded database in a temporary folder. The reporter signs in from the Server tab,
 * opens the Pathum Thani round, types results and submits (every row accepted, checked through the API); a second
 * client changes rows behind the reporter's back and the reporter's submits meet conflicts, resolved by taking
 * theirs and by keeping mine; the server is killed (SIGKILL) in the middle of a submit — once after it stored the
 * batch but before its answer reached the pane, once before the batch reached it — and restarted on the same data:
 * the batch kept in the workbook is resent under its key and nothing is lost or stored twice (versions and the audit
 * log); the approver returns one row with a comment and approves the
 * rest; the reporter refreshes, sees the comment in the sheet's status column, fixes the row and submits again.
 * Screenshots: test-artifacts/e2e/server-*.png.
 *
 * Run: `npm run test:e2e:server` (needs `apt-get install -y chromium fonts-thai-tlwg`; no browser is downloaded).
 *
 * The pane is driven in Thai (the preview's default language) by role and accessible name; every selector is in the
 * helpers just below, so a change of the pane's wording or layout is mended in one place.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { paths } from '../../src/api/routes';
import {
  ARTIFACTS,
  LONG,
  pickRound as pickAssessmentRound,
  previewWithDemoServer,
  signIn as signInAs,
  type PreviewFixture,
} from './fixture';
import { ApiClient, killHard, type RunningServer, type StoredRow, type Target } from './scorebookServer';

const ROOT = resolve(__dirname, '..', '..');
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'assets', 'samples', 'pte-2567.assessment.json'), 'utf8')) as {
  id: string;
  title: string;
};
/** The demo's open round (6 months) of Pathum Thani. */
const TARGET: Target = { aid: SAMPLE.id, round: 6, unit: 'pte' };

// ---------------------------------------------------------------------------------------------------------------
// The pane, by role and accessible name (Thai UI). Adapt here when the pane changes.
// ---------------------------------------------------------------------------------------------------------------

const pane = {
  serverTab: (p: Page) => p.getByRole('tab', { name: 'เซิร์ฟเวอร์' }),
  serverAddress: (p: Page) => p.getByLabel('ที่อยู่เซิร์ฟเวอร์'),
  username: (p: Page) => p.getByLabel('ชื่อผู้ใช้'),
  password: (p: Page) => p.getByLabel('รหัสผ่าน'),
  signInButton: (p: Page) => p.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }),
  signedIn: (p: Page) => p.getByText(/^เข้าสู่ระบบเป็น /),
  assessmentPicker: (p: Page) => p.getByRole('combobox', { name: 'ชุดตัวชี้วัด' }),
  unitPicker: (p: Page) => p.getByRole('combobox', { name: 'หน่วยงาน' }),
  roundPicker: (p: Page) => p.getByRole('combobox', { name: 'รอบ' }),
  openButton: (p: Page) => p.getByRole('button', { name: 'เปิดชีต', exact: true }),
  opened: (p: Page) => p.getByRole('status').filter({ hasText: /^เปิดชีต .* แล้ว/ }),
  submitButton: (p: Page) => p.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }),
  refreshButton: (p: Page) => p.getByRole('button', { name: 'ดึงสถานะจากเซิร์ฟเวอร์' }),
  resendButton: (p: Page) => p.getByRole('button', { name: /^ส่งที่ค้างอีกครั้ง/ }),
  submitSummary: (p: Page) => p.getByTestId('submit-summary'),
  /** One row's outcome in the pane's list ("5: รับแล้ว …"). */
  outcome: (p: Page, id: string) =>
    p
      .getByRole('list', { name: 'ส่งรายงาน' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${escape(id)}: `) }),
  /** The conflict dialog while it shows this row (one conflict at a time: "1 จาก 3"). */
  conflict: (p: Page, id: string) =>
    p
      .getByTestId('conflict-dialog')
      .filter({ has: p.getByTestId('conflict-indicator').filter({ hasText: new RegExp(`^${escape(id)}( |$)`) }) }),
  keepMine: (p: Page, id: string) => pane.conflict(p, id).getByRole('button', { name: 'ใช้ค่าของฉัน' }),
  takeTheirs: (p: Page, id: string) => pane.conflict(p, id).getByRole('button', { name: 'ใช้ค่าบนเซิร์ฟเวอร์' }),
  returnedList: (p: Page) => p.getByRole('list', { name: 'ส่งคืนให้แก้ไข' }),
  // approver mode
  loadSubmitted: (p: Page) => p.getByRole('button', { name: 'แสดงแถวที่ส่งมา' }),
  approverRow: (p: Page, id: string) =>
    p.getByRole('list', { name: 'อนุมัติรายงาน' }).getByRole('checkbox', { name: new RegExp(`^${escape(id)}: `) }),
  approverRows: (p: Page) => p.getByRole('list', { name: 'อนุมัติรายงาน' }).getByRole('checkbox'),
  comment: (p: Page) => p.getByRole('textbox', { name: /^ความเห็น/ }),
  approveButton: (p: Page) => p.getByRole('button', { name: /^อนุมัติ \d+ แถว$/ }),
  returnButton: (p: Page) => p.getByRole('button', { name: /^ส่งคืน \d+ แถว$/ }),
  approverDone: (p: Page) => p.getByTestId('approver-done'),
  /** The pane's error message (a Fluent MessageBar with role alert). */
  failure: (p: Page) => p.getByRole('alert').filter({ hasText: 'ทำไม่สำเร็จ' }),
};

/** Header texts of the sheet's columns (found by header, never by letter). */
const HEADER = { id: 'ลำดับ', result: 'ผลการดำเนินงาน', status: /^สถานะการส่ง/ };
/** What a row's status cell says. */
const STATUS = {
  accepted: /^เซิร์ฟเวอร์รับแล้ว/,
  conflict: /^ขัดแย้ง/,
  pending: /^รอส่งอีกครั้ง/,
  tookTheirs: /^ใช้ค่าบนเซิร์ฟเวอร์/,
  returned: (comment: string) => new RegExp(`^ส่งคืนให้แก้ไข: ${escape(comment)}$`),
  approved: /^อนุมัติแล้ว/,
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function signIn(p: Page, url: string, username: string): Promise<void> {
  await signInAs(p, { url, username });
}

/** Picks the Pathum Thani assessment, its unit and the open round. */
async function pickRound(p: Page): Promise<void> {
  await pickAssessmentRound(p, { assessment: TARGET.aid, unit: TARGET.unit, round: TARGET.round });
}

/** Presses submit and waits until the answer (or the lack of one) is shown. */
async function submitChanged(p: Page): Promise<string> {
  await pane.submitButton(p).click();
  const summary = pane.submitSummary(p);
  await summary.waitFor({ timeout: LONG });
  return (await summary.textContent()) ?? '';
}

/**
 * Sends the batches kept in the workbook again. When the pane resends on its own once the server answers, this
 * only waits; otherwise it presses the resend button.
 */
async function resendPending(p: Page): Promise<void> {
  const button = pane.resendButton(p);
  try {
    if (await button.isVisible()) await button.click({ timeout: 10_000 });
  } catch (e) {
    if (await button.isVisible()) throw e;
    // gone meanwhile: the pane resent them on its own
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The grid: cells found by the header of their column and the indicator id of their row.
// ---------------------------------------------------------------------------------------------------------------

/** Every drawn cell of the grid: address and text. */
async function drawnCells(p: Page): Promise<{ column: string; row: number; text: string }[]> {
  const cells = await p
    .locator('[data-testid="preview-grid"] td[data-cell]')
    .evaluateAll((tds) => tds.map((td) => [(td as HTMLElement).dataset.cell ?? '', (td.textContent ?? '').trim()]));
  return cells.map(([address, text]) => {
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address ?? '') ?? ['', '', '0'];
    return { column: column ?? '', row: Number(row), text: text ?? '' };
  });
}

/** The address of the cell under `header` in the row of indicator `id`, read from the grid as drawn. */
async function cellOf(p: Page, id: string, header: string | RegExp): Promise<string> {
  const cells = await drawnCells(p);
  const matches = (text: string) => (typeof header === 'string' ? text === header : header.test(text));
  const idHeader = cells.find((c) => c.text === HEADER.id);
  const column = idHeader && cells.find((c) => c.row === idHeader.row && matches(c.text));
  const row = idHeader && cells.find((c) => c.column === idHeader.column && c.row > idHeader.row && c.text === id);
  if (!column || !row) throw new Error(`no cell for indicator ${id} under ${String(header)} in the grid`);
  return `${column.column}${row.row}`;
}

async function typeInto(p: Page, address: string, text: string): Promise<void> {
  await p.locator(`[data-testid="preview-grid"] td[data-cell="${address}"]`).dispatchEvent('mousedown');
  await p.getByTestId('grid-body').focus();
  await p.keyboard.press('Enter');
  const editor = p.locator('input.pv-editor');
  await editor.fill(text);
  await editor.press('Enter');
}

async function typeResult(p: Page, id: string, text: string): Promise<void> {
  await typeInto(p, await cellOf(p, id, HEADER.result), text);
}

/** What the cell holds as the formula bar shows it (the typed text, not the number format). */
async function cellContent(p: Page, address: string): Promise<string> {
  await p.locator(`[data-testid="preview-grid"] td[data-cell="${address}"]`).dispatchEvent('mousedown');
  await p.waitForFunction((a) => document.querySelector('[data-testid="name-box"]')?.textContent === a, address);
  return (await p.getByTestId('formula-bar').textContent()) ?? '';
}

/** Scrolls the grid so the status column is in the screenshot. */
async function revealStatusColumn(p: Page): Promise<void> {
  const header = (await drawnCells(p)).find((c) => HEADER.status.test(c.text));
  if (header) await p.locator(`[data-testid="preview-grid"] td[data-cell="${header.column}${header.row}"]`).scrollIntoViewIfNeeded();
}

async function statusOf(p: Page, id: string): Promise<string> {
  const address = await cellOf(p, id, HEADER.status);
  return ((await p.locator(`[data-testid="preview-grid"] td[data-cell="${address}"]`).textContent()) ?? '').trim();
}

/** Waits until the status cell of indicator `id` matches (the pane writes it after the answer). */
async function waitForStatus(p: Page, id: string, expected: RegExp): Promise<string> {
  let last = '';
  for (let i = 0; i < 300; i++) {
    try {
      last = await statusOf(p, id);
      if (expected.test(last)) return last;
    } catch {
      // the column is not there yet
    }
    await p.waitForTimeout(100);
  }
  assert.fail(`status of ${id}: "${last}" does not match ${String(expected)}`);
}

// ---------------------------------------------------------------------------------------------------------------

/** The results the reporter types (all leaves of the Pathum Thani assessment; 9 is a milestone of three steps). */
const RESULTS: Record<string, number> = {
  '1': 97,
  '2': 91.4,
  '3': 9,
  '4': 7512.4,
  '5': 3050,
  '6.1': 68,
  '7': 27.4,
  '8': 85,
  '10.1': 3,
  '10.2': 72.35,
  '11': 362,
};

/** Indicator 9's three steps as typed (done, done, not yet), and as the server keeps them. */
const MILESTONE_9 = ['1', '1', '0'];
const MILESTONE_9_STORED: unknown = [1, 1, 0];

let fx: PreviewFixture;
let browser: Browser;
let reporterContext: BrowserContext;
let page: Page;
let site: { url: string };
let server: RunningServer | undefined;
let central: ApiClient;
const errors: string[] = [];

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: join(ARTIFACTS, `server-${name}.png`) });
}

/** The demo server again, on the same port and data (after a kill). */
async function start(): Promise<RunningServer> {
  server = await fx.restartServer();
  return server;
}

/** What the server holds now, read as central staff with a session of their own. */
async function stored(): Promise<Map<string, StoredRow>> {
  return central.reports(TARGET);
}

before(async () => {
  fx = await previewWithDemoServer('server');
  ({ browser, site, server } = fx);
  central = await ApiClient.signIn(server!.url, 'central');
  reporterContext = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'th-TH' });
  page = await reporterContext.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url);
});

after(async () => {
  await fx?.close();
});

test('the reporter signs in, opens the Pathum Thani round, enters the results and submits: every row accepted', async () => {
  await signIn(page, server!.url, 'pte.reporter');
  await pickRound(page);
  await pane.openButton(page).click();
  await pane.opened(page).waitFor({ timeout: LONG });
  assert.match((await pane.opened(page).textContent()) ?? '', /เซิร์ฟเวอร์ 0 แถว/, 'nothing stored yet on a fresh server');
  await shot(page, '01-opened');
  for (const [id, value] of Object.entries(RESULTS)) await typeResult(page, id, String(value));
  // Indicator 9, a milestone: its steps, each in the column headed ขั้นที่ k.
  for (const [k, mark] of MILESTONE_9.entries()) await typeInto(page, await cellOf(page, '9', `ขั้นที่ ${k + 1}`), mark);
  const summary = await submitChanged(page);
  const n = Object.keys(RESULTS).length + 1;
  assert.match(summary, new RegExp(`รับแล้ว ${n} จาก ${n} ตัวชี้วัด`));
  for (const id of [...Object.keys(RESULTS), '9']) {
    await waitForStatus(page, id, STATUS.accepted);
    // The pane lists only rows that need the person; accepted ones are counted and marked in the sheet.
    assert.equal(await pane.outcome(page, id).count(), 0);
  }
  await shot(page, '02-submitted');
  const held = await stored();
  assert.deepEqual(Object.fromEntries([...held].map(([id, r]) => [id, r.value])), { ...RESULTS, '9': MILESTONE_9_STORED });
  for (const r of held.values()) {
    assert.equal(r.status, 'submitted');
    assert.equal(r.version, 1);
    assert.equal(r.updatedBy, 'pte.reporter');
  }
});

test('a second client changes a row; the reporter meets the conflict and takes theirs', async () => {
  const other = await ApiClient.signIn(server!.url, 'pte.reporter');
  const base = (await stored()).get('3')!;
  const [theirs] = await other.submit(TARGET, [{ indicatorId: '3', value: 11, baseVersion: base.version }]);
  assert.equal(theirs?.outcome, 'accepted');
  await typeResult(page, '3', '10');
  assert.match(await submitChanged(page), /รับแล้ว 0 จาก 1 ตัวชี้วัด/);
  await waitForStatus(page, '3', STATUS.conflict);
  assert.match((await pane.outcome(page, '3').textContent()) ?? '', /ขัดแย้ง.*pte\.reporter.*11/);
  assert.match((await pane.conflict(page, '3').textContent()) ?? '', /ค่าของฉัน.*10.*ค่าบนเซิร์ฟเวอร์.*11.*pte\.reporter/);
  await revealStatusColumn(page);
  await shot(page, '03-conflict');

  await pane.takeTheirs(page, '3').click();
  await waitForStatus(page, '3', STATUS.tookTheirs);
  assert.equal(await cellContent(page, await cellOf(page, '3', HEADER.result)), '11');
  const after = (await stored()).get('3')!;
  assert.equal(after.value, 11);
  assert.equal(after.version, base.version + 1, 'taking theirs writes nothing to the server');
  // Their value is now the one last confirmed: nothing left to send.
  assert.match(await submitChanged(page), /ไม่มีแถวที่แก้ไข/);
  await shot(page, '04-took-theirs');
});

test('a second client changes another row; the reporter keeps mine, stored on their version', async () => {
  const other = await ApiClient.signIn(server!.url, 'pte.reporter');
  const base = (await stored()).get('7')!;
  const [theirs] = await other.submit(TARGET, [{ indicatorId: '7', value: 26.5, baseVersion: base.version }]);
  assert.equal(theirs?.outcome, 'accepted');
  await typeResult(page, '7', '27.9');
  assert.match(await submitChanged(page), /รับแล้ว 0 จาก 1 ตัวชี้วัด/);
  await waitForStatus(page, '7', STATUS.conflict);
  assert.match((await pane.conflict(page, '7').textContent()) ?? '', /26\.5/);

  await pane.keepMine(page, '7').click();
  await waitForStatus(page, '7', STATUS.accepted);
  const after = (await stored()).get('7')!;
  assert.equal(after.value, 27.9);
  assert.equal(after.version, base.version + 2, 'theirs, then mine on their version');
  assert.equal(await cellContent(page, await cellOf(page, '7', HEADER.result)), '27.9');
  await revealStatusColumn(page);
  await shot(page, '05-kept-mine');
});

/**
 * The server is killed (SIGKILL) in the middle of a submit, deterministically: the pane's batch POST is held by
 * `page.route`, and either passed to the server, which stores it and answers, and the server killed before that
 * answer is handed to the page (`after-stored`: the answer is lost), or the server killed first and the request let
 * go to the dead port (`before-arrival`). The client retries with backoff against the dead server and keeps the
 * batch in the workbook as pending; the server is restarted on the same port and data; the pending batch is resent
 * under its key. Checked through the API: no row lost, none stored twice (versions and the audit log).
 */
async function killMidSubmit(
  when: 'after-stored' | 'before-arrival',
  changes: Record<string, number>,
  shots: [string, string],
): Promise<void> {
  const before = await stored();
  const auditBefore = await central.audit(TARGET.aid, TARGET.unit);
  const lastEvent = auditBefore[auditBefore.length - 1]?.id ?? 0;
  const ids = Object.keys(changes);
  for (const [id, value] of Object.entries(changes)) await typeResult(page, id, String(value));

  const keys: string[] = [];
  let posts = 0;
  let firstAnswer = 0;
  // After the restart, batch POSTs wait until the restarted server's rows have been read (a pane that resends on
  // its own would otherwise race that reading).
  let hold: Promise<void> = Promise.resolve();
  let release = (): void => undefined;
  const batchUrl = `${server!.url}${paths.reports(TARGET.aid, TARGET.round, TARGET.unit)}`;
  await page.route(batchUrl, async (route: Route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    keys.push(request.headers()['idempotency-key'] ?? '');
    if (++posts > 1) {
      await hold;
      return route.continue();
    }
    if (when === 'before-arrival') {
      await killHard(server!);
      return route.continue();
    }
    const answer = await route.fetch();
    firstAnswer = answer.status();
    await killHard(server!);
    return route.abort('connectionreset');
  });

  const summary = await submitChanged(page);
  assert.match(summary, new RegExp(`รับแล้ว 0 จาก ${ids.length} ตัวชี้วัด`));
  assert.match(summary, new RegExp(`${ids.length} แถวยังไม่ได้รับการยืนยัน`));
  for (const id of ids) await waitForStatus(page, id, STATUS.pending);
  await pane.resendButton(page).waitFor();
  assert.match((await pane.resendButton(page).textContent()) ?? '', new RegExp(`\\(${ids.length}\\)`));
  assert.match((await pane.failure(page).textContent()) ?? '', /ติดต่อเซิร์ฟเวอร์ไม่ได้/);
  if (when === 'after-stored') assert.equal(firstAnswer, 200, 'the server stored the batch before it was killed');
  assert.ok(posts > 1, 'the client retried');
  await revealStatusColumn(page);
  await shot(page, shots[0]);

  hold = new Promise((ok) => {
    release = ok;
  });
  await start();
  central = await ApiClient.signIn(server!.url, 'central');
  // Before any resend: the batch is there once (it reached the server), or not at all.
  const restarted = await stored();
  for (const [id, value] of Object.entries(changes)) {
    const expected = when === 'after-stored' ? [value, before.get(id)!.version + 1] : [before.get(id)!.value, before.get(id)!.version];
    assert.deepEqual([restarted.get(id)!.value, restarted.get(id)!.version], expected, `${id} as the restarted server holds it`);
  }
  release();
  await resendPending(page);
  for (const id of ids) await waitForStatus(page, id, STATUS.accepted);
  await pane.resendButton(page).waitFor({ state: 'detached', timeout: LONG });
  // The failure said while the server was down is not still shown beside the rows now accepted.
  assert.equal(await pane.failure(page).count(), 0, 'no stale "could not reach the server" once the resend succeeded');
  await page.unroute(batchUrl);
  await shot(page, shots[1]);

  assert.equal(new Set(keys).size, 1, `every attempt under the batch's one key: ${keys.join(', ')}`);
  const after = await stored();
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no row lost, none added');
  for (const [id, row] of after) {
    const expected = id in changes ? changes[id] : before.get(id)!.value;
    const version = before.get(id)!.version + (id in changes ? 1 : 0);
    assert.deepEqual([row.value, row.version, row.status], [expected, version, 'submitted'], `${id}: value, version, status`);
  }
  const events = (await central.audit(TARGET.aid, TARGET.unit)).filter((e) => e.id > lastEvent);
  assert.deepEqual(
    events.map((e) => `${e.action} ${e.indicatorId}`).sort(),
    ids.map((id) => `report.submit ${id}`).sort(),
    'one audit event per changed row: the batch applied once',
  );
}

test('the server is killed after storing a batch, before its answer arrives; restarted, the resend stores nothing twice', async () => {
  await killMidSubmit('after-stored', { '1': 98, '5': 3100, '11': 371 }, ['06-killed-answer-lost', '07-resent']);
});

test('the server is killed before a batch arrives; restarted, the resend stores it, once', async () => {
  await killMidSubmit('before-arrival', { '2': 92, '10.2': 74 }, ['08-killed-before-arrival', '09-resent']);
});

const RETURN_COMMENT = 'ค่าไม่ตรงกับหลักฐาน โปรดตรวจสอบผลสำรวจอีกครั้ง';

test('the approver returns one row with a comment and approves the rest', async () => {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'th-TH' });
  const approver = await context.newPage();
  approver.on('pageerror', (e) => errors.push(`approver: ${e.message}`));
  try {
    await approver.goto(site.url);
    await signIn(approver, server!.url, 'pte.approver');
    await pickRound(approver);
    await pane.loadSubmitted(approver).click();
    await pane.approverRow(approver, '8').waitFor({ timeout: LONG });
    const submitted = [...(await stored()).values()].filter((r) => r.status === 'submitted').map((r) => r.indicatorId);
    assert.equal(await pane.approverRows(approver).count(), submitted.length);

    // Return row 8 alone, with the comment.
    // Nothing is ticked for the approver: they tick the row they return.
    for (const id of submitted) assert.equal(await pane.approverRow(approver, id).isChecked(), false);
    await pane.approverRow(approver, '8').check();
    await pane.comment(approver).fill(RETURN_COMMENT);
    await pane.returnButton(approver).click();
    await approver.waitForFunction(
      () => /ส่งคืนแล้ว 1 แถว/.test(document.querySelector('[data-testid="approver-done"]')?.textContent ?? ''),
      undefined,
      { timeout: LONG },
    );
    await shot(approver, '10-approver-returned');

    // The rest, together, without a comment.
    await pane.approverRow(approver, '1').waitFor();
    assert.equal(await pane.approverRows(approver).count(), submitted.length - 1);
    // The comment went with the returned row; the rest are ticked together.
    assert.equal(await pane.comment(approver).inputValue(), '');
    await approver.getByRole('checkbox', { name: 'เลือกทุกแถว' }).check();
    await pane.approveButton(approver).click();
    await approver.waitForFunction(
      (n) => document.querySelector('[data-testid="approver-done"]')?.textContent === `อนุมัติแล้ว ${n} แถว`,
      submitted.length - 1,
      { timeout: LONG },
    );
    await approver.getByText('ไม่มีแถวที่รออนุมัติ').waitFor();
    await shot(approver, '11-approver-approved');
  } finally {
    await context.close();
  }
  const held = await stored();
  assert.deepEqual([held.get('8')!.status, held.get('8')!.comment], ['returned', RETURN_COMMENT]);
  for (const [id, r] of held) if (id !== '8') assert.equal(r.status, 'approved', `${id} approved`);
});

test('the reporter refreshes: the comment is in the status column; fixes the row and submits again', async () => {
  await pane.refreshButton(page).click();
  await waitForStatus(page, '8', STATUS.returned(RETURN_COMMENT));
  for (const id of [...Object.keys(RESULTS), '9']) if (id !== '8') await waitForStatus(page, id, STATUS.approved);
  assert.match((await pane.returnedList(page).textContent()) ?? '', new RegExp(escape(RETURN_COMMENT)));
  await revealStatusColumn(page);
  await shot(page, '12-returned-in-sheet');

  await typeResult(page, '8', '88');
  assert.match(await submitChanged(page), /รับแล้ว 1 จาก 1 ตัวชี้วัด/);
  await waitForStatus(page, '8', STATUS.accepted);
  const row = (await stored()).get('8')!;
  assert.deepEqual([row.value, row.status, row.updatedBy], [88, 'submitted', 'pte.reporter']);
  await revealStatusColumn(page);
  await shot(page, '13-resubmitted');
  assert.deepEqual(errors, [], `errors in the page: ${errors.join('; ')}`);
});

/**
 * End to end in Chromium against `scorebook serve --demo`: typed work is never lost or silently dropped. The
 * reporter opens the Pathum Thani round, types results (indicator 2 as Thai digits, which the sheet's formulas
 * cannot count), and presses เปิดชีต again: the pane says what would go and opens in a new sheet by default, the
 * typed sheet untouched. Then submit stops on the Thai-digit value and lists it; "send the others" reports
 * indicators, naming the one not sent; one click turns it into a number and sends it. In Thai and English, at
 * 1400 × 900 and with the pane at 320 px. Screenshots: test-artifacts/e2e/lostwork-*.png.
 *
 * Run: `npm run test:e2e:lostwork` (needs `apt-get install -y chromium fonts-thai-tlwg`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS, LONG, openRound, previewWithDemoServer, signIn, type PreviewFixture } from './fixture';
import { ApiClient, type RunningServer, type Target } from './scorebookServer';

const ROOT = resolve(__dirname, '..', '..');
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'assets', 'samples', 'pte-2567.assessment.json'), 'utf8')) as {
  id: string;
  title: string;
};
const TARGET: Target = { aid: SAMPLE.id, round: 6, unit: 'pte' };

let fx: PreviewFixture;
let browser: Browser;
let site: { url: string };
let server: RunningServer | undefined;

before(async () => {
  fx = await previewWithDemoServer('lostwork');
  ({ browser, site, server } = fx);
});

after(async () => {
  await fx?.close();
});

async function cells(p: Page): Promise<{ column: string; row: number; text: string }[]> {
  const all = await p
    .locator('[data-testid="preview-grid"] td[data-cell]')
    .evaluateAll((tds) => tds.map((td) => [(td as HTMLElement).dataset.cell ?? '', (td.textContent ?? '').trim()]));
  return all.map(([address, text]) => {
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address ?? '') ?? ['', '', '0'];
    return { column: column ?? '', row: Number(row), text: text ?? '' };
  });
}

async function resultCell(p: Page, id: string): Promise<string> {
  const drawn = await cells(p);
  const idHeader = drawn.find((c) => c.text === 'ลำดับ' || c.text === 'No.');
  const column = idHeader && drawn.find((c) => c.row === idHeader.row && /^ผลการดำเนินงาน/.test(c.text));
  const row = idHeader && drawn.find((c) => c.column === idHeader.column && c.row > idHeader.row && c.text === id);
  if (!column || !row) throw new Error(`no result cell for ${id}`);
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

/** A screenshot once the dialog's fade has ended, with `what` scrolled into the pane's view. */
async function shot(p: Page, file: string, what?: Locator): Promise<void> {
  if (what) await what.scrollIntoViewIfNeeded();
  await p.waitForTimeout(600);
  await p.screenshot({ path: join(ARTIFACTS, file) });
}

async function cellText(p: Page, address: string): Promise<string> {
  return ((await p.locator(`[data-testid="preview-grid"] td[data-cell="${address}"]`).textContent()) ?? '').trim();
}

/** One run of the story: `lang` the pane's language, `narrow` the pane at 320 px. */
async function story(lang: 'th' | 'en', narrow: boolean, unit: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: lang === 'th' ? 'th-TH' : 'en-US' });
  const p = await context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(site.url);
  if (narrow) await p.addStyleTag({ content: '.pv-pane { width: 320px !important; }' });
  const en = lang === 'en';
  if (en) await p.getByRole('button', { name: 'English' }).click();
  const name = `lostwork-${lang}-${narrow ? '320' : '1400'}`;
  const t = en ? { open: 'Open sheet', submit: 'Submit changed rows' } : { open: 'เปิดชีต', submit: 'ส่งแถวที่แก้ไข' };
  await signIn(p, { url: server!.url, username: `${unit}.reporter`, lang });
  await openRound(p, { assessment: SAMPLE.id, unit, round: TARGET.round, lang });
  // Typed work: indicator 2 in Thai digits (text to the sheet), 1 and 5 as numbers.
  const two = await resultCell(p, '2');
  await typeInto(p, two, '๘๕');
  await typeInto(p, await resultCell(p, '1'), '97');
  await typeInto(p, await resultCell(p, '5'), '3100');

  // Open again: asked first, nothing written; the new sheet is the default.
  await p.getByRole('button', { name: t.open, exact: true }).click();
  const dialog = p.getByTestId('replace-dialog');
  await dialog.waitFor({ timeout: LONG });
  assert.match(
    (await p.getByTestId('replace-what').textContent()) ?? '',
    en ? /This sheet has 3 rows of results not yet sent/ : /ชีตนี้มีผลที่ยังไม่ได้ส่ง 3 แถว/,
  );
  await shot(p, `${name}-1-replace-dialog.png`);
  await p.getByRole('radio', { name: en ? /Replace this sheet/ : /แทนที่ชีตนี้/ }).check();
  await dialog.getByRole('button', { name: en ? 'Continue' : 'ดำเนินการ' }).click();
  await shot(p, `${name}-2-replace-confirm.png`);
  await dialog.getByRole('button', { name: en ? 'Back' : 'กลับ' }).click();
  await p.getByRole('radio', { name: en ? /Open in a new sheet/ : /เปิดในชีตใหม่/ }).check();
  await dialog.getByRole('button', { name: en ? 'Continue' : 'ดำเนินการ' }).click();
  await p
    .getByRole('status')
    .filter({ hasText: en ? /untouched/ : /ชีตเดิมยังอยู่ครบ/ })
    .waitFor({ timeout: LONG });
  // The pane now works on the new sheet (KPI (2)); the typed one stays as it was. Type the Thai digits there too.
  const twoNew = await resultCell(p, '2');
  await typeInto(p, twoNew, '๘๕');
  await typeInto(p, await resultCell(p, '1'), '97');
  await p.getByRole('button', { name: t.submit }).click();
  const stop = p.getByTestId('submit-unread');
  await stop.waitFor({ timeout: LONG });
  assert.match((await stop.textContent()) ?? '', en ? /indicator 2, cell .*: "๘๕" reads as 85/ : /ตัวชี้วัด 2 เซลล์ .*: "๘๕" อ่านได้เป็น 85/);
  await shot(p, `${name}-3-unreadable.png`, stop);
  await stop.getByRole('button', { name: en ? 'Send the other indicators only' : 'ส่งเฉพาะตัวชี้วัดอื่น' }).click();
  const summary = p.getByTestId('submit-summary');
  await summary.waitFor({ timeout: LONG });
  assert.match(
    (await summary.textContent()) ?? '',
    en ? /accepted 1 of 2 indicators · 1 not sent: indicator 2/ : /รับแล้ว 1 จาก 2 ตัวชี้วัด · 1 ไม่ได้ส่ง: ตัวชี้วัด 2 ค่าที่กรอกอ่านไม่ได้/,
  );
  await shot(p, `${name}-4-sent-others.png`, summary);
  await p.getByRole('button', { name: t.submit }).click();
  await stop.getByRole('button', { name: en ? /Turn 1 cell into numbers and send/ : /แปลง 1 เซลล์เป็นตัวเลข แล้วส่ง/ }).click();
  await p.waitForFunction(
    (expected) => document.querySelector('[data-testid="submit-summary"]')?.textContent?.includes(expected) ?? false,
    en ? 'accepted 1 of 1 indicators' : 'รับแล้ว 1 จาก 1 ตัวชี้วัด',
    { timeout: LONG },
  );
  assert.equal(await cellText(p, twoNew), '85');
  await shot(p, `${name}-5-fixed-and-sent.png`, summary);
  const central = await ApiClient.signIn(server!.url, 'central');
  const held = await central.reports({ ...TARGET, unit });
  assert.equal(held.get('2')?.value, 85);
  assert.deepEqual(errors, []);
  await context.close();
}

test('Thai at 1400 × 900: open over typed work asks first; the unreadable value stops submit and is fixed in one click', async () => {
  await story('th', false, TARGET.unit);
});

test('English with the pane at 320 px: the same', async () => {
  await story('en', true, 'cbi');
});

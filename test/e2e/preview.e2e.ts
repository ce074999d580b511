/**
 * End to end in Chromium: the browser preview (grid + task pane on the HyperFormula workbook), driven like a user.
 * Create the Pathum Thani sheet, type results including bad ones, see the issues, compare the total with
 * `scorebook score` on the same results (and with the sheet's own ScorebookTotal formula), follow the pane's advice
 * and compare again, do a goal seek into the what-if column, switch to English. Screenshots: test-artifacts/e2e/.
 *
 * Run: `npm run test:e2e` (needs `apt-get install -y chromium fonts-thai-tlwg`; no browser is downloaded).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatNumber, readAssessment, type Assessment } from '../../src/domain';
import { kpiLayout, requireColumn, type ColumnRole, type KpiLayout } from '../../src/workbook';
import { launch, serve } from './browser';
import { buildPreview } from './buildPreview';

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
const SAMPLE = join(ROOT, 'assets', 'samples', 'pte-2567.assessment.json');
const sampleDocument = JSON.parse(readFileSync(SAMPLE, 'utf8')) as unknown;
const read = readAssessment(sampleDocument);
if (!read.ok) throw new Error('the Pathum Thani sample does not read');
const assessment: Assessment = read.value;
const layout: KpiLayout = kpiLayout(assessment);

/** What the user types, cell by cell: good numbers, text, Thai digits, a percent sign, milestone steps. */
const TYPED: [id: string, role: ColumnRole, typed: string][] = [
  ['1', 'result', '97'],
  ['2', 'result', 'ดีมาก'],
  ['3', 'result', '9'],
  ['4', 'result', '7512.4'],
  ['5', 'result', '๓,๐๕๐'],
  ['6.1', 'result', '68'],
  ['7', 'result', '27.4'],
  ['8', 'result', '85%'],
  ['9', 'step1', '1'],
  ['9', 'step2', '1'],
  ['9', 'step3', '0'],
  ['10.1', 'result', '3'],
  ['10.2', 'result', '72.35'],
  ['11', 'result', '362'],
];

const cellOf = (id: string, role: ColumnRole): string =>
  `${requireColumn(layout, role).letter}${layout.rows.find((r) => r.indicator.id === id)!.row}`;

let browser: Browser;
let page: Page;
let site: { url: string; close: () => Promise<void> };
const errors: string[] = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const out = join(ROOT, 'test-artifacts', 'preview-site');
  await buildPreview(out);
  site = await serve(out);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'th-TH' });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

async function typeInto(address: string, text: string): Promise<void> {
  await page.locator(`[data-testid="preview-grid"] td[data-cell="${address}"]`).dispatchEvent('mousedown');
  await page.getByTestId('grid-body').focus();
  await page.keyboard.press('Enter');
  const editor = page.locator('input.pv-editor');
  await editor.fill(text);
  await editor.press('Enter');
}

async function totalShown(): Promise<string> {
  return (await page.getByTestId('total').textContent()) ?? '';
}

/** `scorebook score --json` on a results document: the CLI's unrounded total. */
function cliTotal(name: string, results: Record<string, unknown>): number {
  const file = join(ARTIFACTS, `${name}.results.json`);
  writeFileSync(file, JSON.stringify({ format: 'scorebook/results@1', assessment: assessment.id, results }, null, 2));
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'scorebook.js'), 'score', SAMPLE, file, '--json'], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `scorebook score failed (${run.status}): ${run.stderr}`);
  const doc = JSON.parse(run.stdout) as { totalBeforePenalty: number };
  return doc.totalBeforePenalty;
}

async function sheetTotal(): Promise<number> {
  return page.evaluate(() => window.scorebookPreview!.evaluate('ScorebookTotal', 'KPI') as number);
}

test('opens in Thai beside an empty grid', async () => {
  await page.getByText('สร้างชีต KPI จากชุดตัวชี้วัด').waitFor();
  await shot('01-open-th');
});

test('creates the KPI sheet from the Pathum Thani sample', async () => {
  await page.getByRole('combobox', { name: /ชุดตัวชี้วัด/ }).selectOption('pte-2567');
  await page.getByRole('button', { name: 'สร้างชีต' }).click();
  await page.getByTestId('total').waitFor();
  assert.equal(await totalShown(), '0.00');
  await page.locator(`td[data-cell="${cellOf('1', 'id')}"]`).waitFor();
  await shot('02-created-th');
});

test('typed results, bad ones included: the issues, and the total of `scorebook score` and of the sheet', async () => {
  for (const [id, role, text] of TYPED) await typeInto(cellOf(id, role), text);
  // What the sheet counts: numbers; the text "ดีมาก" is an invalid result; "๓,๐๕๐" and "85%" are text the
  // formulas do not count, which the pane says to re-type.
  const counted = {
    '1': 97,
    '2': 'ดีมาก',
    '3': 9,
    '4': 7512.4,
    '6.1': 68,
    '7': 27.4,
    '9': [1, 1, 0],
    '10.1': 3,
    '10.2': 72.35,
    '11': 362,
  };
  const expected = formatNumber(cliTotal('as-typed', counted), 2);
  await page.waitForFunction((t) => document.querySelector('[data-testid="total"]')?.textContent === t, expected);
  assert.equal(formatNumber(await sheetTotal(), 2), expected);
  const counts = (await page.getByTestId('counts').textContent()) ?? '';
  assert.match(counts, /ค่าไม่ถูกต้อง 1/);
  await shot('03-typed-summary-th');

  await page.getByRole('tab', { name: /ตรวจสอบ/ }).click();
  const errorsGroup = page.getByTestId('issues-error');
  await errorsGroup.getByRole('button', { name: `KPI!${cellOf('2', 'result')}` }).waitFor();
  assert.match((await errorsGroup.textContent()) ?? '', /ดีมาก/);
  const warnings = (await page.getByTestId('issues-warning').textContent()) ?? '';
  assert.match(warnings, new RegExp(`KPI!${cellOf('5', 'result')}.*3050`));
  assert.match(warnings, new RegExp(`KPI!${cellOf('8', 'result')}.*85`));
  await errorsGroup.getByRole('button', { name: `KPI!${cellOf('2', 'result')}` }).click();
  assert.equal(await page.getByTestId('name-box').textContent(), cellOf('2', 'result'));
  await shot('04-issues-th');
});

test('following the advice (re-type as numbers) gives the total `scorebook score` reads from the typed text', async () => {
  await typeInto(cellOf('5', 'result'), '3050');
  await typeInto(cellOf('8', 'result'), '85');
  await typeInto(cellOf('2', 'result'), '91.4');
  const typed = {
    '1': 97,
    '2': 91.4,
    '3': 9,
    '4': '7,512.40',
    '5': '๓,๐๕๐',
    '6.1': 68,
    '7': '27.4 มคก./ลบ.ม.',
    '8': '85%',
    '9': [true, true, false],
    '10.1': 3,
    '10.2': 72.35,
    '11': 362,
  };
  const expected = formatNumber(cliTotal('retyped', typed), 2);
  await page.getByRole('tab', { name: 'สรุปคะแนน' }).click();
  await page.waitForFunction((t) => document.querySelector('[data-testid="total"]')?.textContent === t, expected);
  assert.equal(formatNumber(await sheetTotal(), 2), expected);
  await shot('05-fixed-summary-th');
});

test('goal seek: the result needed for a total goes into the what-if column, whose total reaches it', async () => {
  await page.getByRole('tab', { name: 'สมมติผล' }).click();
  await page.getByTestId('goal-indicator').selectOption('5');
  const goal = '81';
  await page.getByTestId('goal-total').fill(goal);
  await page.getByRole('button', { name: 'คำนวณ' }).click();
  const answer = page.getByTestId('goal-answer');
  await answer.waitFor();
  assert.match((await answer.textContent()) ?? '', /ต้องได้ผลอย่างน้อย/);
  const before = await sheetTotal();
  await answer.getByRole('button', { name: 'ใส่ในคอลัมน์สมมติผล' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="whatif-total"]')?.textContent === '81.00');
  // The real total, in the sheet and the pane, did not move.
  assert.equal(await sheetTotal(), before);
  await shot('06-whatif-th');
});

test('a goal one indicator cannot reach says so', async () => {
  await page.getByTestId('goal-total').fill('99');
  await page.getByRole('button', { name: 'คำนวณ' }).click();
  await page.waitForFunction(() => /ทำไม่ได้/.test(document.querySelector('[data-testid="goal-answer"]')?.textContent ?? ''));
});

test('switches to English', async () => {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'What-if' }).waitFor();
  assert.ok(await page.getByText('Total with the what-if values').isVisible());
  await shot('07-whatif-en');
  await typeInto(cellOf('3', 'result'), 'n/a');
  await page.getByRole('tab', { name: /Check/ }).click();
  await page.getByTestId('issues-error').waitFor();
  assert.match((await page.getByTestId('issues-error').textContent()) ?? '', /"n\/a" is not a number/);
  await shot('08-issues-en');
  await page.getByRole('tab', { name: 'Scores' }).click();
  await page.getByTestId('total').waitFor();
  await shot('09-summary-en');
  assert.deepEqual(errors, [], `errors in the page: ${errors.join('; ')}`);
});

/**
 * End to end in Chromium against `scorebook serve --demo`: the central officer publishes a change to the Pathum
 * Thani definitions from the Server tab (the diff, the confirmation, the server's answer); the reporter's sheet,
 * opened before, says the definitions changed and updates its layout with the results still there; the history
 * view of the unit from the server's history route (pte-2566's rounds 6, 9, 12, then pte-2567's, as the demo
 * reports them). Then the whole story from the definitions sheet: central creates it from the server's pte-2567,
 * edits a target cell, publishes it (the diff shown first); the reporter's 6-month sheet says the definitions
 * changed and updates; the reporter submits a result; central's overview sheet of the round shows the unit's new
 * status and the chart. Thai and English, at 1400 × 900 and at a 320 px pane, nothing scrolling sideways.
 * Screenshots: test-artifacts/e2e/definitions-*.png.
 *
 * Run: `npm run test:e2e:definitions` (needs `apt-get install -y chromium fonts-thai-tlwg`).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { paths } from '../../src/api/routes';
import { demoFiscalYear } from '../../src/server/demo';
import type { Overview } from '../../src/api';
import {
  ARTIFACTS,
  LONG,
  PANE_WORDS,
  assertNoSideScroll,
  openRound,
  pickRound,
  previewWithDemoServer,
  signIn,
  type Lang,
  type PreviewFixture,
} from './fixture';

type Doc = Record<string, unknown> & { indicators: Record<string, unknown>[] };
/** The demo server's pte-2567 as it started (its rounds are placed around today): each change is made to it. */
let original: Doc;

/** The published change: three indicators' targets and one indicator added (an even step), then back (odd). */
function version(step: number): Doc {
  const next = JSON.parse(JSON.stringify(original)) as Doc;
  if (step % 2 === 1) return next;
  next.indicators[0]!.targets = [91, 95, 100];
  next.indicators[1]!.targets = [85, 90, 96];
  next.indicators[2]!.targets = [9, 10, 12];
  next.indicators.push({ id: '12', name: 'สัดส่วนพื้นที่สีเขียวต่อประชากร', unit: 'ตร.ม./คน', weight: 0, kind: 'quantitative', targets: [5, 7, 9] });
  return next;
}

const WORDS = {
  th: {
    publish: 'เผยแพร่…',
    confirm: 'ยืนยันเผยแพร่',
    published: /^เผยแพร่แล้ว: ปรับปรุง pte-2567/,
    notice: 'นิยามตัวชี้วัดเปลี่ยนแล้ว',
    update: 'ปรับรูปแบบชีต',
    updated: /ตามนิยามใหม่แล้ว/,
    show: 'แสดงประวัติ',
    openSheet: 'เปิดเป็นชีต',
    sheetWritten: /^เขียนชีต ประวัติ pte แล้ว/,
    summary: 'สรุปคะแนน',
    since: /^เปลี่ยนจากรอบก่อน/,
    createSheet: 'สร้างจาก pte-2567 บนเซิร์ฟเวอร์',
    sheetOk: /^ชีต ตัวชี้วัด ไม่มีข้อผิดพลาด: pte-2567/,
    fromSheet: 'อ่านจากชีตนิยามตัวชี้วัด',
    oneTarget: 'ตัวชี้วัด 1 ตัวเปลี่ยนค่าเป้าหมาย',
    submit: 'ส่งแถวที่แก้ไข',
    submitted: /^เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด/,
    statuses: 'สถานะ',
    openOverview: 'เปิดชีตภาพรวม',
    refresh: 'รีเฟรช',
    submittedWord: 'ส่งแล้ว',
    defsSheet: 'ตัวชี้วัด',
  },
  en: {
    publish: 'Publish…',
    confirm: 'Publish now',
    published: /^Published: pte-2567 updated/,
    notice: 'The indicator definitions changed',
    update: 'Update layout',
    updated: /now follows the new definitions/,
    show: 'Show history',
    openSheet: 'Open as sheet',
    sheetWritten: /^Wrote the sheet ประวัติ pte/,
    summary: 'Scores',
    since: /^Change since the last round/,
    createSheet: 'Create from pte-2567 on the server',
    sheetOk: /^Indicators has no errors: pte-2567/,
    fromSheet: 'Read from the definitions sheet',
    oneTarget: '1 indicator changed targets',
    submit: 'Submit changed rows',
    submitted: /^The server accepted 1 of 1 indicators/,
    statuses: 'Statuses',
    openOverview: 'Open overview sheet',
    refresh: 'Refresh',
    submittedWord: 'submitted',
    defsSheet: 'Indicators',
  },
};

let fx: PreviewFixture;
let step = 0;
let token = '';

before(async () => {
  fx = await previewWithDemoServer('definitions');
  const session = await fetch(`${fx.server.url}${paths.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'central', password: 'demo' }),
  });
  ({ token } = (await session.json()) as { token: string });
  const doc = await fetch(`${fx.server.url}${paths.assessment('pte-2567')}`, { headers: { authorization: `Bearer ${token}` } });
  original = (await doc.json()) as Doc;
});

after(async () => {
  await fx?.close();
  assert.deepEqual(fx?.errors ?? [], [], 'no uncaught errors in the page');
});

async function typeInto(p: Page, address: string, text: string): Promise<void> {
  await p.locator(`[data-testid="preview-grid"] td[data-cell="${address}"]`).dispatchEvent('mousedown');
  await p.getByTestId('grid-body').focus();
  await p.keyboard.press('Enter');
  const editor = p.locator('input.pv-editor');
  await editor.fill(text);
  await editor.press('Enter');
}

async function cellText(p: Page, address: string): Promise<string> {
  return ((await p.locator(`[data-testid="preview-grid"] td[data-cell="${address}"]`).textContent()) ?? '').trim();
}

/** The element at the top of whatever scrolls it (the pane beside the grid, or the page at 320 px). */
async function top(l: Locator): Promise<void> {
  await l.evaluate((e) => e.scrollIntoView({ block: 'start' }));
}

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: join(ARTIFACTS, `definitions-${name}.png`), fullPage: true });
}

for (const lang of ['th', 'en'] as Lang[]) {
  for (const width of [1400, 320] as const) {
    test(`publish, the reporter's notice and update, the history (${lang}, ${width} px)`, { timeout: 5 * LONG }, async () => {
      const w = WORDS[lang];
      const url = fx.server.url;
      // The reporter opens the 12-month round first: the sheet is made from the definitions as they are now.
      const reporter = await fx.openPane({ width, lang });
      await signIn(reporter, { url, username: 'pte.reporter', lang });
      await openRound(reporter, { assessment: 'pte-2567', unit: 'pte', round: 12, lang });
      // Beside the grid, a result typed and not sent (indicator 1's result cell, H6 in the 12-month sheet).
      if (width === 1400) await typeInto(reporter, 'H6', '93');

      // The central officer publishes the next version.
      const central = await fx.openPane({ width, lang });
      await signIn(central, { url, username: 'central', lang });
      const doc = version(step++);
      await central
        .getByTestId('publish-file')
        .setInputFiles({ name: 'pte-2567.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
      await central.getByTestId('publish-summary').waitFor({ timeout: LONG });
      await central.getByRole('button', { name: w.publish }).click();
      await top(central.getByTestId('publish-panel'));
      await shot(central, `publish-confirm-${lang}-${width}`);
      await central.getByRole('button', { name: w.confirm }).click();
      await central.getByText(w.published).waitFor({ timeout: LONG });
      if (width === 320) await assertNoSideScroll(central, 'the publish panel');
      await top(central.getByTestId('publish-panel'));
      await shot(central, `publish-done-${lang}-${width}`);
      await central.context().close();

      // The reporter's pane, back on the Server tab, asks again and says what changed.
      await reporter.getByRole('tab', { name: w.summary }).click();
      await reporter.getByRole('tab', { name: PANE_WORDS[lang].server }).click();
      const notice = reporter.getByTestId('definitions-notice');
      await notice.waitFor({ timeout: LONG });
      await notice.locator('summary').click();
      if (width === 320) await assertNoSideScroll(reporter, 'the definitions notice');
      await shot(reporter, `notice-${lang}-${width}`);
      await reporter.getByRole('button', { name: w.update }).click();
      await reporter.getByText(w.updated).waitFor({ timeout: LONG });
      await notice.waitFor({ state: 'detached', timeout: LONG });
      if (width === 1400) assert.equal(await cellText(reporter, 'H6'), '93', 'the typed result survives the update');

      // The unit's history.
      await reporter.getByRole('button', { name: w.show }).click();
      await reporter.getByTestId('history-total-since-last').waitFor({ timeout: LONG });
      await top(reporter.getByTestId('history-panel'));
      if (width === 320) await assertNoSideScroll(reporter, 'the history view');
      await shot(reporter, `history-${lang}-${width}`);
      // The view alone, at full size, to look at the chart and the table closely.
      await reporter.getByTestId('history-panel').screenshot({ path: join(ARTIFACTS, `definitions-history-panel-${lang}-${width}.png`) });
      assert.match((await reporter.getByTestId('history-total-since-last').textContent()) ?? '', w.since);
      // On request, as a sheet with its native chart: every round of both years, one chart.
      await reporter.getByRole('button', { name: w.openSheet }).click();
      await reporter.getByTestId('history-sheet-written').filter({ hasText: w.sheetWritten }).waitFor({ timeout: LONG });
      const history = await reporter.evaluate(() => {
        const wb = window.scorebookPreview!;
        const rows: string[] = [];
        for (let r = 5; r < 15 && wb.value('ประวัติ pte', r, 1) !== null; r++)
          rows.push(`${String(wb.value('ประวัติ pte', r, 1))}/${String(wb.value('ประวัติ pte', r, 2))}`);
        return { rows, charts: wb.charts('ประวัติ pte').length };
      });
      // The demo's sets are for the fiscal year holding today and the one before (demo.ts demoFiscalYear).
      const year = demoFiscalYear(new Date());
      assert.deepEqual(history.rows, [`${year - 1}/6`, `${year - 1}/9`, `${year - 1}/12`, `${year}/9`, `${year}/12`]);
      assert.equal(history.charts, 1);
      if (width === 1400) await reporter.screenshot({ path: join(ARTIFACTS, `definitions-history-sheet-${lang}-${width}.png`) });
      else
        await reporter
          .getByTestId('history-sheet-written')
          .screenshot({ path: join(ARTIFACTS, `definitions-history-sheet-${lang}-${width}.png`) });
      await reporter.context().close();
    });
  }
}

/** What the server holds, asked as central staff. */
async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${fx.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200, path);
  return (await r.json()) as T;
}

/** Types as a person does: in the grid beside the pane, through the preview's workbook where the pane is alone. */
async function typeCell(p: Page, width: number, sheet: string, address: string, text: string): Promise<void> {
  if (width === 1400) return typeInto(p, address, text);
  await p.evaluate(([s, a, t]) => window.scorebookPreview!.type(s!, a!, t!), [sheet, address, text]);
}

let story = 0;

for (const [lang, width] of [
  ['th', 1400],
  ['en', 1400],
  ['th', 320],
  ['en', 320],
] as const) {
  test(
    `the definitions sheet to the overview: create, edit, publish, the reporter updates and submits (${lang}, ${width} px)`,
    { timeout: 5 * LONG },
    async () => {
      const w = WORDS[lang];
      const url = fx.server.url;
      const n = story++;
      const tag = `story-${lang}-${width}`;
      const target = 80 + n;
      const result = 93 + n;

      // The reporter has the open 6-month round's sheet.
      const reporter = await fx.openPane({ width, lang });
      await signIn(reporter, { url, username: 'pte.reporter', lang });
      await openRound(reporter, { assessment: 'pte-2567', unit: 'pte', round: 6, lang });

      // Central creates the definitions sheet from the server's pte-2567.
      const central = await fx.openPane({ width, lang });
      await signIn(central, { url, username: 'central', lang });
      await pickRound(central, { assessment: 'pte-2567', unit: 'pte', round: 6, lang });
      await central.getByRole('button', { name: w.createSheet }).click();
      await central.getByTestId('definitions-check-summary').filter({ hasText: w.sheetOk }).waitFor({ timeout: LONG });
      if (width === 320) await assertNoSideScroll(central, 'the definitions sheet checked');
      await top(central.getByTestId('definitions-sheet'));
      await shot(central, `${tag}-1-created`);
      // The panel alone, at its size, to read its check closely.
      await central.getByTestId('definitions-sheet').screenshot({ path: join(ARTIFACTS, `definitions-${tag}-1-panel.png`) });

      // A target edited in the sheet: indicator 1's first level (column I), found by its id in column C.
      const row = await central.evaluate((sheet) => {
        const wb = window.scorebookPreview!;
        for (let r = 4; r < 60; r++) if (String(wb.value(sheet, r, 3)) === '1') return r;
        return 0;
      }, w.defsSheet);
      assert.ok(row > 0, 'indicator 1 is on the definitions sheet');
      await typeCell(central, width, w.defsSheet, `I${row}`, String(target));
      await central.waitForFunction(
        ([s, a, v]) => window.scorebookPreview!.value(s!, Number(a), 9) === Number(v),
        [w.defsSheet, String(row), String(target)],
      );
      await central.getByTestId('definitions-check-summary').filter({ hasText: w.sheetOk }).waitFor({ timeout: LONG });

      // Published from the sheet: the diff first.
      await central.getByRole('button', { name: w.fromSheet }).click();
      const summary = central.getByTestId('publish-summary');
      await summary.waitFor({ timeout: LONG });
      assert.equal((await summary.textContent())?.trim(), w.oneTarget);
      await central.getByRole('button', { name: w.publish }).click();
      await top(central.getByTestId('publish-panel'));
      await shot(central, `${tag}-2-diff`);
      await central.getByRole('button', { name: w.confirm }).click();
      await central.getByText(w.published).waitFor({ timeout: LONG });
      const published = await api<Doc>(paths.assessment('pte-2567'));
      assert.equal((published.indicators[0]!.targets as number[])[0], target);

      // The reporter's sheet says so and updates.
      await reporter.getByRole('tab', { name: w.summary }).click();
      await reporter.getByRole('tab', { name: PANE_WORDS[lang].server }).click();
      const notice = reporter.getByTestId('definitions-notice');
      await notice.waitFor({ timeout: LONG });
      await shot(reporter, `${tag}-3-notice`);
      await reporter.getByRole('button', { name: w.update }).click();
      await reporter.getByText(w.updated).waitFor({ timeout: LONG });
      await notice.waitFor({ state: 'detached', timeout: LONG });

      // The reporter reports indicator 1 (its result cell, H6) and submits it.
      // The sheet the workbook's binding record names (the one the pane opened and updated).
      const kpiSheet = await reporter.evaluate(async () => {
        const read = await window.scorebookPreview!.readBinding();
        return read?.ok ? read.value.sheet : '';
      });
      assert.ok(kpiSheet !== '', 'the reporter has a sheet open');
      await typeCell(reporter, width, kpiSheet, 'H6', String(result));
      await reporter.getByTestId('changed-count').waitFor({ timeout: LONG });
      await reporter.getByRole('button', { name: w.submit, exact: true }).click();
      await reporter.getByTestId('submit-summary').filter({ hasText: w.submitted }).waitFor({ timeout: LONG });
      if (width === 320) await assertNoSideScroll(reporter, 'submitted');
      await reporter.getByTestId('submit-summary').scrollIntoViewIfNeeded();
      await shot(reporter, `${tag}-4-submitted`);
      await reporter.context().close();

      // Central's overview of the round, statuses: pte's indicator 1 submitted, the summary as the server counts.
      const overview = await api<Overview>(paths.overview('pte-2567', 6));
      const pte = overview.units.find((u) => u.unit === 'pte')!;
      assert.equal(pte.cells[0]!.status, 'submitted');
      assert.equal(pte.cells[0]!.value, result);
      await central.getByRole('radio', { name: w.statuses }).check();
      await central.getByRole('button', { name: w.openOverview, exact: true }).click();
      await central.getByTestId('overview-written').waitFor({ timeout: LONG });
      const sheet = await central.evaluate(() => {
        const wb = window.scorebookPreview!;
        const s = 'ภาพรวม';
        let unitRow = 0;
        for (let r = 7; r < 20; r++) if (wb.value(s, r, 2) === 'pte') unitRow = r;
        let first = 0;
        for (let c = 1; c < 40; c++) if (String(wb.value(s, 6, c)).startsWith('1 ')) first = c;
        return {
          status: unitRow && first ? wb.value(s, unitRow, first) : null,
          summary: [2, 3, 4, 5, 6].map((c) => wb.value(s, 4, c)),
          charts: wb.charts(s).map((c) => c.name),
        };
      });
      assert.equal(sheet.status, w.submittedWord);
      const c = overview.counts;
      assert.deepEqual(sheet.summary, [c.notStarted, c.draft, c.submitted, c.approved, c.returned]);
      assert.ok(sheet.charts.includes('ScorebookOverviewUnits'), 'the chart of totals by unit');
      if (width === 320) await assertNoSideScroll(central, 'the overview opened');
      await top(central.getByTestId('overview-sheet'));
      await shot(central, `${tag}-5-overview`);
      await central.getByTestId('overview-sheet').screenshot({ path: join(ARTIFACTS, `definitions-${tag}-5-panel.png`) });
      if (width === 1400) await central.locator('.pv-charts').screenshot({ path: join(ARTIFACTS, `definitions-${tag}-5-chart.png`) });
      await central.context().close();
    },
  );
}

/**
 * End to end in Chromium against `scorebook serve --demo`: the central officer publishes a change to the Pathum
 * Thani definitions from the Server tab (the diff, the confirmation, the server's answer); the reporter's sheet,
 * opened before, says the definitions changed and updates its layout with the results still there; the history
 * view of the unit (the history route's answer is played by the page here: pte-2566 → pte-2567, rounds 6, 9, 12,
 * as test/taskpane/historyFixture.ts). Thai and English, at 1400 × 900 and at a 320 px pane, nothing scrolling
 * sideways. Screenshots: test-artifacts/e2e/definitions-*.png.
 *
 * Run: `npm run test:e2e:definitions` (needs `apt-get install -y chromium fonts-thai-tlwg`).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { paths } from '../../src/api/routes';
import { PTE_HISTORY } from '../taskpane/historyFixture';
import {
  ARTIFACTS,
  LONG,
  PANE_WORDS,
  assertNoSideScroll,
  openRound,
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
    summary: 'สรุปคะแนน',
    since: /^เปลี่ยนจากรอบก่อน/,
  },
  en: {
    publish: 'Publish…',
    confirm: 'Publish now',
    published: /^Published: pte-2567 updated/,
    notice: 'The indicator definitions changed',
    update: 'Update layout',
    updated: /now follows the new definitions/,
    show: 'Show history',
    summary: 'Scores',
    since: /^Change since the last round/,
  },
};

let fx: PreviewFixture;
let step = 0;

before(async () => {
  fx = await previewWithDemoServer('definitions');
  const session = await fetch(`${fx.server.url}${paths.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'central', password: 'demo' }),
  });
  const { token } = (await session.json()) as { token: string };
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

/** The history route is another part's; the page answers it with the fixture (two years, three rounds each). */
async function playHistory(p: Page): Promise<void> {
  await p.route('**/api/v1/assessments/*/units/*/history', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(PTE_HISTORY),
      headers: { 'access-control-allow-origin': '*' },
    }),
  );
}

for (const lang of ['th', 'en'] as Lang[]) {
  for (const width of [1400, 320] as const) {
    test(`publish, the reporter's notice and update, the history (${lang}, ${width} px)`, { timeout: 5 * LONG }, async () => {
      const w = WORDS[lang];
      const url = fx.server.url;
      // The reporter opens the 12-month round first: the sheet is made from the definitions as they are now.
      const reporter = await fx.openPane({ width, lang });
      await playHistory(reporter);
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
      await reporter.context().close();
    });
  }
}

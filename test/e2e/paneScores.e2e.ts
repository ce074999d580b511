/**
 * End to end in Chromium against `scorebook serve --demo`: a KRS sheet opened from the server in the 6-month round
 * shows the self-assessed total beside the certified one (only the row the approver approved counts), and 11.5
 * (12-month only) greyed with "ไม่ต้องรายงานในรอบนี้" / "Not reported in this round"; at 1400 × 900 and 320 px, Thai
 * and English, nothing scrolling sideways at 320. Screenshots: test-artifacts/e2e/panescores-*.png.
 *
 * Run: `npx tsx --test test/e2e/paneScores.e2e.ts` (Debian's chromium; SCOREBOOK_E2E_API_PORT picks the API's port).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { paths } from '../../src/api/routes';
import { launch, serve } from './browser';
import { buildPreview } from './buildPreview';
import { ApiClient, freePort, startScorebook, stopScorebook, type RunningServer, type Target } from './scorebookServer';

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
const TARGET: Target = { aid: 'krs-2567', round: 6, unit: 'pte' };
const LONG = 60_000;
const WORDS = {
  th: { server: 'เซิร์ฟเวอร์', summary: 'สรุปคะแนน', address: 'ที่อยู่เซิร์ฟเวอร์', username: 'ชื่อผู้ใช้', password: 'รหัสผ่าน', signIn: 'เข้าสู่ระบบ', signedIn: /^เข้าสู่ระบบเป็น /,
    assessment: 'ชุดตัวชี้วัด', unit: 'หน่วยงาน', round: 'รอบ', open: 'เปิดชีต', opened: /^เปิดชีต .* แล้ว/, self: 'คะแนนประเมินตนเอง', certified: 'คะแนนที่รับรองแล้ว', notDue: 'ไม่ต้องรายงานในรอบนี้' },
  en: { server: 'Server', summary: 'Scores', address: 'Server address', username: 'Username', password: 'Password', signIn: 'Sign in', signedIn: /^Signed in as /,
    assessment: 'Assessment', unit: 'Unit', round: 'Round', open: 'Open sheet', opened: /^Opened .* rows from the server/, self: 'Self-assessed', certified: 'Certified', notDue: 'Not reported in this round' },
};

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let dataDir: string;
let server: RunningServer | undefined;
const errors: string[] = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const out = join(ROOT, 'test-artifacts', 'preview-site-panescores');
  await buildPreview(out);
  site = await serve(out);
  dataDir = mkdtempSync(join(tmpdir(), 'scorebook-e2e-panescores-'));
  server = await startScorebook({ port: Number(process.env.SCOREBOOK_E2E_API_PORT ?? 0) || (await freePort()), dataDir, corsOrigin: new URL(site.url).origin });
  // The reporter submits 11.3, the central office its central result 12 (a unit cannot set it); the approver
  // approves 11.3 only: the certified total counts it alone, the self-assessed one both.
  const reporter = await ApiClient.signIn(server.url, 'pte.reporter');
  const sent = await reporter.submit(TARGET, [{ indicatorId: '11.3', value: 1, baseVersion: 0 }]);
  assert.deepEqual(sent.map((r) => r.outcome), ['accepted']);
  const post = async (username: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<void> => {
    const session = await fetch(`${server!.url}${paths.sessions}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
    const { token } = (await session.json()) as { token: string };
    const r = await fetch(`${server!.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    assert.ok(r.ok, `${username} ${path}: ${r.status} ${await r.text()}`);
  };
  // Central staff save (they do not submit for a unit): the row stays a draft.
  await post('central', paths.reports(TARGET.aid, TARGET.round, TARGET.unit), { action: 'save', rows: [{ indicatorId: '12', value: 87.25, baseVersion: 0 }] }, { 'idempotency-key': 'e2e-panescores-central' });
  await post('pte.approver', paths.approve(TARGET.aid, TARGET.round, TARGET.unit, '11.3'), {});
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await stopScorebook(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

async function openPane(width: 1400 | 320, lang: 'th' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'th' ? 'th-TH' : 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  const query = new URLSearchParams({ lang: lang === 'th' ? 'th-TH' : 'en-US', ...(width === 320 ? { layout: 'pane' } : {}) });
  await page.goto(`${site.url}?${query.toString()}`);
  return page;
}

for (const [width, lang] of [[1400, 'th'], [320, 'th'], [1400, 'en'], [320, 'en']] as const) {
  test(`${width} px, ${lang}: both totals and a not-due row in the summary`, async () => {
    const w = WORDS[lang];
    const p = await openPane(width, lang);
    await p.getByRole('tab', { name: w.server }).click();
    await p.getByLabel(w.address).fill(server!.url);
    await p.getByLabel(w.username).fill('pte.reporter');
    await p.getByLabel(w.password).fill('demo');
    await p.getByRole('button', { name: w.signIn, exact: true }).click();
    await p.getByText(w.signedIn).waitFor({ timeout: LONG });
    await p.getByRole('combobox', { name: w.assessment }).locator('option[value="krs-2567"]').waitFor({ state: 'attached', timeout: LONG });
    await p.getByRole('combobox', { name: w.assessment }).selectOption({ value: TARGET.aid });
    await p.getByRole('combobox', { name: w.unit }).selectOption({ value: TARGET.unit });
    await p.getByRole('combobox', { name: w.round }).selectOption({ value: String(TARGET.round) });
    await p.getByRole('button', { name: w.open, exact: true }).click();
    await p.getByRole('status').filter({ hasText: w.opened }).waitFor({ timeout: LONG });
    await p.getByRole('tab', { name: w.summary }).click();
    await p.getByTestId('total-certified').waitFor({ timeout: LONG });
    const card = await p.getByTestId('total-card').innerText();
    assert.ok(card.includes(w.self) && card.includes(w.certified), card);
    const self = await p.getByTestId('total').innerText();
    const certified = await p.getByTestId('total-certified').innerText();
    assert.notEqual(self, certified);
    const row = p.getByTestId('score-11.5');
    assert.ok((await row.innerText()).includes(w.notDue));
    if (width === 320) {
      const { scrollWidth, clientWidth } = await p.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
      assert.ok(scrollWidth <= clientWidth, `the pane scrolls sideways (${scrollWidth} > ${clientWidth})`);
    }
    await row.scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(ARTIFACTS, `panescores-${width}-${lang}.png`), fullPage: true });
    console.log(`${width} ${lang}: self-assessed ${self}, certified ${certified}`);
  });
}

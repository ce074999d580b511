/**
 * End to end for the add-in shell, in Debian's Chromium: the development server (webpack, HTTPS) serves the task
 * pane with office.js from the npm package (no request leaves localhost) and the browser preview; the task pane page
 * opened outside Excel says where to go; the production build puts ADDIN_PUBLIC_URL into dist/manifest.xml and keeps
 * HyperFormula out of the bundle. Screenshots: test-artifacts/e2e/.
 *
 * Run: `npm run test:e2e:addin` (needs `apt-get install -y chromium`; no browser is downloaded, no network used).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { get } from 'node:https';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch } from './browser';

const ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
const PORT = 3100;
const BASE = `https://localhost:${PORT}`;
let server: ChildProcess | undefined;
let browser: Browser | undefined;

function status(url: string): Promise<number> {
  return new Promise((ok) => {
    get(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    }).on('error', () => ok(0));
  });
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Its own process group, so the whole server goes when the test ends.
  server = spawn('npx', ['webpack', 'serve', '--mode', 'development'], {
    cwd: ROOT,
    env: { ...process.env, SCOREBOOK_DEV_PORT: String(PORT) },
    stdio: 'ignore',
    detached: true,
  });
  // Ready when it answers: polled (the first build takes a while), never a fixed sleep asserted on.
  for (let i = 0; i < 240 && (await status(`${BASE}/taskpane.html`)) !== 200; i++) await new Promise((r) => setTimeout(r, 500));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

test('the task pane outside Excel: office.js from the package, no request off localhost, says where to go', async () => {
  const page = await (browser as Browser).newPage();
  const offsite: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(BASE) && !r.url().startsWith('data:')) offsite.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}/taskpane.html`);
  await page.getByText('This page runs inside Excel').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: join(ARTIFACTS, 'addin-taskpane-outside-excel.png') });
  assert.deepEqual(offsite, []);
  assert.deepEqual(errors, []);
  assert.match(await page.content(), /หน้านี้ทำงานใน Excel/);
});

test('the browser preview is served beside it and renders', async () => {
  const page = await (browser as Browser).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}/preview.html`);
  await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, { timeout: 60_000 });
  await page.screenshot({ path: join(ARTIFACTS, 'addin-preview.png') });
  assert.deepEqual(errors, []);
});

test('the manifest and icons are served; the production build writes ADDIN_PUBLIC_URL and keeps HyperFormula out', async () => {
  for (const path of ['manifest.xml', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-80.png', 'office-js/office.js']) {
    assert.equal(await status(`${BASE}/${path}`), 200, path);
  }
  const out = join(ROOT, 'test-artifacts', 'e2e', 'dist');
  const build = spawnSync('npx', ['webpack', '--mode', 'production', '--output-path', out], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_PUBLIC_URL: 'https://scorebook.example.go.th' },
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stdout + build.stderr);
  const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
  assert.match(manifest, /https:\/\/scorebook\.example\.go\.th\/taskpane\.html/);
  assert.doesNotMatch(manifest, /localhost/);
  assert.doesNotMatch(readFileSync(join(out, 'taskpane.js'), 'utf8'), /hyperformula|gpl-v3/i);
  assert.doesNotMatch(readFileSync(join(out, 'taskpane.html'), 'utf8'), /office-js\/office\.js/);
});

/**
 * The set-up the pane's end-to-end suites share: the preview built into a folder of its own (so suites can run side by
 * side), served on a free port, `scorebook serve --demo` on an embedded database in a fresh data folder (on
 * SCOREBOOK_E2E_API_PORT or a free port; restartable on the same port and data), Debian's Chromium, and one
 * `close()` that takes it all down. Plus the steps every story begins with: sign in from the Server tab, pick an
 * assessment, unit and round, open the sheet — in Thai or English, by role and accessible name.
 *
 *     let fx: PreviewFixture;
 *     before(async () => { fx = await previewWithDemoServer('pane'); });
 *     after(() => fx.close());
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, serve } from './browser';
import { buildPreview } from './buildPreview';
import { freePort, startScorebook, stopScorebook, type RunningServer } from './scorebookServer';

const ROOT = resolve(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
/** How long a step that goes to the server may take on a loaded machine. */
export const LONG = 60_000;

export type Lang = 'th' | 'en';

export interface PreviewFixture {
  readonly site: { url: string; close: () => Promise<void> };
  readonly browser: Browser;
  /** The demo server now running (throws when the fixture was made without one). */
  readonly server: RunningServer;
  /** Uncaught errors of every page `openPane` opened (`watch` adds others). */
  readonly errors: string[];
  /** Starts the demo server again on the same port and data folder (after a kill). */
  restartServer(): Promise<RunningServer>;
  /**
   * A page in a context of its own: beside the grid (`width` 1400) or the pane alone (`?layout=pane`, the default at
   * 320 px, as Excel shows it), in Thai or English; its uncaught errors go to `errors`.
   */
  openPane(o: { width: number; lang: Lang; height?: number; pane?: boolean; query?: Record<string, string> }): Promise<Page>;
  /** Collects a page's uncaught errors into `errors`, prefixed with `tag`. */
  watch(page: Page, tag?: string): void;
  close(): Promise<void>;
}

/**
 * Builds and serves the preview, starts the demo server (unless `server: false`) and Chromium. `name` names the
 * preview's folder (test-artifacts/preview-site-<name>) and the data folder.
 */
export async function previewWithDemoServer(name: string, o: { server?: boolean } = {}): Promise<PreviewFixture> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const out = join(ROOT, 'test-artifacts', `preview-site-${name}`);
  await buildPreview(out);
  const site = await serve(out);
  const origin = new URL(site.url).origin;
  let dataDir: string | undefined;
  let port = 0;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  const close = async (): Promise<void> => {
    await browser?.close();
    await site.close();
    await stopScorebook(server);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (o.server !== false) {
      dataDir = mkdtempSync(join(tmpdir(), `scorebook-e2e-${name}-`));
      port = Number(process.env.SCOREBOOK_E2E_API_PORT ?? 0) || (await freePort());
      server = await startScorebook({ port, dataDir, corsOrigin: origin });
    }
    browser = await launch();
  } catch (e) {
    await close();
    throw e;
  }
  const b = browser;
  const watch = (page: Page, tag?: string): void => {
    page.on('pageerror', (e) => errors.push(tag ? `${tag}: ${e.message}` : e.message));
  };
  return {
    site,
    browser: b,
    errors,
    get server(): RunningServer {
      if (!server) throw new Error(`the ${name} fixture has no server`);
      return server;
    },
    async restartServer() {
      if (!dataDir) throw new Error(`the ${name} fixture has no server`);
      server = await startScorebook({ port, dataDir, corsOrigin: origin });
      return server;
    },
    async openPane({ width, lang, height = 900, pane = width <= 400, query = {} }) {
      const context = await b.newContext({ viewport: { width, height }, locale: lang === 'th' ? 'th-TH' : 'en-US' });
      const page = await context.newPage();
      watch(page);
      const q = new URLSearchParams({ lang: lang === 'th' ? 'th-TH' : 'en-US', ...(pane ? { layout: 'pane' } : {}), ...query });
      await page.goto(`${site.url}?${q.toString()}`);
      return page;
    },
    watch,
    close,
  };
}

export interface PaneWords {
  server: string;
  address: string;
  username: string;
  password: string;
  signIn: string;
  signedIn: RegExp;
  assessment: string;
  unit: string;
  round: string;
  open: string;
  opened: RegExp;
}

/** The pane's words for the steps below, in both languages; adapt here when the pane changes. */
export const PANE_WORDS: Record<Lang, PaneWords> = {
  th: {
    server: 'เซิร์ฟเวอร์',
    address: 'ที่อยู่เซิร์ฟเวอร์',
    username: 'ชื่อผู้ใช้',
    password: 'รหัสผ่าน',
    signIn: 'เข้าสู่ระบบ',
    signedIn: /^เข้าสู่ระบบเป็น /,
    assessment: 'ชุดตัวชี้วัด',
    unit: 'หน่วยงาน',
    round: 'รอบ',
    open: 'เปิดชีต',
    opened: /^เปิดชีต .* แล้ว/,
  },
  en: {
    server: 'Server',
    address: 'Server address',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signedIn: /^Signed in as /,
    assessment: 'Assessment',
    unit: 'Unit',
    round: 'Round',
    open: 'Open sheet',
    opened: /^Opened .* rows from the server/,
  },
};

/** Signs in from the Server tab (password `demo`) and waits until the assessments are listed. */
export async function signIn(p: Page, o: { url: string; username: string; lang?: Lang; password?: string }): Promise<void> {
  const w = PANE_WORDS[o.lang ?? 'th'];
  await p.getByRole('tab', { name: w.server }).click();
  await p.getByLabel(w.address).fill(o.url);
  await p.getByLabel(w.username).fill(o.username);
  await p.getByLabel(w.password).fill(o.password ?? 'demo');
  await p.getByRole('button', { name: w.signIn, exact: true }).click();
  await p.getByText(w.signedIn).waitFor({ timeout: LONG });
  await p
    .getByRole('combobox', { name: w.assessment })
    .locator('option:not([value=""])')
    .first()
    .waitFor({ state: 'attached', timeout: LONG });
}

/** Picks the assessment (by id), the unit and the round in the Server tab, once the assessment is listed. */
export async function pickRound(p: Page, o: { assessment: string; unit?: string; round: number; lang?: Lang }): Promise<void> {
  const w = PANE_WORDS[o.lang ?? 'th'];
  const picker = p.getByRole('combobox', { name: w.assessment });
  await picker.locator(`option[value="${o.assessment}"]`).waitFor({ state: 'attached', timeout: LONG });
  await picker.selectOption({ value: o.assessment });
  if (o.unit !== undefined) await p.getByRole('combobox', { name: w.unit }).selectOption({ value: o.unit });
  await p.getByRole('combobox', { name: w.round }).selectOption({ value: String(o.round) });
}

/** Picks the round and presses เปิดชีต / Open sheet; waits for the pane to say the sheet is open. */
export async function openRound(p: Page, o: { assessment: string; unit: string; round: number; lang?: Lang }): Promise<void> {
  const w = PANE_WORDS[o.lang ?? 'th'];
  await pickRound(p, o);
  await p.getByRole('button', { name: w.open, exact: true }).click();
  await p.getByRole('status').filter({ hasText: w.opened }).first().waitFor({ timeout: LONG });
}

/** At 320 px the pane must never scroll sideways (Excel's pane has no room for it). */
export async function assertNoSideScroll(p: Page, when: string): Promise<void> {
  const { scrollWidth, clientWidth } = await p.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${when}: the pane scrolls sideways (${scrollWidth} > ${clientWidth})`);
}

/**
 * End to end in Chromium: central staff sign in to `scorebook serve --demo`, choose the KRS set's 6-month round in
 * the Server tab and open the overview sheet (ชีตภาพรวม / Overview sheet): units down, indicators across, totals,
 * ranks, status counts, level colours and the native chart of totals by unit and by group (the preview draws it
 * under the grid), all from the real server: its overview route for the round, whose KRS offices stand in every
 * state (not started, draft, submitted, approved, returned). The sheet's status summary and its units are checked
 * against the server's own answer, asked here with the same sign-in. Then statuses and Refresh: the same sheet
 * rewritten, one chart of each. Thai and English, 1400 × 900 beside the
 * grid and the pane alone at 320 px. Screenshots: test-artifacts/e2e/overview-*.png.
 *
 * Run: `npx tsx --test test/e2e/overviewSheet.e2e.ts` (SCOREBOOK_E2E_API_PORT picks the API's port).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Overview } from '../../src/api';
import { paths } from '../../src/api/routes';
import { ARTIFACTS, LONG, assertNoSideScroll, pickRound, previewWithDemoServer, signIn, type Lang, type PreviewFixture } from './fixture';

const AID = 'krs-2567';
const ROUND = 6;
const WORDS = {
  th: { open: 'เปิดชีตภาพรวม', refresh: 'รีเฟรช', statuses: 'สถานะ', opened: (n: number) => `เขียนชีต ภาพรวม แล้ว: ${n} หน่วยงาน` },
  en: { open: 'Open overview sheet', refresh: 'Refresh', statuses: 'Statuses', opened: (n: number) => `Wrote ภาพรวม: ${n} units` },
};

let fx: PreviewFixture;
/** The server's overview of the round, as central staff get it. */
let overview: Overview;

before(async () => {
  fx = await previewWithDemoServer('overview');
  const session = await fetch(`${fx.server.url}${paths.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'central', password: 'demo' }),
  });
  const { token } = (await session.json()) as { token: string };
  const answer = await fetch(`${fx.server.url}${paths.overview(AID, ROUND)}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(answer.status, 200);
  overview = (await answer.json()) as Overview;
  // The demo's KRS round has every state, so the summary is worth checking.
  for (const s of ['notStarted', 'draft', 'submitted', 'approved', 'returned'] as const) assert.ok(overview.counts[s] > 0, s);
});

after(async () => {
  await fx?.close();
  assert.deepEqual(fx?.errors ?? [], [], 'no uncaught errors in the page');
});

for (const [width, lang] of [
  [1400, 'th'],
  [320, 'th'],
  [1400, 'en'],
  [320, 'en'],
] as const) {
  test(`${width} px, ${lang}: central staff open the overview sheet with its chart, then statuses and Refresh in place`, async () => {
    const w = WORDS[lang as Lang];
    const p = await fx.openPane({ width, lang });
    await signIn(p, { url: fx.server.url, username: 'central', lang });
    await pickRound(p, { assessment: AID, round: ROUND, lang });
    await p.getByRole('button', { name: w.open, exact: true }).click();
    await p
      .getByTestId('overview-written')
      .filter({ hasText: w.opened(overview.units.length) })
      .waitFor({ timeout: LONG });
    const sheet = await p.evaluate((units) => {
      const wb = window.scorebookPreview!;
      return {
        units: Array.from({ length: units }, (_, i) => String(wb.value('ภาพรวม', 7 + i, 2))),
        // Row 4: the status counts (not started, draft, submitted, approved, returned), then the units.
        summary: [2, 3, 4, 5, 6, 7].map((c) => wb.value('ภาพรวม', 4, c)),
        charts: wb.charts('ภาพรวม').map((c) => c.name),
        filter: wb.autoFilter('ภาพรวม'),
        frozen: wb.frozen('ภาพรวม'),
      };
    }, overview.units.length);
    // Ranked by total, so in another order than the server's; the same units.
    assert.deepEqual([...sheet.units].sort(), overview.units.map((u) => u.unit).sort());
    const c = overview.counts;
    assert.deepEqual(sheet.summary, [c.notStarted, c.draft, c.submitted, c.approved, c.returned, overview.units.length]);
    assert.deepEqual(sheet.charts, ['ScorebookOverviewUnits', 'ScorebookOverviewGroups']);
    assert.match(sheet.filter ?? '', /^A6:/);
    assert.deepEqual(sheet.frozen, { rows: 6, columns: 4 });
    if (width === 320) await assertNoSideScroll(p, 'overview opened');
    await p.getByTestId('overview-sheet').scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(ARTIFACTS, `overview-${width}-${lang}.png`) });
    if (width === 1400) {
      await p.locator('.pv-charts').screenshot({ path: join(ARTIFACTS, `overview-${width}-${lang}-charts.png`) });
    }
    // Statuses, then Refresh: the same sheet, one chart of each.
    await p.getByRole('radio', { name: w.statuses }).check();
    await p.getByRole('button', { name: w.refresh, exact: true }).click();
    await p.waitForFunction(() => String(window.scorebookPreview!.value('ภาพรวม', 1, 1)).match(/(สถานะ|statuses)$/) !== null, undefined, {
      timeout: LONG,
    });
    const after = await p.evaluate(() => ({
      sheets: window.scorebookPreview!.visibleSheets(),
      charts: window.scorebookPreview!.charts('ภาพรวม').length,
    }));
    assert.deepEqual(
      after.sheets.filter((s) => s.startsWith('ภาพรวม')),
      ['ภาพรวม'],
    );
    assert.equal(after.charts, 2);
    if (width === 1400) await p.screenshot({ path: join(ARTIFACTS, `overview-${width}-${lang}-statuses.png`) });
    await p.context().close();
  });
}

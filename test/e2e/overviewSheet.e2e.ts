/**
 * End to end in Chromium: central staff sign in to `scorebook serve --demo`, choose the KRS set's 6-month round in
 * the Server tab and open the overview sheet (ชีตภาพรวม / Overview sheet): units down, indicators across, totals,
 * ranks, status counts, level colours and the native chart of totals by unit and by group (the preview draws it
 * under the grid). The overview route is answered by the test with a generated overview of 20 units × 6
 * indicators in the API's shape (the server's route is built beside this work), the rest by the real server.
 * Then statuses and Refresh: the same sheet rewritten, one chart of each. Thai and English, 1400 × 900 beside the
 * grid and the pane alone at 320 px. Screenshots: test-artifacts/e2e/overview-*.png.
 *
 * Run: `npx tsx --test test/e2e/overviewSheet.e2e.ts` (SCOREBOOK_E2E_API_PORT picks the API's port).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ARTIFACTS, LONG, assertNoSideScroll, pickRound, previewWithDemoServer, signIn, type Lang, type PreviewFixture } from './fixture';
import { makeOverview } from '../workbook/overviewFixture';

const AID = 'krs-2567';
const ROUND = 6;
const WORDS = {
  th: { open: 'เปิดชีตภาพรวม', refresh: 'รีเฟรช', statuses: 'สถานะ', opened: /เขียนชีต ภาพรวม แล้ว: 20 หน่วยงาน/ },
  en: { open: 'Open overview sheet', refresh: 'Refresh', statuses: 'Statuses', opened: /Wrote ภาพรวม: 20 units/ },
};

let fx: PreviewFixture;
const overview = {
  ...makeOverview(20, 6, { groups: 3, previousRound: true, levels: 5 }),
  assessment: AID,
  round: ROUND,
  previousRound: null,
};

before(async () => {
  fx = await previewWithDemoServer('overview');
});

after(async () => {
  await fx?.close();
  assert.deepEqual(fx?.errors ?? [], [], 'no uncaught errors in the page');
});

/** The overview route answered here, CORS as the server answers it. */
async function answerOverview(p: Page): Promise<void> {
  await p.route('**/rounds/*/overview', async (route) => {
    const origin = route.request().headers().origin ?? '*';
    const cors = {
      'access-control-allow-origin': origin,
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
      'access-control-allow-methods': 'GET, OPTIONS',
    };
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    return route.fulfill({ status: 200, headers: { ...cors, 'content-type': 'application/json' }, body: JSON.stringify(overview) });
  });
}

for (const [width, lang] of [
  [1400, 'th'],
  [320, 'th'],
  [1400, 'en'],
  [320, 'en'],
] as const) {
  test(`${width} px, ${lang}: central staff open the overview sheet with its chart, then statuses and Refresh in place`, async () => {
    const w = WORDS[lang as Lang];
    const p = await fx.openPane({ width, lang });
    await answerOverview(p);
    await signIn(p, { url: fx.server.url, username: 'central', lang });
    await pickRound(p, { assessment: AID, round: ROUND, lang });
    await p.getByRole('button', { name: w.open, exact: true }).click();
    await p.getByTestId('overview-written').filter({ hasText: w.opened }).waitFor({ timeout: LONG });
    const sheet = await p.evaluate(() => {
      const wb = window.scorebookPreview!;
      return {
        unit: wb.value('ภาพรวม', 7, 2),
        charts: wb.charts('ภาพรวม').map((c) => c.name),
        filter: wb.autoFilter('ภาพรวม'),
        frozen: wb.frozen('ภาพรวม'),
      };
    });
    assert.equal(sheet.unit, '1001');
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

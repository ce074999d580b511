/**
 * The sheets the pane makes, looked at in Chromium (the browser preview): the what-if column beside the results,
 * the multi-unit sheet formatted like the single-unit one, and the bind proposal of a sheet whose header is on
 * row 1; Thai and English, 1400 × 900 and the pane alone at 320 px. Screenshots: test-artifacts/e2e/layout-*.png.
 *
 * Run: `npx tsx --test test/e2e/layout.e2e.ts` (Debian's Chromium; no browser is downloaded).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, previewWithDemoServer, type PreviewFixture } from './fixture';

let fx: PreviewFixture;
let browser: Browser;
let site: { url: string };

before(async () => {
  // The sheets the pane makes from its samples: no server needed.
  fx = await previewWithDemoServer('layout', { server: false });
  ({ browser, site } = fx);
});

after(async () => {
  await fx?.close();
});

async function open(query: string, width: number, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${site.url}?${query}`);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `layout-${name}.png`) });

async function createSheet(page: Page, words: { assessment: RegExp; create: string }, id: string, multi?: string): Promise<void> {
  await page.getByRole('combobox', { name: words.assessment }).first().selectOption(id);
  if (multi) await page.getByRole('radio', { name: new RegExp(multi) }).check();
  await page.getByRole('button', { name: words.create, exact: true }).click();
}

const TH = { assessment: /ชุดตัวชี้วัด/, create: 'สร้างชีต', whatIf: 'สมมติผล', add: 'เพิ่มคอลัมน์สมมติผล' };
const EN = { assessment: /Assessment/, create: 'Create sheet', whatIf: 'What-if', add: 'Add the what-if column' };

for (const [lang, w] of [
  ['th', TH],
  ['en', EN],
] as const) {
  test(`${lang}: the what-if column stands right after the step columns, at 1400 × 900 and in the 320 px pane`, async () => {
    const page = await open(`lang=${lang}`, 1400);
    await createSheet(page, w, 'pte-2567');
    await page.getByTestId('total').waitFor();
    await page.getByRole('tab', { name: w.whatIf }).click();
    await page.getByRole('button', { name: w.add }).click();
    await page.getByTestId('whatif-total').waitFor();
    // Header row 4: the what-if header right after the last step column, คะแนน after it.
    const headers = await page.evaluate(() => {
      const wb = window.scorebookPreview!;
      return Array.from({ length: wb.dimensions('KPI').columns }, (_, c) => wb.value('KPI', 4, c + 1));
    });
    const at = headers.indexOf('ผลสมมติ (What-if)');
    assert.ok(at > 0, JSON.stringify(headers));
    assert.match(String(headers[at - 1]), /ขั้นที่/);
    assert.equal(headers[at + 1], 'คะแนน');
    await page.evaluate(() => {
      const g = document.querySelector('.pv-body');
      if (g) g.scrollLeft = 700;
    });
    await shot(page, `whatif-${lang}-1400`);
    const pane = await open(`lang=${lang}&layout=pane`, 320);
    await createSheet(pane, w, 'pte-2567');
    await pane.getByTestId('total').waitFor();
    await pane.getByRole('tab', { name: w.whatIf }).click();
    await pane.getByRole('button', { name: w.add }).click();
    await pane.getByTestId('whatif-total').waitFor();
    assert.equal(await pane.evaluate(() => document.documentElement.scrollWidth <= 320), true);
    await shot(pane, `whatif-${lang}-320`);
  });
}

test('th: the multi-unit sheet, laid out like the single-unit one', async () => {
  const page = await open('lang=th', 1400);
  await createSheet(page, TH, 'krs-2567', 'ชีตหลายหน่วยงาน');
  await page
    .getByText(/หน่วยงาน/)
    .first()
    .waitFor();
  await page.waitForTimeout(1500);
  await shot(page, 'multiunit-th-1400');
});

test('en: a header on row 1 is said in the proposal, before anything is confirmed (320 px)', async () => {
  const page = await open('lang=en&layout=pane', 320);
  await page.evaluate(() =>
    window.scorebookPreview!.apply({
      title: 'hand-made',
      ops: [
        { kind: 'sheet', sheet: 'Loei', ifExists: 'replace' },
        {
          kind: 'cells',
          sheet: 'Loei',
          topLeft: 'A1',
          contents: [
            ['No.', 'Indicator', 'Actual'],
            ['4.1', 'OTOP', 3050],
          ],
        },
      ],
    }),
  );
  await page.getByRole('tab', { name: 'Bind' }).click();
  await page
    .getByRole('combobox', { name: /Assessment/ })
    .first()
    .selectOption('otop-2567');
  await page.getByRole('button', { name: 'Find the header row' }).click();
  await page.getByTestId('bind-row-one').waitFor();
  await page.getByTestId('bind-row-one').scrollIntoViewIfNeeded();
  await shot(page, 'bind-row1-en-320');
});

for (const [lang, w] of [
  ['th', TH],
  ['en', EN],
] as const) {
  test(`${lang}: the what-if ranking fits the 320 px pane (each row stacked, the names whole) and beside the grid`, async () => {
    for (const width of [320, 1400] as const) {
      const page = await open(`lang=${lang}${width === 320 ? '&layout=pane' : ''}`, width);
      await createSheet(page, w, 'pte-2567');
      await page.getByTestId('total').waitFor();
      await page.getByRole('tab', { name: w.whatIf }).click();
      const table = page.getByTestId('gains');
      await table.waitFor();
      const cells = await table.locator('tbody tr').evaluateAll((rows) =>
        rows.map((tr) => {
          const name = tr.querySelector('td')!;
          const span = name.querySelector('.sb-indicator-name') as HTMLElement;
          return {
            width: name.getBoundingClientRect().width,
            clipped: span.scrollHeight > span.clientHeight + 1 || span.scrollWidth > span.clientWidth + 1,
            text: span.textContent ?? '',
          };
        }),
      );
      assert.ok(cells.length > 3, 'ranked rows');
      for (const c of cells) {
        // Stacked, the name has the pane's width (Excel's pane less its padding); never clipped.
        assert.ok(c.width >= 250, `${width} px: the name "${c.text}" gets ${c.width} px`);
        assert.equal(c.clipped, false, `${width} px: the name "${c.text}" is clipped`);
      }
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
        true,
        'no sideways scroll',
      );
      await table.scrollIntoViewIfNeeded();
      await shot(page, `whatif-ranking-${lang}-${width}`);
      await page.close();
    }
  });
}

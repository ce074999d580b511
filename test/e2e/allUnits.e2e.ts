/**
 * End to end in Chromium against `scorebook serve --demo`: central staff open every unit of the KRS assessment's
 * 6-month round from the Server tab ("เปิดทุกหน่วยงาน" / "Open all units") into one multi-unit sheet, a block of
 * rows per unit, each row's server status beside it (returned with the approver's comment, submitted, a central
 * draft, no report yet); opened again after a value is typed there, the replace guard asks first. Thai and English,
 * 1400 × 900 beside the grid and the pane alone at 320 px. Screenshots: test-artifacts/e2e/allunits-*.png.
 *
 * Run: `npx tsx --test test/e2e/allUnits.e2e.ts` (Debian's Chromium; SCOREBOOK_E2E_API_PORT picks the API's port).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { paths } from '../../src/api/routes';
import { ARTIFACTS, LONG, assertNoSideScroll, pickRound, previewWithDemoServer, signIn, type Lang, type PreviewFixture } from './fixture';
import { ApiClient } from './scorebookServer';
import type { StatusCounts } from '../../src/api/overview';
import { KRS_AREA_UNITS } from '../../src/server/demoHistory';

const AID = 'krs-2567';
/** The sample's four offices, the demo's pte and cbi, then the education area offices the demo adds (demoHistory.ts). */
const UNITS = ['spp-pte1', 'spp-pte2', 'spm-pte', 'spp-cbi1', 'pte', 'cbi', ...KRS_AREA_UNITS.map((u) => u.id)];
const ROUND = 6;
const SHEET = 'KPI หน่วยงาน';
const COMMENT = 'แนบรายงานผลการตรวจสอบด้วย';
const WORDS = {
  th: {
    open: 'เปิดทุกหน่วยงาน',
    opened: new RegExp(`^เปิดชีต KPI หน่วยงาน แล้ว: ${UNITS.length} หน่วยงาน`),
    returned: `ส่งคืนให้แก้ไข: ${COMMENT}`,
    submitted: 'ส่งแล้ว รออนุมัติ',
    draft: 'ร่าง',
    none: 'ยังไม่มีรายงาน',
    replace: /ชีต KPI หน่วยงาน มีงานที่จะหายไป/,
  },
  en: {
    open: 'Open all units',
    opened: new RegExp(`^Opened KPI หน่วยงาน: ${UNITS.length} units`),
    returned: `returned for changes: ${COMMENT}`,
    submitted: 'submitted, awaiting approval',
    draft: 'draft',
    none: 'no report yet',
    replace: /KPI หน่วยงาน/,
  },
};

let fx: PreviewFixture;
/** The round's rows by status once the setup below is done, as the server's overview counts them. */
let counts: StatusCounts;

before(async () => {
  fx = await previewWithDemoServer('allunits');
  const url = fx.server.url;
  // pte: 11.3 submitted and returned with a comment; cbi: 11.3 submitted; spp-pte1: 12 saved by central staff (a draft).
  const pte = await ApiClient.signIn(url, 'pte.reporter');
  assert.deepEqual(
    (await pte.submit({ aid: AID, round: ROUND, unit: 'pte' }, [{ indicatorId: '11.3', value: 1, baseVersion: 0 }])).map((r) => r.outcome),
    ['accepted'],
  );
  const cbi = await ApiClient.signIn(url, 'cbi.reporter');
  assert.deepEqual(
    (await cbi.submit({ aid: AID, round: ROUND, unit: 'cbi' }, [{ indicatorId: '11.3', value: 0, baseVersion: 0 }])).map((r) => r.outcome),
    ['accepted'],
  );
  const post = async (username: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<void> => {
    const session = await fetch(`${url}${paths.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    const { token } = (await session.json()) as { token: string };
    const r = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    assert.ok(r.ok, `${username} ${path}: ${r.status} ${await r.text()}`);
  };
  await post('pte.approver', paths.return(AID, ROUND, 'pte', '11.3'), { comment: COMMENT });
  await post(
    'central',
    paths.reports(AID, ROUND, 'spp-pte1'),
    { action: 'save', rows: [{ indicatorId: '12', value: 87.25, baseVersion: 0 }] },
    { 'idempotency-key': 'e2e-allunits-central' },
  );
  const session = await fetch(`${url}${paths.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'central', password: 'demo' }),
  });
  const { token } = (await session.json()) as { token: string };
  const overview = await fetch(`${url}${paths.overview(AID, ROUND)}`, { headers: { authorization: `Bearer ${token}` } });
  counts = ((await overview.json()) as { counts: StatusCounts }).counts;
});

after(async () => {
  await fx?.close();
  assert.deepEqual(fx?.errors ?? [], [], 'no uncaught errors in the page');
});

/** The sheet's cells as the preview workbook holds them: every row's unit, indicator id and status. */
async function sheetRows(p: Page): Promise<{ unit: unknown; id: unknown; status: unknown }[]> {
  return p.evaluate((sheet) => {
    const wb = window.scorebookPreview!;
    const { rows, columns } = wb.dimensions(sheet);
    const header = Array.from({ length: columns }, (_, c) => wb.value(sheet, 4, c + 1));
    // No named functions in here: the test's transpiler would wrap them in a helper the page does not have.
    const [unit = 0, id = 0, status = 0] = ['หน่วยงาน', 'ลำดับ', 'สถานะการส่ง'].map(
      (h) => header.findIndex((x) => typeof x === 'string' && x.startsWith(h)) + 1,
    );
    return Array.from({ length: rows - 4 }, (_, r) => ({
      unit: wb.value(sheet, r + 5, unit),
      id: wb.value(sheet, r + 5, id),
      status: wb.value(sheet, r + 5, status),
    }));
  }, SHEET);
}

async function openAll(p: Page, lang: Lang): Promise<void> {
  await signIn(p, { url: fx.server.url, username: 'central', lang });
  await pickRound(p, { assessment: AID, round: ROUND, lang });
  await p.getByRole('button', { name: WORDS[lang].open, exact: true }).click();
  await p.getByTestId('all-units-opened').filter({ hasText: WORDS[lang].opened }).waitFor({ timeout: LONG });
}

for (const [width, lang] of [
  [1400, 'th'],
  [320, 'th'],
  [1400, 'en'],
  [320, 'en'],
] as const) {
  test(`${width} px, ${lang}: central staff open all units of the round in one sheet, each row with its status`, async () => {
    const w = WORDS[lang];
    const p = await fx.openPane({ width, lang });
    await openAll(p, lang);
    const rows = await sheetRows(p);
    const units = [...new Set(rows.map((r) => r.unit))];
    assert.deepEqual(units, UNITS);
    assert.equal(rows.length, UNITS.length * 5, 'a block of 5 rows per unit');
    const status = (unit: string, id: string) => rows.find((r) => r.unit === unit && r.id === id)?.status;
    assert.equal(status('pte', '11.3'), w.returned);
    assert.equal(status('cbi', '11.3'), w.submitted);
    assert.equal(status('spp-pte1', '12'), w.draft);
    assert.equal(status('spm-pte', '11.3'), w.none);
    const said = (await p.getByTestId('all-units-opened').textContent()) ?? '';
    const summary =
      lang === 'th'
        ? `ส่งแล้ว รออนุมัติ ${counts.submitted} · อนุมัติแล้ว ${counts.approved} · ส่งคืนให้แก้ไข ${counts.returned} · ร่าง ${counts.draft}`
        : `${counts.submitted} submitted · ${counts.approved} approved · ${counts.returned} returned · ${counts.draft} draft`;
    assert.ok(said.includes(summary), `${said} says ${summary}`);
    if (width === 320) await assertNoSideScroll(p, 'all units opened');
    if (width === 1400) {
      // The grid scrolled to the right end: the status column beside the unit totals.
      await p.evaluate(() => {
        const g = document.querySelector('.pv-body');
        if (g) g.scrollLeft = g.scrollWidth;
      });
    }
    await p.getByTestId('open-all-units').scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(ARTIFACTS, `allunits-${width}-${lang}.png`) });
    if (width === 1400) {
      await p.evaluate(() => {
        const g = document.querySelector('.pv-body');
        if (g) g.scrollLeft = 0;
      });
      await p.screenshot({ path: join(ARTIFACTS, `allunits-${width}-${lang}-left.png`) });
    }
    await p.context().close();
  });
}

test('1400 px, th: opened again over a value typed in the sheet, the replace guard asks first; a new sheet keeps it', async () => {
  const p = await fx.openPane({ width: 1400, lang: 'th' });
  await openAll(p, 'th');
  // A value typed into spm-pte's 11.3 steps (the binary's one step) of the multi-unit sheet.
  const address = await p.evaluate((sheet) => {
    const wb = window.scorebookPreview!;
    const { rows, columns } = wb.dimensions(sheet);
    const header = Array.from({ length: columns }, (_, c) => wb.value(sheet, 4, c + 1));
    const unit = header.indexOf('หน่วยงาน') + 1;
    const id = header.indexOf('ลำดับ') + 1;
    const step = header.findIndex((h) => typeof h === 'string' && h.startsWith('ขั้นที่ 1')) + 1;
    for (let r = 5; r <= rows; r++) {
      if (wb.value(sheet, r, unit) === 'spm-pte' && wb.value(sheet, r, id) === '11.3') {
        let c = '';
        for (let n = step; n > 0; n = Math.floor((n - 1) / 26)) c = String.fromCharCode(65 + ((n - 1) % 26)) + c;
        return { a1: `${c}${r}`, row: r, column: step };
      }
    }
    return undefined;
  }, SHEET);
  assert.ok(address, 'the step cell of spm-pte 11.3');
  await p.evaluate(([sheet, a]) => window.scorebookPreview!.type(sheet, a, '1'), [SHEET, address.a1] as const);
  await p.getByRole('button', { name: WORDS.th.open, exact: true }).click();
  const dialog = p.getByTestId('replace-dialog');
  await dialog.waitFor({ timeout: LONG });
  assert.match((await dialog.textContent()) ?? '', WORDS.th.replace);
  await p.waitForTimeout(600);
  await p.screenshot({ path: join(ARTIFACTS, 'allunits-1400-th-replace.png') });
  await p.getByRole('radio', { name: /เปิดในชีตใหม่/ }).check();
  await dialog.getByRole('button', { name: 'ดำเนินการ' }).click();
  await p
    .getByTestId('all-units-opened')
    .filter({ hasText: /ชีตเดิมยังอยู่ครบ/ })
    .waitFor({ timeout: LONG });
  // The typed value is still in the first sheet; the new sheet has the server's (none).
  const typed = await p.evaluate(
    ([sheet, row, column]) => [
      window.scorebookPreview!.value(sheet, row, column),
      window.scorebookPreview!.value(`${sheet} (2)`, row, column),
    ],
    [SHEET, address.row, address.column] as const,
  );
  assert.deepEqual(typed, [1, null]);
  await p.screenshot({ path: join(ARTIFACTS, 'allunits-1400-th-new-sheet.png') });
  await p.context().close();
});

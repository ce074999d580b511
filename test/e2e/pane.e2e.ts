/**
 * End to end in Chromium, the task pane as people use it against `scorebook serve --demo`: at 1400 × 900 beside the
 * grid, and alone at 320 px (the narrowest pane Excel gives, `?layout=pane` makes it the whole page as in Excel),
 * in Thai and in English. A tab switch keeps the session and the pickers; the 12-month round can be chosen and its
 * closed notice shows; the approver decides on a row with its context (name, value, targets, level, score,
 * explanation, obstacles); at 320 px nothing scrolls sideways and every tab is reachable.
 * Screenshots: test-artifacts/e2e/pane-*.png.
 *
 * Run: `npm run test:e2e:pane` (needs `apt-get install -y chromium fonts-thai-tlwg`; no browser is downloaded).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS,
  LONG,
  PANE_WORDS,
  assertNoSideScroll,
  pickRound,
  previewWithDemoServer,
  signIn as signInAs,
  type Lang,
  type PreviewFixture,
} from './fixture';
import { ApiClient, type RunningServer, type Target } from './scorebookServer';

const ROOT = resolve(__dirname, '..', '..');
const SAMPLE = JSON.parse(readFileSync(join(ROOT, 'assets', 'samples', 'pte-2567.assessment.json'), 'utf8')) as {
  id: string;
  title: string;
  indicators: { id: string; name: string }[];
};
const TARGET: Target = { aid: SAMPLE.id, round: 6, unit: 'pte' };

/** The pane's words in both languages (by role and accessible name); adapt here when the pane changes. */
const WORDS = {
  th: {
    ...PANE_WORDS.th,
    lang: 'th' as Lang,
    summary: 'สรุปคะแนน',
    create: 'สร้างชีต',
    bind: 'ผูกชีต',
    issues: 'ตรวจสอบ',
    whatIf: 'สมมติผล',
    closed: /^รอบนี้ปิดรับรายงานแล้วเมื่อ/,
    loadSubmitted: 'แสดงแถวที่ส่งมา',
    approvals: 'อนุมัติรายงาน',
    comment: /^ความเห็น/,
    returned: 'ส่งคืนแล้ว 1 แถว',
    approved: 'อนุมัติแล้ว 1 แถว',
    value: 'ผลที่รายงาน: 97 ร้อยละ',
    score: 'ระดับ: มาตรฐาน · คะแนน: 85.00',
    submit: 'ส่งแถวที่แก้ไข',
  },
  en: {
    ...PANE_WORDS.en,
    lang: 'en' as Lang,
    summary: 'Scores',
    create: 'Create',
    bind: 'Bind',
    issues: 'Check',
    whatIf: 'What-if',
    closed: /^This round closed for reports on/,
    loadSubmitted: 'Show submitted rows',
    approvals: 'Approve reports',
    comment: /^Comment/,
    returned: 'Returned 1 rows',
    approved: 'Approved 1 rows',
    value: 'Reported: 97 ร้อยละ',
    score: 'Level: Standard · Score: 85.00',
    submit: 'Submit changed rows',
  },
};
type Words = (typeof WORDS)['th'];

let fx: PreviewFixture;
let server: RunningServer | undefined;

before(async () => {
  fx = await previewWithDemoServer('pane');
  server = fx.server;
});

after(async () => {
  await fx?.close();
  assert.deepEqual(fx?.errors ?? [], [], 'no uncaught errors in the page');
});

/** A page: beside the grid at 1400 × 900, or the pane alone at 320 px; Thai or English. */
async function openPane(o: { width: 1400 | 320; lang: 'th' | 'en' }): Promise<Page> {
  return fx.openPane(o);
}

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: join(ARTIFACTS, `pane-${name}.png`), fullPage: true });
}

/** Every tab is on screen and can be pressed (none pushed past the pane's edge). */
async function assertTabsReachable(p: Page, w: Words): Promise<void> {
  const width = p.viewportSize()!.width;
  for (const name of [w.create, w.bind, w.server, w.issues, w.summary, w.whatIf]) {
    const box = await p.getByRole('tab', { name: new RegExp(`^${name}`) }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= width, `tab ${name} is off-screen: ${JSON.stringify(box)}`);
  }
}

async function signIn(p: Page, w: Words, username: string): Promise<void> {
  await signInAs(p, { url: server!.url, username, lang: w.lang });
}

async function pick(p: Page, w: Words, round: number): Promise<void> {
  await pickRound(p, { assessment: SAMPLE.id, unit: TARGET.unit, round, lang: w.lang });
}

for (const [width, lang] of [
  [1400, 'th'],
  [320, 'th'],
  [320, 'en'],
  [1400, 'en'],
] as const) {
  test(`${width} px, ${lang}: a tab switch keeps the session, the pickers and the opened sheet`, async () => {
    const w = WORDS[lang];
    const p = await openPane({ width, lang });
    const tag = `${width}-${lang}`;
    if (width === 320) {
      await assertNoSideScroll(p, 'on open');
      await assertTabsReachable(p, w);
    }
    await shot(p, `${tag}-01-open`);
    await signIn(p, w, 'pte.reporter');
    await pick(p, w, 6);
    await p.getByRole('button', { name: w.open, exact: true }).click();
    await p.getByRole('status').filter({ hasText: w.opened }).waitFor({ timeout: LONG });
    if (width === 320) await assertNoSideScroll(p, 'signed in, sheet opened');
    await shot(p, `${tag}-02-opened`);

    // Away to the scores and back: still signed in, the same choice.
    await p.getByRole('tab', { name: w.summary }).click();
    await p.getByTestId('total').waitFor({ timeout: LONG });
    if (width === 320) await assertNoSideScroll(p, 'scores tab');
    await shot(p, `${tag}-03-scores`);
    await p.getByRole('tab', { name: w.server }).click();
    await p.getByText(w.signedIn).waitFor({ timeout: 5_000 });
    assert.equal(await p.getByLabel(w.password).count(), 0, 'no password asked again');
    assert.equal(await p.getByRole('combobox', { name: w.assessment }).inputValue(), SAMPLE.id);
    assert.equal(await p.getByRole('combobox', { name: w.unit }).inputValue(), TARGET.unit);

    await p.context().close();
  });

  test(`${width} px, ${lang}: the closed 12-month round can be chosen, stays chosen, and its closed notice shows`, async () => {
    const w = WORDS[lang];
    const p = await openPane({ width, lang });
    const tag = `${width}-${lang}`;
    await signIn(p, w, 'pte.reporter');
    await pick(p, w, 6);
    // Chosen, and still chosen two seconds later (re-renders come from everywhere), its notice shown.
    await p.getByRole('combobox', { name: w.round }).selectOption({ value: '12' });
    await p.waitForTimeout(2_000);
    assert.equal(await p.getByRole('combobox', { name: w.round }).inputValue(), '12');
    const window12 = (await p.getByTestId('round-window').textContent()) ?? '';
    assert.match(window12, lang === 'th' ? /ปิดรับรายงานแล้ว/ : /closed/i);
    // No sheet linked yet: the submit area's notice is about the chosen round.
    assert.match((await p.getByTestId('round-standing').textContent()) ?? '', w.closed);
    if (width === 320) await assertNoSideScroll(p, 'round 12 chosen');
    await p.getByTestId('round-standing').scrollIntoViewIfNeeded();
    await shot(p, `${tag}-04-round-12`);
    await p.context().close();
  });
}

test('the approver decides on rows with their context, beside the grid and at 320 px, in Thai and English', async () => {
  // The reporter's rows, with an explanation and obstacles, as the server keeps them.
  const reporter = await ApiClient.signIn(server!.url, 'pte.reporter');
  const results = await reporter.submit(TARGET, [
    {
      indicatorId: '1',
      value: 97,
      baseVersion: 0,
      explanation: 'ครัวเรือนเป้าหมายพ้นเกณฑ์ 97 จาก 100 ครัวเรือน',
      obstacles: 'ข้อมูล จปฐ. มาช้ากว่ากำหนด',
    },
    { indicatorId: '2', value: 91.4, baseVersion: 0 },
    { indicatorId: '10.1', value: 3, baseVersion: 0 },
    { indicatorId: '9', value: [1, 1, null], baseVersion: 0 },
  ]);
  assert.deepEqual(
    results.map((r) => r.outcome),
    ['accepted', 'accepted', 'accepted', 'accepted'],
  );

  for (const [width, lang] of [
    [1400, 'th'],
    [320, 'en'],
    [320, 'th'],
  ] as const) {
    const w = WORDS[lang];
    const p = await openPane({ width, lang });
    const tag = `${width}-${lang}`;
    await signIn(p, w, 'pte.approver');
    await pick(p, w, 6);
    await p.getByRole('button', { name: w.loadSubmitted }).click();
    const list = p.getByRole('list', { name: w.approvals });
    await list.waitFor({ timeout: LONG });
    const boxes = list.getByRole('checkbox');
    const ids = (await boxes.evaluateAll((els) =>
      els.map((e) => (e.closest('li')?.querySelector('label')?.textContent ?? '').split(':')[0]),
    )) as string[];
    // Indicator order; in the Thai run the two returned/approved rows are gone.
    assert.deepEqual(ids, width === 320 && lang === 'th' ? ['9', '10.1'] : width === 320 ? ['2', '9', '10.1'] : ['1', '2', '9', '10.1']);
    assert.equal(await boxes.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length), 0, 'nothing pre-ticked');
    if (width === 320) await assertNoSideScroll(p, `approver ${lang}`);

    if (width === 1400) {
      const one = p.getByTestId('approval-1');
      assert.equal(await one.getByTestId('approval-value').textContent(), w.value);
      assert.equal(await one.getByTestId('approval-score').textContent(), w.score);
      assert.match((await one.getByTestId('approval-explanation').textContent()) ?? '', /ครัวเรือนเป้าหมายพ้นเกณฑ์/);
      assert.match((await one.getByTestId('approval-obstacles').textContent()) ?? '', /จปฐ/);
      assert.match((await one.textContent()) ?? '', new RegExp(SAMPLE.indicators[0]!.name.slice(0, 20)));
      assert.match((await p.getByTestId('approval-9').getByTestId('approval-value').textContent()) ?? '', /✓ ✓ ✗/);
      await one.scrollIntoViewIfNeeded();
      await shot(p, `${tag}-05-approver-rows`);
      // A return needs a comment; returned, the comment goes.
      await one.getByRole('checkbox').check();
      assert.equal(await p.getByRole('button', { name: /^ส่งคืน 1 แถว$/ }).isDisabled(), true);
      await p.getByRole('textbox', { name: w.comment }).fill('แนบรายงาน จปฐ. ฉบับล่าสุดด้วย');
      await p.getByRole('button', { name: /^ส่งคืน 1 แถว$/ }).click();
      await p.getByTestId('approver-done').filter({ hasText: w.returned }).waitFor({ timeout: LONG });
      assert.equal(await p.getByRole('textbox', { name: w.comment }).inputValue(), '');
      await shot(p, `${tag}-06-approver-returned`);
    } else if (lang === 'en') {
      await p.getByTestId('approval-2').getByRole('checkbox').check();
      await p.getByRole('button', { name: 'Approve 1 rows' }).click();
      await p.getByTestId('approver-done').filter({ hasText: w.approved }).waitFor({ timeout: LONG });
      await assertNoSideScroll(p, 'approver after approving');
      await shot(p, `${tag}-05-approver-approved`);
    } else {
      await p.getByTestId('approval-9').scrollIntoViewIfNeeded();
      await shot(p, `${tag}-05-approver-rows`);
    }
    await p.context().close();
  }
  const held = await reporter.reports(TARGET);
  assert.equal(held.get('1')?.status, 'returned');
  assert.equal(held.get('1')?.comment, 'แนบรายงาน จปฐ. ฉบับล่าสุดด้วย');
  assert.equal(held.get('2')?.status, 'approved');
});

test('the multi-unit summary gives the unit names room, at 1400 × 900 and at 320 px', async () => {
  for (const width of [1400, 320] as const) {
    const p = await openPane({ width, lang: 'th' });
    await p.getByRole('combobox', { name: /ชุดตัวชี้วัด/ }).selectOption({ value: 'krs-2567' });
    await p.getByRole('radio', { name: /ชีตหลายหน่วยงาน/ }).check();
    await p.getByRole('button', { name: 'สร้างชีต', exact: true }).click();
    const table = p.getByTestId('unit-totals');
    await table.waitFor({ timeout: LONG });
    const nameCell = table.locator('tbody tr').first().locator('td').first();
    const box = await nameCell.boundingBox();
    assert.ok(box && box.width >= 100, `the unit-name column is ${box?.width ?? 0} px wide at ${width} px`);
    // The name wraps instead of being cut: its text is all inside the cell.
    const clipped = await nameCell.evaluate((td) => td.scrollWidth > td.clientWidth);
    assert.equal(clipped, false, 'the unit name is not clipped');
    if (width === 320) await assertNoSideScroll(p, 'multi-unit summary');
    await table.scrollIntoViewIfNeeded();
    await shot(p, `${width}-th-07-units`);
    await p.context().close();
  }
});

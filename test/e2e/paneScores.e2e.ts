/**
 * End to end in Chromium against `scorebook serve --demo`: a KRS sheet opened from the server in the 6-month round
 * shows the self-assessed total beside the certified one (only the row the approver approved counts), and 11.5
 * (12-month only) greyed with "ไม่ต้องรายงานในรอบนี้" / "Not reported in this round"; at 1400 × 900 and 320 px, Thai
 * and English, nothing scrolling sideways at 320. Screenshots: test-artifacts/e2e/panescores-*.png.
 *
 * Run: `npx tsx --test test/e2e/paneScores.e2e.ts` (Debian's chromium; SCOREBOOK_E2E_API_PORT picks the API's port).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { paths } from '../../src/api/routes';
import { ARTIFACTS, LONG, PANE_WORDS, assertNoSideScroll, openRound, previewWithDemoServer, signIn, type PreviewFixture } from './fixture';
import { ApiClient, type RunningServer, type Target } from './scorebookServer';

const TARGET: Target = { aid: 'krs-2567', round: 6, unit: 'pte' };
const WORDS = {
  th: { ...PANE_WORDS.th, summary: 'สรุปคะแนน', self: 'คะแนนประเมินตนเอง', certified: 'คะแนนที่รับรองแล้ว', notDue: 'ไม่ต้องรายงานในรอบนี้' },
  en: { ...PANE_WORDS.en, summary: 'Scores', self: 'Self-assessed', certified: 'Certified', notDue: 'Not reported in this round' },
};

let fx: PreviewFixture;
let server: RunningServer;

before(async () => {
  fx = await previewWithDemoServer('panescores');
  server = fx.server;
  // The reporter submits 11.3, the central office its central result 12 (a unit cannot set it); the approver
  // approves 11.3 only: the certified total counts it alone, the self-assessed one both.
  const reporter = await ApiClient.signIn(server.url, 'pte.reporter');
  const sent = await reporter.submit(TARGET, [{ indicatorId: '11.3', value: 1, baseVersion: 0 }]);
  assert.deepEqual(
    sent.map((r) => r.outcome),
    ['accepted'],
  );
  const post = async (username: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<void> => {
    const session = await fetch(`${server.url}${paths.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    const { token } = (await session.json()) as { token: string };
    const r = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    assert.ok(r.ok, `${username} ${path}: ${r.status} ${await r.text()}`);
  };
  // Central staff save (they do not submit for a unit): the row stays a draft.
  await post(
    'central',
    paths.reports(TARGET.aid, TARGET.round, TARGET.unit),
    { action: 'save', rows: [{ indicatorId: '12', value: 87.25, baseVersion: 0 }] },
    { 'idempotency-key': 'e2e-panescores-central' },
  );
  await post('pte.approver', paths.approve(TARGET.aid, TARGET.round, TARGET.unit, '11.3'), {});
});

after(async () => {
  await fx?.close();
  assert.deepEqual(fx?.errors ?? [], [], 'no uncaught errors in the page');
});

async function openPane(width: 1400 | 320, lang: 'th' | 'en'): Promise<Page> {
  return fx.openPane({ width, lang });
}

for (const [width, lang] of [
  [1400, 'th'],
  [320, 'th'],
  [1400, 'en'],
  [320, 'en'],
] as const) {
  test(`${width} px, ${lang}: both totals and a not-due row in the summary`, async () => {
    const w = WORDS[lang];
    const p = await openPane(width, lang);
    await signIn(p, { url: server.url, username: 'pte.reporter', lang });
    await openRound(p, { assessment: TARGET.aid, unit: TARGET.unit, round: TARGET.round, lang });
    await p.getByRole('tab', { name: w.summary }).click();
    await p.getByTestId('total-certified').waitFor({ timeout: LONG });
    const card = await p.getByTestId('total-card').innerText();
    assert.ok(card.includes(w.self) && card.includes(w.certified), card);
    const self = await p.getByTestId('total').innerText();
    const certified = await p.getByTestId('total-certified').innerText();
    assert.notEqual(self, certified);
    const row = p.getByTestId('score-11.5');
    assert.ok((await row.innerText()).includes(w.notDue));
    if (width === 320) await assertNoSideScroll(p, 'the summary');
    await row.scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(ARTIFACTS, `panescores-${width}-${lang}.png`), fullPage: true });
    console.log(`${width} ${lang}: self-assessed ${self}, certified ${certified}`);
  });
}

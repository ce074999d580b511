/**
 * The pane's report buttons in Chromium: a sheet of its own makes its report in the browser (src/documents loaded on
 * demand, the fonts fetched as files), and a sheet linked to a server round, signed in, downloads the server's; each
 * download is a PDF whose text (pdftotext) holds every indicator name, and the Word one is a .docx. Screenshots of the
 * buttons in Thai and English at 1400 and 320 px. `npm run test:e2e:report`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { allIndicators } from '../../src/domain';
import { loadAssessment } from '../../src/taskpane/model/loadAssessment';
import { ARTIFACTS, assertNoSideScroll, LONG, openRound, previewWithDemoServer, signIn, type Lang, type PreviewFixture } from './fixture';
import { ApiClient, type Target } from './scorebookServer';

const TARGET: Target = { aid: 'pte-2567', round: 6, unit: 'pte' };
const EXPLANATION = 'จัดอบรมครบทุกอำเภอ น้ำท่วมที่ลิ้นจี่';
const WORDS = {
  th: { summary: 'สรุปคะแนน', pdf: 'รายงาน (PDF)', docx: 'รายงาน (Word)', fromServer: /จากเซิร์ฟเวอร์/, fromSheet: /จากชีตนี้แล้ว/ },
  en: { summary: 'Scores', pdf: 'Report (PDF)', docx: 'Report (Word)', fromServer: /from http/, fromSheet: /from this sheet/ },
};

const sample = JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'samples', 'pte-2567.assessment.json'), 'utf8')) as unknown;
const loaded = loadAssessment(sample, 'pte-2567');
if (!loaded.ok) throw new Error('the sample does not load');
const NAMES = allIndicators(loaded.value.assessment).map((i) => i.name);

let fx: PreviewFixture;

before(async () => {
  fx = await previewWithDemoServer('report');
  const reporter = await ApiClient.signIn(fx.server.url, 'pte.reporter');
  const sent = await reporter.submit(TARGET, [{ indicatorId: '1', value: 97, explanation: EXPLANATION, baseVersion: 0 }]);
  assert.deepEqual(
    sent.map((r) => r.outcome),
    ['accepted'],
  );
});
after(() => fx?.close());

/** Clicks a report button and keeps the file it downloads under test-artifacts/e2e/. */
async function download(p: Page, button: string, name: string): Promise<string> {
  const [file] = await Promise.all([p.waitForEvent('download', { timeout: LONG }), p.getByRole('button', { name: button }).click()]);
  const path = join(ARTIFACTS, name);
  await file.saveAs(path);
  return path;
}

/** pdftotext -raw, its lines joined: a long name may wrap in the table, but every line carries its text exactly. */
function textOf(pdf: string): string {
  assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
}

function assertNames(text: string, where: string): void {
  const flat = text.replace(/\s+/g, '');
  for (const name of NAMES) assert.ok(flat.includes(name.replace(/\s+/g, '')), `${where}: "${name}" is not in the PDF's text`);
}

async function createFromSample(p: Page, lang: Lang): Promise<void> {
  await p.getByRole('combobox', { name: lang === 'th' ? /ชุดตัวชี้วัด/ : /Assessment/ }).selectOption('pte-2567');
  await p.getByRole('button', { name: lang === 'th' ? 'สร้างชีต' : 'Create sheet' }).click();
  await p.getByTestId('total').waitFor({ timeout: LONG });
}

test('a sheet of its own: Report (PDF) is made in the browser and names every indicator; Word too', async () => {
  for (const lang of ['th', 'en'] as const) {
    const p = await fx.openPane({ width: 1400, lang });
    await createFromSample(p, lang);
    await p.getByTestId('report-buttons').waitFor();
    await p.screenshot({ path: join(ARTIFACTS, `report-buttons-${lang}-1400.png`) });
    const pdf = await download(p, WORDS[lang].pdf, `report-local-${lang}.pdf`);
    await p.getByText(WORDS[lang].fromSheet).waitFor({ timeout: LONG });
    assertNames(textOf(pdf), `local ${lang}`);
    const docx = await download(p, WORDS[lang].docx, `report-local-${lang}.docx`);
    assert.equal(readFileSync(docx).subarray(0, 2).toString('latin1'), 'PK');
    await p.screenshot({ path: join(ARTIFACTS, `report-made-${lang}-1400.png`) });
    await p.context().close();
  }
  assert.deepEqual(fx.errors, []);
});

test('a linked sheet, signed in: the server’s report is downloaded (its stored explanation in it)', async () => {
  for (const lang of ['th', 'en'] as const) {
    const p = await fx.openPane({ width: 320, lang });
    await signIn(p, { url: fx.server.url, username: 'pte.reporter', lang });
    await openRound(p, { assessment: TARGET.aid, unit: TARGET.unit, round: TARGET.round, lang });
    await p.getByRole('tab', { name: WORDS[lang].summary }).click();
    await p.getByTestId('report-buttons').scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(ARTIFACTS, `report-buttons-${lang}-320.png`), fullPage: true });
    const pdf = await download(p, WORDS[lang].pdf, `report-server-${lang}.pdf`);
    await p.getByText(WORDS[lang].fromServer).waitFor({ timeout: LONG });
    await assertNoSideScroll(p, `the report's message at 320 px (${lang})`);
    const text = textOf(pdf);
    assertNames(text, `server ${lang}`);
    assert.ok(text.includes(EXPLANATION), 'the explanation stored on the server is in its report');
    await p.screenshot({ path: join(ARTIFACTS, `report-downloaded-${lang}-320.png`), fullPage: true });
    await p.context().close();
  }
  assert.deepEqual(fx.errors, []);
});

/**
 * Edit → summary in the browser, measured (not asserted): the preview in Debian's Chromium with a generated
 * 1,000-indicator assessment loaded through the pane's file picker; each edit is typed into the workbook and timed
 * until the pane's total shows the new value — the debounce, the port read, src/domain scoring and React's DOM update
 * all included (and the preview's HyperFormula recalculation, which in Excel is Excel's own work).
 *
 * Run: npm run bench:taskpane:browser -- [rows]   (default 1000)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readAssessment } from '../../src/domain';
import { kpiLayout, requireColumn } from '../../src/workbook';
import { launch, serve } from './browser';
import { buildPreview } from './buildPreview';

const ROOT = resolve(__dirname, '..', '..');
const ROWS = Number(process.argv[2] ?? 1000);
const EDITS = 40;

async function main(): Promise<void> {
  const out = join(ROOT, 'test-artifacts', 'preview-site');
  mkdirSync(join(ROOT, 'test-artifacts', 'bench'), { recursive: true });
  const file = join(ROOT, 'test-artifacts', 'bench', `bench-${ROWS}.assessment.json`);
  const indicators = Array.from({ length: ROWS }, (_, i) => ({
    id: String(i + 1),
    name: `ตัวชี้วัดที่ ${i + 1}`,
    unit: 'ร้อยละ',
    weight: 1,
    component: i % 2 ? 'a' : 'b',
    kind: 'quantitative',
    targets: [80, 85, 90],
  }));
  const doc = {
    format: 'scorebook/assessment@1',
    id: `bench-${ROWS}`,
    title: `bench ${ROWS}`,
    fiscalYear: 2567,
    scale: 'three-level',
    components: [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ],
    indicators,
  };
  writeFileSync(file, JSON.stringify(doc));
  const read = readAssessment(doc);
  if (!read.ok) throw new Error('the generated assessment does not read');
  const letter = requireColumn(kpiLayout(read.value), 'result').letter;
  await buildPreview(out);
  const site = await serve(out);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(site.url);
    await page.getByTestId('assessment-file').setInputFiles(file);
    await page.getByTestId('assessment-summary').waitFor();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'สร้างชีต' }).click();
    await page.getByTestId('total').waitFor({ timeout: 120_000 });
    console.log(`${ROWS} indicator rows: sheet created and checked in ${Date.now() - t0} ms (preview)`);
    // tsx compiles with esbuild's keepNames, whose __name helper the page does not have.
    await page.evaluate('window.__name = (f) => f');
    const times: number[] = await page.evaluate(
      async ({ edits, letter }) => {
        const wb = window.scorebookPreview!;
        const total = (): string => document.querySelector('[data-testid="total"]')?.textContent ?? '';
        const out: number[] = [];
        for (let i = 0; i < edits; i++) {
          const before = total();
          const row = 5 + ((Math.floor(i / 2) * 37) % 900);
          const start = performance.now();
          // A result that reaches the top level, then the same cell blanked again: every edit moves the total.
          wb.type('KPI', `${letter}${row}`, i % 2 ? '' : '95');
          await new Promise<void>((done) => {
            const check = (): void => (total() !== before ? done() : void requestAnimationFrame(check));
            check();
          });
          out.push(performance.now() - start);
          await new Promise((r) => setTimeout(r, 50));
        }
        return out;
      },
      { edits: EDITS + 6, letter },
    );
    const s = times.slice(6).sort((a, b) => a - b);
    const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
    console.log(
      `edit → total shown (Chromium, incl. debounce): median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${s[s.length - 1]!.toFixed(0)} ms over ${s.length} edits`,
    );
  } finally {
    await browser.close();
    await site.close();
  }
}

void main();

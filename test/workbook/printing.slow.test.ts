/**
 * The KPI template prints (LibreOffice, headless, converts it to PDF; poppler's pdfinfo / pdftotext / pdftoppm read
 * the pages): A4 landscape, every column a person reads on one page wide, the header row on every page, no helper
 * column, the page number and the round in the footer, ✓ / ✗ for steps and 7,000.00-style targets. The first page
 * is rendered to test-artifacts/documents/ to be looked at.
 *
 * Needs `soffice` and poppler-utils (apt-get install libreoffice-calc poppler-utils); skipped when missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAssessment, readResults, type RawIndicator } from '../../src/domain';
import { buildTemplateWorkbook } from '../../src/cli/xlsx/writeTemplate';

const has = (cmd: string, arg: string): boolean => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const soffice = ['soffice', 'libreoffice'].find((cmd) => has(cmd, '--version'));
const poppler = has('pdfinfo', '-v');
if (!soffice || !poppler)
  console.warn('printing.slow.test.ts: soffice or pdfinfo missing, print check skipped (apt-get install libreoffice-calc poppler-utils)');

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'documents');
const json = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, 'assets', 'samples', file), 'utf8')) as unknown;

interface Printed {
  readonly pages: readonly string[];
  readonly info: string;
  readonly pdf: string;
}

/** The sample's template with its results (the round from them), as LibreOffice prints it. */
async function print(dir: string, name: string, document: unknown, resultsDocument: unknown): Promise<Printed> {
  const read = readAssessment(document);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const results = readResults(resultsDocument, read.value);
  if (!results.ok) throw new Error(JSON.stringify(results.issues));
  const xlsx = join(dir, `${name}.xlsx`);
  await buildTemplateWorkbook(read.value, { document, results: results.value }).xlsx.writeFile(xlsx);
  execFileSync(
    soffice as string,
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = join(dir, `${name}.pdf`);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const pages = Array.from({ length: count }, (_, k) =>
    execFileSync('pdftotext', ['-layout', '-f', String(k + 1), '-l', String(k + 1), pdf, '-'], { encoding: 'utf8' }),
  );
  return { pages, info, pdf };
}

/** The KPI sheet's pages: those before the settings sheet (ตั้งค่า) starts. */
function kpiPages(p: Printed): string[] {
  const settings = p.pages.findIndex((t) => t.includes('ScorebookFloor'));
  return p.pages.slice(0, settings < 0 ? p.pages.length : settings);
}

(soffice && poppler ? describe : describe.skip)('the KPI template printed through LibreOffice', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scorebook-print-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the Pathum Thani template prints on one A4 landscape page wide, with ✓ / ✗, 7,000.00 and the round in the footer', async () => {
    const p = await print(dir, 'pte-2567', json('pte-2567.assessment.json'), json('pte-2567.results.json'));
    // A4 landscape: 842 × 595 points.
    expect(p.info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const kpi = kpiPages(p);
    // 12 indicators, every column on each page (it was 5 portrait Letter pages split by columns): one page wide, and
    // in TH Sarabun New at 14 pt with names wrapped at 34 characters, two pages tall, the header on both.
    expect(kpi.length).toBeGreaterThanOrEqual(1);
    expect(kpi.length).toBeLessThanOrEqual(2);
    for (const p of kpi) for (const header of ['ลำดับ', 'มาตรฐาน', 'หมายเหตุ']) expect(p).toContain(header);
    const page = kpi.join('\n');
    for (const header of ['ลำดับ', 'มาตรฐาน', 'คะแนน', 'อุปสรรค', 'หมายเหตุ']) expect(page).toContain(header);
    expect(page).toContain('7,000.00');
    expect(page).toContain('2,874.79');
    expect(page).toMatch(/✓\s+✓\s+✗/);
    expect(page).not.toMatch(/TRUE|FALSE/);
    // No helper column: their headers never print.
    for (const helper of ['รหัสแถว', 'ผลรายขั้นตอน', 'ค่าที่ใช้คิดคะแนน']) expect(page).not.toContain(helper);
    expect(page).toContain('หน้า 1 / ');
    expect(page).toContain('รายงานรอบ 6 เดือน');
    // The footer's total counts every page LibreOffice exports, the settings sheet's too ("หน้า 1 / 5"); Excel,
    // printing the active sheet as it does by default, counts the KPI sheet's own.
    expect(page).toMatch(new RegExp(`หน้า 1 / ${p.pages.length}`));
    kpi.forEach((_, k) => {
      execFileSync('pdftoppm', [
        '-r',
        '110',
        '-f',
        String(k + 1),
        '-l',
        String(k + 1),
        '-png',
        '-singlefile',
        p.pdf,
        join(dir, `pte-2567-page${k + 1}`),
      ]);
      copyFileSync(join(dir, `pte-2567-page${k + 1}.png`), join(ARTIFACTS, `pte-2567-template-page${k + 1}.png`));
    });
    copyFileSync(p.pdf, join(ARTIFACTS, 'pte-2567-template.pdf'));
  }, 180_000);

  test("a long sheet (the sample's indicators five times over) repeats the header and keeps the score column on every page", async () => {
    const document = json('pte-2567.assessment.json') as { indicators: RawIndicator[]; components?: unknown };
    const results = json('pte-2567.results.json') as { results: Record<string, unknown> };
    // Five copies of every top-level indicator (ids "1", "1-2" …), with the same results: 60+ rows.
    const copies = (n: number): RawIndicator[] => document.indicators.map((i) => renamed(i, n));
    const long = { ...document, indicators: [1, 2, 3, 4, 5].flatMap(copies) };
    const longResults = {
      ...results,
      results: Object.fromEntries(
        [1, 2, 3, 4, 5].flatMap((n) => Object.entries(results.results).map(([id, v]) => [n === 1 ? id : `${id}-${n}`, v])),
      ),
    };
    const p = await print(dir, 'pte-long', long, longResults);
    const kpi = kpiPages(p);
    expect(kpi.length).toBeGreaterThanOrEqual(2);
    kpi.forEach((page, k) => {
      // The header row, repeated, and the score columns on the same page as the names (one page wide).
      expect(page).toContain('ลำดับ');
      expect(page).toContain('มาตรฐาน');
      expect(page).toContain('คะแนน');
      // A row's score and weighted score (75.00  0.75) printed on the page beside its name.
      expect(page).toMatch(/\d+\.\d\d\s+\d+\.\d\d/);
      expect(page).toContain(`หน้า ${k + 1} / `);
    });
  }, 180_000);
});

function renamed(i: RawIndicator, n: number): RawIndicator {
  if (n === 1) return i;
  const r = i as RawIndicator & { id: string; children?: RawIndicator[] };
  return { ...r, id: `${r.id}-${n}`, ...(r.children ? { children: r.children.map((c) => renamed(c, n)) } : {}) } as RawIndicator;
}

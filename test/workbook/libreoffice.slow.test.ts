/**
 * Templates recalculated by a second real spreadsheet program: LibreOffice Calc, headless, converts each written
 * template to .xlsx again (which recalculates every formula), and the ScorebookTotal it computed must equal the
 * domain's totalBeforePenalty to 1e-9; so must every row's score. The re-saved file is then read back the way
 * `scorebook check` reads a workbook saved by another program.
 *
 * Needs `soffice` (apt-get install libreoffice-calc); skipped with a message when it is not installed.
 * Samples: assets/samples/*.assessment.json with their *.results.json, and the edge cases in fixtures/.
 */
// exceljs cells, not Office.js proxies: nothing to load or sync.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { readAssessment, readResults, scoreAssessment } from '../../src/domain';
import { buildTemplateWorkbook } from '../../src/cli/xlsx/writeTemplate';
import { readTemplateFile } from '../../src/cli/xlsx/readTemplate';
import { kpiLayout, NAMES, NOT_DUE_TEXT, requireColumn } from '../../src/workbook';

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
if (!soffice) {
  console.warn('libreoffice.slow.test.ts: soffice not found, LibreOffice cross-check skipped (apt-get install libreoffice-calc)');
}

const ROOT = join(__dirname, '..', '..');
const pairs = [join(ROOT, 'assets', 'samples'), join(__dirname, 'fixtures')].flatMap((dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.assessment.json') && existsSync(join(dir, f.replace('.assessment.json', '.results.json'))))
        .map((f) => ({
          name: f.replace('.assessment.json', ''),
          assessment: join(dir, f),
          results: join(dir, f.replace('.assessment.json', '.results.json')),
        }))
    : [],
);

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8')) as unknown;

function numberResult(cell: ExcelJS.Cell): number | null {
  const v = cell.value;
  const result = typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
  return typeof result === 'number' ? result : null;
}

function textResult(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  return typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
}

(soffice ? describe : describe.skip)('templates recalculated by LibreOffice', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scorebook-lo-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let groupRows = 0;
  let derivedRows = 0;

  test('there are samples to check, a not-due row among them', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    expect(pairs.map((p) => p.name)).toContain('not-due');
  });

  test.each(pairs)(
    '$name: LibreOffice computes the same total and scores as the domain',
    async ({ name, assessment: aFile, results: rFile }) => {
      const document = json(aFile);
      const read = readAssessment(document);
      if (!read.ok) throw new Error(`${aFile}: ${JSON.stringify(read.issues)}`);
      const assessment = read.value;
      const results = readResults(json(rFile), assessment);
      if (!results.ok) throw new Error(`${rFile}: ${JSON.stringify(results.issues)}`);
      const expected = scoreAssessment(assessment, results.value);

      const written = join(dir, `${name}.xlsx`);
      await buildTemplateWorkbook(assessment, { document, results: results.value }).xlsx.writeFile(written);
      const outDir = join(dir, 'recalculated');
      // Its own profile, so a LibreOffice already open elsewhere (or another test run) does not get in the way.
      execFileSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--calc',
          '--convert-to',
          'xlsx',
          '--outdir',
          outDir,
          written,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const recalculated = join(outDir, basename(written));

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(recalculated);
      const totalRef = wb.definedNames.model.find((n) => n.name === NAMES.total)?.ranges[0];
      expect(totalRef).toBeDefined();
      const [sheetPart, cellPart] = (totalRef as string).split('!') as [string, string];
      const ws = wb.getWorksheet(sheetPart.replace(/^'|'$/g, ''));
      if (!ws) throw new Error(`no sheet ${sheetPart}`);
      const total = numberResult(ws.getCell(cellPart.replace(/\$/g, '')));
      expect(expected.totalBeforePenalty).not.toBeNull();
      expect(total).not.toBeNull();
      expect(Math.abs((total as number) - (expected.totalBeforePenalty as number))).toBeLessThanOrEqual(1e-9);

      const layout = kpiLayout(assessment);
      const scoreColumn = requireColumn(layout, 'score').column;
      for (const row of layout.rows) {
        const domainRow = expected.indicators.find((i) => i.id === row.indicator.id);
        const domain = domainRow?.score ?? null;
        const sheet = numberResult(ws.getCell(row.row, scoreColumn));
        if (domainRow?.status === 'not-due') expect(textResult(ws.getCell(row.row, scoreColumn))).toBe(NOT_DUE_TEXT);
        if (domain === null) expect(sheet).toBeNull();
        else expect(Math.abs((sheet as number) - domain)).toBeLessThanOrEqual(1e-9);
        // Derived targets (the OTOP derivation): LibreOffice's ROUND and arithmetic give the domain's targets.
        const leaf = row.indicator;
        if (leaf.kind !== 'group' && leaf.targetExpressions) {
          leaf.targets.forEach((t, k) => {
            const cell = numberResult(ws.getCell(row.row, requireColumn(layout, `target${k + 1}`).column));
            expect(cell).not.toBeNull();
            expect(Math.abs((cell as number) - t)).toBeLessThanOrEqual(1e-9);
          });
          derivedRows++;
        }
      }
      // Group headings: their subtotals as the domain's groups.
      const weightedColumn = requireColumn(layout, 'weightedScore').column;
      for (const g of layout.groupRows ?? []) {
        const domain = expected.groups.find((x) => x.id === g.group.id);
        const score = numberResult(ws.getCell(g.row, scoreColumn));
        const weighted = numberResult(ws.getCell(g.row, weightedColumn));
        if (domain?.score === null) expect(score).toBeNull();
        else expect(Math.abs((score as number) - (domain?.score as number))).toBeLessThanOrEqual(1e-9);
        expect(Math.abs((weighted as number) - (domain?.weightedScore as number))).toBeLessThanOrEqual(1e-9);
        groupRows++;
      }

      // Saved by another program, the workbook still reads back: `check` scores it as the domain does.
      const back = await readTemplateFile(recalculated);
      if (!back.ok) throw new Error(JSON.stringify(back.issues));
      // Recalculated derived targets are the assessment's: nothing reads as a target changed by hand.
      expect(back.value.issues.filter((i) => i.code === 'target-changed')).toEqual([]);
      // The round travels in ScorebookRound when some row has rounds: `check` leaves out the same rows.
      if (layout.columns.some((c) => c.role === 'rounds')) expect(back.value.resultSet.round).toBe(results.value.round);
      const checked = scoreAssessment(back.value.assessment, back.value.resultSet);
      expect(Math.abs((checked.totalBeforePenalty as number) - (expected.totalBeforePenalty as number))).toBeLessThanOrEqual(1e-9);
    },
    180_000,
  );

  // Words typed in step and binary cells (the domain's table: ทำสำเร็จ, ✓, ส่งแล้ว … / ไม่สำเร็จ, ✗, ยังไม่ส่ง …).
  const YES = ['ทำสำเร็จ', ' ✓ ', 'ส่ง แล้ว', 'ใช่', '๑', 'YES', 'ดำเนินการ'];
  const NO = ['ไม่สำเร็จ', '✗', 'ยังไม่ส่ง', 'ไม่ใช่', '๐', 'ไม่ ดำเนินการ'];
  const wordSamples = pairs.filter((p) => ['krs-2567', 'pte-2567', 'otop-2567'].includes(p.name));

  test.each(wordSamples)(
    '$name with words in its step and binary cells: LibreOffice scores them as the domain does',
    async ({ name, assessment: aFile, results: rFile }) => {
      const document = json(aFile);
      const read = readAssessment(document);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const assessment = read.value;
      const results = readResults(json(rFile), assessment);
      if (!results.ok) throw new Error(JSON.stringify(results.issues));
      const layout = kpiLayout(assessment);
      const wb = buildTemplateWorkbook(assessment, { document, results: results.value });
      const ws = wb.getWorksheet(layout.sheet) as ExcelJS.Worksheet;
      // Each typed step becomes a word of the same meaning, the words taken in turn.
      const typed: Record<string, unknown> = { ...results.value.results };
      let n = 0;
      let words = 0;
      for (const row of layout.rows) {
        const leaf = row.indicator;
        if (leaf.kind !== 'milestone' && leaf.kind !== 'binary') continue;
        const marks = leaf.steps.map((_, k) => {
          const cell = ws.getCell(row.row, requireColumn(layout, `step${k + 1}`).column);
          const v = cell.value;
          if (v !== 1 && v !== 0 && v !== true && v !== false) return v;
          const word = (v === 1 || v === true ? YES : NO)[n++ % (v === 1 || v === true ? YES.length : NO.length)] as string;
          cell.value = word;
          words++;
          return word;
        });
        typed[leaf.id] = marks;
      }
      expect(words).toBeGreaterThan(0);
      const expected = scoreAssessment(assessment, { ...results.value, results: typed as never });
      const written = join(dir, `${name}-words.xlsx`);
      await wb.xlsx.writeFile(written);
      const outDir = join(dir, 'recalculated-words');
      execFileSync(
        soffice as string,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--calc',
          '--convert-to',
          'xlsx',
          '--outdir',
          outDir,
          written,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const recalculated = join(outDir, basename(written));
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(recalculated);
      const sheet = back.getWorksheet(layout.sheet) as ExcelJS.Worksheet;
      const scoreColumn = requireColumn(layout, 'score').column;
      for (const row of layout.rows) {
        const domain = expected.indicators.find((i) => i.id === row.indicator.id);
        if (domain?.status === 'not-due') continue;
        const cell = numberResult(sheet.getCell(row.row, scoreColumn));
        if (domain?.score === null || domain?.score === undefined) expect(cell).toBeNull();
        else expect(Math.abs((cell as number) - domain.score)).toBeLessThanOrEqual(1e-9);
      }
      const total = numberResult(sheet.getCell(layout.totalCell.replace(/\$/g, '')));
      expect(Math.abs((total as number) - (expected.totalBeforePenalty as number))).toBeLessThanOrEqual(1e-9);
      // `check` on the re-saved file reads the words as the sheet counted them, with no warning about them.
      const checked = await readTemplateFile(recalculated);
      if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
      expect(checked.value.issues.filter((i) => i.code === 'text-in-step-cell')).toEqual([]);
      const rescored = scoreAssessment(checked.value.assessment, checked.value.resultSet);
      expect(Math.abs((rescored.totalBeforePenalty as number) - (expected.totalBeforePenalty as number))).toBeLessThanOrEqual(1e-9);
    },
    180_000,
  );

  test('the samples recalculated include group headings and derived targets', () => {
    expect(groupRows).toBeGreaterThanOrEqual(4);
    expect(derivedRows).toBeGreaterThanOrEqual(2);
  });
});

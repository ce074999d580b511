/**
 * The template of the Pathum Thani 2567 sample (groups ๑.๑ / ๑.๒ / ๒.๑ / ๒.๒, OTOP targets derived from a baseline):
 * group heading rows with subtotal formulas, each derivation kept as a formula over the inputs block of the settings
 * sheet, target cells locked, and `check` warning `target-changed` at every target cell typed over by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readAssessment, readResults, scoreAssessment, type Assessment } from '../../src/domain';
import { buildTemplateWorkbook } from '../../src/cli/xlsx/writeTemplate';
import { readTemplateWorkbook } from '../../src/cli/xlsx/readTemplate';
import { kpiLayout, requireColumn, SETTINGS_SHEET } from '../../src/workbook';
import { cliHarness } from './cliHarness';

jest.setTimeout(60_000);

const SAMPLES = join(__dirname, '..', '..', 'assets', 'samples');
const json = (name: string): unknown => JSON.parse(readFileSync(join(SAMPLES, name), 'utf8')) as unknown;
const document = json('pte-2567.assessment.json');
const read = readAssessment(document);
if (!read.ok) throw new Error(JSON.stringify(read.issues));
const assessment: Assessment = read.value;
const resultsRead = readResults(json('pte-2567.results.json'), assessment);
if (!resultsRead.ok) throw new Error(JSON.stringify(resultsRead.issues));
const results = resultsRead.value;
const layout = kpiLayout(assessment);
const rowOf = (id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
const col = (role: Parameters<typeof requireColumn>[1]): number => requireColumn(layout, role).column;

async function roundTrip(edit?: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildTemplateWorkbook(assessment, { document, results }).xlsx.writeBuffer());
  if (edit) edit(wb.getWorksheet(layout.sheet)!);
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

test('each group is a heading row above its indicators, its subtotal a formula', async () => {
  const ws = (await roundTrip()).getWorksheet(layout.sheet)!;
  expect(layout.groupRows?.map((g) => g.group.id)).toEqual(['๑.๑', '๑.๒', '๒.๑', '๒.๒']);
  for (const g of layout.groupRows ?? []) {
    expect(ws.getCell(g.row, col('name')).value).toBe(`${g.group.id} ${g.group.name}`);
    expect(ws.getCell(g.row, col('id')).value).toBeNull();
    const score = ws.getCell(g.row, col('score')).value as { formula?: string };
    expect(score.formula).toMatch(/SUMIFS/);
  }
  // ๑.๑ heads indicators 1–3, ๑.๒ heads 4–7.
  expect(layout.groupRows?.[0]?.row).toBe(rowOf('1') - 1);
  expect(layout.groupRows?.[1]?.row).toBe(rowOf('4') - 1);
});

test('the OTOP targets are formulas over the baseline and growth on the settings sheet, and locked', async () => {
  const wb = await roundTrip();
  const ws = wb.getWorksheet(layout.sheet)!;
  const r = rowOf('5');
  const formula = (k: number): string => (ws.getCell(r, col(`target${k}`)).value as { formula: string }).formula;
  const settings = wb.getWorksheet(SETTINGS_SHEET)!;
  const inputRow = (name: string): number => {
    let found = 0;
    settings.eachRow((row, n) => {
      if (row.getCell(3).value === `5:${name}`) found = n;
    });
    return found;
  };
  expect(settings.getCell(inputRow('baseline'), 2).value).toBe(2874.79);
  expect(settings.getCell(inputRow('growth'), 2).value).toBe(0.0997);
  expect(formula(1)).toBe(`'${SETTINGS_SHEET}'!$B$${inputRow('baseline')}`);
  const [t1, t3] = [ws.getCell(r, col('target1')).address, ws.getCell(r, col('target3')).address];
  expect(formula(2)).toBe(`(${t1}+${t3})/2`);
  expect(formula(3)).toBe(`ROUND('${SETTINGS_SHEET}'!$B$${inputRow('baseline')}*(1+'${SETTINGS_SHEET}'!$B$${inputRow('growth')}),2)`);
  // Written targets stay numbers; every target cell is locked under the sheet's protection.
  expect(ws.getCell(rowOf('1'), col('target1')).value).toBe(90);
  for (const row of layout.rows) {
    for (let k = 1; k <= 3; k++) expect(ws.getCell(row.row, col(`target${k}`)).protection?.locked).not.toBe(false);
  }
  expect(ws.getCell(rowOf('1'), col('result')).protection?.locked).toBe(false);
  expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
});

test('check of an unedited template warns of no target', async () => {
  const back = readTemplateWorkbook(await roundTrip());
  if (!back.ok) throw new Error(JSON.stringify(back.issues));
  expect(back.value.issues.filter((i) => i.code === 'target-changed')).toEqual([]);
});

test("check of a sheet whose targets were typed over: target-changed at each cell, scored with the assessment's targets", async () => {
  const wb = await roundTrip((ws) => {
    ws.getCell(rowOf('1'), col('target2')).value = 99;
    ws.getCell(rowOf('5'), col('target3')).value = 3000;
  });
  const back = readTemplateWorkbook(wb);
  if (!back.ok) throw new Error(JSON.stringify(back.issues));
  const changed = back.value.issues.filter((i) => i.code === 'target-changed');
  const at = (id: string, k: number): string =>
    `${layout.sheet}!${wb.getWorksheet(layout.sheet)!.getCell(rowOf(id), col(`target${k}`)).address}`;
  expect(changed.map((i) => i.cell)).toEqual([at('1', 2), at('5', 3)]);
  expect(changed.every((i) => i.severity === 'warning')).toBe(true);
  expect(changed[1]?.message.en).toContain('3,161.41');
  const checked = scoreAssessment(back.value.assessment, back.value.resultSet);
  expect(checked.totalBeforePenalty).toBeCloseTo(scoreAssessment(assessment, results).totalBeforePenalty as number, 12);
});

test('scorebook check --json lists the target-changed warning with its cell; score --json has the groups', async () => {
  const { dir, run } = cliHarness('scorebook-groups-');
  const out = join(dir, 'pte.xlsx');
  const wb = await roundTrip((ws) => {
    ws.getCell(rowOf('7'), col('target1')).value = 35;
  });
  await wb.xlsx.writeFile(out);
  const check = await run('--lang', 'en', 'check', out, '--json');
  const doc = JSON.parse(check.stdout) as { issues: { code: string; cell?: string }[]; groups: { id: string }[] };
  expect(doc.issues).toContainEqual(
    expect.objectContaining({
      code: 'target-changed',
      cell: `${layout.sheet}!${wb.getWorksheet(layout.sheet)!.getCell(rowOf('7'), col('target1')).address}`,
    }),
  );
  const score = await run('score', join(SAMPLES, 'pte-2567.assessment.json'), join(SAMPLES, 'pte-2567.results.json'), '--json');
  const scored = JSON.parse(score.stdout) as {
    total: number;
    groups: { id: string; component: string; score: number; weightedScore: number }[];
  };
  expect(scored.groups.map((g) => [g.id, g.component])).toEqual([
    ['๑.๑', 'performance'],
    ['๑.๒', 'performance'],
    ['๒.๑', 'potential'],
    ['๒.๒', 'potential'],
  ]);
  expect(scored.groups.reduce((s, g) => s + g.weightedScore, 0)).toBeCloseTo(scored.total, 9);
  expect(scored.groups[0]?.score).toBeCloseTo(76.5, 9);
  const human = await run('score', join(SAMPLES, 'pte-2567.assessment.json'), join(SAMPLES, 'pte-2567.results.json'));
  expect(human.stdout).toContain('๑.๑ ตัวชี้วัดตามภารกิจ (Functional KPIs): คะแนนเฉลี่ย 76.50, คะแนนถ่วงน้ำหนัก 22.95');
});

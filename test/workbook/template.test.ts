/** The .xlsx template written with exceljs, and read back as `scorebook check` reads it. */
// exceljs cells are plain objects; the office-addins rules take getCell() for Office.js's proxy.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readAssessment, scoreAssessment, type Assessment } from '../../src/domain';
import { buildTemplateWorkbook } from '../../src/cli/xlsx/writeTemplate';
import { readTemplateFile, readTemplateWorkbook } from '../../src/cli/xlsx/readTemplate';
import {
  BINDING_FORMAT,
  BINDING_SHEET,
  bindingRows,
  CHUNK,
  kpiLayout,
  readBindingRows,
  requireColumn,
  resultInputs,
} from '../../src/workbook';
import { benchAssessmentDoc, seededRandom } from '../bench/generate';

const document = {
  format: 'scorebook/assessment@1',
  id: 'otop',
  title: 'รายได้ OTOP',
  fiscalYear: 2567,
  scale: 'three-level',
  indicators: [
    { id: '5', name: 'รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน (OTOP)', unit: 'ล้านบาท', weight: 60, targets: [2874.79, 3018.1, 3161.41] },
    { id: '3', name: 'ขั้นตอน', weight: 20, kind: 'milestone', steps: ['a', 'b', 'c'] },
    {
      id: '11.2',
      name: 'ร้อยละ',
      weight: 20,
      kind: 'ratio',
      multiplier: 100,
      targets: [80, 85, 90],
      variables: [
        { id: 'num', name: 'ผ่าน' },
        { id: 'den', name: 'ทั้งหมด', central: true },
      ],
    },
  ],
};

function assessment(doc: unknown = document): Assessment {
  const read = readAssessment(doc);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

const results = { results: { '5': '๓,๐๕๐', '3': ['สำเร็จ', true, 0], '11.2': { num: 43, den: 50 } } };

test('a template filled with results reads back to the same scores (readable text written as numbers)', async () => {
  const a = assessment();
  const wb = await roundTrip(buildTemplateWorkbook(a, { document, results }));
  const read = readTemplateWorkbook(wb);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  // A step given as true is written as 1, which the step column shows as ✓ (never TRUE).
  expect(read.value.resultSet.results).toEqual({ '5': 3050, '3': [1, 1, 0], '11.2': { num: 43, den: 50 } });
  expect(read.value.issues).toEqual([]);
  expect(scoreAssessment(read.value.assessment, read.value.resultSet).totalBeforePenalty).toBeCloseTo(
    scoreAssessment(a, results).totalBeforePenalty as number,
    12,
  );
});

test('unreadable text is written as it was typed, so the issue stays visible', () => {
  const inputs = resultInputs(assessment(), { results: { '5': 'ไม่มีข้อมูล', '3': ['บางส่วน', null, null] } });
  expect(inputs.get('5')).toEqual({ result: 'ไม่มีข้อมูล' });
  expect(inputs.get('3')).toEqual({ steps: ['บางส่วน', null, null] });
});

test('the workbook has the table, the names, the settings, the protection and the very hidden binding record', async () => {
  const a = assessment();
  const wb = await roundTrip(buildTemplateWorkbook(a, { document, results }));
  const layout = kpiLayout(a);
  const ws = wb.getWorksheet(layout.sheet);
  if (!ws) throw new Error('no KPI sheet');
  expect(ws.getTable(layout.table)).toBeDefined();
  const names = wb.definedNames.model.map((n) => n.name).sort();
  expect(names).toEqual(
    expect.arrayContaining([
      'ScorebookTotal',
      'ScorebookFloor',
      'ScorebookMode',
      'ScorebookNotReported',
      'ScorebookScore_1',
      'ScorebookScore_3',
    ]),
  );
  expect(wb.getWorksheet('ตั้งค่า')).toBeDefined();
  expect(wb.getWorksheet(BINDING_SHEET)?.state).toBe('veryHidden');

  const row = layout.rows[0]!.row;
  const result = ws.getCell(row, requireColumn(layout, 'result').column);
  const score = ws.getCell(row, requireColumn(layout, 'score').column);
  expect(result.protection?.locked).toBe(false);
  expect(score.protection?.locked).not.toBe(false);
  expect(score.formula).toBe(`X${row}`.replace('X', requireColumn(layout, 'scoreAt0').letter));
  expect(score.numFmt).toBe('0.00');
  expect(result.dataValidation?.prompt).toContain('ขั้นต้น 2,874.79 / มาตรฐาน 3,018.10 / ขั้นสูง 3,161.41');
  // A central variable is shown but not typed into.
  const den = ws.getCell(layout.rows[2]!.row, requireColumn(layout, 'denominator').column);
  expect(den.protection?.locked).not.toBe(false);
});

test('editing the settings sheet changes what check scores, as it changes the sheet', async () => {
  const a = assessment();
  const wb = await roundTrip(buildTemplateWorkbook(a, { document, results }));
  wb.getWorksheet('ตั้งค่า')!.getCell('B4').value = 'step';
  const read = readTemplateWorkbook(wb);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  expect(read.value.assessment.policies.mode).toBe('step');
  expect(read.value.issues.map((i) => i.code)).toEqual(['settings-edited']);
  expect(scoreAssessment(read.value.assessment, read.value.resultSet).indicators[0]?.score).toBe(75);
});

test('a large assessment is split across cells below Excel’s 32,767-character limit and joined again', () => {
  // Names of random Thai letters, so packing cannot shrink the document into one cell.
  const random = seededRandom(7);
  const letters = 'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาิีึืุูเแโใไ';
  const name = (): string => Array.from({ length: 60 }, () => letters[Math.floor(random() * letters.length)]).join('');
  const big = {
    ...document,
    indicators: Array.from({ length: 3000 }, (_, i) => ({ id: `${i + 1}`, name: name(), weight: 1, targets: [1, 2, 3] })),
  };
  const rows = bindingRows({
    format: BINDING_FORMAT,
    sheet: 'KPI',
    table: 'T',
    settingsSheet: 'ตั้งค่า',
    headerRow: 4,
    columns: {},
    assessment: big,
  });
  const parts = rows.filter((r) => r[0] === 'assessment');
  expect(parts.length).toBeGreaterThan(1);
  expect(parts.every((r) => String(r[1]).length <= CHUNK)).toBe(true);
  const back = readBindingRows(rows);
  expect(back.ok && back.value.assessment).toEqual(big);
});

test('@2 packs the assessment: 20,000 generated indicators (3.8 MB of JSON) take under 250 KB of cells, and read back equal', () => {
  const big = benchAssessmentDoc(20_000);
  const server = { format: 'scorebook/server-link@1', rows: { '1': { version: 3, value: 12.5 } } };
  const rows = bindingRows({
    format: BINDING_FORMAT,
    sheet: 'KPI',
    table: 'T',
    settingsSheet: 'ตั้งค่า',
    headerRow: 4,
    columns: { id: 'ลำดับ' },
    assessment: big,
    server,
  });
  expect(rows[0]).toEqual(['format', 'scorebook/workbook@2']);
  const chars = rows.reduce((n, r) => n + String(r[1]).length, 0);
  expect(JSON.stringify(big).length).toBeGreaterThan(2_500_000);
  expect(chars).toBeLessThan(250_000);
  // Plain ASCII: nothing a host could mangle.
  expect(rows.filter((r) => r[0] === 'assessment').every((r) => /^[A-Za-z0-9+/=]+$/.test(String(r[1])))).toBe(true);
  const back = readBindingRows(rows);
  expect(back.ok && back.value).toEqual({
    format: BINDING_FORMAT,
    sheet: 'KPI',
    table: 'T',
    settingsSheet: 'ตั้งค่า',
    headerRow: 4,
    columns: { id: 'ลำดับ' },
    assessment: big,
    server,
  });
});

test('a @1 record (plain JSON, as earlier versions wrote it) is still read, and comes back as the current version', () => {
  const v1 = [
    ['format', 'scorebook/workbook@1'],
    ['sheet', 'KPI'],
    ['table', 'ScorebookKPI'],
    ['settingsSheet', 'ตั้งค่า'],
    ['headerRow', 4],
    ['columns', JSON.stringify({ id: 'ลำดับ', result: 'ผลการดำเนินงาน' })],
    ['assessment', JSON.stringify(document).slice(0, 50)],
    ['assessment', JSON.stringify(document).slice(50)],
    ['server', JSON.stringify({ format: 'x@1' })],
  ];
  const back = readBindingRows(v1);
  expect(back).toEqual({
    ok: true,
    value: {
      format: BINDING_FORMAT,
      sheet: 'KPI',
      table: 'ScorebookKPI',
      settingsSheet: 'ตั้งค่า',
      headerRow: 4,
      columns: { id: 'ลำดับ', result: 'ผลการดำเนินงาน' },
      assessment: document,
      server: { format: 'x@1' },
    },
  });
});

test('a multi-unit record keeps the headers of its unit columns', () => {
  const multiUnit = { unit: 'หน่วยงาน', unitName: 'ชื่อหน่วยงาน', unitTotal: 'คะแนนรวมของหน่วยงาน' };
  const back = readBindingRows(
    bindingRows({
      format: BINDING_FORMAT,
      sheet: 'KPI หน่วยงาน',
      table: 'U',
      settingsSheet: 'ตั้งค่า',
      headerRow: 3,
      columns: {},
      assessment: document,
      multiUnit,
    }),
  );
  expect(back.ok && back.value.multiUnit).toEqual(multiUnit);
});

test('a damaged packed assessment is a damaged record, said in Thai and English', () => {
  const rows = bindingRows({
    format: BINDING_FORMAT,
    sheet: 'KPI',
    table: 'T',
    settingsSheet: 'ตั้งค่า',
    headerRow: 4,
    columns: {},
    assessment: document,
  }).map((r) => (r[0] === 'assessment' ? ['assessment', `${String(r[1]).slice(0, 20)}!!`] : r));
  const back = readBindingRows(rows);
  expect(back.ok).toBe(false);
  if (!back.ok)
    expect(back.issues[0]).toMatchObject({
      code: 'binding-invalid',
      message: { th: expect.stringContaining('เสียหาย'), en: expect.stringContaining('damaged') },
    });
});

test('a binding record of a newer format says so', () => {
  const back = readBindingRows([['format', 'scorebook/workbook@9']]);
  expect(back.ok).toBe(false);
  if (!back.ok) expect(back.issues[0]?.code).toBe('binding-version');
});

describe('files that are not templates', () => {
  let dir = '';
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'scorebook-template-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a text file renamed .xlsx is a clear error in Thai and English', async () => {
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, 'not a zip');
    const read = await readTemplateFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.issues[0]).toMatchObject({
        code: 'xlsx-unreadable',
        message: { th: expect.stringContaining('ไม่ใช่ไฟล์ Excel'), en: expect.stringContaining('not a readable Excel workbook') },
      });
  });

  test('an ordinary workbook is not a template', async () => {
    const file = join(dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 1;
    await wb.xlsx.writeFile(file);
    const read = await readTemplateFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]?.code).toBe('not-a-template');
  });

  test('a missing file', async () => {
    const read = await readTemplateFile(join(dir, 'nope.xlsx'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]?.code).toBe('file-unreadable');
  });
});

test("a row not due in the sheet's round: ScorebookRound on the settings sheet, the score cell says ไม่ต้องรายงานในรอบนี้, the row is greyed, check leaves it out", async () => {
  const doc = { ...document, indicators: [...document.indicators.slice(0, 2), { ...document.indicators[2], rounds: [12] }] };
  const a = assessment(doc);
  const wb = await roundTrip(buildTemplateWorkbook(a, { document: doc, results: { ...results, round: 6 } }));
  const layout = kpiLayout(a);
  const settings = wb.getWorksheet('ตั้งค่า') as ExcelJS.Worksheet;
  const roundRow = settings.getRows(1, settings.rowCount)?.find((r) => r.getCell(3).value === 'ScorebookRound');
  expect(roundRow?.getCell(2).value).toBe(6);
  const ws = wb.getWorksheet(layout.sheet) as ExcelJS.Worksheet;
  const row = layout.rows.find((r) => r.indicator.id === '11.2')!;
  expect(ws.getCell(row.row, requireColumn(layout, 'rounds').column).value).toBe(',12,');
  const score = ws.getCell(row.row, requireColumn(layout, 'score').column).value as { formula: string };
  expect(score.formula).toContain('"ไม่ต้องรายงานในรอบนี้"');
  expect(JSON.stringify((ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings)).toContain('ไม่ต้องรายงานในรอบนี้');
  const read = readTemplateWorkbook(wb);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  expect(read.value.resultSet.round).toBe(6);
  const report = scoreAssessment(read.value.assessment, read.value.resultSet);
  expect(report.indicators.find((i) => i.id === '11.2')?.status).toBe('not-due');
  expect(report.totalBeforePenalty).toBeCloseTo(scoreAssessment(a, { ...results, round: 6 }).totalBeforePenalty as number, 12);
});

/** How a KPI sheet prints, as the pane's plan says it and as `scorebook template` writes it (printLayout.ts). */
// exceljs cells, not Office.js proxies: nothing to load or sync.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readAssessment, readResults } from '../../src/domain';
import { buildTemplateWorkbook } from '../../src/cli/xlsx/writeTemplate';
import { columnFormat, kpiLayout, printSettings, sheetFigures, STEP_FORMAT, wrappedRowHeight } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';

const ROOT = join(__dirname, '..', '..');
const doc = JSON.parse(readFileSync(join(ROOT, 'assets/samples/pte-2567.assessment.json'), 'utf8')) as unknown;
const read = readAssessment(doc);
if (!read.ok) throw new Error('sample');
const A = read.value;
const results = readResults(JSON.parse(readFileSync(join(ROOT, 'assets/samples/pte-2567.results.json'), 'utf8')), A);
if (!results.ok) throw new Error('sample results');

test('the print area stops at the last column a person reads: no helper, step-mark or rounds column prints', () => {
  const layout = kpiLayout(A);
  const p = printSettings(layout, 6);
  const lastVisible = layout.columns.filter((c) => !c.hidden).at(-1)!;
  expect(lastVisible.role).toBe('note');
  expect(p.printArea).toBe(`A1:${lastVisible.letter}${layout.lastDataRow}`);
  expect(layout.columns.filter((c) => c.hidden).every((c) => c.column > lastVisible.column)).toBe(true);
  expect(p.titleRows).toBe(`${layout.headerRow}:${layout.headerRow}`);
  expect(p.footer).toBe('หน้า &P / &N · รายงานรอบ 6 เดือน (round 6)');
});

test("the pane's sheet and the template take their number formats from one place: 7,000.00, scores at the decimals, ✓ / ✗", () => {
  const { plan, layout } = kpiSheetPlan({ assessment: A, document: doc });
  const formatOf = (role: string): string | undefined => {
    const c = layout.columns.find((x) => x.role === role)!;
    return plan.ops.find(
      (o) => o.kind === 'numberFormat' && o.sheet === layout.sheet && o.address.startsWith(`${c.letter}${layout.firstDataRow}:`),
    )?.['format' as never];
  };
  // Pathum Thani's most precise target has two decimals (2,874.79), its most precise weight one (2.5).
  expect(formatOf('target1')).toBe('#,##0.00');
  expect(formatOf('weight')).toBe('#,##0.0');
  expect(formatOf('score')).toBe('0.00');
  expect(formatOf('step1')).toBe(STEP_FORMAT);
  for (const role of ['target1', 'weight', 'score', 'step1'] as const) expect(formatOf(role)).toBe(columnFormat(role, sheetFigures(A)));
  expect(plan.ops.filter((o) => o.kind === 'pageLayout')).toEqual([
    expect.objectContaining({ paper: 'A4', orientation: 'landscape', fitToWidth: 1 }),
  ]);
  expect(plan.ops.at(-1)?.kind === 'select' || plan.ops.some((o) => o.kind === 'autofitRows')).toBe(true);
});

test('the template writes the same formats, A4 landscape fit to one page wide, and steps as 1 / 0 (✓ / ✗), never TRUE / FALSE', async () => {
  const wb = buildTemplateWorkbook(A, { document: doc, results: results.value });
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  const layout = kpiLayout(A);
  const ws = back.getWorksheet(layout.sheet)!;
  expect(ws.pageSetup).toEqual(
    expect.objectContaining({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
  );
  expect(ws.headerFooter.oddFooter).toContain('&P');
  const row = layout.rows.find((r) => r.indicator.id === '9')!;
  const step = (k: number) => ws.getCell(row.row, layout.columns.find((c) => c.role === `step${k}`)!.column);
  expect([step(1).value, step(2).value, step(3).value]).toEqual([1, 1, 0]);
  expect(step(1).numFmt).toBe(STEP_FORMAT);
  const t1 = ws.getCell(layout.rows.find((r) => r.indicator.id === '4')!.row, layout.columns.find((c) => c.role === 'target1')!.column);
  expect(t1.numFmt).toBe('#,##0.00');
  // TH Sarabun New by name, 14 pt, in the table's cells (the title larger).
  expect(ws.getCell(row.row, 2).font).toEqual(expect.objectContaining({ name: 'TH Sarabun New', size: 14 }));
  expect(ws.getCell(layout.titleRow, 1).font).toEqual(expect.objectContaining({ name: 'TH Sarabun New', size: 18, bold: true }));
});

test('a wrapped Thai name gets the rows it needs; marks above and below the line take no width', () => {
  expect(wrappedRowHeight('สั้น', 48)).toBe(wrappedRowHeight('x', 48));
  // The same height for the pane's sheets' font: 14 pt a line, with room for the marks.
  expect(wrappedRowHeight('x', 34)).toBe(Math.ceil(14 * 1.6 + 4));
  const long = 'การขับเคลื่อนการดำเนินงานการขจัดความยากจนและพัฒนาคนทุกช่วงวัยอย่างยั่งยืนตามหลักปรัชญาของเศรษฐกิจพอเพียง';
  expect(wrappedRowHeight(long, 48)).toBeGreaterThanOrEqual(2 * wrappedRowHeight('x', 48) - 8);
  expect(wrappedRowHeight('ที่ ลิ้น เยิ้ม', 4)).toBe(wrappedRowHeight('ท ลน เยม', 4));
});

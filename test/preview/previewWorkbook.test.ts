import { scoreAssessment } from '../../src/domain';
import { requireColumn } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { evaluateSheet } from '../../src/taskpane/model/evaluate';
import { sample } from '../taskpane/sheetGrid';

const pte = sample('pte-2567');

async function created(): Promise<{ wb: PreviewWorkbook; plan: ReturnType<typeof kpiSheetPlan> }> {
  const wb = new PreviewWorkbook();
  const plan = kpiSheetPlan({ assessment: pte.assessment, document: pte.document });
  await wb.apply(plan.plan);
  return { wb, plan };
}

test('a KPI sheet plan writes the sheet, its names and its binding record', async () => {
  const { wb, plan } = await created();
  expect(wb.visibleSheets()).toEqual(['ตั้งค่า', 'KPI']);
  expect(wb.sheetNames()).toContain('_scorebook');
  const binding = await wb.readBinding();
  expect(binding?.ok && binding.value.sheet).toBe('KPI');
  // Nothing reported: every indicator scores notReported = 0.
  expect(wb.evaluate('ScorebookTotal', 'KPI')).toBe(0);
  const result = requireColumn(plan.layout, 'result');
  expect(wb.isColumnHidden('KPI', requireColumn(plan.layout, 'key').column)).toBe(true);
  expect(wb.isColumnHidden('KPI', result.column)).toBe(false);
});

test('typed values: the formulas, the sheet reader and the domain agree; text stays text', async () => {
  const { wb, plan } = await created();
  const result = requireColumn(plan.layout, 'result');
  const rowOf = (id: string): number => plan.layout.rows.find((r) => r.indicator.id === id)!.row;
  const changes: string[] = [];
  await wb.onChange('KPI', (c) => changes.push(c.address));
  wb.type('KPI', `${result.letter}${rowOf('1')}`, '97');
  wb.type('KPI', `${result.letter}${rowOf('2')}`, 'abc');
  wb.type('KPI', `${result.letter}${rowOf('5')}`, '๓,๐๕๐');
  wb.type('KPI', `${result.letter}${rowOf('8')}`, '85%');
  const step1 = requireColumn(plan.layout, 'step1');
  wb.type('KPI', `${step1.letter}${rowOf('9')}`, '1');
  expect(changes).toHaveLength(5);
  expect(wb.value('KPI', rowOf('8'), result.column)).toBe('85%');
  expect(wb.value('KPI', rowOf('5'), result.column)).toBe('๓,๐๕๐');

  const grid = (await wb.read({ ranges: [{ sheet: 'KPI', numberFormats: true }] })).ranges[0]!;
  const e = evaluateSheet(pte.assessment, grid);
  if (!e.ok) throw new Error('no reading');
  const expected = scoreAssessment(pte.assessment, { results: { '1': 97, '2': 'abc', '9': [1] } }).totalBeforePenalty!;
  expect(e.report.totalBeforePenalty).toBeCloseTo(expected, 9);
  expect(wb.evaluate('ScorebookTotal', 'KPI') as number).toBeCloseTo(expected, 9);
  // The template's conditional mark shows text in a number cell.
  expect(wb.style('KPI', rowOf('2'), result.column).fill).toBe('#F8D7DA');
  expect(wb.style('KPI', rowOf('1'), result.column).fill).not.toBe('#F8D7DA');
});

test("the port's own writes are not reported as changes", async () => {
  const { wb, plan } = await created();
  const changes: string[] = [];
  await wb.onChange('KPI', (c) => changes.push(c.address));
  await wb.apply(plan.plan);
  await wb.apply({ title: 'what-if', ops: [{ kind: 'cells', sheet: 'KPI', topLeft: 'Z5', contents: [[1]] }] });
  expect(changes).toEqual([]);
});

test('select moves the selection; a missing sheet is an error that says what to do', async () => {
  const { wb } = await created();
  await wb.select('KPI', '$F$7');
  expect(wb.currentSelection()).toEqual({ sheet: 'KPI', address: 'F7' });
  await expect(wb.select('Nope', 'A1')).rejects.toMatchObject({ code: 'sheet-missing' });
});

test('conditional marks drawn once are kept, and follow every edit: the edited cell and the cells it moves', async () => {
  const { wb, plan } = await created();
  const result = requireColumn(plan.layout, 'result');
  const score = requireColumn(plan.layout, 'score');
  const row = plan.layout.rows.find((r) => r.indicator.id === '1')!.row;
  const other = plan.layout.rows.find((r) => r.indicator.id === '2')!.row;
  const marks = (): [string | undefined, string | undefined, string | undefined] => [
    wb.style('KPI', row, result.column).fill,
    wb.style('KPI', row, score.column).fill,
    wb.style('KPI', other, result.column).fill,
  ];
  // Drawn before any edit (and so kept): inputs in the input colour, the score (0, not reported) below the first level.
  expect(marks()).toEqual(['#FFF9E6', '#FFC7CE', '#FFF9E6']);
  wb.type('KPI', `${result.letter}${row}`, 'abc');
  expect(marks()[0]).toBe('#F8D7DA');
  wb.type('KPI', `${result.letter}${row}`, '97');
  // The number clears the mark on the result, and its score (a formula of the same row) leaves red for amber.
  expect(marks()).toEqual(['#FFF9E6', '#FFEB9C', '#FFF9E6']);
  wb.type('KPI', `${result.letter}${other}`, 'x');
  expect(marks()).toEqual(['#FFF9E6', '#FFEB9C', '#F8D7DA']);
  // A later plan (styles, marks) is drawn from scratch.
  await wb.apply({ title: 'refill', ops: [{ kind: 'style', sheet: 'KPI', address: `${result.letter}${row}`, fill: '#000000' }] });
  expect(marks()[0]).toBe('#000000');
});

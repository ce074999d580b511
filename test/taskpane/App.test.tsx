/** @jest-environment jsdom */
/**
 * The task pane against a real workbook port: the browser preview's HyperFormula workbook, so what the pane writes
 * is evaluated by a formula engine and what a person types arrives as change events, as in Excel.
 */
import './jsdomShims';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatNumber, scoreAssessment } from '../../src/domain';
import { requireColumn, kpiLayout } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { WorkbookError } from '../../src/workbook/port';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import { sample } from './sheetGrid';

const pte = sample('pte-2567');
const layout = kpiLayout(pte.assessment);
const rowOf = (id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
const resultCell = (id: string): string => `${requireColumn(layout, 'result').letter}${rowOf(id)}`;

async function createPteSheet(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.selectOptions(screen.getByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'pte-2567');
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  await screen.findByTestId('total');
}

test('opens in Thai by default and in English when Office says so; the switch changes language', async () => {
  const user = userEvent.setup();
  const { unmount } = render(<App port={new PreviewWorkbook()} />);
  expect(await screen.findByText('สร้างชีต KPI จากชุดตัวชี้วัด')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByText('Create a KPI sheet from an assessment')).toBeTruthy();
  unmount();
  render(<App port={new PreviewWorkbook()} displayLanguage="en-US" />);
  expect(await screen.findByText('Create a KPI sheet from an assessment')).toBeTruthy();
});

test('creates the KPI sheet from a bundled sample and updates the total after an edit', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  render(<App port={wb} />);
  await createPteSheet(user);
  expect(wb.visibleSheets()).toContain('KPI');
  expect(screen.getByTestId('total').textContent).toBe('0.00');
  expect(screen.getByTestId('counts').textContent).toContain('ยังไม่รายงาน 12');

  act(() => wb.type('KPI', resultCell('1'), '97'));
  act(() => wb.type('KPI', resultCell('5'), '3050'));
  const expected = scoreAssessment(pte.assessment, { results: { '1': 97, '5': 3050 } }).totalBeforePenalty!;
  await waitFor(() => expect(screen.getByTestId('total').textContent).toBe(formatNumber(expected, 2)));
  expect(screen.getByTestId('counts').textContent).toContain('รายงานแล้ว 2');
  // The sheet's own formula total says the same.
  expect(wb.evaluate('ScorebookTotal', 'KPI') as number).toBeCloseTo(expected, 9);
});

test('issues are grouped by severity with their cell; a click selects the cell', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  render(<App port={wb} />);
  await createPteSheet(user);
  act(() => wb.type('KPI', resultCell('2'), 'abc'));
  act(() => wb.type('KPI', resultCell('5'), '๓,๐๕๐'));
  await user.click(screen.getByRole('tab', { name: /ตรวจสอบ/ }));
  const errors = await screen.findByTestId('issues-error');
  const link = within(errors).getByRole('button', { name: `KPI!${resultCell('2')}` });
  expect(within(screen.getByTestId('issues-warning')).getByText(/3050/)).toBeTruthy();
  await user.click(link);
  expect(wb.currentSelection()).toEqual({ sheet: 'KPI', address: resultCell('2') });
  // Fixing the value clears the error.
  act(() => wb.type('KPI', resultCell('2'), '91.4'));
  await waitFor(() => expect(screen.queryByTestId('issues-error')).toBeNull());
});

test('what-if: the result needed for a total, put into the what-if column, gives that total there and not in the real one', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  render(<App port={wb} />);
  await createPteSheet(user);
  act(() => wb.type('KPI', resultCell('1'), '100'));
  await waitFor(() => expect(screen.getByTestId('total').textContent).toBe('10.00'));
  await user.click(screen.getByRole('tab', { name: 'สมมติผล' }));
  await user.selectOptions(screen.getByTestId('goal-indicator'), '4');
  await user.type(screen.getByTestId('goal-total'), '20');
  await user.click(screen.getByRole('button', { name: 'คำนวณ' }));
  const answer = await screen.findByTestId('goal-answer');
  expect(answer.textContent).toContain('ต้องได้ผลอย่างน้อย');
  await user.click(within(answer).getByRole('button', { name: 'ใส่ในคอลัมน์สมมติผล' }));
  await waitFor(() => expect(screen.getByTestId('whatif-total').textContent).toBe('20.00'));
  expect(wb.evaluate('ScorebookTotal', 'KPI')).toBe(10);
  // The ranking lists every indicator that takes a result, best first.
  expect(within(screen.getByTestId('gains')).getAllByRole('row').length).toBeGreaterThan(1);
});

test('the what-if column is inserted right after the input columns; scores, total and reading move with it', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  render(<App port={wb} />);
  await createPteSheet(user);
  act(() => wb.type('KPI', resultCell('1'), '100'));
  await waitFor(() => expect(screen.getByTestId('total').textContent).toBe('10.00'));
  const lastInput = Math.max(
    ...layout.columns
      .filter((c) => c.role === 'result' || /^step\d+$/.test(c.role) || c.role === 'numerator' || c.role === 'denominator')
      .map((c) => c.column),
  );
  const score = requireColumn(layout, 'score').column;
  expect(score).toBe(lastInput + 1);
  await user.click(screen.getByRole('tab', { name: 'สมมติผล' }));
  await user.click(screen.getByRole('button', { name: /เพิ่มคอลัมน์สมมติผล/ }));
  // The header sits beside the last step column, where คะแนน was; คะแนน moved one right, its formula with it.
  await waitFor(() => expect(wb.value('KPI', layout.headerRow, lastInput + 1)).toBe('ผลสมมติ (What-if)'));
  expect(wb.value('KPI', layout.headerRow, score + 1)).toBe('คะแนน');
  expect(wb.evaluate('ScorebookTotal', 'KPI')).toBe(10);
  // A result typed after the insertion is still read and scored, by the pane and by the sheet.
  act(() => wb.type('KPI', resultCell('5'), '3050'));
  const expected = scoreAssessment(pte.assessment, { results: { '1': 100, '5': 3050 } }).totalBeforePenalty!;
  await waitFor(() => expect(wb.evaluate('ScorebookTotal', 'KPI') as number).toBeCloseTo(expected, 9));
  await waitFor(() => expect(screen.getByTestId('whatif-total').textContent).toBe(formatNumber(expected, 2)));
  // A value tried there changes the what-if total only.
  act(() => wb.type('KPI', `${String.fromCharCode(64 + lastInput + 1)}${rowOf('5')}`, '2800'));
  const tried = scoreAssessment(pte.assessment, { results: { '1': 100, '5': 2800 } }).totalBeforePenalty!;
  await waitFor(() => expect(screen.getByTestId('whatif-total').textContent).toBe(formatNumber(tried, 2)));
  expect(wb.evaluate('ScorebookTotal', 'KPI') as number).toBeCloseTo(expected, 9);
}, 20_000);

test('a goal above what one indicator can give says it is not reachable', async () => {
  const user = userEvent.setup();
  render(<App port={new PreviewWorkbook()} displayLanguage="en" />);
  await user.selectOptions(screen.getByRole('combobox', { name: /Assessment/ }), 'pte-2567');
  await user.click(screen.getByRole('button', { name: 'Create sheet' }));
  await screen.findByTestId('total');
  await user.click(screen.getByRole('tab', { name: 'What-if' }));
  await user.type(screen.getByTestId('goal-total'), '95');
  await user.click(screen.getByRole('button', { name: 'Calculate' }));
  expect((await screen.findByTestId('goal-answer')).textContent).toMatch(/not reachable/);
});

test('reopening a workbook restores the session from its binding record and checks the sheet', async () => {
  const wb = new PreviewWorkbook();
  await wb.apply(kpiSheetPlan({ assessment: pte.assessment, document: pte.document }).plan);
  wb.type('KPI', resultCell('3'), 'n/a');
  render(<App port={wb} />);
  expect(await screen.findByTestId('total')).toBeTruthy();
  expect(screen.getByTestId('bound').textContent).toContain('KPI');
  expect(screen.getByTestId('counts').textContent).toContain('ค่าไม่ถูกต้อง 1');
});

test('binds a hand-made sheet: English headers, rows by id and by name, ids written, formula columns added, binding stored', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  const otop = sample('otop-2567');
  const teen = otop.assessment.indicators.find((i) => i.id === '2')!;
  await wb.apply({
    title: 'hand-made',
    ops: [
      { kind: 'sheet', sheet: 'Loei', ifExists: 'replace' },
      {
        kind: 'cells',
        sheet: 'Loei',
        topLeft: 'A1',
        contents: [['Loei KPI'], [null], ['No.', 'Indicator', 'Actual'], ['4.1', 'OTOP', 3050], [null, teen.name, 22.4]],
      },
    ],
  });
  render(<App port={wb} displayLanguage="en" listSheets={async () => wb.visibleSheets()} />);
  await user.click(await screen.findByRole('tab', { name: 'Bind' }));
  await user.selectOptions(screen.getByRole('combobox', { name: /Assessment/ }), 'otop-2567');
  await user.click(screen.getByRole('button', { name: 'Find the header row' }));
  const proposal = await screen.findByTestId('binding-proposal');
  expect(within(proposal).getByText('Header row: 3')).toBeTruthy();
  expect(within(proposal).getByText('matched by name')).toBeTruthy();
  expect(within(proposal).getByText(/adds the formula columns/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Confirm and add the score formulas' }));
  await screen.findByTestId('total');
  const binding = await wb.readBinding();
  expect(binding?.ok && binding.value).toMatchObject({
    sheet: 'Loei',
    headerRow: 3,
    columns: { id: 'No.', name: 'Indicator', result: 'Actual', weight: 'น้ำหนัก', weightedScore: 'คะแนนถ่วงน้ำหนัก' },
  });
  expect(wb.value('Loei', 5, 1)).toBe('2');
  const expected = scoreAssessment(otop.assessment, { results: { '4.1': 3050, '2': 22.4 } }).totalBeforePenalty!;
  expect(screen.getByTestId('total').textContent).toBe(formatNumber(expected, 2));
  // The sheet scores itself: its new formula columns give the pane's total (eco, with no row, got one below).
  expect(wb.evaluate('ScorebookTotal', 'Loei') as number).toBeCloseTo(expected, 9);
});

test('a hand-made sheet whose header is on row 1: the proposal says so at once, and inserts the row above when asked', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  await wb.apply({
    title: 'hand-made',
    ops: [
      { kind: 'sheet', sheet: 'Loei', ifExists: 'replace' },
      {
        kind: 'cells',
        sheet: 'Loei',
        topLeft: 'A1',
        contents: [
          ['No.', 'Indicator', 'Actual'],
          ['4.1', 'OTOP', 3050],
        ],
      },
    ],
  });
  render(<App port={wb} displayLanguage="en" listSheets={async () => wb.visibleSheets()} />);
  await user.click(await screen.findByRole('tab', { name: 'Bind' }));
  await user.selectOptions(screen.getByRole('combobox', { name: /Assessment/ }), 'otop-2567');
  await user.click(screen.getByRole('button', { name: 'Find the header row' }));
  await screen.findByTestId('binding-proposal');
  // Before anything is confirmed: said, and the confirm is off; nothing is written.
  expect(screen.getByTestId('bind-row-one').textContent).toContain('insert a blank row above the header');
  expect((screen.getByRole('button', { name: 'Confirm and add the score formulas' }) as HTMLButtonElement).disabled).toBe(true);
  expect(await wb.readBinding()).toBeUndefined();
  expect(wb.dimensions('Loei')).toEqual({ rows: 2, columns: 3 });
  // One click inserts the row; the sheet is read again with its header on row 2, and it binds.
  await user.click(screen.getByRole('button', { name: 'Insert a row above the header and search again' }));
  await waitFor(() => expect(screen.queryByTestId('bind-row-one')).toBeNull());
  expect(wb.value('Loei', 2, 1)).toBe('No.');
  expect(wb.value('Loei', 3, 3)).toBe(3050);
  await user.click(screen.getByRole('button', { name: 'Confirm and add the score formulas' }));
  await waitFor(async () => expect(await wb.readBinding()).toBeDefined());
}, 20_000);

test('binding says before it is confirmed which indicators the sheet lacks and will get as new rows', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  await wb.apply({
    title: 'hand-made',
    ops: [
      { kind: 'sheet', sheet: 'Loei', ifExists: 'replace' },
      {
        kind: 'cells',
        sheet: 'Loei',
        topLeft: 'A2',
        contents: [
          ['No.', 'Indicator', 'Actual'],
          ['1', 'x', 97],
        ],
      },
    ],
  });
  render(<App port={wb} listSheets={async () => wb.visibleSheets()} />);
  await user.click(await screen.findByRole('tab', { name: 'ผูกชีต' }));
  await user.selectOptions(screen.getByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'pte-2567');
  await user.click(screen.getByRole('button', { name: 'ค้นหาหัวตาราง' }));
  const said = (await screen.findByTestId('bind-adds-indicators')).textContent ?? '';
  const m = /จะเพิ่มตัวชี้วัดที่ไม่มีในชีต (\d+) ตัว: ([^(]+) \(/.exec(said);
  expect(m).not.toBeNull();
  const ids = (m?.[2] ?? '').split(', ');
  expect(ids).not.toContain('1');
  expect(ids).toContain('2');
  expect(Number(m?.[1])).toBe(ids.length);
}, 20_000);

test('a failed write says what happened and what to do next', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  wb.apply = async () => {
    throw new WorkbookError('InvalidOperationInCellEditMode', {
      th: 'Excel กำลังแก้ไขเซลล์อยู่ กด Enter หรือ Esc ให้เสร็จก่อน แล้วลองอีกครั้ง',
      en: 'Excel is editing a cell; finish editing it first (Enter or Esc), then try again',
    });
  };
  render(<App port={wb} />);
  await user.selectOptions(screen.getByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'otop-2567');
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('กด Enter หรือ Esc ให้เสร็จก่อน');
  fireEvent.click(within(alert).getByRole('button', { name: 'ปิด' }));
  expect(screen.queryByRole('alert')).toBeNull();
});

/** @jest-environment jsdom */
/**
 * The task pane on a multi-unit sheet (one row per unit × indicator) in the browser preview's workbook: created by
 * the pane, checked unit by unit — issues naming their unit and cell, each unit's total and counts, the counts over
 * all units — and found again by the Bind tab from its binding record.
 */
import './jsdomShims';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatNumber, scoreAssessment } from '../../src/domain';
import { requireColumn, resultInputs } from '../../src/workbook';
import { multiUnitLayout, multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import { sample } from './sheetGrid';

const krs = sample('krs-2567');
const m = multiUnitLayout(krs.assessment, krs.assessment.units);
/** The result cell of indicator `id` on unit number `u` (0-based). */
const resultCell = (u: number, id: string): string =>
  `${requireColumn(m.kpi, 'result').letter}${m.kpi.firstDataRow + u * m.blockRows + m.kpi.rows.findIndex((r) => r.indicator.id === id)}`;

async function createMultiUnit(user: ReturnType<typeof userEvent.setup>, wb: PreviewWorkbook): Promise<void> {
  render(<App port={wb} listSheets={async () => wb.visibleSheets()} />);
  await user.selectOptions(await screen.findByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'krs-2567');
  await user.click(screen.getByRole('radio', { name: /ชีตหลายหน่วยงาน/ }));
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  await screen.findByTestId('unit-totals');
}

test('a multi-unit sheet the pane creates is checked unit by unit: each unit its total and counts, issues naming the unit', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  await createMultiUnit(user, wb);
  const units = krs.assessment.units;
  expect(screen.getAllByTestId(/^unit-/).filter((e) => e.tagName === 'TR')).toHaveLength(units.length);
  const leaves = Number(/ยังไม่รายงาน (\d+)/.exec(screen.getByTestId('counts').textContent ?? '')?.[1]);
  expect(leaves % units.length).toBe(0);

  act(() => wb.type(m.kpi.sheet, resultCell(1, '12'), '87'));
  act(() => wb.type(m.kpi.sheet, resultCell(2, '12'), 'abc'));
  const second = units[1]!;
  const expected = scoreAssessment(krs.assessment, { results: { '12': 87 } }).totalBeforePenalty!;
  const nothing = scoreAssessment(krs.assessment, { results: {} }).totalBeforePenalty!;
  expect(expected).not.toBeCloseTo(nothing, 3);
  await waitFor(() =>
    expect(
      within(screen.getByTestId(`unit-${second.id}`)).getByText(formatNumber(expected, krs.assessment.policies.decimals)),
    ).toBeTruthy(),
  );
  expect(screen.getByTestId('counts').textContent).toContain('รายงานแล้ว 1');
  expect(screen.getByTestId('counts').textContent).toContain('ค่าไม่ถูกต้อง 1');
  // The first unit typed nothing: its total is the not-reported policy's (KRS: 1 for each indicator).
  expect(
    within(screen.getByTestId(`unit-${units[0]!.id}`)).getByText(formatNumber(nothing, krs.assessment.policies.decimals)),
  ).toBeTruthy();
  // The what-if column belongs to one unit's sheet.
  const whatIf = screen.getByRole('tab', { name: 'สมมติผล' });
  expect(whatIf.getAttribute('aria-disabled') === 'true' || whatIf.hasAttribute('disabled')).toBe(true);

  await user.click(screen.getByRole('tab', { name: /ตรวจสอบ/ }));
  const third = units[2]!;
  const cell = `'${m.kpi.sheet}'!${resultCell(2, '12')}`;
  const link = await screen.findByRole('button', { name: cell });
  const item = link.closest('li') as HTMLElement;
  expect(item.textContent).toContain(`หน่วยงาน ${third.name} (${third.id})`);
  await user.click(link);
  expect(wb.currentSelection()).toEqual({ sheet: m.kpi.sheet, address: resultCell(2, '12') });
});

test('the Bind tab finds a multi-unit sheet by its binding record and binds it without matching columns again', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  await createMultiUnit(user, wb);
  act(() => wb.type(m.kpi.sheet, resultCell(0, '12'), '92'));
  await user.click(screen.getByRole('tab', { name: 'ผูกชีต' }));
  await user.selectOptions(screen.getByTestId('bind-sheet'), m.kpi.sheet);
  await user.click(screen.getByRole('button', { name: 'ค้นหาหัวตาราง' }));
  const found = await screen.findByTestId('binding-multi-unit');
  expect(found.textContent).toContain(`${krs.assessment.units.length} หน่วยงาน`);
  expect(screen.queryByTestId('binding-proposal')).toBeNull();
  await user.click(within(found).getByRole('button'));
  const expected = scoreAssessment(krs.assessment, { results: { '12': 92 } }).totalBeforePenalty!;
  const first = await screen.findByTestId(`unit-${krs.assessment.units[0]!.id}`);
  await waitFor(() => expect(within(first).getByText(formatNumber(expected, krs.assessment.policies.decimals))).toBeTruthy());
});

test('the Bind tab refuses a multi-unit sheet made from another assessment, saying what to do', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  await createMultiUnit(user, wb);
  await user.click(screen.getByRole('tab', { name: 'ผูกชีต' }));
  await user.selectOptions(screen.getAllByRole('combobox', { name: /ชุดตัวชี้วัด/ })[0]!, 'pte-2567');
  await user.selectOptions(screen.getByTestId('bind-sheet'), m.kpi.sheet);
  await user.click(screen.getByRole('button', { name: 'ค้นหาหัวตาราง' }));
  expect((await screen.findByRole('alert')).textContent).toContain('krs-2567');
});

test('reopening a workbook with a multi-unit sheet restores its unit summary from the binding record', async () => {
  const wb = new PreviewWorkbook();
  const inputs = new Map([[krs.assessment.units[3]!.id, resultInputs(krs.assessment, { results: { '12': 92 } })]]);
  await wb.apply(multiUnitPlan({ assessment: krs.assessment, document: krs.document, inputs }).plan);
  render(<App port={wb} />);
  const fourth = await screen.findByTestId(`unit-${krs.assessment.units[3]!.id}`);
  const expected = scoreAssessment(krs.assessment, { results: { '12': 92 } }).totalBeforePenalty!;
  expect(within(fourth).getByText(formatNumber(expected, krs.assessment.policies.decimals))).toBeTruthy();
  expect(screen.getByTestId('bound').textContent).toContain(m.kpi.sheet);
});

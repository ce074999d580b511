/** @jest-environment jsdom */
/**
 * The pane's summary shows each component's groups (seed 002 ๑.๑ / ๑.๒ / ๒.๑ / ๒.๒) under it, with their subtotals,
 * and a sheet the pane creates for the Pathum Thani sample scores through its group heading rows.
 */
import './jsdomShims';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber, readResults, scoreAssessment } from '../../src/domain';
import { kpiLayout, requireColumn } from '../../src/workbook';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import { SummaryPanel } from '../../src/taskpane/components/SummaryPanel';
import { sample } from './sheetGrid';

const pte = sample('pte-2567');
const results = readResults(
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'samples', 'pte-2567.results.json'), 'utf8')),
  pte.assessment,
);
if (!results.ok) throw new Error(JSON.stringify(results.issues));
const report = scoreAssessment(pte.assessment, results.value);
const d = pte.assessment.policies.decimals;

test('the summary lists each group under its component with its subtotal', () => {
  render(
    <SummaryPanel assessment={pte.assessment} report={report} counts={{ reported: 12, missing: 0, invalid: 0 }} updatedAt={undefined} />,
  );
  for (const g of report.groups) {
    const row = screen.getByTestId(`group-${g.id}`);
    expect(row.textContent).toContain(g.id);
    expect(within(row).getByText(formatNumber(g.score as number, d))).toBeTruthy();
    expect(within(row).getByText(formatNumber(g.weightedScore, d))).toBeTruthy();
  }
  expect(screen.getByTestId('group-๑.๑').textContent).toContain('ตัวชี้วัดตามภารกิจ (Functional KPIs)');
});

test('a sheet the pane creates for the sample has the group headings and scores as the domain, groups included', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  render(<App port={wb} listSheets={async () => wb.visibleSheets()} />);
  await user.selectOptions(await screen.findByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'pte-2567');
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  await screen.findByTestId('indicator-scores');
  const layout = kpiLayout(pte.assessment);
  const result = requireColumn(layout, 'result').letter;
  const row5 = layout.rows.find((r) => r.indicator.id === '5')!.row;
  wb.type(layout.sheet, `${result}${row5}`, '3050');
  const expected = scoreAssessment(pte.assessment, { results: { '5': 3050 } });
  const g = expected.groups.find((x) => x.id === '๑.๒')!;
  await waitFor(() => expect(within(screen.getByTestId('group-๑.๒')).getByText(formatNumber(g.weightedScore, d))).toBeTruthy());
  expect(screen.getByTestId('total').textContent).toBe(formatNumber(expected.totalBeforePenalty as number, d));
});

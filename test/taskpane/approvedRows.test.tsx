/** @jest-environment jsdom */
/**
 * An approved row typed over: said while typing (the status column's mark, and the pane above its tabs: the total
 * shown is no longer the approved one, and the server will not take the edit); set back, both go.
 */
import './jsdomShims';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import { STATUS_HEADER } from '../../src/taskpane/model/statusColumn';
import { kpiLayout, requireColumn } from '../../src/workbook';
import { FakeReportServer, stored } from './fakeReportServer';
import { sample } from './sheetGrid';

jest.setTimeout(60_000);

const pte = sample('pte-2567');
const layout = kpiLayout(pte.assessment);
const rowOf = (id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
const result = (id: string): string => `${requireColumn(layout, 'result').letter}${rowOf(id)}`;

async function statusOf(wb: PreviewWorkbook, id: string): Promise<unknown> {
  const grid = (await wb.read({ ranges: [{ sheet: 'KPI' }] })).ranges[0]!;
  const column = (grid.values[layout.headerRow - 1] ?? []).indexOf(STATUS_HEADER);
  return column < 0 ? null : (grid.values[rowOf(id) - 1]?.[column] ?? null);
}

test('typing over an approved row is said in the sheet and above the total, and unsaid when set back', async () => {
  const user = userEvent.setup();
  const server = new FakeReportServer(
    pte,
    { id: 'pte', name: 'จังหวัดปทุมธานี' },
    [{ round: 6, opensAt: '2024-02-29T17:00:00Z', closesAt: '2099-04-04T16:59:59Z' }],
    { username: 'pte.reporter', name: 'ผู้รายงาน ปทุมธานี', roles: ['reporter'], units: ['pte'] },
  );
  server.reports = [stored('5', 3050, 3, 'approved')];
  const wb = new PreviewWorkbook();
  render(<App port={wb} connect={server.connect} />);
  await user.click(screen.getByRole('tab', { name: 'เซิร์ฟเวอร์' }));
  await user.type(await screen.findByLabelText('ชื่อผู้ใช้', {}, { timeout: 20_000 }), 'pte.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await waitFor(() => expect(screen.getByTestId('round-window').textContent).toContain('รับรายงาน'));
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);

  act(() => wb.type('KPI', result('5'), '3200'));
  expect((await screen.findByTestId('approved-edited')).textContent).toContain('ตัวชี้วัด 5 อนุมัติแล้ว แต่ค่าในชีตถูกแก้: คะแนนรวมที่แสดงต่างจากที่อนุมัติ');
  await waitFor(async () => expect(String(await statusOf(wb, '5'))).toContain('แถวนี้อนุมัติแล้ว เซิร์ฟเวอร์จะไม่รับค่าที่แก้'));

  act(() => wb.type('KPI', result('5'), '3050'));
  await waitFor(() => expect(screen.queryByTestId('approved-edited')).toBeNull());
  await waitFor(async () => expect(String(await statusOf(wb, '5'))).not.toContain('แถวนี้อนุมัติแล้ว'));
});

/** @jest-environment jsdom */
/**
 * Numbers typed as text — "๘๕", "1,234.5", "85%" on a ร้อยละ indicator — are text to the sheet's formulas, which
 * count the row as not reported. They are never silently not sent: the row counts as changed, submit stops and
 * lists them, the outcome counts indicators and names those not sent, one click turns them into numbers (saying
 * which cells), and the issues badge counts them.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import { ServerPanel } from '../../src/taskpane/components/ServerPanel';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { changeMarks } from '../../src/taskpane/model/changeMarks';
import { readServerLink } from '../../src/taskpane/model/serverLink';
import { kpiLayout, readKpiGrid, requireColumn } from '../../src/workbook';
import { FakeReportServer, stored } from './fakeReportServer';
import { sample } from './sheetGrid';

jest.setTimeout(60_000);

const pte = sample('pte-2567');
const layout = kpiLayout(pte.assessment);
const result = (id: string): string => `${requireColumn(layout, 'result').letter}${layout.rows.find((r) => r.indicator.id === id)!.row}`;
const at = (wb: PreviewWorkbook, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return wb.value(
    'KPI',
    Number(m[2]),
    [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0),
  );
};

function server() {
  const s = new FakeReportServer(
    pte,
    { id: 'pte', name: 'จังหวัดปทุมธานี' },
    [{ round: 6, opensAt: '2024-02-29T17:00:00Z', closesAt: '2099-04-04T16:59:59Z' }],
    { username: 'pte.reporter', name: 'ผู้รายงาน ปทุมธานี', roles: ['reporter'], units: ['pte'] },
  );
  s.reports = [stored('5', 3050, 2)];
  return s;
}

async function signInAndOpen(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'pte.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await screen.findByText(/เข้าสู่ระบบเป็น/);
  await waitFor(() => expect(screen.getByTestId('round-window').textContent).toContain('รับรายงาน'));
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
}

test('submit stops on a value typed as text, lists it, sends the others on request and counts indicators; then one click fixes and sends it', async () => {
  const user = userEvent.setup();
  const fake = server();
  const wb = new PreviewWorkbook();
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale="th">
        <ServerPanel port={wb} connect={fake.connect} onOpened={() => undefined} />
      </LocaleProvider>
    </FluentProvider>,
  );
  await signInAndOpen(user);
  act(() => {
    wb.type('KPI', result('2'), '๘๕');
    wb.type('KPI', result('1'), '97');
  });

  // The changed-row mark sees what was typed, not only what parses.
  const read = await wb.read({ ranges: [{ sheet: 'KPI' }], binding: true });
  const reading = readKpiGrid(pte.assessment, read.ranges[0]!);
  const link = read.binding?.ok ? readServerLink(read.binding.value.server) : undefined;
  if (!reading.ok || !link?.ok) throw new Error('not read');
  expect(
    changeMarks({ assessment: pte.assessment, grid: read.ranges[0]!, reading: reading.value, link: link.value, locale: 'th' }).changed,
  ).toEqual(['1', '2']);

  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  const stop = await screen.findByTestId('submit-unread');
  expect(stop.textContent).toContain('ค่าที่กรอกใน 1 ตัวชี้วัดอ่านไม่ได้ ยังไม่ได้ส่งอะไร');
  expect(stop.textContent).toContain(`ตัวชี้วัด 2 เซลล์ ${result('2')}: "๘๕" อ่านได้เป็น 85`);
  expect(fake.sent).toEqual([]);

  // Send the others: the outcome counts indicators and says which one was not sent, and why.
  await user.click(within(stop).getByRole('button', { name: 'ส่งเฉพาะตัวชี้วัดอื่น' }));
  await waitFor(() =>
    expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 2 ตัวชี้วัด · 1 ไม่ได้ส่ง: ตัวชี้วัด 2 ค่าที่กรอกอ่านไม่ได้'),
  );
  expect(fake.sent.map((b) => b.map((r) => r.indicatorId))).toEqual([['1']]);

  // Again: still stopped (the row is still changed); one click turns the cell into 85 and sends it.
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await user.click(within(await screen.findByTestId('submit-unread')).getByRole('button', { name: 'แปลง 1 เซลล์เป็นตัวเลข แล้วส่ง' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(at(wb, result('2'))).toBe(85);
  expect(fake.sent[1]).toEqual([expect.objectContaining({ indicatorId: '2', value: 85 })]);
});

test('the issues badge counts numbers typed as text; one click turns them into numbers and says which cells', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  render(<App port={wb} />);
  await user.selectOptions(screen.getByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'pte-2567');
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  await screen.findByTestId('total');
  act(() => {
    wb.type('KPI', result('2'), '๘๕');
    wb.type('KPI', result('1'), '85%');
    wb.type('KPI', result('4'), '1,234.5');
  });
  const tab = screen.getByRole('tab', { name: /ตรวจสอบ/ });
  await waitFor(() => expect(tab.textContent).toContain('3'));
  await user.click(tab);
  await user.click(await screen.findByRole('button', { name: 'แปลงตัวเลขที่พิมพ์เป็นข้อความ 3 เซลล์ให้เป็นตัวเลข' }));
  const said = await screen.findByTestId('fixed-numbers');
  expect(said.textContent).toContain(`${result('2')} "๘๕" → 85`);
  expect(said.textContent).toContain(`${result('1')} "85%" → 85`);
  expect(said.textContent).toContain(`${result('4')} "1,234.5" → 1234.5`);
  expect([at(wb, result('2')), at(wb, result('1')), at(wb, result('4'))]).toEqual([85, 85, 1234.5]);
  await waitFor(() => expect(screen.getByRole('tab', { name: /ตรวจสอบ/ }).textContent).not.toMatch(/\d/));
});

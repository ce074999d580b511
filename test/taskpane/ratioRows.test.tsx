/** @jest-environment jsdom */
/**
 * The KRS sample's ratio rows (11.2, 11.4: num/den) opened from a server that gives them back in jsonb's key
 * order: not "changed" when they are not, and an approval of them is seen by Refresh. One rule decides what a
 * row changes (src/domain/rowChange.ts), for the pane, the CLI and the server.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { leafIndicators, resultChanges, sameResult, withCentralVariables } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { ServerPanel } from '../../src/taskpane/components/ServerPanel';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { changeMarks } from '../../src/taskpane/model/changeMarks';
import { readServerLink } from '../../src/taskpane/model/serverLink';
import { kpiLayout, readKpiGrid, requireColumn } from '../../src/workbook';
import { FakeReportServer, stored } from './fakeReportServer';
import { sample } from './sheetGrid';

const krs = sample('krs-2567');
const layout = kpiLayout(krs.assessment);
const cell = (role: 'result', id: string): string =>
  `${requireColumn(layout, role).letter}${layout.rows.find((r) => r.indicator.id === id)!.row}`;
const NOW = new Date('2024-10-20T03:00:00Z');
jest.setTimeout(30_000);

function setup() {
  const server = new FakeReportServer(
    krs,
    { id: 'spp-pte1', name: 'สพป.ปทุมธานี เขต 1' },
    [{ round: 12, opensAt: '2024-10-01T00:00:00+07:00', closesAt: '2024-11-30T23:59:59+07:00' }],
    { username: 'spp.reporter', name: 'ผู้รายงาน สพป.', roles: ['reporter'], units: ['spp-pte1'] },
  );
  server.reports = [stored('11.2', { num: 118, den: 124 }, 3), stored('11.4', { num: 21, den: 30 }, 2), stored('12', 80, 1)];
  const wb = new PreviewWorkbook();
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale="th">
        <ServerPanel port={wb} connect={server.connect} now={() => NOW} onOpened={() => undefined} />
      </LocaleProvider>
    </FluentProvider>,
  );
  return { server, wb };
}

async function linkRow(wb: PreviewWorkbook, id: string) {
  const binding = await wb.readBinding();
  const link = binding?.ok ? readServerLink(binding.value.server) : undefined;
  return link?.ok ? link.value.rows[id] : undefined;
}

test('KRS ratio rows opened from the server are not changed, and their approval is seen by Refresh', async () => {
  const user = userEvent.setup();
  const { server, wb } = setup();
  await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'spp.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await screen.findByText(/เข้าสู่ระบบเป็น/);
  await waitFor(() => expect(screen.getByTestId('round-window').textContent).toContain('เหลืออีก'));
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต .* แล้ว/);

  // The live marks see nothing changed: the sheet holds what the server holds.
  const read = await wb.read({ ranges: [{ sheet: layout.sheet }], binding: true });
  const reading = readKpiGrid(krs.assessment, read.ranges[0]!);
  const link = read.binding?.ok ? readServerLink(read.binding.value.server) : undefined;
  if (!reading.ok || !link?.ok) throw new Error('not read');
  expect(
    changeMarks({ assessment: krs.assessment, grid: read.ranges[0]!, reading: reading.value, link: link.value, locale: 'th' }).changed,
  ).toEqual([]);

  // One real change: only it goes.
  act(() => wb.type(layout.sheet, cell('result', '12'), '87.25'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toContain('รับแล้ว 1 จาก 1'));
  expect(server.sent.map((b) => b.map((r) => r.indicatorId))).toEqual([['12']]);

  // Submit all (11.2 and 11.4 resent as they are), the approver approves them, Refresh sees it.
  await user.click(screen.getByRole('button', { name: 'เลือกแถวที่จะส่ง' }));
  await user.click(await screen.findByRole('menuitem', { name: 'ส่งทุกแถว' }));
  await waitFor(() => expect(server.sent).toHaveLength(2));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toContain('รับแล้ว'));
  server.approve('11.2');
  server.approve('11.4');
  await user.click(screen.getByRole('button', { name: 'ดึงสถานะจากเซิร์ฟเวอร์' }));
  await screen.findByText(/อนุมัติ 2 แถว/);
  expect(await linkRow(wb, '11.2')).toMatchObject({ status: 'approved' });
  expect(await linkRow(wb, '11.4')).toMatchObject({ status: 'approved' });
});

test('one rule: equal ratios in any key order, central variables merged as the server stores them', () => {
  const ratio = leafIndicators(krs.assessment).find((i) => i.id === '11.2')!;
  expect(sameResult({ num: 40, den: 50 }, { den: 50, num: 40 })).toBe(true);
  expect(sameResult({ num: 40, den: null }, { num: 40 })).toBe(true);
  expect(sameResult({ num: 40, den: 50 }, { den: 50, num: 41 })).toBe(false);
  expect(withCentralVariables({ num: 40, den: null }, { den: 50 }, ['den'])).toEqual({ num: 40, den: 50 });
  expect(resultChanges(ratio, { num: 118, den: 124 }, { den: 124, num: 118 })).toBe(false);
  expect(resultChanges(ratio, null, undefined)).toBe(false);
  expect(resultChanges(ratio, { num: 119, den: 124 }, { den: 124, num: 118 })).toBe(true);
});

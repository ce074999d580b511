/** @jest-environment jsdom */
/**
 * The Server tab resends pending batches on its own when the server answers again: while batches wait it says
 * when it will check, the browser's `online` event checks at once, and the rows are written "accepted" only
 * after the server's answer — the same path as the "send pending again" button.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { ServerPanel, type Connect } from '../../src/taskpane/components/ServerPanel';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { readServerLink } from '../../src/taskpane/model/serverLink';
import { STATUS_HEADER } from '../../src/taskpane/model/statusColumn';
import { kpiLayout, requireColumn } from '../../src/workbook';
import { FakeEvidenceClient, NOW } from './fakeEvidenceClient';
import { sample } from './sheetGrid';

const layout = kpiLayout(sample('pte-2567').assessment);
const resultCell = (id: string): string =>
  `${requireColumn(layout, 'result').letter}${layout.rows.find((r) => r.indicator.id === id)!.row}`;

async function statusOf(wb: PreviewWorkbook, id: string): Promise<unknown> {
  const grid = (await wb.read({ ranges: [{ sheet: 'KPI' }] })).ranges[0]!;
  const column = (grid.values[layout.headerRow - 1] ?? []).indexOf(STATUS_HEADER);
  return column < 0 ? null : (grid.values[layout.rows.find((r) => r.indicator.id === id)!.row - 1]?.[column] ?? null);
}

async function pendingInFile(wb: PreviewWorkbook): Promise<number> {
  const binding = await wb.readBinding();
  const link = binding?.ok ? readServerLink(binding.value.server) : undefined;
  return link?.ok ? link.value.pending.length : -1;
}

async function submittedWhileDown() {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  let client: FakeEvidenceClient | undefined;
  const connect: Connect = (_url, hooks) => (client = new FakeEvidenceClient(hooks));
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale="th">
        <ServerPanel port={wb} connect={connect} now={() => NOW} onOpened={() => undefined} />
      </LocaleProvider>
    </FluentProvider>,
  );
  await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'pte.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await waitFor(() => expect(screen.getByTestId('round-window').textContent).toContain('เหลืออีก'));
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  client!.down = true;
  act(() => wb.type('KPI', resultCell('1'), '97'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toContain('เซิร์ฟเวอร์รับแล้ว 0 จาก 1 ตัวชี้วัด'));
  return { wb, client: client! };
}

test('pending batches go on their own when the browser is back online and the server answers; accepted only then', async () => {
  const { wb, client } = await submittedWhileDown();
  expect((await screen.findByTestId('auto-resend')).textContent).toBe(
    'เซิร์ฟเวอร์ยังไม่ตอบ จะตรวจอีกครั้งในอีก 5 วินาที แล้วส่งข้อมูลที่ค้างให้อัตโนมัติ ข้อมูลยังเก็บอยู่ในไฟล์',
  );
  expect(await statusOf(wb, '1')).not.toMatch(/เซิร์ฟเวอร์รับแล้ว/);

  client.down = false;
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(client.resent).toEqual(['k0']);
  expect(await statusOf(wb, '1')).toBe('เซิร์ฟเวอร์รับแล้ว (รุ่น 1)');
  expect(await pendingInFile(wb)).toBe(0);
  expect(screen.queryByTestId('auto-resend')).toBeNull();
  expect(screen.queryByRole('button', { name: /ส่งที่ค้างอีกครั้ง/ })).toBeNull();
});

test('online again but the server still silent: nothing is resent, nothing claimed, the batch stays in the file', async () => {
  const { wb, client } = await submittedWhileDown();
  await screen.findByTestId('auto-resend');
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
  await waitFor(() => expect(client.healthChecks).toBe(1));
  await waitFor(() => expect(screen.getByTestId('auto-resend').textContent).toContain('ในอีก 10 วินาที'));
  expect(client.resent).toEqual([]);
  expect(await pendingInFile(wb)).toBe(1);
  expect(await statusOf(wb, '1')).not.toMatch(/เซิร์ฟเวอร์รับแล้ว/);
  expect(screen.getByRole('button', { name: 'ส่งที่ค้างอีกครั้ง (1)' })).toBeTruthy();
});

/** @jest-environment jsdom */
/**
 * Evidence files in the Server tab (a fake API client on the browser preview's workbook): a 12 MB scan and a .exe
 * are refused with their names before any request; chosen files upload one after another with a progress bar
 * each; the indicator's files are listed with size, who and when (Buddhist Era), and "เปิด" opens one.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Attachment } from '../../src/api';
import { allIndicators, isGroup } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { ServerPanel, type Connect } from '../../src/taskpane/components/ServerPanel';
import { formatFileSize } from '../../src/taskpane/evidenceStrings';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { kpiLayout } from '../../src/workbook';
import { FakeEvidenceClient, NOW } from './fakeEvidenceClient';
import { sample } from './sheetGrid';

const MB = 1024 * 1024;
const leaves = allIndicators(sample('pte-2567').assessment).filter((i) => !isGroup(i));
const first = leaves[0]!.id;
const PDF = '%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n';

const attachment = (o: Partial<Attachment>): Attachment => ({
  id: 'a9',
  indicatorId: first,
  filename: 'หลักฐาน.pdf',
  contentType: 'application/pdf',
  size: 987_654,
  sha256: 'x',
  uploadedBy: 'pte.reporter',
  uploadedAt: '2024-03-25T03:00:00.000Z',
  ...o,
});

async function signedIn(preset: Attachment[] = [], locale: 'th' | 'en' = 'th', wb = new PreviewWorkbook()) {
  // applyAccept off: the user switched the file dialog to "all files", as people do.
  const user = userEvent.setup({ applyAccept: false });
  let client: FakeEvidenceClient | undefined;
  const connect: Connect = (_url, hooks) => {
    client = new FakeEvidenceClient(hooks);
    client.files = [...preset];
    return client;
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>
        <ServerPanel port={wb} connect={connect} now={() => NOW} onOpened={() => undefined} />
      </LocaleProvider>
    </FluentProvider>,
  );
  await user.type(screen.getByLabelText(locale === 'th' ? 'ชื่อผู้ใช้' : 'Username'), 'pte.reporter');
  await user.type(screen.getByLabelText(locale === 'th' ? 'รหัสผ่าน' : 'Password'), 'demo');
  await user.click(screen.getByRole('button', { name: locale === 'th' ? 'เข้าสู่ระบบ' : 'Sign in' }));
  await screen.findByRole('region', { name: locale === 'th' ? 'เอกสารหลักฐาน' : 'Evidence files' });
  return { user, client: () => client! };
}

const pdf = (name: string) => new File([PDF], name, { type: 'application/pdf' });

test('a 12 MB scan and a .exe are refused with their names before any request; nothing is uploaded', async () => {
  const { user, client } = await signedIn();
  const big = pdf('สแกนทั้งเล่ม.pdf');
  Object.defineProperty(big, 'size', { value: 12 * MB });
  await user.upload(await screen.findByLabelText('เลือกไฟล์หลักฐาน'), [big, new File(['MZ'], 'setup.exe')]);
  const alerts = await screen.findAllByRole('alert');
  expect(alerts.map((a) => a.textContent)).toEqual([
    expect.stringContaining('ไฟล์ "สแกนทั้งเล่ม.pdf" (12.0 MB) ใหญ่เกิน 10 MB'),
    expect.stringContaining('ไฟล์ "setup.exe" ไม่ใช่ชนิดที่แนบได้'),
  ]);
  expect(client().calls.filter((c) => c.startsWith('upload'))).toEqual([]);
});

test('several files upload one after another, each with its progress bar, then the list shows them', async () => {
  const { user, client } = await signedIn();
  await user.upload(await screen.findByLabelText('เลือกไฟล์หลักฐาน'), [pdf('ก.pdf'), pdf('ข.pdf')]);
  await waitFor(() => expect(screen.getByRole('progressbar', { name: 'กำลังแนบ ก.pdf' }).getAttribute('aria-valuenow')).toBe('0.5'));
  expect(screen.getByRole('progressbar', { name: 'กำลังแนบ ข.pdf' }).getAttribute('aria-valuenow')).toBe('0');
  client().finishUploads();
  await waitFor(() => expect(screen.getByRole('progressbar', { name: 'กำลังแนบ ข.pdf' }).getAttribute('aria-valuenow')).toBe('0.5'));
  expect(screen.getByText('แนบ ก.pdf แล้ว')).toBeTruthy();
  client().finishUploads();
  const list = await screen.findByRole('list', { name: `ไฟล์หลักฐานของตัวชี้วัด ${first}` });
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('strong')?.textContent),
  ).toEqual(['ก.pdf', 'ข.pdf']);
  expect(client().calls.filter((c) => c.startsWith('upload'))).toEqual([`upload ${first} ก.pdf`, `upload ${first} ข.pdf`]);
});

test('the list: filename, size in Thai number format, who and when in the Buddhist Era; another indicator lists its own', async () => {
  const other = leaves[1]!.id;
  const { user, client } = await signedIn([attachment({}), attachment({ id: 'a8', indicatorId: other, filename: 'อื่น.xlsx', size: 856 })]);
  const list = await screen.findByRole('list', { name: `ไฟล์หลักฐานของตัวชี้วัด ${first}` });
  expect(within(list).getByRole('listitem').textContent).toBe('หลักฐาน.pdf · 964.5 KB · แนบโดย pte.reporter เมื่อ 25 มีนาคม 2567 10:00 น. เปิด');
  await user.selectOptions(screen.getByLabelText('ตัวชี้วัด'), other);
  const second = await screen.findByRole('list', { name: `ไฟล์หลักฐานของตัวชี้วัด ${other}` });
  expect(second.textContent).toContain('อื่น.xlsx · 856 ไบต์');
  expect(client().calls).toEqual([`list ${first}`, `list ${other}`]);
});

test('"เปิด" downloads the file and opens it from a blob URL in a new window; a blocked pop-up saves it instead', async () => {
  const { user, client } = await signedIn([attachment({})]);
  const createObjectURL = jest.fn(() => 'blob:scorebook/1');
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const open = jest.spyOn(window, 'open').mockReturnValue({} as Window);
  await user.click(await screen.findByRole('button', { name: 'เปิด หลักฐาน.pdf' }));
  await waitFor(() => expect(open).toHaveBeenCalledWith('blob:scorebook/1', '_blank'));
  expect(client().calls).toContain('download a9');

  open.mockReturnValue(null);
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    expect([this.href, this.download]).toEqual(['blob:scorebook/1', 'หลักฐาน.pdf']);
  });
  await user.click(screen.getByRole('button', { name: 'เปิด หลักฐาน.pdf' }));
  await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
  open.mockRestore();
  click.mockRestore();
});

test('English: the same panel, the same formats', async () => {
  await signedIn([attachment({ size: 3 * MB })], 'en');
  const list = await screen.findByRole('list', { name: `Evidence files of indicator ${first}` });
  expect(within(list).getByRole('listitem').textContent).toBe(
    'หลักฐาน.pdf · 3.0 MB · attached by pte.reporter on 25 March 2567 BE 10:00 Open',
  );
  expect(formatFileSize(12_345_678, 'th')).toBe('11.8 MB');
});

test('"ใช้แถวที่เลือกในชีต" picks the indicator of the selected row of the linked sheet, and says when there is none', async () => {
  const wb = new PreviewWorkbook();
  const { user, client } = await signedIn([], 'th', wb);
  const use = screen.getByRole('button', { name: 'ใช้แถวที่เลือกในชีต' });
  // No sheet opened from the server yet: what to do next.
  await user.click(use);
  expect((await screen.findByRole('alert')).textContent).toContain('ชีตนี้ยังไม่ได้เปิดจากเซิร์ฟเวอร์');

  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  const rowOf = (id: string): number => kpiLayout(sample('pte-2567').assessment).rows.find((r) => r.indicator.id === id)!.row;
  await act(() => wb.select('KPI', `C${rowOf('7')}`));
  await user.click(use);
  await waitFor(() => expect((screen.getByLabelText('ตัวชี้วัด') as HTMLSelectElement).value).toBe('7'));
  expect(screen.getByTestId('evidence-picked').textContent).toBe('ใช้ตัวชี้วัด 7 จากแถวที่เลือก');
  await waitFor(() => expect(client().calls).toContain('list 7'));

  await act(() => wb.select('KPI', 'A1'));
  await user.click(use);
  expect((await screen.findByRole('alert')).textContent).toContain(
    'ส่วนที่เลือก (A1) ไม่ใช่แถวของตัวชี้วัด เลือกเซลล์ในแถวของตัวชี้วัดในชีต KPI แล้วกดอีกครั้ง',
  );
  expect((screen.getByLabelText('ตัวชี้วัด') as HTMLSelectElement).value).toBe('7');
});

test("opening another round's sheet moves the panel to that round, though the pickers were already on it", async () => {
  const { user, client } = await signedIn();
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  await waitFor(() => expect(client().listedRounds.at(-1)).toBe(6));
  // The pickers move to round 9 first: the panel stays with the sheet's round 6 …
  await user.selectOptions(screen.getByRole('combobox', { name: 'รอบ' }), '9');
  await waitFor(() => expect(client().listedRounds.at(-1)).toBe(6));
  // … until round 9's sheet is opened: then its files are the ones listed.
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await waitFor(() => expect(client().listedRounds.at(-1)).toBe(9));
});

test('the file picker is a button in the pane\'s language; the browser\'s own input ("Choose files") stays hidden', async () => {
  const { user, client } = await signedIn();
  const input = (await screen.findByLabelText('เลือกไฟล์หลักฐาน')) as HTMLInputElement;
  expect(input.type).toBe('file');
  expect(input.hidden).toBe(true);
  const button = screen.getByRole('button', { name: 'เลือกไฟล์หลักฐาน' });
  const clicked = jest.fn();
  input.addEventListener('click', clicked);
  await user.click(button);
  expect(clicked).toHaveBeenCalledTimes(1);
  // The chosen file is named in the pane once picked.
  await user.upload(input, [pdf('รายงาน.pdf')]);
  expect(await screen.findByRole('progressbar', { name: 'กำลังแนบ รายงาน.pdf' })).toBeTruthy();
  expect(client().calls.filter((c) => c.startsWith('upload'))).toEqual([`upload ${first} รายงาน.pdf`]);
});

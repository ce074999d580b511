/** @jest-environment jsdom */
/**
 * The approver's rows with their context, on a fake API client: indicator number and name in indicator order (1, 2,
 * 9, 10.1, never 1, 10.1, 2), the value as the reporter typed it (steps ✓/✗, not [1,1,null]), targets, level and
 * score from the domain, explanation, obstacles, evidence to open; nothing ticked; a return needs a comment; the
 * comment is gone after each decision.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Attachment, ReportRow } from '../../src/api';
import type { DownloadedFile } from '../../src/api/evidence';
import type { BatchTarget } from '../../src/api/pending';
import { ApproverPanel, type ApproverClient } from '../../src/taskpane/components/ApproverPanel';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { approvalViews, byIndicatorId } from '../../src/taskpane/model/approvalRows';
import { sample } from './sheetGrid';

jest.setTimeout(30_000);

const pte = sample('pte-2567');
const TARGET: BatchTarget = { aid: 'pte-2567', round: 6, unit: 'pte' };
const row = (indicatorId: string, value: ReportRow['value'], more: Partial<ReportRow> = {}): ReportRow => ({
  indicatorId,
  value,
  explanation: null,
  obstacles: null,
  remarks: null,
  status: 'submitted',
  version: 1,
  updatedBy: 'pte.reporter',
  updatedAt: '2024-03-20T03:00:00Z',
  comment: null,
  late: false,
  submittedAt: '2024-03-20T03:00:00Z',
  ...more,
});

class FakeApprover implements ApproverClient {
  decisions: string[] = [];
  opened: string[] = [];
  reports: ReportRow[] = [
    row('10.1', 3),
    row('2', 91.4),
    row('9', [1, 1, null]),
    row('1', 97, { explanation: 'ครัวเรือนเป้าหมายพ้นเกณฑ์ 97 จาก 100', obstacles: 'ข้อมูล จปฐ. มาช้า' }),
  ];
  async listReports(): Promise<ReportRow[]> {
    return this.reports.map((r) => ({ ...r }));
  }
  async getAssessment() {
    return pte.document as never;
  }
  async approve(_t: BatchTarget, id: string, o: { comment?: string }): Promise<ReportRow> {
    this.decisions.push(`approve ${id}${o.comment ? `: ${o.comment}` : ''}`);
    const r = this.reports.find((x) => x.indicatorId === id)!;
    r.status = 'approved';
    return r;
  }
  async returnRow(_t: BatchTarget, id: string, o: { comment: string }): Promise<ReportRow> {
    this.decisions.push(`return ${id}: ${o.comment}`);
    const r = this.reports.find((x) => x.indicatorId === id)!;
    r.status = 'returned';
    return r;
  }
  async listAttachments(_t: BatchTarget, id: string): Promise<Attachment[]> {
    return id === '1'
      ? [
          {
            id: 'a1',
            indicatorId: '1',
            filename: 'รายงาน จปฐ.pdf',
            contentType: 'application/pdf',
            size: 1000,
            uploadedBy: 'pte.reporter',
            uploadedAt: '2024-03-20T03:00:00Z',
          } as Attachment,
        ]
      : [];
  }
  async downloadAttachment(_t: BatchTarget, a: Pick<Attachment, 'filename'>): Promise<DownloadedFile> {
    this.opened.push(a.filename);
    return { filename: a.filename, contentType: 'application/pdf', data: new Blob(['%PDF']) };
  }
}

function setup(locale: 'th' | 'en' = 'th') {
  const client = new FakeApprover();
  const files: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>
        <ApproverPanel client={client} target={TARGET} openFile={(f) => files.push(f.filename)} />
      </LocaleProvider>
    </FluentProvider>,
  );
  return { client, files };
}

test('indicator ids in natural order: 1, 2, 10, 10.1', () => {
  expect(['10.1', '2', '10', '1', '9'].sort(byIndicatorId)).toEqual(['1', '2', '9', '10', '10.1']);
});

test('each row as the approver decides on it: name, value as typed, targets, level and score, explanation and obstacles', async () => {
  const user = userEvent.setup();
  const { client, files } = setup();
  await user.click(screen.getByRole('button', { name: 'แสดงแถวที่ส่งมา' }));
  const list = await screen.findByRole('list', { name: 'อนุมัติรายงาน' });
  const boxes = within(list).getAllByRole('checkbox');
  // Indicator order, each with its name; nothing ticked.
  expect(boxes.map((b) => (b.closest('label, li')?.textContent ?? '').split(':')[0])).toEqual(['1', '2', '9', '10.1']);
  expect(boxes.every((b) => !(b as HTMLInputElement).checked)).toBe(true);
  const one = screen.getByTestId('approval-1');
  expect(within(one).getByRole('checkbox', { name: `1: ${pte.assessment.indicators[0]!.name}` })).toBeTruthy();
  expect(within(one).getByTestId('approval-value').textContent).toBe('ผลที่รายงาน: 97 ร้อยละ');
  expect(within(one).getByTestId('approval-targets').textContent).toBe('ค่าเป้าหมาย: 90 / 95 / 100 ร้อยละ');
  // 75 + 25 × (97 − 95) / (100 − 95) = 85, level มาตรฐาน (the domain's score).
  expect(within(one).getByTestId('approval-score').textContent).toBe('ระดับ: มาตรฐาน · คะแนน: 85.00');
  expect(within(one).getByTestId('approval-explanation').textContent).toBe('คำชี้แจง: ครัวเรือนเป้าหมายพ้นเกณฑ์ 97 จาก 100');
  expect(within(one).getByTestId('approval-obstacles').textContent).toBe('อุปสรรค: ข้อมูล จปฐ. มาช้า');
  // Steps as the reporter ticks them, not [1,1,null].
  expect(within(screen.getByTestId('approval-9')).getByTestId('approval-value').textContent).toBe('ผลที่รายงาน: ✓ ✓ ✗');
  expect(screen.queryByText(/\[1,1,null\]/)).toBeNull();

  // Evidence to open.
  await user.click(within(one).getByRole('button', { name: 'ไฟล์หลักฐาน' }));
  await user.click(await within(one).findByRole('button', { name: 'รายงาน จปฐ.pdf' }));
  await waitFor(() => expect(files).toEqual(['รายงาน จปฐ.pdf']));
  expect(client.opened).toEqual(['รายงาน จปฐ.pdf']);
});

test('a return needs a comment; the comment goes after each decision and nothing stays ticked', async () => {
  const user = userEvent.setup();
  const { client } = setup();
  await user.click(screen.getByRole('button', { name: 'แสดงแถวที่ส่งมา' }));
  await user.click(await screen.findByRole('checkbox', { name: /^2:/ }));
  expect((screen.getByRole('button', { name: 'ส่งคืน 1 แถว' }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByTestId('return-needs-comment').textContent).toBe('การส่งคืนต้องมีความเห็น บอกผู้รายงานว่าต้องแก้อะไร');
  await user.type(screen.getByLabelText(/ความเห็น/), 'แนบหลักฐานการสำรวจด้วย');
  await user.click(screen.getByRole('button', { name: 'ส่งคืน 1 แถว' }));
  await waitFor(() => expect(screen.getByTestId('approver-done').textContent).toBe('ส่งคืนแล้ว 1 แถว'));
  expect((screen.getByLabelText(/ความเห็น/) as HTMLTextAreaElement).value).toBe('');
  await screen.findByRole('button', { name: 'อนุมัติ 0 แถว' });
  await user.click(screen.getByRole('checkbox', { name: /^1:/ }));
  await user.click(screen.getByRole('button', { name: 'อนุมัติ 1 แถว' }));
  await waitFor(() => expect(screen.getByTestId('approver-done').textContent).toBe('อนุมัติแล้ว 1 แถว'));
  expect(client.decisions).toEqual(['return 2: แนบหลักฐานการสำรวจด้วย', 'approve 1']);
});

test('English: the same row in English labels; a value the assessment does not know is shown as sent', () => {
  const views = approvalViews(pte.assessment, [row('9', [1, 0, 1]), row('99', 5)], 'en');
  expect(views.map((v) => [v.id, v.value, v.level, v.score])).toEqual([
    ['9', '✓ ✗ ✓', 'Basic', '50.00'],
    ['99', '5', undefined, '—'],
  ]);
});

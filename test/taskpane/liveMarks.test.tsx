/** @jest-environment jsdom */
/**
 * The whole pane on the browser preview's workbook, linked to a (fake) server round: typing into the sheet marks
 * the row as changed — status column and fill — as the user types, setting it back unmarks it, the Server tab
 * counts the changed rows, and the pane writes nothing when the marks in the sheet are already right.
 */
import './jsdomShims';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiRound, BatchRow, ReportRow, Session } from '../../src/api';
import type { SubmitReport } from '../../src/api/submit';
import { formatNumber, scoreAssessment } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import type { Connect, ServerClient } from '../../src/taskpane/components/ServerPanel';
import { ROW_FILLS } from '../../src/taskpane/model/rowFill';
import { STATUS_HEADER } from '../../src/taskpane/model/statusColumn';
import { kpiLayout, requireColumn, type ColumnRole } from '../../src/workbook';
import type { StyleOp, WritePlan } from '../../src/workbook/plan';
import { sample } from './sheetGrid';

const pte = sample('pte-2567');
const layout = kpiLayout(pte.assessment);
const rowOf = (id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
const cell = (role: ColumnRole, id: string): string => `${requireColumn(layout, role).letter}${rowOf(id)}`;
// Open for the whole test run, whatever today is: the pickers choose the round open now.
const rounds: ApiRound[] = [{ round: 6, opensAt: '2000-01-01T00:00:00Z', closesAt: '2100-01-01T00:00:00Z' }];
const session: Session = {
  token: 't',
  expiresAt: '2100-01-01T00:00:00Z',
  user: { username: 'pte.reporter', name: 'ผู้รายงาน ปทุมธานี', roles: ['reporter'], units: ['pte'] },
};
const stored: ReportRow = {
  indicatorId: '5',
  value: 3050,
  explanation: 'ยอดขายงานแสดงสินค้า',
  obstacles: null,
  remarks: 'ข้อมูลพาณิชย์',
  status: 'draft',
  version: 2,
  updatedBy: 'pte.reporter',
  updatedAt: '2024-03-20T03:00:00Z',
  comment: null,
  late: false,
  submittedAt: null,
};

class FakeClient implements ServerClient {
  sent: BatchRow[][] = [];
  async signIn(): Promise<Session> {
    return session;
  }
  async listAssessments() {
    return [{ id: 'pte-2567', title: 'ตัวชี้วัดจังหวัดปทุมธานี', units: [{ id: 'pte', name: 'จังหวัดปทุมธานี' }], rounds }];
  }
  async getAssessment() {
    return pte.document as never;
  }
  async listReports(): Promise<ReportRow[]> {
    return [{ ...stored }];
  }
  async submitRows(_t: unknown, rows: BatchRow[]): Promise<SubmitReport> {
    this.sent.push(rows);
    return {
      late: false,
      outcomes: rows.map((r) => ({
        indicatorId: r.indicatorId,
        outcome: 'accepted' as const,
        result: { indicatorId: r.indicatorId, outcome: 'accepted' as const, version: r.baseVersion + 1 },
      })),
    };
  }
  async resendPending(): Promise<SubmitReport> {
    return { late: false, outcomes: [] };
  }
  async approve(): Promise<ReportRow> {
    throw new Error('not in this test');
  }
  async returnRow(): Promise<ReportRow> {
    throw new Error('not in this test');
  }
}

async function openLinkedSheet() {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  const client = new FakeClient();
  const connect: Connect = () => client;
  render(<App port={wb} connect={connect} />);
  await user.click(await screen.findByRole('tab', { name: 'เซิร์ฟเวอร์' }));
  await user.type(await screen.findByLabelText('ชื่อผู้ใช้'), 'pte.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await user.click(await screen.findByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  await waitFor(() => expect(screen.getByTestId('bound').textContent).toContain('KPI'));
  return { user, wb, client, apply: jest.spyOn(wb, 'apply') };
}

/** The status column's text on an indicator's row (null: blank or no column). */
async function statusOf(wb: PreviewWorkbook, id: string): Promise<unknown> {
  const grid = (await wb.read({ ranges: [{ sheet: 'KPI' }] })).ranges[0]!;
  const column = (grid.values[layout.headerRow - 1] ?? []).indexOf(STATUS_HEADER);
  return column < 0 ? null : (grid.values[rowOf(id) - 1]?.[column] ?? null);
}
const fillOf = (wb: PreviewWorkbook, role: ColumnRole, id: string): string | undefined =>
  wb.style('KPI', rowOf(id), requireColumn(layout, role).column).fill;
const count = (): string | null => screen.queryByTestId('changed-count')?.textContent ?? null;

test("a sheet opened from the server holds each row's explanation, obstacles and remarks", async () => {
  const { wb } = await openLinkedSheet();
  const text = (role: ColumnRole): unknown => wb.value('KPI', rowOf('5'), requireColumn(layout, role).column);
  expect([text('explanation'), text('obstacles'), text('note')]).toEqual(['ยอดขายงานแสดงสินค้า', null, 'ข้อมูลพาณิชย์']);
});

test('typing marks the row as changed, setting it back unmarks it, and the Server tab counts the changed rows', async () => {
  const { wb } = await openLinkedSheet();
  expect(count()).toBeNull();

  act(() => wb.type('KPI', cell('result', '1'), '97'));
  await waitFor(async () => expect(await statusOf(wb, '1')).toBe('แก้ไขแล้ว ยังไม่ส่ง'));
  expect(fillOf(wb, 'result', '1')).toBe(ROW_FILLS.changed);
  expect(fillOf(wb, 'note', '1')).toBe(ROW_FILLS.changed);
  await waitFor(() => expect(count()).toBe('1 แถวที่แก้ไข ยังไม่ส่ง'));

  // An obstacle typed on a row the server holds as a draft.
  act(() => wb.type('KPI', cell('obstacles', '5'), 'ฝนตกช่วงงาน'));
  await waitFor(async () => expect(await statusOf(wb, '5')).toBe('แก้ไขแล้ว ยังไม่ส่ง'));
  await waitFor(() => expect(count()).toBe('2 แถวที่แก้ไข ยังไม่ส่ง'));

  // Set back: the server's word on row 5 again, row 1 (never stored) blank again; fills back to the input colour.
  act(() => wb.type('KPI', cell('obstacles', '5'), ''));
  await waitFor(async () => expect(await statusOf(wb, '5')).toBe('ร่าง'));
  expect(fillOf(wb, 'result', '5')).toBe(ROW_FILLS.input);
  act(() => wb.type('KPI', cell('result', '1'), ''));
  await waitFor(async () => expect(await statusOf(wb, '1')).toBeNull());
  expect(fillOf(wb, 'result', '1')).toBe(ROW_FILLS.input);
  await waitFor(() => expect(count()).toBeNull());
});

test('no write while the marks in the sheet stay the same: editing an already changed row again writes nothing', async () => {
  const { wb, user, apply } = await openLinkedSheet();
  act(() => wb.type('KPI', cell('result', '1'), '97'));
  await waitFor(async () => expect(await statusOf(wb, '1')).toBe('แก้ไขแล้ว ยังไม่ส่ง'));
  // The summary's total shows when an edit has been checked (the marks are decided in the same pass).
  await user.click(screen.getByRole('tab', { name: 'สรุปคะแนน' }));
  const total = (results: Record<string, number>): string =>
    formatNumber(scoreAssessment(pte.assessment, { results: { '5': 3050, ...results } }).totalBeforePenalty!, 2);
  expect(total({ '1': 50 })).not.toBe(total({ '1': 97 }));
  await waitFor(() => expect(screen.getByTestId('total').textContent).toBe(total({ '1': 97 })));
  const before = apply.mock.calls.length;

  act(() => wb.type('KPI', cell('result', '1'), '50'));
  await waitFor(() => expect(screen.getByTestId('total').textContent).toBe(total({ '1': 50 })));
  expect(apply.mock.calls.length).toBe(before);

  // A text typed on the same row, then a change that does move the marks: whether or not the text was checked on
  // its own, the only write since is the one marking row 7, and it fills row 7 alone.
  act(() => wb.type('KPI', cell('explanation', '1'), 'รวมยอดไตรมาส 2'));
  act(() => wb.type('KPI', cell('result', '7'), '25'));
  await waitFor(async () => expect(await statusOf(wb, '7')).toBe('แก้ไขแล้ว ยังไม่ส่ง'));
  const writes = apply.mock.calls.slice(before).map(([plan]) => plan as WritePlan);
  expect(writes).toHaveLength(1);
  const fills = writes[0]!.ops.filter((o): o is StyleOp => o.kind === 'style');
  expect(fills.length).toBeGreaterThan(0);
  expect(fills.every((f) => f.address.endsWith(String(rowOf('7'))))).toBe(true);
  expect(await statusOf(wb, '1')).toBe('แก้ไขแล้ว ยังไม่ส่ง');
});

test('after a submit the accepted rows lose their mark and fill, and nothing is counted as changed', async () => {
  const { wb, user, client } = await openLinkedSheet();
  act(() => wb.type('KPI', cell('result', '1'), '97'));
  await waitFor(() => expect(count()).toBe('1 แถวที่แก้ไข ยังไม่ส่ง'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(async () => expect(await statusOf(wb, '1')).toBe('เซิร์ฟเวอร์รับแล้ว (รุ่น 1)'));
  expect(client.sent).toEqual([[{ indicatorId: '1', value: 97, explanation: null, obstacles: null, remarks: null, baseVersion: 0 }]]);
  expect(fillOf(wb, 'result', '1')).toBe(ROW_FILLS.input);
  await waitFor(() => expect(count()).toBeNull());
});

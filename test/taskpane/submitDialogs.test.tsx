/** @jest-environment jsdom */
/**
 * Submitting with choices, on the browser preview's workbook and a fake API client: changed, selected or all rows;
 * warnings that ask first; one dialog per conflict ("1 จาก 3") to keep mine, take theirs or decide later; returned
 * rows marked in the sheet until accepted again; and the round's standing shown before anyone tries.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiRound, BatchRow, ReportRow, Session } from '../../src/api';
import type { BatchTarget, PendingStore } from '../../src/api/pending';
import type { SubmitOptions, SubmitReport } from '../../src/api/submit';
import { resolvePolicies } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { ServerPanel, type Connect, type ServerClient } from '../../src/taskpane/components/ServerPanel';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { RETURNED_FILL } from '../../src/taskpane/model/returnedMarks';
import { STATUS_HEADER } from '../../src/taskpane/model/statusColumn';
import { kpiLayout, requireColumn } from '../../src/workbook';
import { sample } from './sheetGrid';

// A whole submit through the pane takes seconds on a busy machine: the default 5 s is too close.
jest.setTimeout(30_000);

const pte = sample('pte-2567');
const layout = kpiLayout(pte.assessment);
const rowOf = (id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
const resultCell = (id: string): string => `${requireColumn(layout, 'result').letter}${rowOf(id)}`;
const idColumn = requireColumn(layout, 'id').column;
const NOW = new Date('2024-03-25T03:00:00Z');
const DAY = 86_400_000;
const OPEN: ApiRound = { round: 6, opensAt: '2024-02-29T17:00:00Z', closesAt: new Date(NOW.getTime() + 10 * DAY).toISOString() };

const stored = (indicatorId: string, value: ReportRow['value'], version: number, status: ReportRow['status'] = 'draft'): ReportRow => ({
  indicatorId,
  value,
  explanation: null,
  obstacles: null,
  remarks: null,
  status,
  version,
  updatedBy: 'pte.reporter',
  updatedAt: '2024-03-20T03:00:00Z',
  comment: null,
  late: false,
  submittedAt: null,
});
const conflictOf = (r: BatchRow, value: number, who: string) => ({
  indicatorId: r.indicatorId,
  outcome: 'conflict' as const,
  result: {
    indicatorId: r.indicatorId,
    outcome: 'conflict' as const,
    current: { value, status: 'draft' as const, version: r.baseVersion + 5, updatedBy: who, updatedAt: '2024-03-25T02:30:00Z' },
  },
});
const accepted = (r: BatchRow) => ({
  indicatorId: r.indicatorId,
  outcome: 'accepted' as const,
  result: { indicatorId: r.indicatorId, outcome: 'accepted' as const, version: r.baseVersion + 1 },
});

class FakeClient implements ServerClient {
  sent: BatchRow[][] = [];
  rounds: ApiRound[] = [OPEN];
  reports: ReportRow[] = [stored('5', 3050, 2)];
  answer: (rows: BatchRow[]) => SubmitReport = (rows) => ({ late: false, outcomes: rows.map(accepted) });
  constructor(readonly hooks: { pending: PendingStore }) {}
  async signIn(): Promise<Session> {
    return {
      token: 't',
      expiresAt: '2099-01-01T00:00:00Z',
      user: { username: 'pte.reporter', name: 'ผู้รายงาน ปทุมธานี', roles: ['reporter'], units: ['pte'] },
    };
  }
  async listAssessments() {
    return [{ id: 'pte-2567', title: 'ตัวชี้วัดจังหวัดปทุมธานี', units: [{ id: 'pte', name: 'จังหวัดปทุมธานี' }], rounds: this.rounds }];
  }
  async getAssessment() {
    return pte.document as never;
  }
  async listReports(): Promise<ReportRow[]> {
    return this.reports.map((r) => ({ ...r }));
  }
  async submitRows(_t: BatchTarget, rows: BatchRow[], o: SubmitOptions): Promise<SubmitReport> {
    this.sent.push(rows);
    o.onProgress?.({ rowsDone: rows.length, rowsTotal: rows.length, batchesDone: 1, batchesTotal: 1 });
    return this.answer(rows);
  }
  async resendPending(): Promise<SubmitReport> {
    return { late: false, outcomes: [] };
  }
  async approve(): Promise<ReportRow> {
    throw new Error('not here');
  }
  async returnRow(): Promise<ReportRow> {
    throw new Error('not here');
  }
}

function setup(options: { rounds?: ApiRound[]; scoring?: { total: number | null } } = {}) {
  const wb = new PreviewWorkbook();
  let client: FakeClient | undefined;
  const connect: Connect = (_url, hooks) => {
    client = new FakeClient(hooks);
    if (options.rounds) client.rounds = options.rounds;
    return client;
  };
  // Round 6 in these tests: penalised only because the policy says every round (the default is the 12-month one).
  const policies = resolvePolicies(pte.assessment.scale, { latePenaltyPerWorkingDay: 0.5, latePenaltyRounds: 'all' });
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale="th">
        <ServerPanel
          port={wb}
          connect={connect}
          now={() => NOW}
          onOpened={() => undefined}
          scoring={options.scoring ? { policies, total: options.scoring.total } : undefined}
        />
      </LocaleProvider>
    </FluentProvider>,
  );
  return { wb, client: () => client! };
}

async function signIn(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'pte.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await screen.findByText(/เข้าสู่ระบบเป็น/);
}

async function openRound(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await signIn(user);
  await waitFor(() => expect(screen.getByTestId('round-window').textContent).toContain('เหลืออีก 10 วัน'));
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
}

async function cell(wb: PreviewWorkbook, address: string): Promise<unknown> {
  return (await wb.read({ ranges: [{ sheet: 'KPI', address }] })).ranges[0]?.values[0]?.[0] ?? null;
}

async function statusOf(wb: PreviewWorkbook, id: string): Promise<unknown> {
  const grid = (await wb.read({ ranges: [{ sheet: 'KPI' }] })).ranges[0]!;
  const column = (grid.values[layout.headerRow - 1] ?? []).indexOf(STATUS_HEADER);
  return column < 0 ? null : (grid.values[rowOf(id) - 1]?.[column] ?? null);
}

async function submitBy(user: ReturnType<typeof userEvent.setup>, item: 'ส่งแถวที่เลือก' | 'ส่งทุกแถว'): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'เลือกแถวที่จะส่ง' }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

test('three conflicts, one dialog each: keep mine, take theirs, decide later; the outcome list leads back', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  client().reports.push(stored('4', 7000, 1), stored('1', 90, 1));
  act(() => {
    wb.type('KPI', resultCell('5'), '3100');
    wb.type('KPI', resultCell('4'), '7200');
    wb.type('KPI', resultCell('1'), '97');
  });
  // Row 1 was never confirmed here (version 0); 4 and 5 were not either but 5 was: all three meet someone's change.
  client().answer = (rows) => {
    client().answer = (again) => ({ late: false, outcomes: again.map(accepted) });
    return { late: false, outcomes: rows.map((r, i) => conflictOf(r, [95, 7100, 2900][i]!, 'pte.approver')) };
  };
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));

  const dialog = await screen.findByTestId('conflict-dialog');
  await within(dialog).findByRole('button', { name: 'ใช้ค่าของฉัน' });
  expect(within(dialog).getByText(/1 จาก 3/)).toBeTruthy();
  expect(within(dialog).getByTestId('conflict-indicator').textContent).toBe(`1 ${pte.assessment.indicators[0]!.name}`);
  expect(within(dialog).getByTestId('conflict-mine').textContent).toContain('ค่าของฉัน (ในชีต): 97');
  expect(within(dialog).getByTestId('conflict-theirs').textContent).toContain('ค่าบนเซิร์ฟเวอร์: 95');
  expect(within(dialog).getByTestId('conflict-theirs').textContent).toContain('แก้ไขโดย pte.approver เมื่อ 25/3/2567 09:30 น.');

  // Keep mine: my row again, on their version.
  await user.click(within(dialog).getByRole('button', { name: 'ใช้ค่าของฉัน' }));
  await waitFor(() => expect(within(screen.getByTestId('conflict-dialog')).getByText(/2 จาก 3/)).toBeTruthy());
  expect(client().sent[1]).toEqual([{ indicatorId: '1', value: 97, explanation: null, obstacles: null, remarks: null, baseVersion: 5 }]);
  expect(await statusOf(wb, '1')).toBe('เซิร์ฟเวอร์รับแล้ว (รุ่น 6)');

  // Take theirs: their value into the sheet.
  expect(within(screen.getByTestId('conflict-dialog')).getByTestId('conflict-indicator').textContent).toMatch(/^4 /);
  await user.click(within(screen.getByTestId('conflict-dialog')).getByRole('button', { name: 'ใช้ค่าบนเซิร์ฟเวอร์' }));
  await waitFor(() => expect(within(screen.getByTestId('conflict-dialog')).getByText(/3 จาก 3/)).toBeTruthy());
  expect(await cell(wb, resultCell('4'))).toBe(7100);

  // Decide later: the row stays a conflict, in the sheet and in the list.
  await user.click(within(screen.getByTestId('conflict-dialog')).getByRole('button', { name: 'ตัดสินใจภายหลัง' }));
  await waitFor(() => expect(screen.queryByTestId('conflict-dialog')).toBeNull());
  expect(await statusOf(wb, '5')).toBe('ขัดแย้ง: pte.approver');
  expect(await cell(wb, resultCell('5'))).toBe(3100);
  expect(client().sent).toHaveLength(2);

  // Back to it from the outcome list.
  const item = screen.getByText(/^5: ขัดแย้ง/);
  await user.click(within(item).getByRole('button', { name: 'ตัดสินใจ…' }));
  const again = await screen.findByTestId('conflict-dialog');
  expect(within(again).getByText(/1 จาก 1/)).toBeTruthy();
  expect(within(again).getByTestId('conflict-theirs').textContent).toContain('2,900');
  await user.click(within(again).getByRole('button', { name: 'ใช้ค่าของฉัน' }));
  await waitFor(() => expect(screen.queryByTestId('conflict-dialog')).toBeNull());
  expect(client().sent[2]).toEqual([{ indicatorId: '5', value: 3100, explanation: null, obstacles: null, remarks: null, baseVersion: 7 }]);
  expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 2 จาก 2 ตัวชี้วัด');
});

test('submit the selected rows: those indicators, changed or not; a selection with no indicator rows says so', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  act(() => wb.type('KPI', resultCell('4'), '7100'));
  await act(() => wb.select('KPI', `B${rowOf('4')}:D${rowOf('5')}`));
  await submitBy(user, 'ส่งแถวที่เลือก');
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 2 จาก 2 ตัวชี้วัด'));
  expect(client().sent).toEqual([
    [
      { indicatorId: '4', value: 7100, explanation: null, obstacles: null, remarks: null, baseVersion: 0 },
      { indicatorId: '5', value: 3050, explanation: null, obstacles: null, remarks: null, baseVersion: 2 },
    ],
  ]);

  await act(() => wb.select('KPI', 'A1'));
  await submitBy(user, 'ส่งแถวที่เลือก');
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toContain('ส่วนที่เลือกไม่มีแถวตัวชี้วัด เลือกแถวของตัวชี้วัดในชีต KPI'));
  expect(client().sent).toHaveLength(1);
});

test('submit all: every row holding something, unchanged ones too; blank rows never stored stay behind', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  act(() => wb.type('KPI', resultCell('1'), '97'));
  await submitBy(user, 'ส่งทุกแถว');
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 2 จาก 2 ตัวชี้วัด'));
  expect(client().sent[0]!.map((r) => [r.indicatorId, r.value, r.baseVersion])).toEqual([
    ['1', 97, 0],
    ['5', 3050, 2],
  ]);
});

test('warnings ask first: go back sends nothing and selects the cell; send anyway sends', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  act(() => wb.type('KPI', resultCell('1'), '-5'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  const dialog = await screen.findByTestId('warnings-dialog');
  expect(within(dialog).getByText(/พบคำเตือน 1 รายการ/)).toBeTruthy();
  expect(within(dialog).getByRole('list').textContent).toContain(`${resultCell('1')} (1) ผลของตัวชี้วัด 1 ติดลบ (-5)`);
  await user.click(within(dialog).getByRole('button', { name: 'กลับไปแก้ไข' }));
  await waitFor(() => expect(screen.queryByTestId('warnings-dialog')).toBeNull());
  expect(client().sent).toEqual([]);
  expect(await wb.selectedRange()).toEqual({ sheet: 'KPI', address: resultCell('1') });

  // The pane is back once the dialog's modal layer has let go of it (tabster restores it a moment later).
  await user.click(await screen.findByRole('button', { name: 'ส่งแถวที่แก้ไข' }, { timeout: 3000 }));
  await user.click(within(await screen.findByTestId('warnings-dialog')).getByRole('button', { name: 'ส่งต่อ' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(client().sent).toEqual([[{ indicatorId: '1', value: -5, explanation: null, obstacles: null, remarks: null, baseVersion: 0 }]]);
});

test('a returned row stands out in the sheet until it is resubmitted and accepted', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  client().reports = [{ ...stored('5', 3050, 3, 'returned'), comment: 'ตัวเลขไม่ตรงกับหลักฐาน' }];
  await user.click(screen.getByRole('button', { name: 'ดึงสถานะจากเซิร์ฟเวอร์' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toContain('ส่งคืนให้แก้ไข 1 แถว'));
  expect(wb.style('KPI', rowOf('5'), idColumn).fill).toBe(RETURNED_FILL);
  expect(wb.style('KPI', rowOf('4'), idColumn).fill).toBeUndefined();

  act(() => wb.type('KPI', resultCell('5'), '3020'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(wb.style('KPI', rowOf('5'), idColumn).fill).toBeUndefined();
});

test('a closed round without late reports: submitting is off and the pane says why', async () => {
  const user = userEvent.setup();
  const closed = { round: 6, opensAt: '2024-02-01T00:00:00+07:00', closesAt: '2024-03-15T23:59:59+07:00' };
  setup({ rounds: [closed] });
  await signIn(user);
  await waitFor(() =>
    expect(screen.getByTestId('round-standing').textContent).toContain('รอบนี้ปิดรับรายงานแล้วเมื่อ 15 มีนาคม 2567 และไม่รับรายงานล่าช้า จึงส่งไม่ได้'),
  );
  expect((screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }) as HTMLButtonElement).disabled).toBe(true);
});

test('a closed round taking late reports: working days late, the penalty and the total after it', async () => {
  const user = userEvent.setup();
  // Closed Friday 15 March 2567; Monday 25 March: 18–22 and 25 → 6 working days late × 0.5.
  const late = { round: 6, opensAt: '2024-02-01T00:00:00+07:00', closesAt: '2024-03-15T23:59:59+07:00', allowLate: true };
  setup({ rounds: [late], scoring: { total: 82.25 } });
  await signIn(user);
  await waitFor(() =>
    expect(screen.getByTestId('round-standing').textContent).toBe(
      'ปิดรับรายงานแล้วเมื่อ 15 มีนาคม 2567 ยังส่งได้แบบล่าช้า: ช้า 6 วันทำการ · หักคะแนนประมาณ 3.00 คะแนน · คะแนนรวมตอนนี้ 82.25 หลังหักประมาณ 79.25',
    ),
  );
  // Late reports are taken: once the sheet is opened (before, nothing is linked to send from), submitting is on.
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  await waitFor(() => expect((screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }) as HTMLButtonElement).disabled).toBe(false));
});

test('an open round: the days left, before trying', async () => {
  const user = userEvent.setup();
  setup();
  await signIn(user);
  await waitFor(() => expect(screen.getByTestId('round-standing').textContent).toBe('เปิดรับรายงานถึง 4 เมษายน 2567 เหลืออีก 10 วัน'));
});

test("the notice follows the linked sheet's round, not another round chosen in the pickers", async () => {
  const user = userEvent.setup();
  const closed = { round: 12, opensAt: '2023-10-01T00:00:00+07:00', closesAt: '2023-12-31T23:59:59+07:00' };
  setup({ rounds: [OPEN, closed] });
  await signIn(user);
  // No sheet linked yet: the pickers' round.
  await user.selectOptions(screen.getByLabelText('รอบ'), '12');
  await waitFor(() => expect(screen.getByTestId('round-standing').textContent).toContain('รอบนี้ปิดรับรายงานแล้วเมื่อ 31 ธันวาคม 2566'));
  await user.selectOptions(screen.getByLabelText('รอบ'), '6');
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  // Round 6 is linked; choosing round 12 again does not make the sheet's submit look closed.
  await user.selectOptions(screen.getByLabelText('รอบ'), '12');
  await waitFor(() => expect(screen.getByTestId('round-standing-of').textContent).toBe('ชีตที่เชื่อมไว้ส่งรายงานของรอบ 6 เดือน:'));
  expect(screen.getByTestId('round-standing').textContent).toBe('เปิดรับรายงานถึง 4 เมษายน 2567 เหลืออีก 10 วัน');
  expect((screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }) as HTMLButtonElement).disabled).toBe(false);
});

test('a submit the server took late says so plainly, with the penalty estimate', async () => {
  const user = userEvent.setup();
  const late = { round: 6, opensAt: '2024-02-01T00:00:00+07:00', closesAt: '2024-03-15T23:59:59+07:00', allowLate: true };
  const { wb, client } = setup({ rounds: [late], scoring: { total: 82.25 } });
  await signIn(user);
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  client().answer = (rows) => ({ late: true, outcomes: rows.map(accepted) });
  act(() => wb.type('KPI', resultCell('5'), '3100'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(screen.getByTestId('submit-late').textContent).toBe('ส่งช้า: คะแนนจะถูกหักประมาณ 3.00 คะแนน ดูคะแนนหลังหักได้ในรายงานคะแนน');
});

/** @jest-environment jsdom */
/**
 * The server panel with a fake API client on the browser preview's workbook: sign in, open a round from the
 * server into a KPI sheet, submit only the rows changed since the server confirmed them, see each outcome
 * (conflicts with who and when), and sign in again mid-submit without losing the batch.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiRound, BatchRow, ReportRow, Session } from '../../src/api';
import { errorFromResponse, networkError } from '../../src/api/clientError';
import type { BatchTarget, PendingStore } from '../../src/api/pending';
import type { SubmitOptions, SubmitReport } from '../../src/api/submit';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { ServerPanel, type Connect, type ServerClient } from '../../src/taskpane/components/ServerPanel';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { readServerLink } from '../../src/taskpane/model/serverLink';
import { STATUS_HEADER } from '../../src/taskpane/model/statusColumn';
import type { Session as PaneSession } from '../../src/taskpane/model/session';
import { kpiLayout, requireColumn } from '../../src/workbook';
import { sample } from './sheetGrid';

const pte = sample('pte-2567');
const layout = kpiLayout(pte.assessment);
const noteCell = (id: string): string => `${requireColumn(layout, 'note').letter}${layout.rows.find((r) => r.indicator.id === id)!.row}`;
const textCell = (role: 'explanation' | 'obstacles' | 'note', id: string): string =>
  `${requireColumn(layout, role).letter}${layout.rows.find((r) => r.indicator.id === id)!.row}`;
const resultCell = (id: string): string =>
  `${requireColumn(layout, 'result').letter}${layout.rows.find((r) => r.indicator.id === id)!.row}`;
const NOW = new Date('2024-03-25T03:00:00Z');
const DAY = 86_400_000;
const rounds: ApiRound[] = [
  { round: 6, opensAt: '2024-02-29T17:00:00Z', closesAt: new Date(NOW.getTime() + 10 * DAY).toISOString() },
  { round: 12, opensAt: '2023-10-01T00:00:00+07:00', closesAt: '2023-12-31T23:59:59+07:00' },
];

const session = (token: string, role: 'reporter' | 'approver' = 'reporter'): Session => ({
  token,
  expiresAt: '2099-01-01T00:00:00Z',
  user: { username: `pte.${role}`, name: role === 'reporter' ? 'ผู้รายงาน ปทุมธานี' : 'ผู้อนุมัติ ปทุมธานี', roles: [role], units: ['pte'] },
});
const stored = (indicatorId: string, value: ReportRow['value'], version: number): ReportRow => ({
  indicatorId,
  value,
  explanation: null,
  obstacles: null,
  remarks: null,
  status: 'draft',
  version,
  updatedBy: 'pte.reporter',
  updatedAt: '2024-03-20T03:00:00Z',
  comment: null,
  late: false,
  submittedAt: null,
});

class FakeClient implements ServerClient {
  role: 'reporter' | 'approver' = 'reporter';
  decisions: string[] = [];
  async approve(_t: BatchTarget, id: string, o: { comment?: string; version?: number }): Promise<ReportRow> {
    this.decisions.push(`approve ${id} v${o.version}`);
    const row = this.reports.find((r) => r.indicatorId === id)!;
    if (row.version !== o.version) {
      throw errorFromResponse(409, {
        error: { code: 'version_conflict', message: `indicator ${id} changed`, messageTh: `ตัวชี้วัด ${id} ถูกแก้ไขแล้ว` },
      });
    }
    Object.assign(row, { status: 'approved', version: row.version + 1 });
    return row;
  }
  async returnRow(_t: BatchTarget, id: string, o: { comment: string; version?: number }): Promise<ReportRow> {
    this.decisions.push(`return ${id} v${o.version}: ${o.comment}`);
    const row = this.reports.find((r) => r.indicatorId === id)!;
    Object.assign(row, { status: 'returned', comment: o.comment, version: row.version + 1 });
    return row;
  }
  resent: string[] = [];
  async resendPending(): Promise<SubmitReport> {
    const outcomes: SubmitReport['outcomes'][number][] = [];
    for (const b of await this.hooks.pending.list()) {
      this.resent.push(b.key);
      await this.hooks.pending.remove(b.key);
      outcomes.push(...this.answer([...b.body.rows]).outcomes);
    }
    // As the real client: removals the workbook's store kept to itself are written once the send is over.
    await this.hooks.pending.flush();
    return { late: false, outcomes };
  }
  signIns: string[] = [];
  sent: BatchRow[][] = [];
  answer: (rows: BatchRow[]) => SubmitReport = (rows) => ({
    late: false,
    outcomes: rows.map((r, i) => ({
      indicatorId: r.indicatorId,
      outcome: 'accepted',
      result: { indicatorId: r.indicatorId, outcome: 'accepted', version: r.baseVersion + 1 + i * 0 },
    })),
  });
  /** Before answering, the session ends once: the client asks the pane for a new sign-in. */
  expireOnSubmit = false;
  constructor(readonly hooks: { reauthenticate: () => Promise<Session | undefined>; pending: PendingStore }) {}
  async signIn(username: string, password: string): Promise<Session> {
    this.signIns.push(`${username}/${password}`);
    if (password !== 'demo')
      throw errorFromResponse(401, {
        error: { code: 'invalid_credentials', message: 'wrong username or password', messageTh: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง' },
      });
    return session(`t${this.signIns.length}`, this.role);
  }
  async listAssessments() {
    return [
      {
        id: 'pte-2567',
        title: 'ตัวชี้วัดจังหวัดปทุมธานี',
        units: [
          { id: 'pte', name: 'จังหวัดปทุมธานี' },
          { id: 'cbi', name: 'จังหวัดชลบุรี' },
        ],
        rounds,
      },
    ];
  }
  async getAssessment() {
    return pte.document as never;
  }
  reports: ReportRow[] = [stored('5', 3050, 2)];
  async listReports(): Promise<ReportRow[]> {
    // Copies, as from the network: what the pane holds does not change when the server's rows do.
    return this.reports.map((r) => ({ ...r }));
  }
  /** The server cannot be reached: batches are kept pending, as the real client keeps them. */
  down = false;
  /** The server refuses every batch as a whole (400). */
  refuse = false;
  async submitRows(t: BatchTarget, rows: BatchRow[], o: SubmitOptions): Promise<SubmitReport> {
    if (this.down) {
      const batch = { key: `k${this.sent.length}`, target: t, body: { action: o.action, rows }, createdAt: NOW.toISOString() };
      await this.hooks.pending.add([batch]);
      const error = networkError(false);
      return { late: false, error, outcomes: rows.map((r) => ({ indicatorId: r.indicatorId, outcome: 'pending' as const, error })) };
    }
    if (this.refuse) {
      // As the real client: a batch the server refuses as a whole is kept, marked with its answer.
      const batch = { key: `k${this.sent.length}`, target: t, body: { action: o.action, rows }, createdAt: NOW.toISOString() };
      await this.hooks.pending.add([batch]);
      const error = errorFromResponse(400, {
        error: {
          code: 'invalid_request',
          message: 'the body is not valid: body.rows.0.explanation',
          messageTh: 'ข้อมูลที่ส่งมา (body) ไม่ถูกต้อง: body.rows.0.explanation',
        },
      });
      await this.hooks.pending.markRefused(batch.key, { at: NOW.toISOString(), status: 400, code: error.code, message: error.userMessage });
      return { late: false, error, outcomes: rows.map((r) => ({ indicatorId: r.indicatorId, outcome: 'refused' as const, error })) };
    }
    if (this.expireOnSubmit) {
      this.expireOnSubmit = false;
      const again = await this.hooks.reauthenticate();
      if (!again) throw new Error('gave up');
    }
    this.sent.push(rows);
    o.onProgress?.({ rowsDone: rows.length, rowsTotal: rows.length, batchesDone: 1, batchesTotal: 1 });
    return this.answer(rows);
  }
}

/** What the sheet's status column says on an indicator's row (found by its header), null when blank. */
async function statusOf(wb: PreviewWorkbook, id: string): Promise<unknown> {
  const grid = (await wb.read({ ranges: [{ sheet: 'KPI' }] })).ranges[0]!;
  const header = grid.values[layout.headerRow - 1] ?? [];
  const column = header.indexOf(STATUS_HEADER);
  if (column < 0) return null;
  const row = layout.rows.find((r) => r.indicator.id === id)!.row;
  return grid.values[row - 1]?.[column] ?? null;
}

function setup(wb = new PreviewWorkbook(), role: 'reporter' | 'approver' = 'reporter') {
  let client: FakeClient | undefined;
  const connect: Connect = (_url, hooks) => {
    client = new FakeClient(hooks);
    client.role = role;
    if (role === 'approver')
      client.reports = [
        { ...stored('5', 3050, 2), status: 'submitted' },
        { ...stored('1', 97, 1), status: 'submitted' },
        { ...stored('6', 40, 4), status: 'submitted' },
      ];
    return client;
  };
  const opened: PaneSession[] = [];
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale="th">
        <ServerPanel port={wb} connect={connect} now={() => NOW} onOpened={(s) => opened.push(s)} />
      </LocaleProvider>
    </FluentProvider>,
  );
  return { wb, opened, client: () => client!, unmount: view.unmount };
}

async function signIn(user: ReturnType<typeof userEvent.setup>, password = 'demo'): Promise<void> {
  await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'pte.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), password);
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
}

async function openRound(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await signIn(user);
  await screen.findByText(/เข้าสู่ระบบเป็น ผู้รายงาน ปทุมธานี/);
  await waitFor(() => expect(screen.getByTestId('round-window').textContent).toContain('เหลืออีก 10 วัน'));
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
}

test('opens the round from the server: window in Buddhist-Era dates with days left, values and versions remembered', async () => {
  const user = userEvent.setup();
  const { wb, opened } = setup();
  await openRound(user);
  expect(screen.getByTestId('round-window').textContent).toBe('รับรายงาน 1 มีนาคม 2567 – 4 เมษายน 2567 · เหลืออีก 10 วัน');
  // Only the user's own unit is offered.
  expect(
    within(screen.getByLabelText('หน่วยงาน'))
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['จังหวัดปทุมธานี']);
  const grid = await wb.read({ ranges: [{ sheet: 'KPI', address: resultCell('5') }] });
  expect(grid.ranges[0]?.values[0]?.[0]).toBe(3050);
  const binding = await wb.readBinding();
  const link = binding?.ok ? readServerLink(binding.value.server) : undefined;
  expect(link?.ok && link.value.target).toEqual({ aid: 'pte-2567', round: 6, unit: 'pte' });
  expect(link?.ok && link.value.rows['5']).toMatchObject({ version: 2, value: 3050 });
  expect(opened).toHaveLength(1);
});

test('submits only the rows changed since the server confirmed them, shows each outcome, then nothing is left to send', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  act(() => wb.type('KPI', resultCell('1'), '97'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(client().sent).toEqual([[{ indicatorId: '1', value: 97, explanation: null, obstacles: null, remarks: null, baseVersion: 0 }]]);
  // Accepted rows are counted and marked in the sheet; the list keeps only the rows that need the person.
  expect(screen.getByRole('list', { name: 'ส่งรายงาน' }).textContent).toBe('');
  expect(await statusOf(wb, '1')).toBe('เซิร์ฟเวอร์รับแล้ว (รุ่น 1)');
  expect(await statusOf(wb, '5')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('ไม่มีแถวที่แก้ไขตั้งแต่ได้รับการยืนยันครั้งล่าสุด'));
  expect(client().sent).toHaveLength(1);
});

test('a conflict is said plainly: who changed the row, when, and what the server holds', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  client().answer = (rows) => ({
    late: false,
    outcomes: rows.map((r) => ({
      indicatorId: r.indicatorId,
      outcome: 'conflict' as const,
      result: {
        indicatorId: r.indicatorId,
        outcome: 'conflict' as const,
        current: { value: 2900, status: 'draft' as const, version: 3, updatedBy: 'pte.approver', updatedAt: '2024-03-25T02:30:00Z' },
      },
    })),
  });
  act(() => wb.type('KPI', resultCell('5'), '3100'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  const item = await screen.findByText(/^5: ขัดแย้ง/);
  expect(item.textContent).toContain('5: ขัดแย้ง — pte.approver แก้ไขเมื่อ 25/3/2567 09:30 น. ค่าบนเซิร์ฟเวอร์ 2900 ค่าในชีตยังอยู่');
  expect(client().sent).toEqual([[{ indicatorId: '5', value: 3100, explanation: null, obstacles: null, remarks: null, baseVersion: 2 }]]);
  expect(await statusOf(wb, '5')).toBe('ขัดแย้ง: pte.approver');
  // Not accepted: the row is still "changed" against version 2.
  const binding = await wb.readBinding();
  const link = binding?.ok ? readServerLink(binding.value.server) : undefined;
  expect(link?.ok && link.value.rows['5']).toMatchObject({ version: 2, value: 3050 });
});

async function conflictOn5(user: ReturnType<typeof userEvent.setup>) {
  const ctx = setup();
  await openRound(user);
  const accept = ctx.client().answer;
  ctx.client().answer = (rows) => {
    ctx.client().answer = accept;
    return {
      late: false,
      outcomes: rows.map((r) => ({
        indicatorId: r.indicatorId,
        outcome: 'conflict' as const,
        result: {
          indicatorId: r.indicatorId,
          outcome: 'conflict' as const,
          current: {
            value: 2900,
            explanation: 'ยอดขายงาน OTOP City',
            obstacles: null,
            remarks: 'ตามรายงานพาณิชย์จังหวัด',
            status: 'draft' as const,
            version: 3,
            updatedBy: 'pte.approver',
            updatedAt: '2024-03-25T02:30:00Z',
          },
        },
      })),
    };
  };
  act(() => {
    ctx.wb.type('KPI', resultCell('5'), '3100');
    ctx.wb.type('KPI', textCell('obstacles', '5'), 'ร้านค้าปิดช่วงน้ำท่วม');
  });
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await screen.findByText(/^5: ขัดแย้ง/);
  return ctx;
}

test('a conflict resolved by keeping mine: resubmitted on their version', async () => {
  const user = userEvent.setup();
  const { wb, client } = await conflictOn5(user);
  await user.click(screen.getByRole('button', { name: 'ใช้ค่าของฉัน' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(client().sent[1]).toEqual([
    { indicatorId: '5', value: 3100, explanation: null, obstacles: 'ร้านค้าปิดช่วงน้ำท่วม', remarks: null, baseVersion: 3 },
  ]);
  expect(await statusOf(wb, '5')).toBe('เซิร์ฟเวอร์รับแล้ว (รุ่น 4)');
});

test('a conflict resolved by taking theirs: the server value and texts in the sheet, nothing left changed', async () => {
  const user = userEvent.setup();
  const { wb, client } = await conflictOn5(user);
  const theirs = within(screen.getByTestId('conflict-dialog')).getByTestId('conflict-theirs').textContent;
  expect(theirs).toContain('คำชี้แจงการปฏิบัติงาน: ยอดขายงาน OTOP City');
  expect(theirs).toContain('หมายเหตุ: ตามรายงานพาณิชย์จังหวัด');
  expect(theirs).not.toContain('อุปสรรค');
  expect(within(screen.getByTestId('conflict-dialog')).getByTestId('conflict-mine').textContent).toContain('อุปสรรค: ร้านค้าปิดช่วงน้ำท่วม');
  await user.click(screen.getByRole('button', { name: 'ใช้ค่าบนเซิร์ฟเวอร์' }));
  await waitFor(async () => expect(await statusOf(wb, '5')).toBe('ใช้ค่าบนเซิร์ฟเวอร์ (รุ่น 3)'));
  const at = async (address: string): Promise<unknown> =>
    (await wb.read({ ranges: [{ sheet: 'KPI', address }] })).ranges[0]?.values[0]?.[0] ?? null;
  expect(await at(resultCell('5'))).toBe(2900);
  expect(await at(textCell('explanation', '5'))).toBe('ยอดขายงาน OTOP City');
  expect(await at(textCell('obstacles', '5'))).toBeNull();
  expect(await at(textCell('note', '5'))).toBe('ตามรายงานพาณิชย์จังหวัด');
  const binding = await wb.readBinding();
  const link = binding?.ok ? readServerLink(binding.value.server) : undefined;
  expect(link?.ok && link.value.rows['5']).toMatchObject({
    version: 3,
    value: 2900,
    explanation: 'ยอดขายงาน OTOP City',
    obstacles: null,
    remarks: 'ตามรายงานพาณิชย์จังหวัด',
  });
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('ไม่มีแถวที่แก้ไขตั้งแต่ได้รับการยืนยันครั้งล่าสุด'));
  expect(client().sent).toHaveLength(1);
});

test('when the session ends mid-submit, the sign-in form comes back and the submit carries on', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  client().expireOnSubmit = true;
  act(() => wb.type('KPI', resultCell('1'), '97'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  expect(await screen.findByText(/การเข้าสู่ระบบหมดอายุ/)).toBeTruthy();
  expect(client().sent).toEqual([]);
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(client().signIns).toEqual(['pte.reporter/demo', 'pte.reporter/demo']);
  expect(client().sent).toEqual([[{ indicatorId: '1', value: 97, explanation: null, obstacles: null, remarks: null, baseVersion: 0 }]]);
});

test('a wrong password is said in Thai and nothing else opens', async () => {
  const user = userEvent.setup();
  setup();
  await signIn(user, 'nope');
  expect((await screen.findByRole('alert')).textContent).toContain('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
  expect(screen.queryByRole('button', { name: 'เปิดชีต' })).toBeNull();
});

test('offline: the batch stays in the file; a pane opened later offers it and resends it under its key', async () => {
  const user = userEvent.setup();
  const first = setup();
  await openRound(user);
  first.client().down = true;
  act(() => first.wb.type('KPI', resultCell('1'), '97'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() =>
    expect(screen.getByTestId('submit-summary').textContent).toBe(
      'เซิร์ฟเวอร์รับแล้ว 0 จาก 1 ตัวชี้วัด · 1 แถวยังไม่ได้รับการยืนยัน เก็บไว้ในไฟล์และจะส่งอีกครั้ง',
    ),
  );
  expect(screen.getByRole('alert').textContent).toContain('จะส่งให้อีกครั้ง');
  first.unmount();

  const second = setup(first.wb);
  await signIn(user);
  await user.click(await screen.findByRole('button', { name: 'ส่งที่ค้างอีกครั้ง (1)' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(second.client().resent).toEqual(['k0']);
  const binding = await first.wb.readBinding();
  const link = binding?.ok ? readServerLink(binding.value.server) : undefined;
  expect(link?.ok && link.value.pending).toEqual([]);
  expect(link?.ok && link.value.rows['1']).toMatchObject({ version: 1, value: 97 });
  expect(screen.queryByRole('button', { name: /ส่งที่ค้างอีกครั้ง/ })).toBeNull();
  expect(await statusOf(first.wb, '1')).toBe('เซิร์ฟเวอร์รับแล้ว (รุ่น 1)');
});

test('a batch the server refused as a whole is shown with its message, not offered for resending, and removed when the person says so', async () => {
  const user = userEvent.setup();
  const pane = setup();
  await openRound(user);
  pane.client().refuse = true;
  act(() => pane.wb.type('KPI', resultCell('1'), '97'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  const shown = await screen.findByTestId('refused-batch');
  expect(shown.textContent).toContain('เซิร์ฟเวอร์ปฏิเสธชุดข้อมูล 1 แถว (1)');
  expect(shown.textContent).toContain('body.rows.0.explanation');
  expect(screen.queryByRole('button', { name: /ส่งที่ค้างอีกครั้ง/ })).toBeNull();
  const before = await pane.wb.readBinding();
  const kept = before?.ok ? readServerLink(before.value.server) : undefined;
  expect(kept?.ok && kept.value.pending.map((b) => [b.key, b.refused?.code])).toEqual([['k0', 'invalid_request']]);

  await user.click(screen.getByRole('button', { name: 'ลบออกจากไฟล์' }));
  await waitFor(() => expect(screen.queryByTestId('refused-batch')).toBeNull());
  const after = await pane.wb.readBinding();
  const link = after?.ok ? readServerLink(after.value.server) : undefined;
  expect(link?.ok && link.value.pending).toEqual([]);
});

test("statuses back: a returned row shows the approver's comment in the sheet and stands out in the pane", async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  client().reports = [
    { ...stored('5', 3050, 3), status: 'returned', comment: 'ตัวเลขไม่ตรงกับหลักฐาน', updatedBy: 'pte.approver' },
    { ...stored('1', 97, 2), status: 'approved', updatedBy: 'pte.approver' },
  ];
  await user.click(screen.getByRole('button', { name: 'ดึงสถานะจากเซิร์ฟเวอร์' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('ปรับสถานะแล้ว: อนุมัติ 1 แถว ส่งคืนให้แก้ไข 1 แถว'));
  expect(screen.getByRole('list', { name: 'ส่งคืนให้แก้ไข' }).textContent).toBe('5: ส่งคืนให้แก้ไข: ตัวเลขไม่ตรงกับหลักฐาน');
  expect(await statusOf(wb, '5')).toBe('ส่งคืนให้แก้ไข: ตัวเลขไม่ตรงกับหลักฐาน');
  expect(await statusOf(wb, '1')).toBe('อนุมัติแล้ว');
  const binding = await wb.readBinding();
  const link = binding?.ok ? readServerLink(binding.value.server) : undefined;
  expect(link?.ok && link.value.rows['5']).toMatchObject({ version: 3, status: 'returned', comment: 'ตัวเลขไม่ตรงกับหลักฐาน' });
  // Row 1 was stored by someone else since this sheet was opened: not adopted, so a value typed here meets the
  // conflict, and the blank here is not taken for a deletion.
  expect(link?.ok && link.value.rows['1']).toBeUndefined();
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('ไม่มีแถวที่แก้ไขตั้งแต่ได้รับการยืนยันครั้งล่าสุด'));
});

test('errors in the changed rows block the submit: nothing is sent, and the pane says what to fix', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  await openRound(user);
  act(() => wb.type('KPI', resultCell('1'), 'ประมาณ 90'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  expect((await screen.findByRole('alert')).textContent).toContain('ยังไม่ได้ส่ง: มีข้อผิดพลาด 1 รายการ');
  expect(client().sent).toEqual([]);
});

test('approver mode: nothing ticked; returns one row with a comment, approves the rest; a row changed meanwhile is said, not approved', async () => {
  const user = userEvent.setup();
  const { client } = setup(undefined, 'approver');
  await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'pte.approver');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await user.click(await screen.findByRole('button', { name: 'แสดงแถวที่ส่งมา' }));
  expect(screen.queryByRole('button', { name: 'ส่งแถวที่แก้ไข' })).toBeNull();
  // Nothing is ticked for the approver.
  await screen.findByRole('button', { name: 'อนุมัติ 0 แถว' });

  // Return row 5 alone, with a comment.
  await user.click(screen.getByRole('checkbox', { name: /^5:/ }));
  await user.type(screen.getByLabelText(/ความเห็น/), 'ตัวเลขไม่ตรงกับหลักฐาน');
  await user.click(screen.getByRole('button', { name: 'ส่งคืน 1 แถว' }));
  await waitFor(() => expect(screen.getByTestId('approver-done').textContent).toBe('ส่งคืนแล้ว 1 แถว'));
  // The comment went with that row; the box is empty for the next.
  expect((screen.getByLabelText(/ความเห็น/) as HTMLTextAreaElement).value).toBe('');

  // Someone resubmits row 6 while the approver looks: approving the version seen is refused for that row only.
  await user.click(await screen.findByRole('checkbox', { name: 'เลือกทุกแถว' }));
  await screen.findByRole('button', { name: 'อนุมัติ 2 แถว' });
  client().reports.find((r) => r.indicatorId === '6')!.version = 5;
  await user.click(screen.getByRole('button', { name: 'อนุมัติ 2 แถว' }));
  await waitFor(() => expect(screen.getByTestId('approver-done').textContent).toBe('อนุมัติแล้ว 1 แถว'));
  expect(screen.getByRole('alert').textContent).toBe('6: ตัวชี้วัด 6 ถูกแก้ไขแล้ว');
  expect(client().decisions).toEqual(['return 5 v2: ตัวเลขไม่ตรงกับหลักฐาน', 'approve 1 v1', 'approve 6 v4']);
  expect(client().reports.map((r) => [r.indicatorId, r.status])).toEqual([
    ['5', 'returned'],
    ['1', 'approved'],
    ['6', 'submitted'],
  ]);
});

test('the note column travels with the row as remarks: opened from the server, sent when changed, not when set back', async () => {
  const user = userEvent.setup();
  const { wb, client } = setup();
  const connectReports = [{ ...stored('5', 3050, 2), remarks: 'ข้อมูลจากพาณิชย์จังหวัด' }];
  await signIn(user);
  client().reports = connectReports;
  await screen.findByText(/เข้าสู่ระบบเป็น/);
  await waitFor(() => expect(screen.getByTestId('round-window').textContent).toContain('เหลืออีก 10 วัน'));
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  const note = await wb.read({ ranges: [{ sheet: 'KPI', address: noteCell('5') }] });
  expect(note.ranges[0]?.values[0]?.[0]).toBe('ข้อมูลจากพาณิชย์จังหวัด');

  act(() => wb.type('KPI', noteCell('5'), 'ปรับตามรายงานไตรมาส'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  expect(client().sent).toEqual([
    [{ indicatorId: '5', value: 3050, explanation: null, obstacles: null, remarks: 'ปรับตามรายงานไตรมาส', baseVersion: 2 }],
  ]);

  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('ไม่มีแถวที่แก้ไขตั้งแต่ได้รับการยืนยันครั้งล่าสุด'));
});

test('the submit outcome and a returned row follow the pane language; a returned row accepted again leaves the list', async () => {
  const user = userEvent.setup();
  let client: FakeClient | undefined;
  const connect: Connect = (_url, hooks) => (client = new FakeClient(hooks));
  const wb = new PreviewWorkbook();
  const pane = (locale: 'th' | 'en') => (
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>
        <ServerPanel port={wb} connect={connect} now={() => NOW} onOpened={() => undefined} />
      </LocaleProvider>
    </FluentProvider>
  );
  const view = render(pane('th'));
  await openRound(user);
  act(() => wb.type('KPI', resultCell('1'), '97'));
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('เซิร์ฟเวอร์รับแล้ว 1 จาก 1 ตัวชี้วัด'));
  view.rerender(pane('en'));
  expect(screen.getByTestId('submit-summary').textContent).toMatch(/^The server accepted 1 of 1 indicator/);

  // The approver returns row 5; refreshed, it is listed; typed again and accepted, it leaves the list.
  Object.assign(
    client!.reports.find((r) => r.indicatorId === '5')!,
    { status: 'returned', comment: 'ตรวจอีกครั้ง' },
  );
  await user.click(screen.getByRole('button', { name: 'Refresh statuses' }));
  const list = await screen.findByRole('list', { name: 'returned for changes' });
  expect(list.textContent).toBe('5: returned for changes: ตรวจอีกครั้ง');
  act(() => wb.type('KPI', resultCell('5'), '3100'));
  await user.click(screen.getByRole('button', { name: 'Submit changed rows' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toMatch(/^The server accepted 1 of 1/));
  expect(screen.queryByRole('list', { name: 'returned for changes' })).toBeNull();
});

/** @jest-environment jsdom */
/**
 * The Server tab inside the whole pane (App) on the browser preview's workbook and a fake API client: the session,
 * the pickers and the outcomes outlive a tab switch; the 12-month round stays chosen; the pickers start on the
 * sheet that is open (bound or linked), and a pane opened again on a linked workbook asks only for the password.
 */
import './jsdomShims';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiRound, BatchRow, ReportRow, Session } from '../../src/api';
import type { BatchTarget, PendingStore } from '../../src/api/pending';
import type { SubmitOptions, SubmitReport } from '../../src/api/submit';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import type { Connect, ServerClient } from '../../src/taskpane/components/ServerPanel';
import { sample } from './sheetGrid';

jest.setTimeout(60_000);

const pte = sample('pte-2567');
const krs = sample('krs-2567');
const DAY = 86_400_000;
// The pane reads the real clock (App passes none): the rounds are placed around it.
const now = Date.now();
const ROUNDS: ApiRound[] = [
  { round: 6, opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString() },
  { round: 12, opensAt: new Date(now - 90 * DAY).toISOString(), closesAt: new Date(now - 60 * DAY).toISOString() },
];

class FakeClient implements ServerClient {
  signIns: string[] = [];
  listed: BatchTarget[] = [];
  constructor(
    readonly url: string,
    readonly hooks: { pending: PendingStore },
  ) {}
  async signIn(username: string): Promise<Session> {
    this.signIns.push(username);
    return {
      token: 't',
      expiresAt: '2099-01-01T00:00:00Z',
      user: { username, name: 'ผู้รายงาน ปทุมธานี', roles: ['reporter'], units: ['pte', 'cbi'] },
    };
  }
  async listAssessments() {
    const units = [
      { id: 'cbi', name: 'จังหวัดชลบุรี' },
      { id: 'pte', name: 'จังหวัดปทุมธานี' },
    ];
    // KRS first: a pane that ignored the open sheet would land on it.
    return [
      { id: 'krs-2567', title: 'KRS', units, rounds: ROUNDS },
      { id: 'pte-2567', title: 'ตัวชี้วัดจังหวัดปทุมธานี', units, rounds: ROUNDS },
    ];
  }
  async getAssessment(aid: string) {
    return (aid === 'krs-2567' ? krs.document : pte.document) as never;
  }
  async listReports(t: BatchTarget): Promise<ReportRow[]> {
    this.listed.push(t);
    return [];
  }
  async submitRows(_t: BatchTarget, rows: BatchRow[], o: SubmitOptions): Promise<SubmitReport> {
    o.onProgress?.({ rowsDone: rows.length, rowsTotal: rows.length, batchesDone: 1, batchesTotal: 1 });
    return {
      late: false,
      outcomes: rows.map((r) => ({
        indicatorId: r.indicatorId,
        outcome: 'accepted' as const,
        result: { indicatorId: r.indicatorId, outcome: 'accepted' as const, version: 1 },
      })),
    };
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

function setup(wb = new PreviewWorkbook()) {
  const clients: FakeClient[] = [];
  const connect: Connect = (url, hooks) => {
    const c = new FakeClient(url, hooks);
    clients.push(c);
    return c;
  };
  const view = render(<App port={wb} connect={connect} />);
  return { wb, clients, view };
}

const tab = (name: string) => screen.getByRole('tab', { name: new RegExp(`^${name}`) });
const picker = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

async function signIn(user: ReturnType<typeof userEvent.setup>, address?: string): Promise<void> {
  await user.click(tab('เซิร์ฟเวอร์'));
  if (address !== undefined) {
    await user.clear(await screen.findByLabelText('ที่อยู่เซิร์ฟเวอร์'));
    await user.type(screen.getByLabelText('ที่อยู่เซิร์ฟเวอร์'), address);
  }
  await user.type(await screen.findByLabelText('ชื่อผู้ใช้'), 'pte.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await screen.findByText(/^เข้าสู่ระบบเป็น/);
  await waitFor(() => expect(picker('ชุดตัวชี้วัด').options.length).toBeGreaterThan(0));
}

test('a tab switch keeps the session, the chosen set, unit and round, and the submit outcome', async () => {
  const user = userEvent.setup();
  const { clients } = setup();
  await signIn(user);
  await user.selectOptions(picker('ชุดตัวชี้วัด'), 'pte-2567');
  await user.selectOptions(picker('หน่วยงาน'), 'pte');
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  await user.click(screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }));
  await waitFor(() => expect(screen.getByTestId('submit-summary').textContent).toBe('ไม่มีแถวที่แก้ไขตั้งแต่ได้รับการยืนยันครั้งล่าสุด'));

  await user.click(tab('สรุปคะแนน'));
  expect(screen.queryByText(/^เข้าสู่ระบบเป็น/)).toBeNull();
  await user.click(tab('เซิร์ฟเวอร์'));
  // Signed in still, nothing asked again, the same choice and the same outcome.
  expect(await screen.findByText(/^เข้าสู่ระบบเป็น/)).toBeTruthy();
  expect(screen.queryByLabelText('รหัสผ่าน')).toBeNull();
  expect(clients).toHaveLength(1);
  expect(clients[0]!.signIns).toEqual(['pte.reporter']);
  expect(picker('ชุดตัวชี้วัด').value).toBe('pte-2567');
  expect(picker('หน่วยงาน').value).toBe('pte');
  expect(screen.getByTestId('submit-summary').textContent).toBe('ไม่มีแถวที่แก้ไขตั้งแต่ได้รับการยืนยันครั้งล่าสุด');
});

test('the 12-month round can be chosen and stays chosen, with its closed notice', async () => {
  const user = userEvent.setup();
  setup();
  await signIn(user);
  await user.selectOptions(picker('รอบ'), '12');
  // Re-renders come from everywhere (the standing, the link read): none may put the picker back on 6.
  await new Promise((r) => setTimeout(r, 1500));
  expect(picker('รอบ').value).toBe('12');
  expect(screen.getByTestId('round-window').textContent).toContain('ปิดรับรายงานแล้ว');
  expect(screen.getByTestId('round-standing').textContent).toMatch(/^รอบนี้ปิดรับรายงานแล้วเมื่อ/);
  await user.click(tab('สร้างชีต'));
  await user.click(tab('เซิร์ฟเวอร์'));
  expect(((await screen.findByRole('combobox', { name: 'รอบ' })) as HTMLSelectElement).value).toBe('12');
});

test('with a Pathum Thani sheet bound, the pickers start on its assessment, not the first on the server', async () => {
  const user = userEvent.setup();
  setup();
  await user.selectOptions(screen.getByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'pte-2567');
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  await screen.findByTestId('total');
  await signIn(user);
  await waitFor(() => expect(picker('ชุดตัวชี้วัด').value).toBe('pte-2567'));
});

test('a pane opened again on a linked workbook starts on its server, unit and round, and asks for the password', async () => {
  const user = userEvent.setup();
  const first = setup();
  await signIn(user, 'http://scorebook.example:8787');
  await user.selectOptions(picker('ชุดตัวชี้วัด'), 'pte-2567');
  await user.selectOptions(picker('หน่วยงาน'), 'pte');
  await user.selectOptions(picker('รอบ'), '12');
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  first.view.unmount();

  const again = setup(first.wb);
  await user.click(tab('เซิร์ฟเวอร์'));
  // The token is gone with the old pane; the address comes from the sheet's link.
  await waitFor(() => expect((screen.getByLabelText('ที่อยู่เซิร์ฟเวอร์') as HTMLInputElement).value).toBe('http://scorebook.example:8787'));
  await user.type(screen.getByLabelText('ชื่อผู้ใช้'), 'pte.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await screen.findByText(/^เข้าสู่ระบบเป็น/);
  expect(again.clients[0]!.url).toBe('http://scorebook.example:8787');
  await waitFor(() => expect(picker('ชุดตัวชี้วัด').value).toBe('pte-2567'));
  expect(picker('หน่วยงาน').value).toBe('pte');
  expect(picker('รอบ').value).toBe('12');
});

test('"ส่งแถวที่แก้ไข" is off with its reason until a sheet is opened from the server', async () => {
  const user = userEvent.setup();
  setup();
  await signIn(user);
  const submit = () => screen.getByRole('button', { name: 'ส่งแถวที่แก้ไข' }) as HTMLButtonElement;
  await waitFor(() => expect(submit().disabled).toBe(true));
  expect(screen.getByTestId('submit-needs-link').textContent).toBe(
    'ส่งได้เมื่อเปิดชีตจากเซิร์ฟเวอร์แล้ว: เลือกชุดตัวชี้วัด หน่วยงาน และรอบด้านบน แล้วกด "เปิดชีต"',
  );
  await user.click(screen.getByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต KPI แล้ว/);
  await waitFor(() => expect(submit().disabled).toBe(false));
  expect(screen.queryByTestId('submit-needs-link')).toBeNull();
});

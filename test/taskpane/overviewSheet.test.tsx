/** @jest-environment jsdom */
/**
 * The overview sheet in the pane (Server tab) on the preview's workbook and a mocked client: shown to central staff
 * and approvers only, opens the sheet with its chart, switches results / scores / statuses, Refresh rewrites the same
 * sheet (one chart), and a sheet of that name a person made goes through the replace guard.
 */
import './jsdomShims';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiRound, Overview, ReportRow, Session } from '../../src/api';
import type { SubmitReport } from '../../src/api/submit';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import type { Connect, ServerClient } from '../../src/taskpane/components/ServerPanel';
import { OVERVIEW_CHARTS, OVERVIEW_SHEET } from '../../src/workbook/overviewSheet';
import { makeOverview, OVERVIEW_ASSESSMENT } from '../workbook/overviewFixture';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const now = Date.now();
const ROUNDS: ApiRound[] = [{ round: 12, opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString() }];

function client(roles: string[], overviews: Overview[]): ServerClient & { asked: number } {
  return {
    asked: 0,
    async signIn(username: string): Promise<Session> {
      return {
        token: 't',
        expiresAt: '2099-01-01T00:00:00Z',
        user: { username, name: 'สำนักงานส่วนกลาง', roles: roles as never, units: [] },
      };
    },
    async listAssessments() {
      return [{ id: 'krs-2567', title: 'KRS', units: [{ id: '1001', name: 'สพป. 1' }], rounds: ROUNDS }];
    },
    async getAssessment() {
      return OVERVIEW_ASSESSMENT as never;
    },
    async getOverview() {
      this.asked++;
      return overviews[Math.min(this.asked - 1, overviews.length - 1)]!;
    },
    async listReports(): Promise<ReportRow[]> {
      return [];
    },
    async submitRows(): Promise<SubmitReport> {
      return { late: false, outcomes: [] };
    },
    async resendPending(): Promise<SubmitReport> {
      return { late: false, outcomes: [] };
    },
    async approve(): Promise<ReportRow> {
      throw new Error('not here');
    },
    async returnRow(): Promise<ReportRow> {
      throw new Error('not here');
    },
  };
}

async function signedIn(roles: string[], overviews: Overview[], wb = new PreviewWorkbook()) {
  const c = client(roles, overviews);
  const connect: Connect = () => c;
  render(<App port={wb} connect={connect} />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: /^เซิร์ฟเวอร์/ }));
  await user.type(await screen.findByLabelText('ชื่อผู้ใช้'), 'central');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await screen.findByText(/^เข้าสู่ระบบเป็น/);
  return { user, c, wb };
}

test('central staff open the overview sheet; Refresh rewrites it in place with the mode chosen, one chart', async () => {
  const { user, c, wb } = await signedIn(['central'], [makeOverview(8, 4), makeOverview(5, 4, { seed: 3 })]);
  await user.click(await screen.findByRole('button', { name: 'เปิดชีตภาพรวม' }));
  await waitFor(() => expect(screen.getByTestId('overview-written').textContent).toMatch(/เขียนชีต ภาพรวม แล้ว: 8 หน่วยงาน/));
  expect(wb.value(OVERVIEW_SHEET, 7, 2)).toBe('1001');
  expect(wb.charts(OVERVIEW_SHEET).map((x) => x.name)).toEqual([OVERVIEW_CHARTS.units]);
  await user.click(screen.getByRole('radio', { name: 'สถานะ' }));
  await user.click(screen.getByRole('button', { name: 'รีเฟรช' }));
  await waitFor(() => expect(screen.getByTestId('overview-written').textContent).toMatch(/5 หน่วยงาน/));
  expect(c.asked).toBe(2);
  expect(String(wb.value(OVERVIEW_SHEET, 1, 1))).toMatch(/สถานะ$/);
  expect(wb.value(OVERVIEW_SHEET, 12, 2)).toBeNull();
  expect(wb.visibleSheets().filter((s) => s.startsWith(OVERVIEW_SHEET))).toEqual([OVERVIEW_SHEET]);
  expect(wb.charts(OVERVIEW_SHEET)).toHaveLength(1);
});

test("a person's own sheet named ภาพรวม goes through the replace guard: a new sheet, theirs untouched", async () => {
  const wb = new PreviewWorkbook();
  await wb.apply({
    title: 'mine',
    ops: [
      { kind: 'sheet', sheet: OVERVIEW_SHEET, ifExists: 'keep' },
      { kind: 'cells', sheet: OVERVIEW_SHEET, topLeft: 'A1', contents: [['บันทึกของฉัน']] },
    ],
  });
  const { user } = await signedIn(['approver'], [makeOverview(3, 2)], wb);
  await user.click(await screen.findByRole('button', { name: 'เปิดชีตภาพรวม' }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('radio', { name: /เปิดในชีตใหม่ \(ภาพรวม \(2\)\)/ }));
  await user.click(within(dialog).getByRole('button', { name: 'ดำเนินการ' }));
  await waitFor(() => expect(screen.getByTestId('overview-written').textContent).toMatch(/ภาพรวม \(2\)/));
  expect(wb.value(OVERVIEW_SHEET, 1, 1)).toBe('บันทึกของฉัน');
  expect(wb.value('ภาพรวม (2)', 7, 2)).toBe('1001');
});

test('a reporter does not see it', async () => {
  await signedIn(['reporter'], [makeOverview(3, 2)]);
  await screen.findByRole('combobox', { name: 'ชุดตัวชี้วัด' });
  expect(screen.queryByTestId('overview-sheet')).toBeNull();
});

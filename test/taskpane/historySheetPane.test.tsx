/** @jest-environment jsdom */
/**
 * "Open as sheet" in the Server tab's history view writes the unit's history sheet through the pane's port, in the
 * pane's language, with its native chart; opening it again rewrites the same sheet (one chart), in one write.
 */
import './jsdomShims';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiRound, ReportRow, Session } from '../../src/api';
import type { UnitHistory } from '../../src/api/history';
import type { SubmitReport } from '../../src/api/submit';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import type { Connect, ServerClient } from '../../src/taskpane/components/ServerPanel';
import type { WritePlan } from '../../src/workbook/plan';
import { HISTORY_CHART, HISTORY_HEADERS, HISTORY_HEADER_ROW, historySheetName } from '../../src/workbook/historySheet';
import { PTE_HISTORY } from './historyFixture';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const now = Date.now();
const ROUNDS: ApiRound[] = [{ round: 12, opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString() }];

function client(): ServerClient {
  return {
    async signIn(username: string): Promise<Session> {
      return { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { username, name: 'ผู้รายงาน', roles: ['reporter'], units: ['pte'] } };
    },
    async listAssessments() {
      return [{ id: 'pte-2567', title: 'PTE', units: [{ id: 'pte', name: 'จังหวัดปทุมธานี' }], rounds: ROUNDS }];
    },
    async getAssessment() {
      throw new Error('not here');
    },
    async getUnitHistory(): Promise<UnitHistory> {
      return PTE_HISTORY;
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

/** The preview's workbook, counting the writes the pane asks of it. */
class CountingWorkbook extends PreviewWorkbook {
  readonly plans: string[] = [];
  override async apply(plan: WritePlan, onProgress?: Parameters<PreviewWorkbook['apply']>[1]) {
    this.plans.push(plan.title);
    return super.apply(plan, onProgress);
  }
}

for (const locale of ['th', 'en'] as const) {
  test(`${locale}: "Open as sheet" writes the history sheet with its chart; again rewrites it in place`, async () => {
    const wb = new CountingWorkbook();
    const c = client();
    const connect: Connect = () => c;
    render(<App port={wb} connect={connect} displayLanguage={locale === 'th' ? 'th-TH' : 'en-US'} />);
    const user = userEvent.setup();
    const t =
      locale === 'th'
        ? { tab: /^เซิร์ฟเวอร์/, user: 'ชื่อผู้ใช้', pass: 'รหัสผ่าน', signIn: 'เข้าสู่ระบบ', show: 'แสดงประวัติ', open: 'เปิดเป็นชีต' }
        : { tab: /^Server/, user: 'Username', pass: 'Password', signIn: 'Sign in', show: 'Show history', open: 'Open as sheet' };
    await user.click(screen.getByRole('tab', { name: t.tab }));
    await user.type(await screen.findByLabelText(t.user), 'pte');
    await user.type(screen.getByLabelText(t.pass), 'demo');
    await user.click(screen.getByRole('button', { name: t.signIn }));
    await user.click(await screen.findByRole('button', { name: t.show }));
    await screen.findByTestId('history-total');
    const sheet = historySheetName('pte');
    for (let time = 1; time <= 2; time++) {
      await user.click(screen.getByRole('button', { name: t.open }));
      await waitFor(() => expect(screen.getByTestId('history-sheet-written').textContent).toContain(sheet));
      expect(wb.plans.filter((p) => p.startsWith('history sheet'))).toHaveLength(time);
    }
    const h = HISTORY_HEADER_ROW;
    expect(wb.value(sheet, h, 1)).toBe(HISTORY_HEADERS.fiscalYear);
    expect(String(wb.value(sheet, 1, 1))).toMatch(
      locale === 'th' ? /^ประวัติของหน่วยงาน pte · ตัวชี้วัด 5/ : /^History of unit pte · indicator 5/,
    );
    // Six rounds over two fiscal years, oldest first.
    expect([1, 2, 3, 4, 5, 6].map((i) => `${String(wb.value(sheet, h + i, 1))}/${String(wb.value(sheet, h + i, 2))}`)).toEqual([
      '2566/6',
      '2566/9',
      '2566/12',
      '2567/6',
      '2567/9',
      '2567/12',
    ]);
    expect(wb.charts(sheet).map((x) => x.name)).toEqual([HISTORY_CHART]);
  });
}

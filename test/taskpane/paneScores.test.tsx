/** @jest-environment jsdom */
/**
 * The pane's summary on a sheet linked to a round: the self-assessed total (the sheet's live total) beside the
 * certified one (only rows the server holds as approved count; the rest score as not reported), both scored by the
 * domain from the sheet's values and each row's status as the server last said it; and a row not due in the
 * round (KRS 11.5, 12-month only) greyed with "ไม่ต้องรายงานในรอบนี้", not counted as missing, not ranked in what-if.
 */
import './jsdomShims';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiRound, ReportRow, Session } from '../../src/api';
import type { SubmitReport } from '../../src/api/submit';
import { formatNumber, scoreAssessment, type RawResult, type ReportStatus } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import type { Connect, ServerClient } from '../../src/taskpane/components/ServerPanel';
import { kpiLayout, NAMES, parseAddress, requireColumn, settingsSheet } from '../../src/workbook';
import { evaluateSheet } from '../../src/taskpane/model/evaluate';
import { createdSheet } from './paneSheets';
import { sample } from './sheetGrid';

// Signing in loads the Server tab on demand: near 5 s on a loaded machine.
jest.setTimeout(30_000);

const krs = sample('krs-2567');
const layout = kpiLayout(krs.assessment);
const d = krs.assessment.policies.decimals;
const rowOf = (id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
// Open for the whole test run, whatever today is: the pickers choose the round open now.
const rounds: ApiRound[] = [{ round: 6, opensAt: '2000-01-01T00:00:00Z', closesAt: '2100-01-01T00:00:00Z' }];
const session: Session = {
  token: 't',
  expiresAt: '2100-01-01T00:00:00Z',
  user: { username: 'krs.reporter', name: 'ผู้รายงาน', roles: ['reporter'], units: ['spp-pte1'] },
};
const row = (indicatorId: string, value: ReportRow['value'], status: ReportStatus, version: number): ReportRow => ({
  indicatorId,
  value,
  explanation: null,
  obstacles: null,
  remarks: null,
  status,
  version,
  updatedBy: 'krs.reporter',
  updatedAt: '2024-03-20T03:00:00Z',
  comment: null,
  late: false,
  submittedAt: null,
});
// 11.3 approved, 11.2 only submitted: the certified total counts 11.3 alone.
const stored: ReportRow[] = [row('11.3', 1, 'approved', 3), row('11.2', { num: 118, den: 124 }, 'submitted', 2)];
const results: Record<string, RawResult> = { '11.3': 1, '11.2': { num: 118, den: 124 } };

class FakeClient implements ServerClient {
  async signIn(): Promise<Session> {
    return session;
  }
  async listAssessments() {
    return [{ id: 'krs-2567', title: krs.assessment.title, units: [{ id: 'spp-pte1', name: 'สพป.ปทุมธานี เขต 1' }], rounds }];
  }
  async getAssessment() {
    return krs.document as never;
  }
  async listReports(): Promise<ReportRow[]> {
    return stored.map((r) => ({ ...r }));
  }
  async submitRows(): Promise<SubmitReport> {
    throw new Error('not in this test');
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
  const connect: Connect = () => new FakeClient();
  render(<App port={wb} connect={connect} />);
  await user.click(await screen.findByRole('tab', { name: 'เซิร์ฟเวอร์' }));
  await user.type(await screen.findByLabelText('ชื่อผู้ใช้'), 'krs.reporter');
  await user.type(screen.getByLabelText('รหัสผ่าน'), 'demo');
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
  await user.click(await screen.findByRole('button', { name: 'เปิดชีต' }));
  await screen.findByText(/เปิดชีต .* แล้ว/);
  await user.click(screen.getByRole('tab', { name: 'สรุปคะแนน' }));
  return { user, wb };
}

test('a sheet linked to a round shows the self-assessed and the certified totals, as the domain scores them', async () => {
  const { user, wb } = await openLinkedSheet();
  const expected = scoreAssessment(krs.assessment, { results, round: 6, statuses: { '11.3': 'approved', '11.2': 'submitted' } });
  await waitFor(() =>
    expect(screen.getByTestId('total-certified').textContent).toBe(formatNumber(expected.official!.totalBeforePenalty as number, d)),
  );
  expect(screen.getByTestId('total').textContent).toBe(formatNumber(expected.totalBeforePenalty as number, d));
  expect(expected.official!.totalBeforePenalty).not.toBe(expected.totalBeforePenalty);
  const card = screen.getByTestId('total-card');
  expect(card.textContent).toContain('คะแนนประเมินตนเอง');
  expect(card.textContent).toContain('คะแนนที่รับรองแล้ว');
  // Due this round: 11.2, 11.3, 11.4, 12 (11.5 is 12-month only); certified: 11.3.
  expect(card.textContent).toContain('รับรองแล้ว 1 จาก 4 ตัวชี้วัด');

  // The sheet's live value: typed over, the self-assessed total moves; the certified one follows the typed value
  // of a certified row only.
  wb.type(layout.sheet, `${requireColumn(layout, 'numerator').letter}${rowOf('11.2')}`, '124');
  const typed = scoreAssessment(krs.assessment, {
    results: { ...results, '11.2': { num: 124, den: 124 } },
    round: 6,
    statuses: { '11.3': 'approved', '11.2': 'submitted' },
  });
  await waitFor(() => expect(screen.getByTestId('total').textContent).toBe(formatNumber(typed.totalBeforePenalty as number, d)));
  expect(screen.getByTestId('total-certified').textContent).toBe(formatNumber(expected.official!.totalBeforePenalty as number, d));

  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(screen.getByTestId('total-card').textContent).toContain('Self-assessed');
  expect(screen.getByTestId('total-card').textContent).toContain('Certified');
  expect(screen.getByTestId('total-card').textContent).toContain('1 of 4 indicators certified');
});

test('a row not due in the linked round is greyed with its reason, not counted as missing, and left out of the what-if ranking', async () => {
  const { user, wb } = await openLinkedSheet();
  const notDue = await screen.findByTestId('score-11.5');
  await waitFor(() => expect(notDue.textContent).toContain('ไม่ต้องรายงานในรอบนี้'));
  expect(notDue.className).toContain('sb-not-due');
  // Reported 11.2 and 11.3; missing 11.4 and 12 — not 11.5.
  const counts = screen.getByTestId('counts');
  expect(within(counts).getByText(/ยังไม่รายงาน/).textContent).toContain('2');
  expect(within(counts).getByText(/รายงานแล้ว/).textContent).toContain('2');

  // The sheet opened from the server says its round (ScorebookRound), so its own formulas grey 11.5 and total as the pane.
  const settings = settingsSheet(krs.assessment);
  const roundRow = settings.entries.find((e) => e.name === NAMES.round)!.row;
  expect(wb.value(settings.sheet, roundRow, 2)).toBe(6);
  const at = parseAddress(layout.totalCell.replace(/\$/g, ''));
  const total = wb.value(layout.sheet, at.row, at.column) as number;
  expect(formatNumber(total, d)).toBe(screen.getByTestId('total').textContent);

  await user.click(screen.getByRole('tab', { name: 'สมมติผล' }));
  const gains = await screen.findByTestId('gains');
  expect(gains.textContent).toContain('11.4');
  expect(gains.textContent).not.toContain('11.5');

  await user.click(screen.getByRole('button', { name: 'English' }));
  await user.click(screen.getByRole('tab', { name: 'Scores' }));
  expect((await screen.findByTestId('score-11.5')).textContent).toContain('Not reported in this round');
});

test('a sheet bound to a template with rounds, not linked, takes its round from ScorebookRound; one total only', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  render(<App port={wb} listSheets={async () => wb.visibleSheets()} />);
  await user.selectOptions(await screen.findByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'krs-2567');
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  await screen.findByTestId('indicator-scores');
  expect(screen.getByTestId('score-11.5').textContent).not.toContain('ไม่ต้องรายงานในรอบนี้');
  const settings = settingsSheet(krs.assessment);
  const roundRow = settings.entries.find((e) => e.name === NAMES.round)!.row;
  wb.type(settings.sheet, `B${roundRow}`, '6');
  // The pane listens to the KPI sheet: its next edit re-reads the settings with it.
  wb.type(layout.sheet, `${requireColumn(layout, 'step1').letter}${rowOf('11.3')}`, '1');
  await waitFor(() => expect(screen.getByTestId('score-11.5').textContent).toContain('ไม่ต้องรายงานในรอบนี้'));
  expect(screen.queryByTestId('total-certified')).toBeNull();
  expect(screen.getByTestId('total-card').textContent).toContain('คะแนนรวม');
  const expected = scoreAssessment(krs.assessment, { results: { '11.3': 1 }, round: 6 });
  expect(screen.getByTestId('total').textContent).toBe(formatNumber(expected.totalBeforePenalty as number, d));
});

test("the live check warns target-changed at a target cell typed over by hand, and scores with the assessment's targets", async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  render(<App port={wb} listSheets={async () => wb.visibleSheets()} />);
  await user.selectOptions(await screen.findByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'krs-2567');
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  await screen.findByTestId('indicator-scores');
  const target = `${requireColumn(layout, 'target1').letter}${rowOf('12')}`;
  // Typed into the locked target cell anyway (the preview, like a sheet unprotected by hand, lets it through).
  wb.type(layout.sheet, target, '50');
  wb.type(layout.sheet, `${requireColumn(layout, 'result').letter}${rowOf('12')}`, '77');
  const expected = scoreAssessment(krs.assessment, { results: { '12': 77 } });
  await waitFor(() => expect(screen.getByTestId('total').textContent).toBe(formatNumber(expected.totalBeforePenalty as number, d)));
  await user.click(screen.getByRole('tab', { name: /ตรวจสอบ/ }));
  const warning = await screen.findByText(/ค่าเป้าหมาย.*ของตัวชี้วัด 12 ในชีตถูกแก้เป็น 50/);
  expect(warning.closest('li')?.textContent).toContain(`${target}`);
});

test('a sheet just created, derived targets included (Pathum Thani OTOP), has no target-changed warning', async () => {
  const pte = sample('pte-2567');
  const wb = new PreviewWorkbook();
  await createdSheet(wb, pte);
  const sheet = kpiLayout(pte.assessment).sheet;
  const grid = (await wb.read({ ranges: [{ sheet, numberFormats: true }] })).ranges[0]!;
  const e = evaluateSheet(pte.assessment, grid);
  if (!e.ok) throw new Error(JSON.stringify(e.issues));
  expect(e.issues.filter((i) => i.code === 'target-changed')).toEqual([]);
});

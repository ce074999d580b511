/** @jest-environment jsdom */
/**
 * The definitions sheet on the Server tab (central staff), on the preview's workbook and a mocked client: created from
 * the pickers' assessment on the server, checked live as a target and a weight are edited (the error at its cell,
 * Publish's "read from the sheet" disabled with the reason), then published from the sheet with the diff shown; a
 * second creation over the edited sheet goes through the replace guard.
 */
import './jsdomShims';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiAssessmentDocument, ApiRound, ReportRow, Session } from '../../src/api';
import type { SubmitReport } from '../../src/api/submit';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import type { Connect, ServerClient } from '../../src/taskpane/components/ServerPanel';
import { DEFINITIONS_SETTINGS_SHEET, DEFINITIONS_SHEET } from '../../src/workbook';
import type { ReadRequest } from '../../src/workbook/port';
import type { WritePlan } from '../../src/workbook/plan';
import { sample } from './sheetGrid';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const now = Date.now();
const ROUNDS: ApiRound[] = [{ round: 12, opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString() }];
const pte = sample('pte-2567').document as ApiAssessmentDocument;

function client(): ServerClient & { puts: unknown[] } {
  const puts: unknown[] = [];
  return {
    puts,
    async signIn(username: string): Promise<Session> {
      return { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { username, name: 'ส่วนกลาง', roles: ['central'], units: [] } };
    },
    async listAssessments() {
      return [{ id: 'pte-2567', title: 'PTE', units: [{ id: 'pte', name: 'จังหวัดปทุมธานี' }], rounds: ROUNDS }];
    },
    async getAssessment() {
      return pte;
    },
    async putAssessment(_aid: string, document: unknown) {
      puts.push(document);
      return { assessment: document as ApiAssessmentDocument, created: false, version: 2, issues: [] };
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

/** The preview's workbook, counting what the pane asks of it. */
class CountingWorkbook extends PreviewWorkbook {
  readonly reads: ReadRequest[] = [];
  readonly plans: string[] = [];
  override async read(request: ReadRequest) {
    this.reads.push(request);
    return super.read(request);
  }
  override async apply(plan: WritePlan, onProgress?: Parameters<PreviewWorkbook['apply']>[1]) {
    this.plans.push(plan.title);
    return super.apply(plan, onProgress);
  }
}

const SHEET = DEFINITIONS_SHEET.en;
const text = (id: string): string => screen.getByTestId(id).textContent ?? '';

/** The row of indicator `id` on the sheet (ids in column C from row 4). */
function rowOf(wb: PreviewWorkbook, sheet: string, id: string): number {
  for (let r = 4; r < 100; r++) if (String(wb.value(sheet, r, 3)) === id) return r;
  throw new Error(`no row for ${id}`);
}

test('created from the server, checked live at its cells, published from the sheet with the diff', async () => {
  const wb = new CountingWorkbook();
  const c = client();
  const connect: Connect = () => c;
  render(<App port={wb} connect={connect} displayLanguage="en-US" />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: /^Server/ }));
  await user.type(await screen.findByLabelText('Username'), 'central');
  await user.type(screen.getByLabelText('Password'), 'demo');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  // No sheet yet: Publish cannot read one, and says why.
  expect(await screen.findByText('This workbook has no definitions sheet yet')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Read from the definitions sheet' }).hasAttribute('disabled')).toBe(true);
  expect(text('publish-source-disabled')).toBe('No definitions sheet yet: create one from the server or a file first');

  const readsBefore = wb.reads.length;
  await user.click(screen.getByRole('button', { name: 'Create from pte-2567 on the server' }));
  await waitFor(() =>
    expect(text('definitions-written')).toBe(`Wrote the sheets ${SHEET} and ${DEFINITIONS_SETTINGS_SHEET.en}: 14 indicators`),
  );
  await waitFor(() => expect(text('definitions-check-summary')).toMatch(/^Indicators has no errors: pte-2567/));
  // One guarded write (its read, then the plan) and one read of both sheets for the check.
  expect(wb.plans.filter((p) => p.includes('definitions') || p.includes('Indicators'))).toHaveLength(1);
  const checkReads = wb.reads.slice(readsBefore).filter((r) => r.ranges?.some((x) => x.merges));
  expect(checkReads).toHaveLength(1);
  // The pair just written first, then the other language's names: all four sheets in that one read.
  expect(checkReads[0]!.ranges!.map((x) => x.sheet)).toEqual([
    DEFINITIONS_SHEET.en,
    DEFINITIONS_SETTINGS_SHEET.en,
    DEFINITIONS_SHEET.th,
    DEFINITIONS_SETTINGS_SHEET.th,
  ]);

  // A weight typed as a word: the error at its cell, Publish's source disabled with the reason.
  const row = rowOf(wb, SHEET, '1');
  const weight = String(wb.value(SHEET, row, 5));
  wb.type(SHEET, `E${row}`, 'ten');
  await waitFor(() =>
    expect(text('definitions-check-summary')).toBe('Indicators has 1 errors: fix them at the cells shown before publishing'),
  );
  expect(screen.getByTestId('definitions-check').textContent).toContain(`E${row}`);
  expect(screen.getByRole('button', { name: 'Read from the definitions sheet' }).hasAttribute('disabled')).toBe(true);
  expect(text('publish-source-disabled')).toMatch(/has 1 errors/);

  // Fixed, and a target changed: publish from the sheet shows the diff first.
  wb.type(SHEET, `E${row}`, weight);
  const target = 9; // column I: the first level's target
  wb.type(SHEET, `${String.fromCharCode(64 + target)}${row}`, '91');
  await waitFor(() => expect(text('definitions-check-summary')).toMatch(/no errors/));
  await user.click(screen.getByRole('button', { name: 'Read from the definitions sheet' }));
  expect((await screen.findByTestId('publish-summary')).textContent).toBe('1 indicator changed targets');
  await user.click(screen.getByRole('button', { name: 'Publish…' }));
  await user.click(screen.getByRole('button', { name: 'Publish now' }));
  await screen.findByTestId('publish-done');
  expect(c.puts).toHaveLength(1);
  expect((c.puts[0] as { indicators: { targets: number[] }[] }).indicators[0]!.targets[0]).toBe(91);

  // Creating it again over the edited sheet asks first; the person keeps theirs by opening the new one beside it.
  await user.click(screen.getByRole('button', { name: 'Create from pte-2567 on the server' }));
  const dialog = await screen.findByRole('dialog');
  expect(dialog.textContent).toContain(SHEET);
  await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
  await waitFor(() => expect(text('definitions-written')).toContain(`${SHEET} (2)`));
  // The edited sheet is as it was; the server's version is beside it, and it is the one checked now.
  expect(wb.value(SHEET, row, target)).toBe(91);
  expect(wb.value(`${SHEET} (2)`, row, target)).toBe((pte.indicators as { targets: number[] }[])[0]!.targets[0]);
  expect(wb.visibleSheets()).toContain(`${DEFINITIONS_SETTINGS_SHEET.en} (2)`);
  await waitFor(() => expect(text('definitions-check-summary')).toMatch(/^Indicators \(2\) has no errors/));
});

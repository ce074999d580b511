/** @jest-environment jsdom */
/**
 * A reporter's linked sheet when the central office published new definitions: the notice says what changed (the
 * domain's summary), "Update layout" lays the sheet out again on the browser preview's workbook with every result
 * and text still there, and the pane's session takes the new definitions; unchanged definitions say nothing.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiAssessmentDocument } from '../../src/api';
import type { Locale } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { DefinitionsNotice } from '../../src/taskpane/components/DefinitionsNotice';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { readSheet } from '../../src/taskpane/linkedSheet';
import { LinkedSheetProvider } from '../../src/taskpane/linkedSheetStore';
import type { Session } from '../../src/taskpane/model/session';
import { emptyServerLink } from '../../src/taskpane/model/serverLink';
import { resultInputs } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { sample } from './sheetGrid';

jest.setTimeout(60_000);

type Doc = ApiAssessmentDocument & { indicators: Record<string, unknown>[] };
const pte = sample('pte-2567');
const copy = (): Doc => JSON.parse(JSON.stringify(pte.document)) as Doc;

async function linkedWorkbook(): Promise<PreviewWorkbook> {
  const wb = new PreviewWorkbook();
  const inputs = new Map(resultInputs(pte.assessment, { results: { '1': 97, '2': 91.4, '7': 27.4 }, round: 12 }));
  inputs.set('1', { ...inputs.get('1'), explanation: 'ดำเนินการครบทุกอำเภอ' });
  const server = { ...emptyServerLink(), target: { aid: 'pte-2567', round: 12, unit: 'pte' } };
  await wb.apply(kpiSheetPlan({ assessment: pte.assessment, document: pte.document, inputs, server, round: 12 }).plan);
  return wb;
}

function show(wb: PreviewWorkbook, serverDoc: Doc, locale: Locale = 'en') {
  const client = { getAssessment: jest.fn(async () => serverDoc as ApiAssessmentDocument) };
  const updated: Session[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>
        <LinkedSheetProvider port={wb}>
          <DefinitionsNotice client={client} port={wb} central={false} onUpdated={(s) => updated.push(s)} />
        </LinkedSheetProvider>
      </LocaleProvider>
    </FluentProvider>,
  );
  return { client, updated };
}

function changed(): Doc {
  const next = copy();
  next.indicators[0]!.targets = [91, 95, 100];
  next.indicators[1]!.targets = [85, 90, 96];
  next.indicators[2]!.targets = [9, 10, 12];
  next.indicators.push({ id: '12', name: 'ตัวชี้วัดใหม่', weight: 0, kind: 'quantitative', targets: [1, 2, 3] });
  return next;
}

test('the notice says what changed; Update layout keeps the results and texts and hands the new definitions on', async () => {
  const user = userEvent.setup();
  const wb = await linkedWorkbook();
  const before = await readSheet(wb);
  const { updated, client } = show(wb, changed());
  const notice = await screen.findByTestId('definitions-notice');
  expect(notice.textContent).toContain(
    'The indicator definitions changed on the server since this sheet was made: 3 indicators changed targets, 1 added',
  );
  expect(client.getAssessment).toHaveBeenCalledWith('pte-2567');
  await user.click(screen.getByRole('button', { name: 'Update layout' }));
  await waitFor(() => expect(updated).toHaveLength(1));
  expect(updated[0]!.loaded.assessment.indicators.some((i) => i.id === '12')).toBe(true);
  const after = await readSheet(wb);
  expect(after.assessment.indicators.some((i) => i.id === '12')).toBe(true);
  for (const id of ['1', '2', '7']) expect(after.reading.resultSet.results[id]).toEqual(before.reading.resultSet.results[id]);
  expect(after.link).toEqual(before.link);
  // The record read again holds the new definitions: the notice goes, the outcome is said.
  await waitFor(() => expect(screen.queryByTestId('definitions-notice')).toBeNull());
  expect(screen.getByRole('status').textContent).toContain('Sheet KPI now follows the new definitions');
});

test('in Thai', async () => {
  const wb = await linkedWorkbook();
  show(wb, changed(), 'th');
  expect((await screen.findByTestId('definitions-notice')).textContent).toContain('ตัวชี้วัด 3 ตัวเปลี่ยนค่าเป้าหมาย เพิ่ม 1 ตัว');
  expect(screen.getByRole('button', { name: 'ปรับรูปแบบชีต' })).toBeTruthy();
});

test('the same definitions on the server: no notice', async () => {
  const wb = await linkedWorkbook();
  const { client } = show(wb, copy());
  await waitFor(() => expect(client.getAssessment).toHaveBeenCalled());
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.queryByTestId('definitions-notice')).toBeNull();
});

test('only a reporting window moved: the sheet needs nothing, so nothing is said', async () => {
  const wb = await linkedWorkbook();
  const moved = copy();
  moved.rounds = moved.rounds.map((r, i) => (i === 0 ? { ...r, closesAt: '2024-04-30T23:59:59+07:00' } : r));
  const { client } = show(wb, moved);
  await waitFor(() => expect(client.getAssessment).toHaveBeenCalled());
  await new Promise((r) => setTimeout(r, 50));
  expect(screen.queryByTestId('definitions-notice')).toBeNull();
});

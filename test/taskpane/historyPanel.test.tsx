/** @jest-environment jsdom */
/**
 * The history view: a unit's total and a chosen indicator at every round of pte-2566 and pte-2567 (6, 9, 12), a line
 * per fiscal year, the change since the round before and against the same round a year earlier, in Thai and English;
 * "Open as sheet" hands the history over.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UnitHistory } from '../../src/api/history';
import type { Locale } from '../../src/domain';
import { HistoryPanel } from '../../src/taskpane/components/HistoryPanel';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { loadAssessment } from '../../src/taskpane/model/loadAssessment';
import { historySeries } from '../../src/taskpane/model/historySeries';
import { PTE_HISTORY } from './historyFixture';
import { sample } from './sheetGrid';

jest.setTimeout(30_000);

const loaded = loadAssessment(sample('pte-2567').document, 'pte-2567');
if (!loaded.ok) throw new Error('sample');
const assessment = loaded.value.assessment;

function show(locale: Locale, onOpenSheet?: (h: UnitHistory, id: string | undefined) => void) {
  const asked: string[] = [];
  const client = {
    asked,
    getUnitHistory: jest.fn(async (aid: string, unit: string): Promise<UnitHistory> => {
      asked.push(`${aid}/${unit}`);
      return PTE_HISTORY;
    }),
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>
        <HistoryPanel client={client} aid="pte-2567" unit="pte" unitName="จังหวัดปทุมธานี" assessment={assessment} onOpenSheet={onOpenSheet} />
      </LocaleProvider>
    </FluentProvider>,
  );
  return client;
}

const text = (id: string): string => screen.getByTestId(id).textContent ?? '';

test('the total round over round and year over year, a line per year; the chosen indicator likewise', async () => {
  const user = userEvent.setup();
  const opened: [UnitHistory, string | undefined][] = [];
  const client = show('en', (h, id) => opened.push([h, id]));
  expect(client.getUnitHistory).not.toHaveBeenCalled();
  await user.click(screen.getByRole('button', { name: 'Show history' }));
  await screen.findByTestId('history-total');
  expect(client.asked).toEqual(['pte-2567/pte']);
  expect(text('history-total-since-last')).toBe('Change since the last round: +4.75 (2567 BE, 9-month round → 2567 BE, 12-month round)');
  expect(text('history-total-year-over-year')).toBe('Year over year: +3.25 (against the 12-month round of 2566 BE)');
  const total = screen.getByTestId('history-total');
  const lines = within(total).getAllByTestId('history-line');
  expect(lines.map((l) => l.getAttribute('data-year'))).toEqual(['2566', '2567']);
  expect(lines.map((l) => l.querySelectorAll('circle').length)).toEqual([3, 3]);
  const rows = within(total).getAllByRole('row').slice(1);
  expect(rows.map((r) => r.textContent)).toEqual([
    '2566 BE, 6-month round70.5068.00—',
    '2566 BE, 9-month round74.2572.50+3.75',
    '2566 BE, 12-month round78.0078.00+3.75',
    '2567 BE, 6-month round72.0070.00−6.00',
    '2567 BE, 9-month round76.50—+4.50',
    '2567 BE, 12-month round81.25—+4.75',
  ]);

  await user.selectOptions(screen.getByRole('combobox', { name: 'Indicator shown' }), '5');
  expect(text('history-indicator-since-last')).toBe(
    'Change since the last round: +50.00 (2567 BE, 9-month round → 2567 BE, 12-month round)',
  );
  expect(text('history-indicator-year-over-year')).toBe('Year over year: +175.21 (against the 12-month round of 2566 BE)');
  await user.click(screen.getByRole('button', { name: 'Open as sheet' }));
  expect(opened).toEqual([[PTE_HISTORY, '5']]);
});

test('in Thai', async () => {
  const user = userEvent.setup();
  show('th');
  await user.click(screen.getByRole('button', { name: 'แสดงประวัติ' }));
  await screen.findByTestId('history-total');
  expect(text('history-total-since-last')).toBe('เปลี่ยนจากรอบก่อน +4.75 (พ.ศ. 2567 รอบ 9 เดือน → พ.ศ. 2567 รอบ 12 เดือน)');
  expect(text('history-total-year-over-year')).toBe('เทียบปีก่อน +3.25 (รอบ 12 เดือน พ.ศ. 2566)');
  // No sheet writer given: no button that would do nothing.
  expect(screen.queryByRole('button', { name: 'เปิดเป็นชีต' })).toBeNull();
  expect(screen.getAllByRole('img', { name: /แผนภูมิ/ })).toHaveLength(2);
});

test('a missing point breaks the change instead of inventing one; points out of order are put in order', () => {
  const shuffled: UnitHistory = { ...PTE_HISTORY, points: [...PTE_HISTORY.points].reverse() };
  const s = historySeries(shuffled, { kind: 'indicator', id: '๗' });
  expect(s.points.map((p) => `${p.year}/${p.round}`)).toEqual(['2566/6', '2566/9', '2566/12', '2567/6', '2567/9', '2567/12']);
  const gap: UnitHistory = {
    ...PTE_HISTORY,
    points: PTE_HISTORY.points.map((p, i) => (i === 4 ? { ...p, selfAssessedTotal: null } : p)),
  };
  const t = historySeries(gap, { kind: 'total' });
  expect(t.points.map((p) => p.change)).toEqual([null, 3.75, 3.75, -6, null, null]);
  expect(t.yearOverYear?.change).toBe(3.25);
});

/** @jest-environment jsdom */
/**
 * The pane in the room Excel gives it (320–350 px) and the small things seen there: the tab row wraps rather than
 * pushing tabs off the edge, Thai keeps a line height of 1.5 (marks above and below the line are not clipped), the
 * multi-unit table leaves the unit's name a column of its own room, an issue's cell is said once, and the evidence
 * picker is a button in the pane's language. Layout itself is measured in Chromium (test/e2e/pane.e2e.ts); jsdom
 * has the cascade, so the rules are checked here where they apply.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { issue } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { App } from '../../src/taskpane/App';
import { IssuesPanel } from '../../src/taskpane/components/IssuesPanel';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { withoutCell } from '../../src/taskpane/model/issueText';

jest.setTimeout(60_000);

test('the tab row wraps inside the pane, and Thai text has a line height of 1.5', async () => {
  render(<App port={new PreviewWorkbook()} />);
  const tabs = await screen.findByRole('tablist');
  expect(getComputedStyle(tabs).flexWrap).toBe('wrap');
  const label = screen.getByText('รูปแบบชีต');
  expect(Number(getComputedStyle(label).lineHeight)).toBeGreaterThanOrEqual(1.5);
});

test('the multi-unit summary: the unit with its counts under it, beside its total (no column left without room)', async () => {
  const user = userEvent.setup();
  const wb = new PreviewWorkbook();
  render(<App port={wb} listSheets={async () => wb.visibleSheets()} />);
  await user.selectOptions(await screen.findByRole('combobox', { name: /ชุดตัวชี้วัด/ }), 'krs-2567');
  await user.click(screen.getByRole('radio', { name: /ชีตหลายหน่วยงาน/ }));
  await user.click(screen.getByRole('button', { name: 'สร้างชีต' }));
  const table = await screen.findByTestId('unit-totals');
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['หน่วยงาน', 'คะแนนรวม']);
  const first = within(table).getAllByRole('row')[1]!;
  expect(within(first).getAllByRole('cell')).toHaveLength(2);
  expect(within(first).getByTestId('unit-counts').textContent).toBe('รายงานแล้ว 0 · ยังไม่รายงาน 5 · ค่าไม่ถูกต้อง 0');
});

test('an issue says its cell once: the link, not the link and again in the message', () => {
  const i = issue(
    'text-in-number-cell',
    'warning',
    {
      th: 'เซลล์ J7 เป็นข้อความ "85%" ไม่ใช่ตัวเลข สูตรในชีตจึงนับว่ายังไม่รายงาน',
      en: 'cell J7 holds the text "85%", not a number',
    },
    { indicatorId: '1', cell: 'KPI!J7' },
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale="th">
        <IssuesPanel port={new PreviewWorkbook()} issues={[i]} checking={false} />
      </LocaleProvider>
    </FluentProvider>,
  );
  const item = screen.getByRole('listitem');
  expect(item.textContent).toBe('KPI!J7 เป็นข้อความ "85%" ไม่ใช่ตัวเลข สูตรในชีตจึงนับว่ายังไม่รายงาน');
  expect(withoutCell('cell J7 holds the text "85%", not a number', 'KPI!J7')).toBe('holds the text "85%", not a number');
  expect(withoutCell('ตัวชี้วัด!E7: น้ำหนักรวมขององค์ประกอบ Performance Base เป็น 69.5 ไม่ใช่ 70', 'ตัวชี้วัด!E7')).toBe(
    'น้ำหนักรวมขององค์ประกอบ Performance Base เป็น 69.5 ไม่ใช่ 70',
  );
  // A message that does not start with its cell is left as it is.
  expect(withoutCell('แถวที่ 7 มีรหัสตัวชี้วัด "X"', 'KPI!A7')).toBe('แถวที่ 7 มีรหัสตัวชี้วัด "X"');
});

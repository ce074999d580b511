/** Which rows count as changed, and what a submit's answers do to the sheet's link (serverSheet.ts). */
import { changedRows, linkAfterSubmit, linkFromReports, roundWindow } from '../../src/taskpane/model/serverSheet';
import type { ReportRow } from '../../src/api';
import { outcomeTexts, STATUS_HEADER, statusColumnPlan } from '../../src/taskpane/model/statusColumn';
import { sample } from './sheetGrid';

const pte = sample('pte-2567');
const target = { aid: 'pte-2567', round: 6, unit: 'pte' };
const row = (indicatorId: string, value: ReportRow['value'], version: number): ReportRow => ({
  indicatorId,
  value,
  explanation: null,
  obstacles: null,
  remarks: null,
  status: 'draft',
  version,
  updatedBy: 'x',
  updatedAt: '2024-03-20T03:00:00Z',
  comment: null,
  late: false,
  submittedAt: null,
});

test('a row set back to the value the server confirmed is not changed; a new value is, based on its version', () => {
  const { link } = linkFromReports('https://s', target, [row('5', 3050, 2)]);
  expect(changedRows(pte.assessment, { results: { '5': 3050 } }, link)).toEqual([]);
  expect(changedRows(pte.assessment, { results: { '5': 3100, '1': 97 } }, link)).toEqual([
    { indicatorId: '1', value: 97, baseVersion: 0 },
    { indicatorId: '5', value: 3100, baseVersion: 2 },
  ]);
});

test('a stored row cleared in the sheet is sent (as blank); a row never stored and blank is not', () => {
  const { link } = linkFromReports('https://s', target, [row('5', 3050, 2)]);
  expect(changedRows(pte.assessment, { results: { '5': null, '1': null } }, link)).toEqual([
    { indicatorId: '5', value: null, baseVersion: 2 },
  ]);
});

test('only accepted rows move the last confirmed version and value', () => {
  const { link } = linkFromReports('https://s', target, [row('5', 3050, 2)]);
  const sent = [
    { indicatorId: '1', value: 97, baseVersion: 0 },
    { indicatorId: '5', value: 3100, baseVersion: 2 },
  ];
  const next = linkAfterSubmit(
    link,
    sent,
    [
      { indicatorId: '1', outcome: 'accepted', result: { indicatorId: '1', outcome: 'accepted', version: 1 } },
      { indicatorId: '5', outcome: 'conflict', result: { indicatorId: '5', outcome: 'conflict' } },
    ],
    'submit',
  );
  expect(next.rows['1']).toMatchObject({ version: 1, value: 97, status: 'submitted' });
  expect(next.rows['5']).toMatchObject({ version: 2, value: 3050 });
});

test('a round window: open with days left, not yet open, closed', () => {
  const round = { round: 6, opensAt: '2024-03-01T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' };
  expect(roundWindow(round, new Date('2024-04-10T17:00:00Z'))).toMatchObject({ state: 'open', daysLeft: 1 });
  expect(roundWindow(round, new Date('2024-02-01T00:00:00Z'))).toMatchObject({ state: 'not-yet', daysLeft: 0 });
  expect(roundWindow({ ...round, allowLate: true }, new Date('2024-05-01T00:00:00Z'))).toMatchObject({ state: 'closed', allowLate: true });
});

test('the status column is found again by its header; rows without a new outcome keep what it said', () => {
  const grid = {
    sheet: 'KPI',
    topLeft: 'A1',
    values: [
      ['รหัส', 'ผล', STATUS_HEADER],
      ['1', 97, 'เซิร์ฟเวอร์รับแล้ว (รุ่น 1)'],
      ['5', 3100, null],
    ],
  };
  const reading = {
    headerRow: 1,
    cells: new Map([
      ['1', { row: 2 }],
      ['5', { row: 3 }],
    ]),
  } as never;
  const plan = statusColumnPlan(
    grid,
    reading,
    outcomeTexts(
      [
        {
          indicatorId: '5',
          outcome: 'locked',
          result: {
            indicatorId: '5',
            outcome: 'locked',
            current: { value: 1, status: 'approved', version: 4, updatedBy: 'pte.approver', updatedAt: '2024-03-25T03:00:00Z' },
          },
        },
      ],
      'th',
    ),
  );
  expect(plan?.ops).toEqual([
    {
      kind: 'cells',
      sheet: 'KPI',
      topLeft: 'C1',
      contents: [[STATUS_HEADER], ['เซิร์ฟเวอร์รับแล้ว (รุ่น 1)'], ['อนุมัติแล้ว แก้ไขไม่ได้: pte.approver']],
    },
  ]);
});

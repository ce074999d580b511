/**
 * The pure parts of submitting: which rows a scope sends (changed, selected, all), the warnings that ask before
 * sending, the conflicts as the dialog shows them, the round's standing with the late-penalty estimate, and the
 * fill that makes returned rows stand out until they are accepted or approved.
 */
import type { ReportRow } from '../../src/api';
import type { RowOutcome } from '../../src/api/submit';
import { cellAddress, readKpiGrid, requireColumn } from '../../src/workbook';
import { bangkokWhen, conflictViews, rawValueText } from '../../src/taskpane/model/conflicts';
import { noticeRound, roundStanding, submitRefused } from '../../src/taskpane/model/lateEstimate';
import { RETURNED_FILL, returnedMarksPlan } from '../../src/taskpane/model/returnedMarks';
import { linkFromReports, linkTakingTheirs, theirTexts } from '../../src/taskpane/model/serverSheet';
import { theirsPlan } from '../../src/taskpane/model/takeTheirs';
import type { ServerLink } from '../../src/taskpane/model/serverLink';
import { STATUS_HEADER } from '../../src/taskpane/model/statusColumn';
import { rowsToSend, selectedIndicators, selectionRows } from '../../src/taskpane/model/submitRows';
import { sendWarnings } from '../../src/taskpane/model/submitWarnings';
import { sample, sheetGrid, type Typed } from './sheetGrid';

const pte = sample('pte-2567');
const target = { aid: 'pte-2567', round: 6, unit: 'pte' };
const row = (indicatorId: string, value: ReportRow['value'], version: number, status: ReportRow['status'] = 'draft'): ReportRow => ({
  indicatorId,
  value,
  explanation: null,
  obstacles: null,
  remarks: null,
  status,
  version,
  updatedBy: 'x',
  updatedAt: '2024-03-20T03:00:00Z',
  comment: null,
  late: false,
  submittedAt: null,
});
function read(typed: Typed) {
  const { grid, layout } = sheetGrid(pte, typed);
  const reading = readKpiGrid(pte.assessment, grid);
  if (!reading.ok) throw new Error('the sheet does not read');
  return { grid, layout, reading: reading.value };
}
const rowOf = (layout: ReturnType<typeof read>['layout'], id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;

describe('which rows a submit sends', () => {
  const { link } = linkFromReports('https://s', target, [row('5', 3050, 2), row('4', 7100, 1)]);
  const results = { results: { '5': 3100, '4': 7100, '1': 97 } };

  test('changed: only rows that differ from what the server confirmed', () => {
    expect(rowsToSend('changed', pte.assessment, results, link).map((r) => r.indicatorId)).toEqual(['1', '5']);
  });

  test('all: unchanged stored rows go too, on their confirmed version; blank rows never stored do not', () => {
    expect(rowsToSend('all', pte.assessment, results, link)).toEqual([
      { indicatorId: '1', value: 97, baseVersion: 0 },
      { indicatorId: '4', value: 7100, baseVersion: 1 },
      { indicatorId: '5', value: 3100, baseVersion: 2 },
    ]);
  });

  test('an approved row goes only when changed: unchanged, the server would just say it is locked', () => {
    const approved = linkFromReports('https://s', target, [row('4', 7100, 3, 'approved')]).link;
    expect(rowsToSend('all', pte.assessment, { results: { '4': 7100 } }, approved)).toEqual([]);
    expect(rowsToSend('all', pte.assessment, { results: { '4': 7200 } }, approved)).toEqual([
      { indicatorId: '4', value: 7200, baseVersion: 3 },
    ]);
  });

  test('selected: only the chosen indicators, changed or not', () => {
    expect(rowsToSend('selected', pte.assessment, results, link, undefined, ['4', '7'])).toEqual([
      { indicatorId: '4', value: 7100, baseVersion: 1 },
    ]);
    expect(rowsToSend('selected', pte.assessment, results, link, undefined, [])).toEqual([]);
  });

  test('a selection names the indicator rows it touches; other rows and other sheets are ignored', () => {
    const { layout, reading } = read({});
    const first = rowOf(layout, '4');
    const last = rowOf(layout, '5');
    expect(selectedIndicators(reading, 'KPI', { sheet: 'KPI', address: `C${first}:H${last}` })).toEqual(['4', '5']);
    expect(selectedIndicators(reading, 'KPI', { sheet: 'KPI', address: `A1:B${layout.headerRow}` })).toEqual([]);
    expect(selectedIndicators(reading, 'KPI', { sheet: 'Sheet1', address: `A${first}` })).toEqual([]);
    expect(selectedIndicators(reading, 'KPI', { sheet: 'KPI', address: `${first}:${first}` })).toEqual(['4']);
  });

  test('selection addresses: a cell, a range either way round, whole rows, whole columns', () => {
    expect(selectionRows('F7')).toEqual({ top: 7, bottom: 7 });
    expect(selectionRows('$F$9:$B$7')).toEqual({ top: 7, bottom: 9 });
    expect(selectionRows('7:9')).toEqual({ top: 7, bottom: 9 });
    expect(selectionRows('C:C')).toEqual({ top: 1, bottom: Number.MAX_SAFE_INTEGER });
    expect(selectionRows('nonsense!')).toBeUndefined();
  });
});

describe('warnings ask before sending', () => {
  test('text in a number cell and a negative result are warnings with their cells; rows not sent raise none', () => {
    const { layout, reading } = read({ '5': { result: '๓,๑๐๐' }, '4': { result: -5 }, '1': { result: '๙๗' } });
    const resultCol = requireColumn(layout, 'result').letter;
    const warnings = sendWarnings(pte.assessment, reading, [
      { indicatorId: '5', value: null, baseVersion: 2 },
      { indicatorId: '4', value: -5, baseVersion: 1 },
    ]);
    expect(warnings.map((w) => [w.code, w.indicatorId, w.cell])).toEqual([
      ['text-in-number-cell', '5', `KPI!${resultCol}${rowOf(layout, '5')}`],
      ['value-negative', '4', `KPI!${resultCol}${rowOf(layout, '4')}`],
    ]);
  });

  test('clean rows: nothing to ask', () => {
    const { reading } = read({ '5': { result: 3100 } });
    expect(sendWarnings(pte.assessment, reading, [{ indicatorId: '5', value: 3100, baseVersion: 2 }])).toEqual([]);
  });
});

describe('conflicts as the dialog shows them', () => {
  const current = { value: 2900, status: 'draft' as const, version: 3, updatedBy: 'pte.approver', updatedAt: '2024-03-25T02:30:00Z' };
  const outcomes: RowOutcome[] = [
    { indicatorId: '1', outcome: 'accepted', result: { indicatorId: '1', outcome: 'accepted', version: 1 } },
    { indicatorId: '5', outcome: 'conflict', result: { indicatorId: '5', outcome: 'conflict', current } },
  ];
  const sent = [
    { indicatorId: '1', value: 97, baseVersion: 0 },
    { indicatorId: '5', value: 3100, remarks: 'ตามรายงานพาณิชย์', baseVersion: 2 },
  ];

  test('mine with my texts, theirs with who and when (Bangkok, Buddhist Era); keep mine goes on their version', () => {
    const [view, ...rest] = conflictViews(outcomes, sent, new Map([['5', 'รายได้ OTOP']]), 'th');
    expect(rest).toEqual([]);
    expect(view).toMatchObject({
      indicatorId: '5',
      name: 'รายได้ OTOP',
      mine: { value: '3,100', texts: [{ label: 'remarks', text: 'ตามรายงานพาณิชย์' }] },
      theirs: { value: '2,900', who: 'pte.approver', when: '25/3/2567 09:30 น.', version: 3 },
      resend: { indicatorId: '5', value: 3100, remarks: 'ตามรายงานพาณิชย์', baseVersion: 3 },
    });
  });

  test('theirs shows its texts; take theirs writes value and texts (an absent text leaves the cell), and the link takes them', () => {
    const withTexts = { ...current, explanation: 'งาน OTOP City', obstacles: null, remarks: undefined };
    const [view] = conflictViews(
      [{ ...outcomes[1]!, result: { indicatorId: '5', outcome: 'conflict', current: withTexts } } as RowOutcome],
      sent,
      new Map(),
      'en',
    );
    expect(view?.theirs.texts).toEqual([{ label: 'explanation', text: 'งาน OTOP City' }]);
    const { grid, layout, reading } = read({ '5': { result: 3100 } });
    // The grid read from C3: the reading's columns count from there.
    const plan = theirsPlan(pte.assessment, reading, grid.sheet, '5', 2900, theirTexts(withTexts), 'C3');
    const at = (role: 'result' | 'explanation' | 'obstacles' | 'note', shift = 0) =>
      cellAddress(layout.rows.find((r) => r.indicator.id === '5')!.row, requireColumn(layout, role).column + shift);
    expect(plan?.ops.map((o) => o.kind === 'cells' && [o.topLeft, o.contents[0]?.[0]])).toEqual([
      [at('result'), 2900],
      [at('explanation', 2), 'งาน OTOP City'],
      [at('obstacles', 2), null],
    ]);
    const link = linkTakingTheirs({ ...linkFromReports('', target, [row('5', 3050, 2)]).link }, '5', { ...withTexts, remarks: undefined });
    expect(link.rows['5']).toMatchObject({ version: 3, value: 2900, explanation: 'งาน OTOP City', obstacles: null, remarks: null });
  });

  test('values read as a person writes them', () => {
    expect(rawValueText(null, 'th')).toBe('(ว่าง)');
    expect(rawValueText([true, true, false], 'en')).toBe('✓ ✓ ✗');
    expect(rawValueText({ num: 40, den: 50 }, 'en')).toBe('num 40, den 50');
    expect(rawValueText('๓,๐๕๐', 'th')).toBe('๓,๐๕๐');
    expect(bangkokWhen('2024-12-31T18:00:00Z', 'en')).toBe('1/1/2568 BE 01:00');
  });
});

describe('the round before the user tries', () => {
  const round = { round: 6, opensAt: '2024-03-25T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' };
  const policies = { latePenaltyPerWorkingDay: 0.05, holidays: ['2024-04-15'], latePenaltyRounds: 'all' as const };

  test("the notice is about the linked sheet's round; with no link, or a link to a round not listed, the pickers'", () => {
    const r12 = { ...round, round: 12 };
    const list = [{ id: 'pte-2567', rounds: [round, r12] }];
    expect(noticeRound({ aid: 'pte-2567', round: 12, unit: 'pte' }, list, round)).toEqual({ round: r12, linked: true });
    expect(noticeRound(undefined, list, round)).toEqual({ round, linked: false });
    expect(noticeRound({ aid: 'other', round: 12, unit: 'pte' }, list, round)).toEqual({ round, linked: false });
    expect(noticeRound(undefined, list, undefined)).toBeUndefined();
  });

  test('open: the days left; not open yet and closed without late reports: submit refused', () => {
    expect(roundStanding(round, new Date('2024-04-10T03:00:00Z'), policies, 80)).toEqual({
      state: 'open',
      closesAt: round.closesAt,
      daysLeft: 2,
    });
    const early = roundStanding(round, new Date('2024-03-01T00:00:00Z'), policies, 80);
    expect(early.state).toBe('not-yet');
    const closed = roundStanding(round, new Date('2024-04-20T00:00:00Z'), policies, 80);
    expect(closed).toEqual({ state: 'closed', closesAt: round.closesAt });
    expect([
      submitRefused(early),
      submitRefused(closed),
      submitRefused(roundStanding(round, new Date('2024-04-10T03:00:00Z'), policies, 80)),
    ]).toEqual([true, true, false]);
  });

  test('late allowed (seed 004): working days after the closing day, weekends and holidays not counted, × the penalty per day', () => {
    // Closed Thursday 11 April 2567; Tuesday 16 April: Fri 12, Mon 15 is a holiday, Tue 16 → 2 working days late.
    const late = roundStanding({ ...round, allowLate: true }, new Date('2024-04-16T03:00:00Z'), policies, 80.5);
    expect(late).toMatchObject({ state: 'late', workingDaysLate: 2, totalBefore: 80.5 });
    if (late.state !== 'late') throw new Error('late');
    expect(late.penalty).toBeCloseTo(0.1, 12);
    expect(late.totalAfter).toBeCloseTo(80.4, 12);
    expect(submitRefused(late)).toBe(false);
  });

  test('late in a round the penalty does not apply to (default: only the 12-month round) costs nothing', () => {
    const inSix = roundStanding(
      { ...round, allowLate: true },
      new Date('2024-04-16T03:00:00Z'),
      { ...policies, latePenaltyRounds: [12] },
      80,
    );
    expect(inSix).toMatchObject({ state: 'late', workingDaysLate: 2, penalty: 0, totalAfter: 80 });
  });

  test('the total never goes below zero, and with no total there is no estimate of it', () => {
    const late = roundStanding(
      { ...round, allowLate: true },
      new Date('2024-04-16T03:00:00Z'),
      { latePenaltyPerWorkingDay: 10, holidays: [], latePenaltyRounds: 'all' },
      15,
    );
    expect(late).toMatchObject({ workingDaysLate: 3, penalty: 30, totalAfter: 0 });
    expect(roundStanding({ ...round, allowLate: true }, new Date('2024-04-16T03:00:00Z'), policies, null)).toMatchObject({
      totalBefore: null,
      totalAfter: null,
    });
    // Before a sheet is open the policies are not known: the days late, no figure made up.
    expect(roundStanding({ ...round, allowLate: true }, new Date('2024-04-16T03:00:00Z'), undefined, 80)).toMatchObject({
      workingDaysLate: 3,
      penalty: null,
      totalAfter: null,
    });
  });
});

describe('returned rows stand out', () => {
  const { grid, layout, reading } = read({});
  const linkWith = (statuses: Record<string, ReportRow['status']>): ServerLink =>
    linkFromReports(
      'https://s',
      target,
      Object.entries(statuses).map(([id, s]) => row(id, 1, 1, s)),
    ).link;
  const id = requireColumn(layout, 'id').letter;
  const name = requireColumn(layout, 'name').letter;
  const status = grid.values.reduce((w, r) => Math.max(w, r.length), 0) + 1;
  const statusLetter = cellAddress(1, status).replace(/\d+$/, '');

  test('a returned row: its id and name cells and its status cell get the fill', () => {
    const plan = returnedMarksPlan(grid, reading, linkWith({ '5': 'submitted' }), linkWith({ '5': 'returned', '1': 'approved' }));
    const r = rowOf(layout, '5');
    expect(plan?.ops).toEqual([
      { kind: 'style', sheet: 'KPI', address: `${id}${r}:${name}${r}`, fill: RETURNED_FILL },
      { kind: 'style', sheet: 'KPI', address: `${statusLetter}${r}`, fill: RETURNED_FILL },
    ]);
  });

  test('the fill goes when the row is accepted again or approved; rows never returned are left alone', () => {
    const plan = returnedMarksPlan(
      grid,
      reading,
      linkWith({ '5': 'returned', '4': 'returned', '1': 'draft' }),
      linkWith({ '5': 'submitted', '4': 'approved', '1': 'submitted' }),
    );
    expect(plan?.ops.map((o) => (o.kind === 'style' ? [o.address, o.fill] : []))).toEqual([
      [`${id}${rowOf(layout, '4')}:${name}${rowOf(layout, '4')}`, 'none'],
      [`${statusLetter}${rowOf(layout, '4')}`, 'none'],
      [`${id}${rowOf(layout, '5')}:${name}${rowOf(layout, '5')}`, 'none'],
      [`${statusLetter}${rowOf(layout, '5')}`, 'none'],
    ]);
    expect(returnedMarksPlan(grid, reading, linkWith({ '1': 'draft' }), linkWith({ '1': 'approved' }))).toBeUndefined();
  });

  test('an existing status column is found by its header', () => {
    const header = layout.headerRow - 1;
    const values = grid.values.map((r, i) => (i === header ? [...r.slice(0, 3), STATUS_HEADER, ...r.slice(4)] : r));
    const plan = returnedMarksPlan({ ...grid, values }, reading, linkWith({}), linkWith({ '5': 'returned' }));
    expect(plan?.ops.at(-1)).toEqual({ kind: 'style', sheet: 'KPI', address: `D${rowOf(layout, '5')}`, fill: RETURNED_FILL });
  });
});

/**
 * Rows changed since the server last confirmed them are marked in the sheet — the status column says so and the
 * row's input cells are filled — and unmarked when set back; nothing is written when the marks are already right.
 */
import type { ReportRow } from '../../src/api';
import { changeMarks, markText, serverSays } from '../../src/taskpane/model/changeMarks';
import { ROW_FILLS, rowFillOps } from '../../src/taskpane/model/rowFill';
import { linkFromReports } from '../../src/taskpane/model/serverSheet';
import { CHANGED_MARK, STATUS_HEADER, statusColumnPlan } from '../../src/taskpane/model/statusColumn';
import { readKpiGrid, requireColumn, type CellValue } from '../../src/workbook';
import type { CellsOp, StyleOp } from '../../src/workbook/plan';
import { sample, sheetGrid, type Typed } from './sheetGrid';

const pte = sample('pte-2567');
const target = { aid: 'pte-2567', round: 6, unit: 'pte' };
const stored = (indicatorId: string, value: ReportRow['value'], version: number, more: Partial<ReportRow> = {}): ReportRow => ({
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
  ...more,
});
const { link } = linkFromReports('https://s', target, [
  stored('5', 3050, 2),
  stored('1', 97, 1, { status: 'returned', comment: 'แนบหลักฐาน' }),
]);

/** The sheet as typed, with a status column when `status` is given. */
function sheet(typed: Typed, status?: Record<string, CellValue>) {
  const { grid, layout } = sheetGrid(pte, typed, status ? [{ header: STATUS_HEADER, values: status }] : []);
  const read = readKpiGrid(pte.assessment, grid);
  if (!read.ok) throw new Error('the sheet does not read');
  return { grid, layout, reading: read.value };
}
const rowOf = (layout: ReturnType<typeof sheet>['layout'], id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
const statusWritten = (plan: { ops: readonly unknown[] } | undefined, layout: ReturnType<typeof sheet>['layout'], id: string): unknown => {
  const cells = plan?.ops.find((o): o is CellsOp => (o as CellsOp).kind === 'cells');
  return cells?.contents[rowOf(layout, id) - layout.headerRow]?.[0];
};
const styles = (plan: { ops: readonly unknown[] } | undefined): StyleOp[] =>
  (plan?.ops ?? []).filter((o): o is StyleOp => (o as StyleOp).kind === 'style');

const confirmedSheet = { '5': { result: 3050 }, '1': { result: 97 } } as const;

test('a sheet as the server confirmed it has nothing changed and nothing to write', () => {
  const s = sheet(confirmedSheet);
  expect(changeMarks({ assessment: pte.assessment, ...s, link, locale: 'th' })).toMatchObject({
    changed: [],
    plan: undefined,
    addsColumn: false,
  });
});

test("a changed result is marked: the status column (added) says so and the row's input cells are filled", () => {
  const s = sheet({ ...confirmedSheet, '5': { result: 3100 } });
  const marks = changeMarks({ assessment: pte.assessment, ...s, link, locale: 'th' });
  expect(marks.changed).toEqual(['5']);
  expect(marks.addsColumn).toBe(true);
  expect(statusWritten(marks.plan, s.layout, '5')).toBe('แก้ไขแล้ว ยังไม่ส่ง');
  expect(statusWritten(marks.plan, s.layout, '1')).toBeNull();
  const row = rowOf(s.layout, '5');
  const fills = styles(marks.plan).filter((f) => f.fill !== undefined);
  expect(fills.every((f) => f.fill === ROW_FILLS.changed && new RegExp(`^[A-Z]+${row}:[A-Z]+${row}$`).test(f.address))).toBe(true);
  const result = requireColumn(s.layout, 'result').letter;
  expect(fills.some((f) => f.address.startsWith(`${result}${row}:`))).toBe(true);
});

test('marks already in the sheet: nothing is written', () => {
  const s = sheet({ ...confirmedSheet, '5': { result: 3100, obstacles: 'ฝนตก' } }, { '5': CHANGED_MARK.th });
  expect(changeMarks({ assessment: pte.assessment, ...s, link, locale: 'th' }).plan).toBeUndefined();
  // In English too: the mark is recognised whichever language wrote it.
  const en = sheet({ ...confirmedSheet, '5': { result: 3100 } }, { '5': CHANGED_MARK.en });
  expect(changeMarks({ assessment: pte.assessment, ...en, link, locale: 'th' }).plan).toBeUndefined();
});

test('set back to what the server has, the row shows again what the server said of it and its fill goes', () => {
  const s = sheet(
    { ...confirmedSheet, '5': { result: 3050, note: null } },
    { '5': CHANGED_MARK.th, '1': 'แก้ไขแล้ว ยังไม่ส่ง — ส่งคืนให้แก้ไข: แนบหลักฐาน', '6': CHANGED_MARK.th },
  );
  const marks = changeMarks({ assessment: pte.assessment, ...s, link, locale: 'th' });
  expect(marks.changed).toEqual([]);
  expect(statusWritten(marks.plan, s.layout, '5')).toBe('ร่าง');
  expect(statusWritten(marks.plan, s.layout, '1')).toBe('ส่งคืนให้แก้ไข: แนบหลักฐาน');
  // A row the server never stored: blank again.
  expect(statusWritten(marks.plan, s.layout, '6')).toBeNull();
  expect(styles(marks.plan).length).toBeGreaterThan(0);
  expect(styles(marks.plan).every((f) => f.fill === ROW_FILLS.input)).toBe(true);
});

test("a returned row keeps the approver's comment beside its mark", () => {
  expect(markText(link.rows['1'], 'th')).toBe('แก้ไขแล้ว ยังไม่ส่ง — ส่งคืนให้แก้ไข: แนบหลักฐาน');
  expect(markText(link.rows['5'], 'en')).toBe('changed, not sent');
  expect(serverSays(link.rows['5'], 'en')).toBe('draft');
  expect(serverSays(undefined, 'th')).toBeNull();
});

test("a submit's outcome stays until the row is edited again; then the row is marked", () => {
  const typed = { ...confirmedSheet, '5': { result: 3100 } };
  const s = sheet(typed, { '5': 'ขัดแย้ง: pte.approver' });
  const first = changeMarks({ assessment: pte.assessment, ...s, link, locale: 'th' });
  expect(first).toMatchObject({ changed: ['5'], plan: undefined });
  // Another cell typed elsewhere: row 5 as it was, so its outcome stays.
  const again = changeMarks({ assessment: pte.assessment, ...s, link, locale: 'th', previous: first.contents });
  expect(again.plan).toBeUndefined();
  const edited = sheet({ ...typed, '5': { result: 3200 } }, { '5': 'ขัดแย้ง: pte.approver' });
  const marks = changeMarks({ assessment: pte.assessment, ...edited, link, locale: 'th', previous: first.contents });
  expect(statusWritten(marks.plan, edited.layout, '5')).toBe('แก้ไขแล้ว ยังไม่ส่ง');
});

test("a submit's outcome written over a mark puts the row's fill back; over anything else it leaves fills alone", () => {
  const s = sheet({ '5': { result: 3100 }, '1': { result: 98 } }, { '5': CHANGED_MARK.th, '1': 'ร่าง' });
  const plan = statusColumnPlan(
    s.grid,
    s.reading,
    new Map([
      ['5', 'เซิร์ฟเวอร์รับแล้ว (รุ่น 3)'],
      ['1', 'เซิร์ฟเวอร์รับแล้ว (รุ่น 2)'],
    ]),
  );
  const row = rowOf(s.layout, '5');
  expect(styles(plan).length).toBeGreaterThan(0);
  expect(styles(plan).every((f) => f.fill === ROW_FILLS.input && f.address.endsWith(`${row}`))).toBe(true);
});

test('rows marked together are filled as rectangles, not cell by cell', () => {
  const s = sheet({});
  // Four adjacent indicator rows (a group heading row sits between ๑.๑ and ๑.๒).
  const all = s.layout.rows.map((r) => r.row);
  const start = all.findIndex((r, i) => all[i + 3] === r + 3);
  const rows = all.slice(start, start + 4);
  const ops = rowFillOps('KPI', s.reading, 1, [rows[3]!, rows[0]!, rows[1]!, rows[2]!], ROW_FILLS.changed);
  const inputColumns = [...s.reading.columns.keys()].filter(
    (r) => r !== 'id' && /^(result|numerator|denominator|step\d+|explanation|obstacles|note)$/.test(r),
  );
  // One rectangle per run of adjacent input columns, each spanning the four rows.
  expect(ops.length).toBeLessThan(inputColumns.length);
  expect(ops.every((o) => new RegExp(`^[A-Z]+${rows[0]}:[A-Z]+${rows[3]}$`).test(o.address))).toBe(true);
});

test('a new status column is made readable: its width set and its texts wrapped; an existing one keeps its own width', () => {
  const fresh = sheet({ '5': { result: 3100 } });
  const plan = statusColumnPlan(fresh.grid, fresh.reading, new Map([['5', 'แก้ไขแล้ว ยังไม่ส่ง']]));
  const cells = plan?.ops.find((o): o is CellsOp => o.kind === 'cells');
  const letter = cells?.topLeft.replace(/\d+$/, '');
  const width = plan?.ops.find((o) => o.kind === 'columns');
  expect(width).toMatchObject({ kind: 'columns', columns: `${letter}:${letter}` });
  expect((width as { width: number }).width).toBeGreaterThanOrEqual(140);
  expect(styles(plan).some((s) => s.wrap === true && s.address.startsWith(letter as string))).toBe(true);

  const existing = sheet({ '5': { result: 3100 } }, { '5': 'เซิร์ฟเวอร์รับแล้ว' });
  const again = statusColumnPlan(existing.grid, existing.reading, new Map([['5', 'แก้ไขแล้ว ยังไม่ส่ง']]));
  expect(again?.ops.some((o) => o.kind === 'columns')).toBe(false);
});

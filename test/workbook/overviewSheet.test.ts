import type { Overview } from '../../src/api/overview';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { COLORS } from '../../src/workbook/kpiPlan';
import {
  OVERVIEW_CHARTS,
  OVERVIEW_HEADERS,
  OVERVIEW_MARK,
  OVERVIEW_SHEET,
  overviewHeaderRow,
  overviewRanks,
  overviewSheetPlan,
  STATUS_WORDS,
} from '../../src/workbook/overviewSheet';
import { hasMark, ownSheetLoss } from '../../src/workbook/ownSheet';
import type { ChartOp, WriteOp } from '../../src/workbook/plan';
import { makeOverview } from './overviewFixture';

const unit = (o: Overview, i: number): Overview['units'][number] => o.units[i]!;

/** An overview of three hand-made units, two indicators, so every cell can be said. */
function small(): Overview {
  const o = makeOverview(3, 2, { groups: 2, previousRound: true });
  const set = (i: number, self: number | null, official: number | null, prev: number | null): void => {
    const u = unit(o, i);
    (o.units as Overview['units'][number][])[i] = {
      ...u,
      selfAssessed: { ...u.selfAssessed, total: self },
      official: { ...u.official, total: official },
      previousRoundTotal: prev,
    };
  };
  set(0, 80, 70, 75);
  set(1, 90, 70, 95);
  set(2, null, null, null);
  const cells = unit(o, 0).cells as Overview['units'][number]['cells'][number][];
  cells[0] = { indicator: '1', value: 3050, score: 80.5649, weightedScore: 40, level: 2, status: 'approved' };
  cells[1] = { indicator: '2', value: 12, score: 100, weightedScore: 50, level: 3, status: 'submitted' };
  return o;
}

async function applied(o: Overview, mode: 'results' | 'scores' | 'statuses', locale: 'th' | 'en' = 'th'): Promise<PreviewWorkbook> {
  const wb = new PreviewWorkbook();
  await wb.apply(overviewSheetPlan(o, { mode, locale, levels: 3 }).plan);
  return wb;
}

test('ranks: by official then self-assessed total as shown, ties share a rank, no total no rank', () => {
  const u = (id: string, self: number | null, official: number | null) => ({
    unit: id,
    name: id,
    selfAssessed: { total: self },
    official: { total: official },
    cells: [],
  });
  const ranks = overviewRanks([
    u('a', 80, 70),
    u('b', 90, 70),
    u('c', 90.001, 70.004),
    u('d', 50, 75),
    u('e', null, null),
    u('f', 60, null),
  ]);
  // d has the best official total; b and c are equal as shown (70.00, 90.00) and share 2; a next at 4; f has no official.
  expect([...ranks]).toEqual([
    ['a', 4],
    ['b', 2],
    ['c', 2],
    ['d', 1],
    ['e', undefined],
    ['f', 5],
  ]);
});

test('the sheet: mark, status counts, header, one row per unit with totals, rank, change and group', async () => {
  const o = small();
  const { layout } = overviewSheetPlan(o, { mode: 'results', locale: 'th', levels: 3 });
  const wb = await applied(o, 'results');
  const v = (r: number, c: number) => wb.value(OVERVIEW_SHEET, r, c);
  expect(String(v(2, 1))).toMatch(new RegExp(`^${OVERVIEW_MARK}`));
  // Row 3 labels, row 4 counts (not started, draft, submitted, approved, returned, units).
  expect([2, 3, 4, 5, 6].map((c) => v(3, c))).toEqual(['ยังไม่เริ่ม', 'ร่าง', 'ส่งแล้ว', 'อนุมัติแล้ว', 'ส่งคืน']);
  expect([2, 3, 4, 5, 6].map((c) => v(4, c))).toEqual([
    o.counts.notStarted,
    o.counts.draft,
    o.counts.submitted,
    o.counts.approved,
    o.counts.returned,
  ]);
  expect(v(4, 7)).toBe(3);
  const c = layout.columns;
  expect(v(6, c.rank)).toBe(OVERVIEW_HEADERS.rank);
  expect(v(6, c.change!)).toBe(OVERVIEW_HEADERS.change(9));
  expect(v(6, c.firstIndicator)).toBe('1 ตัวชี้วัดที่ 1');
  // Unit 1: self 80, official 70, rank 2 (official ties with unit 2, whose self-assessed 90 is higher); change 80 − 75.
  expect([v(7, c.rank), v(7, c.unitId), v(7, c.group!), v(7, c.unit), v(7, c.selfTotal), v(7, c.officialTotal), v(7, c.change!)]).toEqual([
    2,
    '1001',
    'กลุ่มจังหวัดที่ 1',
    'สำนักงานเขตพื้นที่การศึกษา 1',
    80,
    70,
    5,
  ]);
  expect([v(8, c.rank), v(8, c.change!)]).toEqual([1, -5]);
  // No totals: no rank, no change.
  expect([v(9, c.rank), v(9, c.selfTotal), v(9, c.change!)]).toEqual([null, null, null]);
  expect([v(7, c.firstIndicator), v(7, c.firstIndicator + 1)]).toEqual([3050, 12]);
  // The hidden level columns hold the levels the colours read.
  expect(wb.isColumnHidden(OVERVIEW_SHEET, c.firstLevel!)).toBe(true);
  expect(v(7, c.firstLevel!)).toBe(2);
  // The group block below the units: the mean of each group's totals (group 1: unit 1 and unit 3 without totals).
  const g = layout.groups!;
  expect(g.headerRow).toBe(layout.lastUnitRow + 2);
  expect([v(g.firstRow, c.unit - 1), v(g.firstRow, c.unit), v(g.firstRow, c.unit + 1), v(g.firstRow, c.unit + 2)]).toEqual([
    'กลุ่มจังหวัดที่ 1',
    80,
    70,
    2,
  ]);
});

test('colour by level as the KPI sheet colours scores: green at the top level, amber between, red below the first', async () => {
  const o = small();
  const cells = unit(o, 1).cells as Overview['units'][number]['cells'][number][];
  cells[0] = { indicator: '1', value: 1, score: 0, weightedScore: 0, level: 0, status: 'returned' };
  cells[1] = { indicator: '2', value: null, score: null, weightedScore: null, level: null, status: null };
  for (const mode of ['results', 'scores'] as const) {
    const { layout } = overviewSheetPlan(o, { mode, locale: 'th', levels: 3 });
    const wb = await applied(o, mode);
    const f = (r: number, i: number) => wb.style(OVERVIEW_SHEET, r, layout.columns.firstIndicator + i).fill;
    expect([f(7, 0), f(7, 1), f(8, 0), f(8, 1)]).toEqual([COLORS.fair, COLORS.good, COLORS.poor, undefined]);
  }
  const wb = await applied(o, 'statuses', 'en');
  const { layout } = overviewSheetPlan(o, { mode: 'statuses', locale: 'en', levels: 3 });
  const at = (r: number, i: number) => [
    wb.value(OVERVIEW_SHEET, r, layout.columns.firstIndicator + i),
    wb.style(OVERVIEW_SHEET, r, layout.columns.firstIndicator + i).fill,
  ];
  expect([at(7, 0), at(7, 1), at(8, 0), at(8, 1)]).toEqual([
    ['approved', COLORS.good],
    ['submitted', COLORS.fair],
    ['returned', COLORS.poor],
    [STATUS_WORDS.notStarted.en, COLORS.unused],
  ]);
  // No level helpers in the statuses mode: the table ends at the last indicator.
  expect(layout.columns.firstLevel).toBeUndefined();
});

test('an ordinary sheet: AutoFilter over the header and units (level helpers in it), frozen header, A4 landscape, not protected, values only', () => {
  const o = makeOverview(12, 4, { groups: 3 });
  const { plan, layout } = overviewSheetPlan(o, { mode: 'scores', locale: 'en', levels: 5, decimals: 4 });
  const kinds = plan.ops.map((op) => op.kind);
  expect(kinds).not.toContain('protect');
  const filter = plan.ops.find((op) => op.kind === 'autoFilter');
  expect(filter).toMatchObject({ address: `A6:${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[layout.columns.last - 1]}${6 + 12}` });
  expect(plan.ops.find((op) => op.kind === 'freeze')).toMatchObject({ rows: 6, columns: layout.columns.unit });
  expect(plan.ops.find((op) => op.kind === 'pageLayout')).toMatchObject({
    paper: 'A4',
    orientation: 'landscape',
    fitToWidth: 1,
    titleRows: '6:6',
  });
  for (const op of plan.ops)
    if (op.kind === 'cells') for (const row of op.contents) for (const c of row) expect(typeof c === 'object' && c !== null).toBe(false);
  expect(plan.ops.find((op) => op.kind === 'numberFormat' && op.format === '0.0000')).toBeDefined();
});

test('charts: totals by unit from the name and both total columns, by group from the group block; none of the group where there are none', () => {
  const o = makeOverview(40, 3, { groups: 4 });
  const { plan, layout } = overviewSheetPlan(o, { mode: 'results', locale: 'th', levels: 3 });
  const charts = plan.ops.filter((op): op is ChartOp => op.kind === 'chart');
  expect(charts.map((c) => [c.name, c.type, c.seriesBy])).toEqual([
    [OVERVIEW_CHARTS.units, 'barClustered', 'columns'],
    [OVERVIEW_CHARTS.groups, 'columnClustered', 'columns'],
  ]);
  // D (unit) to F (official): group column C comes before the name.
  expect(charts[0]!.source).toBe(`D6:F${6 + 40}`);
  expect(layout.columns.unit).toBe(4);
  expect(charts[1]!.source).toBe(`C${layout.groups!.headerRow}:E${layout.groups!.lastRow}`);
  const few = overviewSheetPlan(makeOverview(5, 3), { mode: 'results', locale: 'en', levels: 3 }).plan;
  expect(few.ops.filter((op) => op.kind === 'chart').map((op) => (op as ChartOp).type)).toEqual(['columnClustered']);
  expect(few.ops).toContainEqual({ kind: 'deleteChart', sheet: OVERVIEW_SHEET, name: OVERVIEW_CHARTS.groups });
});

test('the plan has as many ops for 1,000 units as for 10: only the cells grow', () => {
  const ops = (n: number): WriteOp['kind'][] =>
    overviewSheetPlan(makeOverview(n, 50, { groups: 5, previousRound: true }), { mode: 'results', locale: 'th', levels: 3 }).plan.ops.map(
      (o) => o.kind,
    );
  expect(ops(1000)).toEqual(ops(10));
});

test('refresh in place: the same sheet rewritten, its chart replaced, never a second one', async () => {
  const wb = new PreviewWorkbook();
  const o = makeOverview(6, 3, { groups: 2 });
  await wb.apply(overviewSheetPlan(o, { mode: 'results', locale: 'th', levels: 3 }).plan);
  await wb.apply(overviewSheetPlan(makeOverview(4, 3), { mode: 'statuses', locale: 'th', levels: 3 }).plan);
  expect(wb.visibleSheets()).toEqual([OVERVIEW_SHEET]);
  expect(wb.charts(OVERVIEW_SHEET).map((c) => [c.name, c.source])).toEqual([[OVERVIEW_CHARTS.units, 'C6:E10']]);
  // Fewer units: the old rows are gone, not left below.
  expect(wb.value(OVERVIEW_SHEET, 11, 2)).toBeNull();
});

test('the guard: a sheet the pane made is its own; cells typed right of its table, or any sheet a person made, are a loss', () => {
  const o = makeOverview(2, 2);
  const { plan, layout } = overviewSheetPlan(o, { mode: 'results', locale: 'th', levels: 3 });
  const cells = plan.ops.find((op) => op.kind === 'cells')!;
  const values = (cells as unknown as { contents: (string | number | null)[][] }).contents.map((r) => [...r]);
  expect(hasMark(values, OVERVIEW_MARK)).toBe(true);
  const now = { sheet: OVERVIEW_SHEET, topLeft: 'A1', values };
  // Values the pane wrote, even edited by hand inside the table, are the pane's to write again.
  values[7]![layout.columns.selfTotal - 1] = 12345;
  expect(ownSheetLoss(plan, now, OVERVIEW_MARK, overviewHeaderRow)).toBeUndefined();
  // A column of notes right of the table (below the header row): the person's.
  const typed = values.map((r, i) => (i > 5 ? [...r, 'my note'] : r));
  expect(ownSheetLoss(plan, { ...now, values: typed }, OVERVIEW_MARK, overviewHeaderRow)).toMatchObject({ otherCells: 2 });
  const theirs = [['my own overview'], [12]];
  expect(ownSheetLoss(plan, { ...now, values: theirs }, OVERVIEW_MARK, overviewHeaderRow)).toMatchObject({ cells: 2 });
});

/**
 * Binding a hand-made sheet adds its formula columns: the sheet then scores live in a real formula engine
 * (HyperFormula, through the preview's workbook port) exactly as `scoreAssessment` does, also after its rows are
 * sorted. The sheet is one a person would keep: a title above, Thai headers in their own order, columns Scorebook does
 * not know, two of the three target columns, a คะแนน column of its own, rows in another order, rows found by name,
 * rows the assessment does not know, and an indicator with no row at all.
 */
import { scoreAssessment, type RawResult } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { evaluateSheet } from '../../src/taskpane/model/evaluate';
import { boundSheet, proposeBinding, withRow } from '../../src/taskpane/model/proposeBinding';
import { columnLetter, readBindingRows, requireColumn, SETTINGS_SHEET, type CellContent, type CellValue } from '../../src/workbook';
import { bindSheetPlan } from '../../src/workbook/boundSheet';
import { shiftRows } from '../../src/workbook/formulaShift';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { sample } from '../taskpane/sheetGrid';

const pte = sample('pte-2567');
const SHEET = 'รายงาน';
const indicator = (id: string) => {
  const all = [...pte.assessment.indicators, ...pte.assessment.indicators.flatMap((i) => ('children' in i ? i.children : []))];
  const found = all.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const targets = (id: string): readonly number[] => {
  const i = indicator(id);
  return 'targets' in i ? i.targets : [];
};

// Columns: A หมายเหตุ, B ตัวชี้วัด, C ผู้รับผิดชอบ (unknown), D ลำดับ, E ผลการดำเนินงาน, F น้ำหนัก, G เป้าหมายระดับ 2,
// H เป้าหมายระดับ 1, I ขั้นที่ 1..K ขั้นที่ 3, L คะแนน. No third target, no คะแนนถ่วงน้ำหนัก, no helpers.
const HEADER = [
  'หมายเหตุ',
  'ตัวชี้วัด',
  'ผู้รับผิดชอบ',
  'ลำดับ',
  'ผลการดำเนินงาน',
  'น้ำหนัก',
  'เป้าหมายระดับ 2',
  'เป้าหมายระดับ 1',
  'ขั้นที่ 1',
  'ขั้นที่ 2',
  'ขั้นที่ 3',
  'คะแนน',
];
/** A row as the person wrote it; `byName` leaves the id cell blank so only the name can match it. */
function row(id: string, byName = false, owner = 'สนจ.'): CellValue[] {
  const i = indicator(id);
  const t = targets(id);
  return [null, i.name, owner, byName ? null : id, null, i.weight, t[1] ?? null, t[0] ?? null, null, null, null, 'ดีมาก'];
}

function handMade(): CellValue[][] {
  return [
    ['รายงานผลการดำเนินงานตามตัวชี้วัด จังหวัดปทุมธานี ปี 2567'],
    [null],
    HEADER,
    row('7'),
    row('10'),
    row('2', true),
    row('10.1'),
    [null, 'หมายเหตุรวม: ตัวชี้วัดเพิ่มเติมของจังหวัด', 'กอง', 'x9', 42, 3, null, null, null, null, null, null],
    row('1'),
    row('9', true),
    row('6'),
    row('6.1', true),
    row('3'),
    [null, null, null, null, null, null, null, null, null, null, null, null],
    row('4'),
    row('5'),
    row('8'),
    row('11'),
    // 10.2 has no row: the bind adds one below, so the total counts it as the domain does.
  ];
}

async function bound(): Promise<{ wb: PreviewWorkbook; plan: ReturnType<typeof bindSheetPlan> }> {
  const wb = new PreviewWorkbook();
  await wb.apply({
    title: 'hand-made',
    ops: [
      { kind: 'sheet', sheet: SHEET, ifExists: 'replace' },
      { kind: 'cells', sheet: SHEET, topLeft: 'A1', contents: handMade() },
    ],
  });
  // As the bind panel does: read the sheet, propose, confirm as proposed, apply the one plan.
  const grid = (await wb.read({ ranges: [{ sheet: SHEET }] })).ranges[0]!;
  const proposal = proposeBinding(pte.assessment, grid)!;
  expect(proposal.headerRow).toBe(3);
  expect(
    proposal.rows
      .filter((r) => r.matchedBy === 'name')
      .map((r) => r.indicatorId)
      .sort(),
  ).toEqual(['2', '6.1', '9']);
  expect(proposal.rows.find((r) => r.indicatorId === '10.2')?.row).toBeNull();
  const settings = (await wb.read({ ranges: [{ sheet: SETTINGS_SHEET, optional: true, dimensionsOnly: true }] })).ranges[0];
  const plan = bindSheetPlan({
    assessment: pte.assessment,
    document: pte.document,
    bound: boundSheet(proposal),
    settingsExists: settings !== undefined,
  });
  const report = await wb.apply(plan.plan);
  expect(report.roundTrips).toBeLessThanOrEqual(4);
  return { wb, plan };
}

/** The sheet's rows by the id now in column D (the bind wrote the ids of rows found by name). */
function rowsById(wb: PreviewWorkbook): Map<string, number> {
  const out = new Map<string, number>();
  const { rows } = wb.dimensions(SHEET);
  for (let r = 4; r <= rows; r++) {
    const id = wb.value(SHEET, r, 4);
    if (typeof id === 'string' && id !== '') out.set(id, r);
  }
  return out;
}

const TYPED: Record<string, Record<string, string>> = {
  '1': { E: '97' },
  '2': { E: '88.5' },
  '3': { E: 'abc' },
  '4': { E: '7500' },
  '7': { E: '27' },
  '6.1': { E: '65' },
  '9': { I: '1', J: '1', K: '0' },
  '10.1': { E: '3' },
  '10.2': { E: '75' },
};
const RESULTS: Record<string, RawResult> = {
  '1': 97,
  '2': 88.5,
  '3': 'abc',
  '4': 7500,
  '7': 27,
  '6.1': 65,
  '9': [1, 1, 0],
  '10.1': 3,
  '10.2': 75,
};

function expectScoresMatch(wb: PreviewWorkbook, scoreColumn: number, weightedColumn: number): void {
  const report = scoreAssessment(pte.assessment, { results: RESULTS });
  expect(report.totalBeforePenalty).not.toBeNull();
  expect(Math.abs((wb.evaluate('ScorebookTotal', SHEET) as number) - report.totalBeforePenalty!)).toBeLessThan(1e-9);
  const rows = rowsById(wb);
  for (const i of report.indicators) {
    const r = rows.get(i.id);
    expect([i.id, r !== undefined]).toEqual([i.id, true]);
    for (const [column, expected] of [
      [scoreColumn, i.score],
      [weightedColumn, i.weightedScore],
    ] as const) {
      const cell = wb.value(SHEET, r!, column);
      if (expected === null) expect([i.id, cell]).toEqual([i.id, '']);
      else expect([i.id, Math.abs((cell as number) - expected) < 1e-9]).toEqual([i.id, true]);
    }
  }
}

test('binding adds the formula columns right of the sheet and stores them in the binding record', async () => {
  const { wb, plan } = await bound();
  const { layout } = plan;
  // The person's columns stay where they were; what the formulas need and the sheet lacks comes after column L.
  expect(requireColumn(layout, 'result').letter).toBe('E');
  expect(requireColumn(layout, 'target1').letter).toBe('H');
  expect(requireColumn(layout, 'target2').letter).toBe('G');
  expect(requireColumn(layout, 'score').letter).toBe('L');
  expect(requireColumn(layout, 'target3').letter).toBe('M');
  expect(requireColumn(layout, 'weightedScore').letter).toBe('N');
  expect(requireColumn(layout, 'key').letter).toBe('O');
  expect(wb.value(SHEET, 3, 13)).toBe(plan.layout.columns.find((c) => c.role === 'target3')!.header);
  expect(wb.isColumnHidden(SHEET, requireColumn(layout, 'key').column)).toBe(true);
  expect(wb.isColumnHidden(SHEET, requireColumn(layout, 'weightedScore').column)).toBe(false);
  // The third target came from the assessment; the person's own two were left alone.
  const rows = rowsById(wb);
  expect(wb.value(SHEET, rows.get('1')!, 13)).toBe(targets('1')[2]);
  // Nothing the person wrote changed: the unknown row, the owner column, the note row.
  expect(wb.value(SHEET, 8, 4)).toBe('x9');
  expect(wb.value(SHEET, 8, 5)).toBe(42);
  expect(wb.value(SHEET, 8, 12)).toBeNull();
  expect(wb.value(SHEET, 8, 15)).toBeNull();
  expect(wb.value(SHEET, rows.get('4')!, 3)).toBe('สนจ.');
  expect(wb.value(SHEET, 1, 1)).toBe('รายงานผลการดำเนินงานตามตัวชี้วัด จังหวัดปทุมธานี ปี 2567');
  // The indicator with no row got one below the table, with its id, name and weight.
  expect(rows.get('10.2')).toBe(handMade().length + 1);
  expect(wb.value(SHEET, rows.get('10.2')!, 6)).toBe(indicator('10.2').weight);
  // The record names every column, the appended ones too, and the settings sheet the formulas use.
  const stored = readBindingRows((await wb.read({ ranges: [{ sheet: '_scorebook' }] })).ranges[0]!.values);
  expect(stored.ok && stored.value).toMatchObject({
    sheet: SHEET,
    headerRow: 3,
    settingsSheet: SETTINGS_SHEET,
    columns: {
      id: 'ลำดับ',
      result: 'ผลการดำเนินงาน',
      target2: 'เป้าหมายระดับ 2',
      score: 'คะแนน',
      weightedScore: 'คะแนนถ่วงน้ำหนัก',
      key: 'รหัสแถว',
    },
  });
  expect(wb.sheetNames()).toContain(SETTINGS_SHEET);
  // Nothing reported yet: every indicator scores notReported (0).
  expect(wb.evaluate('ScorebookTotal', SHEET)).toBe(0);
});

test('typed results score in the sheet as in the domain, row by row and in total, and the pane reads the same', async () => {
  const { wb, plan } = await bound();
  const rows = rowsById(wb);
  for (const [id, cells] of Object.entries(TYPED))
    for (const [col, typed] of Object.entries(cells)) wb.type(SHEET, `${col}${rows.get(id)!}`, typed);
  expectScoresMatch(wb, requireColumn(plan.layout, 'score').column, requireColumn(plan.layout, 'weightedScore').column);

  const grid = (await wb.read({ ranges: [{ sheet: SHEET, numberFormats: true }] })).ranges[0]!;
  const e = evaluateSheet(pte.assessment, grid, { headers: plan.binding.columns });
  if (!e.ok) throw new Error('the bound sheet does not read');
  const expected = scoreAssessment(pte.assessment, { results: RESULTS }).totalBeforePenalty!;
  expect(Math.abs(e.report.totalBeforePenalty! - expected)).toBeLessThan(1e-9);
});

test('sorting the data rows, as Excel sorts them, keeps every score and the total right', async () => {
  const { wb, plan } = await bound();
  const rows = rowsById(wb);
  for (const [id, cells] of Object.entries(TYPED))
    for (const [col, typed] of Object.entries(cells)) wb.type(SHEET, `${col}${rows.get(id)!}`, typed);
  const before = wb.evaluate('ScorebookTotal', SHEET);

  // Excel's sort moves whole rows; a formula's relative rows follow its cell, absolute ranges stay. Sorted by
  // indicator name descending, so every row moves and the blank and unknown rows land among the indicators.
  const { rows: height, columns: width } = wb.dimensions(SHEET);
  const read = (await wb.read({ ranges: [{ sheet: SHEET, address: `A4:${columnLetter(width)}${height}`, formulas: true }] })).ranges[0]!;
  const order = read.values.map((v, i) => ({ i, name: String(v[1] ?? '') })).sort((a, b) => b.name.localeCompare(a.name) || a.i - b.i);
  expect(order.map((o) => o.i)).not.toEqual(order.map((_, k) => k));
  const contents: CellContent[][] = order.map((o, to) =>
    read.values[o.i]!.map((v, c): CellContent => {
      const f = read.formulas![o.i]![c];
      return f ? { formula: shiftRows(f, to - o.i) } : v;
    }),
  );
  await wb.apply({ title: 'sort', ops: [{ kind: 'cells', sheet: SHEET, topLeft: 'A4', contents }] });

  expect(rowsById(wb)).not.toEqual(rows);
  expect(wb.evaluate('ScorebookTotal', SHEET)).toBeCloseTo(before as number, 9);
  expectScoresMatch(wb, requireColumn(plan.layout, 'score').column, requireColumn(plan.layout, 'weightedScore').column);
});

test('a workbook that already has a settings sheet keeps it and its names', async () => {
  const wb = new PreviewWorkbook();
  await wb.apply({
    title: 'hand-made',
    ops: [
      { kind: 'sheet', sheet: SHEET, ifExists: 'replace' },
      { kind: 'cells', sheet: SHEET, topLeft: 'A1', contents: handMade() },
      { kind: 'sheet', sheet: SETTINGS_SHEET, ifExists: 'replace' },
      { kind: 'cells', sheet: SETTINGS_SHEET, topLeft: 'A1', contents: [['ของเดิม']] },
    ],
  });
  const grid = (await wb.read({ ranges: [{ sheet: SHEET }] })).ranges[0]!;
  const plan = bindSheetPlan({
    assessment: pte.assessment,
    document: pte.document,
    bound: boundSheet(proposeBinding(pte.assessment, grid)!),
    settingsExists: true,
  });
  // Only the step words' lookup is added (hidden columns F:G and its two names), which a settings sheet made before
  // the words were counted lacks and the formulas name; the rest of the sheet and its names are left as they are.
  const settingsOps = plan.plan.ops.filter((op) => 'sheet' in op && op.sheet === SETTINGS_SHEET);
  expect(settingsOps.map((op) => [op.kind, op.kind === 'cells' ? op.topLeft : op.kind === 'columns' ? op.columns : ''])).toEqual([
    ['cells', 'F1'],
    ['columns', 'F:G'],
  ]);
  expect(plan.plan.ops.filter((op) => op.kind === 'name').map((op) => op.kind === 'name' && op.name)).toEqual([
    'ScorebookWords',
    'ScorebookWordMarks',
    'ScorebookTotal',
  ]);
  await wb.apply(plan.plan);
  expect(wb.value(SETTINGS_SHEET, 1, 1)).toBe('ของเดิม');
});

test('binding a sheet Scorebook made reuses its helper columns instead of appending them again', async () => {
  const wb = new PreviewWorkbook();
  const created = kpiSheetPlan({ assessment: pte.assessment, document: pte.document });
  await wb.apply(created.plan);
  const width = wb.dimensions('KPI').columns;
  const grid = (await wb.read({ ranges: [{ sheet: 'KPI' }] })).ranges[0]!;
  // The person unbinds indicator 8's row: its old key must not keep counting it.
  const proposal = withRow(proposeBinding(pte.assessment, grid)!, '8', null);
  const plan = bindSheetPlan({ assessment: pte.assessment, document: pte.document, bound: boundSheet(proposal), settingsExists: true });
  expect(plan.layout.columns.map((c) => c.column).filter((c) => c > width)).toEqual([]);
  await wb.apply(plan.plan);
  const row = (id: string): number => created.layout.rows.find((r) => r.indicator.id === id)!.row;
  const result = requireColumn(created.layout, 'result').letter;
  wb.type('KPI', `${result}${row('1')}`, '97');
  wb.type('KPI', `${result}${row('8')}`, '90');
  // 8 has a row added below the table, with nothing typed in it: not reported, as its old row is no longer its.
  const expected = scoreAssessment(pte.assessment, { results: { '1': 97 } }).totalBeforePenalty!;
  expect(Math.abs((wb.evaluate('ScorebookTotal', 'KPI') as number) - expected)).toBeLessThan(1e-9);
  expect(wb.value('KPI', row('8'), requireColumn(created.layout, 'key').column)).toBeNull();
});

/** Reading a filled KPI sheet back: header names (Thai or English, in any order), cell semantics, issues with cells. */
import { readAssessment, scoreAssessment, type Assessment } from '../../src/domain';
import {
  isFormula,
  kpiLayout,
  kpiSheetContent,
  locateIssues,
  readKpiGrid,
  requireColumn,
  type CellValue,
  type Grid,
  type RowInputs,
} from '../../src/workbook';

function assessment(): Assessment {
  const read = readAssessment({
    format: 'scorebook/assessment@1',
    id: 'a',
    title: 'ทดสอบ',
    fiscalYear: 2567,
    scale: 'three-level',
    indicators: [
      { id: '5', name: 'OTOP', unit: 'ล้านบาท', weight: 40, targets: [2874.79, 3018.1, 3161.41] },
      { id: '3', name: 'ขั้นตอน', weight: 30, kind: 'milestone', steps: ['a', 'b', 'c'] },
      {
        id: '11.2',
        name: 'ร้อยละ',
        weight: 30,
        kind: 'ratio',
        multiplier: 100,
        targets: [80, 85, 90],
        variables: [
          { id: 'num', name: 'ผ่าน' },
          { id: 'den', name: 'ทั้งหมด' },
        ],
      },
    ],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

const A = assessment();

/** The sheet as a person would see it after typing: values where typed, formulas not evaluated (null). */
function sheet(inputs: Record<string, RowInputs>, formats?: (layoutRow: number, role: string) => string | undefined): Grid {
  const layout = kpiLayout(A);
  const values = kpiSheetContent(A, layout, new Map(Object.entries(inputs))).map((row) =>
    row.map((c): CellValue => (c !== null && typeof c === 'object' && isFormula(c) ? null : c)),
  );
  const numberFormats = formats ? values.map((row, r) => row.map((_, c) => formats(r + 1, layout.columns[c]?.role ?? ''))) : undefined;
  return { sheet: 'KPI', topLeft: 'A1', values, numberFormats };
}

function read(grid: Grid) {
  const r = readKpiGrid(A, grid);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

test('numbers, steps and ratio variables read back as the domain results they are', () => {
  const r = read(sheet({ '5': { result: 3050 }, '3': { steps: [1, true, 0] }, '11.2': { numerator: 43, denominator: 50 } }));
  expect(r.resultSet.results).toEqual({ '5': 3050, '3': [1, true, 0], '11.2': { num: 43, den: 50 } });
  expect(r.issues).toEqual([]);
  expect(scoreAssessment(A, r.resultSet).indicators.map((i) => i.score)).toEqual([80.5648593957156, 75, 80]);
});

test('columns moved by hand and renamed to English still read', () => {
  const grid = sheet({ '5': { result: 3050 }, '3': { steps: [1, 1, 1] }, '11.2': { numerator: 45, denominator: 50 } });
  const header = grid.values[3] as CellValue[];
  const english: Record<string, string> = {
    ลำดับ: 'ID',
    ผลการดำเนินงาน: 'Result',
    ตัวตั้ง: 'Numerator',
    ตัวหาร: 'Denominator',
    'ขั้นที่ 1': 'Step 1',
    'ขั้นที่ 2': 'Step 2',
    'ขั้นที่ 3': 'Step 3',
  };
  // Reverse every row (the id column ends up last) and rename the headers.
  const values = grid.values.map((row, r) => [...row].reverse().map((v) => (r === 3 && typeof v === 'string' ? (english[v] ?? v) : v)));
  expect(header.length).toBeGreaterThan(0);
  const r = read({ ...grid, values });
  expect(r.resultSet.results).toEqual({ '5': 3050, '3': [1, 1, 1], '11.2': { num: 45, den: 50 } });
  const width = values[0]?.length ?? 0;
  expect(r.cells.get('5')?.result).toBe(`KPI!${String.fromCharCode(64 + width - requireColumn(kpiLayout(A), 'result').column + 1)}5`);
});

test('a grid that starts below row 1 reports addresses from its top-left cell', () => {
  const grid = sheet({ '5': { result: 'abc' } });
  const r = read({ ...grid, topLeft: 'C3' });
  expect(r.cells.get('5')?.result).toBe('KPI!J7');
});

test('text the domain could read as a number counts as not reported, with a warning naming the cell', () => {
  const r = read(sheet({ '5': { result: '๓,๐๕๐' } }));
  expect(r.resultSet.results['5']).toBeNull();
  expect(r.issues).toEqual([
    expect.objectContaining({ code: 'text-in-number-cell', severity: 'warning', cell: 'KPI!H5', indicatorId: '5' }),
  ]);
  expect(r.issues[0]?.message.th).toContain('3050');
  expect(scoreAssessment(A, r.resultSet).indicators[0]?.status).toBe('not-reported');
});

test('unreadable text, errors and booleans go to the domain as they are, and become its issues', () => {
  const r = read(sheet({ '5': { result: 'ไม่มีข้อมูล' }, '11.2': { numerator: { error: '#N/A' }, denominator: true } }));
  expect(r.resultSet.results).toEqual({ '5': 'ไม่มีข้อมูล', '3': [null, null, null], '11.2': { num: '#N/A', den: 'TRUE' } });
  const report = scoreAssessment(A, r.resultSet);
  expect(report.indicators.find((i) => i.id === '5')?.status).toBe('invalid');
  expect(report.indicators.find((i) => i.id === '11.2')?.status).toBe('invalid');
});

test('a percent-formatted cell warns that 85% is stored as 0.85, and 0.85 is what counts', () => {
  const layout = kpiLayout(A);
  const r = read(sheet({ '5': { result: 0.85 } }, (row, role) => (row === layout.firstDataRow && role === 'result' ? '0%' : undefined)));
  expect(r.resultSet.results['5']).toBe(0.85);
  expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['percent-format-cell', 'KPI!H5']]);
});

test("a word in a step cell counts as the domain's table says: สำเร็จ is achieved, ✗ is not, and the sheet counts it so too", () => {
  const r = read(sheet({ '3': { steps: ['ทำ สำเร็จ', 'สำเร็จ', '✗'] } }));
  expect(r.issues).toEqual([]);
  const row = scoreAssessment(A, r.resultSet).indicators.find((i) => i.id === '3');
  expect(row?.status).toBe('scored');
  expect(row?.score).toBe(75);
});

test('an unknown word in a step cell makes the indicator unusable, as the sheet does, with the issue at its cell', () => {
  const r = read(sheet({ '3': { steps: [1, 'เสร็จแล้วมั้ง', null] } }));
  const row = scoreAssessment(A, r.resultSet).indicators.find((i) => i.id === '3');
  expect(row?.status).toBe('invalid');
  // The domain's own issue about step 2 is placed on the step's cell, in Thai and English.
  const located = locateIssues(row?.issues ?? [], r, A);
  expect(located.map((i) => [i.code, i.cell])).toEqual([['step-not-yes-no', 'KPI!L6']]);
  expect(located[0]?.message.th).toContain('เสร็จแล้วมั้ง');
  expect(located[0]?.message.en).toContain('must be 1 (achieved) or 0');
});

test('a sheet made before words were counted (no step marks column) still warns that its formulas skip a word', () => {
  const grid = sheet({ '3': { steps: [1, 'สำเร็จ', null] } });
  const values = grid.values.map((row) => row.map((v) => (v === 'ผลรายขั้นตอน' ? null : v)));
  const r = read({ ...grid, values });
  expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['text-in-step-cell', 'KPI!L6']]);
  const row = scoreAssessment(A, r.resultSet).indicators.find((i) => i.id === '3');
  expect(row?.status).toBe('invalid');
  expect(locateIssues(row?.issues ?? [], r, A).map((i) => i.cell)).toEqual(['KPI!L6']);
});

test('a word with a hidden character the formulas do not strip (a tab) is warned at its cell, not counted', () => {
  const r = read(sheet({ '3': { steps: ['ใช่\t', null, null] } }));
  expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['text-in-step-cell', 'KPI!K6']]);
  expect(r.issues[0]?.message.en).toContain('hidden character');
});

test('domain issues get the cell of the field they name: a zero denominator points at ตัวหาร', () => {
  const r = read(sheet({ '11.2': { numerator: 4, denominator: 0 } }));
  const row = scoreAssessment(A, r.resultSet).indicators.find((i) => i.id === '11.2');
  expect(locateIssues(row?.issues ?? [], r, A).map((i) => [i.code, i.cell])).toEqual([['ratio-zero-denominator', 'KPI!J7']]);
});

test('rows for unknown indicators, repeated rows and missing rows are pointed out', () => {
  const grid = sheet({ '5': { result: 3000 } });
  const values = grid.values.map((row) => [...row]);
  (values[5] as CellValue[])[0] = '99';
  values.push([...(values[4] as CellValue[])]);
  const r = read({ ...grid, values });
  expect(r.issues.map((i) => [i.code, i.cell ?? i.indicatorId])).toEqual([
    ['unknown-indicator-row', 'KPI!A6'],
    ['duplicate-indicator-row', 'KPI!A8'],
    ['indicator-row-missing', '3'],
  ]);
});

test('an id typed as a number still finds its indicator', () => {
  const grid = sheet({ '11.2': { numerator: 1, denominator: 2 } });
  const values = grid.values.map((row) => [...row]);
  (values[6] as CellValue[])[0] = 11.2;
  expect(read({ ...grid, values }).resultSet.results['11.2']).toEqual({ num: 1, den: 2 });
});

test('a needed column that is gone is an error; a sheet with no header row does not read', () => {
  const grid = sheet({});
  const values = grid.values.map((row) => row.map((v) => (v === 'ตัวหาร' ? 'อื่น ๆ' : v)));
  expect(read({ ...grid, values }).issues.map((i) => i.code)).toEqual(['column-missing']);
  const none = readKpiGrid(A, {
    sheet: 'Sheet1',
    topLeft: 'A1',
    values: [
      ['a', 'b'],
      [1, 2],
    ],
  });
  expect(none.ok).toBe(false);
  if (!none.ok) expect(none.issues[0]?.code).toBe('header-row-missing');
});

test('a value typed in a step column of an indicator without that step is not counted, and says so at its cell', () => {
  const layout = kpiLayout(A);
  const grid = sheet({ '5': { result: 3050 } });
  const step1 = requireColumn(layout, 'step1');
  const otop = layout.rows.find((r) => r.indicator.id === '5')!.row;
  (grid.values[otop - 1] as CellValue[])[step1.column - 1] = 1;
  const r = read(grid);
  const said = r.issues.filter((i) => i.code === 'value-in-unused-step-cell');
  expect(said.map((i) => [i.cell, i.severity, i.indicatorId])).toEqual([[`KPI!${step1.letter}${otop}`, 'warning', '5']]);
  expect(said[0]?.message.th).toContain('ไม่ได้วัดเป็นขั้นตอน');
  expect(said[0]?.message.en).toContain('has no steps');
  // The result still counts as typed.
  expect(r.resultSet.results['5']).toBe(3050);
});

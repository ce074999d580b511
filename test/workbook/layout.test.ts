/** The KPI template layout: Thai headers in order, one row per indicator, hidden helpers, keys that survive sorting. */
import { readAssessment, type Assessment } from '../../src/domain';
import {
  columnOf,
  FIXED_HEADERS,
  kpiLayout,
  requireColumn,
  settingsSheet,
  sheetRef,
  stepsValueFormula,
  curveFormula,
} from '../../src/workbook';

function assessment(doc: Record<string, unknown>): Assessment {
  const read = readAssessment({ format: 'scorebook/assessment@1', id: 'a', title: 'ทดสอบ', fiscalYear: 2567, ...doc });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

const threeLevel = assessment({
  scale: 'three-level',
  indicators: [
    { id: '5', name: 'OTOP', weight: 40, targets: [2874.79, 3018.1, 3161.41] },
    { id: '3', name: 'ขั้นตอน', weight: 30, kind: 'milestone', steps: ['a', 'b', 'c'] },
    {
      id: '10',
      name: 'กลุ่ม',
      weight: 30,
      children: [
        {
          id: '10.1',
          name: 'ร้อยละ',
          weight: 2.5,
          kind: 'ratio',
          multiplier: 100,
          targets: [80, 85, 90],
          variables: [
            { id: 'n', name: 'ตัวตั้ง' },
            { id: 'd', name: 'ตัวหาร' },
          ],
        },
        { id: '10.2', name: 'ส่งแล้ว', weight: 2.5, kind: 'binary' },
      ],
    },
  ],
});

test('visible columns come first, in the order of the template, with Thai headers named after the scale levels', () => {
  const layout = kpiLayout(threeLevel);
  const visible = layout.columns.filter((c) => !c.hidden).map((c) => c.header);
  expect(visible).toEqual([
    'ลำดับ',
    'ตัวชี้วัด',
    'หน่วย',
    'น้ำหนัก',
    'ขั้นต้น',
    'มาตรฐาน',
    'ขั้นสูง',
    'ผลการดำเนินงาน',
    'ตัวตั้ง',
    'ตัวหาร',
    'ขั้นที่ 1',
    'ขั้นที่ 2',
    'ขั้นที่ 3',
    'คะแนน',
    'คะแนนถ่วงน้ำหนัก',
    'คำชี้แจงการปฏิบัติงาน',
    'อุปสรรค',
    'หมายเหตุ',
  ]);
  // Helpers sit to the right of everything a person reads, one set of depth columns per level of the tree.
  const firstHidden = layout.columns.findIndex((c) => c.hidden);
  expect(layout.columns.slice(firstHidden).every((c) => c.hidden)).toBe(true);
  expect(columnOf(layout, 'scoreAt1')).toBeDefined();
  expect(columnOf(layout, 'scoreAt2')).toBeUndefined();
});

test('a five-level scale names its target columns ระดับ 1 … ระดับ 5; no ratio or step columns when no indicator needs them', () => {
  const layout = kpiLayout(
    assessment({ scale: 'five-level', indicators: [{ id: '1', name: 'x', weight: 100, targets: [1, 2, 3, 4, 5] }] }),
  );
  expect(layout.columns.filter((c) => c.role.startsWith('target')).map((c) => c.header)).toEqual([
    'ระดับ 1',
    'ระดับ 2',
    'ระดับ 3',
    'ระดับ 4',
    'ระดับ 5',
  ]);
  expect(columnOf(layout, 'numerator')).toBeUndefined();
  expect(columnOf(layout, 'step1')).toBeUndefined();
});

test('a custom level named like another column gets a distinct header (Excel tables need unique headers)', () => {
  const layout = kpiLayout(
    assessment({
      scale: {
        levels: [
          { name: 'คะแนน', score: 1 },
          { name: 'สูง', score: 2 },
        ],
      },
      indicators: [{ id: '1', name: 'x', weight: 1, targets: [1, 2] }],
    }),
  );
  const headers = layout.columns.map((c) => c.header);
  expect(new Set(headers).size).toBe(headers.length);
  expect(requireColumn(layout, 'target1').header).toBe('เป้าหมาย คะแนน');
});

test('one row per indicator, parents before children, keyed 1..n with the parent key', () => {
  const layout = kpiLayout(threeLevel);
  expect(layout.rows.map((r) => [r.indicator.id, r.row, r.key, r.parentKey, r.depth])).toEqual([
    ['5', 5, 1, 0, 0],
    ['3', 6, 2, 0, 0],
    ['10', 7, 3, 0, 0],
    ['10.1', 8, 4, 3, 1],
    ['10.2', 9, 5, 3, 1],
  ]);
  expect(layout.maxSteps).toBe(3);
  expect(layout.weightSumCell).toBe(`$${requireColumn(layout, 'weight').letter}$2`);
  expect(layout.totalCell).toBe(`$${requireColumn(layout, 'weightedScore').letter}$2`);
});

test('every header role has a Thai header and an English name', () => {
  for (const e of Object.values(FIXED_HEADERS)) {
    expect(e.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(e.en).toMatch(/^[A-Za-z0-9 .]+$/);
  }
});

test('the settings sheet holds every policy and level score under its defined name', () => {
  const s = settingsSheet(threeLevel);
  expect(s.names.map((n) => n.name)).toEqual([
    'ScorebookFloor',
    'ScorebookNotReported',
    'ScorebookMode',
    'ScorebookDecimals',
    'ScorebookLatePenalty',
    'ScorebookScore_1',
    'ScorebookScore_2',
    'ScorebookScore_3',
    'ScorebookWords',
    'ScorebookWordMarks',
  ]);
  expect(s.names[0]?.ref).toBe("'ตั้งค่า'!$B$2");
  expect(s.entries.map((e) => e.value)).toEqual([0, 0, 'interpolate', 2, threeLevel.policies.latePenaltyPerWorkingDay, 50, 75, 100]);
});

test('sheet names that look like cell addresses or are not plain words are quoted', () => {
  expect(sheetRef('KPI')).toBe('KPI');
  expect(sheetRef('K0')).toBe("'K0'");
  expect(sheetRef('ตั้งค่า')).toBe("'ตั้งค่า'");
  expect(sheetRef("it's")).toBe("'it''s'");
});

test('the curve is checked from the top level down and never uses TRUE/FALSE literals', () => {
  const f = curveFormula('V5', ['E5', 'F5', 'G5'], 'R5', 'T5');
  expect(f.startsWith('IF(R5*V5>=R5*G5,ScorebookScore_3,')).toBe(true);
  expect(f).not.toMatch(/\bTRUE\b|\bFALSE\b/);
  expect(stepsValueFormula(['K5'])).toBe(
    'IF(AND(IF(ISNUMBER(K5),OR(K5=0,K5=1),OR(ISBLANK(K5),ISLOGICAL(K5)))),IF(AND(ISBLANK(K5)),"",IF(N(K5)=1,1,0)),"")',
  );
});

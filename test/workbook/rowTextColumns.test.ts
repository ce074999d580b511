/**
 * The three columns a person writes in beside a row's result — คำชี้แจงการปฏิบัติงาน (explanation), อุปสรรค
 * (obstacles), หมายเหตุ (remarks) — in the template, the multi-unit sheet and a hand-made sheet found by header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAssessment, type Assessment } from '../../src/domain';
import { columnChars, columnOf, kpiLayout, POINTS_PER_CHAR, readKpiGrid, type CellValue } from '../../src/workbook';
import { boundLayout } from '../../src/workbook/boundSheet';
import { columnWidth, kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import type { CellsOp, ColumnsOp, StyleOp, WriteOp } from '../../src/workbook/plan';

const document = JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'samples', 'pte-2567.assessment.json'), 'utf8')) as unknown;
const read = readAssessment(document);
if (!read.ok) throw new Error('pte-2567 does not read');
const pte: Assessment = read.value;

test('the template has explanation, obstacles and remarks after the scores, before the hidden helpers', () => {
  const layout = kpiLayout(pte);
  const at = (role: 'weightedScore' | 'explanation' | 'obstacles' | 'note'): number => columnOf(layout, role)!.column;
  expect([at('explanation'), at('obstacles'), at('note')]).toEqual([
    at('weightedScore') + 1,
    at('weightedScore') + 2,
    at('weightedScore') + 3,
  ]);
  expect(['explanation', 'obstacles', 'note'].map((r) => columnOf(layout, r as 'note')!.header)).toEqual([
    'คำชี้แจงการปฏิบัติงาน',
    'อุปสรรค',
    'หมายเหตุ',
  ]);
  expect(layout.columns.slice(at('note')).every((c) => c.hidden)).toBe(true);
});

test('the three texts are written where the inputs say, wrapped, wide, input-coloured and unlocked', () => {
  const inputs = new Map([['5', { result: 3050, explanation: 'ยอดขายงานแสดงสินค้า', obstacles: 'ฝนตก', note: 'ข้อมูลพาณิชย์' }]]);
  const { plan, layout } = kpiSheetPlan({ assessment: pte, document, inputs, protect: true });
  const row = layout.rows.find((r) => r.indicator.id === '5')!.row;
  const data = plan.ops.find(
    (o): o is CellsOp => o.kind === 'cells' && o.sheet === layout.sheet && o.topLeft === `A${layout.firstDataRow}`,
  )!;
  const cell = (role: 'explanation' | 'obstacles' | 'note'): unknown =>
    data.contents[row - layout.firstDataRow]?.[columnOf(layout, role)!.column - 1];
  expect([cell('explanation'), cell('obstacles'), cell('note')]).toEqual(['ยอดขายงานแสดงสินค้า', 'ฝนตก', 'ข้อมูลพาณิชย์']);
  for (const role of ['explanation', 'obstacles', 'note'] as const) {
    const c = columnOf(layout, role)!;
    const range = `${c.letter}${layout.firstDataRow}:${c.letter}${layout.lastDataRow}`;
    expect(plan.ops).toContainEqual(expect.objectContaining({ kind: 'style', address: range, wrap: true, fill: '#FFF9E6' }));
    const width = plan.ops.find(
      (o): o is ColumnsOp => o.kind === 'columns' && o.sheet === layout.sheet && o.columns === `${c.letter}:${c.letter}`,
    )?.width;
    // Wider than a figure's column (they wrap a paragraph), and no more than the template's (printLayout.ts), so the
    // sheet still prints one page wide at a readable size.
    expect(width).toBeGreaterThan(columnWidth('target1'));
    expect(width).toBe(Math.round(columnChars(role) * POINTS_PER_CHAR));
    // Unlocked on every indicator row (group heading rows have nothing to type and stay locked).
    const protect = plan.ops.find((o) => o.kind === 'protect');
    const covered = new Set(
      (protect?.kind === 'protect' ? protect.unlocked : [])
        .filter((a) => a.startsWith(c.letter))
        .flatMap((a) => {
          const [from, to = from] = a.split(':').map((x) => Number(x.replace(/^[A-Z]+/, ''))) as [number, number?];
          return Array.from({ length: (to as number) - from + 1 }, (_, k) => from + k);
        }),
    );
    expect([...covered].sort((x, y) => x - y)).toEqual(layout.rows.map((r) => r.row).sort((x, y) => x - y));
  }
  expect(plan.ops.filter((o) => o.kind === 'columns' && o.hidden).length).toBeGreaterThan(0);
});

test('the multi-unit sheet wraps and widens the same three columns', () => {
  const { plan, layout } = multiUnitPlan({
    assessment: pte,
    units: [
      { id: 'pte', name: 'ปทุมธานี' },
      { id: 'cbi', name: 'ชลบุรี' },
    ],
  });
  for (const role of ['explanation', 'obstacles', 'note'] as const) {
    const c = columnOf(layout.kpi, role)!;
    expect(plan.ops).toContainEqual(
      expect.objectContaining({ kind: 'columns', columns: `${c.letter}:${c.letter}`, width: expect.any(Number) }),
    );
    expect(
      plan.ops.some(
        (o: WriteOp) =>
          o.kind === 'style' && (o as StyleOp).wrap === true && o.address.startsWith(`${c.letter}${layout.kpi.firstDataRow}:`),
      ),
    ).toBe(true);
  }
});

test.each([
  ['คำชี้แจง', 'explanation'],
  ['Explanation', 'explanation'],
  ['คำชี้แจงการปฏิบัติงาน (Explanation)', 'explanation'],
  ['ปัญหาอุปสรรค', 'obstacles'],
  ['ปัญหา/อุปสรรค', 'obstacles'],
  ['Obstacles', 'obstacles'],
  ['Problems', 'obstacles'],
  ['หมายเหตุ', 'note'],
  ['Remarks', 'note'],
])('a hand-made header "%s" is read as the %s column', (header, role) => {
  const values: CellValue[][] = [
    ['ลำดับ', 'ผลการดำเนินงาน', header],
    ['5', 3050, 'x'],
  ];
  const reading = readKpiGrid(pte, { sheet: 'S', topLeft: 'A1', values });
  expect(reading.ok && reading.value.columns.get(role as 'note')).toBe(2);
});

test('binding a hand-made sheet never appends text columns it lacks, and keeps its own where they are', () => {
  const bound = {
    sheet: 'S',
    headerRow: 3,
    columns: new Map([
      ['id', 1],
      ['result', 2],
      ['obstacles', 3],
    ] as const),
    headers: new Map([
      [1, 'ลำดับ'],
      [2, 'ผล'],
      [3, 'ปัญหา/อุปสรรค'],
    ]),
    rows: new Map([['5', 4]]),
    idsInPlace: new Set(['5']),
    lastRow: 4,
    lastColumn: 3,
  };
  const { layout, appended } = boundLayout(pte, bound);
  expect(appended.some((c) => c.role === 'explanation' || c.role === 'obstacles' || c.role === 'note')).toBe(false);
  expect(columnOf(layout, 'obstacles')?.column).toBe(3);
  expect(columnOf(layout, 'explanation')).toBeUndefined();
});

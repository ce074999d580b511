/**
 * The definitions sheet model as the pane will use it through the workbook port: the plan it writes, and a grid
 * read as Office.js gives one (a merged area's value only in its top-left cell, the merged areas beside it).
 */
import { assessmentDocumentSchema } from '../../src/domain';
import { definitionsSheetCells, definitionsSheetPlan, readDefinitionsSheet, type CellValue, type Grid } from '../../src/workbook';
import type { ValidationOp } from '../../src/workbook/plan';
import { sample } from './samples';

const pte = assessmentDocumentSchema.parse(sample('pte-2567').document);

test('the plan writes ตัวชี้วัด with Thai headers and its settings sheet, with the kind and direction lists', () => {
  const plan = definitionsSheetPlan(pte, 'th');
  const sheets = plan.ops.filter((o) => o.kind === 'sheet').map((o) => o.sheet);
  expect(sheets).toEqual(['ตัวชี้วัด', 'ตั้งค่าชุดตัวชี้วัด']);
  const lists = plan.ops.filter((o): o is ValidationOp => o.kind === 'validation' && o.rule.type === 'list');
  expect(lists.map((o) => [o.address, o.rule.type === 'list' ? o.rule.values : []])).toEqual([
    ['G4:G317', ['ปริมาณ', 'ขั้นตอน', 'อัตราส่วน', 'ใช่-ไม่ใช่']],
    ['H4:H317', ['ยิ่งมากยิ่งดี', 'ยิ่งน้อยยิ่งดี']],
    [expect.stringMatching(/^[A-Z]+4:[A-Z]+317$/), ['ใช่', 'ไม่ใช่']],
  ]);
  const cells = definitionsSheetCells(pte, 'th');
  expect(cells.rows[2]?.slice(0, 8)).toEqual(['องค์ประกอบ', 'กลุ่ม', 'ลำดับ', 'ตัวชี้วัด', 'น้ำหนัก', 'หน่วยนับ', 'ประเภท', 'ทิศทาง']);
  expect(definitionsSheetCells(pte, 'en').rows[2]?.slice(0, 8)).toEqual([
    'Component',
    'Group',
    'No.',
    'Indicator',
    'Weight',
    'Unit',
    'Kind',
    'Direction',
  ]);
  // Item 10 of seed 002, "๕ (๒.๕) (๒.๕)": the parent's row, then a row per sub-indicator naming it.
  const ids = cells.rows.slice(3).map((r) => r[2]);
  expect(ids).toEqual(['1', '2', '3', '4', '5', '6', '6.1', '7', '8', '9', '10', '10.1', '10.2', '11']);
});

test('a merged องค์ประกอบ cell as Office.js reads it (blank below its top-left) applies to every row it spans', () => {
  const cells = definitionsSheetCells(pte, 'th');
  const values: CellValue[][] = cells.rows.map((r) => r.map((c) => (typeof c === 'object' && c !== null && 'formula' in c ? null : c)));
  // Rows 4–11 (items 1–7 and 6.1) are Performance Base: keep the name in A4 only, as a merged A4:A11 reads.
  for (let r = 4; r <= 10; r++) (values[r] as CellValue[])[0] = null;
  const grid: Grid = { sheet: cells.sheet, topLeft: 'A1', values };
  const settings: Grid = { sheet: cells.settingsSheet, topLeft: 'A1', values: cells.settingsRows as CellValue[][] };
  const unmerged = readDefinitionsSheet(grid, { settings });
  expect(unmerged.document?.indicators.find((i) => i.id === '2')?.component).toBeUndefined();
  const merged = readDefinitionsSheet(grid, { settings, merges: ['A4:A11'] });
  expect(merged.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(merged.document).toEqual(pte);
});

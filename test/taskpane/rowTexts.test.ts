/**
 * Explanation (คำชี้แจงการปฏิบัติงาน), obstacles (อุปสรรค) and remarks (หมายเหตุ) travel with the row: read from
 * their columns, compared with what the server last confirmed, sent, remembered, and written into a sheet opened
 * from the server.
 */
import type { ReportRow } from '../../src/api';
import {
  changedRows,
  inputsWithTexts,
  linkAfterRefresh,
  linkAfterSubmit,
  linkFromReports,
  rowTextsOf,
} from '../../src/taskpane/model/serverSheet';
import { readKpiGrid } from '../../src/workbook';
import { sample, sheetGrid } from './sheetGrid';

const pte = sample('pte-2567');
const target = { aid: 'pte-2567', round: 6, unit: 'pte' };
const stored = (indicatorId: string, value: ReportRow['value'], version: number, texts: Partial<ReportRow> = {}): ReportRow => ({
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
  ...texts,
});

function textsOf(typed: Parameters<typeof sheetGrid>[1]) {
  const { grid } = sheetGrid(pte, typed);
  const reading = readKpiGrid(pte.assessment, grid);
  if (!reading.ok) throw new Error('sheet does not read');
  return { texts: rowTextsOf(grid, reading.value), resultSet: reading.value.resultSet };
}

test("each row's three texts are read from their columns, trimmed; a blank cell is null", () => {
  const { texts } = textsOf({ '5': { result: 3050, explanation: '  ยอดขายจากงานแสดงสินค้า ', obstacles: null, note: 'ข้อมูลพาณิชย์' } });
  expect(texts.get('5')).toEqual({ explanation: 'ยอดขายจากงานแสดงสินค้า', obstacles: null, remarks: 'ข้อมูลพาณิชย์' });
  expect(texts.get('1')).toEqual({ explanation: null, obstacles: null, remarks: null });
});

test('a sheet without a text column leaves that text out (the server keeps its own)', () => {
  const grid = {
    sheet: 'S',
    topLeft: 'A1',
    values: [
      ['ลำดับ', 'ผลการดำเนินงาน', 'ปัญหา/อุปสรรค'],
      ['5', 3050, 'ฝนตก'],
    ],
  };
  const reading = readKpiGrid(pte.assessment, grid);
  if (!reading.ok) throw new Error('does not read');
  expect(rowTextsOf(grid, reading.value).get('5')).toEqual({ obstacles: 'ฝนตก' });
});

test('a changed explanation or obstacle makes the row changed and is sent with all three texts; set back, it is not', () => {
  const { link } = linkFromReports('https://s', target, [stored('5', 3050, 2, { remarks: 'ข้อมูลพาณิชย์' })]);
  const changed = textsOf({ '5': { result: 3050, obstacles: 'ฝนตก', note: 'ข้อมูลพาณิชย์' } });
  expect(changedRows(pte.assessment, changed.resultSet, link, changed.texts)).toEqual([
    { indicatorId: '5', value: 3050, explanation: null, obstacles: 'ฝนตก', remarks: 'ข้อมูลพาณิชย์', baseVersion: 2 },
  ]);
  const setBack = textsOf({ '5': { result: 3050, note: ' ข้อมูลพาณิชย์ ' } });
  expect(changedRows(pte.assessment, setBack.resultSet, link, setBack.texts)).toEqual([]);
  // Remarks cleared: a change, sent as null.
  const cleared = textsOf({ '5': { result: 3050 } });
  expect(changedRows(pte.assessment, cleared.resultSet, link, cleared.texts)).toEqual([
    { indicatorId: '5', value: 3050, explanation: null, obstacles: null, remarks: null, baseVersion: 2 },
  ]);
});

test('a text on a row never stored is sent even without a result; a blank row never stored is not', () => {
  const { link } = linkFromReports('https://s', target, []);
  const typed = textsOf({ '1': { explanation: 'อยู่ระหว่างรวบรวมข้อมูล' } });
  expect(changedRows(pte.assessment, typed.resultSet, link, typed.texts)).toEqual([
    { indicatorId: '1', value: null, explanation: 'อยู่ระหว่างรวบรวมข้อมูล', obstacles: null, remarks: null, baseVersion: 0 },
  ]);
});

test('accepted rows remember the texts sent; a refresh adopts a row only while its value and texts are the ones known', () => {
  const { link } = linkFromReports('https://s', target, [stored('5', 3050, 2), stored('1', 97, 1)]);
  const sent = [{ indicatorId: '5', value: 3050, explanation: 'ใหม่', obstacles: null, remarks: 'r', baseVersion: 2 }];
  const after = linkAfterSubmit(
    link,
    sent,
    [{ indicatorId: '5', outcome: 'accepted', result: { indicatorId: '5', outcome: 'accepted', version: 3 } }],
    'submit',
  );
  expect(after.rows['5']).toMatchObject({ version: 3, explanation: 'ใหม่', obstacles: null, remarks: 'r' });

  const refreshed = linkAfterRefresh(after, [
    stored('5', 3050, 4, { explanation: 'ใหม่', remarks: 'r', status: 'returned', comment: 'แนบหลักฐาน' }),
    // Someone else rewrote row 1's obstacles: the sheet keeps what it knew, so its next submit meets the conflict.
    stored('1', 97, 2, { obstacles: 'ของคนอื่น', status: 'submitted' }),
  ]);
  expect(refreshed.rows['5']).toMatchObject({ version: 4, status: 'returned', comment: 'แนบหลักฐาน' });
  expect(refreshed.rows['1']).toMatchObject({ version: 1, obstacles: null });
});

test("a sheet opened from the server gets each row's three texts beside its result", () => {
  const inputs = inputsWithTexts(new Map([['5', { result: 3050 }]]), [
    stored('5', 3050, 2, { explanation: 'e', obstacles: 'o', remarks: 'r' }),
    stored('1', 97, 1),
  ]);
  expect(inputs.get('5')).toEqual({ result: 3050, explanation: 'e', obstacles: 'o', note: 'r' });
  expect(inputs.has('1')).toBe(false);
});

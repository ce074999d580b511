/**
 * "Use the selected row" in the evidence panel: the indicator of the selected row of the linked sheet, the topmost
 * of several, and why there is none (another sheet, no indicator row, a group scored from its sub-indicators).
 */
import { readKpiGrid } from '../../src/workbook';
import { indicatorOfSelection } from '../../src/taskpane/model/evidenceSelection';
import { sample, sheetGrid } from './sheetGrid';

const pte = sample('pte-2567');
const { grid, layout } = sheetGrid(pte, {});
const read = readKpiGrid(pte.assessment, grid);
if (!read.ok) throw new Error('the sheet does not read');
const reading = read.value;
const rowOf = (id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
const pick = (address: string, sheet = grid.sheet) => indicatorOfSelection(pte.assessment, reading, grid.sheet, { sheet, address });

test('a cell in an indicator row: that indicator', () => {
  expect(pick(`H${rowOf('5')}`)).toEqual({ ok: true, indicatorId: '5', rows: 1 });
});

test('several rows, selected bottom to top: the topmost indicator, with the count', () => {
  expect(pick(`B${rowOf('8')}:C${rowOf('7')}`)).toEqual({ ok: true, indicatorId: '7', rows: 2 });
});

test('a group row with its sub-indicator: the sub-indicator; the group alone: said, with its id', () => {
  expect(pick(`A${rowOf('6')}:A${rowOf('6.1')}`)).toEqual({ ok: true, indicatorId: '6.1', rows: 1 });
  expect(pick(`A${rowOf('10')}`)).toEqual({ ok: false, reason: 'group', indicatorId: '10' });
});

test('the header row or another sheet: no indicator', () => {
  expect(pick(`A${layout.headerRow}`)).toEqual({ ok: false, reason: 'no-indicator-row' });
  expect(pick(`A${rowOf('5')}`, 'Sheet2')).toEqual({ ok: false, reason: 'other-sheet' });
});

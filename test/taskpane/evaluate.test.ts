import { scoreAssessment } from '../../src/domain';
import { columnLetter } from '../../src/workbook';
import { evaluateSheet } from '../../src/taskpane/model/evaluate';
import { WHAT_IF_HEADER } from '../../src/taskpane/model/whatIfColumn';
import { sample, sheetGrid } from './sheetGrid';

const pte = sample('pte-2567');

describe('evaluateSheet on the Pathum Thani sheet', () => {
  const typed = {
    '1': { result: 97 },
    '2': { result: 'abc' },
    '5': { result: '๓,๐๕๐' },
    '8': { result: '85%' },
    '9': { step1: 1, step2: 1, step3: 0 },
  };

  test('scores what the sheet counts: numbers, not text that merely reads as a number', () => {
    const { grid } = sheetGrid(pte, typed);
    const e = evaluateSheet(pte.assessment, grid);
    if (!e.ok) throw new Error('did not read');
    const expected = scoreAssessment(pte.assessment, { results: { '1': 97, '2': 'abc', '9': [1, 1, 0] } });
    expect(e.report.totalBeforePenalty).toBeCloseTo(expected.totalBeforePenalty as number, 12);
  });

  test('an unreadable value is an error at its cell; Thai digits and "85%" are warnings saying what to re-type', () => {
    const { grid, layout } = sheetGrid(pte, typed);
    const e = evaluateSheet(pte.assessment, grid);
    if (!e.ok) throw new Error('did not read');
    const resultLetter = layout.columns.find((c) => c.role === 'result')!.letter;
    const rowOf = (id: string): number => layout.rows.find((r) => r.indicator.id === id)!.row;
    const error = e.issues.find((i) => i.code === 'value-not-number');
    expect(error).toMatchObject({ severity: 'error', cell: `KPI!${resultLetter}${rowOf('2')}` });
    const thai = e.issues.find((i) => i.cell === `KPI!${resultLetter}${rowOf('5')}`);
    expect(thai).toMatchObject({ code: 'text-in-number-cell', severity: 'warning' });
    expect(thai!.message.en).toContain('3050');
    expect(e.issues.find((i) => i.cell === `KPI!${resultLetter}${rowOf('8')}`)?.code).toBe('text-in-number-cell');
    // Errors come first.
    expect(e.issues[0]!.severity).toBe('error');
  });

  test('counts leaf indicators by status', () => {
    const { grid } = sheetGrid(pte, typed);
    const e = evaluateSheet(pte.assessment, grid);
    if (!e.ok) throw new Error('did not read');
    // Leaves: 1–5, 6.1, 7, 8, 9, 10.1, 10.2, 11 = 12; scored 1 and 9; invalid 2.
    expect(e.counts).toEqual({ reported: 2, missing: 9, invalid: 1 });
  });

  test('a sheet with no header row is an issue, not an exception', () => {
    const e = evaluateSheet(pte.assessment, { sheet: 'Sheet1', topLeft: 'A1', values: [['hello']] });
    expect(e.ok).toBe(false);
    expect(e.issues[0]!.code).toBe('header-row-missing');
  });
});

describe('the what-if column', () => {
  test('its values replace the real results in its own total and never in the real one', () => {
    const { grid, layout } = sheetGrid(pte, { '1': { result: 90 } }, [{ header: WHAT_IF_HEADER, values: { '1': 100, '5': 3161.41 } }]);
    const e = evaluateSheet(pte.assessment, grid);
    if (!e.ok || !e.whatIf) throw new Error('no what-if column');
    const real = scoreAssessment(pte.assessment, { results: { '1': 90 } });
    const tried = scoreAssessment(pte.assessment, { results: { '1': 100, '5': 3161.41 } });
    expect(e.report.totalBeforePenalty).toBeCloseTo(real.totalBeforePenalty as number, 12);
    expect(e.whatIf.total).toBeCloseTo(tried.totalBeforePenalty as number, 12);
    expect(e.whatIf.total).not.toBeCloseTo(e.report.totalBeforePenalty as number, 6);
    const letter = columnLetter(layout.columns.length + 1);
    expect(e.whatIf.cells.get('1')).toBe(`KPI!${letter}${layout.rows[0]!.row}`);
  });

  test('with the column empty its total is the real total', () => {
    const { grid } = sheetGrid(pte, { '1': { result: 90 } }, [{ header: WHAT_IF_HEADER, values: {} }]);
    const e = evaluateSheet(pte.assessment, grid);
    if (!e.ok || !e.whatIf) throw new Error('no what-if column');
    expect(e.whatIf.total).toBe(e.report.totalBeforePenalty);
  });

  test('text in the what-if column is a warning at its cell', () => {
    const { grid } = sheetGrid(pte, {}, [{ header: 'What-if', values: { '3': 'lots' } }]);
    const e = evaluateSheet(pte.assessment, grid);
    if (!e.ok || !e.whatIf) throw new Error('no what-if column');
    expect(e.whatIf.issues).toHaveLength(1);
    expect(e.whatIf.issues[0]!.severity).toBe('warning');
  });
});

/** An id cell written in Thai digits ("๕", "๑๑.๒") is the same indicator as "5" and "11.2", and back. */
import { readAssessment, type Assessment } from '../../src/domain';
import { isFormula, kpiLayout, kpiSheetContent, readKpiGrid, requireColumn, type CellValue, type Grid } from '../../src/workbook';

function assessment(ids: [string, string]): Assessment {
  const read = readAssessment({
    format: 'scorebook/assessment@1',
    id: 'a',
    title: 'ทดสอบ',
    fiscalYear: 2567,
    scale: 'three-level',
    indicators: [
      { id: ids[0], name: 'OTOP', weight: 50, targets: [2874.79, 3018.1, 3161.41] },
      { id: ids[1], name: 'ร้อยละ', weight: 50, targets: [80, 85, 90] },
    ],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

/** A sheet made for `a`, its id cells then retyped as `typed`. */
function sheetWithIds(a: Assessment, results: Record<string, number>, typed: string[]): Grid {
  const layout = kpiLayout(a);
  const values = kpiSheetContent(a, layout, new Map(Object.entries(results).map(([id, result]) => [id, { result }]))).map((row) =>
    row.map((c): CellValue => (c !== null && typeof c === 'object' && isFormula(c) ? null : c)),
  );
  const idColumn = requireColumn(layout, 'id').column - 1;
  layout.rows.forEach((r, k) => {
    (values[r.row - 1] as CellValue[])[idColumn] = typed[k] as string;
  });
  return { sheet: 'KPI', topLeft: 'A1', values };
}

test('id cells "๕" and "๑๑.๒" read as indicators 5 and 11.2', () => {
  const a = assessment(['5', '11.2']);
  const r = readKpiGrid(a, sheetWithIds(a, { '5': 3050, '11.2': 86 }, ['๕', ' ๑๑.๒ ']));
  expect(r.ok && r.value.resultSet.results).toEqual({ '5': 3050, '11.2': 86 });
  expect(r.ok && r.value.issues).toEqual([]);
});

test('an assessment written in Thai digits reads a sheet whose ids were typed in Arabic digits', () => {
  const a = assessment(['๕', '๑๑.๒']);
  const r = readKpiGrid(a, sheetWithIds(a, { '๕': 3050, '๑๑.๒': 86 }, ['5', '11.2']));
  expect(r.ok && r.value.issues).toEqual([]);
  expect(r.ok && r.value.resultSet.results).toEqual({ '๕': 3050, '๑๑.๒': 86 });
});

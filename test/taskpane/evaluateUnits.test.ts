/**
 * evaluateMultiUnitSheet: a multi-unit sheet's inputs (as the port reads them; formula cells blank) scored unit by
 * unit, each unit as its own sheet would score, the counts summed, and every issue naming its unit.
 */
import { scoreAssessment } from '../../src/domain';
import { isFormula, resultInputs, type CellValue } from '../../src/workbook';
import { MULTI_UNIT_HEADERS, multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import { countStatuses, evaluateMultiUnitSheet } from '../../src/taskpane/model/evaluate';
import { sample } from './sheetGrid';

const krs = sample('krs-2567');
const { assessment } = krs;

test("each unit scores as its own results; counts are summed; a unit's issue names it", () => {
  const typed = [{ '12': 92 }, { '12': 'abc' }, {}, { '12': 80 }];
  const units = assessment.units;
  const inputs = new Map(units.map((u, k) => [u.id, resultInputs(assessment, { results: typed[k] ?? {} })]));
  const { plan, binding } = multiUnitPlan({ assessment, document: krs.document, inputs });
  // The sheet as the port reads it back: what was typed, formulas' cells blank (the pane never reads their results).
  const values: CellValue[][] = [];
  for (const op of plan.ops) {
    if (op.kind !== 'cells' || op.sheet !== binding?.sheet) continue;
    const top = Number(/\d+$/.exec(op.topLeft)?.[0]);
    op.contents.forEach((row, r) => {
      values[top - 1 + r] = row.map((c) => (c === null || isFormula(c) ? null : typeof c === 'object' ? { error: c.error } : c));
    });
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  const e = evaluateMultiUnitSheet(
    assessment,
    { sheet: binding!.sheet, topLeft: 'A1', values },
    { headers: binding!.columns, multiUnit: MULTI_UNIT_HEADERS },
  );
  if (!e.ok) throw new Error(JSON.stringify(e.issues));
  expect(e.units.map((u) => u.unit.id)).toEqual(units.map((u) => u.id));
  e.units.forEach((u, k) => {
    const alone = scoreAssessment(assessment, { results: typed[k] ?? {} });
    expect(u.report.totalBeforePenalty).toBeCloseTo(alone.totalBeforePenalty as number, 12);
    expect(u.counts).toEqual(countStatuses(assessment, alone));
  });
  const sum = e.units.reduce(
    (n, u) => ({ reported: n.reported + u.counts.reported, missing: n.missing + u.counts.missing, invalid: n.invalid + u.counts.invalid }),
    { reported: 0, missing: 0, invalid: 0 },
  );
  expect(e.counts).toEqual(sum);
  expect(e.counts.reported).toBe(2);
  expect(e.counts.invalid).toBe(1);
  const invalid = e.issues.filter((i) => i.severity === 'error');
  expect(invalid.length).toBeGreaterThan(0);
  expect(invalid.every((i) => i.message.th.startsWith(`หน่วยงาน ${units[1]!.name} (${units[1]!.id}): `) && i.cell !== undefined)).toBe(true);
});

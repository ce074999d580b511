/**
 * The sheet's formulas equal src/domain (see formulaProperty.ts), part 2 of 2: 5,000 generated sheets here and
 * 5,000 in formulas.hyperformula.test.ts (other seed), so jest runs the 10,000 on two cores at once.
 */
import { runFormulaProperty } from './formulaProperty';

test('formulas evaluated by HyperFormula equal scoreAssessment on 5,000 generated sheets (part 2)', () => {
  const seen = runFormulaProperty({ runs: 50, perEngine: 100, seed: 90213 });
  console.log(`HyperFormula part 2: ${seen.cases} sheets, ${seen.rows} indicator rows, ${seen.nullTotals} with no total`);
});

/**
 * The sheet's formulas equal src/domain (see formulaProperty.ts), part 3 of 4: 2,500 generated sheets in each of
 * formulas.hyperformula.test.ts, formulas.more.hyperformula.test.ts, formulas.part3.hyperformula.test.ts and
 * formulas.part4.hyperformula.test.ts (each its own seed). Four files rather than two: jest starts the longest
 * files first, and four quarters leave no single file running on one core long after the rest have finished.
 */
import { runFormulaProperty } from './formulaProperty';

test('formulas evaluated by HyperFormula equal scoreAssessment on 2,500 generated sheets (part 3)', () => {
  const seen = runFormulaProperty({ runs: 25, perEngine: 100, seed: 31847 });
  console.log(`HyperFormula part 3: ${seen.cases} sheets, ${seen.rows} indicator rows, ${seen.nullTotals} with no total`);
});

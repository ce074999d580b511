/**
 * The sheet's formulas equal src/domain (see formulaProperty.ts), part 3 of 4: 2,500 generated sheets in each of
 * formulas.hyperformula.scale.test.ts, formulas.more.hyperformula.scale.test.ts, formulas.part3.hyperformula.scale.test.ts
 * and formulas.part4.hyperformula.scale.test.ts (each its own seed), 10,000 in all, run by `npm run test:scale`;
 * `npm test` runs the first 400 of part 1 (formulas.hyperformula.test.ts). Four files rather than two: jest starts
 * the longest files first, and four quarters leave no single file running on one core long after the rest have finished.
 */
import { runFormulaProperty } from './formulaProperty';

test('formulas evaluated by HyperFormula equal scoreAssessment on 2,500 generated sheets (part 3)', () => {
  const seen = runFormulaProperty({ runs: 25, perEngine: 100, seed: 31847 });
  console.log(`HyperFormula part 3: ${seen.cases} sheets, ${seen.rows} indicator rows, ${seen.nullTotals} with no total`);
});

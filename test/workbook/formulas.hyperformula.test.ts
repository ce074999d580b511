/**
 * The sheet's formulas equal src/domain (see formulaProperty.ts) on 400 generated sheets: part 1's generator and
 * seed (formulas.hyperformula.scale.test.ts), so these are the first 400 of its 2,500. The 10,000 sheets of the
 * four parts take a minute or more on a core each, so they are in `npm run test:scale`; this keeps the proof in
 * `npm test` at a size quick enough to run before every commit.
 */
import { runFormulaProperty } from './formulaProperty';

test('formulas evaluated by HyperFormula equal scoreAssessment on 400 generated sheets (part 1 of the scale proof)', () => {
  const seen = runFormulaProperty({ runs: 4, perEngine: 100, seed: 20671 });
  console.log(`HyperFormula: ${seen.cases} sheets, ${seen.rows} indicator rows, ${seen.nullTotals} with no total`);
});

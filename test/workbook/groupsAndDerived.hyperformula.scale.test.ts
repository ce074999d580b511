/**
 * Group headings and derived targets in the template, evaluated by HyperFormula, at full size: 1,000 generated
 * sheets with component groups and derived targets (formulaProperty.ts, grouped generator), in
 * `npm run test:scale`; groupsAndDerived.hyperformula.test.ts runs the first 200 of them in `npm test`.
 */
import { groupedSheetsTest } from './formulaProperty';

groupedSheetsTest(20);

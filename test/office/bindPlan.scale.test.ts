/**
 * Binding a hand-made sheet of 20,000 rows (bindPlanCases.ts): the same test as bindPlan.test.ts's on 10 and 1,000
 * rows, at the size whose binding record once cost a write batch of its own. Seconds on one core, so in
 * `npm run test:scale`.
 */
import { bindCases } from './bindPlanCases';

bindCases(20000);

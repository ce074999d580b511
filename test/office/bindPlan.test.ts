/**
 * Binding a hand-made sheet through the Office.js port (against the recording fake): the confirm writes the formula
 * columns, ids, settings, ScorebookTotal and the binding record as one plan in a fixed, small number of syncs
 * whatever the row count, every request below 4 MB, every cell as the plan says (bindPlanCases.ts). On 10 and
 * 1,000 rows here; on 20,000 in bindPlan.scale.test.ts (npm run test:scale).
 */
import { bindCases } from './bindPlanCases';

bindCases(10);
bindCases(1000);

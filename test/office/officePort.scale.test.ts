/**
 * The Office.js port's sync-count proofs of officePort.test.ts (officePortCases.ts) at full size: a sheet of
 * 20,000 rows, and a multi-unit sheet of 4,000 units × 5 indicators = 20,000 rows. About a minute on one core,
 * so in `npm run test:scale` rather than `npm test`, which runs the same tests on 10 and 1,000 rows.
 */
import { multiUnitCases, paneActionCases } from './officePortCases';

paneActionCases(20000);
multiUnitCases(4000);

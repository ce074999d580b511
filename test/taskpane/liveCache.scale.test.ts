/**
 * The live sheet's kept read (liveCacheCases.ts) at sizes that take seconds on one core: a hundred random edits and
 * pastes on 300 rows, and an edit's syncs on 10,000 rows. npm test runs the same tests on 100 and 1,000 rows.
 */
import { randomEditCases, syncCostCases } from './liveCacheCases';

describe('the kept read equals a whole read after random edits', () => randomEditCases(300));

describe('an edit on a linked sheet costs the same syncs at 10,000 rows', () => syncCostCases([10_000]));

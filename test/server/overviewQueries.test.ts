import { overviewQueryCases } from './overviewQueries.cases';

// 10 units against 100 here; against 1,000 units (90,000 rows) in overviewQueries.scale.test.ts (npm run test:scale).
describe('queries per overview and history (embedded PGlite)', () => overviewQueryCases('memory', 100));

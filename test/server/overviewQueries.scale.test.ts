import { overviewQueryCases } from './overviewQueries.cases';

// The overview's query count at 10 units against 1,000 units × 50 indicators (90,000 rows): seeding and answering
// them takes over ten seconds, so it runs in npm run test:scale; npm test compares 10 with 100 units.
describe('queries per overview and history (embedded PGlite)', () => overviewQueryCases('memory', 1_000));

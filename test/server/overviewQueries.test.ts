import { overviewQueryCases } from './overviewQueries.cases';

describe('queries per overview and history (embedded PGlite)', () => overviewQueryCases('memory'));

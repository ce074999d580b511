import { reportCases } from './reports.cases';

describe('reports (embedded PGlite)', () => reportCases('memory'));

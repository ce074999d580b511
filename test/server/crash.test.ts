import { crashCases } from './crash.cases';

describe('crash and retry (embedded PGlite in a data folder)', () => crashCases('embedded'));

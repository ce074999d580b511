/**
 * Runs from .ci/run with the PostgreSQL suites, not in `npm test`: it starts real server processes twice
 * (about 20 s), which would push the quick suite past its two minutes. It uses the embedded database, not
 * DATABASE_URL.
 */
import { crashCases } from './crash.cases';

describe('crash and retry (embedded PGlite in a data folder)', () => crashCases('embedded'));

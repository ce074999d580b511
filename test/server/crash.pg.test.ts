import { crashCases } from './crash.cases';

describe('crash and retry (PostgreSQL from DATABASE_URL)', () => crashCases('postgres'));

import { auditCases } from './audit.cases';

describe('audit (embedded PGlite)', () => auditCases('memory'));

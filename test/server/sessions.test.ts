import { sessionCases } from './sessions.cases';

describe('sessions (embedded PGlite)', () => sessionCases('memory'));

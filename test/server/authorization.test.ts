import { authorizationCases } from './authorization.cases';

describe('authorization matrix (embedded PGlite)', () => authorizationCases('memory'));

import { fuzzCases } from './fuzz.cases';

describe('malformed requests (embedded PGlite)', () => fuzzCases('memory'));

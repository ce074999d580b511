import { inputCases } from './input.cases';

describe('hostile and oversized input (embedded PGlite)', () => inputCases('memory'));

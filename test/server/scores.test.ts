import { scoreCases } from './scores.cases';

describe('scores (embedded PGlite)', () => scoreCases('memory'));

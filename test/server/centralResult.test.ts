import { centralResultCases } from './centralResult.cases';

describe('central results and Thai-digit ids (embedded PGlite)', () => centralResultCases('memory'));

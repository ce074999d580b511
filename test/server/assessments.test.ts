import { assessmentCases } from './assessments.cases';

describe('assessments (embedded PGlite)', () => assessmentCases('memory'));

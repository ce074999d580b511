import { overviewCases } from './overview.cases';

describe("a round's overview and a unit's history (embedded PGlite)", () => overviewCases('memory'));

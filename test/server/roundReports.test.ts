import { roundReportCases } from './roundReports.cases';

describe("every unit's reports in a round (embedded PGlite)", () => roundReportCases('memory'));

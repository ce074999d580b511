/**
 * The same server suite against a real PostgreSQL server: DATABASE_URL points at it (any database the user
 * may connect to and create databases from); every describe block below runs on a fresh database it creates
 * and drops. Run by .ci/run, not by `npm test` (the command is in src/server/README.md).
 */
import { assessmentCases } from './assessments.cases';
import { attachmentCases, fileStoreAttachmentCases } from './attachments.cases';
import { auditCases } from './audit.cases';
import { centralResultCases } from './centralResult.cases';
import { fuzzCases } from './fuzz.cases';
import { authorizationCases } from './authorization.cases';
import { httpCases } from './http.cases';
import { inputCases } from './input.cases';
import { reportCases } from './reports.cases';
import { overviewCases } from './overview.cases';
import { overviewQueryCases } from './overviewQueries.cases';
import { roundReportCases } from './roundReports.cases';
import { scoreCases } from './scores.cases';
import { sessionCases } from './sessions.cases';

describe('on PostgreSQL', () => {
  describe('sessions', () => sessionCases('postgres'));
  describe('assessments', () => assessmentCases('postgres'));
  describe('reports', () => reportCases('postgres'));
  describe("every unit's reports in a round", () => roundReportCases('postgres'));
  describe("a round's overview and a unit's history", () => overviewCases('postgres'));
  describe('queries per overview and history', () => overviewQueryCases('postgres'));
  describe('attachments', () => attachmentCases('postgres'));
  describe('attachments in a file store', () => fileStoreAttachmentCases('postgres'));
  describe('scores', () => scoreCases('postgres'));
  describe('audit', () => auditCases('postgres'));
  describe('central results and Thai-digit ids', () => centralResultCases('postgres'));
  describe('authorization matrix', () => authorizationCases('postgres'));
  describe('HTTP', () => httpCases('postgres'));
  describe('hostile and oversized input', () => inputCases('postgres'));
  describe('malformed requests', () => fuzzCases('postgres', 30));
});

/** Reads a results document (format v1) against its assessment: which results belong, which do not. */
import { allIndicators, isGroup, type Assessment } from './assessment';
import { resultsDocumentSchema, type ResultsDocument } from './documentSchema';
import { issue, type Issue } from './issues';
import { parseJson, type ReadResult } from './readAssessment';
import type { ResultSet } from './scoreAssessment';
import { schemaIssues } from './schemaIssues';
import { readDocumentDate } from './thaiDates';

export interface Results extends ResultSet {
  readonly assessment: string;
  readonly unit?: string;
}

export function readResults(json: unknown, assessment: Assessment): ReadResult<Results> {
  const parsed = resultsDocumentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error) };
  const doc: ResultsDocument = parsed.data;
  if (doc.assessment !== assessment.id) {
    return {
      ok: false,
      issues: [
        issue('results-other-assessment', 'error', {
          th: `assessment: ผลการดำเนินงานนี้เป็นของ "${doc.assessment}" ไม่ใช่ "${assessment.id}"`,
          en: `assessment: these results belong to "${doc.assessment}", not "${assessment.id}"`,
        }, { path: 'assessment' }),
      ],
    };
  }
  const issues: Issue[] = [];
  const byId = new Map(allIndicators(assessment).map((i) => [i.id, i]));
  for (const id of Object.keys(doc.results)) {
    const indicator = byId.get(id);
    const path = `results[${JSON.stringify(id)}]`;
    if (!indicator) {
      issues.push(
        issue('unknown-indicator', 'warning', {
          th: `${path}: ไม่มีตัวชี้วัดรหัส "${id}" ในชุดตัวชี้วัดนี้ จึงไม่นำมาคิดคะแนน`,
          en: `${path}: there is no indicator "${id}" in this assessment; the value is ignored`,
        }, { path, indicatorId: id }),
      );
    } else if (isGroup(indicator)) {
      issues.push(
        issue('result-for-group', 'warning', {
          th: `${path}: ตัวชี้วัด ${id} คิดคะแนนจากตัวชี้วัดย่อย ค่าที่กรอกจึงไม่ถูกใช้`,
          en: `${path}: indicator ${id} is scored from its sub-indicators; this value is ignored`,
        }, { path, indicatorId: id }),
      );
    }
  }
  if (doc.round !== undefined && assessment.rounds.length > 0 && !assessment.rounds.some((r) => r.round === doc.round)) {
    issues.push(
      issue('unknown-round', 'warning', {
        th: `round: ชุดตัวชี้วัดนี้ไม่มีรอบ ${doc.round} เดือน`,
        en: `round: this assessment has no ${doc.round}-month round`,
      }, { path: 'round' }),
    );
  }
  for (const id of Object.keys(doc.statuses ?? {})) {
    if (byId.has(id)) continue;
    const path = `statuses[${JSON.stringify(id)}]`;
    issues.push(
      issue('unknown-indicator', 'warning', {
        th: `${path}: ไม่มีตัวชี้วัดรหัส "${id}" ในชุดตัวชี้วัดนี้ จึงไม่นำสถานะนี้มาใช้`,
        en: `${path}: there is no indicator "${id}" in this assessment; the status is ignored`,
      }, { path, indicatorId: id }),
    );
  }
  const submittedAt = doc.submittedAt === undefined ? undefined : readDocumentDate(doc.submittedAt, 'submittedAt', issues, assessment.fiscalYear);
  return {
    ok: true,
    issues,
    value: {
      assessment: doc.assessment, unit: doc.unit, round: doc.round, submittedAt, results: doc.results,
      ...(doc.statuses ? { statuses: doc.statuses } : {}),
    },
  };
}

export function readResultsText(text: string, assessment: Assessment): ReadResult<Results> {
  const json = parseJson(text);
  return json.ok ? readResults(json.value, assessment) : json;
}

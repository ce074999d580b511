/** Reads a results document (format v1) against its assessment: which results belong, which do not. */
import { isGroup, type Assessment, type Indicator } from './assessment';
import { resultsDocumentSchema, type RawResult, type ResultsDocument } from './documentSchema';
import { indicatorKey, indicatorsByKey } from './indicatorIds';
import { issue, type Issue } from './issues';
import { parseJson, withIssues, type ReadResult } from './readAssessment';
import type { ResultSet } from './scoreAssessment';
import { schemaIssues } from './schemaIssues';
import { unknownFields } from './unknownFields';
import { readDocumentDate } from './thaiDates';

export interface Results extends ResultSet {
  readonly assessment: string;
  readonly unit?: string;
}

export function readResults(json: unknown, assessment: Assessment): ReadResult<Results> {
  const parsed = resultsDocumentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error, [], json) };
  const doc: ResultsDocument = parsed.data;
  if (doc.assessment !== assessment.id) {
    return {
      ok: false,
      issues: [
        issue(
          'results-other-assessment',
          'error',
          {
            th: `assessment: ผลการดำเนินงานนี้เป็นของ "${doc.assessment}" ไม่ใช่ "${assessment.id}"`,
            en: `assessment: these results belong to "${doc.assessment}", not "${assessment.id}"`,
          },
          { path: 'assessment' },
        ),
      ],
    };
  }
  const issues: Issue[] = unknownFields(resultsDocumentSchema, json);
  const byKey = indicatorsByKey(assessment);
  const keyed = keyResults(doc.results, byKey);
  if (keyed.issues.some((i) => i.severity === 'error')) return { ok: false, issues: keyed.issues };
  issues.push(...keyed.issues);
  for (const id of Object.keys(doc.results)) {
    const indicator = byKey.get(indicatorKey(id));
    const path = `results[${JSON.stringify(id)}]`;
    if (!indicator) {
      issues.push(
        issue(
          'unknown-indicator',
          'warning',
          {
            th: `${path}: ไม่มีตัวชี้วัดรหัส "${id}" ในชุดตัวชี้วัดนี้ จึงไม่นำมาคิดคะแนน`,
            en: `${path}: there is no indicator "${id}" in this assessment; the value is ignored`,
          },
          { path, indicatorId: id },
        ),
      );
    } else if (isGroup(indicator)) {
      issues.push(
        issue(
          'result-for-group',
          'warning',
          {
            th: `${path}: ตัวชี้วัด ${id} คิดคะแนนจากตัวชี้วัดย่อย ค่าที่กรอกจึงไม่ถูกใช้`,
            en: `${path}: indicator ${id} is scored from its sub-indicators; this value is ignored`,
          },
          { path, indicatorId: id },
        ),
      );
    }
  }
  if (doc.round !== undefined && assessment.rounds.length > 0 && !assessment.rounds.some((r) => r.round === doc.round)) {
    issues.push(
      issue(
        'unknown-round',
        'warning',
        {
          th: `round: ชุดตัวชี้วัดนี้ไม่มีรอบ ${doc.round} เดือน`,
          en: `round: this assessment has no ${doc.round}-month round`,
        },
        { path: 'round' },
      ),
    );
  }
  // Statuses are keyed as the results are: "๑" and "1" name one indicator, stored under the assessment's spelling.
  let statuses: Results['statuses'];
  for (const [id, status] of Object.entries(doc.statuses ?? {})) {
    const known = byKey.get(indicatorKey(id));
    if (known) {
      statuses = { ...statuses, [known.id]: status };
      continue;
    }
    const path = `statuses[${JSON.stringify(id)}]`;
    issues.push(
      issue(
        'unknown-indicator',
        'warning',
        {
          th: `${path}: ไม่มีตัวชี้วัดรหัส "${id}" ในชุดตัวชี้วัดนี้ จึงไม่นำสถานะนี้มาใช้`,
          en: `${path}: there is no indicator "${id}" in this assessment; the status is ignored`,
        },
        { path, indicatorId: id },
      ),
    );
  }
  const submittedAt =
    doc.submittedAt === undefined ? undefined : readDocumentDate(doc.submittedAt, 'submittedAt', issues, assessment.fiscalYear);
  return {
    ok: true,
    issues,
    value: {
      assessment: doc.assessment,
      unit: doc.unit,
      round: doc.round,
      submittedAt,
      results: keyed.results,
      ...(statuses ? { statuses } : {}),
    },
  };
}

export function readResultsText(text: string, assessment: Assessment): ReadResult<Results> {
  const json = parseJson(text);
  return json.ok ? withIssues(readResults(json.value, assessment), json.issues) : json;
}

/**
 * Results keyed by the assessment's own spelling of each id, so "๑" and "1" reach the same indicator. Keys that
 * name no indicator stay as written (they are reported as unknown). The same indicator under two spellings is a
 * warning when both carry the same value, and an error when they differ: which one was meant cannot be guessed.
 */
function keyResults(
  results: Readonly<Record<string, RawResult>>,
  byKey: ReadonlyMap<string, Indicator>,
): { results: Record<string, RawResult>; issues: Issue[] } {
  const out: Record<string, RawResult> = {};
  const spelledAs = new Map<string, string>();
  const issues: Issue[] = [];
  for (const [written, value] of Object.entries(results)) {
    const id = byKey.get(indicatorKey(written))?.id ?? written;
    const first = spelledAs.get(id);
    if (first === undefined) {
      spelledAs.set(id, written);
      out[id] = value;
      continue;
    }
    const path = `results[${JSON.stringify(written)}]`;
    const same = JSON.stringify(value) === JSON.stringify(out[id]);
    issues.push(
      issue(
        'result-given-twice',
        same ? 'warning' : 'error',
        {
          th: `${path}: ตัวชี้วัด ${id} มีผลสองครั้ง เขียนเป็น "${first}" และ "${written}" (เลขไทยกับเลขอารบิกคือรหัสเดียวกัน)${same ? ' ค่าเท่ากันจึงใช้ค่าเดียว' : ' และค่าไม่เท่ากัน ให้เหลือไว้ค่าเดียว'}`,
          en: `${path}: indicator ${id} has a result twice, written "${first}" and "${written}" (Thai and Arabic digits are the same id)${same ? '; the values are equal, so one is used' : ' with different values; keep only one'}`,
        },
        { path, indicatorId: id },
      ),
    );
  }
  return { results: out, issues };
}

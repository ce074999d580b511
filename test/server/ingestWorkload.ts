/**
 * The ingestion workload that bench.ts times and ingest.measure.ts measures in CPU: an assessment of 10,000
 * indicators, a save batch of its rows, and the same rows as a plain multi-row INSERT writes them into `reports`,
 * so both compare the API with the same bare insert.
 */
import type { Db } from '../../src/server/db/connect';

export const ROWS = 10_000;

/** The `bench` assessment: ROWS indicators, `units` units u0…, round 6 open. */
export function bigAssessment(units: number): Record<string, unknown> {
  return {
    format: 'scorebook/assessment@1',
    id: 'bench',
    title: 'bench',
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: Array.from({ length: ROWS }, (_, i) => ({ id: `i${i}`, name: `ตัวชี้วัด ${i}`, weight: 0.01, targets: [1, 2, 3, 4, 5] })),
    units: Array.from({ length: units }, (_, i) => ({ id: `u${i}`, name: `หน่วยงาน ${i}` })),
    rounds: [{ round: 6, opensAt: '2000-01-01T00:00:00Z', closesAt: '2100-01-01T00:00:00Z' }],
  };
}

/** A save batch's rows for indicators i0…i(n−1). */
export const rowsFor = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ indicatorId: `i${i}`, value: `${(i % 5) + 1}`, explanation: 'คำชี้แจงการปฏิบัติงาน', baseVersion: 0 }));

/** A batch's ROWS rows as `reports` rows of `unit` in round 6, ready for a plain INSERT (built before it is timed). */
export function plainRows(unit: string, now: Date) {
  return rowsFor(ROWS).map((r) => ({
    assessment_id: 'bench',
    round: 6,
    unit_id: unit,
    indicator_id: r.indicatorId,
    value: JSON.stringify(r.value),
    explanation: r.explanation,
    obstacles: null,
    remarks: null,
    status: 'draft',
    version: 1,
    updated_by: 'bench',
    updated_at: now,
    comment: null,
    late: false,
    submitted_at: null,
  }));
}

/** The plain multi-row INSERT of `rows`. */
export async function insertPlain(db: Db, rows: ReturnType<typeof plainRows>): Promise<void> {
  // 15 parameters a row: 4,000 rows stay under PostgreSQL's 65,535 parameters per statement.
  for (let i = 0; i < rows.length; i += 4_000)
    await db
      .insertInto('reports')
      .values(rows.slice(i, i + 4_000))
      .execute();
}

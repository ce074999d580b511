/**
 * The central office's workload for the overview: one assessment of `indicators` mixed indicators (generate.ts)
 * and `units` units in rounds 6, 9 and 12, rows for every unit × indicator in rounds 6 and 9 with statuses of
 * every kind (some units not started), written straight into the table in a few statements; and a query counter,
 * a Kysely plugin that counts every query a database handle sends and changes nothing. Shared by the query-count
 * test (test/server/overviewQueries.test.ts) and `npm run bench:overview`.
 */
import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { ReportStatus } from '../../src/api';
import type { RawResult } from '../../src/domain';
import type { Db } from '../../src/server/db/connect';
import { inTransaction } from '../../src/server/db/transaction';
import { putAssessment } from '../../src/server/store/assessments';
import { benchAssessmentDoc, seededRandom } from './generate';

export const OVERVIEW_ROUNDS = [6, 9, 12];

export function overviewAssessmentDoc(id: string, units: number, indicators: number): Record<string, unknown> {
  const groups = Math.max(1, Math.ceil(units / 50));
  return {
    ...benchAssessmentDoc(indicators),
    id,
    title: `ภาพรวม ${units} หน่วยงาน × ${indicators} ตัวชี้วัด`,
    unitGroups: Array.from({ length: groups }, (_, g) => ({ id: `g${g + 1}`, name: `กลุ่มที่ ${g + 1}` })),
    units: Array.from({ length: units }, (_, u) => ({ id: `u${u + 1}`, name: `หน่วยงาน ${u + 1}`, group: `g${(u % groups) + 1}` })),
    rounds: OVERVIEW_ROUNDS.map((round) => ({ round, opensAt: '2000-01-01T00:00:00Z', closesAt: '2100-01-01T00:00:00Z' })),
  };
}

const STATUSES: ReportStatus[] = ['draft', 'submitted', 'approved', 'approved', 'returned'];

/** A result of the kind generate.ts gave indicator `i` (0-based), varied by `r`. */
function resultFor(i: number, r: () => number): RawResult {
  const base = 50 + (i % 50);
  switch (i % 5) {
    case 3:
      return { num: Math.floor(r() * 50) + 30, den: 80 };
    case 4:
      return [true, true, r() < 0.7, r() < 0.4, false];
    default:
      return Math.round((base + r() * 25) * 100) / 100;
  }
}

/**
 * Stores the assessment and its rows: every unit but each tenth (not started) reports every indicator in rounds 6
 * and 9. Returns the number of rows written.
 */
export async function seedOverview(db: Db, id: string, units: number, indicators: number): Promise<number> {
  const put = await inTransaction(db, (tx) =>
    putAssessment(tx, overviewAssessmentDoc(id, units, indicators), { actor: 'bench', now: new Date() }),
  );
  if (!put.ok) throw new Error(put.issues.map((i) => i.message.en).join('; '));
  const r = seededRandom(units * 1_000 + indicators);
  const now = new Date('2024-03-25T03:00:00Z').toISOString();
  let written = 0;
  for (const round of [6, 9]) {
    let chunk: Record<string, unknown>[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      await sql`
        insert into reports (assessment_id, round, unit_id, indicator_id, value, status, version, updated_by, updated_at, late, submitted_at)
        select ${id}, ${round}, x.unit_id, x.indicator_id, x.value, x.status, 1, 'bench', ${now}::timestamptz, false, x.submitted_at
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(unit_id text, indicator_id text, value jsonb, status text, submitted_at timestamptz)`.execute(
        db,
      );
      written += chunk.length;
      chunk = [];
    };
    for (let u = 1; u <= units; u++) {
      if (u % 10 === 0) continue;
      for (let i = 0; i < indicators; i++) {
        const status = STATUSES[Math.floor(r() * STATUSES.length)] as ReportStatus;
        chunk.push({
          unit_id: `u${u}`,
          indicator_id: String(i + 1),
          value: resultFor(i, r),
          status,
          submitted_at: status === 'draft' ? null : now,
        });
      }
      if (chunk.length >= 10_000) await flush();
    }
    await flush();
  }
  return written;
}

/** Counts the queries sent through the handle it is installed on (`db.withPlugin(counter)`); changes none. */
export class QueryCounter implements KyselyPlugin {
  count = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/**
 * `npm run bench:overview`: the round's overview (GET …/rounds/{round}/overview) at 1,000 units × 50 indicators,
 * as central staff ask for it: time per request (p50, p95), the answer's bytes and the database queries per
 * request, on the embedded PGlite and, with DATABASE_URL, on PostgreSQL (a fresh database, dropped afterwards).
 * Requests go through `app.inject` (the whole route: authentication, queries, scoring, the schema's serialisation),
 * without a port. `runOverviewBench` is the body, so another bench can run it and add its own steps.
 */
import { buildApp } from '../../src/server/app';
import type { Db } from '../../src/server/db/connect';
import { createUser } from '../../src/server/store/users';
import { onEachDatabase } from './databases';
import { QueryCounter, seedOverview } from './overviewWorkload';

export interface OverviewBenchOptions {
  readonly label: string;
  /** A migrated, empty database. */
  readonly db: Db;
  readonly units?: number;
  readonly indicators?: number;
  readonly requests?: number;
}

export interface OverviewBenchFigures {
  readonly label: string;
  readonly units: number;
  readonly indicators: number;
  readonly rows: number;
  readonly seedMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly bytes: number;
  readonly queries: number;
  /** The answer itself, for a composed bench (the overview sheet is written from it). */
  readonly body: string;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export async function runOverviewBench(o: OverviewBenchOptions): Promise<OverviewBenchFigures> {
  const units = o.units ?? 1_000;
  const indicators = o.indicators ?? 50;
  const requests = o.requests ?? 20;
  const t0 = performance.now();
  const rows = await seedOverview(o.db, 'overview-bench', units, indicators);
  const seedMs = performance.now() - t0;
  await createUser(
    o.db,
    { username: 'central.bench', name: 'ส่วนกลาง', password: 'benchbench', roles: ['central'], units: [] },
    { actor: 'bench', now: new Date(), cost: { log2N: 4, r: 1, p: 1 }, ifAbsent: true },
  );
  const counter = new QueryCounter();
  const app = await buildApp({
    db: o.db.withPlugin(counter),
    rateLimitPerMinute: false,
    writesPerMinutePerUser: false,
    passwordCost: { log2N: 4, r: 1, p: 1 },
  });
  try {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username: 'central.bench', password: 'benchbench' },
    });
    const headers = { authorization: `Bearer ${(signIn.json() as { token: string }).token}` };
    const url = '/api/v1/assessments/overview-bench/rounds/9/overview';
    // One request first, as a server that has run for a while: the document read and cached, the code compiled.
    let body = (await app.inject({ method: 'GET', url, headers })).body;
    const times: number[] = [];
    let bytes = 0;
    let queries = 0;
    for (let i = 0; i < requests; i++) {
      const before = counter.count;
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      times.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`overview: ${res.statusCode} ${res.body.slice(0, 500)}`);
      queries = counter.count - before;
      bytes = res.rawPayload.length;
      body = res.body;
    }
    times.sort((a, b) => a - b);
    return {
      label: o.label,
      units,
      indicators,
      rows,
      seedMs,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      bytes,
      queries,
      body,
    };
  } finally {
    await app.close();
  }
}

export function describeFigures(f: OverviewBenchFigures): string {
  return (
    `${f.label}: overview of ${f.units.toLocaleString('en')} units × ${f.indicators} indicators (${f.rows.toLocaleString('en')} rows in rounds 6 and 9): ` +
    `p50 ${f.p50Ms.toFixed(0)} ms, p95 ${f.p95Ms.toFixed(0)} ms, ${(f.bytes / 1024 / 1024).toFixed(2)} MiB, ${f.queries} queries a request ` +
    `(seeding the rows: ${(f.seedMs / 1000).toFixed(1)} s)`
  );
}

if (require.main === module) {
  onEachDatabase(async (label, db) => console.log(describeFigures(await runOverviewBench({ label, db })))).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}

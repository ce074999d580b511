/**
 * `npm run bench:server` (tsx test/server/bench.ts): how fast the reporting API ingests and answers, on the
 * embedded PGlite and, when DATABASE_URL is set, on PostgreSQL (a fresh database, dropped afterwards).
 *
 * 1. Ingestion: 10,000-row save batches through HTTP (rows per second), and in the same run a plain multi-row
 *    INSERT of the same rows into the same table, printed as a ratio (what the batch's checks, locks, audit
 *    and idempotency cost over a bare insert); each after one unmeasured run of its own (a warm process).
 * 2. Latency: GET …/reports (20 rows) and POST …/reports (one new row per request) with 50 concurrent clients
 *    (autocannon, in a process of its own), p50 and p99, each beside its floor: a bare Fastify route in the
 *    server's process on the same pool, under the same load, doing only what the route cannot do without — the same token check and the same SELECT
 *    (GET), the same INSERT of one row and its audit INSERT in one transaction (POST) — printed as API/floor;
 *    then both again with the 50 clients paced at half of the slower one's most, for the p99 at a load with room.
 *
 * BENCH_ONLY=ingest runs part 1 alone (a minute less per database when only ingestion is being measured);
 * BENCH_ONLY=latency part 2 alone. The load comes from a child process (benchLoad.ts), so the server's CPU per
 * request, printed beside each figure, is the server's alone.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { bearerToken } from '../../src/server/auth/authenticate';
import { buildApp } from '../../src/server/app';
import type { Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { inTransaction } from '../../src/server/db/transaction';
import { putAssessment } from '../../src/server/store/assessments';
import { auditSnapshotSql, insertReportsStatement, listReports, toReportRow } from '../../src/server/store/reports';
import { sessionUser } from '../../src/server/store/sessions';
import { createUser } from '../../src/server/store/users';
import { onEachDatabase } from '../bench/databases';
import { bigAssessment, insertPlain, plainRows, ROWS, rowsFor } from './ingestWorkload';
import { loadFromChild, SMALL_ROUNDS, smallReportsPath, type LoadSpec } from './benchLoad';

const BATCHES = 3;
const COST = { log2N: 4, r: 1, p: 1 };

/** For latency: an assessment of ordinary size (20 indicators) with many units and rounds, so each POST can write a new row. */
function smallAssessment(): Record<string, unknown> {
  return {
    format: 'scorebook/assessment@1',
    id: 'small',
    title: 'small',
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: Array.from({ length: 20 }, (_, i) => ({ id: `i${i}`, name: `ตัวชี้วัด ${i}`, weight: 5, targets: [1, 2, 3, 4, 5] })),
    units: Array.from({ length: 500 }, (_, i) => ({ id: `s${i}`, name: `หน่วยงาน ${i}` })),
    rounds: SMALL_ROUNDS.map((round) => ({ round, opensAt: '2000-01-01T00:00:00Z', closesAt: '2100-01-01T00:00:00Z' })),
  };
}

const SECONDS = 10;

async function plainInsert(db: Db, unit: string): Promise<number> {
  const rows = plainRows(unit, new Date());
  const t0 = performance.now();
  await insertPlain(db, rows);
  return performance.now() - t0;
}

/** Statements sent, counted in-process (a Kysely plugin sees every query, raw SQL too; BEGIN and COMMIT are the driver's and not counted). */
function countingStatements(raw: Db): { db: Db; take: () => number } {
  let n = 0;
  const db = raw.withPlugin({
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  return {
    db,
    take: () => {
      const taken = n;
      n = 0;
      return taken;
    },
  };
}

async function run(label: string, rawDb: Db): Promise<void> {
  const { db, take: takeStatements } = countingStatements(rawDb);
  await migrateToLatest(db);
  await inTransaction(db, (tx) => putAssessment(tx, bigAssessment(BATCHES + 4), { actor: 'bench', now: new Date() }));
  await inTransaction(db, (tx) => putAssessment(tx, smallAssessment(), { actor: 'bench', now: new Date() }));
  const units = [...Array.from({ length: BATCHES + 4 }, (_, i) => `u${i}`), ...Array.from({ length: 500 }, (_, i) => `s${i}`)];
  await createUser(
    db,
    { username: 'r', name: 'r', password: 'benchbench', roles: ['reporter'], units },
    { actor: 'bench', now: new Date(), cost: COST },
  );
  const app = await buildApp({ db, rateLimitPerMinute: false, writesPerMinutePerUser: false, batchBodyLimit: 64 * 1024 * 1024 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const token = (
    (await (
      await fetch(`${base}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'r', password: 'benchbench' }),
      })
    ).json()) as { token: string }
  ).token;
  const auth = { authorization: `Bearer ${token}` };
  const url = (unit: string) => `${base}/api/v1/assessments/bench/rounds/6/units/${unit}/reports`;
  if (process.env.BENCH_ONLY === 'latency') {
    await latency(label, base, auth, db, takeStatements);
    await app.close();
    return;
  }

  // 1. Ingestion. One batch of each kind first, unmeasured, on a unit of its own: the process compiles its code paths
  // and reads the assessment once (as a server does once per assessment), then both are measured warm.
  const saveBatch = (unit: string) =>
    fetch(url(unit), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ action: 'save', rows: rowsFor(ROWS) }),
    });
  if (!(await saveBatch(`u${BATCHES}`)).ok) throw new Error('the warm-up batch failed');
  await plainInsert(db, 'plain-warm-up');
  let apiMs = 0;
  takeStatements();
  for (let b = 0; b < BATCHES; b++) {
    const body = JSON.stringify({ action: 'save', rows: rowsFor(ROWS) });
    const t0 = performance.now();
    const res = await fetch(url(`u${b}`), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body,
    });
    const json = (await res.json()) as { results: { outcome: string }[] };
    apiMs += performance.now() - t0;
    if (json.results.filter((r) => r.outcome === 'accepted').length !== ROWS) throw new Error('a bench batch was not fully accepted');
  }
  const apiStatements = takeStatements() / BATCHES;
  const apiRate = (BATCHES * ROWS) / (apiMs / 1000);
  let plainMs = 0;
  for (let b = 0; b < BATCHES; b++) plainMs += await plainInsert(db, `plain${b}`);
  const plainStatements = takeStatements() / BATCHES;
  const plainRate = (BATCHES * ROWS) / (plainMs / 1000);
  console.log(
    `${label}: API batches of ${ROWS} rows: ${Math.round(apiRate)} rows/s (${(1e6 / apiRate).toFixed(0)} µs a row); ` +
      `plain INSERT: ${Math.round(plainRate)} rows/s (${(1e6 / plainRate).toFixed(0)} µs a row); API = 1/${(plainRate / apiRate).toFixed(1)} of plain; ` +
      `statements per batch (without BEGIN/COMMIT): API ${apiStatements.toFixed(1)}, plain ${plainStatements.toFixed(1)}`,
  );

  if (process.env.BENCH_ONLY === 'ingest') {
    await app.close();
    return;
  }
  // The tens of thousands of rows just ingested set autovacuum off on their tables some seconds later: on PostgreSQL
  // it ran inside one of the latency windows below (the API's POST, in one run), taking a core from that side
  // alone. Vacuumed and analysed now, the API and its floor are measured on the same tables in the same state.
  await sql`vacuum analyze`.execute(db);
  await latency(label, base, auth, db, takeStatements);
  await app.close();
}

interface Measured {
  readonly result: autocannon.Result;
  readonly statements: number;
  /** The server process's CPU time per request (user + system, all threads). */
  readonly cpuMs: number;
  /** The CPU time per request of the PostgreSQL backends serving this database, when they run on this machine. */
  readonly dbMs: number | undefined;
  /** The time per request the server's event loop was busy: wall time, above CPU time on a machine short of cores. */
  readonly mainMs: number;
}

async function latency(label: string, base: string, auth: Record<string, string>, db: Db, takeStatements: () => number): Promise<void> {
  // 2. Latency with 50 clients, each route beside its floor. GET reads the 20 rows of s0; each POST stores one new
  // row (round 6 s1 i0, s1 i1, … then rounds 9 and 12), the floor's in units of its own. The load comes from a
  // process of its own (benchLoad.ts), so this process's CPU and event loop are the server's alone.
  const floor = bareRoutes(db);
  const floorBase = await floor.listen({ port: 0, host: '127.0.0.1' });
  await fetch(base + smallReportsPath('s0'), {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ action: 'save', rows: rowsFor(20) }),
  });
  // Side by side: each pair runs back to back, so both see the same machine. Beside each: statements, the server
  // process's CPU (PGlite's worker thread included) and its main thread's busy time, per request.
  const measured = async (at: string, load: LoadSpec['load'], rate?: number): Promise<Measured> => {
    const db0 = await databaseCpuMs(db);
    takeStatements();
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const result = await loadFromChild({
      url: at,
      connections: 50,
      seconds: SECONDS,
      headers: auth,
      load,
      ...(rate === undefined ? {} : { rate }),
    });
    const cpu = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0);
    const n = Math.max(1, result.requests.total);
    const statements = takeStatements() / n;
    const db1 = await databaseCpuMs(db);
    const dbMs = db0 && db1 ? [...db1].reduce((sum, [pid, ms]) => sum + ms - (db0.get(pid) ?? 0), 0) / n : undefined;
    return { result, statements, cpuMs: (cpu.user + cpu.system) / 1000 / n, mainMs: elu.active / n, dbMs };
  };
  const apiGet = await measured(base, { get: smallReportsPath('s0') });
  const floorGet = await measured(floorBase, { get: '/floor/s0' });
  const apiPost = await measured(base, { post: 'api' });
  const floorPost = await measured(floorBase, { post: 'floor' });
  const figures = ({ result: r, cpuMs, mainMs, dbMs }: Measured) =>
    `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, CPU ${cpuMs.toFixed(2)} ms/req (event loop busy ${mainMs.toFixed(2)}, wall time)` +
    `${dbMs === undefined ? '' : `, PostgreSQL CPU ${dbMs.toFixed(2)} ms/req`}` +
    `${r.non2xx + r.errors > 0 ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : ''}`;
  const line = (name: string, api: Measured, bare: Measured) =>
    `${label}: ${name}, 50 clients: API ${figures(api)} | floor ${figures(bare)} | API/floor ${((100 * api.result.requests.average) / bare.result.requests.average).toFixed(0)} % of req/s` +
    ` | statements per request (without BEGIN/COMMIT): API ${api.statements.toFixed(1)}, floor ${bare.statements.toFixed(1)} | load average ${os.loadavg()[0]!.toFixed(1)}`;
  console.log(line('GET …/reports (20 rows)', apiGet, floorGet));
  console.log(line('POST …/reports (1 new row)', apiPost, floorPost));
  // The same 50 clients paced at half of what the slower of the two answers at most: with every client sending again
  // the moment its answer comes, latency is 50 ÷ throughput whatever the route does, so the p99 a person waits is
  // read here, at a load the machine has room for, the same rate for the API and its floor. autocannon starts the 50
  // connections' timers together, so their requests come in bursts: the floor's p99 beside it is the bound.
  const pacedPair = async (
    name: string,
    api: (rate: number) => Promise<Measured>,
    bare: (rate: number) => Promise<Measured>,
    most: readonly Measured[],
  ) => {
    const rate = Math.max(10, Math.round(Math.min(...most.map((m) => m.result.requests.average)) / 2));
    const [a, b] = [await api(rate), await bare(rate)];
    const at = ({ result: r }: Measured) => `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`;
    console.log(
      `${label}: ${name}, 50 clients paced at ${rate} req/s: API ${at(a)} | floor ${at(b)} | load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
  };
  await pacedPair(
    'GET …/reports (20 rows)',
    (r) => measured(base, { get: smallReportsPath('s0') }, r),
    (r) => measured(floorBase, { get: '/floor/s0' }, r),
    [apiGet, floorGet],
  );
  const written = { api: 20 + apiPost.result.requests.total, floor: 20 + floorPost.result.requests.total };
  await pacedPair(
    'POST …/reports (1 new row)',
    (r) => measured(base, { post: 'api', from: written.api }, r),
    (r) => measured(floorBase, { post: 'floor', from: written.floor }, r),
    [apiPost, floorPost],
  );
  await floor.close();
}

/**
 * CPU time (user + system, ms) of each backend connected to this database, read from /proc: undefined on PGlite
 * (its CPU is the server process's), or when the server is not on this machine (or not on Linux).
 */
async function databaseCpuMs(db: Db): Promise<Map<number, number> | undefined> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const ticks = 100; // USER_HZ: /proc counts CPU time in 1/100 s on every Linux build that matters here
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    let stat: string;
    try {
      stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return undefined;
    }
    // PGlite names a pid of its own making: whatever process has that pid here is no backend of it.
    if (!stat.slice(stat.indexOf('(') + 1).startsWith('postgres')) return undefined;
    // The fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks);
  }
  return out;
}

/**
 * The floor: a bare Fastify instance (no plugins, no schemas, no hooks) on the same database pool. GET: the token
 * checked as the API checks it (one query: session, user and roles), then the unit's rows read by the same SELECT.
 * POST: the token, then one row inserted by the same INSERT as a batch's and its audit event built in SQL as a
 * batch builds it, in one statement in a transaction — no idempotency record, no lock, no assessment, no validation.
 */
function bareRoutes(db: Db) {
  const floor = Fastify();
  const signedIn = async (request: Parameters<typeof bearerToken>[0]) => {
    const token = bearerToken(request);
    return token === undefined ? undefined : sessionUser(db, token, new Date());
  };
  floor.get<{ Params: { unit: string } }>('/floor/:unit', async (request, reply) => {
    if (!(await signedIn(request))) return reply.status(401).send({ error: 'unauthenticated' });
    const reports = await listReports(db, { assessmentId: 'small', round: 6, unitId: request.params.unit });
    return { reports: reports.map(toReportRow) };
  });
  floor.post<{ Params: { unit: string }; Body: { rows: { indicatorId: string; value: number }[] } }>(
    '/floor/:unit',
    async (request, reply) => {
      const user = await signedIn(request);
      if (!user) return reply.status(401).send({ error: 'unauthenticated' });
      const row = request.body.rows[0]!;
      const scope = { assessmentId: 'small', round: 6, unitId: request.params.unit };
      const now = new Date();
      const next = {
        indicatorId: row.indicatorId,
        value: row.value,
        explanation: null,
        obstacles: null,
        remarks: null,
        status: 'draft' as const,
        version: 1,
        updatedBy: user.username,
        updatedAt: now,
        comment: null,
        late: false,
        submittedAt: null,
      };
      const returned = sql`indicator_id, value, explanation, obstacles, remarks, status, version, comment, late`;
      // One statement, as a batch writes them (reports/batchWrite.ts): the row's INSERT, and its audit event built
      // by the database from the row the INSERT returns, as the batch's is.
      await inTransaction(db, async (tx) => {
        await sql`with ins as (${insertReportsStatement(scope, [next], returned)})
          insert into audit_events (at, actor, action, assessment_id, round, unit_id, indicator_id, old_value, new_value)
          select ${now.toISOString()}::timestamptz, ${user.username}, 'report.save', ${scope.assessmentId}, ${scope.round}::integer,
            ${scope.unitId}, i.indicator_id, 'null'::jsonb, ${auditSnapshotSql('i')}
          from ins as i`.execute(tx);
      });
      return { results: [{ indicatorId: row.indicatorId, outcome: 'accepted', version: 1 }] };
    },
  );
  return floor;
}

/** On the embedded database, then PostgreSQL with DATABASE_URL: 20 connections for the 50 clients; `run` migrates. */
function main(): Promise<void> {
  return onEachDatabase(run, { poolSize: 20, migrate: false });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

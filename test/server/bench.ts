/**
 * `npm run bench:server` (tsx test/server/bench.ts): how fast the reporting API ingests and answers, on the
 * embedded PGlite and, when DATABASE_URL is set, on PostgreSQL (a fresh database, dropped afterwards).
 *
 * 1. Ingestion: 10,000-row save batches through HTTP (rows per second), and in the same run a plain multi-row
 *    INSERT of the same rows into the same table, printed as a ratio (what the batch's checks, locks, audit
 *    and idempotency cost over a bare insert).
 * 2. Latency: GET …/reports (20 rows) and POST …/reports (one new row per request) with 50 concurrent clients
 *    (autocannon), p50 and p99.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { buildApp } from '../../src/server/app';
import { openDatabase, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { inTransaction } from '../../src/server/db/transaction';
import { putAssessment } from '../../src/server/store/assessments';
import { createUser } from '../../src/server/store/users';

const ROWS = 10_000;
const BATCHES = 3;
const COST = { log2N: 4, r: 1, p: 1 };

/** For latency: an assessment of ordinary size (20 indicators) with many units, so each POST can write a new row. */
function smallAssessment(): Record<string, unknown> {
  return {
    format: 'scorebook/assessment@1',
    id: 'small',
    title: 'small',
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: Array.from({ length: 20 }, (_, i) => ({ id: `i${i}`, name: `ตัวชี้วัด ${i}`, weight: 5, targets: [1, 2, 3, 4, 5] })),
    units: Array.from({ length: 500 }, (_, i) => ({ id: `s${i}`, name: `หน่วยงาน ${i}` })),
    rounds: [{ round: 6, opensAt: '2000-01-01T00:00:00Z', closesAt: '2100-01-01T00:00:00Z' }],
  };
}

function bigAssessment(): Record<string, unknown> {
  return {
    format: 'scorebook/assessment@1',
    id: 'bench',
    title: 'bench',
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: Array.from({ length: ROWS }, (_, i) => ({ id: `i${i}`, name: `ตัวชี้วัด ${i}`, weight: 0.01, targets: [1, 2, 3, 4, 5] })),
    units: Array.from({ length: BATCHES + 4 }, (_, i) => ({ id: `u${i}`, name: `หน่วยงาน ${i}` })),
    rounds: [{ round: 6, opensAt: '2000-01-01T00:00:00Z', closesAt: '2100-01-01T00:00:00Z' }],
  };
}

const rowsFor = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ indicatorId: `i${i}`, value: `${(i % 5) + 1}`, explanation: 'คำชี้แจงการปฏิบัติงาน', baseVersion: 0 }));

async function plainInsert(db: Db, unit: string): Promise<number> {
  const now = new Date();
  const rows = rowsFor(ROWS).map((r) => ({
    assessment_id: 'bench', round: 6, unit_id: unit, indicator_id: r.indicatorId, value: JSON.stringify(r.value),
    explanation: r.explanation, obstacles: null, remarks: null, status: 'draft', version: 1, updated_by: 'bench',
    updated_at: now, comment: null, late: false, submitted_at: null,
  }));
  const t0 = performance.now();
  // 15 parameters a row: 4,000 rows stay under PostgreSQL's 65,535 parameters per statement.
  for (let i = 0; i < rows.length; i += 4_000) await db.insertInto('reports').values(rows.slice(i, i + 4_000)).execute();
  return performance.now() - t0;
}

async function run(label: string, db: Db): Promise<void> {
  await migrateToLatest(db);
  await inTransaction(db, (tx) => putAssessment(tx, bigAssessment(), { actor: 'bench', now: new Date() }));
  await inTransaction(db, (tx) => putAssessment(tx, smallAssessment(), { actor: 'bench', now: new Date() }));
  const units = [...Array.from({ length: BATCHES + 4 }, (_, i) => `u${i}`), ...Array.from({ length: 500 }, (_, i) => `s${i}`)];
  await createUser(db, { username: 'r', name: 'r', password: 'benchbench', roles: ['reporter'], units }, { actor: 'bench', now: new Date(), cost: COST });
  const app = await buildApp({ db, rateLimitPerMinute: false, writesPerMinutePerUser: false, batchBodyLimit: 64 * 1024 * 1024 });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const token = ((await (await fetch(`${base}/api/v1/sessions`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'r', password: 'benchbench' }),
  })).json()) as { token: string }).token;
  const auth = { authorization: `Bearer ${token}` };
  const url = (unit: string) => `${base}/api/v1/assessments/bench/rounds/6/units/${unit}/reports`;

  // 1. Ingestion.
  let apiMs = 0;
  for (let b = 0; b < BATCHES; b++) {
    const body = JSON.stringify({ action: 'save', rows: rowsFor(ROWS) });
    const t0 = performance.now();
    const res = await fetch(url(`u${b}`), { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body });
    const json = (await res.json()) as { results: { outcome: string }[] };
    apiMs += performance.now() - t0;
    if (json.results.filter((r) => r.outcome === 'accepted').length !== ROWS) throw new Error('a bench batch was not fully accepted');
  }
  const apiRate = (BATCHES * ROWS) / (apiMs / 1000);
  let plainMs = 0;
  for (let b = 0; b < BATCHES; b++) plainMs += await plainInsert(db, `plain${b}`);
  const plainRate = (BATCHES * ROWS) / (plainMs / 1000);
  console.log(`${label}: API batches of ${ROWS} rows: ${Math.round(apiRate)} rows/s; plain INSERT: ${Math.round(plainRate)} rows/s; ` +
    `ratio plain/API ${(plainRate / apiRate).toFixed(1)}×`);

  // 2. Latency with 50 clients. GET reads the 20 rows of s0; each POST stores one new row (s1 i0, s1 i1, … s499 i19).
  const small = (unit: string) => `/api/v1/assessments/small/rounds/6/units/${unit}/reports`;
  await fetch(base + small('s0'), {
    method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ action: 'save', rows: rowsFor(20) }),
  });
  const get = await autocannon({ url: base + small('s0'), connections: 50, duration: 10, headers: auth });
  let next = 20;
  const post = await autocannon({
    url: base,
    connections: 50,
    amount: 5_000,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = next++;
          return {
            ...req,
            path: small(`s${Math.floor(n / 20)}`),
            headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomBytes(12).toString('hex') },
            body: JSON.stringify({ action: 'save', rows: [{ indicatorId: `i${n % 20}`, value: 3, baseVersion: 0 }] }),
          };
        },
      },
    ],
  });
  const line = (name: string, r: autocannon.Result) =>
    `${label}: ${name} with 50 clients: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s, ` +
    `${r.non2xx} non-2xx, ${r.errors} errors`;
  console.log(line('GET …/reports (20 rows)', get));
  console.log(line('POST …/reports (1 new row)', post));
  await app.close();
}

async function main(): Promise<void> {
  const embedded = openDatabase({ kind: 'memory' });
  try {
    await run('PGlite', embedded);
  } finally {
    await embedded.destroy();
  }
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.log('PostgreSQL: skipped (set DATABASE_URL to a server where this user may create databases)');
    return;
  }
  const name = `scorebook_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pg = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 20 });
  try {
    await run('PostgreSQL', pg);
  } finally {
    await pg.destroy();
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

/**
 * What one 10,000-row save batch costs in CPU, beside a plain multi-row INSERT of the same rows: wall time, the
 * server process's CPU (its main thread apart: HTTP, JSON, checks; the rest is PGlite's worker thread and GC), and
 * on PostgreSQL the CPU of the database's backends (from /proc, so the server must run on this machine). The batch
 * goes through HTTP to the product's app (buildApp), as bench.ts sends it. Not part of npm test:
 *   node --import tsx test/server/ingest.measure.ts            (DATABASE_URL for PostgreSQL as well)
 *   BATCHES=6 PROFILE=batch.cpuprofile node --import tsx test/server/ingest.measure.ts   (profile of one warm batch)
 * The first batch warms the process (JIT, the cached assessment) and is left out of the averages.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../../src/server/app';
import type { Db } from '../../src/server/db/connect';
import { inTransaction } from '../../src/server/db/transaction';
import { putAssessment } from '../../src/server/store/assessments';
import { createUser } from '../../src/server/store/users';
import { sql } from 'kysely';
import { onEachDatabase } from '../bench/databases';
import { bigAssessment, insertPlain, plainRows, ROWS, rowsFor } from './ingestWorkload';

const BATCHES = Number(process.env.BATCHES ?? 4);
const TICK_MS = 1000 / 100; // USER_HZ: /proc times are in clock ticks of 10 ms.

/** utime + stime of a process or thread, in ms. */
function procMs(path: string): number {
  try {
    const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

interface Sample {
  wall: number;
  process: number;
  main: number;
  backends: number;
}

async function sampler(db: Db, postgres: boolean): Promise<() => Promise<Sample>> {
  const pids = async () =>
    postgres
      ? (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db)).rows.map((r) => r.pid)
      : [];
  const now = async (): Promise<Sample> => {
    const cpu = process.cpuUsage();
    let backends = 0;
    for (const pid of await pids()) backends += procMs(`/proc/${pid}/stat`);
    return {
      wall: performance.now(),
      process: (cpu.user + cpu.system) / 1000,
      main: procMs(`/proc/self/task/${process.pid}/stat`),
      backends,
    };
  };
  return now;
}

const minus = (a: Sample, b: Sample): Sample => ({
  wall: a.wall - b.wall,
  process: a.process - b.process,
  main: a.main - b.main,
  backends: a.backends - b.backends,
});

function print(label: string, what: string, samples: Sample[], postgres: boolean): void {
  const avg = (k: keyof Sample) => samples.reduce((s, x) => s + x[k], 0) / samples.length;
  console.log(
    `${label}: ${what}: ${avg('wall').toFixed(0)} ms wall (${Math.round(ROWS / (avg('wall') / 1000))} rows/s), ` +
      `server process CPU ${avg('process').toFixed(0)} ms (main thread ${avg('main').toFixed(0)} ms)` +
      (postgres ? `, PostgreSQL backends CPU ${avg('backends').toFixed(0)} ms` : '') +
      ` — mean of ${samples.length}`,
  );
}

async function run(label: string, db: Db): Promise<void> {
  const postgres = label === 'PostgreSQL';
  const now = new Date();
  await inTransaction(db, (tx) => putAssessment(tx, bigAssessment(BATCHES), { actor: 'bench', now }));
  const units = Array.from({ length: BATCHES }, (_, i) => `u${i}`);
  await createUser(
    db,
    { username: 'r', name: 'r', password: 'benchbench', roles: ['reporter'], units },
    { actor: 'bench', now, cost: { log2N: 4, r: 1, p: 1 } },
  );
  const app = await buildApp({ db, rateLimitPerMinute: false, writesPerMinutePerUser: false, batchBodyLimit: 64 * 1024 * 1024 });
  const base = await app.listen({ port: Number(process.env.PORT ?? 4140), host: '127.0.0.1' });
  const login = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'r', password: 'benchbench' }),
  });
  const { token } = (await login.json()) as { token: string };
  const sample = await sampler(db, postgres);
  const profiler = process.env.PROFILE ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
  }

  const api: Sample[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const body = JSON.stringify({ action: 'save', rows: rowsFor(ROWS) });
    const profiled = profiler && b === 1 && label === (process.env.PROFILE_ON ?? 'PGlite');
    if (profiled) await profiler.post('Profiler.start');
    const t0 = await sample();
    const res = await fetch(`${base}/api/v1/assessments/bench/rounds/6/units/u${b}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body,
    });
    const text = await res.text();
    const t1 = await sample();
    if (profiled) writeFileSync(process.env.PROFILE!, JSON.stringify((await profiler.post('Profiler.stop')).profile));
    if (res.status !== 200) throw new Error(`${res.status} ${text.slice(0, 300)}`);
    if (b > 0) api.push(minus(t1, t0));
  }
  const plain: Sample[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const rows = plainRows(`plain${b}`, now);
    const t0 = await sample();
    await insertPlain(db, rows);
    const t1 = await sample();
    if (b > 0) plain.push(minus(t1, t0));
  }
  print(label, `API save batch of ${ROWS} rows`, api, postgres);
  print(label, `plain INSERT of ${ROWS} rows`, plain, postgres);
  await app.close();
}

onEachDatabase(run, { poolSize: 4 }).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

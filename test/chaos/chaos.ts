/**
 * `npm run test:chaos`: two real `scorebook serve` processes on one PostgreSQL database (DATABASE_URL) under a
 * mixed load of 50 clients — sign-ins, report reads, save batches under Idempotency-Keys through the real
 * client (src/api: 5xx and lost answers retried under the same key; a batch still unconfirmed is kept and sent
 * again before anything new, as the CLI and the pane do) — while the database terminates their connections
 * again and again, the PostgreSQL cluster is restarted twice (`pg_ctl restart -m immediate`), and one `serve` is
 * killed (SIGKILL) inside its own batch transaction and started again. Then it proves, from the database and
 * through the API, that every acknowledged row write is stored exactly once, that no `serve` died on its own and
 * that `/healthz` is green on both, and prints the figures. Exit 0 only if all of that holds.
 *
 * Needs: DATABASE_URL (a role that may create databases and terminate backends), and a way to restart the
 * cluster: PG_BIN and PG_DIR (pg_ctl -D $PG_DIR/data, run as the postgres user when this runs as root, as
 * .ci/run starts it) or SCOREBOOK_CHAOS_PG_RESTART (a shell command). Optional: SCOREBOOK_CHAOS_SECONDS (load
 * time, default 25), SCOREBOOK_CHAOS_PORTS (default 8801,8802).
 */
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { BatchBody } from '../../src/api';
import { ScorebookClient } from '../../src/api/client';
import { isApiError } from '../../src/api/clientError';
import type { FetchLike } from '../../src/api/http';
import type { BatchTarget } from '../../src/api/pending';
import { openDatabase } from '../../src/server/db/connect';
import { inTransaction } from '../../src/server/db/transaction';
import { demoRounds } from '../../src/server/demo';
import { putAssessment } from '../../src/server/store/assessments';
import { createUser } from '../../src/server/store/users';
import { leafIndicators, readAssessment } from '../../src/domain';
import { freshPostgresDatabase, ROOT, startServe, type ServeProcess } from '../server/serveProcess';

const CLIENTS = 50;
const SECONDS = Number(process.env.SCOREBOOK_CHAOS_SECONDS ?? 25);
const PORTS = (process.env.SCOREBOOK_CHAOS_PORTS ?? '8801,8802').split(',').map(Number);
const AID = 'chaos-2567';
const PASSWORD = 'chaos-password';
const TRAP_PREFIX = 'chaos-trap-';
/** After the load ends, how long batches still unconfirmed are resent before they count as lost to the run. */
const DRAIN_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const since = (t0: number) => (Date.now() - t0) / 1000;

function restartCommand(): string {
  if (process.env.SCOREBOOK_CHAOS_PG_RESTART) return process.env.SCOREBOOK_CHAOS_PG_RESTART;
  const { PG_BIN, PG_DIR } = process.env;
  if (!PG_BIN || !PG_DIR)
    throw new Error('set PG_BIN and PG_DIR (pg_ctl -D $PG_DIR/data), or SCOREBOOK_CHAOS_PG_RESTART, so the cluster can be restarted');
  const cmd = `${PG_BIN}/pg_ctl -D ${PG_DIR}/data -l ${PG_DIR}/log -m immediate -w restart`;
  return process.getuid?.() === 0 ? `su postgres -c "${cmd}"` : cmd;
}

// ---- figures -------------------------------------------------------------------------------------------
const figures = {
  requests: 0,
  status5xx: 0,
  networkErrors: 0,
  backendsTerminated: 0,
  clusterRestarts: 0,
  unconfirmed: 0,
  unexpectedErrors: [] as string[],
  recovery: [] as { fault: string; seconds: number }[],
};

/**
 * fetch over node:http from a loopback address of the client's own (127.0.1.x), so the per-address limits
 * see 50 clients, not one; each request goes to one of the instances at random, as a load balancer would send
 * it, and a refused connection (an instance down) is a network failure the client retries.
 */
function balancedFetch(localAddress: string, ports: () => readonly number[]): FetchLike {
  const agent = new http.Agent({ keepAlive: true, localAddress });
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const choice = ports();
      const target = new URL(url);
      target.port = String(choice[Math.floor(Math.random() * choice.length)]);
      figures.requests++;
      const req = http.request(
        target,
        { method: init.method, headers: init.headers as Record<string, string>, agent, signal: init.signal ?? undefined },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 500) figures.status5xx++;
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
            resolve(new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers }));
          });
        },
      );
      req.on('error', (e) => {
        figures.networkErrors++;
        reject(e);
      });
      if (typeof init.body === 'string') req.write(init.body);
      req.end();
    });
}

// ---- one simulated user --------------------------------------------------------------------------------
interface Ack {
  readonly unit: string;
  readonly indicatorId: string;
  readonly version: number;
  readonly remarks: string;
}

class ChaosUser {
  readonly client: ScorebookClient;
  readonly target: BatchTarget;
  readonly versions = new Map<string, number>();
  readonly acks: Ack[] = [];
  private seq = 0;
  /** A batch sent whose answer never came: sent again, same key, before anything new. */
  private pending: { key: string; body: BatchBody } | undefined;

  constructor(
    readonly index: number,
    readonly username: string,
    readonly unit: string,
    private readonly indicators: readonly string[],
    ports: () => readonly number[],
  ) {
    this.target = { aid: AID, round: 6, unit };
    this.client = new ScorebookClient({
      baseUrl: `http://127.0.0.1:${PORTS[0]}`,
      fetch: balancedFetch(`127.0.1.${index + 1}`, ports),
      timeoutMs: 20_000,
      reauthenticate: async () => this.client.signIn(this.username, PASSWORD),
    });
  }

  async signIn(giveUpAt = Date.now() + DRAIN_MS): Promise<void> {
    for (;;) {
      if (Date.now() > giveUpAt) throw new Error(`${this.username}: could not sign in until the end of the run`);
      try {
        await this.client.signIn(this.username, PASSWORD);
        return;
      } catch (e) {
        // Not retried by the client (a person presses the button again): do what the person would.
        if (!isApiError(e) || !e.retryable) throw e;
        await sleep(500);
      }
    }
  }

  /**
   * One batch to the end: sent, and while no answer comes, sent again under the same key — until `giveUpAt`,
   * after which it counts as unconfirmed (the servers never came back).
   */
  async send(key: string, body: BatchBody, giveUpAt: number): Promise<void> {
    this.pending = { key, body };
    for (;;) {
      if (Date.now() > giveUpAt) {
        figures.unconfirmed++;
        figures.unexpectedErrors.push(`${this.username} ${key}: no answer until the end of the run`);
        return;
      }
      try {
        const answer = await this.client.postBatch(this.target, body, key);
        this.pending = undefined;
        answer.results.forEach((r) => {
          if (r.outcome !== 'accepted' || r.version === undefined) {
            figures.unexpectedErrors.push(`${this.username} ${key} ${r.indicatorId}: ${r.outcome}`);
            return;
          }
          const row = body.rows.find((x) => x.indicatorId === r.indicatorId);
          this.versions.set(r.indicatorId, r.version);
          this.acks.push({ unit: this.unit, indicatorId: r.indicatorId, version: r.version, remarks: row?.remarks ?? '' });
        });
        return;
      } catch (e) {
        if (!isApiError(e) || !e.retryable) {
          this.pending = undefined;
          figures.unexpectedErrors.push(`${this.username} ${key}: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        // The client's own retries ran out during an outage: the batch stays pending and goes again.
        await sleep(1_000);
      }
    }
  }

  nextBatch(): BatchBody {
    const count = 1 + Math.floor(Math.random() * 3);
    const ids = [
      ...new Set(Array.from({ length: count }, () => this.indicators[Math.floor(Math.random() * this.indicators.length)] as string)),
    ];
    this.seq++;
    return {
      action: 'save',
      rows: ids.map((id) => ({
        indicatorId: id,
        value: null,
        remarks: `${this.username} #${this.seq} ${id}`,
        baseVersion: this.versions.get(id) ?? 0,
      })),
    } as BatchBody;
  }

  async run(until: number): Promise<void> {
    const giveUpAt = until + DRAIN_MS;
    await this.signIn(giveUpAt);
    while (Date.now() < until) {
      const r = Math.random();
      try {
        if (r < 0.05) await this.signIn(giveUpAt);
        else if (r < 0.4) await this.client.listReports(this.target);
        else await this.send(randomUUID(), this.nextBatch(), giveUpAt);
      } catch (e) {
        // A read whose retries ran out during an outage is lost to nobody; anything else is a finding.
        if (!isApiError(e) || !e.retryable)
          figures.unexpectedErrors.push(`${this.username}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await sleep(50 + Math.random() * 300);
    }
    if (this.pending) await this.send(this.pending.key, this.pending.body, giveUpAt);
  }
}

// ---- faults --------------------------------------------------------------------------------------------
async function terminateBackends(adminUrl: string, dbName: string): Promise<number> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const r = await c.query<{ ok: boolean }>(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [dbName],
    );
    return r.rows.filter((x) => x.ok).length;
  } finally {
    await c.end();
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return r.status === 200;
  } catch {
    return false;
  }
}

/** Seconds from `t0` until every port answers /healthz 200 (polled every 100 ms, at most 30 s). */
async function recoveredAfter(t0: number, ports: readonly number[]): Promise<number> {
  while (Date.now() - t0 < 30_000) {
    if ((await Promise.all(ports.map(healthy))).every(Boolean)) return since(t0);
    await sleep(100);
  }
  return Number.POSITIVE_INFINITY;
}

// ---- the run -------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL must point at a PostgreSQL server');
  const restart = restartCommand();
  const started = Date.now();
  const db = await freshPostgresDatabase('scorebook_chaos');
  const dataDir = mkdtempSync(join(tmpdir(), 'scorebook-chaos-'));
  const env = { ...process.env, DATABASE_URL: db.url };
  const [portA, portB] = PORTS as [number, number];
  const serves: ServeProcess[] = [];
  const deliberate = new Set<ServeProcess>();
  let instanceB: ServeProcess | undefined;
  try {
    const instanceA = await startServe(portA, dataDir, env);
    serves.push(instanceA);

    // 51 reporters, each of a unit of its own (the 51st sets the trap), on the sample's indicators.
    const sample = JSON.parse(readFileSync(join(ROOT, 'assets', 'samples', 'pte-2567.assessment.json'), 'utf8')) as Record<string, unknown>;
    const read = readAssessment(sample);
    if (!read.ok) throw new Error('the pte-2567 sample does not read');
    const indicators = leafIndicators(read.value).map((i) => i.id);
    const units = Array.from({ length: CLIENTS + 1 }, (_, i) => ({ id: `u${String(i + 1).padStart(2, '0')}`, name: `หน่วยงาน ${i + 1}` }));
    const seedDb = openDatabase({ kind: 'postgres', url: db.url });
    const now = new Date();
    const put = await inTransaction(seedDb, (tx) =>
      putAssessment(tx, { ...sample, id: AID, units, rounds: demoRounds(now) }, { actor: 'chaos', now }),
    );
    if (!put.ok) throw new Error(`chaos assessment: ${put.issues.map((i) => i.message.en).join('; ')}`);
    // A cheaper scrypt than production, so 51 accounts and the sign-ins stay within the run's time on 2 cores.
    for (const u of units) {
      await createUser(
        seedDb,
        { username: `chaos.${u.id}`, name: u.name, password: PASSWORD, roles: ['reporter'], units: [u.id] },
        { actor: 'chaos', now, cost: { log2N: 12, r: 8, p: 1 } },
      );
    }
    await seedDb.destroy();

    // The second instance carries the test-only pause (src/server/testHooks.ts) for the trap's key.
    instanceB = await startServe(portB, dataDir, { ...env, SCOREBOOK_TEST_PAUSE_IN_BATCH: TRAP_PREFIX }, []);
    serves.push(instanceB);
    let up: readonly number[] = [portA, portB];
    const users = units.slice(0, CLIENTS).map((u, i) => new ChaosUser(i, `chaos.${u.id}`, u.id, indicators, () => up));
    const trapUnit = units[CLIENTS]!.id;
    const trap = new ChaosUser(CLIENTS, `chaos.${trapUnit}`, trapUnit, indicators, () => [portB]);
    await trap.signIn();

    process.stderr.write(`chaos: ${CLIENTS} clients for ${SECONDS} s on ports ${portA}, ${portB} (database ${db.name})\n`);
    const t0 = Date.now();
    const until = t0 + SECONDS * 1000;
    const load = Promise.all(users.map((u) => u.run(until)));

    const at = async (seconds: number) => sleep(Math.max(0, t0 + seconds * 1000 - Date.now()));
    const terminate = async (label: string) => {
      const t = Date.now();
      figures.backendsTerminated += await terminateBackends(adminUrl, db.name);
      figures.recovery.push({ fault: label, seconds: await recoveredAfter(t, up) });
    };
    const restartCluster = async (label: string) => {
      const t = Date.now();
      // Not execSync: the 50 clients run on this event loop and keep sending while the cluster restarts.
      await promisify(exec)(restart);
      figures.clusterRestarts++;
      const back = since(t);
      figures.recovery.push({ fault: `${label}, of which pg_ctl restart ${back.toFixed(1)} s`, seconds: await recoveredAfter(t, up) });
    };
    const scale = SECONDS / 25;
    await at(2 * scale);
    await terminate('backends terminated (1)');
    await at(5 * scale);
    await terminate('backends terminated (2)');
    await at(7 * scale);
    await restartCluster('cluster restart -m immediate (1)');

    // kill -9 of instance B inside a batch's transaction, then B started again (without the pause).
    await at(11 * scale);
    const trapKey = `${TRAP_PREFIX}${randomUUID()}`;
    const trapBody = trap.nextBatch();
    const trapSent = trap.send(trapKey, trapBody, until + DRAIN_MS);
    const b = instanceB;
    try {
      await b.waitFor(new RegExp(`batch ${trapKey} paused before its commit`), 30_000);
      up = [portA];
      deliberate.add(b);
      const tKill = Date.now();
      await b.kill('SIGKILL');
      instanceB = await startServe(portB, dataDir, env, []);
      serves.push(instanceB);
      up = [portA, portB];
      figures.recovery.push({ fault: 'serve killed inside a transaction, restarted', seconds: await recoveredAfter(tKill, up) });
    } catch (e) {
      figures.unexpectedErrors.push(`the kill inside a transaction: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`);
    }
    // The trap's client was pinned to B: its retries reach the new B, under the same key.
    await trapSent;

    await at(14 * scale);
    await terminate('backends terminated (3)');
    await at(17 * scale);
    await restartCluster('cluster restart -m immediate (2)');
    await at(21 * scale);
    await terminate('backends terminated (4)');
    await load;
    const loadSeconds = since(t0);

    // ---- the proof ----
    const all = [...users, trap];
    const acks = all.flatMap((u) => u.acks);
    const check = new Client({ connectionString: db.url });
    await check.connect();
    const events = (
      await check.query<{ unit_id: string; indicator_id: string; remarks: string | null; version: number }>(
        "select unit_id, indicator_id, new_value->>'remarks' as remarks, (new_value->>'version')::int as version from audit_events where assessment_id = $1 and action = 'report.save'",
        [AID],
      )
    ).rows;
    const stored = (
      await check.query<{ unit_id: string; indicator_id: string; remarks: string | null; version: number }>(
        'select unit_id, indicator_id, remarks, version from reports where assessment_id = $1',
        [AID],
      )
    ).rows;
    await check.end();

    const eventCount = new Map<string, number>();
    for (const e of events)
      eventCount.set(
        `${e.unit_id}/${e.indicator_id}/${e.version}/${e.remarks}`,
        (eventCount.get(`${e.unit_id}/${e.indicator_id}/${e.version}/${e.remarks}`) ?? 0) + 1,
      );
    const ackKeys = new Set(acks.map((a) => `${a.unit}/${a.indicatorId}/${a.version}/${a.remarks}`));
    let lost = 0;
    let duplicated = 0;
    for (const k of ackKeys) {
      const n = eventCount.get(k) ?? 0;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
    }
    // Writes stored that nobody was told about would be a batch applied twice under two versions.
    const unacknowledged = [...eventCount.keys()].filter((k) => !ackKeys.has(k)).length;
    // Each row's stored state is its last acknowledged write.
    const last = new Map<string, Ack>();
    for (const a of acks) {
      const k = `${a.unit}/${a.indicatorId}`;
      if ((last.get(k)?.version ?? 0) < a.version) last.set(k, a);
    }
    let wrongState = stored.length === last.size ? 0 : Math.abs(stored.length - last.size);
    for (const s of stored) {
      const a = last.get(`${s.unit_id}/${s.indicator_id}`);
      if (!a || a.version !== s.version || a.remarks !== s.remarks) wrongState++;
    }
    // And through the API: each client reads back exactly the versions it was told.
    let apiMismatch = 0;
    for (const u of all) {
      try {
        const rows = await u.client.listReports(u.target);
        const seen = new Map(rows.map((r) => [r.indicatorId, r.version]));
        if (seen.size !== u.versions.size || [...u.versions].some(([id, v]) => seen.get(id) !== v)) apiMismatch++;
      } catch {
        apiMismatch++;
      }
    }

    const died = serves.filter((s) => !s.alive() && !deliberate.has(s)).length;
    const green = (await Promise.all([portA, portB].map(healthy))).every(Boolean);
    const recoveries = figures.recovery
      .map((r) => `    ${r.fault}: ${Number.isFinite(r.seconds) ? r.seconds.toFixed(1) : 'never'} s`)
      .join('\n');
    const ok =
      lost === 0 &&
      duplicated === 0 &&
      unacknowledged === 0 &&
      wrongState === 0 &&
      apiMismatch === 0 &&
      died === 0 &&
      green &&
      figures.unexpectedErrors.length === 0 &&
      figures.recovery.every((r) => Number.isFinite(r.seconds));
    process.stdout.write(
      [
        `chaos: ${CLIENTS} clients, ${loadSeconds.toFixed(1)} s of load, 2 serve instances on one PostgreSQL database`,
        `  requests (HTTP attempts, retries included): ${figures.requests}`,
        `  5xx answers: ${figures.status5xx}; no answer (connection refused or reset): ${figures.networkErrors}`,
        `  faults: ${figures.backendsTerminated} backends terminated in 4 rounds, ${figures.clusterRestarts} cluster restarts (-m immediate), 1 serve killed (SIGKILL) inside a batch transaction`,
        `  rows acknowledged: ${acks.length} (${last.size} distinct rows); batches never confirmed: ${figures.unconfirmed}`,
        `  rows lost: ${lost}; duplicated: ${duplicated}; stored but never acknowledged: ${unacknowledged}; stored state not the last acknowledged: ${wrongState}; clients whose read-back differs: ${apiMismatch}`,
        `  serve processes that died on their own: ${died}; /healthz green on both: ${green ? 'yes' : 'NO'}`,
        `  seconds to recover (until /healthz is green on every instance):`,
        recoveries,
        ...(figures.unexpectedErrors.length
          ? [`  unexpected errors (${figures.unexpectedErrors.length}):`, ...figures.unexpectedErrors.slice(0, 20).map((e) => `    ${e}`)]
          : []),
        `  total run: ${since(started).toFixed(0)} s — ${ok ? 'PASS' : 'FAIL'}`,
        '',
      ].join('\n'),
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const s of serves) await s.kill('SIGKILL');
    await db.drop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`chaos: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});

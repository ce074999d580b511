/**
 * The crash test: a real `scorebook serve` process is killed (SIGKILL) while batches are in flight, started
 * again on the same data, and every batch is sent again with its key. Afterwards every row is stored exactly
 * once, at version 1, and the audit log has exactly one event per row.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Json } from './client';
import { leafIndicators, readAssessment } from '../../src/domain';

const ROOT = join(__dirname, '..', '..');

function leafIds(): string[] {
  const read = readAssessment(JSON.parse(readFileSync(join(ROOT, 'assets', 'samples', 'pte-2567.assessment.json'), 'utf8')));
  if (!read.ok) throw new Error('pte-2567 sample does not read');
  return leafIndicators(read.value).map((i) => i.id);
}

async function startServe(port: number, dataDir: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  // node --import tsx: one process, so SIGKILL kills the server itself (the tsx binary would leave its child running).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--data', dataDir, '--demo'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('Scorebook reporting API on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
  return child;
}

async function call(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Json }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

export function crashCases(kind: 'embedded' | 'postgres'): void {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let dropDb: (() => Promise<void>) | undefined;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'scorebook-crash-'));
    env = { ...process.env };
    delete env.DATABASE_URL;
    if (kind === 'postgres') {
      const base = process.env.DATABASE_URL as string;
      const name = `scorebook_crash_${process.pid}`;
      const admin = new Client({ connectionString: base });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(base);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      dropDb = async () => {
        const c = new Client({ connectionString: base });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
    }
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await dropDb?.();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  test('batches in flight when the server is killed are applied exactly once after a restart and a retry', async () => {
    const port = 18_000 + (process.pid % 1000) + (kind === 'postgres' ? 1000 : 0);
    const ids = leafIds();
    child = await startServe(port, dataDir, env);
    const tokens: Record<string, string> = {};
    for (const unit of ['pte', 'cbi']) {
      tokens[unit] = (await call(port, 'POST', '/api/v1/sessions', { username: `${unit}.reporter`, password: 'demo' })).json.token;
    }
    const batches = ['pte', 'cbi'].flatMap((unit) =>
      ids.map((id) => ({
        unit,
        key: `crash-${unit}-${id}`,
        body: { action: 'save', rows: [{ indicatorId: id, value: null, remarks: `${unit} ${id}`, baseVersion: 0 }] },
      })),
    );
    const send = (p: number, b: (typeof batches)[number]) =>
      call(p, 'POST', `/api/v1/assessments/pte-2567/rounds/6/units/${b.unit}/reports`, b.body, {
        authorization: `Bearer ${tokens[b.unit]}`, 'idempotency-key': b.key,
      });

    // Fire everything, and kill the server as soon as the first answer is back: the rest are in flight.
    const inFlight = batches.map((b) => send(port, b).then((r) => r, () => undefined));
    await Promise.race(inFlight);
    const killed = child;
    killed.kill('SIGKILL');
    await new Promise((r) => killed.once('exit', r));
    const before = await Promise.all(inFlight);
    expect(before.some((r) => r?.status === 200)).toBe(true);

    child = await startServe(port, dataDir, env);
    const after = await Promise.all(batches.map((b) => send(port, b)));
    for (const r of after) {
      expect(r.status).toBe(200);
      expect(r.json.results[0]).toMatchObject({ outcome: 'accepted', version: 1 });
    }
    // Answers that reached the client before the kill are the answers replayed now.
    before.forEach((r, i) => {
      if (r?.status === 200) expect(after[i]?.json).toEqual(r.json);
    });

    for (const unit of ['pte', 'cbi']) {
      const rows = (await call(port, 'GET', `/api/v1/assessments/pte-2567/rounds/6/units/${unit}/reports`, undefined, { authorization: `Bearer ${tokens[unit]}` })).json.reports;
      expect(rows.map((r: Json) => r.indicatorId).sort()).toEqual([...ids].sort());
      expect(rows.every((r: Json) => r.version === 1 && r.remarks === `${unit} ${r.indicatorId}`)).toBe(true);
    }
    const central = (await call(port, 'POST', '/api/v1/sessions', { username: 'central', password: 'demo' })).json.token;
    const events = (await call(port, 'GET', '/api/v1/audit?assessment=pte-2567&limit=5000', undefined, { authorization: `Bearer ${central}` })).json.events;
    const saves = events.filter((e: Json) => e.action === 'report.save').map((e: Json) => `${e.unitId}/${e.indicatorId}`);
    expect(saves.sort()).toEqual(batches.map((b) => `${b.unit}/${b.body.rows[0]?.indicatorId}`).sort());
  }, 120_000);
}

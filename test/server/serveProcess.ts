/**
 * Real `scorebook serve` processes for the tests that kill them or their database: started with
 * `node --import tsx` (one process, so SIGKILL kills the server itself — the tsx binary would leave its child
 * running), their standard error kept so a test can wait for a line, and plain HTTP calls to them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Json } from './client';

export const ROOT = join(__dirname, '..', '..');

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything the process has written to standard error so far. */
  stderr(): string;
  /** Resolves when standard error has a line matching `pattern` (also one written before the call). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Still running: it has not exited (a crash, an unhandled error) since it started. */
  alive(): boolean;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServe(
  port: number,
  dataDir: string,
  env: NodeJS.ProcessEnv,
  extra: readonly string[] = ['--demo'],
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--data', dataDir, ...extra],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  let exited = false;
  const watchers = new Set<() => void>();
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of watchers) w();
  });
  child.once('exit', () => {
    exited = true;
    for (const w of watchers) w();
  });
  const waitFor = (pattern: RegExp, timeoutMs = 60_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no line matching ${pattern} within ${timeoutMs} ms: ${err}`)), timeoutMs);
      const check = (): void => {
        if (pattern.test(err)) done();
        else if (exited) done(new Error(`serve exited (${child.exitCode ?? child.signalCode}) before ${pattern}: ${err}`));
      };
      const done = (e?: Error): void => {
        clearTimeout(timer);
        watchers.delete(check);
        if (e) reject(e);
        else resolve();
      };
      watchers.add(check);
      check();
    });
  await waitFor(/Scorebook reporting API on/);
  return {
    child,
    port,
    stderr: () => err,
    waitFor,
    alive: () => !exited,
    kill: async (signal = 'SIGKILL') => {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await gone;
    },
  };
}

export async function call(
  port: number,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: Json }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text === '' ? undefined : JSON.parse(text) };
}

/** A new database on the PostgreSQL server of DATABASE_URL, and how to drop it. */
export async function freshPostgresDatabase(prefix: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL must point at a PostgreSQL server');
  const name = `${prefix}_${process.pid}_${Date.now() % 100_000}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

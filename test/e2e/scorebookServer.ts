/**
 * The reporting API for the end-to-end tests: `scorebook serve --demo` as a child process on the embedded
 * database (PGlite) in a data folder, so it can be killed (SIGKILL, no goodbye) and started again on the same port
 * and data, and a small Node `fetch` client of its own to check what the server holds.
 *
 * The server is started as `node bin/scorebook.js serve` (what `npx scorebook serve` runs), so the process the test
 * kills is the server itself, not an npx wrapper that would leave it running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { paths } from '../../src/api/routes';

const ROOT = resolve(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything it wrote, for a failing test's message. */
  readonly log: () => string;
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>;
}

/** Starts the demo server and waits until it answers (polled with a generous limit, not a fixed sleep). */
export async function startScorebook(o: { port: number; dataDir: string; corsOrigin: string }): Promise<RunningServer> {
  // The embedded database, whatever the caller's environment points at.
  const env: NodeJS.ProcessEnv = { ...process.env, SCOREBOOK_CORS_ORIGIN: o.corsOrigin };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'scorebook.js'), 'serve', '--demo', '--port', String(o.port), '--data', o.dataDir],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const url = `http://127.0.0.1:${o.port}`;
  for (let i = 0; i < 600; i++) {
    if (gone) throw new Error(`the server exited while starting:\n${output}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return { url, process: child, log: () => output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer within two minutes:\n${output}`);
}

/** Kills it without a chance to finish anything, and waits until the process is gone. */
export async function killHard(server: RunningServer): Promise<void> {
  if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
  await server.exited;
}

/** Stops it politely (the embedded database closes cleanly). */
export async function stopScorebook(server: RunningServer | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null || server.process.signalCode !== null) return;
  server.process.kill('SIGTERM');
  const timer = setTimeout(() => server.process.kill('SIGKILL'), 15_000);
  await server.exited;
  clearTimeout(timer);
}

export interface StoredRow {
  indicatorId: string;
  value: unknown;
  status: string;
  version: number;
  updatedBy: string;
  comment: string | null;
}

export interface AuditRow {
  id: number;
  actor: string;
  action: string;
  indicatorId: string | null;
  old: unknown;
  new: unknown;
}

export interface Target {
  aid: string;
  round: number;
  unit: string;
}

/** A second client of the API, in Node, with its own session. */
export class ApiClient {
  private constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  static async signIn(url: string, username: string, password = 'demo'): Promise<ApiClient> {
    const r = await fetch(`${url}${paths.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (r.status !== 200 && r.status !== 201) throw new Error(`sign-in as ${username}: ${r.status} ${await r.text()}`);
    const { token } = (await r.json()) as { token: string };
    return new ApiClient(url, token);
  }

  private async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const r = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text) as T;
  }

  async reports(t: Target): Promise<Map<string, StoredRow>> {
    const { reports } = await this.call<{ reports: StoredRow[] }>('GET', paths.reports(t.aid, t.round, t.unit));
    return new Map(reports.map((r) => [r.indicatorId, r]));
  }

  /** Submits rows under a fresh idempotency key; each row's outcome. */
  async submit(
    t: Target,
    rows: { indicatorId: string; value: unknown; baseVersion: number; explanation?: string; obstacles?: string }[],
  ): Promise<{ indicatorId: string; outcome: string; version?: number }[]> {
    const { results } = await this.call<{ results: { indicatorId: string; outcome: string; version?: number }[] }>(
      'POST',
      paths.reports(t.aid, t.round, t.unit),
      { action: 'submit', rows },
      { 'idempotency-key': `e2e-${crypto.randomUUID()}` },
    );
    return results;
  }

  /** The audit log of one unit in one assessment, oldest first (every page). */
  async audit(assessment: string, unit: string): Promise<AuditRow[]> {
    const all: AuditRow[] = [];
    for (;;) {
      const after = all.length > 0 ? `&after=${all[all.length - 1]!.id}` : '';
      const { events } = await this.call<{ events: AuditRow[] }>(
        'GET',
        `${paths.audit}?assessment=${encodeURIComponent(assessment)}&unit=${encodeURIComponent(unit)}&limit=1000${after}`,
      );
      all.push(...events);
      if (events.length < 1000) return all;
    }
  }
}

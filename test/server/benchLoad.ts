/**
 * The latency bench's load generator (autocannon), in a process of its own: forked by test/server/bench.ts, it
 * takes one `LoadSpec` over IPC and answers with autocannon's result. Run beside the server in one process, the
 * generator's own work (building requests, parsing answers, its timers) shared the server's event loop and showed
 * up in the server's p99; apart, the server's figures and its CPU per request are the server's alone.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

/** The small assessment's rounds (bench.ts creates them): a POST to the API writes round 6's rows, then 9's, then 12's. */
export const SMALL_ROUNDS = [6, 9, 12];

export const smallReportsPath = (unit: string, round = 6) => `/api/v1/assessments/small/rounds/${round}/units/${unit}/reports`;

/**
 * Where the n-th POST goes, by name (a spec crosses the process boundary as JSON, a function cannot): the API's n-th
 * row is indicator n % 20 of unit s(n / 20) in round 6, then 9, then 12 (500 units each); the floor's, of unit f(n / 20).
 */
const POST_PATHS = {
  api: (n: number) => smallReportsPath(`s${Math.floor(n / 20) % 500}`, SMALL_ROUNDS[Math.floor(n / 10_000)] ?? 0),
  floor: (n: number) => `/floor/f${Math.floor(n / 20)}`,
} as const;

export interface LoadSpec {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers: Record<string, string>;
  /**
   * GET this path, or POST one new row (indicator n % 20, value 3) a request, to the paths named, n counting from
   * `from` (a later run over the same paths starts past the rows an earlier one wrote).
   */
  readonly load: { readonly get: string } | { readonly post: keyof typeof POST_PATHS; readonly from?: number };
  /** Requests a second over all connections (autocannon's overallRate); absent: as fast as answers come. */
  readonly rate?: number;
}

function generate(spec: LoadSpec): Promise<autocannon.Result> {
  const { url, connections, seconds: duration, headers, load } = spec;
  const paced = spec.rate === undefined ? {} : { overallRate: spec.rate };
  if ('get' in load) return autocannon({ url: url + load.get, connections, duration, headers, ...paced });
  const pathOf = POST_PATHS[load.post];
  let next = load.from ?? 20;
  return autocannon({
    url,
    connections,
    duration,
    ...paced,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = next++;
          return {
            ...req,
            path: pathOf(n),
            headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomBytes(12).toString('hex') },
            body: JSON.stringify({ action: 'save', rows: [{ indicatorId: `i${n % 20}`, value: 3, baseVersion: 0 }] }),
          };
        },
      },
    ],
  });
}

/** Runs `spec` in a child process (this file, under tsx) and resolves with its result once the child has exited. */
export function loadFromChild(spec: LoadSpec): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: autocannon.Result | undefined;
    child.on('message', (m) => {
      result = m as autocannon.Result;
    });
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`the load generator exited with ${code} and no result`))));
    child.send(spec);
  });
}

if (require.main === module) {
  process.once('message', (spec) => {
    generate(spec as LoadSpec).then(
      (result) => process.send!(result, () => process.disconnect()),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  });
}

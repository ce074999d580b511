/**
 * Runs the `scorebook` command on files written to a fresh temporary folder: `run` in this process (runCli with
 * buffers for its streams and an empty standard input), `runBin` as a user does (node + tsx on bin/scorebook.js),
 * for the few tests that check the process itself (its exit code, the bytes it writes).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/runCli';

const bin = join(__dirname, '../../bin/scorebook.js');

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command run in this process, as the bin runs it but on buffers. */
export async function runInProcess(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    env,
  });
  return { code, stdout, stderr };
}

export function cliHarness(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    /** Writes a file (JSON unless given text) and returns its path. */
    file(name: string, content: unknown): string {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    },
    run(...args: string[]): Promise<CliOutcome> {
      return runInProcess(args);
    },
    runBin(...args: string[]): CliOutcome {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

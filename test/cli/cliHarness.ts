/** Runs the `scorebook` bin as a user does (node + tsx), on files written to a fresh temporary folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(__dirname, '../../bin/scorebook.js');

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
    run(...args: string[]) {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

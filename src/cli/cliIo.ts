/**
 * What a command reads and writes. The bin passes the process's streams and environment; a test runs the CLI in
 * its own process with buffers, so no command reaches for `process.stdout`, `process.env` or `process.exit` (but
 * `serve`, whose signal handlers end the process it listens in).
 */
export interface TextSink {
  write(text: string): unknown;
}

export type CliStdin = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly stdin: CliStdin;
  readonly env: NodeJS.ProcessEnv;
}

/** One run of the CLI: its io and the exit code its command sets (0 unless one does). */
export interface CliRun extends CliIo {
  exitCode: number;
}

/** Ends the run with this exit code (Ctrl-C at the password prompt: 130) without ending the process. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

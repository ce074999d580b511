/**
 * The `scorebook` command: the same work as the add-in, on files (score, template, check), and the server.
 * Each command lives in its own module and registers itself in runCli; this is the process around it.
 */
import { runCli } from './runCli';

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then(
  (code) => {
    // exitCode, not exit(): output still queued for a pipe is written before the process ends, and `serve` keeps
    // running on its listening socket.
    process.exitCode = code;
  },
);

/** `scorebook serve [--port 8787] [--host 127.0.0.1] [--data DIR] [--demo]`: the reporting API. */
import { join } from 'node:path';
import type { Command } from 'commander';
import type { CliRun } from './cliIo';

interface ServeOptions {
  port: string;
  host: string;
  data: string;
  demo?: boolean;
}

export function registerServeCommand(program: Command, cli: CliRun): void {
  program
    .command('serve')
    .description('run the reporting API (PostgreSQL from DATABASE_URL, else an embedded database in --data) / เปิดบริการรับรายงาน')
    .option('--port <port>', 'port to listen on', '8787')
    .option('--host <host>', 'address to listen on (0.0.0.0 behind a load balancer)', '127.0.0.1')
    .option('--data <dir>', 'folder of the embedded database (ignored when DATABASE_URL is set)', './.scorebook-data')
    .option('--demo', 'load the sample assessments and the demo users (password "demo")')
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${options.port}"`);
      // The server's modules (Fastify, PGlite, pg) are loaded when the command runs, not by every command.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx runs import() as ESM, which does not load .ts
      const { startServer } = require('../server') as typeof import('../server');
      const {
        app,
        demo,
        storage,
        stop: stopServer,
      } = await startServer({
        dataDir: options.data,
        demo: options.demo ?? false,
        samplesDir: join(__dirname, '..', '..', 'assets', 'samples'),
        env: cli.env,
      });
      const stop = (): void => {
        void stopServer().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const address = await app.listen({ port, host: options.host });
      cli.stderr.write(`Scorebook reporting API on ${address} (${storage}); OpenAPI at ${address}/openapi.json\n`);
      if (demo) {
        cli.stderr.write(`demo: assessments ${demo.assessments.join(', ')}; users ${demo.users.join(', ')} (password "demo")\n`);
      }
    });
}

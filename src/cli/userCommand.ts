/**
 * `scorebook user add <username> --name <name> --roles reporter,approver --units pte,cbi`: creates a user in the
 * database `serve` uses (DATABASE_URL, else --data). The password comes from SCOREBOOK_PASSWORD or the first
 * line of standard input, never from the command line, where other users of the machine could read it.
 * With the embedded database, stop the server first: one process at a time may open its data folder, and the
 * folder's lock (server/db/folderLock.ts) refuses this command, naming the server's pid, while one runs.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliIo, CliRun } from './cliIo';
import { roleSchema, type Role } from '../api';

interface AddOptions {
  name: string;
  roles: string;
  units: string;
  data: string;
}

const list = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

async function readPassword(cli: CliIo): Promise<string> {
  const fromEnv = cli.env.SCOREBOOK_PASSWORD;
  if (fromEnv) return fromEnv;
  if (cli.stdin.isTTY) cli.stderr.write('password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of cli.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export function registerUserCommand(program: Command, cli: CliRun): void {
  const user = program.command('user').description('manage the users of the reporting API / จัดการผู้ใช้');
  user
    .command('add')
    .description('create a user; the password is read from SCOREBOOK_PASSWORD or standard input')
    .argument('<username>')
    .requiredOption('--name <name>', 'the name shown to others, e.g. "ผู้รายงาน จังหวัดปทุมธานี"')
    .option('--roles <roles>', 'comma-separated: reporter, approver, central', 'reporter')
    .option('--units <units>', 'comma-separated unit ids the roles apply to', '')
    .option('--data <dir>', 'folder of the embedded database (ignored when DATABASE_URL is set)', './.scorebook-data')
    .action(async (username: string, options: AddOptions) => {
      const roles = list(options.roles).map((r) => {
        const parsed = roleSchema.safeParse(r);
        if (!parsed.success) throw new Error(`unknown role "${r}": use reporter, approver or central`);
        return parsed.data;
      }) as Role[];
      const units = list(options.units);
      if (roles.some((r) => r !== 'central') && units.length === 0) throw new Error('reporters and approvers need --units');
      // Opened first: with the embedded database in use by a server, the refusal comes before the password prompt.
      // The server's modules (Fastify, PGlite, pg) are loaded when the command runs, not by every command.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx runs import() as ESM, which does not load .ts
      const { openUserAdmin } = require('../server') as typeof import('../server');
      const admin = await openUserAdmin(cli.env, resolve(options.data));
      try {
        const password = await readPassword(cli);
        if (password.length < 8) throw new Error('the password must have at least 8 characters');
        await admin.addUser({ username, name: options.name, password, roles, units }, { actor: 'cli', now: new Date() });
        cli.stderr.write(`user ${username} created (${roles.join(', ')}${units.length ? ` of ${units.join(', ')}` : ''})\n`);
      } finally {
        await admin.close();
      }
    });
}

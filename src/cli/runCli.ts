/**
 * The `scorebook` command as a function: `runCli(args, io)` parses the arguments (without node and the script),
 * runs the command on the given streams and resolves to the exit code. Each run builds its own program, so
 * options such as `--lang` never carry over from one run to the next.
 */
import { Command, CommanderError } from 'commander';
import { messageIn } from '../domain';
import { registerCheckCommand } from './checkCommand';
import { CliExit, type CliIo, type CliRun } from './cliIo';
import { registerDefinitionsCommands } from './definitionsCommand';
import { FileProblem } from './loadFiles';
import { localeOf } from './locale';
import { registerReportCommand } from './reportCommand';
import { registerScoreCommand } from './scoreCommand';
import { registerServeCommand } from './serveCommand';
import { registerSubmitCommand } from './submitCommand';
import { registerTemplateCommand } from './templateCommand';
import { registerUserCommand } from './userCommand';
import { registerWhatIfCommand } from './whatIfCommand';

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const run: CliRun = { ...io, exitCode: 0 };
  const program = new Command('scorebook')
    .description('Scorebook: KPI scoring for Thai public-sector assessments / คิดคะแนนตัวชี้วัด')
    .option('--lang <lang>', 'language of messages: th (default) or en', 'th')
    .showHelpAfterError()
    // Set before the commands are added, which inherit both: commander writes help and usage errors to the
    // run's streams and throws its exit code instead of ending the process.
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  registerScoreCommand(program, run);
  registerWhatIfCommand(program, run);
  registerTemplateCommand(program, run);
  registerCheckCommand(program, run);
  registerServeCommand(program, run);
  registerUserCommand(program, run);
  registerSubmitCommand(program, run);
  registerReportCommand(program, run);
  registerDefinitionsCommands(program, run);

  try {
    await program.parseAsync([...args], { from: 'user' });
    return run.exitCode;
  } catch (e: unknown) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof CliExit) return e.code;
    // Exit 2: the assessment or results file itself cannot be used.
    if (e instanceof FileProblem) {
      const locale = localeOf(program);
      io.stderr.write(`${e.file}:\n`);
      for (const i of e.issues) io.stderr.write(`  ✘ ${messageIn(i.message, locale)}\n`);
      return 2;
    }
    io.stderr.write(`scorebook: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
}

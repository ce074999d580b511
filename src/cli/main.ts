/**
 * The `scorebook` command: the same work as the add-in, on files (score, template, check), and the server.
 * Each command lives in its own module and registers itself here.
 */
import { Command } from 'commander';
import { messageIn } from '../domain';
import { registerCheckCommand } from './checkCommand';
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

const program = new Command('scorebook')
  .description('Scorebook: KPI scoring for Thai public-sector assessments / คิดคะแนนตัวชี้วัด')
  .option('--lang <lang>', 'language of messages: th (default) or en', 'th')
  .showHelpAfterError();

registerScoreCommand(program);
registerWhatIfCommand(program);
registerTemplateCommand(program);
registerCheckCommand(program);
registerServeCommand(program);
registerUserCommand(program);
registerSubmitCommand(program);
registerReportCommand(program);
registerDefinitionsCommands(program);

/** Exit 2: the assessment or results file itself cannot be used. */
function reportFileProblem(problem: FileProblem): void {
  const locale = localeOf(program);
  process.stderr.write(`${problem.file}:\n`);
  for (const i of problem.issues) process.stderr.write(`  ✘ ${messageIn(i.message, locale)}\n`);
  process.exitCode = 2;
}

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof FileProblem) return reportFileProblem(e);
  process.stderr.write(`scorebook: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 3;
});

/** `scorebook score <assessment.json> <results.json> [--json]` */
import type { Command } from 'commander';
import type { CliRun } from './cliIo';
import { scoreAssessment } from '../domain';
import { loadAssessment, loadResults } from './loadFiles';
import { localeOf } from './locale';
import { toScoreDocument } from '../api';
import { exitCodeFor, scoreText } from './scoreOutput';

export function registerScoreCommand(program: Command, cli: CliRun): void {
  program
    .command('score')
    .description('score results against an assessment / คิดคะแนนผลการดำเนินงานตามชุดตัวชี้วัด')
    .argument('<assessment>', 'assessment file (scorebook/assessment@1)')
    .argument('<results>', 'results file (scorebook/results@1)')
    .option('--json', 'one JSON document on stdout, numbers unrounded')
    .action((assessmentFile: string, resultsFile: string, options: { json?: boolean }) => {
      const locale = localeOf(program);
      const { assessment, warnings } = loadAssessment(assessmentFile);
      const { results, warnings: resultWarnings } = loadResults(resultsFile, assessment);
      const report = scoreAssessment(assessment, results);
      const notes = [...warnings, ...resultWarnings];
      cli.stdout.write(
        options.json
          ? `${JSON.stringify(toScoreDocument(report, notes, locale), null, 2)}\n`
          : `${scoreText(assessment, report, notes, locale)}\n`,
      );
      cli.exitCode = exitCodeFor(report);
    });
}

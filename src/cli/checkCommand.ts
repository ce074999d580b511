/** `scorebook check <kpi.xlsx> [--json]`: reads a filled template back and scores it like `score`, with cell addresses. */
import type { Command } from 'commander';
import type { CliRun } from './cliIo';
import { hasErrors, scoreAssessment, type ScoreReport } from '../domain';
import { locateIssues } from '../workbook';
import { FileProblem } from './loadFiles';
import { localeOf } from './locale';
import { toScoreDocument } from '../api';
import { exitCodeFor, scoreText } from './scoreOutput';

export function registerCheckCommand(program: Command, cli: CliRun): void {
  program
    .command('check')
    .description('check a filled KPI workbook and show its scores / ตรวจแบบฟอร์มที่กรอกแล้วและแสดงคะแนน')
    .argument('<workbook>', 'a KPI workbook written by scorebook template (.xlsx)')
    .option('--json', 'one JSON document on stdout, numbers unrounded')
    .action(async (file: string, options: { json?: boolean }) => {
      const locale = localeOf(program);
      // ExcelJS is loaded when the command runs: every other command would pay for loading it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx runs import() as ESM, which does not load .ts
      const { readTemplateFile } = require('./xlsx/readTemplate') as typeof import('./xlsx/readTemplate');
      const read = await readTemplateFile(file);
      if (!read.ok) throw new FileProblem(file, read.issues);
      const { assessment, resultSet, reading, issues } = read.value;
      const scored = scoreAssessment(assessment, resultSet);
      // The domain names the indicator and field of each issue; the sheet reading knows their cells.
      const report: ScoreReport = {
        ...scored,
        indicators: scored.indicators.map((i) => ({ ...i, issues: locateIssues(i.issues, reading, assessment) })),
      };
      cli.stdout.write(
        options.json
          ? `${JSON.stringify(toScoreDocument(report, issues, locale), null, 2)}\n`
          : `${scoreText(assessment, report, issues, locale)}\n`,
      );
      // A needed column missing from the sheet leaves results unreadable: the same exit as an invalid result.
      cli.exitCode = Math.max(exitCodeFor(report), hasErrors(issues) ? 1 : 0);
    });
}

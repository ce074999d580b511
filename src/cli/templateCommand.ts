/** `scorebook template <assessment.json> [--results results.json] --out kpi.xlsx` */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliRun } from './cliIo';
import { messageIn } from '../domain';
import { loadAssessment, loadResults } from './loadFiles';
import { localeOf } from './locale';

export function registerTemplateCommand(program: Command, cli: CliRun): void {
  program
    .command('template')
    .description('write a KPI template workbook (.xlsx) with live score formulas / สร้างแบบฟอร์มรายงานตัวชี้วัดเป็นไฟล์ Excel')
    .argument('<assessment>', 'assessment file (scorebook/assessment@1)')
    .requiredOption('--out <file>', 'the .xlsx file to write')
    .option('--results <file>', 'results file (scorebook/results@1) to fill in')
    .option('--round <months>', "the round the sheet reports on (default: the results' round); rows not due in it are greyed", (v) =>
      Number(v),
    )
    .action(async (assessmentFile: string, options: { out: string; results?: string; round?: number }) => {
      const locale = localeOf(program);
      if (options.round !== undefined && !(Number.isInteger(options.round) && options.round >= 1 && options.round <= 12)) {
        cli.stderr.write(
          locale === 'th'
            ? '--round ต้องเป็นจำนวนเดือน 1 ถึง 12 เช่น 6 หรือ 12\n'
            : '--round must be a number of months from 1 to 12, e.g. 6 or 12\n',
        );
        cli.exitCode = 2;
        return;
      }
      const { assessment, warnings } = loadAssessment(assessmentFile);
      // loadAssessment has checked the file; the document itself goes into the workbook's binding record.
      const document = JSON.parse(readFileSync(assessmentFile, 'utf8').replace(/^\uFEFF/, '')) as unknown;
      const loaded = options.results ? loadResults(options.results, assessment) : undefined;
      // ExcelJS is loaded when the command runs: every other command would pay for loading it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx runs import() as ESM, which does not load .ts
      const { writeTemplate } = require('./xlsx/writeTemplate') as typeof import('./xlsx/writeTemplate');
      await writeTemplate(assessment, { document, results: loaded?.results, round: options.round }, options.out);
      for (const w of [...warnings, ...(loaded?.warnings ?? [])]) cli.stderr.write(`⚠ ${messageIn(w.message, locale)}\n`);
      cli.stdout.write(`${locale === 'th' ? 'เขียนแบบฟอร์มแล้ว' : 'wrote'} ${options.out}\n`);
    });
}

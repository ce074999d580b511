/** `scorebook template <assessment.json> [--results results.json] --out kpi.xlsx` */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { messageIn } from '../domain';
import { loadAssessment, loadResults } from './loadFiles';
import { localeOf } from './locale';
import { writeTemplate } from './xlsx/writeTemplate';

export function registerTemplateCommand(program: Command): void {
  program
    .command('template')
    .description('write a KPI template workbook (.xlsx) with live score formulas / สร้างแบบฟอร์มรายงานตัวชี้วัดเป็นไฟล์ Excel')
    .argument('<assessment>', 'assessment file (scorebook/assessment@1)')
    .requiredOption('--out <file>', 'the .xlsx file to write')
    .option('--results <file>', 'results file (scorebook/results@1) to fill in')
    .action(async (assessmentFile: string, options: { out: string; results?: string }) => {
      const locale = localeOf(program);
      const { assessment, warnings } = loadAssessment(assessmentFile);
      // loadAssessment has checked the file; the document itself goes into the workbook's binding record.
      const document = JSON.parse(readFileSync(assessmentFile, 'utf8').replace(/^\uFEFF/, '')) as unknown;
      const loaded = options.results ? loadResults(options.results, assessment) : undefined;
      await writeTemplate(assessment, { document, results: loaded?.results }, options.out);
      for (const w of [...warnings, ...(loaded?.warnings ?? [])]) process.stderr.write(`⚠ ${messageIn(w.message, locale)}\n`);
      process.stdout.write(`${locale === 'th' ? 'เขียนแบบฟอร์มแล้ว' : 'wrote'} ${options.out}\n`);
    });
}

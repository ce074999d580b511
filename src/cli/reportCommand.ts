/**
 * `scorebook report <kpi.xlsx | assessment.json results.json> --format pdf|docx --out FILE`: the round's report
 * document (src/documents), from a filled KPI workbook (with its explanations and obstacles) or from the two files.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliRun } from './cliIo';
import type { Assessment, Issue, ResultSet } from '../domain';
import type { ReportFormat, ReportTexts } from '../documents';
import { FileProblem, loadAssessment, loadResults } from './loadFiles';
import { localeOf } from './locale';

interface ReportOptions {
  format: string;
  out: string;
  thaiDigits?: boolean;
  unit?: string;
  round?: string;
}

interface Source {
  assessment: Assessment;
  resultSet: ResultSet;
  unit?: string;
  texts?: ReadonlyMap<string, ReportTexts>;
}

const usage = (code: string, th: string, en: string): Issue => ({ code, severity: 'error', message: { th, en } });

async function readSource(files: readonly string[]): Promise<Source> {
  const [first, second] = files as [string, string | undefined];
  if (files.length === 1 && /\.xlsx$/i.test(first)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx runs import() as ESM, which does not load .ts
    const { readTemplateFile } = require('./xlsx/readTemplate') as typeof import('./xlsx/readTemplate');
    const read = await readTemplateFile(first);
    if (!read.ok) throw new FileProblem(first, read.issues);
    return { assessment: read.value.assessment, resultSet: read.value.resultSet, texts: read.value.texts };
  }
  if (files.length === 2 && second !== undefined) {
    const { assessment } = loadAssessment(first);
    const { results } = loadResults(second, assessment);
    return { assessment, resultSet: results, unit: results.unit };
  }
  throw new FileProblem(files.join(' '), [
    usage(
      'report-arguments',
      'ให้ไฟล์ KPI (.xlsx) หนึ่งไฟล์ หรือไฟล์ชุดตัวชี้วัดและไฟล์ผลการดำเนินงาน (.json) สองไฟล์',
      'give one KPI workbook (.xlsx), or an assessment and a results file (.json)',
    ),
  ]);
}

export function registerReportCommand(program: Command, cli: CliRun): void {
  program
    .command('report')
    .description("the round's report as PDF or Word / รายงานผลการดำเนินงานตามตัวชี้วัดเป็น PDF หรือ Word")
    .argument('<files...>', 'kpi.xlsx, or assessment.json results.json')
    .requiredOption('--out <file>', 'the document to write')
    .option('--format <format>', 'pdf or docx (default: from --out)', '')
    .option('--thai-digits', 'Thai digits (๐–๙) in every figure and date')
    .option('--unit <unit>', "the reporting unit's id (default: the results file's unit)")
    .option('--round <months>', "the round reported on, 6, 9 or 12 (default: the results' or the sheet's round)")
    .action(async (files: string[], options: ReportOptions) => {
      const locale = localeOf(program);
      const format = (options.format || (/\.docx$/i.test(options.out) ? 'docx' : 'pdf')).toLowerCase();
      if (format !== 'pdf' && format !== 'docx') {
        throw new FileProblem(options.out, [
          usage('report-format', `--format ต้องเป็น pdf หรือ docx (ได้ ${format})`, `--format must be pdf or docx (got ${format})`),
        ]);
      }
      const round = options.round === undefined ? undefined : Number(options.round);
      if (round !== undefined && !(Number.isInteger(round) && round >= 1 && round <= 12)) {
        throw new FileProblem(options.out, [
          usage(
            'report-round',
            `--round ต้องเป็นจำนวนเดือน 1 ถึง 12 (ได้ ${options.round})`,
            `--round must be a number of months from 1 to 12 (got ${options.round})`,
          ),
        ]);
      }
      const source = await readSource(files);
      const { assessment } = source;
      const resultSet = round === undefined ? source.resultSet : { ...source.resultSet, round };
      const unitId = options.unit ?? source.unit ?? (assessment.units.length === 1 ? assessment.units[0]?.id : undefined);
      // ExcelJS and the PDF and Word renderers are loaded when the command runs: every other command would pay for
      // loading them.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx runs import() as ESM, which does not load .ts
      const { buildReportModel, renderReportDocx, renderReportPdf } = require('../documents') as typeof import('../documents');
      const model = buildReportModel({
        assessment,
        resultSet,
        unitId,
        texts: source.texts,
        locale,
        thaiDigits: options.thaiDigits === true,
        generatedAt: new Date().toISOString(),
      });
      const bytes = (format as ReportFormat) === 'pdf' ? await renderReportPdf(model) : await renderReportDocx(model);
      try {
        writeFileSync(options.out, bytes);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
        throw new FileProblem(options.out, [
          usage('file-unwritable', `เขียนไฟล์ ${options.out} ไม่ได้ (${code})`, `cannot write ${options.out} (${code})`),
        ]);
      }
      cli.stderr.write(`${locale === 'th' ? 'เขียน' : 'wrote'} ${options.out}\n`);
    });
}

/**
 * `scorebook definitions-template --out defs.xlsx [--from assessment.json]`: the definitions workbook (ตัวชี้วัด and
 * its settings sheet), empty but for one worked example row, or holding an assessment; headers in the language of
 * `--lang`. `scorebook import defs.xlsx --out assessment.json`: a filled one read back into an assessment file,
 * every problem said at its cell. Exit codes as `score`: 0 written (warnings said), 1 problems at cells (nothing
 * written), 2 the file itself unusable (not an .xlsx, no sheet, an empty sheet).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliIo, CliRun } from './cliIo';
import { assessmentDocumentSchema, hasErrors, messageIn, type Issue, type Locale } from '../domain';
import { exampleDefinitionsDocument } from '../workbook';
import { FileProblem, loadAssessment } from './loadFiles';
import { localeOf } from './locale';
import { readDefinitionsFile, writeDefinitionsFile } from './xlsx/definitionsFile';

/** Findings that leave nothing to read: the file is unusable as a definitions workbook. */
const UNUSABLE = new Set(['definitions-header-missing', 'definitions-no-indicators']);

const MARK = { error: '✘', warning: '⚠', info: 'ℹ' } as const;

function say(cli: CliIo, issues: readonly Issue[], locale: Locale): void {
  for (const i of issues) cli.stderr.write(`${MARK[i.severity]} ${messageIn(i.message, locale)}\n`);
}

export function registerDefinitionsCommands(program: Command, cli: CliRun): void {
  program
    .command('definitions-template')
    .description(
      'write a definitions workbook (.xlsx) to define indicators in Excel; headers follow --lang / สร้างไฟล์ Excel สำหรับกำหนดตัวชี้วัด',
    )
    .requiredOption('--out <file>', 'the .xlsx file to write')
    .option('--from <assessment>', 'an assessment file (scorebook/assessment@1) to write instead of the worked example')
    .action(async (options: { out: string; from?: string }) => {
      const locale = localeOf(program);
      let document = exampleDefinitionsDocument(locale);
      if (options.from) {
        const { warnings } = loadAssessment(options.from);
        say(cli, warnings, locale);
        // loadAssessment has checked the file; the document as written (not the model read from it) is what goes in.
        document = assessmentDocumentSchema.parse(JSON.parse(readFileSync(options.from, 'utf8').replace(/^\uFEFF/, '')));
      }
      await writeDefinitionsFile(document, locale, options.out);
      cli.stdout.write(`${locale === 'th' ? 'เขียนไฟล์กำหนดตัวชี้วัดแล้ว' : 'wrote'} ${options.out}\n`);
    });

  program
    .command('import')
    .description('read a filled definitions workbook into an assessment file / อ่านไฟล์กำหนดตัวชี้วัดเป็นไฟล์ชุดตัวชี้วัด')
    .argument('<workbook>', 'a definitions workbook (.xlsx), as scorebook definitions-template writes it')
    .requiredOption('--out <file>', 'the assessment file (scorebook/assessment@1) to write')
    .action(async (file: string, options: { out: string }) => {
      const locale = localeOf(program);
      const read = await readDefinitionsFile(file);
      if (!read.ok) throw new FileProblem(file, read.issues);
      const { document, assessment, issues } = read.value;
      if (issues.some((i) => UNUSABLE.has(i.code))) throw new FileProblem(file, issues);
      say(cli, issues, locale);
      if (!document || !assessment || hasErrors(issues)) {
        const errors = issues.filter((i) => i.severity === 'error').length;
        cli.stderr.write(
          locale === 'th'
            ? `${file}: พบข้อผิดพลาด ${errors} รายการ ยังไม่ได้เขียน ${options.out}\n`
            : `${file}: ${errors} error${errors === 1 ? '' : 's'}; ${options.out} not written\n`,
        );
        cli.exitCode = 1;
        return;
      }
      writeFileSync(options.out, `${JSON.stringify(document, null, 2)}\n`);
      const count = countIndicators(document.indicators);
      cli.stdout.write(
        locale === 'th'
          ? `เขียน ${options.out} แล้ว: ตัวชี้วัด ${count} ตัว (${assessment.id})\n`
          : `wrote ${options.out}: ${count} indicators (${assessment.id})\n`,
      );
    });
}

function countIndicators(list: readonly { children?: readonly unknown[] }[]): number {
  return list.reduce((n, i) => n + 1 + countIndicators((i.children ?? []) as { children?: readonly unknown[] }[]), 0);
}

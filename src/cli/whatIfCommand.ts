/**
 * `scorebook what-if <assessment.json> <results.json> --indicator ID (--total T | --score S)`: the result an
 * indicator needs for a goal, everything else fixed; without --indicator, the ranking of indicators by gain
 * in total per unit of improvement (where one more unit pays most).
 */
import type { Command } from 'commander';
import type { CliRun } from './cliIo';
import { findIndicator, formatNumber, improvementGains, messageIn, requiredResult, resolveIndicatorId, type Goal } from '../domain';
import { loadAssessment, loadResults } from './loadFiles';
import { localeOf } from './locale';
import { renderTable, truncate } from './textTable';

interface Options {
  indicator?: string;
  total?: string;
  score?: string;
  json?: boolean;
}

export function registerWhatIfCommand(program: Command, cli: CliRun): void {
  program
    .command('what-if')
    .description('result needed for a goal, or where improvement pays most / ผลที่ต้องทำได้เพื่อให้ถึงเป้าหมาย')
    .argument('<assessment>', 'assessment file')
    .argument('<results>', 'results file')
    .option('--indicator <id>', 'the indicator to solve for')
    .option('--total <total>', 'the total to reach')
    .option('--score <score>', 'the indicator score to reach')
    .option('--json', 'JSON output')
    .action((assessmentFile: string, resultsFile: string, options: Options) => {
      const locale = localeOf(program);
      const t = (th: string, en: string): string => (locale === 'th' ? th : en);
      const { assessment } = loadAssessment(assessmentFile);
      const { results } = loadResults(resultsFile, assessment);
      const d = assessment.policies.decimals;

      if (options.indicator === undefined) {
        const gains = improvementGains(assessment, results);
        if (options.json) {
          cli.stdout.write(`${JSON.stringify(gains, null, 2)}\n`);
          return;
        }
        const rows = gains.map((g) => [
          g.id,
          truncate(findIndicator(assessment, g.id)?.name ?? '', 40),
          g.value === null ? '–' : formatNumber(g.value, Math.max(d, 2)),
          g.nextTarget === null ? '–' : formatNumber(g.nextTarget, Math.max(d, 2)),
          formatNumber(g.totalGain, d),
          g.gainPerUnit === null ? '–' : formatNumber(g.gainPerUnit, Math.max(d, 4)),
        ]);
        const header = [
          t('ลำดับ', 'No.'),
          t('ตัวชี้วัด', 'Indicator'),
          t('ผล', 'Result'),
          t('เป้าระดับถัดไป', 'Next target'),
          t('คะแนนรวมเพิ่ม', 'Total gain'),
          t('เพิ่มต่อหน่วย', 'Gain per unit'),
        ];
        cli.stdout.write(`${renderTable(header, rows, ['left', 'left', 'right', 'right', 'right', 'right'])}\n`);
        return;
      }

      const goal = goalOf(options);
      if (goal === null) {
        cli.stderr.write(`${t('ระบุ --total หรือ --score เป็นตัวเลข', 'give --total or --score as a number')}\n`);
        cli.exitCode = 2;
        return;
      }
      // --indicator ๕ and --indicator 5 name the same indicator.
      const indicatorId = resolveIndicatorId(assessment, options.indicator) ?? options.indicator;
      const answer = requiredResult(assessment, results, indicatorId, goal);
      if (options.json) {
        cli.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
        return;
      }
      if (answer.kind !== 'value') {
        cli.stdout.write(`${messageIn(answer.message, locale)}\n`);
        return;
      }
      const unit = findIndicator(assessment, indicatorId)?.unit ?? '';
      cli.stdout.write(
        `${t('ผลที่ต้องทำได้', 'Result needed')}: ${formatNumber(answer.value, Math.max(d, 2))} ${unit}`.trimEnd() +
          ` (${t('คะแนน', 'score')} ${formatNumber(answer.score, d)})\n` +
          (answer.numerator === undefined ? '' : `${t('ตัวตั้งที่ต้องได้', 'Numerator needed')}: ${formatNumber(answer.numerator, 2)}\n`),
      );
    });
}

function goalOf(options: Options): Goal | null {
  const total = options.total === undefined ? NaN : Number(options.total);
  const score = options.score === undefined ? NaN : Number(options.score);
  if (Number.isFinite(total)) return { total };
  if (Number.isFinite(score)) return { indicatorScore: score };
  return null;
}

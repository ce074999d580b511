/**
 * How `score` and `check` show a score report to people: a table with Thai names, rounded per the `decimals`
 * policy. Programs get the API's scores document instead (`toScoreDocument` in src/api), so
 * `scorebook score --json` and `GET …/scores` are one shape by construction.
 */
import {
  allIndicators,
  formatNumber,
  messageIn,
  type Assessment,
  type Issue,
  type Locale,
  type ScoreReport,
  type IndicatorStatus,
  type ReportStatus,
} from '../domain';
import { renderTable, truncate } from './textTable';

const statusText: Record<IndicatorStatus, { th: string; en: string }> = {
  scored: { th: 'คิดคะแนนแล้ว', en: 'scored' },
  'not-reported': { th: 'ไม่รายงาน', en: 'not reported' },
  invalid: { th: 'ค่าไม่ถูกต้อง', en: 'invalid' },
  'not-due': { th: 'ไม่ต้องรายงานในรอบนี้', en: 'not due this round' },
};

/** Seed 003's words for where a report stands (KRS: รอการรับรอง / ไม่รับรอง). */
const reportStatusText: Record<ReportStatus | 'none', { th: string; en: string }> = {
  draft: { th: 'ฉบับร่าง', en: 'draft' },
  submitted: { th: 'รอการรับรอง', en: 'awaiting approval' },
  approved: { th: 'รับรองแล้ว', en: 'approved' },
  returned: { th: 'ไม่รับรอง (ส่งกลับ)', en: 'returned' },
  none: { th: 'ไม่มีสถานะ', en: 'no status' },
};

const severityMark: Record<string, string> = { error: '✘', warning: '⚠', info: 'ℹ' };

export function scoreText(assessment: Assessment, report: ScoreReport, extraIssues: readonly Issue[], locale: Locale): string {
  const d = assessment.policies.decimals;
  const num = (n: number | null, decimals = d): string => (n === null ? '–' : formatNumber(n, decimals));
  const t = (th: string, en: string): string => (locale === 'th' ? th : en);
  const byId = new Map(allIndicators(assessment).map((i) => [i.id, i]));
  const rows = report.indicators.map((row) => {
    const indicator = byId.get(row.id);
    const name = (locale === 'en' && indicator?.nameEn) || indicator?.name || '';
    const indent = row.parent === null ? '' : '  ';
    return [
      indent + row.id,
      truncate(indent + name, 48),
      num(row.effectiveWeight, 2),
      row.value === null ? '–' : formatNumber(row.value, Math.max(d, 2)),
      num(row.score),
      num(row.weightedScore),
      statusText[row.status][locale] + (row.reportStatus === undefined ? '' : ` · ${reportStatusText[row.reportStatus ?? 'none'][locale]}`),
    ];
  });
  const table = renderTable(
    [
      t('ลำดับ', 'No.'),
      t('ตัวชี้วัด', 'Indicator'),
      t('น้ำหนัก', 'Weight'),
      t('ผล', 'Result'),
      t('คะแนน', 'Score'),
      t('ถ่วงน้ำหนัก', 'Weighted'),
      t('สถานะ', 'Status'),
    ],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
  );
  const lines = [assessment.title, '', table, ''];
  for (const c of report.components) {
    const name = assessment.components.find((x) => x.id === c.id);
    const label = (locale === 'en' && name?.nameEn) || name?.name || c.id;
    lines.push(`${label}: ${t('คะแนนเฉลี่ย', 'mean')} ${num(c.score)}, ${t('คะแนนถ่วงน้ำหนัก', 'weighted')} ${num(c.weightedScore)}`);
    // The component's groups (๑.๑, ๑.๒ …) under it: subtotals that add up to the component's, never more.
    for (const g of report.groups.filter((x) => x.component === c.id)) {
      const group = name?.groups?.find((x) => x.id === g.id);
      const groupLabel = `${g.id} ${(locale === 'en' && group?.nameEn) || group?.name || ''}`.trim();
      lines.push(`  ${groupLabel}: ${t('คะแนนเฉลี่ย', 'mean')} ${num(g.score)}, ${t('คะแนนถ่วงน้ำหนัก', 'weighted')} ${num(g.weightedScore)}`);
    }
  }
  if (report.penalty > 0) {
    lines.push(`${t('คะแนนรวมก่อนหัก', 'Total before penalty')}: ${num(report.totalBeforePenalty)}`);
    lines.push(`${t('หักส่งช้า', 'Late penalty')} (${report.workingDaysLate} ${t('วันทำการ', 'working days')}): ${num(report.penalty)}`);
  }
  if (report.official) {
    // Both totals, labelled: what the unit's own results give, and what counts once certified (seed 003).
    lines.push(`${t('คะแนนประเมินตนเอง', 'Self-assessed')}: ${num(report.total)}`);
    lines.push(`${t('คะแนนที่รับรองแล้ว', 'Certified')}: ${num(report.official.total)}`);
  } else {
    lines.push(`${t('คะแนนรวม', 'Total')}: ${num(report.total)}`);
  }
  const issues = [...extraIssues, ...report.issues, ...report.indicators.flatMap((i) => i.issues)];
  if (issues.length > 0) {
    lines.push('', t('ข้อสังเกต', 'Issues') + ':');
    for (const i of issues) {
      const where = [i.indicatorId && `${t('ตัวชี้วัด', 'indicator')} ${i.indicatorId}`, i.cell].filter(Boolean).join(', ');
      lines.push(`${severityMark[i.severity] ?? '-'} ${where ? `[${where}] ` : ''}${messageIn(i.message, locale)}`);
    }
  }
  return lines.join('\n');
}

/** 0 all good, 1 some result invalid (documents fine), as the issue fixes the codes. */
export function exitCodeFor(report: ScoreReport): number {
  return report.indicators.some((i) => i.status === 'invalid') ? 1 : 0;
}

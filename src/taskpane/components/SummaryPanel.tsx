/**
 * The live summary: the total (self-assessed and certified once the sheet is linked to a round), each component's subtotal and its groups' (๑.๑ / ๑.๒), each indicator's score against the scale, and the counts
 * of reported / not reported / invalid. Scored by src/domain from the sheet as read, so it is what the workbook's
 * formulas show. Long sheets show their first rows and grow on request: 1,000 table rows would cost more to draw
 * than to score.
 */
import {
  Button,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Fragment, memo, useState } from 'react';
import { indicatorsById, leafPositions, scoreRange, type Assessment, type Indicator, type IndicatorScore } from '../../domain';
import { formatScore, formatTime } from '../format';
import { useLocale } from '../i18n';
import type { Counts } from '../model/evaluate';
import type { ScoreReport } from '../../domain';
import { CountBadges, TotalCard } from './TotalCard';

const PAGE = 50;

export interface SummaryPanelProps {
  readonly assessment: Assessment;
  readonly report: ScoreReport;
  readonly counts: Counts;
  readonly updatedAt: Date | undefined;
}

/** The leaves due in the round, and how many of them are certified; a parent is certified through its children. */
function certifiedOfDue(assessment: Assessment, rows: ScoreReport['indicators']): { due: number; certified: number } {
  const leaf = leafPositions(assessment);
  let due = 0;
  let certified = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as IndicatorScore;
    if (!leaf[k] || row.status === 'not-due') continue;
    due++;
    if (row.counted === true) certified++;
  }
  return { due, certified };
}

export function SummaryPanel({ assessment, report, counts, updatedAt }: SummaryPanelProps): JSX.Element {
  const { t, locale } = useLocale();
  const [shown, setShown] = useState(PAGE);
  const decimals = assessment.policies.decimals;
  const range = scoreRange(assessment.scale, assessment.policies.floor);
  // Kept per assessment (immutable once read), not made per render: the summary is drawn after every edit.
  const byId = indicatorsById(assessment);
  const levelName = (level: number | null): string => {
    if (level === null) return '';
    if (level === 0) return t.levelBelow;
    const l = assessment.scale.levels[level - 1];
    return l ? (locale === 'th' ? l.name : l.nameEn) : '';
  };
  const rows = report.indicators;
  const official = report.official;
  const totalText = (total: number | null): string => (total === null ? t.totalNone : formatScore(total, decimals));
  const { due, certified } = certifiedOfDue(assessment, rows);

  return (
    <section className="sb-stack" aria-labelledby="sb-summary-heading">
      <Subtitle2 id="sb-summary-heading">{t.summaryHeading}</Subtitle2>
      {/* Linked to a round, the report also carries the certified total: both, labelled, in one card. */}
      <TotalCard
        label={official ? t.totalSelfAssessed : t.total}
        testId="total-card"
        valueTestId="total"
        value={totalText(report.totalBeforePenalty)}
        second={
          official ? { label: t.totalCertified, value: totalText(official.totalBeforePenalty), testId: 'total-certified' } : undefined
        }
        caption={
          <>
            {t.scaleRange(formatScore(range.min, decimals), formatScore(range.max, decimals))}
            {official ? (
              <>
                <br />
                {t.certifiedCount(certified, due)}
              </>
            ) : null}
          </>
        }
      />
      <CountBadges counts={counts} />
      {report.components.length > 0 ? (
        <Table size="small" aria-label={t.components}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.components}</TableHeaderCell>
              <TableHeaderCell className="sb-num">{t.columnScore}</TableHeaderCell>
              <TableHeaderCell className="sb-num">{t.columnWeighted}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.components.map((c) => {
              const component = assessment.components.find((x) => x.id === c.id);
              const name = component ? (locale === 'en' && component.nameEn ? component.nameEn : component.name) : c.id;
              // The component's groups (๑.๑, ๑.๒ …) under it, indented: subtotals of it, never added to the total again.
              const groups = report.groups.filter((g) => g.component === c.id);
              return (
                <Fragment key={c.id}>
                  <TableRow>
                    <TableCell>{name}</TableCell>
                    <TableCell className="sb-num">{formatScore(c.score, decimals)}</TableCell>
                    <TableCell className="sb-num">{formatScore(c.weightedScore, decimals)}</TableCell>
                  </TableRow>
                  {groups.map((g) => {
                    const group = component?.groups?.find((x) => x.id === g.id);
                    const groupName = group ? (locale === 'en' && group.nameEn ? group.nameEn : group.name) : '';
                    return (
                      <TableRow key={`${c.id}/${g.id}`} className="sb-child" data-testid={`group-${g.id}`}>
                        <TableCell>
                          <strong>{g.id}</strong> {groupName}
                        </TableCell>
                        <TableCell className="sb-num">{formatScore(g.score, decimals)}</TableCell>
                        <TableCell className="sb-num">{formatScore(g.weightedScore, decimals)}</TableCell>
                      </TableRow>
                    );
                  })}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      <Table size="small" aria-label={t.indicators} data-testid="indicator-scores">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.indicators}</TableHeaderCell>
            <TableHeaderCell className="sb-num">{t.columnScore}</TableHeaderCell>
            <TableHeaderCell className="sb-num">{t.columnWeighted}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.slice(0, shown).map((row) => (
            <IndicatorRow key={row.id} row={row} indicator={byId.get(row.id)} decimals={decimals} level={levelName(row.level)} />
          ))}
        </TableBody>
      </Table>
      {rows.length > shown ? (
        <Button size="small" onClick={() => setShown((n) => n + PAGE * 4)}>
          {t.showMore(rows.length - shown)}
        </Button>
      ) : null}
      {updatedAt ? <Caption1 className="sb-muted">{t.updatedAt(formatTime(updatedAt))}</Caption1> : null}
    </section>
  );
}

interface RowProps {
  readonly row: IndicatorScore;
  readonly indicator: Indicator | undefined;
  readonly decimals: number;
  readonly level: string;
}

/**
 * Every evaluation makes new score objects, so rows are compared by what they show: after an edit only the edited
 * row (and its parent) draws again, not the whole table.
 */
const IndicatorRow = memo(
  IndicatorRowView,
  (a, b) =>
    a.indicator === b.indicator &&
    a.decimals === b.decimals &&
    a.level === b.level &&
    a.row.score === b.row.score &&
    a.row.weightedScore === b.row.weightedScore &&
    a.row.status === b.row.status &&
    a.row.parent === b.row.parent,
);

function IndicatorRowView({ row, indicator, decimals, level }: RowProps): JSX.Element {
  const { t, locale } = useLocale();
  const name = indicator ? (locale === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name) : row.id;
  const notDue = row.status === 'not-due';
  const status =
    row.status === 'invalid' ? t.statusInvalid : row.status === 'not-reported' ? t.statusNotReported : notDue ? t.statusNotDue : level;
  const className = [row.parent ? 'sb-child' : '', notDue ? 'sb-not-due' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <TableRow data-testid={`score-${row.id}`} className={className}>
      <TableCell>
        <div className="sb-indicator">
          <span className="sb-indicator-name" title={name}>
            <strong>{row.id}</strong> {name}
          </span>
          {status ? <Caption1 className={row.status === 'invalid' ? 'sb-invalid' : 'sb-muted'}>{status}</Caption1> : null}
        </div>
      </TableCell>
      <TableCell className="sb-num">{formatScore(row.score, decimals)}</TableCell>
      <TableCell className="sb-num">{formatScore(row.weightedScore, decimals)}</TableCell>
    </TableRow>
  );
}

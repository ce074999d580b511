/**
 * The live summary of a multi-unit sheet (the central office's bulk view): the counts over every unit, and each
 * unit's own total and counts — the same totals as the sheet's คะแนนรวมของหน่วยงาน column. Thousands of units show
 * the first ones and grow on request, as the indicator list does.
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
import { memo, useState } from 'react';
import { scoreRange, type Assessment } from '../../domain';
import { formatScore, formatTime } from '../format';
import { useLocale } from '../i18n';
import type { MultiUnitEvaluation, UnitEvaluation } from '../model/evaluate';
import { CountBadges } from './TotalCard';

const PAGE = 50;

export interface UnitSummaryPanelProps {
  readonly assessment: Assessment;
  readonly evaluation: MultiUnitEvaluation;
  readonly updatedAt: Date | undefined;
}

export function UnitSummaryPanel({ assessment, evaluation, updatedAt }: UnitSummaryPanelProps): JSX.Element {
  const { t } = useLocale();
  const [shown, setShown] = useState(PAGE);
  const decimals = assessment.policies.decimals;
  const range = scoreRange(assessment.scale, assessment.policies.floor);
  const { units } = evaluation;
  return (
    <section className="sb-stack" aria-labelledby="sb-units-heading">
      <Subtitle2 id="sb-units-heading">{t.unitsHeading}</Subtitle2>
      <Caption1>
        {t.unitsCount(units.length)} · {t.scaleRange(formatScore(range.min, decimals), formatScore(range.max, decimals))}
      </Caption1>
      <CountBadges counts={evaluation.counts} />
      <Table size="small" aria-label={t.unitsHeading} data-testid="unit-totals" className="sb-unit-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.columnUnit}</TableHeaderCell>
            <TableHeaderCell className="sb-num">{t.total}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {units.slice(0, shown).map((u) => (
            <UnitRow key={u.unit.id} unit={u} decimals={decimals} />
          ))}
        </TableBody>
      </Table>
      {units.length > shown ? (
        <Button size="small" onClick={() => setShown((n) => n + PAGE * 4)}>
          {t.showMore(units.length - shown)}
        </Button>
      ) : null}
      {updatedAt ? <Caption1 className="sb-muted">{t.updatedAt(formatTime(updatedAt))}</Caption1> : null}
    </section>
  );
}

/** Compared by what it shows, so an edit redraws only the edited unit's row. */
const UnitRow = memo(
  UnitRowView,
  (a, b) =>
    a.decimals === b.decimals &&
    a.unit.unit.id === b.unit.unit.id &&
    a.unit.unit.name === b.unit.unit.name &&
    a.unit.report.totalBeforePenalty === b.unit.report.totalBeforePenalty &&
    a.unit.counts.reported === b.unit.counts.reported &&
    a.unit.counts.missing === b.unit.counts.missing &&
    a.unit.counts.invalid === b.unit.counts.invalid,
);

function UnitRowView({ unit, decimals }: { readonly unit: UnitEvaluation; readonly decimals: number }): JSX.Element {
  const { t } = useLocale();
  const { report, counts } = unit;
  return (
    <TableRow data-testid={`unit-${unit.unit.id}`}>
      <TableCell>
        {/* Two columns only: in a 320 px pane four number columns left the name none. The counts go under it. */}
        <div className="sb-stack sb-unit-cell">
          <span>
            <strong>{unit.unit.id}</strong> {unit.unit.name}
          </span>
          <Caption1 className="sb-muted" data-testid="unit-counts">
            {t.countReported} {counts.reported} · {t.countMissing} {counts.missing} · {t.countInvalid} {counts.invalid}
          </Caption1>
        </div>
      </TableCell>
      <TableCell className="sb-num">
        {report.totalBeforePenalty === null ? t.totalNone : formatScore(report.totalBeforePenalty, decimals)}
      </TableCell>
    </TableRow>
  );
}

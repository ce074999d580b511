/**
 * The big number of a panel (the total, the what-if total; self-assessed beside certified once linked) and the row of reported / not reported / invalid
 * counts, drawn the same wherever they appear: the summary, the what-if tab, the multi-unit summary.
 */
import { Badge, Caption1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n';
import type { Counts } from '../model/evaluate';

export interface TotalCardProps {
  readonly label: string;
  readonly value: string;
  readonly caption: ReactNode;
  /** The what-if card is tinted apart from the real total. */
  readonly whatIf?: boolean;
  /** Test ids of the card and of its value ("total-card", "total"). */
  readonly testId: string;
  readonly valueTestId: string;
  /** A second figure beside the first in the same card (the certified total beside the self-assessed one). */
  readonly second?: { readonly label: string; readonly value: string; readonly testId: string };
}

export function TotalCard({ label, value, caption, whatIf, testId, valueTestId, second }: TotalCardProps): JSX.Element {
  return (
    <div className={whatIf ? 'sb-total sb-total-whatif' : 'sb-total'} data-testid={testId}>
      {second ? (
        <div className="sb-total-pair">
          <div>
            <span className="sb-total-label">{label}</span>
            <span className="sb-total-value" data-testid={valueTestId}>
              {value}
            </span>
          </div>
          <div>
            <span className="sb-total-label">{second.label}</span>
            <span className="sb-total-second" data-testid={second.testId}>
              {second.value}
            </span>
          </div>
        </div>
      ) : (
        <>
          <span className="sb-total-label">{label}</span>
          <span className="sb-total-value" data-testid={valueTestId}>
            {value}
          </span>
        </>
      )}
      <Caption1>{caption}</Caption1>
    </div>
  );
}

export function CountBadges({ counts }: { readonly counts: Counts }): JSX.Element {
  const { t } = useLocale();
  return (
    <div className="sb-row" data-testid="counts">
      <Badge color="success" appearance="tint">
        {t.countReported} {counts.reported}
      </Badge>
      <Badge color="subtle" appearance="tint">
        {t.countMissing} {counts.missing}
      </Badge>
      <Badge color="danger" appearance="tint">
        {t.countInvalid} {counts.invalid}
      </Badge>
    </div>
  );
}

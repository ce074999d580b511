/**
 * The round's state in the submit area, before anyone tries: open with the days left; not open yet or closed
 * without late reports (submit is off, and this says why); closed but taking late reports, with the estimated
 * penalty and the total after it (lateEstimate.ts). It is about the round the sheet is linked to (where a submit
 * goes), or the one in the pickers while no sheet is linked.
 */
import { Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { formatScore } from '../format';
import type { RoundStanding } from '../model/lateEstimate';
import { useServerStrings } from '../serverStrings';

/** `about`: which round this is, said first when the pickers show another (the linked sheet's round wins). */
export function LateNotice({ standing, decimals, about }: { standing: RoundStanding; decimals: number; about?: string }): JSX.Element {
  const notice = <Notice standing={standing} decimals={decimals} />;
  if (about === undefined) return notice;
  return (
    <div className="sb-stack">
      <Caption1 data-testid="round-standing-of">{about}</Caption1>
      {notice}
    </div>
  );
}

function Notice({ standing, decimals }: { standing: RoundStanding; decimals: number }): JSX.Element {
  const { s, date } = useServerStrings();
  if (standing.state === 'open')
    return <div data-testid="round-standing">{s.standingOpen(date(standing.closesAt), standing.daysLeft)}</div>;
  const text =
    standing.state === 'not-yet'
      ? s.standingNotYet(date(standing.opensAt))
      : standing.state === 'closed'
        ? s.standingClosed(date(standing.closesAt))
        : [
            s.standingLate(date(standing.closesAt), standing.workingDaysLate),
            standing.penalty !== null ? s.latePenalty(formatScore(standing.penalty, decimals)) : '',
            standing.totalBefore !== null && standing.totalAfter !== null
              ? s.lateTotal(formatScore(standing.totalBefore, decimals), formatScore(standing.totalAfter, decimals))
              : '',
          ]
            .filter(Boolean)
            .join(' · ');
  return (
    <MessageBar intent={standing.state === 'late' ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody data-testid="round-standing">{text}</MessageBarBody>
    </MessageBar>
  );
}

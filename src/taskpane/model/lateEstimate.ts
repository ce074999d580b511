/**
 * The round's state as the submit area shows it before anyone tries: open with the days left; not
 * open yet; closed, and either refused (submit is disabled) or accepted late with the penalty estimated the way
 * the server will take it (scoring.md §4: working days late after the closing day, in Bangkok, weekends and the
 * assessment's holidays not counted, × the policy's points per day, off the total, never below 0). Pure.
 */
import type { ApiRound } from '../../api';
import type { BatchTarget } from '../../api/pending';
import { latePenaltyApplies, workingDaysLate, type Policies } from '../../domain';
import { roundWindow } from './serverSheet';

export type RoundStanding =
  | { readonly state: 'open'; readonly closesAt: string; readonly daysLeft: number }
  | { readonly state: 'not-yet'; readonly opensAt: string }
  | { readonly state: 'closed'; readonly closesAt: string }
  | {
      readonly state: 'late';
      readonly closesAt: string;
      readonly workingDaysLate: number;
      /** Points off the total if sent now; null when the assessment's policies are not known here. */
      readonly penalty: number | null;
      /** The sheet's current total before and after the penalty; null when there is none to take it from. */
      readonly totalBefore: number | null;
      readonly totalAfter: number | null;
    };

export function roundStanding(
  round: ApiRound,
  now: Date,
  policies: Pick<Policies, 'latePenaltyPerWorkingDay' | 'holidays' | 'latePenaltyRounds'> | undefined,
  currentTotal: number | null,
): RoundStanding {
  const w = roundWindow(round, now);
  if (w.state === 'open') return { state: 'open', closesAt: round.closesAt, daysLeft: w.daysLeft };
  if (w.state === 'not-yet') return { state: 'not-yet', opensAt: round.opensAt };
  if (!w.allowLate) return { state: 'closed', closesAt: round.closesAt };
  const days = workingDaysLate(round.closesAt, now.toISOString(), policies?.holidays ?? []);
  // Only the rounds of policy latePenaltyRounds cost points (seed 004: the 12-month SAR), as the server will score it.
  const penalty = policies ? (latePenaltyApplies(policies, round.round) ? days * policies.latePenaltyPerWorkingDay : 0) : null;
  return {
    state: 'late',
    closesAt: round.closesAt,
    workingDaysLate: days,
    penalty,
    totalBefore: penalty === null ? null : currentTotal,
    totalAfter: currentTotal === null || penalty === null ? null : Math.max(0, currentTotal - penalty),
  };
}

/** A submit the server would refuse outright: closed without late reports, or not open yet. */
export function submitRefused(standing: RoundStanding | undefined): boolean {
  return standing?.state === 'closed' || standing?.state === 'not-yet';
}

/**
 * The round the notice is about: the one the sheet is linked to (where a submit goes), else the one chosen in the
 * pickers. `linked: true` when it is the linked sheet's; a link to a round the list does not hold falls back.
 */
export function noticeRound(
  link: BatchTarget | undefined,
  assessments: readonly { readonly id: string; readonly rounds: readonly ApiRound[] }[],
  picked: ApiRound | undefined,
): { readonly round: ApiRound; readonly linked: boolean } | undefined {
  const round = link && assessments.find((a) => a.id === link.aid)?.rounds.find((r) => r.round === link.round);
  if (round) return { round, linked: true };
  return picked && { round: picked, linked: false };
}

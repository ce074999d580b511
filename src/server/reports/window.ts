/**
 * The round's reporting window, read with the server's clock (never the client's): open, late (closed, but the
 * round allows late reports), or shut (not open yet, or closed without late reports).
 */
import type { Round } from '../../domain';
import { ApiError } from '../errors';

export type WindowState = 'open' | 'late' | 'not-open' | 'closed';

export function windowState(round: Round, now: Date): WindowState {
  const t = now.getTime();
  if (t < Date.parse(round.opensAt)) return 'not-open';
  if (t <= Date.parse(round.closesAt)) return 'open';
  return round.allowLate ? 'late' : 'closed';
}

/** Throws 409 `round_closed` when writes are refused; returns whether they count as late. */
export function checkWindow(round: Round, now: Date): { late: boolean } {
  const state = windowState(round, now);
  if (state === 'open') return { late: false };
  if (state === 'late') return { late: true };
  const details = { round: round.round, opensAt: round.opensAt, closesAt: round.closesAt, now: now.toISOString() };
  if (state === 'not-open') {
    throw new ApiError(
      409,
      'round_closed',
      `the ${round.round}-month round opens for reports at ${round.opensAt}`,
      `รอบ ${round.round} เดือน ยังไม่เปิดรับรายงาน (เปิด ${round.opensAt})`,
      details,
    );
  }
  throw new ApiError(
    409,
    'round_closed',
    `the ${round.round}-month round closed for reports at ${round.closesAt} and does not accept late reports`,
    `รอบ ${round.round} เดือน ปิดรับรายงานแล้วเมื่อ ${round.closesAt} และไม่รับรายงานล่าช้า`,
    details,
  );
}

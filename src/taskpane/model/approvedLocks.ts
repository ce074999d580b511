/**
 * Approved rows (อนุมัติแล้ว) locked in the sheet, returned ones unlocked again, following the server link before and
 * after an answer (a refresh, a submit, "take theirs"), like the returned-row marks (returnedMarks.ts). The lock
 * ops take effect on a protected sheet only (a sheet the pane made; plan.ts LockOp): on a hand-made sheet, which
 * the pane never protects unasked, an approved row is only warned about while typed over (changeMarks.ts).
 */
import { allIndicators, type Assessment } from '../../domain';
import type { Grid, SheetReading } from '../../workbook';
import type { LockOp } from '../../workbook/plan';
import { approvedLockOps } from '../../workbook/protection';
import type { ServerLink } from './serverLink';

const approvedIn = (link: ServerLink): Set<string> => {
  const ids = new Set<string>();
  for (const id in link.rows) if (link.rows[id]?.status === 'approved') ids.add(id);
  return ids;
};

export function approvedLocks(
  assessment: Assessment,
  grid: Grid,
  reading: Pick<SheetReading, 'cells' | 'columns'>,
  before: ServerLink,
  after: ServerLink,
  central = false,
): LockOp[] {
  const was = approvedIn(before);
  const now = approvedIn(after);
  // No row approved before or now (every submit until an approver looks): nothing to lock or unlock, and no map of
  // every indicator to build for it.
  if (was.size === 0 && now.size === 0) return [];
  const indicators = new Map(allIndicators(assessment).map((i) => [i.id, i]));
  return approvedLockOps(grid, reading, indicators, was, now, { central });
}

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

const approvedIn = (link: ServerLink): Set<string> =>
  new Set(
    Object.entries(link.rows)
      .filter(([, r]) => r?.status === 'approved')
      .map(([id]) => id),
  );

export function approvedLocks(
  assessment: Assessment,
  grid: Grid,
  reading: Pick<SheetReading, 'cells' | 'columns'>,
  before: ServerLink,
  after: ServerLink,
  central = false,
): LockOp[] {
  const indicators = new Map(allIndicators(assessment).map((i) => [i.id, i]));
  return approvedLockOps(grid, reading, indicators, approvedIn(before), approvedIn(after), { central });
}

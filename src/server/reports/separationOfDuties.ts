/**
 * Separation of duties (การแบ่งแยกหน้าที่): whoever submitted a row's current version does not approve or return
 * it, even when they hold both roles in the unit. The submitter is read from the audit log (the latest
 * `report.submit` of the row), not from `updated_by`, because central staff entering a central variable into a
 * submitted row become its last editor without submitting it. On by default; `SCOREBOOK_SEPARATION_OF_DUTIES=off`
 * turns it off for a unit of one.
 */
import { ApiError } from '../errors';
import type { Tx } from '../db/transaction';
import type { RowScope } from '../store/reports';

export async function submitterOf(tx: Tx, scope: RowScope, indicatorId: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('audit_events')
    .select('actor')
    .where('assessment_id', '=', scope.assessmentId)
    .where('unit_id', '=', scope.unitId)
    .where('round', '=', scope.round)
    .where('indicator_id', '=', indicatorId)
    .where('action', '=', 'report.submit')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.actor;
}

export const ownSubmission = (indicatorId: string, decision: 'approve' | 'return') =>
  new ApiError(
    403,
    'separation_of_duties',
    `you submitted indicator ${indicatorId} yourself, so another approver of the unit must ${decision} it (separation of duties)`,
    `ท่านเป็นผู้ส่งรายงานตัวชี้วัด ${indicatorId} นี้เอง จึง${decision === 'approve' ? 'อนุมัติ' : 'ส่งคืน'}เองไม่ได้ ต้องให้ผู้อนุมัติคนอื่นของหน่วยงานดำเนินการ (การแบ่งแยกหน้าที่)`,
    { rule: 'separation-of-duties', indicatorId },
  );

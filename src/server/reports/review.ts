/** Approve or return one submitted row (the unit's approvers), with its audit event, in one transaction. */
import type { ReportRow } from '../../api';
import { resolveIndicatorId } from '../../domain';
import type { User } from '../auth/permissions';
import type { Db } from '../db/connect';
import { inTransaction } from '../db/transaction';
import { ApiError, errors } from '../errors';
import { appendAudit } from '../store/audit';
import { auditSnapshot, lockReports, toCurrentRow, toReportRow, updateReports, type StoredReport } from '../store/reports';
import { loadScope } from './scope';
import { ownSubmission, submitterOf } from './separationOfDuties';

export interface ReviewRequest {
  readonly user: User;
  readonly aid: string;
  readonly round: number;
  readonly unit: string;
  readonly indicatorId: string;
  readonly decision: 'approve' | 'return';
  readonly comment: string | undefined;
  readonly version: number | undefined;
  /** Read once the row is locked, so the decision's time orders truly against an attachment added meanwhile. */
  readonly clock: () => Date;
  /** The submitter of the current version may not review it (default on; see separationOfDuties.ts). */
  readonly separationOfDuties: boolean;
}

export async function reviewReport(db: Db, r: ReviewRequest): Promise<ReportRow> {
  return inTransaction(db, async (tx) => {
    const { assessment, scope } = await loadScope(tx, r.aid, r.round, r.unit);
    // The path may spell the id in Thai digits ("๑.๒"); the row is stored under the assessment's spelling.
    const indicatorId = resolveIndicatorId(assessment.model, r.indicatorId) ?? r.indicatorId;
    const old = (await lockReports(tx, scope, [indicatorId])).get(indicatorId);
    if (!old) throw errors.reportNotFound(r.indicatorId);
    if (r.version !== undefined && r.version !== old.version) {
      throw new ApiError(
        409,
        'version_conflict',
        `indicator ${r.indicatorId} changed since version ${r.version}: it is at version ${old.version}, by ${old.updatedBy}`,
        `ตัวชี้วัด ${r.indicatorId} ถูกแก้ไขหลังฉบับที่ ${r.version} แล้ว (ปัจจุบันฉบับที่ ${old.version} โดย ${old.updatedBy})`,
        { current: toCurrentRow(old) },
      );
    }
    if (old.status !== 'submitted') {
      throw new ApiError(
        409,
        'invalid_status',
        `only a submitted report can be approved or returned; indicator ${r.indicatorId} is ${old.status}`,
        `อนุมัติหรือส่งคืนได้เฉพาะรายงานที่ส่งแล้ว ตัวชี้วัด ${r.indicatorId} อยู่ในสถานะ ${old.status}`,
        { current: toCurrentRow(old) },
      );
    }
    if (r.separationOfDuties && (await submitterOf(tx, scope, r.indicatorId)) === r.user.username) {
      throw ownSubmission(r.indicatorId, r.decision);
    }
    const now = r.clock();
    const next: StoredReport = {
      ...old,
      status: r.decision === 'approve' ? 'approved' : 'returned',
      comment: r.comment?.trim() || null,
      version: old.version + 1,
      updatedBy: r.user.username,
      updatedAt: now,
    };
    await updateReports(tx, scope, [next]);
    await appendAudit(tx, [
      {
        at: now,
        actor: r.user.username,
        action: `report.${r.decision}`,
        assessmentId: scope.assessmentId,
        round: scope.round,
        unitId: scope.unitId,
        indicatorId,
        old: auditSnapshot(old),
        new: auditSnapshot(next),
      },
    ]);
    return toReportRow(next);
  });
}

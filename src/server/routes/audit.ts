/** The audit log: central staff read all of it, a unit's approvers that unit's events. */
import { auditListSchema, auditQuerySchema, routePatterns } from '../../api';
import { userOf } from '../auth/authenticate';
import { canReadAudit } from '../auth/permissions';
import { errors } from '../errors';
import type { ResolvedOptions } from '../options';
import { listAudit } from '../store/audit';
import { bearer, errorResponses, type App } from './common';

export function auditRoutes(app: App, options: ResolvedOptions): void {
  app.get(
    routePatterns.audit,
    {
      schema: {
        summary: "Audit events, oldest first (page with `after` = the last page's `next`; a page is bounded by count and by size)",
        tags: ['audit'],
        security: bearer,
        querystring: auditQuerySchema,
        response: { 200: auditListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { assessment, unit, after, limit } = request.query;
      if (!canReadAudit(user, unit)) {
        throw errors.forbidden(
          "the audit log is for central staff, and for a unit's approvers (give ?unit=)",
          'บันทึกการเปลี่ยนแปลงดูได้เฉพาะเจ้าหน้าที่ส่วนกลาง และผู้อนุมัติของหน่วยงาน (ระบุ ?unit=)',
        );
      }
      return listAudit(options.db, { assessment, unit, after, limit: limit ?? 1000, maxBytes: options.auditPageBytes });
    },
  );
}

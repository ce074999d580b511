/**
 * Who may do what (design.md): reporters enter and submit their units' rows, approvers approve or return them,
 * central staff define assessments, enter central variables and read everything. Pure functions of the
 * signed-in user, so every route asks the same questions and the tests can ask them too.
 */
import type { ApiUser } from '../../api';

export type User = ApiUser;

export const isCentral = (user: User): boolean => user.roles.includes('central');

const hasUnit = (user: User, unit: string): boolean => user.units.includes(unit);

export const canReport = (user: User, unit: string): boolean => user.roles.includes('reporter') && hasUnit(user, unit);

export const canApprove = (user: User, unit: string): boolean => user.roles.includes('approver') && hasUnit(user, unit);

/** Enter rows at all: the unit's reporters, and central staff (central variables only). */
export const canWriteRows = (user: User, unit: string): boolean => canReport(user, unit) || isCentral(user);

/** Read a unit's rows, attachments and scores: its reporters and approvers, and central staff. */
export const canReadUnit = (user: User, unit: string): boolean => isCentral(user) || canReport(user, unit) || canApprove(user, unit);

/** See an assessment: central staff, and anyone with a unit in it. */
export const canSeeAssessment = (user: User, unitIds: readonly string[]): boolean =>
  isCentral(user) || unitIds.some((u) => hasUnit(user, u));

/** Read the audit log: central staff (all of it), or the approver of the unit asked for. */
export const canReadAudit = (user: User, unit: string | undefined): boolean =>
  isCentral(user) || (unit !== undefined && canApprove(user, unit));

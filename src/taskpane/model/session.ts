/**
 * What the pane is working on: the assessment and the binding record that ties it to a sheet. Restored from the
 * workbook's own binding record on open, so closing and reopening the file keeps it.
 */
import type { Issue } from '../../domain';
import type { BindingRead, BindingRecord } from '../../workbook';
import type { LoadedAssessment } from './loadAssessment';
import { recordAssessment } from './recordAssessment';

export interface Session {
  readonly loaded: LoadedAssessment;
  readonly binding: BindingRecord;
}

export type SessionRead =
  { readonly ok: true; readonly session: Session | undefined } | { readonly ok: false; readonly issues: readonly Issue[] };

/** The binding record as read from the workbook → a session, or the issues that stop it. */
export function sessionFromBinding(read: BindingRead | undefined): SessionRead {
  if (!read) return { ok: true, session: undefined };
  if (!read.ok) return { ok: false, issues: read.issues };
  const loaded = recordAssessment(read.value);
  if (!loaded.ok) return { ok: false, issues: loaded.issues };
  return { ok: true, session: { loaded: loaded.value, binding: read.value } };
}

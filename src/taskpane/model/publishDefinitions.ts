/**
 * Publishing an assessment from the pane (central staff): the new version compared with the server's through the
 * domain's diff, then sent with PUT only when the server still holds the version compared against, so a person
 * never confirms one diff and publishes over another. No React here; PublishPanel.tsx shows each step.
 */
import type { ApiAssessmentDocument, ApiIssue } from '../../api';
import { isApiError } from '../../api/clientError';
import { diffAssessments, type Assessment, type AssessmentDiff, type Issue } from '../../domain';
import { PaneError } from '../hooks/useAction';
import { DEFINITIONS_STRINGS } from '../definitionsStrings';
import type { ServerClient } from '../components/serverClient';
import { loadAssessment, type LoadedAssessment } from './loadAssessment';

export interface PublishComparison {
  readonly next: LoadedAssessment;
  /** The server's version now; absent when the id is new there. */
  readonly base?: { readonly document: ApiAssessmentDocument; readonly assessment: Assessment };
  /** Absent when the id is new on the server. */
  readonly diff?: AssessmentDiff;
}

export type PublishOutcome =
  | { readonly kind: 'published'; readonly created: boolean; readonly version?: number; readonly issues: readonly ApiIssue[] }
  | { readonly kind: 'refused'; readonly issues: readonly ApiIssue[] }
  /** The server's document is not the one compared against: compared again, nothing sent. */
  | { readonly kind: 'moved'; readonly comparison: PublishComparison };

const said = (key: 'serverDocInvalid' | 'noPublish') => ({ th: DEFINITIONS_STRINGS.th[key], en: DEFINITIONS_STRINGS.en[key] });

/** The server's current version of `next` and what `next` changes in it. */
export async function compareWithServer(client: Pick<ServerClient, 'getAssessment'>, next: LoadedAssessment): Promise<PublishComparison> {
  let document: ApiAssessmentDocument;
  try {
    document = await client.getAssessment(next.assessment.id);
  } catch (e) {
    if (isApiError(e) && e.code === 'assessment_not_found') return { next };
    throw e;
  }
  const read = loadAssessment(document, next.assessment.id);
  if (!read.ok) throw new PaneError(said('serverDocInvalid'));
  return { next, base: { document, assessment: read.value.assessment }, diff: diffAssessments(read.value.assessment, next.assessment) };
}

/** The same document as far as publishing is concerned (key order aside). */
function sameDocument(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * PUT, after checking that the server still holds what was compared (else the new comparison, nothing sent). A
 * document the server refuses comes back as its issues, each with its JSON path; any other failure is thrown.
 */
export async function publish(
  client: Pick<ServerClient, 'getAssessment' | 'putAssessment'>,
  compared: PublishComparison,
): Promise<PublishOutcome> {
  if (!client.putAssessment) throw new PaneError(said('noPublish'));
  const again = await compareWithServer(client, compared.next);
  if (
    (again.base === undefined) !== (compared.base === undefined) ||
    (again.base && !sameDocument(again.base.document, compared.base?.document))
  )
    return { kind: 'moved', comparison: again };
  try {
    const answer = await client.putAssessment(compared.next.assessment.id, compared.next.document);
    return { kind: 'published', created: answer.created ?? compared.base === undefined, version: answer.version, issues: answer.issues };
  } catch (e) {
    if (isApiError(e) && e.code === 'invalid_assessment') return { kind: 'refused', issues: issuesOf(e.details) };
    throw e;
  }
}

function issuesOf(details: unknown): ApiIssue[] {
  const list = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(list) ? (list as ApiIssue[]) : [];
}

/** An issue's message with its JSON path in front, when the message does not say it already. */
export function issueWithPath(i: Pick<Issue, 'message' | 'path'>): { th: string; en: string } {
  if (!i.path) return i.message;
  const lead = (text: string): string => (text.includes(i.path!) ? text : `${i.path}: ${text}`);
  return { th: lead(i.message.th), en: lead(i.message.en) };
}

/**
 * What the live evaluation scores with besides the sheet's cells, taken from what the same read already brings:
 * the round the sheet reports on (the server link's round, else the settings sheet's ScorebookRound), so rows not
 * due in it score `not-due`; and, once the sheet is linked to a round, each row's report status as the server last
 * said it, so the report carries the certified total beside the self-assessed one; and the settings sheet's policies
 * and level scores, as edited there, which the sheet's formulas already score with. Pure: no port call here.
 */
import { allIndicators, type Assessment, type ReportStatus } from '../../domain';
import { assessmentWithSettings, readSettings, type BindingRead } from '../../workbook';
import type { RangeRequest } from '../../workbook/port';
import { readServerLink, type ServerLink } from './serverLink';
import type { Session } from './session';

/**
 * The settings block is a header and one row per setting (five policies, one per level, the round): this
 * rectangle holds it with room to spare, read beside the KPI sheet and the record (no sync more in Excel: the
 * optional sheet is located with the record in the first sync and read with it in the second).
 */
export const SETTINGS_RECTANGLE = 'A1:C40';

export function hasRounds(assessment: Pick<Assessment, 'indicators'>): boolean {
  let known = withRounds.get(assessment.indicators);
  if (known === undefined) {
    known = allIndicators(assessment).some((i) => i.rounds !== undefined);
    withRounds.set(assessment.indicators, known);
  }
  return known;
}

/** Per indicator list (immutable once read): asked after every edit. */
const withRounds = new WeakMap<object, boolean>();

/** Each row's status, per server link object (links are rebuilt, never changed in place): asked after every edit. */
const statusesOf = new WeakMap<ServerLink, Readonly<Record<string, ReportStatus>>>();

function linkStatuses(link: ServerLink): Readonly<Record<string, ReportStatus>> {
  let known = statusesOf.get(link);
  if (!known) {
    const statuses: Record<string, ReportStatus> = {};
    for (const [id, row] of Object.entries(link.rows)) if (row.status) statuses[id] = row.status;
    known = statuses;
    statusesOf.set(link, known);
  }
  return known;
}

/**
 * The settings sheet to read beside the KPI sheet, whenever the binding names one: its policies and level scores
 * are what the sheet's formulas score with (and its ScorebookRound the round), so the pane scores with them too.
 */
export function settingsRequest(session: Session): RangeRequest | undefined {
  const { binding } = session;
  if (!binding.settingsSheet || binding.settingsSheet === binding.sheet) return undefined;
  return { sheet: binding.settingsSheet, address: SETTINGS_RECTANGLE, optional: true };
}

export interface LiveScoring {
  /** The session's assessment with the settings sheet's policies and level scores (the same object when they are the document's). */
  readonly assessment: Assessment;
  /** The round scored: the link's, else ScorebookRound; undefined: every row due. */
  readonly round?: number;
  /** Present once the sheet is linked to a round: each stored row's status (a row never stored has none). */
  readonly statuses?: Readonly<Record<string, ReportStatus>>;
  /** The server link read from the record, when it is this session's sheet's and readable. */
  readonly link?: ServerLink;
}

/**
 * The binding record read beside the sheet (absent, or another sheet's: nothing from it) and the settings
 * rectangle (absent when not asked for or the sheet is gone).
 */
export function liveScoring(
  session: Session,
  binding: BindingRead | undefined,
  settings: readonly (readonly unknown[])[] | undefined,
): LiveScoring {
  const read = binding?.ok && binding.value.sheet === session.binding.sheet ? readServerLink(binding.value.server) : undefined;
  const link = read?.ok ? read.value : undefined;
  const sheetSettings = settings ? readSettings(settings as Parameters<typeof readSettings>[0]) : undefined;
  const settingsRound = hasRounds(session.loaded.assessment) ? sheetSettings?.round : undefined;
  const assessment = sheetSettings
    ? assessmentWithSettings(session.loaded.assessment, sheetSettings).assessment
    : session.loaded.assessment;
  if (!link?.target) return { assessment, ...(settingsRound === undefined ? {} : { round: settingsRound }), ...(link ? { link } : {}) };
  return { assessment, round: link.target.round, statuses: linkStatuses(link), link };
}

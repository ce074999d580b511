/**
 * The pane's work with the reporting API, as pure functions: a round's window in words, the sheet inputs and
 * server link of a sheet opened from the server, the rows that changed since the server last confirmed them,
 * and the link after a submit's answers. No I/O here; ServerPanel calls the client and the port.
 */
import type { ApiRound, BatchRow, CurrentRow, ReportRow } from '../../api';
import type { BatchTarget } from '../../api/pending';
import type { RowOutcome } from '../../api/submit';
import { leafIndicators, rowChange, sameResult, type Assessment, type LeafIndicator, type RawResult, type ResultSet } from '../../domain';
import { ROW_TEXT_FIELDS, type RowInputs, type SheetInputs, type SheetReading } from '../../workbook';
import type { RowTexts } from '../../workbook/rowTexts';
import { UNREAD_CODES } from '../../workbook/typedNumbers';
import { emptyServerLink, type ConfirmedRow, type ServerLink } from './serverLink';

/**
 * Each indicator's explanation, obstacles and remarks as typed (คำชี้แจงการปฏิบัติงาน, อุปสรรค, หมายเหตุ); blank
 * is null; a field whose column the sheet lacks is absent, and then left as the server has it.
 */
export { rowTextsOf, type RowTexts } from '../../workbook/rowTexts';

const DAY = 86_400_000;

export interface RoundWindow {
  readonly opensAt: string;
  readonly closesAt: string;
  readonly state: 'not-yet' | 'open' | 'closed';
  /** Whole days until it closes, counting today (open only). */
  readonly daysLeft: number;
  readonly allowLate: boolean;
}

export function roundWindow(round: ApiRound, now: Date): RoundWindow {
  const opens = Date.parse(round.opensAt);
  const closes = Date.parse(round.closesAt);
  const t = now.getTime();
  const state = t < opens ? 'not-yet' : t > closes ? 'closed' : 'open';
  return {
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    state,
    daysLeft: state === 'open' ? Math.ceil((closes - t) / DAY) : 0,
    allowLate: round.allowLate ?? false,
  };
}

/** What the server holds, as the results the sheet is filled with and the link it remembers. */
export function linkFromReports(
  baseUrl: string,
  target: BatchTarget,
  reports: readonly ReportRow[],
): { results: ResultSet; link: ServerLink } {
  const results: Record<string, RawResult> = {};
  const rows: ServerLink['rows'] = {};
  for (const r of reports) {
    results[r.indicatorId] = r.value;
    rows[r.indicatorId] = {
      version: r.version,
      value: r.value,
      status: r.status,
      explanation: r.explanation,
      obstacles: r.obstacles,
      remarks: r.remarks,
      comment: r.comment,
    };
  }
  return { results: { results, round: target.round }, link: { ...emptyServerLink(), baseUrl, target, rows } };
}

/** The server's explanation, obstacles and remarks of each row beside its result inputs, for the sheet opened from it. */
export function inputsWithTexts(inputs: SheetInputs, reports: readonly ReportRow[]): Map<string, RowInputs> {
  const out = new Map(inputs);
  for (const r of reports) {
    if (r.explanation === null && r.obstacles === null && r.remarks === null) continue;
    out.set(r.indicatorId, { ...out.get(r.indicatorId), explanation: r.explanation, obstacles: r.obstacles, note: r.remarks });
  }
  return out;
}

/**
 * Rows whose result or any of the three texts differs from what the server last confirmed (set back to it: not
 * changed), as the domain's `rowChange` decides it (key order ignored, central variables merged). A row blank in
 * the sheet and never stored is not sent; each row carries the version it was based on and every text the sheet
 * has a column for. `unread`: indicators whose typed input the sheet cannot count (text in a number cell, "๘๕"):
 * what the person typed is not what the server holds, so the row is changed even though its value reads blank —
 * the submit then stops on it (`unreadRows`) rather than send a blank in its place.
 */
export function changedRows(
  assessment: Assessment,
  resultSet: ResultSet,
  link: ServerLink,
  texts?: ReadonlyMap<string, RowTexts>,
  unread?: ReadonlySet<string>,
  memo?: ChangedRowsMemo,
): BatchRow[] {
  const rows: BatchRow[] = [];
  const leaves = leafIndicators(assessment);
  if (memo && memo.assessment !== assessment) {
    memo.assessment = assessment;
    memo.leaves = [];
  }
  for (let k = 0; k < leaves.length; k++) {
    const indicator = leaves[k]!;
    const row = changedRowAt(
      k,
      indicator,
      resultSet.results[indicator.id],
      link,
      texts?.get(indicator.id),
      unread?.has(indicator.id) ?? false,
      memo,
    );
    if (row) rows.push(row);
  }
  return rows;
}

/** One leaf (its index `k` in `leafIndicators`) of `changedRows`: its row to send, or undefined when unchanged. */
export function changedRowAt(
  k: number,
  indicator: LeafIndicator,
  raw: RawResult | undefined,
  link: ServerLink,
  own: RowTexts | undefined,
  isUnread: boolean,
  memo?: ChangedRowsMemo,
): BatchRow | undefined {
  const confirmed = link.rows[indicator.id];
  const kept = memo?.leaves[k];
  if (kept && kept.raw === raw && kept.own === own && kept.confirmed === confirmed && kept.unread === isUnread) return kept.row;
  const change = rowChange(indicator, { value: raw, texts: own }, confirmed);
  const row =
    !change.any && !isUnread ? undefined : { indicatorId: indicator.id, value: raw ?? null, ...own, baseVersion: confirmed?.version ?? 0 };
  if (memo) memo.leaves[k] = { raw, own, confirmed, unread: isUnread, row };
  return row;
}

/**
 * Each row's answer kept by its indicator with what it was worked out from (the result, the texts object, the row
 * the server confirmed, unread or not): a live sheet asks after every edit, and an edit changes a row or two.
 */
export interface ChangedRowsMemo {
  /** @internal */
  assessment: Assessment | undefined;
  /** @internal by leaf, in document order (an array lookup: asked for every row) */
  leaves: (
    | {
        raw: RawResult | undefined;
        own: RowTexts | undefined;
        confirmed: ServerLink['rows'][string] | undefined;
        unread: boolean;
        row: BatchRow | undefined;
      }
    | undefined
  )[];
}

export function changedRowsMemo(): ChangedRowsMemo {
  return { assessment: undefined, leaves: [] };
}

/** Indicators with a typed value the sheet cannot count ("๘๕", "1,234.5" or "85%" typed as text). */
export function unreadIndicators(reading: Pick<SheetReading, 'issues'>): Set<string> {
  return new Set(reading.issues.flatMap((i) => (UNREAD_CODES.has(i.code) && i.indicatorId !== undefined ? [i.indicatorId] : [])));
}

/** Accepted rows become the new "last confirmed"; every other outcome leaves the row as it was (nothing lost). */
export function linkAfterSubmit(
  link: ServerLink,
  sent: readonly BatchRow[],
  outcomes: readonly RowOutcome[],
  action: 'save' | 'submit',
): ServerLink {
  const byId = new Map(sent.map((r) => [r.indicatorId, r]));
  const rows = { ...link.rows };
  for (const o of outcomes) {
    if (o.outcome !== 'accepted' || o.result.version === undefined) continue;
    const row = byId.get(o.indicatorId);
    if (!row) continue;
    const next: ConfirmedRow = {
      ...rows[o.indicatorId],
      version: o.result.version,
      value: row.value,
      status: action === 'submit' ? 'submitted' : 'draft',
    };
    // The texts sent are now the server's; a text the sheet had no column for stays as it was known. A loop, not
    // entries and fromEntries: 10,000 rows an answer.
    for (const f of ROW_TEXT_FIELDS) if (row[f] !== undefined) next[f] = row[f];
    rows[o.indicatorId] = next;
  }
  return { ...link, rows };
}

/**
 * "Take theirs": the server's row — value and texts — becomes the last confirmed one, so the sheet (now holding
 * it) is unchanged. A text the answer did not carry stays as it was known.
 */
export function linkTakingTheirs(link: ServerLink, indicatorId: string, current: CurrentRow): ServerLink {
  const texts = Object.fromEntries(ROW_TEXT_FIELDS.filter((f) => current[f] !== undefined).map((f) => [f, current[f]]));
  return {
    ...link,
    rows: {
      ...link.rows,
      [indicatorId]: { ...link.rows[indicatorId], version: current.version, value: current.value, status: current.status, ...texts },
    },
  };
}

/** The texts of a conflict's answer, as the sheet's columns take them (absent from the answer: left alone). */
export function theirTexts(current: CurrentRow): RowTexts {
  return Object.fromEntries(ROW_TEXT_FIELDS.filter((f) => current[f] !== undefined).map((f) => [f, current[f] ?? null]));
}

/**
 * Statuses back from the server (approved, returned with the approver's comment). A row whose value and texts on
 * the server are still the ones the sheet last confirmed takes the new version, status and comment; a row someone
 * else changed (or stored where this sheet knew of none) keeps what the sheet knew, so a submit of it meets the
 * conflict instead of overwriting, and a blank the sheet never sent is not taken for a deletion.
 */
export function linkAfterRefresh(link: ServerLink, reports: readonly ReportRow[]): ServerLink {
  const rows = { ...link.rows };
  for (const r of reports) {
    const known = rows[r.indicatorId];
    if (!known || !sameResult(known.value, r.value) || ROW_TEXT_FIELDS.some((f) => (known[f] ?? null) !== r[f])) continue;
    rows[r.indicatorId] = {
      ...known,
      version: r.version,
      value: r.value,
      status: r.status,
      comment: r.comment,
      explanation: r.explanation,
      obstacles: r.obstacles,
      remarks: r.remarks,
    };
  }
  return { ...link, rows };
}

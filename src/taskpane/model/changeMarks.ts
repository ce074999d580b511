/**
 * Rows changed since the server last confirmed them, marked live in the sheet: the status column (สถานะการส่ง)
 * says "แก้ไขแล้ว ยังไม่ส่ง" and the row's input cells are filled; set back, the status says again what the server
 * last said of the row (its status and comment) and the fill goes. Pure: the live sheet hook reads the sheet and
 * the binding record in one port call, asks here, and applies the plan only when there is one — that is, only
 * when the rows to mark differ from the marks already in the sheet.
 *
 * A row whose status shows a submit's outcome (a conflict, "waiting to resend", …) keeps it until the row is
 * edited again: the outcome says more than the mark, and the row is still counted as changed.
 */
import type { Assessment, Locale } from '../../domain';
import type { BindingRead, Grid, SheetReading } from '../../workbook';
import type { WritePlan } from '../../workbook/plan';
import { SERVER_STRINGS } from '../serverStrings';
import { readServerLink, type ConfirmedRow, type ServerLink } from './serverLink';
import type { Session } from './session';
import { changedRows, rowTextsOf, unreadIndicators, type ChangedRowsMemo } from './serverSheet';
import type { RowTextsMemo } from '../../workbook/rowTexts';
import { CHANGED_MARK, isChangeMark, statusColumnIndex, statusColumnPlan, statusTexts } from './statusColumn';

export interface MarkInput {
  readonly assessment: Assessment;
  /** The bound sheet's used range, and its reading. */
  readonly grid: Grid;
  readonly reading: SheetReading;
  readonly link: ServerLink;
  readonly locale: Locale;
  /** `contents` of the last pass; absent on the first pass over this sheet. */
  readonly previous?: ReadonlyMap<string, string>;
  /** What the last pass over this sheet worked out, by row (model/liveCache.ts). */
  readonly memo?: MarksMemo;
}

export interface MarksMemo {
  readonly texts: RowTextsMemo;
  readonly changes: ChangedRowsMemo;
}

export interface ChangeMarks {
  /** Indicators whose row differs from what the server last confirmed (what a submit would send). */
  readonly changed: readonly string[];
  /** The changed rows the server holds as approved: typed over, so the total shown is no longer the approved one. */
  readonly approvedChanged: readonly string[];
  /** Each changed row's result and texts, to tell on the next pass which rows were edited meanwhile. */
  readonly contents: ReadonlyMap<string, string>;
  /** Undefined when the sheet's marks already are right: nothing to write. */
  readonly plan: WritePlan | undefined;
  /** The plan adds the status column right of the sheet's used range. */
  readonly addsColumn: boolean;
}

/** What the server last said of a row, as the status column shows it; null for a row it never stored. */
export function serverSays(row: ConfirmedRow | undefined, locale: Locale): string | null {
  return row?.status ? SERVER_STRINGS[locale].statusOf(row.status, row.comment) : null;
}

/**
 * The mark; a returned row keeps the approver's comment beside it, since that is what is being fixed; an approved
 * row says, while it is being typed over, that the server will not take the edit and the score now differs from
 * the approved one.
 */
export function markText(row: ConfirmedRow | undefined, locale: Locale): string {
  if (row?.status === 'approved') return `${CHANGED_MARK[locale]} — ${APPROVED_EDIT[locale]}`;
  return row?.status === 'returned' ? `${CHANGED_MARK[locale]} — ${serverSays(row, locale)}` : CHANGED_MARK[locale];
}

const APPROVED_EDIT: Readonly<Record<Locale, string>> = {
  th: 'แถวนี้อนุมัติแล้ว เซิร์ฟเวอร์จะไม่รับค่าที่แก้ คะแนนในชีตต่างจากที่อนุมัติ',
  en: 'this row is approved: the server will not take the edit, and the score differs from the approved one',
};

export function changeMarks(input: MarkInput): ChangeMarks {
  const { grid, reading, link, locale, previous } = input;
  // What the person typed counts, not only what parses: text the sheet cannot count is a change too.
  const { memo } = input;
  const rows = changedRows(
    input.assessment,
    reading.resultSet,
    link,
    rowTextsOf(grid, reading, memo?.texts),
    unreadIndicators(reading),
    memo?.changes,
  );
  const contents = new Map(rows.map((r) => [r.indicatorId, JSON.stringify([r.value, r.explanation, r.obstacles, r.remarks])]));
  const status = statusTexts(grid, reading);
  const texts = new Map<string, string | null>();
  for (const [id, key] of contents) {
    const now = status.get(id) ?? null;
    if (isChangeMark(now)) continue;
    const edited = previous !== undefined && previous.get(id) !== key;
    // A blank status, or the server's own words: nothing a person would miss is written over.
    const quiet = now === null || now === '' || (['th', 'en'] as const).some((l) => now === serverSays(link.rows[id], l));
    if (edited || quiet) texts.set(id, markText(link.rows[id], locale));
  }
  for (const [id, now] of status) {
    if (isChangeMark(now) && !contents.has(id)) texts.set(id, serverSays(link.rows[id], locale));
  }
  const plan = texts.size > 0 ? statusColumnPlan(grid, reading, texts) : undefined;
  return {
    changed: rows.map((r) => r.indicatorId),
    approvedChanged: rows.filter((r) => link.rows[r.indicatorId]?.status === 'approved').map((r) => r.indicatorId),
    contents,
    plan: plan && { ...plan, title: 'mark changed rows' },
    addsColumn: plan !== undefined && statusColumnIndex(grid, reading) === undefined,
  };
}

/**
 * The marks for the live sheet: undefined when the binding record read beside the sheet is not this session's
 * sheet, or the sheet is not linked to a server round (nothing to compare with).
 */
export function liveMarks(
  session: Session,
  binding: BindingRead | undefined,
  grid: Grid,
  reading: SheetReading,
  locale: Locale,
  previous: ReadonlyMap<string, string> | undefined,
  memo?: MarksMemo,
): ChangeMarks | undefined {
  if (!binding?.ok || binding.value.sheet !== session.binding.sheet) return undefined;
  const link = readServerLink(binding.value.server);
  if (!link.ok || !link.value.target) return undefined;
  return changeMarks({
    assessment: session.loaded.assessment,
    grid,
    reading,
    link: link.value,
    locale,
    previous,
    ...(memo ? { memo } : {}),
  });
}

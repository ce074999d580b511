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
import { leafIndicators, type Assessment, type LeafIndicator, type Locale } from '../../domain';
import { parseAddress, type BindingRead, type CellValue, type Grid, type SheetReading } from '../../workbook';
import type { BatchRow } from '../../api';
import type { WritePlan } from '../../workbook/plan';
import { SERVER_STRINGS } from '../serverStrings';
import { readServerLink, type ConfirmedRow, type ServerLink } from './serverLink';
import type { Session } from './session';
import { changedRowAt, changedRows, rowTextsOf, unreadIndicators, type ChangedRowsMemo } from './serverSheet';
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
  /** @internal what the last pass worked out, with what it was worked out from (keptMarks) */
  last?: MarksLast;
}

interface MarksLast {
  readonly assessment: Assessment;
  readonly link: ServerLink;
  readonly values: Grid['values'];
  readonly cells: SheetReading['cells'];
  /** The grid's place, the header row, the columns read and the status column's. */
  readonly key: string;
  readonly unread: ReadonlySet<string>;
  /** Leaves (indices in `leafIndicators`) whose row differs from what the server confirmed, ascending. */
  readonly withRow: readonly number[];
  /** Indicators whose status cell holds a change mark. */
  readonly marked: ReadonlySet<string>;
  /** The indicator on each grid row, by the cells map above. */
  readonly idAt: readonly (string | undefined)[];
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
  const unread = unreadIndicators(reading);
  const column = statusColumnIndex(grid, reading);
  const key = JSON.stringify([grid.sheet, grid.topLeft, reading.headerRow, column ?? -1, [...reading.columns]]);
  const kept = memo ? keptMarks(memo, input, key, unread, column) : undefined;
  let rows: readonly BatchRow[];
  let marked: readonly string[];
  if (kept) {
    rows = kept.rows;
    marked = kept.marked;
  } else {
    rows = changedRows(input.assessment, reading.resultSet, link, rowTextsOf(grid, reading, memo?.texts), unread, memo?.changes);
    // In the reader's order (row order): the order the marks are taken off in.
    marked = [...statusTexts(grid, reading)].filter(([, now]) => isChangeMark(now)).map(([id]) => id);
    if (memo) {
      const { leafIndex } = leavesOf(input.assessment);
      memo.last = {
        assessment: input.assessment,
        link,
        values: grid.values,
        cells: reading.cells,
        key,
        unread,
        withRow: rows.map((r) => leafIndex.get(r.indicatorId) as number),
        marked: new Set(marked),
        idAt: idsByRow(reading.cells, parseAddress(grid.topLeft).row),
      };
    }
  }
  const contents = new Map(rows.map((r) => [r.indicatorId, contentOf(r)]));
  const origin = parseAddress(grid.topLeft);
  const statusOf = (id: string): CellValue => {
    const at = reading.cells.get(id);
    return column === undefined || !at ? null : (grid.values[at.row - origin.row]?.[column] ?? null);
  };
  const texts = new Map<string, string | null>();
  for (const [id, key] of contents) {
    const now = statusOf(id);
    if (isChangeMark(now)) continue;
    const edited = previous !== undefined && previous.get(id) !== key;
    // A blank status, or the server's own words: nothing a person would miss is written over.
    const quiet = now === null || now === '' || (['th', 'en'] as const).some((l) => now === serverSays(link.rows[id], l));
    if (edited || quiet) texts.set(id, markText(link.rows[id], locale));
  }
  for (const id of marked) {
    if (!contents.has(id)) texts.set(id, serverSays(link.rows[id], locale));
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

/** Each changed row's result and texts as one string, once per row object (rows are kept between passes). */
const contentsOf = new WeakMap<BatchRow, string>();

function contentOf(r: BatchRow): string {
  let known = contentsOf.get(r);
  if (known === undefined) {
    known = JSON.stringify([r.value, r.explanation, r.obstacles, r.remarks]);
    contentsOf.set(r, known);
  }
  return known;
}

/** Per assessment (immutable once read): its leaves and each one's index among them. */
const leafLists = new WeakMap<Assessment, { leaves: readonly LeafIndicator[]; leafIndex: ReadonlyMap<string, number> }>();

function leavesOf(assessment: Assessment): { leaves: readonly LeafIndicator[]; leafIndex: ReadonlyMap<string, number> } {
  let known = leafLists.get(assessment);
  if (!known) {
    const leaves = leafIndicators(assessment);
    known = { leaves, leafIndex: new Map(leaves.map((l, k) => [l.id, k])) };
    leafLists.set(assessment, known);
  }
  return known;
}

function idsByRow(cells: SheetReading['cells'], originRow: number): (string | undefined)[] {
  const at: (string | undefined)[] = [];
  for (const [id, c] of cells) at[c.row - originRow] = id;
  return at;
}

/**
 * The last pass's changed rows and marks with only the rows that are new arrays since worked out again, when
 * nothing else can have moved: the same assessment, server link and layout, the reader's very same cells map (it
 * keeps it when no row moved, readGrid.ts `patched`), the same unreadable rows. Else undefined: every row again.
 * Exactly what the whole pass gives (test/taskpane/liveCache.test.ts checks both after every step).
 */
function keptMarks(
  memo: MarksMemo,
  input: MarkInput,
  key: string,
  unread: ReadonlySet<string>,
  column: number | undefined,
): { rows: BatchRow[]; marked: string[] } | undefined {
  const { grid, reading, link, assessment } = input;
  const last = memo.last;
  if (!last || last.assessment !== assessment || last.link !== link || last.cells !== reading.cells || last.key !== key) return undefined;
  if (last.values.length !== grid.values.length || last.unread.size !== unread.size) return undefined;
  for (const id of unread) if (!last.unread.has(id)) return undefined;
  const { leaves, leafIndex } = leavesOf(assessment);
  let marked = last.marked;
  const gained: number[] = [];
  const lost = new Set<number>();
  for (let r = 0; r < grid.values.length; r++) {
    const values = grid.values[r];
    if (values === last.values[r]) continue;
    const id = last.idAt[r];
    if (id === undefined) continue;
    const isMark = isChangeMark(column === undefined ? null : (values?.[column] ?? null));
    if (isMark !== marked.has(id)) {
      const next = new Set(marked);
      if (isMark) next.add(id);
      else next.delete(id);
      marked = next;
    }
    const k = leafIndex.get(id);
    if (k === undefined) continue;
    const cells = reading.cells.get(id);
    const own = cells && rowTextsOf(grid, { cells: new Map([[id, cells]]), columns: reading.columns }, memo.texts).get(id);
    const had = memo.changes.leaves[k]?.row !== undefined;
    const row = changedRowAt(k, leaves[k] as LeafIndicator, reading.resultSet.results[id], link, own, unread.has(id), memo.changes);
    if (row && !had) gained.push(k);
    if (!row && had) lost.add(k);
  }
  const withRow =
    gained.length === 0 && lost.size === 0 ? last.withRow : [...last.withRow.filter((k) => !lost.has(k)), ...gained].sort((a, b) => a - b);
  const rows = withRow.map((k) => memo.changes.leaves[k]?.row as BatchRow);
  // In row order, as the reader's cells map (and the whole pass) has them.
  const rowOf = (id: string): number => reading.cells.get(id)?.row ?? 0;
  const order = [...marked].sort((a, b) => rowOf(a) - rowOf(b));
  memo.last = { ...last, values: grid.values, withRow, marked };
  return { rows, marked: order };
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

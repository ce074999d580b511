/**
 * One pass of the live sheet (hooks/useLiveSheet.ts) after an edit: read the bound sheet and the binding record in
 * one port call, score the sheet, and work out the change marks; on a multi-unit sheet, its table's input columns
 * scored unit by unit (`unitsPass`). Kept apart from the hook so the benches (test/taskpane/summary.bench.ts,
 * test/office/addin.bench.ts) measure the very code the pane runs per edit.
 */
import type { Issue, Locale } from '../../domain';
import { multiUnitReadRequest } from '../../workbook';
import type { RangeRequest, WorkbookPort } from '../../workbook/port';
import type { WritePlan } from '../../workbook/plan';
import { liveMarks } from './changeMarks';
import { evaluateMultiUnitSheet, evaluateSheet, type Evaluation } from './evaluate';
import type { LiveCache } from './liveCache';
import { liveScoring, settingsRequest } from './liveScoring';
import type { Session } from './session';

export interface LivePass {
  readonly evaluation: Evaluation;
  /** Rows changed since the server last confirmed them; undefined when the sheet is not linked to a server round. */
  readonly changed: readonly string[] | undefined;
  readonly approvedChanged: readonly string[];
  /** For the next pass's `previous`. */
  readonly contents: ReadonlyMap<string, string> | undefined;
  /** Marks to write; undefined when the sheet's marks already are right. */
  readonly plan: WritePlan | undefined;
}

export async function livePass(
  port: WorkbookPort,
  session: Session,
  locale: Locale,
  previous: ReadonlyMap<string, string> | undefined,
  cache?: LiveCache,
): Promise<LivePass> {
  const kept = cache?.session === session ? cache : undefined;
  // The binding record comes in the same call: its server link is what "changed" is measured against.
  // The settings sheet (its policies, level scores and ScorebookRound) rides along: no sync more in Excel.
  const settings = settingsRequest(session);
  // Only the rows changed since the last pass, when the cache knows them all (liveCache.ts); else the used range.
  const rows = kept?.rowsToRead(port);
  const sheetRanges: RangeRequest[] = rows ?? [{ sheet: session.binding.sheet, numberFormats: true }];
  const before = port.writes;
  const read = await port.read({ ranges: [...sheetRanges, ...(settings ? [settings] : [])], binding: true });
  const settingsValues = settings ? read.ranges[sheetRanges.length]?.values : undefined;
  const grid = rows ? kept?.patch(read.ranges.slice(0, rows.length), read.binding, settingsValues) : read.ranges[0];
  if (rows && !grid) {
    // The record or the settings changed, or an edge cell emptied: the whole sheet after all.
    kept?.invalidate();
    return livePass(port, session, locale, previous, kept);
  }
  kept?.keep(grid, read.binding, settingsValues, before, port.writes);
  // The round and, once linked, each row's status as the server last said it: not-due rows, the certified total.
  const { assessment, round, statuses } = liveScoring(session, read.binding, settingsValues);
  const memo = kept ? { read: kept.readMemo, score: kept.scoreMemo, targets: kept.targetsMemo } : undefined;
  const e: Evaluation = grid
    ? evaluateSheet(assessment, grid, { headers: session.binding.columns, round, statuses, ...(memo ? { memo } : {}) })
    : { ok: false, issues: [missingSheet(session.binding.sheet)] };
  const marks = grid && e.ok ? liveMarks(session, read.binding, grid, e.reading, locale, previous, kept?.marksMemo) : undefined;
  return {
    // A status column added right of the sheet takes the column the what-if column would have gone to.
    evaluation: e.ok && marks?.addsColumn ? { ...e, nextFreeColumn: e.nextFreeColumn + 1 } : e,
    changed: marks?.changed,
    approvedChanged: marks?.approvedChanged ?? [],
    contents: marks?.contents,
    plan: marks?.plan,
  };
}

/**
 * A multi-unit sheet's pass: only its table's id, input and unit columns (the used range without a table) —
 * 20,000 rows of formulas would cost more to read than to score. The central office's bulk view is not linked to
 * one unit's round, so it has no marks.
 */
export async function unitsPass(port: WorkbookPort, { binding, loaded }: Session): Promise<Evaluation> {
  const { multiUnit } = binding;
  if (!multiUnit) throw new Error('unitsPass needs a multi-unit binding');
  const read = await port.read(multiUnitReadRequest({ ...binding, multiUnit }));
  const grid = read.tables[0] ?? read.ranges[0];
  return grid
    ? evaluateMultiUnitSheet(loaded.assessment, grid, { headers: binding.columns, multiUnit })
    : { ok: false, issues: [missingSheet(binding.sheet)] };
}

export function missingSheet(sheet: string): Issue {
  return {
    code: 'bound-sheet-missing',
    severity: 'error',
    message: {
      th: `ไม่พบชีต ${sheet} ที่ผูกไว้ หากเปลี่ยนชื่อชีต ให้ผูกชีตใหม่ในแท็บ "ผูกชีต"`,
      en: `the bound sheet ${sheet} is not there; if it was renamed, bind it again on the "Bind" tab`,
    },
  };
}

/** The pass's marks written, and the cache told which cells they were (so the next pass need not read the sheet whole). */
export async function applyMarks(port: WorkbookPort, plan: WritePlan, cache?: LiveCache): Promise<void> {
  const before = port.writes;
  try {
    await port.apply(plan);
  } catch (e) {
    cache?.invalidate();
    throw e;
  }
  cache?.wrote(plan, before, port.writes);
}

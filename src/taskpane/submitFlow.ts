/**
 * The submit sequence of the Server tab without React: read the sheet and choose the rows (errors block, warnings
 * ask), send them in batches through the client (whose pending store keeps them in the workbook), remember the
 * accepted rows in the binding record, and write each row's outcome into the status column with the returned-row
 * marks. SubmitChanged.tsx calls these and keeps only its state; `npm run bench:submit` calls the same ones, so
 * what it measures is what a person's "Submit all" does.
 */
import type { BatchRow } from '../api';
import type { BatchTarget, PendingStore } from '../api/pending';
import type { SubmitProgress, SubmitReport } from '../api/submit';
import { allIndicators, type Assessment, type Issue, type Locale } from '../domain';
import type { SheetReading } from '../workbook';
import { typedNumbers, UNREAD_CODES, type TypedNumber } from '../workbook/typedNumbers';
import { BINDING_PROBE, bindingOps } from '../workbook/bindingPlan';
import type { WriteOp, WritePlan } from '../workbook/plan';
import { applyBuilt, isWorkbookError, type WorkbookPort } from '../workbook/port';
import type { ServerClient } from './components/serverClient';
import { PaneError } from './hooks/useAction';
import { notLinked, readLink, readSheet, sheetOfRead, type BoundSheet as KnownRead, type KnownSheet } from './linkedSheet';
import { approvedLocks } from './model/approvedLocks';
import { returnedMarksPlan } from './model/returnedMarks';
import { WorkbookPendingStore } from './model/workbookPendingStore';
import { linkAfterSubmit, rowTextsOf, unreadIndicators } from './model/serverSheet';
import { storedLink, type ServerLink } from './model/serverLink';
import { outcomeTexts, statusColumnPlan } from './model/statusColumn';
import { rowsToSend, selectedIndicators, type SubmitScope } from './model/submitRows';
import { rowFindings, sendWarnings } from './model/submitWarnings';
import { SERVER_STRINGS } from './serverStrings';

/** The link before and after an answer: what the returned-row marks follow. */
export type LinkChange = { readonly before: ServerLink; readonly after: ServerLink };

/**
 * The bound sheet's used range as `planSubmit` last read it on each port: the rectangle the write after the answers
 * reads at once, if the used range is still that one, leaving out the columns that read left out; and that read,
 * whose reading the write takes again when the cells are still the same.
 */
const extents = new WeakMap<
  WorkbookPort,
  { readonly sheet: string; readonly address: string; readonly skipped?: readonly number[]; readonly known: KnownRead }
>();

/** What a submit found in the sheet, before anything is sent. `names`: indicator names, for the conflict dialog. */
export type SubmitPlan = { readonly names: ReadonlyMap<string, string> } & (
  | { readonly kind: 'nothing-selected'; readonly sheet: string }
  | { readonly kind: 'nothing' }
  | {
      readonly kind: 'warnings';
      readonly target: BatchTarget;
      readonly rows: BatchRow[];
      readonly warnings: Issue[];
      readonly sheet: string;
    }
  /**
   * Rows whose typed value the sheet cannot count ("๘๕" as text): they would go blank, so nothing is sent until the
   * person decides. `rows`: the others; `fixes`: the cells that turn into the number the domain reads.
   */
  | {
      readonly kind: 'unreadable';
      readonly target: BatchTarget;
      readonly rows: BatchRow[];
      readonly unread: readonly UnreadRow[];
      readonly fixes: readonly TypedNumber[];
      readonly sheet: string;
    }
  | { readonly kind: 'send'; readonly target: BatchTarget; readonly rows: BatchRow[] }
);

/** A row that would not be sent as typed: its indicator, and the cells holding what the sheet cannot count. */
export interface UnreadRow {
  readonly indicatorId: string;
  readonly cells: readonly { readonly address: string; readonly text: string; readonly value?: number }[];
}

/**
 * Changed rows, the selected rows, or all, read from the sheet and checked: errors throw, warnings come back to ask.
 * `boundSheet`: the sheet the pane knows bound (its record, whose formula columns are not read), read with the
 * record in one call (linkedSheet.ts). A row whose typed value the sheet cannot count stops the submit first
 * (`unreadable`): it is never sent as a blank.
 */
export async function planSubmit(
  port: WorkbookPort,
  scope: SubmitScope,
  boundSheet?: KnownSheet,
  skip: ReadonlySet<string> = new Set(),
): Promise<SubmitPlan> {
  const known = await readSheet(port, boundSheet);
  const { link, assessment, reading, grid } = known;
  extents.set(port, { sheet: grid.sheet, address: grid.address, ...(grid.skipped ? { skipped: grid.skipped.columns } : {}), known });
  const target = link.target;
  if (!target) throw notLinked();
  const names = new Map(allIndicators(assessment).map((i) => [i.id, i.name]));
  let only: string[] = [];
  if (scope === 'selected') {
    only = selectedIndicators(reading, grid.sheet, await port.selectedRange());
    if (only.length === 0) return { kind: 'nothing-selected', sheet: grid.sheet, names };
  }
  const unread = unreadIndicators(reading);
  // `skip`: rows the person chose to leave out this time (unreadable ones, "send the others").
  const rows = rowsToSend(scope, assessment, reading.resultSet, link, rowTextsOf(grid, reading), only, unread).filter(
    (r) => !skip.has(r.indicatorId),
  );
  if (rows.length === 0) return { kind: 'nothing', names };
  const notRead = rows.filter((r) => unread.has(r.indicatorId));
  if (notRead.length > 0) {
    const fixes = typedNumbers(assessment, grid, reading).filter((f) => unread.has(f.indicatorId));
    const rest = rows.filter((r) => !unread.has(r.indicatorId));
    const unreadRows = notRead.map((r): UnreadRow => {
      const fixed = fixes.filter((f) => f.indicatorId === r.indicatorId);
      const warned = reading.issues.filter(
        (i) => i.indicatorId === r.indicatorId && UNREAD_CODES.has(i.code) && i.cell && !fixed.some((f) => f.cell === i.cell),
      );
      return {
        indicatorId: r.indicatorId,
        cells: [
          ...fixed.map((f) => ({ address: f.address, text: f.text, value: f.value })),
          ...warned.map((i) => ({ address: i.cell!.slice(i.cell!.lastIndexOf('!') + 1), text: '' })),
        ],
      };
    });
    return { kind: 'unreadable', target, rows: rest, unread: unreadRows, fixes, sheet: grid.sheet, names };
  }
  return checkRows(assessment, reading, target, rows, grid.sheet, names);
}

/** Errors in the rows throw (nothing sent); warnings come back to ask; else the rows go. */
export function checkRows(
  assessment: Assessment,
  reading: SheetReading,
  target: BatchTarget,
  rows: BatchRow[],
  sheet: string,
  names: ReadonlyMap<string, string>,
): SubmitPlan {
  if (rows.length === 0) return { kind: 'nothing', names };
  const found = rowFindings(assessment, rows);
  const { errors } = found;
  if (errors.length > 0) {
    const first = (l: Locale) => `${errors[0]!.indicatorId ?? ''}: ${errors[0]!.message[l]}`;
    throw new PaneError({
      th: SERVER_STRINGS.th.blocked(errors.length, first('th')),
      en: SERVER_STRINGS.en.blocked(errors.length, first('en')),
    });
  }
  const warnings = sendWarnings(assessment, reading, rows, found);
  if (warnings.length > 0) return { kind: 'warnings', target, rows, warnings, sheet, names };
  return { kind: 'send', target, rows, names };
}

/** What the binding record holds after the answers: the link change and the rows still waiting in pending batches. */
export interface Remembered {
  readonly change: LinkChange;
  readonly pendingRows: number;
  /** The sheet the record names: where the statuses go. */
  readonly sheet: string;
}

/** After answers came: accepted rows become "last confirmed"; read again first, the pending store wrote too. */
export async function rememberAnswers(port: WorkbookPort, sent: readonly BatchRow[], result: SubmitReport): Promise<Remembered> {
  const latest = await readLink(port);
  const after = linkAfterSubmit(latest.link, sent, result.outcomes, 'submit');
  await port.writeBinding({ ...latest.record, server: storedLink(after) });
  return { change: { before: latest.link, after }, pendingRows: pendingRowsOf(latest.link), sheet: latest.record.sheet };
}

/** Rows waiting to be resent; a batch the server refused as a whole waits for the person instead (refusedOf). */
export const pendingRowsOf = (link: ServerLink): number =>
  link.pending.filter((b) => !b.refused).reduce((n, b) => n + b.body.rows.length, 0);

/** Batches the server refused as a whole, kept with its message until the person forgets them. */
export const refusedOf = (link: ServerLink): ServerLink['pending'] => link.pending.filter((b) => b.refused !== undefined);

/**
 * Each row's text into the sheet's status column (read again: the answers may have taken a while, and the
 * person may have sorted or inserted rows meanwhile), and the returned-row marks and approved-row locks the link
 * change calls for, in one apply. `boundSheet`: the sheet the record last named, read with it in one call.
 */
export async function writeStatuses(
  port: WorkbookPort,
  texts: ReadonlyMap<string, string>,
  change?: LinkChange,
  boundSheet?: string,
): Promise<void> {
  const { title, ops } = statusOps(await readSheet(port, boundSheet), texts, change);
  if (ops.length > 0) await port.apply({ title, ops });
}

type BoundSheet = Awaited<ReturnType<typeof readSheet>>;

/** The status texts, returned-row marks and approved-row locks of `change` on the sheet as read: the ops of one apply. */
function statusOps(sheet: BoundSheet, texts: ReadonlyMap<string, string>, change?: LinkChange): { title: string; ops: WriteOp[] } {
  const status = statusColumnPlan(sheet.grid, sheet.reading, texts);
  const marks = change ? returnedMarksPlan(sheet.grid, sheet.reading, change.before, change.after) : undefined;
  // Approved rows locked, rows no longer approved unlocked, in the same apply (a protected sheet only).
  const locks = change ? approvedLocks(sheet.assessment, sheet.grid, sheet.reading, change.before, change.after) : [];
  return {
    title: status?.title ?? marks?.title ?? 'write submit statuses',
    ops: [...(status?.ops ?? []), ...(marks?.ops ?? []), ...locks],
  };
}

export interface RecordHooks {
  /** The answers are in the binding record, before the statuses are written: the pane shows them at once. */
  readonly onRemembered?: (result: SubmitReport, remembered: Remembered) => void;
  /** Each step as it ends (the bench splits its counts by them). */
  readonly onStep?: (step: 'answered' | 'remembered' | 'written') => void;
}

/** Answers into the workbook: remembered in the binding record, then each row's outcome into its status cell. */
export async function recordAnswers(
  port: WorkbookPort,
  sent: readonly BatchRow[],
  result: SubmitReport,
  locale: Locale,
  hooks: RecordHooks = {},
): Promise<Remembered> {
  hooks.onStep?.('answered');
  return statusesAfter(port, result, locale, await rememberAnswers(port, sent, result), hooks);
}

async function statusesAfter(
  port: WorkbookPort,
  result: SubmitReport,
  locale: Locale,
  remembered: Remembered,
  hooks: RecordHooks,
): Promise<Remembered> {
  hooks.onStep?.('remembered');
  hooks.onRemembered?.(result, remembered);
  await writeStatuses(port, outcomeTexts(result.outcomes, locale), remembered.change, remembered.sheet);
  hooks.onStep?.('written');
  return remembered;
}

/** Sends the rows in batches (kept pending in the workbook until answered), then records the answers. */
export async function sendRows(
  client: Pick<ServerClient, 'submitRows'> & { readonly pending?: PendingStore },
  port: WorkbookPort,
  target: BatchTarget,
  rows: BatchRow[],
  locale: Locale,
  hooks: RecordHooks & { readonly onProgress?: (p: SubmitProgress) => void } = {},
): Promise<SubmitReport> {
  return sendAndRecord(
    client,
    port,
    rows,
    () => client.submitRows(target, rows, { action: 'submit', onProgress: hooks.onProgress }),
    locale,
    hooks,
  );
}

/**
 * `send` (a submit, or the resend of what was pending: `sent`), then the answers recorded. When the client keeps
 * its batches in this workbook (WorkbookPendingStore), forgetting the answered batches and remembering the
 * accepted rows are one read and one write of the record, not two of each.
 */
export async function sendAndRecord(
  client: { readonly pending?: PendingStore },
  port: WorkbookPort,
  sent: readonly BatchRow[],
  send: () => Promise<SubmitReport>,
  locale: Locale,
  hooks: RecordHooks = {},
): Promise<SubmitReport> {
  const store = client.pending instanceof WorkbookPendingStore ? client.pending : undefined;
  if (!store) {
    const result = await send();
    await recordAnswers(port, sent, result, locale, hooks);
    return result;
  }
  // After the answers, one read (the bound sheet and the record: rows may have moved meanwhile) and one apply: the
  // confirmed batches forgotten and the accepted rows remembered in the record, then each row's status, mark and
  // lock in the sheet. Nothing of it is written before the server answered; the batches stay kept until it is.
  const done = await store.sendThenCommit(
    async () => {
      const result = await send();
      hooks.onStep?.('answered');
      return result;
    },
    async (result, forget) => {
      const texts = outcomeTexts(result.outcomes, locale);
      const planOf = (sheet: BoundSheet): { plan: WritePlan; remembered: Remembered } => {
        const before = forget(sheet.link);
        const after = linkAfterSubmit(before, sent, result.outcomes, 'submit');
        const change = { before, after };
        const statuses = statusOps(sheet, texts, change);
        return {
          plan: { title: statuses.title, ops: [...bindingOps({ ...sheet.record, server: storedLink(after) }), ...statuses.ops] },
          remembered: { change, pendingRows: pendingRowsOf(before), sheet: sheet.record.sheet },
        };
      };
      // Where this flow read the bound sheet before (planSubmit), that rectangle is read at once beside the used
      // range's size: one sync where measuring and reading take two, and the same cells unless the used range has
      // grown or moved since, when nothing is built and the sheet is read whole. Taken once: our own status write
      // below may widen the used range.
      const extent = extents.get(port);
      extents.delete(port);
      const guess = store.knownSheet;
      if (guess !== undefined) {
        const known = extent?.sheet === guess ? extent : undefined;
        for (const rectangle of known ? [known, undefined] : [undefined]) {
          const done = await builtOn(port, guess, rectangle, planOf);
          if (done === 'gone') break;
          if (done) return done;
        }
      }
      const built = planOf(await readSheet(port));
      await port.apply(built.plan);
      return built.remembered;
    },
  );
  hooks.onStep?.('remembered');
  hooks.onRemembered?.(done.sent, done.committed);
  hooks.onStep?.('written');
  return done.sent;
}

/**
 * The sheet the record named when the batches were kept, read with the record (`rectangle`: that used range, beside
 * its size now, without the columns the first read left out), and the plan of it written in the same port call,
 * its probe riding on the read. Undefined: the record names another sheet, the used range is no longer that
 * rectangle, or the reading now needs a column left out; `gone`: no such sheet.
 */
async function builtOn(
  port: WorkbookPort,
  sheetName: string,
  rectangle: { readonly address: string; readonly skipped?: readonly number[]; readonly known?: KnownRead } | undefined,
  planOf: (sheet: BoundSheet) => { plan: WritePlan; remembered: Remembered },
): Promise<Remembered | 'gone' | undefined> {
  const address = rectangle?.address;
  const skipColumns = rectangle?.skipped?.length ? { skipColumns: { at: rectangle.skipped } } : {};
  let done: { remembered: Remembered } | { error: unknown } | undefined;
  try {
    await applyBuilt(port, {
      read: {
        ranges: address
          ? [
              { sheet: sheetName, address, ...skipColumns },
              { sheet: sheetName, dimensionsOnly: true },
            ]
          : [{ sheet: sheetName }],
        binding: true,
      },
      probe: { title: 'probe', ops: [...BINDING_PROBE.ops, { kind: 'cells', sheet: sheetName, topLeft: 'A1', contents: [] }] },
      build: (read) => {
        try {
          if (address && read.ranges[1]?.address !== address) return undefined;
          const sheet = sheetOfRead(read, rectangle?.known);
          if (!sheet) return undefined;
          const built = planOf(sheet);
          done = { remembered: built.remembered };
          return built.plan;
        } catch (error) {
          // Thrown as it is below, not as the port's error.
          done = { error };
          return undefined;
        }
      },
    });
  } catch (e) {
    // The sheet known is gone (renamed, deleted): the caller reads the one the record names.
    if (isWorkbookError(e) && e.code === 'ItemNotFound') return 'gone';
    throw e;
  }
  if (done && 'error' in done) throw done.error;
  return done?.remembered;
}

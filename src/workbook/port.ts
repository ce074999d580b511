/**
 * The workbook port: everything the task pane may do to a workbook, whatever holds it. `src/office` implements it
 * with Office.js (Excel), `src/preview` with a HyperFormula grid in the browser; the pane never knows which.
 *
 * Operations are coarse on purpose. Every call may cost a round trip to Excel (`context.sync()`), and a round trip
 * costs the same for ten rows as for twenty thousand, so a user action maps to a fixed, small number of calls:
 * one `read` with every range it needs, one `apply` with every write it makes. Never a call per row.
 */
import type { BindingRead, BindingRecord } from './binding';
import type { Grid } from './cells';
import type { WritePlan } from './plan';
import type { Message } from '../domain';

/**
 * One rectangle to read. `address` omitted: the sheet's used range. A sheet that does not exist is an error
 * (WorkbookError ItemNotFound) unless `optional`, which costs one more round trip to find out first.
 */
export interface RangeRequest {
  readonly sheet: string;
  readonly address?: string;
  readonly optional?: boolean;
  /** Only the address and size (of the used range): no cells. */
  readonly dimensionsOnly?: boolean;
  /** What to load beside the values (values always come). */
  readonly formulas?: boolean;
  readonly numberFormats?: boolean;
  /** Also the merged areas within the rectangle (a table's merged headings), in the same round trip as its size. */
  readonly merges?: boolean;
  /**
   * Columns the caller never reads below the sheet's head (its first HEAD_ROWS rows, read whole): they may come back
   * null there, so a 10,000-row read of a few columns fits one response. `headers`: the columns with one of these
   * in the head (a used range's head rides on the sync that measures it); `at`: these 0-based columns. A port may
   * read them anyway; what it left out is in the grid's `skipped`.
   */
  readonly skipColumns?: { readonly headers: readonly string[] } | { readonly at: readonly number[] };
}

/** The rows at the top of a sheet read whole even when columns are skipped: where a header row is looked for. */
export const HEAD_ROWS = 30;

/** One Excel table to read, header row included. A missing table is an error (ItemNotFound: bind again). */
export interface TableRequest {
  readonly table: string;
  /** Headers of the columns to read (the others come back null); all when omitted. */
  readonly columns?: readonly string[];
  readonly formulas?: boolean;
  readonly numberFormats?: boolean;
}

/** Everything one step of an action needs, read together (one round trip when it fits in one response). */
export interface ReadRequest {
  readonly ranges?: readonly RangeRequest[];
  readonly tables?: readonly TableRequest[];
  /** Also read the binding record. */
  readonly binding?: boolean;
}

/** A rectangle as read: the Grid the workbook layer already reads (values, number formats), plus formulas. */
export interface RangeGrid extends Grid {
  /** "A4:AH20004": the rectangle actually read (for a used range, what Excel reported). */
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** A1 formulas without the leading "=", or null where the cell holds a constant. Present when asked for. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** The merged areas ("A4:A9", no sheet), when asked for: a merged cell's value is in its top-left cell only. */
  readonly merges?: readonly string[];
  /** Columns (0-based) read as null below the first `headRows` rows (`skipColumns`); absent: every cell read. */
  readonly skipped?: { readonly columns: readonly number[]; readonly headRows: number };
}

export interface TableGrid extends RangeGrid {
  readonly table: string;
}

export interface ReadResult {
  /** In the order asked; undefined where an optional sheet does not exist, or a used range is empty. */
  readonly ranges: readonly (RangeGrid | undefined)[];
  /** In the order asked; undefined where there is no such table (Excel: an ItemNotFound error instead). */
  readonly tables: readonly (TableGrid | undefined)[];
  /** Present when asked for: undefined when the workbook has no binding record. */
  readonly binding?: BindingRead;
}

export interface ApplyProgress {
  /** Round trips done and planned (planned is known before the first write). */
  readonly done: number;
  readonly total: number;
}

export interface ApplyReport {
  /** Round trips to the workbook this apply took (Office: `context.sync()` calls). */
  readonly roundTrips: number;
  /** Cells written, values and formulas. */
  readonly cellsWritten: number;
}

/** A change someone made to a sheet, as the workbook reports it. The port never reports its own writes. */
export interface ChangeEvent {
  readonly sheet: string;
  /** A1 address of the changed rectangle, e.g. "F7" or "F7:F30" (a paste). */
  readonly address: string;
  /** Local: typed here; remote: a co-author. */
  readonly source: 'local' | 'remote';
  /**
   * `edit`: cells in `address` took new contents (typed, pasted, filled, cleared); `structure`: rows or cells were
   * inserted or deleted, which moves every row below. Absent when the host does not say: anything may have moved.
   */
  readonly kind?: 'edit' | 'structure';
}

export type Unsubscribe = () => Promise<void>;

/** What the host supports, so the pane can hide what it cannot do rather than fail on it. */
export interface PortCapabilities {
  /** 'excel' for Office.js, 'preview' for the browser grid, 'memory' for tests. */
  readonly host: 'excel' | 'preview' | 'memory';
  /** Filling formulas by copying a row block (Excel: ExcelApi 1.9 `Range.copyFrom`); without it writes are bigger. */
  readonly copyFormulas: boolean;
  /** Screen updating can be suspended during writes (ExcelApi 1.9). */
  readonly suspendScreen: boolean;
}

/**
 * A read an apply waits on: what `read` asks is read first, `proceed` decides on it (synchronously: nothing is
 * written while the person is asked), and the plan is written only when it says so. The replace guard's question
 * "would typed work go?" rides on the round trips the apply makes anyway.
 */
export interface ApplyCheck {
  readonly read: ReadRequest;
  proceed(read: ReadResult): boolean;
}

/**
 * A read and the plan made of it, written in the same call: a read-modify-write (the binding record, the status
 * column) in fewer round trips than a read and an apply. `probe`: a plan naming what the built one writes (its
 * sheets, tables, names), so what Excel must learn before writing is learnt in the read's first sync; a built
 * plan naming more is probed in a sync of its own. `build` runs synchronously (nothing is written meanwhile);
 * undefined: nothing to write.
 */
export interface ApplyBuilt {
  readonly read: ReadRequest;
  readonly probe: WritePlan;
  build(read: ReadResult): WritePlan | undefined;
}

export interface WorkbookPort {
  readonly capabilities: PortCapabilities;
  /**
   * Changes when one of the port's own writes (apply, applyChecked, writeBinding) starts and when it ends, since
   * those are never reported as changes: a reader keeping what it read last (the live sheet, model/liveCache.ts)
   * knows by it that the workbook was written meanwhile. Absent: such a reader cannot know, and reads whole.
   */
  readonly writes?: number;
  read(request: ReadRequest): Promise<ReadResult>;
  /** Writes a plan: all of it, in order. Calculation, screen updating and change events are off while it runs. */
  apply(plan: WritePlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /**
   * `read`, then `apply` only if `check.proceed` says so, in fewer round trips than the two calls (Excel: the
   * apply's probe goes in the read's first sync). Resolves with undefined when nothing was written. Optional: a
   * port without it is asked the two calls in turn (`applyChecked` below), which is the same, only slower in Excel.
   */
  applyChecked?(plan: WritePlan, check: ApplyCheck, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport | undefined>;
  /**
   * `update.read`, then the plan `update.build` makes of it, in fewer round trips than the two calls (Excel: the
   * probe goes in the read's first sync). Resolves with undefined when nothing was written. Optional, like
   * `applyChecked`: `applyBuilt` below makes the two calls in turn for a port without it.
   */
  applyBuilt?(update: ApplyBuilt, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport | undefined>;
  /** The binding record (kept on a very hidden sheet, see binding.ts); undefined when there is none. */
  readBinding(): Promise<BindingRead | undefined>;
  writeBinding(record: BindingRecord): Promise<void>;
  /**
   * Calls `handler` after changes made by a person (or a co-author) on `sheet`, never after the port's own writes.
   * Resolves once the handler is registered; the returned function unregisters it.
   */
  onChange(sheet: string, handler: (change: ChangeEvent) => void): Promise<Unsubscribe>;
  /** Activates the sheet and selects the cell or range (an issue's "go to cell"). */
  select(sheet: string, address: string): Promise<void>;
  /** The range the person has selected (one round trip): its sheet and A1 address without the sheet, e.g. "A7:F9". */
  selectedRange(): Promise<{ readonly sheet: string; readonly address: string }>;
}

/**
 * An error from the workbook, as a value the pane can show: a code to switch on, what happened and what to do next
 * in Thai and English, and where.
 */
export class WorkbookError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: Message,
    readonly where: { readonly sheet?: string; readonly address?: string } = {},
    /** The host's own error code (Office: `OfficeExtension.Error.code`), for the log. */
    readonly hostCode?: string,
  ) {
    super(userMessage.en);
    this.name = 'WorkbookError';
  }
}

export function isWorkbookError(e: unknown): e is WorkbookError {
  return e instanceof WorkbookError;
}

/** `check.read`, then the plan applied if `check.proceed` says so: through the port's own `applyChecked` when it has one. */
export async function applyChecked(
  port: WorkbookPort,
  plan: WritePlan,
  check: ApplyCheck,
  onProgress?: (progress: ApplyProgress) => void,
): Promise<ApplyReport | undefined> {
  if (port.applyChecked) return port.applyChecked(plan, check, onProgress);
  return check.proceed(await port.read(check.read)) ? port.apply(plan, onProgress) : undefined;
}

/** `update.read`, then the plan built of it applied: through the port's own `applyBuilt` when it has one. */
export async function applyBuilt(
  port: WorkbookPort,
  update: ApplyBuilt,
  onProgress?: (progress: ApplyProgress) => void,
): Promise<ApplyReport | undefined> {
  if (port.applyBuilt) return port.applyBuilt(update, onProgress);
  const plan = update.build(await port.read(update.read));
  return plan ? port.apply(plan, onProgress) : undefined;
}

/** Convenience: read one range (one round trip). */
export async function readRange(port: WorkbookPort, request: RangeRequest): Promise<RangeGrid | undefined> {
  return (await port.read({ ranges: [request] })).ranges[0];
}

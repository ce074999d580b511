/**
 * Before a pane action writes a sheet: read the sheets its plan would write (values, formulas, and the binding
 * record in the same read) and ask `sheetLoss` what typed work would go — results, notes, unsent changes, the
 * person's own columns. The actions (open from the server, create) then offer a new sheet, keeping the person's
 * values as changed rows, or replacing as a second, explicit step (ReplaceDialog.tsx).
 *
 * One read of values (no formulas: Excel's formulas are the costliest thing to read). `applyUnlessLoss` makes that
 * read and the write one port call, so in Excel the guard costs nothing where nothing is there (2 syncs, as an
 * unguarded create) and one sync over the bound sheet (3: measured with the probe, read, written);
 * `checkTarget` is the read alone, for an action that asks the person before it writes.
 */
import { isStepKind, leafIndicators, type Assessment } from '../../domain';
import type { BindingRecord, CellContent, CellValue, Grid, RowInputs, SheetReading } from '../../workbook';
import { readKpiGrid } from '../../workbook';
import { rowTextsOf } from '../../workbook/rowTexts';
import { BINDING_SHEET } from '../../workbook/binding';
import type { WriteOp, WritePlan } from '../../workbook/plan';
import {
  applyChecked,
  isWorkbookError,
  type ApplyProgress,
  type ApplyReport,
  type RangeGrid,
  type ReadRequest,
  type ReadResult,
  type WorkbookPort,
} from '../../workbook/port';
import { sheetLoss, sheetsWritten, type SheetLoss } from '../../workbook/replaceGuard';
import { MULTI_UNIT_HEADERS } from '../../workbook/multiUnitPlan';
import { SETTINGS_SHEET } from '../../workbook/settings';

/**
 * The replace guard's question (useReplaceGuard's `ask`), as every action that writes a sheet of its own takes it:
 * the person's choice for a loss, or undefined when they cancelled.
 */
export type AskReplace = (
  loss: SheetLoss,
  options: { newSheet: string; canKeep: boolean },
) => Promise<'new-sheet' | 'keep-mine' | 'replace' | undefined>;
import { cellAddress, parseAddress } from '../../workbook/cells';
import { recordAssessment } from './recordAssessment';
import { readServerLink, type ServerLink } from './serverLink';
import { changedRows, unreadIndicators } from './serverSheet';
import { STATUS_HEADER } from './statusColumn';

/** What the target sheet holds now, as far as the action needs to know. */
export interface TargetNow {
  /** What the plan would take away; empty when nothing typed would go. */
  readonly losses: readonly SheetLoss[];
  /** The binding record read beside it (the sheet bound now, and its server link). */
  readonly record?: BindingRecord;
  readonly link?: ServerLink;
  /** The sheet as read, when it is the bound one: for keeping the person's values. */
  readonly bound?: { readonly grid: RangeGrid; readonly reading: SheetReading; readonly assessment: Assessment };
  /** Every sheet read (undefined: it does not exist). */
  readonly grids: ReadonlyMap<string, RangeGrid | undefined>;
}

/** The read the guard asks for a plan: the sheets it writes (`existing`: read as sure to be there) and the record. */
function targetRequest(plan: WritePlan, settingsSheet: string, existing: boolean): { sheets: string[]; request: ReadRequest } {
  const sheets = sheetsWritten(plan, [BINDING_SHEET, settingsSheet]);
  return { sheets, request: { ranges: sheets.map((sheet) => ({ sheet, optional: !existing })), binding: true } };
}

export async function checkTarget(port: WorkbookPort, plan: WritePlan, settingsSheet = SETTINGS_SHEET): Promise<TargetNow> {
  const { sheets, request } = targetRequest(plan, settingsSheet, true);
  try {
    // One sheet asked as sure to exist: measured in the first sync, not only located (a missing one fails that sync).
    return targetNow(plan, sheets, await port.read(sheets.length > 1 ? targetRequest(plan, settingsSheet, false).request : request));
  } catch (e) {
    if (!(isWorkbookError(e) && e.code === 'ItemNotFound' && sheets.length === 1)) throw e;
    return { losses: [], grids: new Map([[sheets[0]!, undefined]]) };
  }
}

/**
 * The plan written when nothing typed would go (and `proceed`, when given, agrees on what was read), in one port
 * call: the guard's read rides on the apply's own round trips (WorkbookPort.applyChecked). `existing`: the sheet
 * written is believed there (it is the bound one), so it is read at once instead of located first; a wrong guess
 * costs the failed sync and is asked again the other way. Not written: `now` says why, for the person's choice.
 */
export async function applyUnlessLoss(
  port: WorkbookPort,
  plan: WritePlan,
  options: {
    readonly existing?: boolean;
    readonly proceed?: (now: TargetNow) => boolean;
    readonly onProgress?: (p: ApplyProgress) => void;
    readonly settingsSheet?: string;
  } = {},
): Promise<{ readonly written: boolean; readonly now: TargetNow; readonly report?: ApplyReport }> {
  const settingsSheet = options.settingsSheet ?? SETTINGS_SHEET;
  const attempt = async (existing: boolean) => {
    const { sheets, request } = targetRequest(plan, settingsSheet, existing);
    let now: TargetNow | undefined;
    const report = await applyChecked(
      port,
      plan,
      {
        read: request,
        proceed: (read) => {
          now = targetNow(plan, sheets, read);
          return now.losses.length === 0 && (options.proceed?.(now) ?? true);
        },
      },
      options.onProgress,
    );
    return { written: report !== undefined, now: now!, ...(report ? { report } : {}) };
  };
  if (!options.existing) return attempt(false);
  try {
    return await attempt(true);
  } catch (e) {
    if (!(isWorkbookError(e) && e.code === 'ItemNotFound')) throw e;
    return attempt(false);
  }
}

/** What the sheets read hold that the plan would take away, with the record read beside them. Pure. */
export function targetNow(plan: WritePlan, sheets: readonly string[], read: ReadResult): TargetNow {
  const grids = new Map<string, RangeGrid | undefined>();
  sheets.forEach((s, i) => grids.set(s, read.ranges[i]));
  const binding = read.binding;
  const record = binding?.ok ? binding.value : undefined;
  const linkRead = record ? readServerLink(record.server) : undefined;
  const link = linkRead?.ok ? linkRead.value : undefined;
  let bound: TargetNow['bound'];
  const losses: SheetLoss[] = [];
  for (const [sheet, grid] of grids) {
    if (!grid) continue;
    let unsent: ReadonlySet<string> | undefined;
    const isBound = record !== undefined && record.sheet === sheet && record.multiUnit === undefined;
    if (isBound) {
      const loaded = recordAssessment(record);
      const reading = loaded.ok ? readKpiGrid(loaded.value.assessment, grid, { headers: record.columns }) : undefined;
      if (loaded.ok && reading?.ok) {
        bound = { grid, reading: reading.value, assessment: loaded.value.assessment };
        if (link?.target) {
          const texts = rowTextsOf(grid, reading.value);
          unsent = new Set(
            changedRows(loaded.value.assessment, reading.value.resultSet, link, texts, unreadIndicators(reading.value)).map(
              (r) => r.indicatorId,
            ),
          );
        }
      }
    }
    const loss = sheetLoss(plan, {
      sheet,
      topLeft: grid.topLeft,
      values: grid.values,
      formulas: grid.formulas,
      unsent,
      // A multi-unit sheet's unit columns, unit total and weight sum are the template's (their formulas read as values).
      paneColumns: record?.multiUnit && record.sheet === sheet ? [STATUS_HEADER, ...Object.values(MULTI_UNIT_HEADERS)] : [STATUS_HEADER],
      bound: record?.sheet === sheet ? { headerRow: record.headerRow, columns: record.columns } : undefined,
    });
    if (loss) losses.push(loss);
  }
  return { losses, record, link, bound, grids };
}

/**
 * What the person typed in the bound sheet's input cells, cell by cell as typed ("๘๕" stays "๘๕": keeping it is
 * the point), for the indicators of `assessment` the sheet has rows for. Blank cells are left out, so the
 * server's value shows there.
 */
export function typedInputs(assessment: Assessment, grid: Grid, reading: SheetReading): Map<string, RowInputs> {
  const origin = parseAddress(grid.topLeft);
  const at = (address: string | undefined): CellValue => {
    if (!address) return null;
    const a = parseAddress(address.slice(address.lastIndexOf('!') + 1));
    return grid.values[a.row - origin.row]?.[a.column - origin.column] ?? null;
  };
  const texts = rowTextsOf(grid, reading);
  const out = new Map<string, RowInputs>();
  const put = <K extends keyof RowInputs>(id: string, key: K, v: RowInputs[K]): void => {
    out.set(id, { ...out.get(id), [key]: v });
  };
  const typed = (v: CellValue): boolean => v !== null && !(typeof v === 'string' && v.trim() === '');
  for (const indicator of leafIndicators(assessment)) {
    const cells = reading.cells.get(indicator.id);
    if (!cells) continue;
    if (indicator.kind === 'quantitative' && typed(at(cells.result))) put(indicator.id, 'result', at(cells.result));
    if (indicator.kind === 'ratio') {
      const [num, den] = indicator.variables;
      if (num && typed(at(cells.variables.get(num.id)))) put(indicator.id, 'numerator', at(cells.variables.get(num.id)));
      if (den && typed(at(cells.variables.get(den.id)))) put(indicator.id, 'denominator', at(cells.variables.get(den.id)));
    }
    if (isStepKind(indicator.kind) && cells.steps.some((s) => typed(at(s)))) {
      put(
        indicator.id,
        'steps',
        cells.steps.map((s) => at(s)),
      );
    }
    const t = texts.get(indicator.id);
    if (t?.explanation) put(indicator.id, 'explanation', t.explanation);
    if (t?.obstacles) put(indicator.id, 'obstacles', t.obstacles);
    if (t?.remarks) put(indicator.id, 'note', t.remarks);
  }
  return out;
}

/** The server's inputs with the person's typed ones over them, field by field. */
export function overlay(server: ReadonlyMap<string, RowInputs>, mine: ReadonlyMap<string, RowInputs>): Map<string, RowInputs> {
  const out = new Map(server);
  for (const [id, typed] of mine) out.set(id, { ...out.get(id), ...typed });
  return out;
}

/**
 * Cells the plan would lose outside the input columns (the person's own columns: what-if, their notes), written
 * back after the plan, one op per column, so "keep my values" keeps them too.
 */
export function ownColumnOps(grid: RangeGrid, firstFreeColumn: number): WriteOp[] {
  const origin = parseAddress(grid.topLeft);
  const ops: WriteOp[] = [];
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    const column = origin.column + c;
    if (column < firstFreeColumn) continue;
    const cells: CellContent[][] = grid.values.map((r, i) => [grid.formulas?.[i]?.[c] ? null : (r[c] ?? null)]);
    if (cells.every((x) => x[0] === null)) continue;
    ops.push({ kind: 'cells', sheet: grid.sheet, topLeft: cellAddress(origin.row, column), contents: cells });
    // The person's own column stays theirs to type in on the protected sheet.
    ops.push({
      kind: 'lock',
      sheet: grid.sheet,
      address: `${cellAddress(origin.row, column)}:${cellAddress(origin.row + cells.length - 1, column)}`,
      locked: false,
    });
  }
  return ops;
}

/**
 * The bound sheet as the server panel needs it, read through the port: the binding record, its server link, the
 * assessment, the used range and its reading. Errors come as PaneErrors the pane shows as they are.
 */
import type { Assessment } from '../domain';
import { readKpiGrid, readsWhole, unreadColumns, type SheetReading } from '../workbook';
import type { BindingRead, BindingRecord } from '../workbook/binding';
import { isWorkbookError, type RangeGrid, type RangeRequest, type ReadResult, type WorkbookPort } from '../workbook/port';
import { sameGrid } from '../workbook/sameGrid';
import { PaneError } from './hooks/useAction';
import { recordAssessment } from './model/recordAssessment';
import { readServerLink, type ServerLink } from './model/serverLink';
import { SERVER_STRINGS } from './serverStrings';

/** The sheet is not one opened from the server (or its link is gone): what to do about it. */
export const notLinked = (): PaneError => new PaneError({ th: SERVER_STRINGS.th.notLinked, en: SERVER_STRINGS.en.notLinked });

export async function readLink(port: WorkbookPort): Promise<{ record: BindingRecord; link: ServerLink }> {
  return linkOf(await port.readBinding());
}

function linkOf(read: BindingRead | undefined): { record: BindingRecord; link: ServerLink } {
  const record = read?.ok ? read.value : undefined;
  if (!record) throw notLinked();
  const link = readServerLink(record.server);
  if (!link.ok) throw new PaneError(link.issues[0]!.message);
  return { record, link: link.value };
}

/** What the caller knows of the bound sheet: its name, or the record it last read (whose columns say what to skip). */
export type KnownSheet = string | Pick<BindingRecord, 'sheet' | 'columns'>;

/**
 * The bound sheet as it is now: its record, server link, assessment, used range and reading. `sheet`: the sheet the
 * caller last knew bound; read in the same call as the record (2 syncs in Excel instead of 4, whose second two only
 * measure and read the sheet the record names). When the record names another sheet, or the known one is gone,
 * the record's sheet is read after it, as without a guess. Known by its record, the sheet's formula columns are
 * left unread below its head (unreadColumns), unless the reading needs one of them (readsWhole): then it is read
 * again whole.
 */
export async function readSheet(port: WorkbookPort, sheet?: KnownSheet) {
  const name = typeof sheet === 'string' ? sheet : sheet?.sheet;
  const skip = typeof sheet === 'object' ? unreadColumns(sheet) : undefined;
  const guessed = name === undefined ? undefined : await readGuessed(port, name, skip);
  const { record, link } = guessed ? linkOf(guessed.binding) : await readLink(port);
  const readWhole = async () => (await port.read({ ranges: [{ sheet: record.sheet }] })).ranges[0];
  const grid = guessed?.grid?.sheet === record.sheet ? guessed.grid : await readWhole();
  return wholeOrUndefined(record, link, grid) ?? boundSheetOf(record, link, await readWhole());
}

/** The bound sheet as `readSheet` gives it. */
export interface BoundSheet {
  readonly record: BindingRecord;
  readonly link: ServerLink;
  readonly assessment: Assessment;
  readonly grid: RangeGrid;
  readonly reading: SheetReading;
}

/**
 * The bound sheet as `read` (the guessed sheet and the record, read together) has it; undefined when the record
 * names another sheet. `known`: an earlier reading of the sheet; when the cells, the assessment and the headers are
 * still those, its reading is the one this read would give, and is taken instead of reading 10,000 rows again.
 */
export function sheetOfRead(read: Pick<ReadResult, 'binding' | 'ranges'>, known?: BoundSheet) {
  const { record, link } = linkOf(read.binding);
  const grid = read.ranges[0];
  return grid?.sheet === record.sheet ? wholeOrUndefined(record, link, grid, known) : undefined;
}

/** The bound sheet of `grid`; undefined when columns it needs were skipped (the caller reads it whole). */
function wholeOrUndefined(record: BindingRecord, link: ServerLink, grid: RangeGrid | undefined, known?: BoundSheet) {
  if (!grid?.skipped?.columns.length) return boundSheetOf(record, link, grid, known);
  try {
    const sheet = boundSheetOf(record, link, grid, known);
    return readsWhole(sheet.grid, sheet.reading) ? sheet : undefined;
  } catch {
    // What a read with columns left out cannot tell (no header row among them): a whole read says it.
    return undefined;
  }
}

function boundSheetOf(record: BindingRecord, link: ServerLink, grid: RangeGrid | undefined, known?: BoundSheet): BoundSheet {
  const loaded = recordAssessment(record);
  if (!loaded.ok) throw new PaneError(loaded.issues[0]!.message);
  if (known && grid && sameReading(known, loaded.value.assessment, record.columns, grid)) {
    return { record, link, assessment: known.assessment, grid: known.grid, reading: known.reading };
  }
  const reading = grid ? readKpiGrid(loaded.value.assessment, grid, { headers: record.columns }) : undefined;
  if (!grid || !reading) throw notLinked();
  if (!reading.ok) throw new PaneError(reading.issues[0]!.message);
  return { record, link, assessment: loaded.value.assessment, grid, reading: reading.value };
}

/** The record and the guessed sheet in one read; undefined when that sheet is gone (renamed, deleted). */
async function readGuessed(
  port: WorkbookPort,
  sheet: string,
  skipColumns: RangeRequest['skipColumns'],
): Promise<{ binding: BindingRead | undefined; grid: RangeGrid | undefined } | undefined> {
  try {
    const read = await port.read({ ranges: [{ sheet, ...(skipColumns ? { skipColumns } : {}) }], binding: true });
    return { binding: read.binding, grid: read.ranges[0] };
  } catch (e) {
    // Asked as optional it would cost a sync more every time; a guess gone stale is rare and costs the old way.
    if (isWorkbookError(e) && e.code === 'ItemNotFound') return undefined;
    throw e;
  }
}

/** Whether `known`'s reading is what reading `grid` under this assessment and these headers gives. */
function sameReading(known: BoundSheet, assessment: Assessment, columns: BindingRecord['columns'], grid: RangeGrid): boolean {
  return known.assessment === assessment && sameColumns(known.record.columns, columns) && sameGrid(known.grid, grid);
}

function sameColumns(a: BindingRecord['columns'], b: BindingRecord['columns']): boolean {
  const keys = Object.keys(a) as (keyof typeof a)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Reading for the port: every range, table and the binding record of one request, in as few syncs as the sizes
 * allow. Excel on the web refuses a response over 5 MB, so loads are estimated (cells × bytes per cell, see
 * requestSize.ts) and packed below the batch budget; a used range or a table is measured first, then its cells.
 *
 *   sync 1         which optional sheets exist, the binding record's cells, explicit rectangles, the size of used
 *                  ranges and tables, the headers of tables
 *   sync 2         only when an optional sheet is asked for: those that exist, with the first cells
 *   then …         the cells of used ranges and tables, in row pieces below the budget
 *
 * A range asked with `skipColumns` by header has its head (the sheet's first HEAD_ROWS rows within the used range)
 * loaded in sync 1 beside its size, so the columns left out below it are known before any cell below is asked for.
 */
import { BINDING_SHEET, readBindingRows } from '../workbook/binding';
import { cellAddress, parseAddress, type CellValue } from '../workbook/cells';
import { HEAD_ROWS, type RangeGrid, type RangeRequest, type ReadRequest, type ReadResult, type TableGrid } from '../workbook/port';
import type { XlContext, XlRange, XlRangeAreas } from './excelApi';
import { BATCH_BUDGET, READ_BYTES_PER_CELL } from './requestSize';

/** Excel's error values as `Range.values` returns them. */
const ERRORS = new Set([
  '#N/A',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

export function cellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERRORS.has(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

interface Part {
  /** 0-based row offset of this piece in the whole rectangle. */
  readonly row: number;
  readonly column: number;
  values: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
}

/** A rectangle being assembled from pieces. */
class Assembly {
  readonly parts: Part[] = [];
  constructor(
    readonly sheet: string,
    readonly address: string,
    readonly rows: number,
    readonly columns: number,
    readonly what: { formulas: boolean; numberFormats: boolean },
  ) {}
  /** Columns left null below the head (RangeRequest.skipColumns). */
  skipped?: { readonly columns: readonly number[]; readonly headRows: number };

  grid(): RangeGrid {
    const top = parseAddress(this.address.split(':')[0] as string);
    const empty = (): null[][] => Array.from({ length: this.rows }, () => Array<null>(this.columns).fill(null));
    const values: CellValue[][] = empty();
    const formulas: (string | null)[][] | undefined = this.what.formulas ? empty() : undefined;
    const formats: (string | null)[][] | undefined = this.what.numberFormats ? empty() : undefined;
    for (const p of this.parts) {
      p.values.forEach((row, r) => row.forEach((v, c) => ((values[p.row + r] as CellValue[])[p.column + c] = cellValue(v))));
      p.formulas?.forEach((row, r) =>
        row.forEach(
          (f, c) =>
            ((formulas as (string | null)[][])[p.row + r]![p.column + c] = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : null),
        ),
      );
      p.numberFormat?.forEach((row, r) =>
        row.forEach((f, c) => ((formats as (string | null)[][])[p.row + r]![p.column + c] = typeof f === 'string' ? f : null)),
      );
    }
    return {
      sheet: this.sheet,
      topLeft: cellAddress(top.row, top.column),
      address: this.address,
      rowCount: this.rows,
      columnCount: this.columns,
      values,
      ...(formats ? { numberFormats: formats } : {}),
      ...(formulas ? { formulas } : {}),
      ...(this.skipped ? { skipped: this.skipped } : {}),
    };
  }
}

/**
 * The pieces of a rectangle whose `skipped` columns are left out below its head: the head whole (unless it came
 * already, `headLoaded`), then each run of neighbouring kept columns down to the bottom.
 */
function keptPieces(
  a: Assembly,
  skipped: { readonly columns: readonly number[]; readonly headRows: number },
  headLoaded: boolean,
): Piece[] {
  const head = Math.min(skipped.headRows, a.rows);
  const out: Piece[] = headLoaded || head === 0 ? [] : pieces(a, 0, head, 0, a.columns);
  if (head >= a.rows) return out;
  const skip = new Set(skipped.columns);
  for (let c = 0; c < a.columns;) {
    if (skip.has(c)) {
      c++;
      continue;
    }
    let end = c + 1;
    while (end < a.columns && !skip.has(end)) end++;
    out.push(...pieces(a, head, a.rows, c, end));
    c = end;
  }
  return out;
}

/** The columns of `head` (the rectangle's first rows, as loaded) holding one of `headers`. */
function columnsHeaded(head: unknown[][], headers: readonly string[]): number[] {
  const wanted = new Set(headers.map((h) => h.trim()));
  const out = new Set<number>();
  for (const row of head) row.forEach((v, c) => typeof v === 'string' && wanted.has(v.trim()) && out.add(c));
  return [...out].sort((x, y) => x - y);
}

function loadLike(range: XlRange, what: { formulas: boolean; numberFormats: boolean }): void {
  if (what.formulas && what.numberFormats) range.load(['address', 'values', 'formulas', 'numberFormat']);
  else if (what.formulas) range.load(['address', 'values', 'formulas']);
  else if (what.numberFormats) range.load(['address', 'values', 'numberFormat']);
  else range.load(['address', 'values']);
}

const perCell = (what: { formulas?: boolean; numberFormats?: boolean }): number =>
  READ_BYTES_PER_CELL.values +
  (what.numberFormats ? READ_BYTES_PER_CELL.numberFormat : 0) +
  (what.formulas ? READ_BYTES_PER_CELL.formulas : 0);

/** A piece to load: rows r0..r1 and columns c0..c1 (0-based in the assembly), with its estimated response size. */
interface Piece {
  readonly assembly: Assembly;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  readonly address: string;
  readonly bytes: number;
}

/** A rectangle to load (cut to the budget when packed). */
function pieces(a: Assembly, r0: number, r1: number, c0: number, c1: number): Piece[] {
  const origin = parseAddress(a.address.split(':')[0] as string);
  const address = `${cellAddress(origin.row + r0, origin.column + c0)}:${cellAddress(origin.row + r1 - 1, origin.column + c1 - 1)}`;
  return [{ assembly: a, row: r0, column: c0, rows: r1 - r0, columns: c1 - c0, address, bytes: (r1 - r0) * (c1 - c0) * perCell(a.what) }];
}

/**
 * Takes pieces from the front of `pending` up to the budget and queues their loads; the piece that does not fit
 * whole is cut where the budget ends, its remaining rows put back first in line.
 */
function queuePieces(context: XlContext, pending: Piece[], budget: number): { piece: Piece; range: XlRange }[] {
  const out: { piece: Piece; range: XlRange }[] = [];
  let bytes = 0;
  while (pending.length > 0) {
    let piece = pending[0] as Piece;
    if (bytes + piece.bytes > budget) {
      const fit = Math.floor(((budget - bytes) / piece.bytes) * piece.rows);
      if (fit < 1 && out.length > 0) break;
      const [head, tail] = cut(piece, Math.max(1, fit));
      pending[0] = tail;
      piece = head;
    } else {
      pending.shift();
    }
    bytes += piece.bytes;
    const range = context.workbook.worksheets.getItem(piece.assembly.sheet).getRange(piece.address);
    const what = piece.assembly.what;
    if (what.formulas && what.numberFormats) range.load(['values', 'formulas', 'numberFormat']);
    else if (what.formulas) range.load(['values', 'formulas']);
    else if (what.numberFormats) range.load(['values', 'numberFormat']);
    else range.load('values');
    out.push({ piece, range });
    if (bytes >= budget) break;
  }
  return out;
}

/** A piece's first `rows` rows and the rest. */
function cut(p: Piece, rows: number): [Piece, Piece] {
  const head = pieces(p.assembly, p.row, p.row + rows, p.column, p.column + p.columns)[0] as Piece;
  const tail = pieces(p.assembly, p.row + rows, p.row + p.rows, p.column, p.column + p.columns)[0] as Piece;
  return [head, tail];
}

function partOf(range: XlRange, row: number, column: number, what: { formulas: boolean; numberFormats: boolean }): Part {
  return {
    row,
    column,
    values: range.values,
    ...(what.formulas ? { formulas: range.formulas } : {}),
    ...(what.numberFormats ? { numberFormat: range.numberFormat } : {}),
  };
}

function dims(address: string): { rows: number; columns: number } {
  const local = address.includes('!') ? (address.split('!').pop() as string) : address;
  const [a, b = a] = local.split(':') as [string, string?];
  const p = parseAddress(a);
  const q = parseAddress(b as string);
  return { rows: q.row - p.row + 1, columns: q.column - p.column + 1 };
}

/** "'ตั้งค่า'!A1:D9" → ตั้งค่า: the sheet of an address Excel reports. */
export function sheetOf(address: string): string {
  const at = address.lastIndexOf('!');
  const name = address.slice(0, at);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** "KPI!A4:Z100" or "'ตั้งค่า'!A1:D9" → "A4:Z100". */
export function localAddress(address: string): string {
  return address.includes('!') ? (address.split('!').pop() as string) : address;
}

/**
 * Reads a whole request. `sync` is the context's sync, counted by the caller. Sheets that must exist and do not
 * make the sync fail with ItemNotFound, which the caller turns into a WorkbookError.
 */
export async function readRequest(
  context: XlContext,
  request: ReadRequest,
  sync: () => Promise<void>,
  /** The host has ExcelApi 1.13 (merged areas); without it a grid asked for merges comes without them. */
  canMerge = true,
  /** The host has ExcelApi 1.4 (a range's used part); without it columns skipped by header are read. */
  canHead = true,
): Promise<ReadResult> {
  // The estimates are averages: a column of long Thai notes can be a hundred times bigger. When Excel refuses a
  // response as too large, the read starts again with an eighth of the budget (more, smaller syncs), 4 times at most.
  for (let budget = BATCH_BUDGET, attempt = 0; ; budget /= 8, attempt++) {
    try {
      return await readOnce(context, request, sync, budget, canMerge, canHead);
    } catch (e) {
      const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
      if (code !== 'ResponsePayloadSizeLimitExceeded' || attempt >= 4) throw e;
    }
  }
}

async function readOnce(
  context: XlContext,
  request: ReadRequest,
  sync: () => Promise<void>,
  budget: number,
  canMerge: boolean,
  canHead: boolean,
): Promise<ReadResult> {
  const ranges = request.ranges ?? [];
  const tables = request.tables ?? [];
  const wb = context.workbook;
  const rangeOut: (Assembly | undefined)[] = ranges.map(() => undefined);
  const tableOut: (Assembly | undefined)[] = tables.map(() => undefined);
  const pending: Piece[] = [];
  const measured: { index: number; request: RangeRequest; used: XlRange; head?: XlRange }[] = [];
  // Merged areas ride on the sync that measures (or first loads) their rectangle: no sync of their own.
  const merged: { index: number; areas: XlRangeAreas }[] = [];
  const askMerges = (req: RangeRequest, index: number, range: XlRange): void => {
    if (!req.merges || !canMerge) return;
    const areas = range.getMergedAreasOrNullObject();
    areas.load('address');
    merged.push({ index, areas });
  };

  // Explicit rectangles become pieces; used ranges are measured first.
  const queueRange = (req: RangeRequest, index: number): void => {
    const what = { formulas: !!req.formulas, numberFormats: !!req.numberFormats };
    const skip = req.dimensionsOnly ? undefined : req.skipColumns;
    if (req.address !== undefined && !req.dimensionsOnly) {
      const local = localAddress(req.address);
      const d = dims(local);
      const a = new Assembly(req.sheet, local, d.rows, d.columns, what);
      rangeOut[index] = a;
      // Columns skipped by position come in this sync; by header (known only once read) they are read.
      if (skip && 'at' in skip) {
        a.skipped = { columns: skip.at.filter((c) => c >= 0 && c < d.columns), headRows: Math.min(HEAD_ROWS, d.rows) };
        pending.push(...keptPieces(a, a.skipped, false));
      } else pending.push(...pieces(a, 0, d.rows, 0, d.columns));
      if (req.merges && canMerge) askMerges(req, index, wb.worksheets.getItem(req.sheet).getRange(local));
      return;
    }
    const sheet = wb.worksheets.getItem(req.sheet);
    const used = req.address !== undefined ? sheet.getRange(req.address) : sheet.getUsedRangeOrNullObject(true);
    used.load(['address', 'rowCount', 'columnCount']);
    askMerges(req, index, used);
    // Columns skipped by header: the sheet's first rows within its used range come with its size, so which columns
    // to leave out is known before any cell below is asked for.
    const entry: (typeof measured)[number] = { index, request: req, used };
    if (skip && 'headers' in skip && req.address === undefined && canHead) {
      entry.head = sheet.getRange(`A1:XFD${HEAD_ROWS}`).getUsedRangeOrNullObject(true);
      loadLike(entry.head, what);
    }
    measured.push(entry);
  };
  const takeMeasured = (from: number): void => {
    for (const m of measured.slice(from)) {
      if (m.used.isNullObject) continue;
      const what = { formulas: !!m.request.formulas, numberFormats: !!m.request.numberFormats };
      const a = new Assembly(m.request.sheet, localAddress(m.used.address), m.used.rowCount, m.used.columnCount, what);
      rangeOut[m.index] = a;
      if (m.request.dimensionsOnly) continue;
      const skip = m.request.skipColumns;
      // The head is used only when it starts where the used range does: then its rows are the grid's first.
      const head = m.head && !m.head.isNullObject && topLeftOf(m.head.address) === topLeftOf(m.used.address) ? m.head : undefined;
      if (head && skip && 'headers' in skip) {
        a.parts.push(partOf(head, 0, 0, what));
        a.skipped = { columns: columnsHeaded(head.values, skip.headers), headRows: head.values.length };
        pending.push(...keptPieces(a, a.skipped, true));
      } else if (skip && 'at' in skip) {
        a.skipped = { columns: skip.at.filter((c) => c >= 0 && c < a.columns), headRows: Math.min(HEAD_ROWS, a.rows) };
        pending.push(...keptPieces(a, a.skipped, false));
      } else pending.push(...pieces(a, 0, a.rows, 0, a.columns));
    }
  };
  const topLeftOf = (address: string): string => (localAddress(address).split(':')[0] as string).toUpperCase();

  // Sync 1: which optional sheets exist, beside everything that need not wait for that — the sheets that must exist
  // measured, tables measured with their headers, explicit rectangles as they fit — so an optional sheet or the
  // binding costs one sync more than a read without them, not two.
  const optional = [...new Set(ranges.filter((r) => r.optional).map((r) => r.sheet))];
  // The binding's cells in sync 1 too: navigating from a sheet that is not there gives a null range, no error.
  const binding = request.binding ? wb.worksheets.getItemOrNullObject(BINDING_SHEET).getUsedRangeOrNullObject(true) : undefined;
  binding?.load('values');
  const located = optional.map((name) => {
    const s = wb.worksheets.getItemOrNullObject(name);
    s.load('name');
    return [name, s] as const;
  });
  ranges.forEach((req, index) => {
    if (!req.optional) queueRange(req, index);
  });
  const measuredTables = tables.map((request, index) => {
    const table = wb.tables.getItem(request.table);
    const range = table.getRange();
    range.load(['address', 'rowCount', 'columnCount']);
    // The headers come with the size, so the wanted columns are known before their cells are asked for.
    const header = table.getHeaderRowRange();
    header.load('values');
    return { index, request, range, header };
  });
  let loaded = queuePieces(context, pending, budget);
  await sync();
  const exists = new Map(located.map(([name, s]) => [name, !s.isNullObject]));

  takeMeasured(0);
  for (const t of measuredTables) {
    const what = { formulas: !!t.request.formulas, numberFormats: !!t.request.numberFormats };
    const a = new Assembly(sheetOf(t.range.address), localAddress(t.range.address), t.range.rowCount, t.range.columnCount, what);
    tableOut[t.index] = a;
    const headers = t.header.values[0] ?? [];
    a.parts.push({ row: 0, column: 0, values: [headers] });
    const wanted = (c: number): boolean => !t.request.columns || t.request.columns.includes(String(headers[c] ?? ''));
    // Neighbouring wanted columns are read together.
    for (let c = 0; c < a.columns;) {
      if (!wanted(c)) {
        c++;
        continue;
      }
      let end = c + 1;
      while (end < a.columns && wanted(end)) end++;
      if (a.rows > 1) pending.push(...pieces(a, 1, a.rows, c, end));
      c = end;
    }
  }

  // Sync 2, when something optional exists: those sheets and the binding, with the first cells. When none of them
  // exists there is nothing to wait for: the rest goes as without them (a new workbook costs no sync more).
  if (located.some(([, s]) => !s.isNullObject)) {
    const from = measured.length;
    ranges.forEach((req, index) => {
      if (req.optional && exists.get(req.sheet)) queueRange(req, index);
    });
    for (const { piece, range } of loaded) piece.assembly.parts.push(partOf(range, piece.row, piece.column, piece.assembly.what));
    loaded = queuePieces(context, pending, budget);
    await sync();
    takeMeasured(from);
  }
  const bindingRows = binding && !binding.isNullObject ? binding.values : undefined;

  // Then one sync per budget-sized batch of pieces: their number follows the bytes, never the rows.
  for (;;) {
    for (const { piece, range } of loaded) piece.assembly.parts.push(partOf(range, piece.row, piece.column, piece.assembly.what));
    if (pending.length === 0) break;
    loaded = queuePieces(context, pending, budget);
    await sync();
  }

  const mergesOf = new Map(
    merged.map(({ index, areas }) => [
      index,
      areas.isNullObject
        ? []
        : areas.address
            .split(',')
            .map((x) => localAddress(x.trim()))
            .filter((x) => x !== ''),
    ]),
  );
  return {
    ranges: rangeOut.map((a, i) => {
      const grid = a?.grid();
      const merges = mergesOf.get(i);
      return grid && merges ? { ...grid, merges } : grid;
    }),
    tables: tableOut.map((a, i): TableGrid | undefined => (a ? { ...a.grid(), table: tables[i]?.table ?? '' } : undefined)),
    ...(request.binding ? { binding: bindingRows ? readBindingRows(bindingRows.map((r) => r.map(cellValue))) : undefined } : {}),
  };
}

/**
 * Reading a filled KPI sheet back: a grid of cell values → the domain's ResultSet, with the cell address of
 * every input, found by header name (Thai or English) so a sheet whose columns were moved by hand still reads.
 *
 * What is passed to the domain follows the sheet's cell semantics, so `check` scores exactly what the formulas
 * show: a number is the value; a blank is not reported; text, an error or a boolean in a number cell does not
 * count. Text the domain could read as a number ("๓,๐๕๐") is therefore passed as not reported, with a warning
 * saying to re-type it; a word in a step cell (ทำสำเร็จ, ✓) counts as the domain's table says, since the sheet's
 * formulas look it up in the same table (stepWords.ts).
 */
import {
  allIndicators,
  indicatorKey,
  indicatorsByKey,
  isGroup,
  isStepKind,
  issue,
  readNumber,
  type Assessment,
  type Indicator,
  type Issue,
  type LeafIndicator,
  type RawResult,
  type ResultSet,
} from '../domain';
import { columnLetter, isCellError, parseAddress, qualifiedAddress, sheetRef, type CellValue, type Grid } from './cells';
import { domainStep, sheetStepMark } from './stepWords';
import {
  FIXED_HEADERS,
  headerCandidates,
  isInputRole,
  namesOf,
  stepHeader,
  targetHeader,
  type ColumnRole,
  type HeaderEntry,
} from './headers';
import type { BindingRecord, MultiUnitColumns } from './binding';
import { HEAD_ROWS, type RangeGrid, type RangeRequest, type ReadRequest } from './port';

export interface IndicatorCells {
  readonly row: number;
  readonly id: string;
  readonly result?: string;
  /** By variable id. */
  readonly variables: ReadonlyMap<string, string>;
  /** Step k at index k - 1. */
  readonly steps: readonly string[];
}

export interface SheetReading {
  readonly resultSet: ResultSet;
  /** The reader's own findings, each with its cell. */
  readonly issues: readonly Issue[];
  readonly cells: ReadonlyMap<string, IndicatorCells>;
  readonly headerRow: number;
  readonly columns: ReadonlyMap<ColumnRole, number>;
  /**
   * When a read with a memo redid only some rows: the last read's results object and the indicators whose rows
   * were redone; every other indicator's result is the one it had. Scoring with its memo redoes only those
   * (scoreAssessment's `changedSince`).
   */
  readonly changedSince?: { readonly results: ResultSet['results']; readonly ids: readonly string[] };
}

export type SheetReadResult =
  { readonly ok: true; readonly value: SheetReading } | { readonly ok: false; readonly issues: readonly Issue[] };

export interface ReadOptions {
  /** Headers recorded in the workbook's binding record, recognised besides the catalogue. */
  readonly headers?: Readonly<Partial<Record<ColumnRole, string>>>;
  /**
   * Each row's reading kept from the last read (`readMemo()`): a row whose cells are the very arrays read last
   * time (a live sheet patches only the rows an edit names, model/liveCache.ts), at the same place under the same
   * header, is not read again. Duplicates and missing rows are still worked out over every row, so the reading is
   * the one a read without the memo gives (test/taskpane/liveCache.test.ts).
   */
  readonly memo?: ReadMemo;
}

/** A row as read: blank (no id), an id the assessment lacks, or an indicator's inputs with the row's own issues. */
type RowRead =
  | { readonly kind: 'blank' }
  | { readonly kind: 'unknown'; readonly issue: Issue }
  | {
      readonly kind: 'indicator';
      readonly indicator: Indicator;
      readonly raw: RawResult | undefined;
      readonly cells: IndicatorCells;
      readonly issues: readonly Issue[];
      /** The id cell, for the duplicate's issue. */
      readonly idAddress: string;
    };

/** Opaque: what one caller's successive reads of a sheet share. */
export interface ReadMemo {
  /** @internal the assessment, header and sheet the rows were read under */
  context: { readonly assessment: Assessment; readonly key: string } | undefined;
  /** @internal the last read under that context: its grid's row arrays, each row's read, and what it gave */
  last?: {
    readonly values: readonly (readonly CellValue[])[];
    readonly formats: readonly (readonly (string | null | undefined)[] | undefined)[] | undefined;
    readonly reads: readonly (RowRead | undefined)[];
    readonly out: { results: Record<string, RawResult>; issues: Issue[]; cells: Map<string, IndicatorCells> };
  };
  /** @internal by the row's array of values */
  rows: WeakMap<
    readonly CellValue[],
    { readonly r: number; readonly formats: readonly (string | null | undefined)[] | undefined; readonly read: RowRead }
  >;
}

export function readMemo(): ReadMemo {
  return { context: undefined, rows: new WeakMap() };
}

/** Rows searched for the header row when the grid starts above the table: the head a read keeps whole. */
const HEADER_SEARCH_ROWS = HEAD_ROWS;

export function readKpiGrid(assessment: Assessment, grid: Grid, options: ReadOptions = {}): SheetReadResult {
  const catalogue = catalogueFor(assessment, options);
  const found = findHeaderRow(grid, catalogue);
  if (!found) return { ok: false, issues: [noHeaderRow(grid)] };
  const issues: Issue[] = [];
  checkColumnsPresent(assessment, found.columns, catalogue, grid.sheet, issues);
  const byId = indicatorsByKey(assessment);
  const rowMemo = memoFor(options.memo, assessment, grid, found);
  const read =
    (options.memo && patched(grid, found, byId, options.memo)) ??
    readRows(grid, found, belowHeader(grid, found.index), byId, rowMemo, options.memo);
  return {
    ok: true,
    value: {
      resultSet: { results: read.results },
      issues: [...issues, ...read.issues],
      cells: read.cells,
      headerRow: parseAddress(grid.topLeft).row + found.index,
      columns: found.columns,
      ...(read.changedSince ? { changedSince: read.changedSince } : {}),
    },
  };
}

/** The grid's rows under the header row, by index. */
function belowHeader(grid: Grid, headerIndex: number): number[] {
  return Array.from({ length: Math.max(0, grid.values.length - headerIndex - 1) }, (_, k) => headerIndex + 1 + k);
}

/** What a read of every row gives, and what a patched read adds: which results changed since the last. */
interface RowsRead {
  readonly results: Record<string, RawResult>;
  readonly issues: Issue[];
  readonly cells: Map<string, IndicatorCells>;
  readonly changedSince?: SheetReading['changedSince'];
}

function noHeaderRow(grid: Grid): Issue {
  return issue(
    'header-row-missing',
    'error',
    {
      th: `ไม่พบแถวหัวตารางในชีต ${grid.sheet} ต้องมีคอลัมน์ "${FIXED_HEADERS.id.th}" (${FIXED_HEADERS.id.en}) และคอลัมน์ผลการดำเนินงานหรือคะแนน`,
      en: `no header row found on sheet ${grid.sheet}: it needs a "${FIXED_HEADERS.id.th}" (${FIXED_HEADERS.id.en}) column and a result or score column`,
    },
    { cell: `${grid.sheet}!${grid.topLeft}` },
  );
}

/** The memo's rows, when they were read under this assessment, sheet, origin and header; else a fresh memo's. */
function memoFor(
  memo: ReadMemo | undefined,
  assessment: Assessment,
  grid: Grid,
  found: { index: number; columns: ReadonlyMap<ColumnRole, number> },
): ReadMemo['rows'] | undefined {
  if (!memo) return undefined;
  const key = JSON.stringify([grid.sheet, grid.topLeft, found.index, [...found.columns]]);
  if (memo.context?.assessment !== assessment || memo.context.key !== key) {
    memo.context = { assessment, key };
    memo.rows = new WeakMap();
    memo.last = undefined;
  }
  return memo.rows;
}

/** Reads one row (0-based grid index) of a sheet whose header is found. */
function rowReader(
  grid: Grid,
  found: { index: number; columns: ReadonlyMap<ColumnRole, number> },
  byId: ReadonlyMap<string, Indicator>,
): (r: number, row: readonly CellValue[]) => RowRead {
  const origin = parseAddress(grid.topLeft);
  // qualifiedAddress's text, with the sheet's quoting and each column's letters worked out once per read.
  const ref = sheetRef(grid.sheet);
  const letters: string[] = [];
  const at = (r: number, c: number): string => `${ref}!${(letters[c] ??= columnLetter(origin.column + c))}${origin.row + r}`;
  const { columns } = found;
  const idColumn = columns.get('id') as number;
  // A sheet with Scorebook's formulas but no step marks column was made before words in step cells were counted.
  const countsWords = !columns.has('value') || columns.has('stepMarks');
  // The row being read, and one accessor of its cells for every row: readRow and unusedStepCells use it only while
  // that row is read, and a closure made per row is 10,000 more functions a read.
  let row: readonly CellValue[] = [];
  let r = 0;
  const cellOf: CellAt = (role) => {
    const c = columns.get(role);
    if (c === undefined) return undefined;
    return { value: row[c] ?? null, address: at(r, c), format: grid.numberFormats?.[r]?.[c] ?? undefined };
  };
  return (index: number, cells: readonly CellValue[]): RowRead => {
    r = index;
    row = cells;
    const idCell = row[idColumn] ?? null;
    if (idCell === null || (typeof idCell === 'string' && idCell.trim() === '')) return { kind: 'blank' };
    const indicator = matchIndicator(idCell, byId);
    if (!indicator) {
      return {
        kind: 'unknown',
        issue: issue(
          'unknown-indicator-row',
          'warning',
          {
            th: `แถวที่ ${origin.row + r} มีรหัสตัวชี้วัด "${String(display(idCell))}" ที่ไม่มีในชุดตัวชี้วัดนี้ จึงไม่นำมาคิดคะแนน`,
            en: `row ${origin.row + r} has indicator id "${String(display(idCell))}", which is not in this assessment; it is ignored`,
          },
          { cell: at(r, idColumn) },
        ),
      };
    }
    const own: Issue[] = [];
    const read = readRow(indicator, cellOf, own, countsWords);
    unusedStepCells(indicator, cellOf, own);
    return {
      kind: 'indicator',
      indicator,
      raw: read.raw,
      cells: { row: origin.row + r, id: indicator.id, ...read.cells },
      issues: own,
      idAddress: at(r, idColumn),
    };
  };
}

/** The given rows (0-based grid indices) of a sheet whose header is found: each indicator's row, cells and input. */
function readRows(
  grid: Grid,
  found: { index: number; columns: ReadonlyMap<ColumnRole, number> },
  rows: readonly number[],
  byId: ReadonlyMap<string, Indicator>,
  memo?: ReadMemo['rows'],
  keep?: ReadMemo,
): RowsRead {
  const issues: Issue[] = [];
  const results: Record<string, RawResult> = {};
  const cells = new Map<string, IndicatorCells>();
  const readOne = rowReader(grid, found, byId);
  const none: readonly CellValue[] = [];
  const reads: (RowRead | undefined)[] = [];
  for (const r of rows) {
    const row = grid.values[r] ?? none;
    const formats = grid.numberFormats?.[r] ?? undefined;
    const kept = memo?.get(row);
    let read: RowRead;
    if (kept && kept.r === r && kept.formats === formats) read = kept.read;
    else {
      read = readOne(r, row);
      if (memo && row !== none) memo.set(row, { r, formats, read });
    }
    reads[r] = read;
    if (read.kind === 'blank') continue;
    if (read.kind === 'unknown') {
      issues.push(read.issue);
      continue;
    }
    const { indicator } = read;
    if (cells.has(indicator.id)) {
      issues.push(
        issue(
          'duplicate-indicator-row',
          'warning',
          {
            th: `ตัวชี้วัด ${indicator.id} มีมากกว่าหนึ่งแถว ใช้เฉพาะแถวแรก`,
            en: `indicator ${indicator.id} appears on more than one row; only the first is used`,
          },
          { indicatorId: indicator.id, cell: read.idAddress },
        ),
      );
      continue;
    }
    for (const i of read.issues) issues.push(i);
    cells.set(indicator.id, read.cells);
    if (read.raw !== undefined) results[indicator.id] = read.raw;
  }
  for (const indicator of byId.values()) {
    if (!cells.has(indicator.id)) {
      issues.push(
        issue(
          'indicator-row-missing',
          'warning',
          {
            th: `ไม่พบแถวของตัวชี้วัด ${indicator.id} ในชีต ${grid.sheet} จึงนับว่ายังไม่รายงาน`,
            en: `indicator ${indicator.id} has no row on sheet ${grid.sheet}, so it counts as not reported`,
          },
          { indicatorId: indicator.id },
        ),
      );
    }
  }
  const out = { results, issues, cells };
  if (keep) keep.last = { values: grid.values, formats: grid.numberFormats, reads, out };
  return out;
}

/**
 * The last read with only its changed rows redone, when the change cannot move anything else: each changed row
 * (a new array) reads the same indicator as before, that row was the indicator's (not a duplicate), and neither
 * the old nor the new reading of it has an issue (which would have to take its place in row order); its result
 * is given before and after (the same keys, in the same order). Anything else: undefined, read every row.
 */
function patched(
  grid: Grid,
  found: { index: number; columns: ReadonlyMap<ColumnRole, number> },
  byId: ReadonlyMap<string, Indicator>,
  memo: ReadMemo,
): RowsRead | undefined {
  const last = memo.last;
  if (!last || last.values.length !== grid.values.length) return undefined;
  const changed: number[] = [];
  for (let r = found.index + 1; r < grid.values.length; r++) {
    if (grid.values[r] !== last.values[r] || grid.numberFormats?.[r] !== last.formats?.[r]) {
      changed.push(r);
      if (changed.length > 64) return undefined;
    }
  }
  if (changed.length === 0) return { ...last.out, changedSince: { results: last.out.results, ids: [] } };
  const results = { ...last.out.results };
  const ids: string[] = [];
  const reads = last.reads.slice();
  const readOne = rowReader(grid, found, byId);
  for (const r of changed) {
    const before = last.reads[r];
    const row = grid.values[r];
    if (!row) return undefined;
    const formats = grid.numberFormats?.[r] ?? undefined;
    const kept = memo.rows.get(row);
    const after = kept && kept.r === r && kept.formats === formats ? kept.read : readOne(r, row);
    memo.rows.set(row, { r, formats, read: after });
    if (!before || before.kind !== 'indicator' || after.kind !== 'indicator') return undefined;
    if (after.indicator !== before.indicator || last.out.cells.get(before.indicator.id) !== before.cells) return undefined;
    if (before.issues.length > 0 || after.issues.length > 0) return undefined;
    if ((before.raw === undefined) !== (after.raw === undefined)) return undefined;
    if (after.raw !== undefined) results[after.indicator.id] = after.raw;
    ids.push(after.indicator.id);
    // The row's cell addresses are the same (same indicator, row and columns): the old entry stays.
    const merged: RowRead = { ...after, cells: before.cells };
    memo.rows.set(row, { r, formats, read: merged });
    reads[r] = merged;
  }
  const out = { results, issues: last.out.issues, cells: last.out.cells };
  memo.last = { values: grid.values, formats: grid.numberFormats, reads, out };
  return { ...out, changedSince: { results: last.out.results, ids } };
}

/** Columns whose cells below the header a reading reads, or what is built on it (statuses, marks, locks). */
const readBelowHeader = (role: string): boolean => role === 'id' || role === 'name' || isInputRole(role as ColumnRole);

/**
 * The columns a reading of a bound sheet may leave unread below its head (RangeRequest.skipColumns): the formula
 * and helper columns its record names (scores, targets, the hidden helpers), whose cells it never reads back. At
 * 10,000 rows they are most of a read's bytes. A header shared with a column that is read is never skipped.
 */
export function unreadColumns(record: Pick<BindingRecord, 'columns'>): NonNullable<RangeRequest['skipColumns']> {
  const entries = Object.entries(record.columns).filter((e): e is [string, string] => typeof e[1] === 'string');
  const read = new Set(entries.filter(([role]) => readBelowHeader(role)).map(([, h]) => h.trim()));
  return { headers: entries.filter(([role, h]) => !readBelowHeader(role) && !read.has(h.trim())).map(([, h]) => h) };
}

/**
 * Whether `reading` of `grid` is the one a read of every cell gives: nothing was skipped, or the header row is in
 * the head read whole and no column the reading reads was among those skipped. False (a header typed over, a
 * column moved since the record was written): read the sheet again whole.
 */
export function readsWhole(
  grid: Pick<RangeGrid, 'skipped' | 'topLeft' | 'values'>,
  reading: Pick<SheetReading, 'headerRow' | 'columns'>,
): boolean {
  const skipped = grid.skipped;
  if (!skipped || skipped.columns.length === 0 || skipped.headRows >= grid.values.length) return true;
  if (reading.headerRow - parseAddress(grid.topLeft).row >= skipped.headRows) return false;
  const left = new Set(skipped.columns);
  for (const [role, c] of reading.columns) if (readBelowHeader(role) && left.has(c)) return false;
  return true;
}

/** One unit's part of a multi-unit sheet, read as if it were that unit's own sheet. */
export interface UnitReading {
  readonly unit: { readonly id: string; readonly name: string };
  /** Its issues name the unit (`unitIssue`). */
  readonly reading: SheetReading;
}

export interface MultiUnitReading {
  readonly headerRow: number;
  readonly columns: ReadonlyMap<ColumnRole, number>;
  /** In the order units first appear on the sheet. */
  readonly units: readonly UnitReading[];
  /** The sheet's own findings (a missing column, a row without a unit), not any one unit's. */
  readonly issues: readonly Issue[];
}

export type MultiUnitReadResult =
  { readonly ok: true; readonly value: MultiUnitReading } | { readonly ok: false; readonly issues: readonly Issue[] };

/** Headers of a multi-unit sheet's unit columns (as the binding record keeps them, binding.ts). */
export interface UnitColumnHeaders {
  readonly unit: string;
  readonly unitName: string;
}

/**
 * What a multi-unit sheet's reading needs read: its table's id, input and unit columns (the used range without a
 * table). The formula columns are never read back: at 20,000 rows they would cost more to read than to score.
 */
export function multiUnitReadRequest(binding: BindingRecord & { readonly multiUnit: MultiUnitColumns }): ReadRequest {
  const headers = [
    ...Object.entries(binding.columns)
      .filter(([role]) => role === 'id' || isInputRole(role as ColumnRole))
      .map(([, h]) => h as string),
    binding.multiUnit.unit,
    binding.multiUnit.unitName,
  ];
  return binding.table
    ? { tables: [{ table: binding.table, columns: headers, numberFormats: true }] }
    : { ranges: [{ sheet: binding.sheet, numberFormats: true }] };
}

/**
 * A multi-unit sheet (multiUnitPlan.ts: one row per unit × indicator): the header found once, rows grouped by the
 * unit column, each unit read as its own sheet would be, so each unit's ResultSet scores as that unit's sheet.
 */
export function readMultiUnitGrid(
  assessment: Assessment,
  grid: Grid,
  options: ReadOptions & { readonly multiUnit: UnitColumnHeaders },
): MultiUnitReadResult {
  const catalogue = catalogueFor(assessment, options);
  const found = findHeaderRow(grid, catalogue);
  if (!found) return { ok: false, issues: [noHeaderRow(grid)] };
  const header = grid.values[found.index] ?? [];
  const columnOf = (name: string): number => header.findIndex((h) => typeof h === 'string' && h.trim() === name.trim());
  const unitColumn = columnOf(options.multiUnit.unit);
  const nameColumn = columnOf(options.multiUnit.unitName);
  const origin = parseAddress(grid.topLeft);
  if (unitColumn < 0) {
    return {
      ok: false,
      issues: [
        issue(
          'unit-column-missing',
          'error',
          {
            th: `ชีต ${grid.sheet} ไม่มีคอลัมน์ "${options.multiUnit.unit}" ที่บอกว่าแถวเป็นของหน่วยงานใด ให้สร้างชีตหลายหน่วยงานใหม่ในแท็บ "สร้างชีต"`,
            en: `sheet ${grid.sheet} has no "${options.multiUnit.unit}" (unit) column saying whose row each is; create the multi-unit sheet again on the Create tab`,
          },
          { cell: qualifiedAddress(grid.sheet, origin.row + found.index, origin.column) },
        ),
      ],
    };
  }
  const issues: Issue[] = [];
  checkColumnsPresent(assessment, found.columns, catalogue, grid.sheet, issues);
  const groups = new Map<string, { name: string; rows: number[] }>();
  for (let r = found.index + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const unit = text(row[unitColumn]);
    if (unit === '') {
      if (text(row[found.columns.get('id') as number]) !== '') {
        issues.push(
          issue(
            'unit-missing',
            'warning',
            {
              th: `แถวที่ ${origin.row + r} ไม่ระบุหน่วยงาน จึงไม่นำมาคิดคะแนนของหน่วยงานใด`,
              en: `row ${origin.row + r} names no unit, so it counts for none`,
            },
            { cell: qualifiedAddress(grid.sheet, origin.row + r, origin.column + unitColumn) },
          ),
        );
      }
      continue;
    }
    let group = groups.get(unit);
    if (!group) {
      group = { name: nameColumn < 0 ? unit : text(row[nameColumn]) || unit, rows: [] };
      groups.set(unit, group);
    }
    group.rows.push(r);
  }
  const byId = indicatorsByKey(assessment);
  const headerRow = origin.row + found.index;
  const units = [...groups].map(([id, g]): UnitReading => {
    const unit = { id, name: g.name };
    const read = readRows(grid, found, g.rows, byId);
    return {
      unit,
      reading: {
        resultSet: { results: read.results },
        issues: read.issues.map((i) => unitIssue(i, unit)),
        cells: read.cells,
        headerRow,
        columns: found.columns,
      },
    };
  });
  return { ok: true, value: { headerRow, columns: found.columns, units, issues } };
}

/** The issue said of one unit: its message starts with the unit's name and id. */
export function unitIssue(i: Issue, unit: { readonly id: string; readonly name: string }): Issue {
  const who = unit.name && unit.name !== unit.id ? `${unit.name} (${unit.id})` : unit.id;
  return { ...i, message: { th: `หน่วยงาน ${who}: ${i.message.th}`, en: `unit ${who}: ${i.message.en}` } };
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return (isCellError(v) ? v.error : String(v)).trim();
}

type CellAt = (role: ColumnRole) => { value: CellValue; address: string; format: string | undefined } | undefined;

function readRow(
  indicator: Indicator,
  cellOf: CellAt,
  issues: Issue[],
  countsWords: boolean,
): { raw: RawResult | undefined; cells: Omit<IndicatorCells, 'row' | 'id'> } {
  const none = { variables: new Map<string, string>(), steps: [] as string[] };
  if (isGroup(indicator)) return { raw: undefined, cells: none };
  switch (indicator.kind) {
    case 'quantitative': {
      const cell = cellOf('result');
      if (!cell) return { raw: undefined, cells: none };
      return { raw: numberInput(indicator, cell, issues), cells: { ...none, result: cell.address } };
    }
    case 'ratio': {
      const variables = new Map<string, string>();
      const raw: Record<string, number | string | null> = {};
      indicator.variables.forEach((variable, i) => {
        const cell = cellOf(i === 0 ? 'numerator' : 'denominator');
        if (!cell) return;
        variables.set(variable.id, cell.address);
        const value = numberInput(indicator, cell, issues, variable.unit);
        raw[variable.id] = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value;
      });
      return { raw: variables.size > 0 ? raw : undefined, cells: { ...none, variables, result: cellOf('result')?.address } };
    }
    case 'milestone':
    case 'binary': {
      const steps: string[] = [];
      const marks: (boolean | number | string | null)[] = [];
      indicator.steps.forEach((_, k) => {
        const cell = cellOf(`step${k + 1}`);
        if (!cell) return;
        steps.push(cell.address);
        marks.push(stepInput(indicator, k + 1, cell, issues, countsWords));
      });
      return { raw: steps.length > 0 ? marks : undefined, cells: { ...none, steps, result: cellOf('result')?.address } };
    }
  }
}

/**
 * Step columns the row's indicator has no step for (a quantitative row, a milestone of 3 steps in column ขั้นที่ 5):
 * the sheet's formulas never read them, so what is typed there would be ignored without a word. Said at the cell.
 */
function unusedStepCells(indicator: Indicator, cellOf: CellAt, issues: Issue[]): void {
  const own = isGroup(indicator) || !isStepKind(indicator.kind) ? 0 : indicator.steps.length;
  for (let k = own + 1; ; k++) {
    const cell = cellOf(`step${k}`);
    if (!cell) return;
    const v = cell.value;
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    const shown = isCellError(v) ? v.error : String(v);
    issues.push(
      issue(
        'value-in-unused-step-cell',
        'warning',
        {
          th:
            own === 0
              ? `เซลล์ ${cell.address} (ขั้นที่ ${k}) มีค่า "${shown}" แต่ตัวชี้วัด ${indicator.id} ไม่ได้วัดเป็นขั้นตอน ค่านี้ไม่ถูกนับ ให้กรอกผลในคอลัมน์ผลการดำเนินงาน แล้วลบค่านี้`
              : `เซลล์ ${cell.address} (ขั้นที่ ${k}) มีค่า "${shown}" แต่ตัวชี้วัด ${indicator.id} มีเพียง ${own} ขั้น ค่านี้ไม่ถูกนับ ให้ลบค่านี้`,
          en:
            own === 0
              ? `cell ${cell.address} (step ${k}) holds "${shown}", but indicator ${indicator.id} has no steps, so it is not counted; type the result in the result column and clear this cell`
              : `cell ${cell.address} (step ${k}) holds "${shown}", but indicator ${indicator.id} has only ${own} steps, so it is not counted; clear this cell`,
        },
        { indicatorId: indicator.id, field: String(k), cell: cell.address },
      ),
    );
  }
}

/** A number cell: numbers count, text and errors do not (see the file comment). */
function numberInput(
  indicator: LeafIndicator,
  cell: { value: CellValue; address: string; format: string | undefined },
  issues: Issue[],
  unit = indicator.unit,
): number | string | boolean | null {
  const v = cell.value;
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') {
    if (cell.format !== undefined && isPercentFormat(cell.format)) {
      issues.push(
        issue(
          'percent-format-cell',
          'warning',
          {
            th: `เซลล์ ${cell.address} จัดรูปแบบเป็นร้อยละ Excel จึงเก็บค่า ${v} (เช่น 85% เก็บเป็น 0.85) และคิดคะแนนด้วย ${v} หากหมายถึงร้อยละ ให้พิมพ์เป็นตัวเลขโดยไม่จัดรูปแบบร้อยละ`,
            en: `cell ${cell.address} has a percent format, so Excel stores ${v} (85% is stored as 0.85) and the score uses ${v}; to mean a percentage, type the plain number without a percent format`,
          },
          { indicatorId: indicator.id, cell: cell.address },
        ),
      );
    }
    return v;
  }
  if (typeof v !== 'string') return v;
  const reading = readNumber(v, { unit });
  if (reading.kind === 'number') {
    issues.push(
      issue(
        'text-in-number-cell',
        'warning',
        {
          th: `เซลล์ ${cell.address} เป็นข้อความ "${v}" ไม่ใช่ตัวเลข สูตรในชีตจึงนับว่ายังไม่รายงาน ให้พิมพ์ใหม่เป็นตัวเลข ${reading.value}`,
          en: `cell ${cell.address} holds the text "${v}", not a number, so the sheet's formulas count it as not reported; re-type it as the number ${reading.value}`,
        },
        { indicatorId: indicator.id, cell: cell.address },
      ),
    );
    return null;
  }
  return v;
}

/** Excel's percent formats ("0%", "0.00%"), ignoring a literal "%" in quotes or escaped. */
export function isPercentFormat(format: string): boolean {
  return format.replace(/"[^"]*"|\\./g, '').includes('%');
}

/**
 * A step cell, as the sheet's formulas count it (stepWords.ts): 1/0, TRUE/FALSE, blanks and the words of the
 * domain's table count; other text goes to the domain, which rejects it at its cell. Text the domain reads but the
 * formulas do not (a word in a sheet made before the words were counted, which has no stepMarks column; a word
 * with a tab or a zero-width space in it) is passed so that the domain rejects it too, with a warning at the cell.
 */
function stepInput(
  indicator: LeafIndicator,
  step: number,
  cell: { value: CellValue; address: string },
  issues: Issue[],
  countsWords: boolean,
): boolean | number | string | null {
  const v = cell.value;
  if (isCellError(v)) return v.error;
  if (typeof v !== 'string') return v;
  const domainReads = domainStep(v) !== 'invalid';
  if (!domainReads) return v;
  if (countsWords && sheetStepMark(v) !== 'x') return v;
  issues.push(
    issue(
      'text-in-step-cell',
      'warning',
      countsWords
        ? {
            th: `เซลล์ ${cell.address} (ขั้นที่ ${step}) มีข้อความ "${v}" ที่มีอักขระพิเศษปนอยู่ (เช่น แท็บ หรือช่องว่างที่มองไม่เห็น) สูตรในชีตจึงอ่านไม่ได้ และนับตัวชี้วัด ${indicator.id} ว่ายังไม่รายงาน ให้พิมพ์ 1 หรือ 0 ใหม่`,
            en: `cell ${cell.address} (step ${step}) holds the text "${v}" with a hidden character in it (a tab or an invisible space), so the sheet's formulas cannot read it and indicator ${indicator.id} counts as not reported; re-type 1 or 0`,
          }
        : {
            th: `เซลล์ ${cell.address} (ขั้นที่ ${step}) เป็นข้อความ "${v}" สูตรในชีตนี้ (สร้างก่อนที่จะอ่านคำได้) นับเฉพาะค่า 1/0 หรือ TRUE/FALSE จึงนับตัวชี้วัด ${indicator.id} ว่ายังไม่รายงาน ให้พิมพ์ 1 หรือ 0 ใหม่ หรือสร้างชีตใหม่`,
            en: `cell ${cell.address} (step ${step}) holds the text "${v}"; this sheet's formulas (made before words were counted) count only the values 1/0 or TRUE/FALSE, so indicator ${indicator.id} counts as not reported; re-type 1 or 0, or create the sheet again`,
          },
      { indicatorId: indicator.id, field: String(step), cell: cell.address },
    ),
  );
  // The apostrophe is Excel's own mark of "typed as text"; the domain rejects it, as the formulas do.
  return `'${v}`;
}

function display(v: CellValue): string | number | boolean {
  return v === null ? '' : isCellError(v) ? v.error : v;
}

/** `byKey` is keyed by `indicatorKey`, so an id cell in Thai digits ("๑.๒") finds indicator 1.2 and back. */
function matchIndicator(cell: CellValue, byKey: ReadonlyMap<string, Indicator>): Indicator | undefined {
  if (typeof cell === 'string') return byKey.get(indicatorKey(cell));
  if (typeof cell === 'number') {
    // An id typed as a number (10.1): match its text, or any id that is the same number.
    return byKey.get(String(cell)) ?? [...byKey.entries()].find(([key]) => key !== '' && Number(key) === cell)?.[1];
  }
  return undefined;
}

/** What the reader needs of an assessment besides its indicators by key, worked out once per assessment. */
interface SheetShape {
  readonly maxSteps: number;
  /** The input columns some indicator needs. */
  readonly needed: ReadonlySet<ColumnRole>;
}

const shapes = new WeakMap<Assessment, SheetShape>();

function shapeOf(assessment: Assessment): SheetShape {
  const known = shapes.get(assessment);
  if (known) return known;
  let maxSteps = 0;
  const needed = new Set<ColumnRole>();
  for (const i of allIndicators(assessment)) {
    if (isGroup(i)) continue;
    maxSteps = Math.max(maxSteps, i.steps.length);
    if (i.kind === 'quantitative') needed.add('result');
    if (i.kind === 'ratio') ['numerator', 'denominator'].forEach((r) => needed.add(r as ColumnRole));
    if (isStepKind(i.kind)) i.steps.forEach((_, k) => needed.add(`step${k + 1}`));
  }
  const shape = { maxSteps, needed };
  shapes.set(assessment, shape);
  return shape;
}

function catalogueFor(assessment: Assessment, options: ReadOptions): HeaderEntry[] {
  const { maxSteps } = shapeOf(assessment);
  const entries: HeaderEntry[] = [
    ...Object.values(FIXED_HEADERS),
    ...assessment.scale.levels.map((_, k) => targetHeader(assessment.scale, k + 1)),
    ...Array.from({ length: maxSteps }, (_, k) => stepHeader(k + 1)),
  ];
  const recorded = options.headers ?? {};
  return entries.map((e) => {
    const extra = recorded[e.role];
    return extra ? { ...e, aliases: [extra, ...e.aliases] } : e;
  });
}

function findHeaderRow(grid: Grid, catalogue: readonly HeaderEntry[]): { index: number; columns: Map<ColumnRole, number> } | undefined {
  const names = catalogue.map((e) => ({ role: e.role, names: new Set(namesOf(e)) }));
  const limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const columns = new Map<ColumnRole, number>();
    (grid.values[r] ?? []).forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const candidates = headerCandidates(cell);
      const match = names.find((n) => !columns.has(n.role) && candidates.some((x) => n.names.has(x)));
      if (match) columns.set(match.role, c);
    });
    if (columns.has('id') && (columns.has('result') || columns.has('score') || columns.has('step1') || columns.has('numerator'))) {
      return { index: r, columns };
    }
  }
  return undefined;
}

function checkColumnsPresent(
  assessment: Assessment,
  columns: ReadonlyMap<ColumnRole, number>,
  catalogue: readonly HeaderEntry[],
  sheet: string,
  issues: Issue[],
): void {
  for (const role of shapeOf(assessment).needed) {
    if (columns.has(role)) continue;
    const e = catalogue.find((x) => x.role === role);
    issues.push(
      issue('column-missing', 'error', {
        th: `ชีต ${sheet} ไม่มีคอลัมน์ "${e?.th ?? role}" ตัวชี้วัดที่ต้องใช้คอลัมน์นี้จึงนับว่ายังไม่รายงาน`,
        en: `sheet ${sheet} has no "${e?.en ?? role}" column, so the indicators that need it count as not reported`,
      }),
    );
  }
}

/** Fills in the cell of each domain issue from the indicator and field it names. */
export function locateIssues(issues: readonly Issue[], reading: Pick<SheetReading, 'cells'>, assessment: Assessment): Issue[] {
  let byId: Map<string, Indicator> | undefined;
  const indicatorOf = (id: string): Indicator | undefined => (byId ??= new Map(allIndicators(assessment).map((i) => [i.id, i]))).get(id);
  return issues.map((i) => {
    if (i.cell !== undefined || i.indicatorId === undefined) return i;
    const cells = reading.cells.get(i.indicatorId);
    if (!cells) return i;
    const field = i.field;
    const step = field !== undefined && /^\d+$/.test(field) ? cells.steps[Number(field) - 1] : undefined;
    const cell =
      (field !== undefined ? (cells.variables.get(field) ?? step) : undefined) ??
      firstInput(indicatorOf(i.indicatorId), cells) ??
      cells.result;
    return cell === undefined ? i : { ...i, cell };
  });
}

function firstInput(indicator: Indicator | undefined, cells: IndicatorCells): string | undefined {
  if (!indicator || isGroup(indicator)) return undefined;
  if (indicator.kind === 'ratio') return [...cells.variables.values()][0];
  if (isStepKind(indicator.kind)) return cells.steps[0];
  return cells.result;
}

/**
 * Binding a sheet someone else made: find its header row and columns by the header catalogue's Thai and English
 * names (src/workbook/headers.ts), and match its rows to the assessment's indicators by id, else by name. The
 * result is a proposal the user confirms or fixes in the pane before anything is written.
 */
import { allIndicators, indicatorKey, indicatorsByKey, isGroup, type Assessment, type Indicator } from '../../domain';
import type { BoundSheet } from '../../workbook/boundSheet';
import {
  FIXED_HEADERS,
  headerCandidates,
  namesOf,
  normalizeHeader,
  parseAddress,
  SETTINGS_SHEET,
  stepHeader,
  targetHeader,
  type BindingRead,
  type CellValue,
  type ColumnRole,
  type Grid,
  type HeaderEntry,
} from '../../workbook';
import type { WorkbookPort } from '../../workbook/port';

export interface ColumnChoice {
  readonly role: ColumnRole;
  readonly entry: HeaderEntry;
  /** 0-based column index in the grid, or null when the sheet has no such column. */
  readonly column: number | null;
}

export type MatchedBy = 'id' | 'name' | 'user';

export interface RowChoice {
  readonly indicatorId: string;
  /** 1-based sheet row, or null when no row was found. */
  readonly row: number | null;
  readonly matchedBy: MatchedBy | null;
}

export interface SheetRowOption {
  readonly row: number;
  /** What the row shows: its id and name cells. */
  readonly label: string;
}

export interface BindingProposal {
  readonly sheet: string;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** The header row's texts by 0-based column, for the column pickers. */
  readonly headers: readonly string[];
  readonly columns: readonly ColumnChoice[];
  readonly rows: readonly RowChoice[];
  readonly rowOptions: readonly SheetRowOption[];
  /** 1-based sheet column of the grid's first column (column indices above count from it). */
  readonly firstColumn: number;
  /** The bottom-right of what was read (the sheet's used range): formula columns go right of it, missing rows below. */
  readonly lastRow: number;
  readonly lastColumn: number;
}

const HEADER_SEARCH_ROWS = 30;

/** The roles a person reads or types in; the hidden helper columns are the template's business. */
function catalogue(assessment: Assessment): HeaderEntry[] {
  const F = FIXED_HEADERS;
  const maxSteps = Math.max(0, ...allIndicators(assessment).map((i) => (isGroup(i) ? 0 : i.steps.length)));
  const hasRatio = allIndicators(assessment).some((i) => !isGroup(i) && i.kind === 'ratio');
  return [
    F.id,
    F.name,
    F.unit,
    F.weight,
    ...assessment.scale.levels.map((_, k) => targetHeader(assessment.scale, k + 1)),
    F.result,
    ...(hasRatio ? [F.numerator, F.denominator] : []),
    ...Array.from({ length: maxSteps }, (_, k) => stepHeader(k + 1)),
    F.score,
    F.weightedScore,
    F.explanation,
    F.obstacles,
    F.note,
  ];
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? v.error : String(v);
}

export function proposeBinding(assessment: Assessment, grid: Grid): BindingProposal | null {
  const entries = catalogue(assessment);
  const names = entries.map((e) => ({ entry: e, names: new Set(namesOf(e)) }));
  const origin = parseAddress(grid.topLeft);
  let best: { index: number; found: Map<ColumnRole, number> } | null = null;
  for (let r = 0; r < Math.min(grid.values.length, HEADER_SEARCH_ROWS); r++) {
    const found = new Map<ColumnRole, number>();
    (grid.values[r] ?? []).forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const candidates = headerCandidates(cell);
      const match = names.find((n) => !found.has(n.entry.role) && candidates.some((x) => n.names.has(x)));
      if (match) found.set(match.entry.role, c);
    });
    // A header row names an indicator (by id or name) and something to score, and beats rows naming fewer columns.
    const plausible = (found.has('id') || found.has('name')) && found.size >= 2;
    if (plausible && (!best || found.size > best.found.size)) best = { index: r, found };
  }
  if (!best) return null;
  const { index, found } = best;
  const headerCells = grid.values[index] ?? [];
  const width = Math.max(...grid.values.map((row) => row.length));
  const headers = Array.from({ length: width }, (_, c) => text(headerCells[c]));
  const columns = entries.map((entry) => ({ entry, role: entry.role, column: found.get(entry.role) ?? null }));
  const { rows, rowOptions } = matchRows(assessment, grid, index, found, origin.row);
  return {
    sheet: grid.sheet,
    headerRow: origin.row + index,
    headers,
    columns,
    rows,
    rowOptions,
    firstColumn: origin.column,
    lastRow: origin.row + grid.values.length - 1,
    lastColumn: origin.column + width - 1,
  };
}

function matchRows(
  assessment: Assessment,
  grid: Grid,
  headerIndex: number,
  columns: ReadonlyMap<ColumnRole, number>,
  firstRow: number,
): { rows: RowChoice[]; rowOptions: SheetRowOption[] } {
  const indicators = allIndicators(assessment);
  // Keyed by indicatorKey: an id cell in Thai digits ("๑.๒") finds indicator 1.2.
  const byId = indicatorsByKey(assessment);
  const byName = new Map<string, Indicator>();
  for (const i of indicators) {
    byName.set(normalizeHeader(i.name), i);
    if (i.nameEn) byName.set(normalizeHeader(i.nameEn), i);
  }
  const idColumn = columns.get('id');
  const nameColumn = columns.get('name');
  const found = new Map<string, { row: number; matchedBy: MatchedBy }>();
  const rowOptions: SheetRowOption[] = [];
  for (let r = headerIndex + 1; r < grid.values.length; r++) {
    const cells = grid.values[r] ?? [];
    const idText = idColumn === undefined ? '' : text(cells[idColumn]).trim();
    const nameText = nameColumn === undefined ? '' : text(cells[nameColumn]).trim();
    if (idText === '' && nameText === '') continue;
    const row = firstRow + r;
    rowOptions.push({ row, label: [idText, nameText].filter((s) => s !== '').join(' ') });
    const byIdMatch = idText === '' ? undefined : (byId.get(indicatorKey(idText)) ?? byNumber(indicators, cells[idColumn as number]));
    const match = byIdMatch ? { indicator: byIdMatch, how: 'id' as const } : nameText ? withName(byName, nameText) : undefined;
    if (match && !found.has(match.indicator.id)) found.set(match.indicator.id, { row, matchedBy: match.how });
  }
  const rows = indicators.map((i) => {
    const f = found.get(i.id);
    return { indicatorId: i.id, row: f?.row ?? null, matchedBy: f?.matchedBy ?? null };
  });
  return { rows, rowOptions };
}

/** An id typed as a number (10.1 or 3): the indicator whose id is that number. */
function byNumber(indicators: readonly Indicator[], cell: CellValue | undefined): Indicator | undefined {
  if (typeof cell !== 'number') return undefined;
  return indicators.find((i) => indicatorKey(i.id) !== '' && Number(indicatorKey(i.id)) === cell);
}

function withName(byName: ReadonlyMap<string, Indicator>, name: string): { indicator: Indicator; how: 'name' } | undefined {
  const indicator = byName.get(normalizeHeader(name));
  return indicator ? { indicator, how: 'name' } : undefined;
}

/** The user's fix of one column: a different sheet column (or none) for a role. */
export function withColumn(p: BindingProposal, role: ColumnRole, column: number | null): BindingProposal {
  return { ...p, columns: p.columns.map((c) => (c.role === role ? { ...c, column } : c)) };
}

/** The user's fix of one row: the indicator lives on another sheet row (or none); a row holds one indicator. */
export function withRow(p: BindingProposal, indicatorId: string, row: number | null): BindingProposal {
  return {
    ...p,
    rows: p.rows.map((r) => {
      if (r.indicatorId === indicatorId) return { ...r, row, matchedBy: row === null ? null : 'user' };
      return row !== null && r.row === row ? { ...r, row: null, matchedBy: null } : r;
    }),
  };
}

/** Role → header text as written in the sheet: what the binding record stores. */
export function boundHeaders(p: BindingProposal): Partial<Record<ColumnRole, string>> {
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const c of p.columns) if (c.column !== null && p.headers[c.column]) out[c.role] = p.headers[c.column];
  return out;
}

/**
 * The confirmed proposal as the workbook layer's bound sheet (sheet positions, not grid indices), from which the bind
 * plan adds the formula columns. Rows matched by id keep their id cell; the others get the indicator id written.
 */
export function boundSheet(p: BindingProposal): BoundSheet {
  const columns = new Map<ColumnRole, number>();
  const headers = new Map<number, string>();
  for (const c of p.columns) if (c.column !== null) columns.set(c.role, p.firstColumn + c.column);
  p.headers.forEach((h, i) => {
    if (h) headers.set(p.firstColumn + i, h);
  });
  const rows = new Map<string, number>();
  const idsInPlace = new Set<string>();
  for (const r of p.rows) {
    if (r.row === null) continue;
    rows.set(r.indicatorId, r.row);
    if (r.matchedBy === 'id') idsInPlace.add(r.indicatorId);
  }
  return { sheet: p.sheet, headerRow: p.headerRow, columns, headers, rows, idsInPlace, lastRow: p.lastRow, lastColumn: p.lastColumn };
}

/** What the Bind tab learns from one read of the workbook before it proposes anything. */
export interface SheetToBind {
  /** The sheet's used range; undefined when the sheet is empty. */
  readonly grid: Grid | undefined;
  /** A settings sheet is there already: binding keeps it (and a person's edits to it) instead of writing one. */
  readonly settingsExists: boolean;
  /** The workbook's binding record, if any (a multi-unit sheet the pane made is recognised by it). */
  readonly binding: BindingRead | undefined;
}

/**
 * One port read for the whole of "find the header row": the sheet, whether the settings sheet exists, and the
 * binding record. On Excel that is 2 syncs for a sheet below the 4 MB response budget (20,000 rows of 7 columns), so
 * with the confirm's apply (probe + one write) binding costs 4 (test/office/bindPlanCases.ts).
 */
export async function readSheetToBind(port: WorkbookPort, sheet: string): Promise<SheetToBind> {
  const read = await port.read({ ranges: [{ sheet }, { sheet: SETTINGS_SHEET, optional: true, dimensionsOnly: true }], binding: true });
  return { grid: read.ranges[0], settingsExists: read.ranges[1] !== undefined, binding: read.binding };
}

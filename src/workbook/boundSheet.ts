/**
 * Live formulas for a sheet someone else made (task pane "bind an existing sheet"): a KpiLayout whose columns are
 * the bound sheet's own columns (as the user confirmed them) plus the columns the formulas need and the sheet lacks,
 * appended to the right of everything the sheet uses, so formulas.ts scores the hand-made sheet unchanged.
 *
 * Why this works: formulas.ts reaches a column only through `requireColumn(layout, role)` (its position) and a row
 * through `LayoutRow.row`, `firstDataRow..lastDataRow` and the two summary cells; nothing assumes the template's
 * order. Rows are matched by key (never by position), so the user's rows may sit in any order, with rows the
 * assessment does not know in between: those get no key, and SUMIFS / COUNTIFS / MATCH on the key columns skip them.
 *
 * What is written, as one plan (one `apply`): the appended columns' headers and cells, the score formulas into the
 * user's own คะแนน / คะแนนถ่วงน้ำหนัก columns on the indicator rows only, indicator ids where a row was matched by
 * name or by the user, rows below the table for indicators the sheet has no row for (so the total counts them as
 * the domain does), the settings sheet and its names when the workbook has none, ScorebookTotal, and the binding
 * record naming every column, appended ones included. The user's inputs, and any cell of a row the assessment does
 * not know, are never written.
 */
import { isGroup, type Assessment } from '../domain';
import { BINDING_FORMAT, type BindingRecord } from './binding';
import { bindingOps } from './bindingPlan';
import { cellAddress, columnLetter, sheetRef, type CellContent } from './cells';
import {
  countedAtFormula,
  scoreAtFormula,
  stepMarksCellFormula,
  scoreFormula,
  shareAtFormula,
  totalFormula,
  valueFormula,
  weightedScoreFormula,
  weightSumFormula,
  weightTimesScoreAtFormula,
} from './formulas';
import { normalizeHeader, type ColumnRole } from './headers';
import { COLORS } from './kpiPlan';
import { kpiLayout, requireColumn, type KpiLayout, type LayoutColumn, type LayoutRow } from './layout';
import type { WriteOp, WritePlan } from './plan';
import { NAMES, settingsSheet, SETTINGS_SHEET } from './settings';
import { roundsDue } from './sheetContent';
import { columnFormat, scoreFormat, sheetFigures } from './numberFormats';
import { wordsBlock, WORDS_COLUMN, WORDS_COLUMNS } from './stepWords';

/** The sheet as the user confirmed it. Rows and columns are 1-based sheet positions. */
export interface BoundSheet {
  readonly sheet: string;
  readonly headerRow: number;
  /** Role → the sheet column holding it, for the roles the user kept. */
  readonly columns: ReadonlyMap<ColumnRole, number>;
  /** Header text by sheet column (what the binding record stores for the user's columns). */
  readonly headers: ReadonlyMap<number, string>;
  /** Indicator id → its sheet row. */
  readonly rows: ReadonlyMap<string, number>;
  /** Indicator ids whose id cell already holds the id (matched by id): not rewritten. */
  readonly idsInPlace: ReadonlySet<string>;
  /** The bottom-right of the sheet's used range: appended columns start right of it, new rows below it. */
  readonly lastRow: number;
  readonly lastColumn: number;
}

/** Roles no formula reads: never appended (a hand-made sheet keeps its own name, unit and text columns, or none). */
const NOT_APPENDED = new Set<ColumnRole>(['name', 'unit', 'explanation', 'obstacles', 'note']);

export interface BoundLayout {
  readonly layout: KpiLayout;
  /** Columns added right of the sheet, in order. */
  readonly appended: readonly LayoutColumn[];
  /** Rows added below the sheet for indicators it has no row for. */
  readonly addedRows: readonly LayoutRow[];
}

export function boundLayout(assessment: Assessment, bound: BoundSheet): BoundLayout {
  if (bound.headerRow < 2) {
    // The weight sum and the total sit above the header, outside the rows a sort moves.
    throw new Error('the header row must have a row above it for the total');
  }
  const template = kpiLayout(assessment, { sheet: bound.sheet, groupHeadings: false });
  const taken = new Set([...bound.headers.values()].map(normalizeHeader));
  // A sheet Scorebook already added columns to (bound again, or made by `scorebook template`) has its helpers under
  // their own headers: they are reused and rewritten, never appended a second time.
  const helperAt = new Map<string, number>();
  for (const [column, header] of bound.headers) if (!helperAt.has(normalizeHeader(header))) helperAt.set(normalizeHeader(header), column);
  const appended: LayoutColumn[] = [];
  const columns: LayoutColumn[] = [];
  for (const c of template.columns) {
    const own = bound.columns.get(c.role) ?? (c.hidden ? helperAt.get(normalizeHeader(c.header)) : undefined);
    if (own !== undefined) {
      columns.push({ ...c, column: own, letter: columnLetter(own), header: bound.headers.get(own) ?? c.header });
      continue;
    }
    if (NOT_APPENDED.has(c.role)) continue;
    // Unique among the sheet's headers too, so reading by header never takes an appended column for one of the user's.
    let header = c.header;
    for (let n = 2; taken.has(normalizeHeader(header)); n++) header = `${c.header} (${n})`;
    taken.add(normalizeHeader(header));
    const column = bound.lastColumn + appended.length + 1;
    const added = { ...c, column, letter: columnLetter(column), header };
    appended.push(added);
    columns.push(added);
  }
  const addedRows: LayoutRow[] = [];
  const rows = template.rows.map((r) => {
    const own = bound.rows.get(r.indicator.id);
    if (own !== undefined) return { ...r, row: own };
    const added = { ...r, row: bound.lastRow + addedRows.length + 1 };
    addedRows.push(added);
    return added;
  });
  const summaryRow = bound.headerRow - 1;
  const firstDataRow = bound.headerRow + 1;
  const lastDataRow = Math.max(firstDataRow, bound.lastRow, ...rows.map((r) => r.row));
  const byRole = (role: ColumnRole): LayoutColumn => requireColumn({ columns }, role);
  const weighted = byRole('weightedScore');
  // The total shows above คะแนนถ่วงน้ำหนัก when that column is ours; above the user's own it could overwrite a title.
  const totalColumn = appended.includes(weighted) ? weighted : byRole('parentKey');
  const layout: KpiLayout = {
    ...template,
    titleRow: summaryRow,
    summaryRow,
    headerRow: bound.headerRow,
    firstDataRow,
    lastDataRow,
    columns,
    rows,
    weightSumCell: cellAddress(summaryRow, byRole('key').column, true),
    totalCell: cellAddress(summaryRow, totalColumn.column, true),
  };
  return { layout, appended, addedRows };
}

export interface BindPlanInput {
  readonly assessment: Assessment;
  /** The assessment document as read from its file, kept in the binding record. */
  readonly document: unknown;
  readonly bound: BoundSheet;
  /** The workbook already has a settings sheet (a Scorebook one): it and its names are left as they are. */
  readonly settingsExists: boolean;
}

export function bindSheetPlan(input: BindPlanInput): { plan: WritePlan; layout: KpiLayout; binding: BindingRecord } {
  const { assessment, bound } = input;
  const { layout, appended, addedRows } = boundLayout(assessment, bound);
  const sheet = bound.sheet;
  const ops: WriteOp[] = [];

  if (!input.settingsExists) {
    // Settings first: the formulas name its cells.
    const settings = settingsSheet(assessment, SETTINGS_SHEET);
    ops.push(
      { kind: 'sheet', sheet: settings.sheet, ifExists: 'keep' },
      { kind: 'cells', sheet: settings.sheet, topLeft: 'A1', contents: settings.rows },
      { kind: 'style', sheet: settings.sheet, address: 'A1:D1', bold: true, fill: COLORS.header, fontColor: COLORS.headerText },
      { kind: 'columns', sheet: settings.sheet, columns: WORDS_COLUMNS, hidden: true },
      ...settings.names.map((n): WriteOp => ({ kind: 'name', name: n.name, ref: n.ref })),
    );
  } else {
    // A settings sheet made before the step words were counted lacks their lookup, which the formulas name.
    const words = wordsBlock(SETTINGS_SHEET);
    ops.push(
      { kind: 'cells', sheet: SETTINGS_SHEET, topLeft: cellAddress(1, WORDS_COLUMN), contents: words.rows },
      { kind: 'columns', sheet: SETTINGS_SHEET, columns: WORDS_COLUMNS, hidden: true },
      ...words.names.map((n): WriteOp => ({ kind: 'name', name: n.name, ref: n.ref })),
    );
  }

  const added = new Set(addedRows.map((r) => r.indicator.id));
  const appendedRoles = new Set(appended.map((c) => c.role));
  // Sparse contents by column, then written as runs of consecutive rows: a null never reaches a user's cell.
  const cells = new Map<number, Map<number, CellContent>>();
  const put = (row: number, role: ColumnRole, content: CellContent): void => {
    const column = layout.columns.find((c) => c.role === role);
    if (!column || content === null) return;
    const byRow = cells.get(column.column) ?? new Map<number, CellContent>();
    byRow.set(row, content);
    cells.set(column.column, byRow);
  };
  const f = (formula: string): CellContent => ({ formula });
  const idCells: number[] = [];
  const roundsCells = roundsDue(assessment);
  for (const row of layout.rows) {
    const i = row.indicator;
    const fresh = added.has(i.id);
    const ours = (role: ColumnRole): boolean => fresh || appendedRoles.has(role);
    const d = row.depth;
    if (ours('id') || !bound.idsInPlace.has(i.id)) {
      put(row.row, 'id', i.id);
      idCells.push(row.row);
    }
    if (fresh) put(row.row, 'name', i.name);
    if (ours('weight')) put(row.row, 'weight', i.weight);
    put(row.row, 'score', f(scoreFormula(layout, row)));
    put(row.row, 'weightedScore', f(weightedScoreFormula(layout, row)));
    put(row.row, 'key', row.key);
    put(row.row, 'parentKey', row.parentKey);
    put(row.row, 'kind', i.kind);
    put(row.row, `scoreAt${d}`, f(scoreAtFormula(layout, row)));
    put(row.row, `countedAt${d}`, f(countedAtFormula(layout, row)));
    put(row.row, `weightTimesScoreAt${d}`, f(weightTimesScoreAtFormula(layout, row)));
    put(row.row, `shareAt${d}`, f(shareAtFormula(layout, row)));
    put(row.row, 'rounds', roundsCells.get(i.id) ?? null);
    if (isGroup(i)) continue;
    i.targets.forEach((t, k) => {
      if (ours(`target${k + 1}`)) put(row.row, `target${k + 1}`, t);
    });
    put(row.row, 'direction', i.direction === 'higher' ? 1 : -1);
    put(row.row, 'value', f(valueFormula(layout, row)));
    const marks = stepMarksCellFormula(layout, row);
    if (marks !== null) put(row.row, 'stepMarks', f(marks));
    if (i.floorTarget !== undefined) put(row.row, 'floorTarget', i.floorTarget);
    if (i.kind === 'ratio') put(row.row, 'multiplier', i.multiplier);
  }

  const idColumn = requireColumn(layout, 'id');
  // Ids as text before they are written, as the template does, so "10.1" and "05" stay what the assessment says.
  for (const [top, bottom] of runs(idCells)) {
    ops.push({
      kind: 'numberFormat',
      sheet,
      address: `${cellAddress(top, idColumn.column)}:${cellAddress(bottom, idColumn.column)}`,
      format: '@',
    });
  }

  // Number formats before any cell or style of their range: a port may set a column's format by copying the first
  // row's formats down (src/office), which would also copy what was already there.
  const decimals = assessment.policies.decimals;
  ops.push({ kind: 'numberFormat', sheet, address: layout.totalCell.replace(/\$/g, ''), format: scoreFormat(decimals) });
  for (const c of appended) {
    const address = `${cellAddress(layout.firstDataRow, c.column)}:${cellAddress(layout.lastDataRow, c.column)}`;
    // An appended id column's ids were made text above; everything else as the template formats it.
    const format = c.role === 'id' ? undefined : columnFormat(c.role, sheetFigures(assessment));
    if (format !== undefined) ops.push({ kind: 'numberFormat', sheet, address, format });
  }

  if (appended.length > 0) {
    const first = appended[0] as LayoutColumn;
    const last = appended[appended.length - 1] as LayoutColumn;
    ops.push(
      { kind: 'cells', sheet, topLeft: cellAddress(layout.headerRow, first.column), contents: [appended.map((c) => c.header)] },
      {
        kind: 'style',
        sheet,
        address: `${cellAddress(layout.headerRow, first.column)}:${cellAddress(layout.headerRow, last.column)}`,
        bold: true,
        wrap: true,
        vertical: 'center',
        fill: COLORS.header,
        fontColor: COLORS.headerText,
      },
    );
    // The appended block is empty in the sheet, so it goes as one rectangle (blank cells for rows not ours).
    const block: CellContent[][] = [];
    for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
      block.push(appended.map((c) => cells.get(c.column)?.get(r) ?? null));
    }
    ops.push({ kind: 'cells', sheet, topLeft: cellAddress(layout.firstDataRow, first.column), contents: block });
  }
  // Reused helper columns are emptied first: a row no longer bound must not keep a key from the last binding.
  for (const c of layout.columns) {
    if (!c.hidden || appended.includes(c)) continue;
    ops.push({
      kind: 'clear',
      sheet,
      address: `${cellAddress(layout.firstDataRow, c.column)}:${cellAddress(layout.lastDataRow, c.column)}`,
      what: 'contents',
    });
  }
  for (const [column, byRow] of cells) {
    if (appended.some((c) => c.column === column)) continue;
    for (const [top, bottom] of runs([...byRow.keys()])) {
      const contents: CellContent[][] = [];
      for (let r = top; r <= bottom; r++) contents.push([byRow.get(r) ?? null]);
      ops.push({ kind: 'cells', sheet, topLeft: cellAddress(top, column), contents });
    }
  }

  // The summary above the header: the weight sum (hidden, under the first helper) and the total.
  ops.push(
    { kind: 'cells', sheet, topLeft: layout.weightSumCell.replace(/\$/g, ''), contents: [[{ formula: weightSumFormula(layout) }]] },
    { kind: 'cells', sheet, topLeft: layout.totalCell.replace(/\$/g, ''), contents: [[{ formula: totalFormula(layout) }]] },
    {
      kind: 'name',
      name: NAMES.total,
      ref: `${sheetRef(sheet)}!${layout.totalCell}`,
      comment: 'คะแนนรวมก่อนหักคะแนนส่งช้า / total before late penalty',
    },
  );
  for (const c of appended) {
    const columns = `${c.letter}:${c.letter}`;
    ops.push(c.hidden ? { kind: 'columns', sheet, columns, hidden: true } : { kind: 'columns', sheet, columns, width: 90 });
  }

  const binding: BindingRecord = {
    format: BINDING_FORMAT,
    sheet,
    table: '',
    settingsSheet: SETTINGS_SHEET,
    headerRow: layout.headerRow,
    columns: Object.fromEntries(layout.columns.map((c) => [c.role, c.header])),
    assessment: input.document,
  };
  ops.push(...bindingOps(binding));
  return { plan: { title: `bind sheet ${sheet}`, ops }, layout, binding };
}

/** Sorted runs of consecutive numbers: [[5, 9], [12, 12]]. */
function runs(values: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === v - 1) last[1] = v;
    else if (!last || last[1] !== v) out.push([v, v]);
  }
  return out;
}

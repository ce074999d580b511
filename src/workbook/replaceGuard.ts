/**
 * What a write plan would take away from a person: given a sheet as it is now (values and formulas) and the plan
 * an action is about to apply, the typed cells the plan would clear or write something else into, grouped as the
 * person thinks of them — results, notes (คำชี้แจง, อุปสรรค, หมายเหตุ), unsent changes, and their own columns
 * (the what-if column, a column of their notes). Every pane action that writes to a sheet asks here first; a loss
 * is never applied without the person's explicit second step. Pure.
 *
 * What counts as typed: a constant (not a formula) that is not blank; read without formulas (they cost the most to
 * read from Excel), a bound sheet's formula cells are known by their column (and a row's kind), and on a sheet
 * without a record every non-blank value counts. What the template owns — the title and
 * summary rows, ids, names, weights, targets and the helper columns of a bound sheet — is written again by the
 * plan and is not the person's; on a sheet without a binding record every typed cell is theirs.
 */
import { isCellError, isFormula, parseAddress, type CellContent, type CellValue } from './cells';
import { isInputRole, isRowTextRole, type ColumnRole } from './headers';
import type { WritePlan } from './plan';

export interface SheetNow {
  readonly sheet: string;
  /** Top-left of `values` and `formulas` (A1). */
  readonly topLeft: string;
  readonly values: readonly (readonly CellValue[])[];
  /** Null where the cell holds a constant; absent: every cell is taken as a constant. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /** When the sheet is the bound one: its header row (1-based) and role → header, to tell the template from the person. */
  readonly bound?: { readonly headerRow: number; readonly columns: Readonly<Partial<Record<ColumnRole, string>>> };
  /** Indicators whose rows hold changes not yet sent to the server (changedRows). */
  readonly unsent?: ReadonlySet<string>;
  /** Headers of columns the pane writes itself (the submit status column): not the person's. */
  readonly paneColumns?: readonly string[];
}

export interface SheetLoss {
  readonly sheet: string;
  /** Typed cells the plan would clear or overwrite with something else. */
  readonly cells: number;
  /** Indicators whose typed result (or variables, steps) would go. */
  readonly results: readonly string[];
  /** Indicators whose explanation, obstacles or remarks would go. */
  readonly notes: readonly string[];
  /** Indicators with changes not yet sent whose input cells the plan would write over. */
  readonly unsent: readonly string[];
  /** Headers of the person's own columns with typed cells that would go (e.g. "ผลสมมติ (What-if)"). */
  readonly ownColumns: readonly string[];
  /** Typed cells outside any column the sheet's record knows (own columns, or anywhere on an unbound sheet). */
  readonly otherCells: number;
}

/** What `plan` would leave in one cell of `sheet` that now holds `now`: unchanged (undefined), or the new content. */
type Final = { readonly touched: false } | { readonly touched: true; readonly content: CellContent };

/** The plan's effect on the cells of one sheet, asked cell by cell (a plan has few ops, a sheet many cells). */
function planOn(plan: WritePlan, sheet: string): ((row: number, column: number) => Final) | undefined {
  const ops = plan.ops.filter((o) => 'sheet' in o && o.sheet === sheet);
  if (ops.length === 0) return undefined;
  return (row, column) => {
    let final: Final = { touched: false };
    for (const op of ops) {
      if ((op.kind === 'sheet' && op.ifExists !== 'keep') || op.kind === 'deleteSheet') final = { touched: true, content: null };
      else if (op.kind === 'clear' && within(op.address, row, column)) final = { touched: true, content: null };
      else if (op.kind === 'cells') {
        const origin = parseAddress(op.topLeft);
        const content = op.contents[row - origin.row]?.[column - origin.column];
        if (content !== undefined) final = { touched: true, content };
      }
    }
    return final;
  };
}

function within(address: string, row: number, column: number): boolean {
  const [a, b = a] = address.replace(/\$/g, '').split(':') as [string, string?];
  const whole = (s: string): { row?: number; column?: number } => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s)!;
    return { column: m[1] ? parseAddress(`${m[1]}1`).column : undefined, row: m[2] ? Number(m[2]) : undefined };
  };
  const p = whole(a);
  const q = whole(b ?? a);
  const inside = (x: number, lo?: number, hi?: number): boolean => (lo === undefined || x >= lo) && (hi === undefined || x <= hi);
  return inside(row, p.row, q.row) && inside(column, p.column, q.column);
}

function sameContent(now: CellValue, next: CellContent): boolean {
  if (next !== null && typeof next === 'object' && isFormula(next)) return false;
  if (typeof now === 'number' && typeof next === 'number') return Math.abs(now - next) < 1e-12;
  return now === next;
}

// An error value (#N/A) is what a formula or a paste left, not a person's work; it reads back as an error object.
const blank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || isCellError(v) || (typeof v === 'string' && v.trim() === '');

/** What `plan` would take away from `now`; undefined when nothing typed would go. */
export function sheetLoss(plan: WritePlan, now: SheetNow): SheetLoss | undefined {
  const effect = planOn(plan, now.sheet);
  if (!effect) return undefined;
  const origin = parseAddress(now.topLeft);
  const headerIndex = now.bound ? now.bound.headerRow - origin.row : -1;
  const header = now.values[headerIndex] ?? [];
  const roleByHeader = new Map(Object.entries(now.bound?.columns ?? {}).map(([role, h]) => [String(h).trim(), role as ColumnRole]));
  const roles = header.map((h) => (typeof h === 'string' ? roleByHeader.get(h.trim()) : undefined));
  const idColumn = roles.indexOf('id');
  const kindColumn = roles.indexOf('kind');
  const results = new Set<string>();
  const notes = new Set<string>();
  const unsent = new Set<string>();
  const own = new Set<string>();
  let cells = 0;
  let otherCells = 0;
  now.values.forEach((line, r) => {
    const row = origin.row + r;
    const idCell = idColumn >= 0 ? line[idColumn] : null;
    const id = blank(idCell) ? undefined : String(idCell).trim();
    // The result column of a ratio, milestone or binary row is the template's formula, not something typed.
    const formulaResult = kindColumn >= 0 && line[kindColumn] !== 'quantitative';
    line.forEach((value, c) => {
      const role = roles[c];
      const isInput = role !== undefined && isInputRole(role) && !(role === 'result' && formulaResult);
      const formula = now.formulas?.[r]?.[c] ?? null;
      const final = effect(row, origin.column + c);
      if (!final.touched) return;
      // An unsent change may be a cleared cell: any input cell of the row written over loses it.
      if (
        isInput &&
        id !== undefined &&
        now.unsent?.has(id) &&
        r > headerIndex &&
        !isCellError(value) &&
        !sameContent(value, final.content)
      )
        unsent.add(id);
      if (formula !== null || blank(value) || sameContent(value, final.content)) return;
      if (now.bound && (r <= headerIndex || (role !== undefined && !isInput))) return;
      const h = header[c];
      if (typeof h === 'string' && now.paneColumns?.includes(h.trim())) return;
      cells++;
      if (isInput && id !== undefined) (role !== undefined && isRowTextRole(role) ? notes : results).add(id);
      else {
        otherCells++;
        if (now.bound && typeof h === 'string' && h.trim() !== '') own.add(h.trim());
      }
    });
  });
  if (cells === 0 && unsent.size === 0) return undefined;
  return { sheet: now.sheet, cells, results: [...results], notes: [...notes], unsent: [...unsent], ownColumns: [...own], otherCells };
}

/** The sheets a plan writes cells into or replaces, apart from `except` (the binding and settings sheets). */
export function sheetsWritten(plan: WritePlan, except: readonly string[] = []): string[] {
  const out = new Set<string>();
  for (const op of plan.ops) {
    if (!('sheet' in op) || except.includes(op.sheet)) continue;
    if ((op.kind === 'sheet' && op.ifExists !== 'keep') || op.kind === 'deleteSheet' || op.kind === 'cells' || op.kind === 'clear')
      out.add(op.sheet);
  }
  return [...out];
}

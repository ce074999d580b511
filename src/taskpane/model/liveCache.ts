/**
 * The live sheet's last read kept between edits, so an edit costs a read of the rows it names rather than of the
 * whole sheet, and the reader and the scoring redo only those rows (their memos: readGrid.ts `readMemo`, the
 * domain's `scoreMemo`, keyed by the very row arrays kept here, which are replaced and never changed in place).
 *
 * Never stale, by construction: the kept grid is used only while everything that could have changed the sheet is
 * known. It is read whole again when
 * - it was never read, or for another session (another sheet, another binding: a new cache per session);
 * - a change the workbook reports is not a plain edit of cells (rows or cells inserted or deleted, or the host says
 *   nothing of its kind), names cells outside the rectangle read, or more than MAX_PATCHED_ROWS rows;
 * - the port wrote meanwhile (its `writes` moved) other than the marks this cache was told of, or has no `writes`;
 * - the binding record or the settings sheet read beside the rows differ from those read with the grid (derived
 *   targets and the levels' scores follow the settings sheet);
 * - a patched row empties a cell on the rectangle's edge (the used range may have shrunk).
 * Number formats changed without a value (no change event in Excel) are picked up at the next whole read.
 */
import type { BindingRead } from '../../workbook/binding';
import { columnLetter, parseAddress, type CellValue } from '../../workbook/cells';
import type { WritePlan } from '../../workbook/plan';
import type { ChangeEvent, RangeGrid, RangeRequest, WorkbookPort } from '../../workbook/port';
import { readMemo, targetsMemo, type ReadMemo, type TargetsMemo } from '../../workbook';
import { scoreMemo, type ScoreMemo } from '../../domain';
import { rowTextsMemo } from '../../workbook/rowTexts';
import type { MarksMemo } from './changeMarks';
import { changedRowsMemo } from './serverSheet';
import type { Session } from './session';

/** More changed rows than this, and the sheet is read whole (a paste of a block, a fill down). */
export const MAX_PATCHED_ROWS = 500;
/** Separate runs of rows read at once; more, and the sheet is read whole. */
const MAX_RUNS = 20;

interface Box {
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
}

/** "F7", "F7:H30", "'KPI'!F7"; whole rows or columns ("7:7", "F:F") or several areas are not boxes. */
function boxOf(address: string): Box | undefined {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  if (local.includes(',')) return undefined;
  const [a, b = a] = local.replace(/\$/g, '').split(':') as [string, string?];
  if (!/^[A-Z]+\d+$/i.test(a) || !/^[A-Z]+\d+$/i.test(b as string)) return undefined;
  const p = parseAddress(a);
  const q = parseAddress(b as string);
  return { r0: Math.min(p.row, q.row), r1: Math.max(p.row, q.row), c0: Math.min(p.column, q.column), c1: Math.max(p.column, q.column) };
}

export class LiveCache {
  readonly readMemo: ReadMemo = readMemo();
  readonly scoreMemo: ScoreMemo = scoreMemo();
  readonly targetsMemo: TargetsMemo = targetsMemo();
  readonly marksMemo: MarksMemo = { texts: rowTextsMemo(), changes: changedRowsMemo() };
  private grid: RangeGrid | undefined;
  /** The port's `writes` when the grid was read (or last patched with our own marks). */
  private epoch: number | undefined;
  private binding: BindingRead | undefined;
  private settingsKey = '';
  /** Cells changed since the grid was read (sheet rows and columns, 1-based). */
  private changes: Box[] = [];
  private whole = true;
  /** Invalidations so far, and where the pass under way started: what arrives while it reads is kept for the next. */
  private invalidations = 0;
  private started = { changes: 0, invalidations: 0 };

  constructor(readonly session: Session) {}

  /** A change the workbook reported on the bound sheet or its settings sheet. */
  changed(change: ChangeEvent): void {
    const box = change.sheet === this.session.binding.sheet && change.kind === 'edit' ? boxOf(change.address) : undefined;
    if (!box) this.invalidate();
    else this.changes.push(box);
  }

  invalidate(): void {
    this.whole = true;
    this.changes = [];
    this.invalidations++;
  }

  /**
   * The rectangles to read instead of the whole sheet (one per run of changed rows, the grid's full width), or
   * undefined: read it whole. An empty list: nothing changed, the record and the settings are read only.
   */
  rowsToRead(port: WorkbookPort): RangeRequest[] | undefined {
    // A pass starts here: changes reported from now on are not in what it reads.
    this.started = { changes: this.changes.length, invalidations: this.invalidations };
    const grid = this.grid;
    if (this.whole || !grid || port.writes === undefined || port.writes !== this.epoch) return undefined;
    const origin = parseAddress(grid.topLeft);
    const bottom = origin.row + grid.rowCount - 1;
    const right = origin.column + grid.columnCount - 1;
    const rows = new Set<number>();
    for (const b of this.changes) {
      if (b.r0 < origin.row || b.r1 > bottom || b.c0 < origin.column || b.c1 > right) return undefined;
      if (b.r1 - b.r0 + 1 > MAX_PATCHED_ROWS) return undefined;
      for (let r = b.r0; r <= b.r1; r++) rows.add(r);
      if (rows.size > MAX_PATCHED_ROWS) return undefined;
    }
    const sorted = [...rows].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const r of sorted) {
      const last = runs[runs.length - 1];
      if (last && last[1] === r - 1) last[1] = r;
      else runs.push([r, r]);
    }
    if (runs.length > MAX_RUNS) return undefined;
    const left = columnLetter(origin.column);
    const rightLetter = columnLetter(right);
    return runs.map(([r0, r1]) => ({ sheet: grid.sheet, address: `${left}${r0}:${rightLetter}${r1}`, numberFormats: true }));
  }

  /**
   * The kept grid with the rows read in place of theirs, or undefined when the sheet must be read whole after all
   * (the record or settings differ from those read with the grid, or an edge cell was emptied).
   */
  patch(parts: readonly (RangeGrid | undefined)[], binding: BindingRead | undefined, settings: unknown): RangeGrid | undefined {
    const grid = this.grid;
    if (!grid || !sameBinding(binding, this.binding) || JSON.stringify(settings ?? null) !== this.settingsKey) return undefined;
    const origin = parseAddress(grid.topLeft);
    const values = grid.values.slice();
    const formats = grid.numberFormats?.slice();
    const last = grid.columnCount - 1;
    for (const part of parts) {
      if (!part) return undefined;
      const top = parseAddress(part.topLeft).row - origin.row;
      for (let i = 0; i < part.values.length; i++) {
        const r = top + i;
        const before = values[r] ?? [];
        const after = part.values[i] ?? [];
        if (emptiesEdge(before, after, last, r === 0 || r === grid.rowCount - 1)) return undefined;
        values[r] = after;
        if (formats) formats[r] = part.numberFormats?.[i] ?? [];
      }
    }
    return { ...grid, values, ...(formats ? { numberFormats: formats } : {}) };
  }

  /** What a pass read, kept for the next; `before`/`after`: the port's `writes` around the read. */
  keep(
    grid: RangeGrid | undefined,
    binding: BindingRead | undefined,
    settings: unknown,
    before: number | undefined,
    after: number | undefined,
  ): void {
    // Changes reported while the pass read may be missing from what it read: the next pass reads their rows again.
    this.changes = this.changes.slice(this.started.changes);
    if (!grid || before === undefined || before !== after || this.invalidations !== this.started.invalidations) {
      this.grid = undefined;
      this.whole = true;
      return;
    }
    this.grid = grid;
    this.binding = binding;
    this.settingsKey = JSON.stringify(settings ?? null);
    this.epoch = after;
    this.whole = false;
  }

  /**
   * The live pass's own marks applied: the kept grid takes the cells the plan wrote, when the port wrote nothing
   * else meanwhile and the plan only puts values inside the grid (else the next pass reads whole).
   */
  wrote(plan: WritePlan, before: number | undefined, after: number | undefined): void {
    const grid = this.grid;
    if (!grid || before === undefined || before !== this.epoch || after !== before + 2) return this.invalidate();
    const origin = parseAddress(grid.topLeft);
    const values = grid.values.slice();
    for (const op of plan.ops) {
      if (op.kind === 'style' || op.kind === 'columns') continue;
      if (op.kind !== 'cells' || op.sheet !== grid.sheet) return this.invalidate();
      const at = parseAddress(op.topLeft);
      for (let i = 0; i < op.contents.length; i++) {
        const r = at.row - origin.row + i;
        const line = op.contents[i] ?? [];
        if (r < 0 || r >= grid.rowCount) return this.invalidate();
        let row: CellValue[] | undefined;
        for (let j = 0; j < line.length; j++) {
          const c = at.column - origin.column + j;
          const v = line[j] ?? null;
          if (c < 0 || c >= grid.columnCount || (typeof v === 'object' && v !== null && 'formula' in v)) return this.invalidate();
          const value = v === '' ? null : (v as CellValue);
          const old = (row ?? values[r] ?? [])[c] ?? null;
          if (old === value) continue;
          if ((c === 0 || c === grid.columnCount - 1 || r === 0 || r === grid.rowCount - 1) && value === null) return this.invalidate();
          row ??= [...(values[r] ?? [])];
          while (row.length < grid.columnCount) row.push(null);
          row[c] = value;
        }
        if (row) values[r] = row;
      }
    }
    this.grid = { ...grid, values };
    this.epoch = after;
  }
}

function sameBinding(a: BindingRead | undefined, b: BindingRead | undefined): boolean {
  if (a === b) return true;
  if (!a?.ok || !b?.ok) return false;
  // Its packed parts are decoded once per stored text (unpackOnce.ts): the same text gives the same objects.
  const x = a.value as unknown as Record<string, unknown>;
  const y = b.value as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => x[k] === y[k]);
}

/** A cell on the rectangle's edge (first or last column; any cell of its first or last row) emptied. */
function emptiesEdge(before: readonly CellValue[], after: readonly CellValue[], last: number, edgeRow: boolean): boolean {
  const gone = (c: number): boolean => (before[c] ?? null) !== null && (after[c] ?? null) === null;
  if (gone(0) || gone(last)) return true;
  if (!edgeRow) return false;
  for (let c = 0; c <= last; c++) if (gone(c)) return true;
  return false;
}

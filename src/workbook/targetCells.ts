/**
 * Target cells edited by hand. The template writes every target (a number, or the formula of its derivation) and
 * locks it; a sheet whose targets were typed over anyway still scores with the assessment's targets (the domain
 * never reads targets from a sheet), and each such cell is a `target-changed` warning, so nobody believes a score
 * computed against targets the sheet no longer shows.
 */
import { leafIndicators, formatNumber, issue, type Assessment, type Issue, type LeafIndicator } from '../domain';
import { cellAddress, isCellError, parseAddress, qualifiedAddress, type CellValue, type Grid } from './cells';
import type { IndicatorCells, SheetReading } from './readGrid';
import { targetCellFormula, type TargetFormulaRefs } from './targetFormulas';

const RELATIVE = 1e-9;

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(a), Math.abs(b));
}

const normalize = (formula: string): string => formula.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();

/** What besides the values tells a derived target cell the template wrote from one typed over (see changedTargets). */
interface TargetCellSources {
  readonly formulas?: readonly (readonly (string | null)[])[];
  readonly inputRefs?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * `formulas` (same shape as the grid, null for constants) lets a derived target cell that was never calculated
 * (a template written by `scorebook template` and not yet opened in Excel) count as unchanged when its formula is
 * the one the template wrote. A calculated cell is judged by its value, so editing an input changes its targets too.
 */
export function changedTargets(
  assessment: Assessment,
  grid: Grid,
  reading: Pick<SheetReading, 'cells' | 'columns'>,
  options: TargetCellSources & {
    /** Each row's findings kept by its array of values (the live sheet's kept read): values only, no formulas. */
    memo?: TargetsMemo;
  } = {},
): Issue[] {
  const origin = parseAddress(grid.topLeft);
  const issues: Issue[] = [];
  const targetColumns = assessment.scale.levels.map((_, k) => reading.columns.get(`target${k + 1}`));
  const memo = options.formulas === undefined && options.inputRefs === undefined ? options.memo : undefined;
  if (memo) {
    const key = JSON.stringify([grid.sheet, grid.topLeft, [...reading.columns]]);
    if (memo.assessment !== assessment || memo.key !== key) {
      memo.assessment = assessment;
      memo.key = key;
      memo.rows = [];
      memo.last = undefined;
    }
  }
  const leaves = leafIndicators(assessment);
  if (memo) {
    const unchanged = sameAsLast(memo, grid, reading, leaves, origin.row, (indicator, cells, r) =>
      rowTargetIssues(assessment, grid, reading, options, targetColumns, indicator, cells, r, origin),
    );
    if (unchanged) return unchanged.slice();
  }
  for (const indicator of leaves) {
    const cells = reading.cells.get(indicator.id);
    if (!cells) continue;
    const r = cells.row - origin.row;
    const row = grid.values[r];
    const kept = memo?.rows[r];
    if (kept && kept.row === row && kept.indicator === indicator) {
      for (const i of kept.issues) issues.push(i);
      continue;
    }
    const own = rowTargetIssues(assessment, grid, reading, options, targetColumns, indicator, cells, r, origin);
    for (const i of own) issues.push(i);
    if (row && memo) memo.rows[r] = { row, indicator, issues: own };
  }
  if (memo) memo.last = { values: grid.values, cells: reading.cells, issues };
  return issues;
}

/** One indicator's target cells judged: the row's `target-changed` warnings, in level order. */
function rowTargetIssues(
  assessment: Assessment,
  grid: Grid,
  reading: Pick<SheetReading, 'cells' | 'columns'>,
  options: TargetCellSources,
  targetColumns: readonly (number | undefined)[],
  indicator: LeafIndicator,
  cells: IndicatorCells,
  r: number,
  origin: { row: number; column: number },
): Issue[] {
  const own: Issue[] = [];
  indicator.targets.forEach((target, k) => {
    const c = k < targetColumns.length ? targetColumns[k] : reading.columns.get(`target${k + 1}`);
    if (c === undefined) return;
    const value: CellValue = grid.values[r]?.[c] ?? null;
    if (typeof value === 'number' && sameNumber(value, target)) return;
    const formula = options.formulas?.[r]?.[c] ?? null;
    const refs = options.inputRefs?.get(indicator.id);
    if (value === null && formula !== null && refs) {
      const targetRefs: TargetFormulaRefs = {
        input: (name) => refs.get(name) ?? String(indicator.inputs?.[name]),
        target: (level) => {
          const col = reading.columns.get(`target${level}`);
          return col === undefined ? '' : cellAddress(cells.row, origin.column + col);
        },
      };
      const expected = targetCellFormula(indicator, k + 1, targetRefs);
      if (expected !== undefined && normalize(expected) === normalize(formula)) return;
    }
    const level = assessment.scale.levels[k]?.name ?? `ระดับ ${k + 1}`;
    const levelEn = assessment.scale.levels[k]?.nameEn ?? `level ${k + 1}`;
    const shown = value === null ? (formula !== null ? `=${formula}` : 'ว่าง / blank') : isCellError(value) ? value.error : String(value);
    const wanted = formatNumber(target, Number.isInteger(target) ? 0 : 2);
    own.push(
      issue(
        'target-changed',
        'warning',
        {
          th: `ค่าเป้าหมาย${level}ของตัวชี้วัด ${indicator.id} ในชีตถูกแก้เป็น ${shown} ต่างจากชุดตัวชี้วัด (${wanted}) คะแนนคิดตามค่าเป้าหมายของชุดตัวชี้วัด`,
          en: `the ${levelEn} target of indicator ${indicator.id} was changed on the sheet to ${shown}; the assessment says ${wanted}, and scores use the assessment's targets`,
        },
        { indicatorId: indicator.id, cell: qualifiedAddress(grid.sheet, cells.row, origin.column + c) },
      ),
    );
  });
  return own;
}

/**
 * The last answer given again, when it is still the answer: the same sheet read into the very same cells map (the
 * reader keeps it when no row moved, readGrid.ts `patched`), and each row that is a new array since has no
 * findings now and had none then. Anything else: undefined, and every row is looked at (its own memo still saves
 * the rows that did not change).
 */
function sameAsLast(
  memo: TargetsMemo,
  grid: Grid,
  reading: Pick<SheetReading, 'cells'>,
  leaves: readonly LeafIndicator[],
  originRow: number,
  judge: (indicator: LeafIndicator, cells: IndicatorCells, r: number) => readonly Issue[],
): readonly Issue[] | undefined {
  const last = memo.last;
  if (!last || last.cells !== reading.cells || last.values.length !== grid.values.length) return undefined;
  if (!memo.leafAt || memo.leafAt.cells !== reading.cells) {
    // Which leaf each grid row holds, worked out once per cells map.
    const at: (LeafIndicator | undefined)[] = [];
    for (const indicator of leaves) {
      const cells = reading.cells.get(indicator.id);
      if (cells) at[cells.row - originRow] = indicator;
    }
    memo.leafAt = { cells: reading.cells, at };
  }
  const at = memo.leafAt.at;
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (row === last.values[r]) continue;
    const indicator = at[r];
    if (!indicator) continue;
    const kept = memo.rows[r];
    if (kept && kept.issues.length > 0) return undefined;
    const cells = reading.cells.get(indicator.id) as IndicatorCells;
    const own = judge(indicator, cells, r);
    if (own.length > 0) return undefined;
    if (row) memo.rows[r] = { row, indicator, issues: own };
  }
  memo.last = { values: grid.values, cells: reading.cells, issues: last.issues };
  return last.issues;
}

/** Opaque (`targetsMemo()`). */
export interface TargetsMemo {
  /** @internal */
  assessment: Assessment | undefined;
  /** @internal */
  key: string;
  /** @internal by grid row: the row's array of values it was worked out from (an array lookup: asked for every row) */
  rows: ({ readonly row: object; readonly indicator: object; readonly issues: readonly Issue[] } | undefined)[];
  /** @internal the last answer, with the grid rows and the reader's cells map it was worked out from */
  last?: { readonly values: readonly object[]; readonly cells: object; readonly issues: readonly Issue[] };
  /** @internal each grid row's leaf, for one cells map */
  leafAt?: { readonly cells: object; readonly at: readonly (LeafIndicator | undefined)[] };
}

export function targetsMemo(): TargetsMemo {
  return { assessment: undefined, key: '', rows: [] };
}

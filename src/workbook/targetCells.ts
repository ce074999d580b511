/**
 * Target cells edited by hand. The template writes every target (a number, or the formula of its derivation) and
 * locks it; a sheet whose targets were typed over anyway still scores with the assessment's targets (the domain
 * never reads targets from a sheet), and each such cell is a `target-changed` warning, so nobody believes a score
 * computed against targets the sheet no longer shows.
 */
import { leafIndicators, formatNumber, issue, type Assessment, type Issue } from '../domain';
import { cellAddress, isCellError, parseAddress, qualifiedAddress, type CellValue, type Grid } from './cells';
import type { SheetReading } from './readGrid';
import { targetCellFormula, type TargetFormulaRefs } from './targetFormulas';

const RELATIVE = 1e-9;

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(a), Math.abs(b));
}

const normalize = (formula: string): string => formula.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();

/**
 * `formulas` (same shape as the grid, null for constants) lets a derived target cell that was never calculated
 * (a template written by `scorebook template` and not yet opened in Excel) count as unchanged when its formula is
 * the one the template wrote. A calculated cell is judged by its value, so editing an input changes its targets too.
 */
export function changedTargets(
  assessment: Assessment,
  grid: Grid,
  reading: Pick<SheetReading, 'cells' | 'columns'>,
  options: {
    formulas?: readonly (readonly (string | null)[])[];
    inputRefs?: ReadonlyMap<string, ReadonlyMap<string, string>>;
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
    }
  }
  for (const indicator of leafIndicators(assessment)) {
    const cells = reading.cells.get(indicator.id);
    if (!cells) continue;
    const r = cells.row - origin.row;
    const row = grid.values[r];
    const kept = memo?.rows[r];
    if (kept && kept.row === row && kept.indicator === indicator) {
      for (const i of kept.issues) issues.push(i);
      continue;
    }
    const from = issues.length;
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
      issues.push(
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
    if (row && memo) memo.rows[r] = { row, indicator, issues: issues.slice(from) };
  }
  return issues;
}

/** Opaque (`targetsMemo()`). */
export interface TargetsMemo {
  /** @internal */
  assessment: Assessment | undefined;
  /** @internal */
  key: string;
  /** @internal by grid row: the row's array of values it was worked out from (an array lookup: asked for every row) */
  rows: ({ readonly row: object; readonly indicator: object; readonly issues: readonly Issue[] } | undefined)[];
}

export function targetsMemo(): TargetsMemo {
  return { assessment: undefined, key: '', rows: [] };
}

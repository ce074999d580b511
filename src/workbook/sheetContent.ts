/**
 * The whole KPI sheet as a grid of cell contents (values and formulas), built from the layout. The xlsx writer
 * styles and writes it; the HyperFormula test evaluates it; so both see exactly the same formulas.
 */
import { isGroup, isStepKind, notDueIn, type Assessment } from '../domain';
import type { CellContent, CellValue } from './cells';
import { cellAddress } from './cells';
import {
  countedAtFormula,
  groupScoreFormula,
  stepMarksCellFormula,
  groupWeightedScoreFormula,
  resultDisplayFormula,
  scoreAtFormula,
  scoreFormula,
  shareAtFormula,
  totalFormula,
  valueFormula,
  weightedScoreFormula,
  weightSumFormula,
  weightTimesScoreAtFormula,
} from './formulas';
import type { ColumnRole } from './headers';
import { groupKeyOf, requireColumn, type KpiLayout, type LayoutRow } from './layout';
import { settingsSheet } from './settings';
import { targetCellFormula } from './targetFormulas';

/** Indicator id → input name → the input's cell (SettingsSheet.inputRefs). */
export type InputRefs = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** What a reporter typed for one indicator, cell by cell. */
export interface RowInputs {
  readonly result?: CellValue;
  readonly numerator?: CellValue;
  readonly denominator?: CellValue;
  readonly steps?: readonly CellValue[];
  /** คำชี้แจงการปฏิบัติงาน, อุปสรรค, หมายเหตุ: what the reporter wrote about the row. */
  readonly explanation?: CellValue;
  readonly obstacles?: CellValue;
  readonly note?: CellValue;
}

export type SheetInputs = ReadonlyMap<string, RowInputs>;

/**
 * Rows and columns are 1-based in the layout; grid[r - 1][c - 1] holds row r, column c. `inputRefs`: where the
 * derived targets' inputs are (the default settings sheet unless the settings block is elsewhere).
 */
export function kpiSheetContent(
  assessment: Assessment,
  layout: KpiLayout,
  inputs: SheetInputs = new Map(),
  inputRefs: InputRefs = settingsSheet(assessment).inputRefs,
): CellContent[][] {
  const width = layout.columns.length;
  const grid: CellContent[][] = Array.from({ length: layout.lastDataRow }, () => Array<CellContent>(width).fill(null));
  const put = (row: number, role: ColumnRole, content: CellContent): void => {
    (grid[row - 1] as CellContent[])[requireColumn(layout, role).column - 1] = content;
  };
  const f = (formula: string): CellContent => ({ formula });

  (grid[layout.titleRow - 1] as CellContent[])[0] = assessment.title;
  put(layout.summaryRow, 'name', 'คะแนนรวม ก่อนหักคะแนนส่งช้า (Total before late penalty)');
  put(layout.summaryRow, 'weight', f(weightSumFormula(layout)));
  put(layout.summaryRow, 'weightedScore', f(totalFormula(layout)));
  for (const c of layout.columns) put(layout.headerRow, c.role, c.header);

  const rounds = layout.columns.some((c) => c.role === 'rounds') ? roundsDue(assessment) : undefined;
  for (const row of layout.rows) {
    for (const [role, content] of rowContents(layout, row, inputs.get(row.indicator.id) ?? {}, inputRefs)) put(row.row, role, content);
    if (rounds) put(row.row, 'rounds', rounds.get(row.indicator.id) ?? null);
  }
  for (const g of layout.groupRows ?? []) {
    put(g.row, 'name', `${g.group.id} ${g.group.name}`);
    put(g.row, 'groupKey', g.groupKey);
    put(g.row, 'kind', 'heading');
    put(g.row, 'score', f(groupScoreFormula(layout, g.row)));
    put(g.row, 'weightedScore', f(groupWeightedScoreFormula(layout, g.row)));
  }
  return grid;
}

const ROUND_NUMBERS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * Each indicator's rounds as the rounds cell holds them, ",6,12,": the rounds in which the domain finds it due
 * (`notDueIn`), so a parent's are narrowed by its own and its children's. Due in every round: not listed (blank).
 */
export function roundsDue(assessment: Pick<Assessment, 'indicators'>): Map<string, string> {
  const notDue = ROUND_NUMBERS.map((r) => notDueIn(assessment, r));
  const out = new Map<string, string>();
  const visit = (list: Assessment['indicators']): void => {
    for (const i of list) {
      const due = ROUND_NUMBERS.filter((r) => !(notDue[r - 1] as Set<string>).has(i.id));
      if (due.length < ROUND_NUMBERS.length) out.set(i.id, `,${due.join(',')},`);
      if (isGroup(i)) visit(i.children);
    }
  };
  visit(assessment.indicators);
  return out;
}

function rowContents(layout: KpiLayout, row: LayoutRow, input: RowInputs, inputRefs: InputRefs): [ColumnRole, CellContent][] {
  const i = row.indicator;
  const f = (formula: string): CellContent => ({ formula });
  const d = row.depth;
  const out: [ColumnRole, CellContent][] = [
    ['id', i.id],
    ['name', i.name],
    ['unit', i.unit ?? null],
    ['weight', i.weight],
    ['score', f(scoreFormula(layout, row))],
    ['weightedScore', f(weightedScoreFormula(layout, row))],
    ['explanation', input.explanation ?? null],
    ['obstacles', input.obstacles ?? null],
    ['note', input.note ?? null],
    ['key', row.key],
    ['parentKey', row.parentKey],
    ['kind', i.kind],
    [`scoreAt${d}`, f(scoreAtFormula(layout, row))],
    [`countedAt${d}`, f(countedAtFormula(layout, row))],
    [`weightTimesScoreAt${d}`, f(weightTimesScoreAtFormula(layout, row))],
    [`shareAt${d}`, f(shareAtFormula(layout, row))],
  ];
  const groupKey = groupKeyOf(layout, row);
  if (groupKey !== undefined) out.push(['groupKey', groupKey]);
  if (isGroup(i)) return out;
  const refs = inputRefs.get(i.id);
  const targetCell = (level: number): string => cellAddress(row.row, requireColumn(layout, `target${level}`).column);
  i.targets.forEach((t, k) => {
    // A derived target is its formula over the input cells; without them (no settings block) its value.
    const formula = refs
      ? targetCellFormula(i, k + 1, { input: (name) => refs.get(name) ?? String(i.inputs?.[name]), target: targetCell })
      : undefined;
    out.push([`target${k + 1}`, formula !== undefined ? f(formula) : t]);
  });
  out.push(['direction', i.direction === 'higher' ? 1 : -1], ['value', f(valueFormula(layout, row))]);
  if (i.floorTarget !== undefined) out.push(['floorTarget', i.floorTarget]);
  if (i.kind === 'quantitative') {
    out.push(['result', input.result ?? null]);
  } else {
    out.push(['result', f(resultDisplayFormula(layout, row))]);
  }
  if (i.kind === 'ratio') {
    out.push(['multiplier', i.multiplier], ['numerator', input.numerator ?? null], ['denominator', input.denominator ?? null]);
  }
  if (isStepKind(i.kind)) {
    i.steps.forEach((_, k) => out.push([`step${k + 1}`, input.steps?.[k] ?? null]));
    const marks = stepMarksCellFormula(layout, row);
    if (marks !== null) out.push(['stepMarks', f(marks)]);
  }
  return out;
}

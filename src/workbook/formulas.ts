/**
 * The Excel formulas of a KPI sheet (A1 style, English function names, comma separators, no leading "="),
 * reproducing `scoreAssessment` of src/domain cell by cell. Only functions Excel, Excel on the web, LibreOffice
 * and HyperFormula all have: IF, AND, OR, ISNUMBER, ISBLANK, ISLOGICAL, N, ABS, SUMIFS, COUNTIFS, INDEX, MATCH, and
 * for the words in step cells (stepWords.ts) IFERROR, FIND, SUBSTITUTE.
 * No TRUE/FALSE literals (HyperFormula reads them as names); comparisons give booleans instead.
 *
 * Why helper columns per depth of the indicator tree: a parent's score sums its children's columns with SUMIFS,
 * and a range that contains the parent's own cell is a circular reference to Excel even when the criteria skip
 * it. So rows at depth d write their score, counted flag, weight × score and share of the total into the
 * depth-d columns, and a parent at depth d reads only the depth d+1 columns, where its own cells are empty.
 * Rows are matched by a numeric key (not by position), so sorting or filtering the table keeps every formula right.
 */
import { isGroup, type LeafIndicator } from '../domain';
import { cellAddress } from './cells';
import type { ColumnRole } from './headers';
import { requireColumn, type KpiLayout, type LayoutRow } from './layout';
import { NAMES, scoreName } from './settings';
import { stepMarksFormula, valueFromMarksFormula } from './stepWords';

/** Results beyond this are typos to the domain (thaiNumbers LARGEST_ACCEPTED) and count as not reported. */
const LARGEST = '1000000000000000';

/** This row's cell of a column, relative (so Excel adjusts it when rows move). */
function here(layout: KpiLayout, role: ColumnRole, row: LayoutRow): string {
  return cellAddress(row.row, requireColumn(layout, role).column);
}

/** The whole data range of a column, absolute. */
function span(layout: KpiLayout, role: ColumnRole): string {
  const c = requireColumn(layout, role).column;
  return `${cellAddress(layout.firstDataRow, c, true)}:${cellAddress(layout.lastDataRow, c, true)}`;
}

/** What the score cell of a row not due in the sheet's round shows (the domain's `not-due`). */
export const NOT_DUE_TEXT = 'ไม่ต้องรายงานในรอบนี้';

/**
 * Whether the row is due in the round named ScorebookRound: its rounds cell (",6,12,", written from the domain's
 * rounds per indicator, a parent's already narrowed by its own and its children's) holds it; a blank cell, or no
 * round named, is due. Null when the layout has no rounds column (no indicator states its rounds).
 */
export function dueFormula(layout: KpiLayout, row: LayoutRow): string | null {
  if (!layout.columns.some((c) => c.role === 'rounds')) return null;
  const r = here(layout, 'rounds', row);
  return `OR(ISBLANK(${r}),NOT(ISNUMBER(${NAMES.round})),ISNUMBER(FIND(","&${NAMES.round}&",",${r})))`;
}

const notReportedScore = `IF(ISNUMBER(${NAMES.notReported}),${NAMES.notReported},"")`;

/**
 * The score curve of `scoreOnCurve`: checked from the top level down, so equal consecutive targets give the
 * higher score and the interpolation never divides by zero; capped at the top; `floor` below T1, or a ramp
 * from T0 in interpolate mode. `dir` is 1 (higher is better) or -1: multiplying by ±1 is exact, so
 * dir×value ≥ dir×target is the domain's `reaches` in both directions.
 */
export function curveFormula(value: string, targets: readonly string[], dir: string, t0: string): string {
  const n = targets.length;
  const T = (k: number): string => targets[k - 1] as string;
  const S = (k: number): string => scoreName(k);
  const F = NAMES.floor;
  const reaches = (t: string): string => `${dir}*${value}>=${dir}*${t}`;
  let formula =
    `IF(AND(ISNUMBER(${t0}),${NAMES.mode}="interpolate",${reaches(t0)}),` + `${F}+(${S(1)}-${F})*(${value}-${t0})/(${T(1)}-${t0}),${F})`;
  for (let k = 1; k <= n; k++) {
    const atLevel =
      k === n ? S(n) : `IF(${NAMES.mode}="step",${S(k)},${S(k)}+(${S(k + 1)}-${S(k)})*(${value}-${T(k)})/(${T(k + 1)}-${T(k)}))`;
    formula = `IF(${reaches(T(k))},${atLevel},${formula})`;
  }
  return formula;
}

/**
 * The number compared with the targets, or "" when there is none (not reported or unusable — both score as
 * not reported). Cell semantics: only a number counts; text, errors and booleans do not.
 */
export function valueFormula(layout: KpiLayout, row: LayoutRow): string {
  const indicator = row.indicator as LeafIndicator;
  switch (indicator.kind) {
    case 'quantitative': {
      const r = here(layout, 'result', row);
      return `IF(ISNUMBER(${r}),IF(ABS(${r})<=${LARGEST},${r},""),"")`;
    }
    case 'ratio': {
      const n = here(layout, 'numerator', row);
      const d = here(layout, 'denominator', row);
      const m = here(layout, 'multiplier', row);
      // Multiplied first, as the domain does: whole counts × 100 are exact, so a ratio equal to a target reaches it.
      return `IF(AND(ISNUMBER(${n}),ISNUMBER(${d})),IF(AND(${n}>=0,${n}<=${LARGEST},${d}>0,${d}<=${LARGEST}),${n}*${m}/${d},""),"")`;
    }
    case 'milestone':
    case 'binary': {
      return valueFromMarksFormula(here(layout, 'stepMarks', row), indicator.steps.length);
    }
  }
}

/** The row's step marks (stepWords.ts), one character per step of its own; null for a row without steps. */
export function stepMarksCellFormula(layout: KpiLayout, row: LayoutRow): string | null {
  const indicator = row.indicator;
  if (isGroup(indicator) || (indicator.kind !== 'milestone' && indicator.kind !== 'binary')) return null;
  return stepMarksFormula(indicator.steps.map((_, i) => here(layout, `step${i + 1}`, row)));
}

/**
 * The steps' formula of sheets made before the words were counted (they have no stepMarks column, and the sheet
 * reader reads their words as the formula did): 1 or TRUE achieved, 0, FALSE or blank not;
 * all blank is not reported; anything else (text, an error, another number) makes the whole indicator unusable.
 * The value is the count of consecutive steps from the first.
 */
export function stepsValueFormula(steps: readonly string[]): string {
  const usable = steps.map((s) => `IF(ISNUMBER(${s}),OR(${s}=0,${s}=1),OR(ISBLANK(${s}),ISLOGICAL(${s})))`);
  const blank = steps.map((s) => `ISBLANK(${s})`);
  // Only reached when every step is usable, so N() sees a number, a boolean or a blank: N(TRUE) = 1.
  let count = String(steps.length);
  for (let k = steps.length; k >= 1; k--) count = `IF(N(${steps[k - 1] as string})=1,${count},${k - 1})`;
  return `IF(AND(${usable.join(',')}),IF(AND(${blank.join(',')}),"",${count}),"")`;
}

/** A row's score at its depth: the curve for a leaf, the weighted mean of the children that count for a parent. */
export function scoreAtFormula(layout: KpiLayout, row: LayoutRow): string {
  const due = dueFormula(layout, row);
  const formula = scoreAtWhenDue(layout, row);
  // Not due: no score, so the row leaves the total exactly as an excluded one does.
  return due === null ? formula : `IF(${due},${formula},"")`;
}

function scoreAtWhenDue(layout: KpiLayout, row: LayoutRow): string {
  const d = row.depth;
  if (isGroup(row.indicator)) {
    const key = here(layout, 'key', row);
    const P = span(layout, 'parentKey');
    const W = span(layout, 'weight');
    const C = span(layout, `countedAt${d + 1}`);
    const WS = span(layout, `weightTimesScoreAt${d + 1}`);
    return `IF(COUNTIFS(${P},${key},${C},1)=0,"",SUMIFS(${WS},${P},${key})/SUMIFS(${W},${P},${key},${C},1))`;
  }
  const v = here(layout, 'value', row);
  const targets = Array.from({ length: layout.levels }, (_, i) => here(layout, `target${i + 1}`, row));
  const curve = curveFormula(v, targets, here(layout, 'direction', row), here(layout, 'floorTarget', row));
  return `IF(ISNUMBER(${v}),${curve},${notReportedScore})`;
}

export function countedAtFormula(layout: KpiLayout, row: LayoutRow): string {
  return `IF(ISNUMBER(${here(layout, `scoreAt${row.depth}`, row)}),1,0)`;
}

export function weightTimesScoreAtFormula(layout: KpiLayout, row: LayoutRow): string {
  const s = here(layout, `scoreAt${row.depth}`, row);
  return `IF(ISNUMBER(${s}),${here(layout, 'weight', row)}*${s},0)`;
}

/**
 * What one point of this row's score adds to the total (the domain's shareOfTotal): weight / Σ counted top-level
 * weights at the top; the parent's share × weight / Σ counted sibling weights below it. "" when it does not count.
 */
export function shareAtFormula(layout: KpiLayout, row: LayoutRow): string {
  const d = row.depth;
  const s = here(layout, `scoreAt${d}`, row);
  const w = here(layout, 'weight', row);
  if (d === 0) return `IF(AND(ISNUMBER(${s}),${layout.weightSumCell}>0),${w}/${layout.weightSumCell},"")`;
  const p = here(layout, 'parentKey', row);
  const parentShare = `INDEX(${span(layout, `shareAt${d - 1}`)},MATCH(${p},${span(layout, 'key')},0))`;
  const siblings = `SUMIFS(${span(layout, 'weight')},${span(layout, 'parentKey')},${p},${span(layout, `countedAt${d}`)},1)`;
  // A parent that does not count has "" as its share. Tested, not multiplied: "" × 2 is #VALUE! in Excel but 0
  // in HyperFormula (and in LibreOffice, depending on a setting).
  return `IF(ISNUMBER(${s}),IF(ISNUMBER(${parentShare}),${parentShare}*${w}/${siblings},""),"")`;
}

/** The visible คะแนน column: the score from the row's depth column. */
export function scoreFormula(layout: KpiLayout, row: LayoutRow): string {
  const due = dueFormula(layout, row);
  const score = here(layout, `scoreAt${row.depth}`, row);
  return due === null ? score : `IF(${due},${score},"${NOT_DUE_TEXT}")`;
}

/** คะแนนถ่วงน้ำหนัก = share of total × score. */
export function weightedScoreFormula(layout: KpiLayout, row: LayoutRow): string {
  const f = here(layout, `shareAt${row.depth}`, row);
  const s = here(layout, `scoreAt${row.depth}`, row);
  return `IF(AND(ISNUMBER(${f}),ISNUMBER(${s})),${f}*${s},"")`;
}

/** The ratio or step count shown in ผลการดำเนินงาน for rows whose result is computed from other cells. */
export function resultDisplayFormula(layout: KpiLayout, row: LayoutRow): string {
  return here(layout, 'value', row);
}

/** Σ top-level weights of the indicators that count: the denominator of the total. */
export function weightSumFormula(layout: KpiLayout): string {
  return `SUMIFS(${span(layout, 'weight')},${span(layout, 'parentKey')},0,${span(layout, 'countedAt0')},1)`;
}

/** The total before any late penalty, on the scale's range; "" when nothing counts. */
export function totalFormula(layout: KpiLayout): string {
  const den = layout.weightSumCell;
  return `IF(${den}>0,SUMIFS(${span(layout, 'weightTimesScoreAt0')},${span(layout, 'parentKey')},0)/${den},"")`;
}

/**
 * A group heading row's subtotals (the domain's GroupScore), over the top-level rows carrying its group key: the
 * weighted mean of those that count, and the sum of their weighted scores. The heading row's own cells in these
 * columns are blank, so none of the ranges is circular.
 */
export function groupScoreFormula(layout: KpiLayout, row: number): string {
  const g = cellAddress(row, requireColumn(layout, 'groupKey').column);
  const G = span(layout, 'groupKey');
  const counted = `SUMIFS(${span(layout, 'weight')},${G},${g},${span(layout, 'countedAt0')},1)`;
  // As the domain: no subtotal when the counted weights are 0 (a weight-0 indicator alone counts for nothing).
  return `IF(${counted}>0,SUMIFS(${span(layout, 'weightTimesScoreAt0')},${G},${g})/${counted},"")`;
}

export function groupWeightedScoreFormula(layout: KpiLayout, row: number): string {
  const g = cellAddress(row, requireColumn(layout, 'groupKey').column);
  const den = layout.weightSumCell;
  return `IF(${den}>0,SUMIFS(${span(layout, 'weightTimesScoreAt0')},${span(layout, 'groupKey')},${g})/${den},0)`;
}

/**
 * The KPI template layout (แบบฟอร์มรายงานตัวชี้วัด): which columns a sheet has for an assessment and which row holds
 * which indicator. One row per indicator, parents before their children in document order; a summary row above
 * the table holds the weight sum and the total.
 *
 *   row 1  title
 *   row 2  summary: Σ counted top-level weights (under น้ำหนัก), the total (under คะแนนถ่วงน้ำหนัก) = ScorebookTotal
 *   row 4  table header (Thai), then one row per indicator
 *
 * With component groups (seed 002 ๑.๑ / ๑.๒), each group has a heading row above its indicators holding its
 * subtotal, and the top-level indicators are kept together under their group's heading, in document order from the
 * group's first indicator on.
 */
import { allIndicators, isGroup, isStepKind, type Assessment, type ComponentGroup, type Indicator } from '../domain';
import { cellAddress, columnLetter } from './cells';
import { depthHeaders, FIXED_HEADERS, normalizeHeader, stepHeader, targetHeader, type ColumnRole, type HeaderEntry } from './headers';

export interface LayoutColumn extends HeaderEntry {
  /** 1-based sheet column. */
  readonly column: number;
  readonly letter: string;
  /** The header written in the table; unique within it (Excel tables require that). */
  readonly header: string;
}

export interface LayoutRow {
  readonly indicator: Indicator;
  readonly row: number;
  /** A number per indicator (1..n in document order) that formulas match on, so sorting rows keeps them right. */
  readonly key: number;
  /** The parent's key; 0 at the top level. */
  readonly parentKey: number;
  /** 0 at the top level. */
  readonly depth: number;
}

/** A group's heading row: no indicator, its name and subtotal formulas (formulas.ts groupScoreFormula). */
export interface LayoutGroupRow {
  readonly group: ComponentGroup;
  readonly component: string;
  readonly row: number;
  /** 1..G in the order the headings come; top-level indicator rows of the group carry it in the groupKey column. */
  readonly groupKey: number;
}

export interface KpiLayout {
  readonly sheet: string;
  readonly table: string;
  readonly titleRow: number;
  readonly summaryRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly levels: number;
  /** Step columns: the most steps any milestone has. */
  readonly maxSteps: number;
  /** Deepest level of the indicator tree (0 when there are no sub-indicators). */
  readonly maxDepth: number;
  readonly columns: readonly LayoutColumn[];
  readonly rows: readonly LayoutRow[];
  /** Group heading rows, between the indicator rows; absent or empty when there are none. */
  readonly groupRows?: readonly LayoutGroupRow[];
  /** Σ top-level weights of the indicators that count (the total's denominator). */
  readonly weightSumCell: string;
  /** The total before any late penalty (workbook name ScorebookTotal). */
  readonly totalCell: string;
}

export interface LayoutOptions {
  readonly sheet?: string;
  readonly table?: string;
  readonly headerRow?: number;
  /** Group heading rows (default on); a multi-unit or hand-made sheet keeps one row per indicator. */
  readonly groupHeadings?: boolean;
}

export const DEFAULT_SHEET = 'KPI';
export const DEFAULT_TABLE = 'ScorebookKPI';

export function kpiLayout(assessment: Assessment, options: LayoutOptions = {}): KpiLayout {
  const headerRow = options.headerRow ?? 4;
  if (headerRow < 3) throw new Error('the header row must leave room for the title and summary rows');
  const leaves = allIndicators(assessment).filter((i) => !isGroup(i));
  const levels = assessment.scale.levels.length;
  const maxSteps = Math.max(0, ...leaves.map((l) => (isGroup(l) ? 0 : isStepKind(l.kind) ? l.steps.length : 0)));
  const hasRatio = leaves.some((l) => !isGroup(l) && l.kind === 'ratio');
  const groups =
    options.groupHeadings === false
      ? []
      : assessment.components.flatMap((c) => (c.groups ?? []).map((group) => ({ group, component: c.id })));
  const { rows, groupRows } = layoutRows(assessment.indicators, headerRow + 1, groups);
  const maxDepth = Math.max(0, ...rows.map((r) => r.depth));
  const hasRounds = allIndicators(assessment).some((i) => i.rounds !== undefined);

  const F = FIXED_HEADERS;
  const entries: HeaderEntry[] = [
    F.id,
    F.name,
    F.unit,
    F.weight,
    ...range(levels).map((k) => targetHeader(assessment.scale, k)),
    F.result,
    ...(hasRatio ? [F.numerator, F.denominator] : []),
    ...range(maxSteps).map(stepHeader),
    F.score,
    F.weightedScore,
    // What a person writes about the row (explanation, obstacles, remarks): after the scores, before the helpers.
    F.explanation,
    F.obstacles,
    F.note,
    // Hidden helpers, right of everything a person reads.
    F.key,
    F.parentKey,
    ...(groupRows.length > 0 ? [F.groupKey] : []),
    F.kind,
    F.direction,
    F.multiplier,
    F.floorTarget,
    F.value,
    ...(maxSteps > 0 ? [F.stepMarks] : []),
    ...(hasRounds ? [F.rounds] : []),
    ...range(maxDepth + 1).flatMap((k) => depthHeaders(k - 1)),
  ];
  const columns = uniqueHeaders(entries).map((e, i) => ({ ...e, column: i + 1, letter: columnLetter(i + 1) }));
  const layout = {
    sheet: options.sheet ?? DEFAULT_SHEET,
    table: options.table ?? DEFAULT_TABLE,
    titleRow: 1,
    summaryRow: 2,
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow: headerRow + rows.length + groupRows.length,
    levels,
    maxSteps,
    maxDepth,
    columns,
    rows,
    ...(groupRows.length > 0 ? { groupRows } : {}),
  };
  return {
    ...layout,
    weightSumCell: cellAddress(layout.summaryRow, requireColumn(layout, 'weight').column, true),
    totalCell: cellAddress(layout.summaryRow, requireColumn(layout, 'weightedScore').column, true),
  };
}

function layoutRows(
  indicators: readonly Indicator[],
  firstRow: number,
  groups: readonly { group: ComponentGroup; component: string }[],
): { rows: LayoutRow[]; groupRows: LayoutGroupRow[] } {
  const rows: LayoutRow[] = [];
  const groupRows: LayoutGroupRow[] = [];
  const next = (): number => firstRow + rows.length + groupRows.length;
  const visit = (list: readonly Indicator[], parentKey: number, depth: number): void => {
    for (const indicator of list) {
      const key = rows.length + 1;
      rows.push({ indicator, row: next(), key, parentKey, depth });
      if (isGroup(indicator)) visit(indicator.children, key, depth + 1);
    }
  };
  const placed = new Set<string>();
  for (const indicator of indicators) {
    const g = indicator.group === undefined ? undefined : groups.find((x) => x.group.id === indicator.group);
    if (!g) {
      visit([indicator], 0, 0);
      continue;
    }
    if (placed.has(g.group.id)) continue;
    placed.add(g.group.id);
    groupRows.push({ group: g.group, component: g.component, row: next(), groupKey: groupRows.length + 1 });
    visit(
      indicators.filter((i) => i.group === g.group.id),
      0,
      0,
    );
  }
  return { rows, groupRows };
}

/** The heading row's group number for a top-level indicator row, or undefined when it has none. */
export function groupKeyOf(layout: Pick<KpiLayout, 'groupRows'>, row: LayoutRow): number | undefined {
  if (row.depth !== 0 || row.indicator.group === undefined) return undefined;
  return layout.groupRows?.find((g) => g.group.id === row.indicator.group)?.groupKey;
}

/**
 * A custom scale may name a level like another column ("คะแนน"): the fixed columns keep their headers, and such a
 * target header gets a prefix.
 */
function uniqueHeaders(entries: readonly HeaderEntry[]): (HeaderEntry & { header: string })[] {
  const fixed = new Set<string>(Object.keys(FIXED_HEADERS));
  const seen = new Set(entries.filter((e) => fixed.has(e.role)).map((e) => normalizeHeader(e.th)));
  return entries.map((e) => {
    if (fixed.has(e.role)) return { ...e, header: e.th };
    let header = e.th;
    if (seen.has(normalizeHeader(header))) header = `เป้าหมาย ${e.th}`;
    for (let n = 2; seen.has(normalizeHeader(header)); n++) header = `${e.th} (${n})`;
    seen.add(normalizeHeader(header));
    return { ...e, header };
  });
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

export function columnOf(layout: Pick<KpiLayout, 'columns'>, role: ColumnRole): LayoutColumn | undefined {
  return layout.columns.find((c) => c.role === role);
}

export function requireColumn(layout: Pick<KpiLayout, 'columns'>, role: ColumnRole): LayoutColumn {
  const c = columnOf(layout, role);
  if (!c) throw new Error(`the layout has no ${role} column`);
  return c;
}

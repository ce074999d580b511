/**
 * The overview sheet (ภาพรวม): one round of every unit the central office may see, as an ordinary sheet — units
 * down, indicators across (results, scores or statuses), each unit's self-assessed and official totals, its rank,
 * the change since the previous round, its group; the status counts at the top; a native chart of the totals by
 * unit, and by group where the assessment groups its units. Values, not formulas: it reads the same with the
 * add-in closed or mailed on, and a person may sort and filter it (AutoFilter on the header row; not protected).
 *
 * Colour by level without a style per cell (a style op per cell would make 50,000 actions at 1,000 × 50 and the
 * batches would grow with the units): each indicator's level sits in a hidden column right of the table, inside
 * the AutoFilter's range so a sort moves it with its row, and three conditional formats over the whole block read
 * it (the KPI sheet's colours: green at the top level, amber between, red below the first). Statuses are coloured
 * by their own text. So the plan has the same number of ops for 10 units as for 1,000; only the cells grow.
 *
 * Rank (our choice, the seeds are silent): by the official total, then the self-assessed total, both as shown (at
 * the policy's decimals), highest first; equal totals share a rank (1, 2, 2, 4); a unit with neither total has no
 * rank. Group figures are the mean of the totals of the group's units that have one.
 *
 * The input is the API's `Overview` (src/api/overview.ts) as far as the sheet reads it, declared here because this
 * layer imports only the domain; the API's type fits it.
 */
import { cellAddress, columnLetter, type CellContent } from './cells';
import { COLORS } from './kpiPlan';
import type { ChartOp, WriteOp, WritePlan } from './plan';
import { footerText } from './printLayout';
import type { Locale } from '../domain';

export type OverviewStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface OverviewSheetInput {
  readonly assessment: string;
  readonly round: number;
  readonly previousRound: number | null;
  readonly indicators: readonly { readonly id: string; readonly name: string }[];
  readonly groups: readonly { readonly id: string; readonly name: string }[];
  readonly units: readonly {
    readonly unit: string;
    readonly name: string;
    readonly group?: string;
    readonly selfAssessed: { readonly total: number | null };
    readonly official: { readonly total: number | null };
    readonly previousRoundTotal?: number | null;
    readonly cells: readonly {
      readonly indicator: string;
      readonly value: number | null;
      readonly score: number | null;
      readonly level: number | null;
      readonly status: OverviewStatus | null;
    }[];
  }[];
  readonly counts: {
    readonly notStarted: number;
    readonly draft: number;
    readonly submitted: number;
    readonly approved: number;
    readonly returned: number;
  };
}

export type OverviewMode = 'results' | 'scores' | 'statuses';

export interface OverviewSheetOptions {
  readonly mode: OverviewMode;
  readonly locale: Locale;
  /** The scale's number of levels (3 for e-SAR, 5 for KRS): the level coloured green. */
  readonly levels: number;
  /** The policy's decimals: totals shown and ranked at them. */
  readonly decimals?: number;
  /** The assessment's title for the sheet's first row (its id when absent). */
  readonly title?: string;
  readonly sheet?: string;
}

export const OVERVIEW_SHEET = 'ภาพรวม';
/** The mark in A2 that makes the sheet the pane's own (ownSheet.ts). */
export const OVERVIEW_MARK = 'scorebook/overview@1';
export const OVERVIEW_CHARTS = { units: 'ScorebookOverviewUnits', groups: 'ScorebookOverviewGroups' } as const;
export const OVERVIEW_HEADER_ROW = 6;
/** More units than this: bars (a name per line reads) rather than columns. */
const COLUMN_CHART_UNITS = 30;

export const OVERVIEW_HEADERS = {
  rank: 'ลำดับ (Rank)',
  unitId: 'รหัสหน่วยงาน (Unit id)',
  group: 'กลุ่ม (Group)',
  unit: 'หน่วยงาน (Unit)',
  selfTotal: 'คะแนนรวม ประเมินตนเอง (Self-assessed total)',
  officialTotal: 'คะแนนรวม ทางการ (Official total)',
  change: (round: number) => `เปลี่ยนจากรอบ ${round} เดือน (Change since round ${round})`,
  level: (id: string) => `ระดับ ${id} (Level)`,
} as const;

export const STATUS_WORDS: Record<OverviewStatus | 'notStarted', Record<Locale, string>> = {
  notStarted: { th: 'ยังไม่เริ่ม', en: 'not started' },
  draft: { th: 'ร่าง', en: 'draft' },
  submitted: { th: 'ส่งแล้ว', en: 'submitted' },
  approved: { th: 'อนุมัติแล้ว', en: 'approved' },
  returned: { th: 'ส่งคืน', en: 'returned' },
};

const MODE_WORDS: Record<OverviewMode, Record<Locale, string>> = {
  results: { th: 'ผลการดำเนินงาน', en: 'results' },
  scores: { th: 'คะแนน', en: 'scores' },
  statuses: { th: 'สถานะ', en: 'statuses' },
};

const STATUS_ORDER = ['notStarted', 'draft', 'submitted', 'approved', 'returned'] as const;

export interface OverviewLayout {
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstUnitRow: number;
  readonly lastUnitRow: number;
  /** 1-based columns. */
  readonly columns: {
    readonly rank: number;
    readonly unitId: number;
    readonly group?: number;
    readonly unit: number;
    readonly selfTotal: number;
    readonly officialTotal: number;
    readonly change?: number;
    readonly firstIndicator: number;
    /** First hidden level column (results and scores modes). */
    readonly firstLevel?: number;
    /** The table's last column, hidden ones included. */
    readonly last: number;
    readonly lastVisible: number;
  };
  /** The group block below the units (where the assessment has groups): its header row and rows. */
  readonly groups?: { readonly headerRow: number; readonly firstRow: number; readonly lastRow: number };
  /** Rank per unit id (undefined: neither total). */
  readonly ranks: ReadonlyMap<string, number | undefined>;
}

/** Standard competition ranks by official, then self-assessed total, compared as shown. */
export function overviewRanks(units: OverviewSheetInput['units'], decimals = 2): Map<string, number | undefined> {
  const shown = (x: number | null): number => (x === null ? Number.NEGATIVE_INFINITY : Number(x.toFixed(decimals)));
  const ranked = units
    .filter((u) => u.official.total !== null || u.selfAssessed.total !== null)
    .map((u) => ({ id: u.unit, key: [shown(u.official.total), shown(u.selfAssessed.total)] as const }))
    .sort((a, b) => b.key[0] - a.key[0] || b.key[1] - a.key[1]);
  const out = new Map<string, number | undefined>(units.map((u) => [u.unit, undefined]));
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    const same = prev !== undefined && prev.key[0] === r.key[0] && prev.key[1] === r.key[1];
    out.set(r.id, same ? out.get(prev.id) : i + 1);
  });
  return out;
}

export function overviewLayout(input: OverviewSheetInput, options: OverviewSheetOptions): OverviewLayout {
  const hasGroups = input.groups.length > 0 || input.units.some((u) => u.group !== undefined);
  let c = 1;
  const rank = c++;
  const unitId = c++;
  const group = hasGroups ? c++ : undefined;
  const unit = c++;
  const selfTotal = c++;
  const officialTotal = c++;
  const change = input.previousRound !== null ? c++ : undefined;
  const firstIndicator = c;
  c += input.indicators.length;
  const lastVisible = c - 1;
  const firstLevel = options.mode !== 'statuses' && input.indicators.length > 0 ? c : undefined;
  if (firstLevel !== undefined) c += input.indicators.length;
  const headerRow = OVERVIEW_HEADER_ROW;
  const firstUnitRow = headerRow + 1;
  const lastUnitRow = headerRow + input.units.length;
  const groupRows = hasGroups ? groupsOf(input).length : 0;
  const groups = hasGroups ? { headerRow: lastUnitRow + 2, firstRow: lastUnitRow + 3, lastRow: lastUnitRow + 2 + groupRows } : undefined;
  return {
    sheet: options.sheet ?? OVERVIEW_SHEET,
    headerRow,
    firstUnitRow,
    lastUnitRow,
    columns: { rank, unitId, group, unit, selfTotal, officialTotal, change, firstIndicator, firstLevel, last: c - 1, lastVisible },
    groups,
    ranks: overviewRanks(input.units, options.decimals),
  };
}

/** The groups in the assessment's order, then any a unit names that the list lacks; each with its units' totals. */
function groupsOf(input: OverviewSheetInput): { id: string; name: string; self: number | null; official: number | null; units: number }[] {
  const names = new Map(input.groups.map((g) => [g.id, g.name]));
  for (const u of input.units) if (u.group !== undefined && !names.has(u.group)) names.set(u.group, u.group);
  const mean = (xs: (number | null)[]): number | null => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
  };
  return [...names].map(([id, name]) => {
    const members = input.units.filter((u) => u.group === id);
    return {
      id,
      name,
      self: mean(members.map((u) => u.selfAssessed.total)),
      official: mean(members.map((u) => u.official.total)),
      units: members.length,
    };
  });
}

/** The header row of an overview sheet as read (for ownSheet.ts): the row whose first cell is the rank header. */
export function overviewHeaderRow(values: readonly (readonly unknown[])[], topLeft: string): number | undefined {
  const top = Number(/\d+/.exec(topLeft)?.[0] ?? 1);
  const i = values.findIndex((row) => row[0] === OVERVIEW_HEADERS.rank);
  return i < 0 ? undefined : top + i;
}

export function overviewSheetPlan(input: OverviewSheetInput, options: OverviewSheetOptions): { plan: WritePlan; layout: OverviewLayout } {
  const layout = overviewLayout(input, options);
  const { sheet, headerRow, firstUnitRow, lastUnitRow, columns: col } = layout;
  const { locale, mode } = options;
  const decimals = options.decimals ?? 2;
  const width = col.last;
  const row = (): CellContent[] => Array<CellContent>(width).fill(null);
  const at = (r: CellContent[], column: number | undefined, v: CellContent): void => {
    if (column !== undefined) r[column - 1] = v;
  };

  // Rows 1–4: title, the mark, the status counts.
  const roundWord = locale === 'th' ? `รอบ ${input.round} เดือน` : `round ${input.round}`;
  const title = `${locale === 'th' ? 'ภาพรวม' : 'Overview'} · ${options.title ?? input.assessment} · ${roundWord} · ${MODE_WORDS[mode][locale]}`;
  const mark =
    locale === 'th'
      ? `${OVERVIEW_MARK} · ชีตนี้สร้างโดย Scorebook จากเซิร์ฟเวอร์ กด "รีเฟรช" ในบานหน้าต่างเพื่อเขียนชีตนี้ใหม่ทั้งชีต (${input.units.length} หน่วยงาน)`
      : `${OVERVIEW_MARK} · Made by Scorebook from the server; Refresh in the pane rewrites this whole sheet (${input.units.length} units)`;
  const top: CellContent[][] = [row(), row(), row(), row(), row()];
  at(top[0]!, 1, title);
  at(top[1]!, 1, mark);
  at(top[2]!, 1, locale === 'th' ? 'สถานะ (ตัวชี้วัด × หน่วยงาน)' : 'Statuses (indicators × units)');
  at(top[3]!, 1, locale === 'th' ? 'จำนวน' : 'count');
  STATUS_ORDER.forEach((s, i) => {
    at(top[2]!, 2 + i, STATUS_WORDS[s][locale]);
    at(top[3]!, 2 + i, input.counts[s]);
  });
  at(top[2]!, 2 + STATUS_ORDER.length, locale === 'th' ? 'หน่วยงาน' : 'units');
  at(top[3]!, 2 + STATUS_ORDER.length, input.units.length);

  const header = row();
  at(header, col.rank, OVERVIEW_HEADERS.rank);
  at(header, col.unitId, OVERVIEW_HEADERS.unitId);
  at(header, col.group, OVERVIEW_HEADERS.group);
  at(header, col.unit, OVERVIEW_HEADERS.unit);
  at(header, col.selfTotal, OVERVIEW_HEADERS.selfTotal);
  at(header, col.officialTotal, OVERVIEW_HEADERS.officialTotal);
  if (input.previousRound !== null) at(header, col.change, OVERVIEW_HEADERS.change(input.previousRound));
  input.indicators.forEach((ind, i) => {
    at(header, col.firstIndicator + i, `${ind.id} ${ind.name}`);
    if (col.firstLevel !== undefined) at(header, col.firstLevel + i, OVERVIEW_HEADERS.level(ind.id));
  });

  const groupNames = new Map(input.groups.map((g) => [g.id, g.name]));
  const body = input.units.map((u) => {
    const r = row();
    at(r, col.rank, layout.ranks.get(u.unit) ?? null);
    at(r, col.unitId, u.unit);
    at(r, col.group, u.group === undefined ? null : (groupNames.get(u.group) ?? u.group));
    at(r, col.unit, u.name);
    at(r, col.selfTotal, u.selfAssessed.total);
    at(r, col.officialTotal, u.official.total);
    const prev = u.previousRoundTotal ?? null;
    at(r, col.change, prev !== null && u.selfAssessed.total !== null ? u.selfAssessed.total - prev : null);
    const byId = new Map(u.cells.map((x) => [x.indicator, x]));
    input.indicators.forEach((ind, i) => {
      const cell = byId.get(ind.id);
      const v =
        mode === 'results'
          ? (cell?.value ?? null)
          : mode === 'scores'
            ? (cell?.score ?? null)
            : STATUS_WORDS[cell?.status ?? 'notStarted'][locale];
      at(r, col.firstIndicator + i, v);
      if (col.firstLevel !== undefined) at(r, col.firstLevel + i, cell?.level ?? null);
    });
    return r;
  });

  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, ifExists: 'clear', tabColor: COLORS.header },
    { kind: 'cells', sheet, topLeft: 'A1', contents: [...top, header, ...body] },
  ];

  // Number formats first: a port may copy them down (planWriter), which copies every format of the row.
  const L = (c: number): string => columnLetter(c);
  const span = (c0: number, c1: number, r0 = firstUnitRow, r1 = lastUnitRow): string => `${L(c0)}${r0}:${L(c1)}${r1}`;
  const hasUnits = input.units.length > 0;
  const totals = `0.${'0'.repeat(Math.max(0, decimals))}`.replace(/\.$/, '');
  if (hasUnits) {
    ops.push({ kind: 'numberFormat', sheet, address: span(col.selfTotal, col.officialTotal), format: totals });
    if (col.change !== undefined)
      ops.push({ kind: 'numberFormat', sheet, address: span(col.change, col.change), format: `+${totals};-${totals};${totals}` });
    if (input.indicators.length > 0 && mode !== 'statuses') {
      ops.push({
        kind: 'numberFormat',
        sheet,
        address: span(col.firstIndicator, col.lastVisible),
        format: mode === 'results' ? '#,##0.00' : totals,
      });
    }
    ops.push({ kind: 'numberFormat', sheet, address: span(col.unitId, col.unitId), format: '@' });
  }

  // Styles: title, mark, the status block, the header row.
  ops.push(
    { kind: 'style', sheet, address: 'A1', bold: true, fontSize: 14 },
    { kind: 'style', sheet, address: 'A2', italic: true, fontColor: COLORS.unusedText },
    { kind: 'style', sheet, address: `A3:${L(2 + STATUS_ORDER.length)}4`, fill: COLORS.summary, horizontal: 'center' },
    { kind: 'style', sheet, address: `A3:${L(2 + STATUS_ORDER.length)}3`, bold: true },
    {
      kind: 'style',
      sheet,
      address: `A${headerRow}:${L(width)}${headerRow}`,
      bold: true,
      fill: COLORS.header,
      fontColor: COLORS.headerText,
      wrap: true,
      vertical: 'top',
    },
  );
  if (hasUnits) ops.push({ kind: 'style', sheet, address: span(col.selfTotal, col.officialTotal), bold: true, fill: COLORS.summary });

  // Colour by level (results, scores) or by status: three or four rules over the whole block, whatever the units.
  if (hasUnits && input.indicators.length > 0) {
    const block = span(col.firstIndicator, col.lastVisible);
    const first = cellAddress(firstUnitRow, col.firstIndicator);
    if (col.firstLevel !== undefined) {
      const lv = cellAddress(firstUnitRow, col.firstLevel);
      const top = Math.max(1, options.levels);
      ops.push(
        { kind: 'conditionalFormat', sheet, address: block, formula: `AND(ISNUMBER(${lv}),${lv}>=${top})`, fill: COLORS.good },
        { kind: 'conditionalFormat', sheet, address: block, formula: `AND(ISNUMBER(${lv}),${lv}>=1,${lv}<${top})`, fill: COLORS.fair },
        { kind: 'conditionalFormat', sheet, address: block, formula: `AND(ISNUMBER(${lv}),${lv}<1)`, fill: COLORS.poor },
      );
    } else {
      const is = (s: OverviewStatus | 'notStarted'): string => `${first}="${STATUS_WORDS[s][locale]}"`;
      ops.push(
        { kind: 'conditionalFormat', sheet, address: block, formula: is('approved'), fill: COLORS.good },
        { kind: 'conditionalFormat', sheet, address: block, formula: is('submitted'), fill: COLORS.fair },
        { kind: 'conditionalFormat', sheet, address: block, formula: is('returned'), fill: COLORS.poor },
        { kind: 'conditionalFormat', sheet, address: block, formula: `OR(${is('draft')},${is('notStarted')})`, fill: COLORS.unused },
      );
    }
  }
  if (hasUnits && col.change !== undefined) {
    const ch = cellAddress(firstUnitRow, col.change);
    const address = span(col.change, col.change);
    ops.push(
      { kind: 'conditionalFormat', sheet, address, formula: `AND(ISNUMBER(${ch}),${ch}<0)`, fontColor: COLORS.invalidText },
      { kind: 'conditionalFormat', sheet, address, formula: `AND(ISNUMBER(${ch}),${ch}>0)`, fontColor: '#375623' },
    );
  }

  // Columns: widths, the level helpers hidden (after showing what an earlier, wider overview hid: the chart sits there).
  ops.push(
    { kind: 'columns', sheet, columns: `A:${L(col.last + input.indicators.length + 40)}`, hidden: false },
    { kind: 'columns', sheet, columns: `${L(col.rank)}:${L(col.rank)}`, width: 64 },
    { kind: 'columns', sheet, columns: `${L(col.unitId)}:${L(col.unitId)}`, width: 72 },
    { kind: 'columns', sheet, columns: `${L(col.unit)}:${L(col.unit)}`, width: 180 },
    { kind: 'columns', sheet, columns: `${L(col.selfTotal)}:${L(col.change ?? col.officialTotal)}`, width: 96 },
  );
  if (col.group !== undefined) ops.push({ kind: 'columns', sheet, columns: `${L(col.group)}:${L(col.group)}`, width: 110 });
  if (input.indicators.length > 0)
    ops.push({ kind: 'columns', sheet, columns: `${L(col.firstIndicator)}:${L(col.lastVisible)}`, width: 84, hidden: false });
  if (col.firstLevel !== undefined) ops.push({ kind: 'columns', sheet, columns: `${L(col.firstLevel)}:${L(col.last)}`, hidden: true });

  // The group block below the units: outside the AutoFilter, so a filter never hides it and a sort never moves it.
  const groupRows = groupsOf(input);
  const chartLeft = width + 2;
  if (layout.groups) {
    const g = layout.groups;
    const gc = col.unit - 1;
    ops.push({
      kind: 'cells',
      sheet,
      topLeft: cellAddress(g.headerRow, gc),
      contents: [
        [OVERVIEW_HEADERS.group, 'คะแนนเฉลี่ย ประเมินตนเอง (Mean self-assessed)', 'คะแนนเฉลี่ย ทางการ (Mean official)', 'จำนวนหน่วยงาน (Units)'],
        ...groupRows.map((x): CellContent[] => [x.name, x.self, x.official, x.units]),
      ],
    });
    if (groupRows.length > 0)
      ops.push({ kind: 'numberFormat', sheet, address: span(gc + 1, gc + 2, g.firstRow, g.lastRow), format: totals });
    ops.push({
      kind: 'style',
      sheet,
      address: span(gc, gc + 3, g.headerRow, g.headerRow),
      bold: true,
      fill: COLORS.summary,
      wrap: true,
    });
  }

  ops.push(
    { kind: 'freeze', sheet, rows: headerRow, columns: col.unit },
    { kind: 'autoFilter', sheet, address: `A${headerRow}:${L(width)}${Math.max(headerRow, lastUnitRow)}` },
  );

  // Charts: totals by unit (name, self-assessed, official: three adjacent columns), and by group.
  const unitsChart: ChartOp | undefined = hasUnits
    ? {
        kind: 'chart',
        sheet,
        name: OVERVIEW_CHARTS.units,
        type: input.units.length > COLUMN_CHART_UNITS ? 'barClustered' : 'columnClustered',
        source: span(col.unit, col.officialTotal, headerRow, lastUnitRow),
        seriesBy: 'columns',
        title: locale === 'th' ? `คะแนนรวมรายหน่วยงาน · ${roundWord}` : `Totals by unit · ${roundWord}`,
        from: cellAddress(headerRow, chartLeft),
        to: cellAddress(headerRow + 18, chartLeft + 9),
      }
    : undefined;
  ops.push(unitsChart ?? { kind: 'deleteChart', sheet, name: OVERVIEW_CHARTS.units });
  if (layout.groups && groupRows.length > 0) {
    const g = layout.groups;
    ops.push({
      kind: 'chart',
      sheet,
      name: OVERVIEW_CHARTS.groups,
      type: 'columnClustered',
      source: span(col.unit - 1, col.unit + 1, g.headerRow, g.lastRow),
      seriesBy: 'columns',
      title: locale === 'th' ? `คะแนนเฉลี่ยรายกลุ่ม · ${roundWord}` : `Mean totals by group · ${roundWord}`,
      from: cellAddress(headerRow + 20, chartLeft),
      to: cellAddress(headerRow + 38, chartLeft + 9),
    });
  } else {
    ops.push({ kind: 'deleteChart', sheet, name: OVERVIEW_CHARTS.groups });
  }

  const lastRow = layout.groups?.lastRow ?? Math.max(headerRow, lastUnitRow);
  ops.push(
    {
      kind: 'pageLayout',
      sheet,
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      titleRows: `${headerRow}:${headerRow}`,
      printArea: `A1:${L(col.lastVisible)}${lastRow}`,
      footer: footerText(input.round),
    },
    { kind: 'select', sheet, address: 'A1' },
  );
  return { plan: { title: `overview sheet ${sheet}`, ops }, layout };
}

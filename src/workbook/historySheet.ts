/**
 * A unit's history as a sheet (ประวัติ): its rounds down, oldest first (fiscal year, round), the self-assessed and
 * official totals, the selected indicator's score and result, the change of the total since the row above, and
 * the indicator's status; a native line chart of the totals and the indicator's score, round over round and year
 * over year. Values, not formulas; not protected. `openHistorySheet` writes it through the port for the pane's
 * history view: one guarded write (ownSheet.ts), a sheet of that name a person made is never written over — the
 * history goes into a free name beside it instead.
 *
 * The input is the API's `UnitHistory` (src/api/history.ts) as far as the sheet reads it.
 */
import { cellAddress, columnLetter, type CellContent } from './cells';
import { COLORS } from './kpiPlan';
import { ownSheetLoss } from './ownSheet';
import type { WriteOp, WritePlan } from './plan';
import { applyChecked, type ApplyReport, type WorkbookPort } from './port';
import type { Locale } from '../domain';
import { STATUS_WORDS, type OverviewStatus } from './overviewSheet';

export interface HistorySheetInput {
  readonly unit: string;
  readonly points: readonly {
    readonly assessment: string;
    readonly fiscalYear: number | null;
    readonly round: number;
    readonly selfAssessedTotal: number | null;
    readonly officialTotal: number | null;
    readonly indicators: readonly {
      readonly indicator: string;
      readonly value: number | null;
      readonly score: number | null;
      readonly status: OverviewStatus | null;
    }[];
  }[];
}

export const HISTORY_MARK = 'scorebook/history@1';
export const HISTORY_CHART = 'ScorebookHistory';
export const HISTORY_HEADER_ROW = 4;

export const HISTORY_HEADERS = {
  fiscalYear: 'ปีงบประมาณ (Fiscal year)',
  round: 'รอบ (Round)',
  label: 'รอบที่รายงาน (Reported round)',
  selfTotal: 'คะแนนรวม ประเมินตนเอง (Self-assessed total)',
  officialTotal: 'คะแนนรวม ทางการ (Official total)',
  score: (id: string) => `คะแนน ${id} (Score)`,
  value: (id: string) => `ผล ${id} (Result)`,
  change: 'เปลี่ยนจากรอบก่อน (Change since last round)',
  status: (id: string) => `สถานะ ${id} (Status)`,
} as const;

/** "ประวัติ 1001", cut to Excel's 31 characters and without the characters a sheet name cannot hold. */
export function historySheetName(unit: string): string {
  return `ประวัติ ${unit}`.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}

export function historySheetPlan(
  history: HistorySheetInput,
  indicatorId: string,
  locale: Locale,
  options: { readonly sheet?: string; readonly decimals?: number; readonly indicatorName?: string } = {},
): WritePlan {
  const sheet = options.sheet ?? historySheetName(history.unit);
  const decimals = options.decimals ?? 2;
  const totals = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  const h = HISTORY_HEADER_ROW;
  const first = h + 1;
  const last = h + history.points.length;
  const indicatorWord = options.indicatorName ? `${indicatorId} ${options.indicatorName}` : indicatorId;
  const title =
    locale === 'th'
      ? `ประวัติของหน่วยงาน ${history.unit} · ตัวชี้วัด ${indicatorWord}`
      : `History of unit ${history.unit} · indicator ${indicatorWord}`;
  const mark =
    locale === 'th'
      ? `${HISTORY_MARK} · ชีตนี้สร้างโดย Scorebook จากเซิร์ฟเวอร์ เปิดอีกครั้งจากบานหน้าต่างเพื่อเขียนใหม่`
      : `${HISTORY_MARK} · Made by Scorebook from the server; opening it again from the pane rewrites it`;
  const header: CellContent[] = [
    HISTORY_HEADERS.fiscalYear,
    HISTORY_HEADERS.round,
    HISTORY_HEADERS.label,
    HISTORY_HEADERS.selfTotal,
    HISTORY_HEADERS.officialTotal,
    HISTORY_HEADERS.score(indicatorId),
    HISTORY_HEADERS.value(indicatorId),
    HISTORY_HEADERS.change,
    HISTORY_HEADERS.status(indicatorId),
  ];
  const width = header.length;
  const pad = (cells: CellContent[]): CellContent[] => [...cells, ...Array<CellContent>(width - cells.length).fill(null)];
  const rows = history.points.map((p, i): CellContent[] => {
    const cell = p.indicators.find((x) => x.indicator === indicatorId);
    const before = history.points[i - 1]?.selfAssessedTotal ?? null;
    const label = `${p.fiscalYear ?? p.assessment} · ${locale === 'th' ? `${p.round} เดือน` : `${p.round} months`}`;
    return [
      p.fiscalYear,
      p.round,
      label,
      p.selfAssessedTotal,
      p.officialTotal,
      cell?.score ?? null,
      cell?.value ?? null,
      before !== null && p.selfAssessedTotal !== null ? p.selfAssessedTotal - before : null,
      STATUS_WORDS[cell?.status ?? 'notStarted'][locale],
    ];
  });
  const L = columnLetter;
  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, ifExists: 'clear', tabColor: COLORS.header },
    { kind: 'cells', sheet, topLeft: 'A1', contents: [pad([title]), pad([mark]), pad([]), header, ...rows] },
  ];
  if (rows.length > 0) {
    ops.push(
      { kind: 'numberFormat', sheet, address: `D${first}:F${last}`, format: totals },
      { kind: 'numberFormat', sheet, address: `G${first}:G${last}`, format: '#,##0.00' },
      { kind: 'numberFormat', sheet, address: `H${first}:H${last}`, format: `+${totals};-${totals};${totals}` },
    );
  }
  ops.push(
    { kind: 'style', sheet, address: 'A1', bold: true, fontSize: 14 },
    { kind: 'style', sheet, address: 'A2', italic: true, fontColor: COLORS.unusedText },
    {
      kind: 'style',
      sheet,
      address: `A${h}:${L(width)}${h}`,
      bold: true,
      fill: COLORS.header,
      fontColor: COLORS.headerText,
      wrap: true,
      vertical: 'top',
    },
    { kind: 'columns', sheet, columns: 'A:B', width: 72 },
    { kind: 'columns', sheet, columns: 'C:C', width: 110 },
    { kind: 'columns', sheet, columns: `D:${L(width)}`, width: 96 },
    { kind: 'freeze', sheet, rows: h, columns: 0 },
    { kind: 'autoFilter', sheet, address: `A${h}:${L(width)}${Math.max(h, last)}` },
  );
  if (rows.length > 0) {
    ops.push({
      kind: 'chart',
      sheet,
      name: HISTORY_CHART,
      type: 'line',
      // The label column, both totals and the indicator's score: four adjacent columns, a series per column.
      source: `C${h}:F${last}`,
      seriesBy: 'columns',
      title: locale === 'th' ? `คะแนนรอบต่อรอบ · ${history.unit}` : `Round over round · ${history.unit}`,
      from: cellAddress(h, width + 2),
      to: cellAddress(h + 18, width + 10),
    });
  } else {
    ops.push({ kind: 'deleteChart', sheet, name: HISTORY_CHART });
  }
  ops.push(
    {
      kind: 'pageLayout',
      sheet,
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      titleRows: `${h}:${h}`,
      printArea: `A1:${L(width)}${Math.max(h, last)}`,
    },
    { kind: 'select', sheet, address: 'A1' },
  );
  return { title: `history sheet ${sheet}`, ops };
}

const historyHeaderRow = (values: readonly (readonly unknown[])[], topLeft: string): number | undefined => {
  const top = Number(/\d+/.exec(topLeft)?.[0] ?? 1);
  const i = values.findIndex((row) => row[0] === HISTORY_HEADERS.fiscalYear);
  return i < 0 ? undefined : top + i;
};

/**
 * The history sheet written (or rewritten in place, chart replaced) for the pane's history view. A sheet of that
 * name that the pane did not make, or whose cells right of the table a person typed, is left alone: the history
 * goes into "ประวัติ 1001 (2)" (the first free name) instead. Syncs: the guarded write's, whatever the rounds.
 */
export async function openHistorySheet(
  port: WorkbookPort,
  history: HistorySheetInput,
  indicatorId: string,
  locale: Locale,
  options: { readonly decimals?: number; readonly indicatorName?: string } = {},
): Promise<{ readonly sheet: string; readonly report: ApplyReport }> {
  const base = historySheetName(history.unit);
  for (let n = 1; n < 100; n++) {
    const sheet = n === 1 ? base : `${base.slice(0, 26)} (${n})`;
    const plan = historySheetPlan(history, indicatorId, locale, { ...options, sheet });
    const report = await applyChecked(port, plan, {
      read: { ranges: [{ sheet, optional: true }] },
      proceed: (read) => {
        const grid = read.ranges[0];
        return !grid || ownSheetLoss(plan, grid, HISTORY_MARK, historyHeaderRow) === undefined;
      },
    });
    if (report) return { sheet, report };
  }
  throw new Error(`no free sheet name beside ${base}`);
}

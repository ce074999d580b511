/**
 * "Open all units": every unit's rows of one round, as the server holds them, in ONE multi-unit sheet (the
 * central office's bulk view, multiUnitPlan.ts: one row block per unit, formatted like the single-unit sheet),
 * with each row's server status (ร่าง, ส่งแล้ว รออนุมัติ, อนุมัติแล้ว, ส่งคืนให้แก้ไข: comment) in the status
 * column beside it, returned rows filled orange as in the single-unit sheet. Pure: one plan, whatever the number of
 * units, so the port writes it in a fixed number of syncs, cut below Excel's request limit by bytes.
 *
 * The sheet is a view for reading and checking: it has no server link (a submit goes from a unit's own sheet).
 */
import type { ReportRow, UnitReports } from '../../api';
import { isGroup, type Assessment, type Locale, type Unit } from '../../domain';
import { resultInputs, type SheetInputs } from '../../workbook';
import type { BindingRecord } from '../../workbook/binding';
import { cellAddress, columnLetter, type CellContent } from '../../workbook/cells';
import { multiUnitPlan, type MultiUnitLayout } from '../../workbook/multiUnitPlan';
import type { WriteOp, WritePlan } from '../../workbook/plan';
import { SERVER_STRINGS } from '../serverStrings';
import { RETURNED_FILL } from './returnedMarks';
import { inputsWithTexts } from './serverSheet';
import { STATUS_HEADER } from './statusColumn';

/** Points, as the single-unit sheet's status column. */
const STATUS_WIDTH = 160;

export interface AllUnitsInput {
  readonly assessment: Assessment;
  /** The assessment document as the server sent it (the binding record keeps it). */
  readonly document: unknown;
  readonly round: number;
  /** The server's answer: each unit with its rows. */
  readonly units: readonly UnitReports[];
  readonly locale: Locale;
  readonly sheet?: string;
  readonly table?: string;
}

export interface AllUnitsSheet {
  readonly plan: WritePlan;
  readonly layout: MultiUnitLayout;
  readonly binding?: BindingRecord;
  /** Rows the server holds, over all units. */
  readonly stored: number;
  /** How many of those rows are in each status. */
  readonly statuses: Readonly<Record<ReportRow['status'], number>>;
}

/** Words for a row the server holds nothing for. */
export const NOT_REPORTED: Readonly<Record<Locale, string>> = { th: 'ยังไม่มีรายงาน', en: 'no report yet' };

export function allUnitsSheet(input: AllUnitsInput): AllUnitsSheet {
  const { assessment, locale } = input;
  // The assessment's units (names, order) that the server answered for; a unit it does not know is left out.
  const answered = new Map(input.units.map((u) => [u.unit, u.reports]));
  const units: Unit[] = assessment.units.filter((u) => answered.has(u.id));
  const inputs = new Map<string, SheetInputs>();
  const statuses: Record<ReportRow['status'], number> = { draft: 0, submitted: 0, approved: 0, returned: 0 };
  let stored = 0;
  for (const unit of units) {
    const reports = answered.get(unit.id) ?? [];
    const results = Object.fromEntries(reports.map((r) => [r.indicatorId, r.value]));
    inputs.set(unit.id, inputsWithTexts(resultInputs(assessment, { results, round: input.round }), reports));
    for (const r of reports) statuses[r.status]++;
    stored += reports.length;
  }
  const built = multiUnitPlan({
    assessment,
    units,
    inputs,
    document: input.document,
    ...(input.sheet ? { sheet: input.sheet, table: input.table } : {}),
  });
  const ops = statusOps(built.layout, answered, locale);
  // The status column goes in before the final select, so the sheet opens at its first row as before.
  const select = built.plan.ops.findIndex((o) => o.kind === 'select');
  const all = select >= 0 ? [...built.plan.ops.slice(0, select), ...ops, ...built.plan.ops.slice(select)] : [...built.plan.ops, ...ops];
  return {
    plan: { title: `open every unit's rows in ${built.layout.kpi.sheet}`, ops: all },
    layout: built.layout,
    ...(built.binding ? { binding: built.binding } : {}),
    stored,
    statuses,
  };
}

/**
 * The status column right of the sheet's columns: one cells op for the whole column (each unit's block in turn),
 * its width and wrapping, and an orange fill on returned rows' status cells.
 */
function statusOps(m: MultiUnitLayout, answered: ReadonlyMap<string, readonly ReportRow[]>, locale: Locale): WriteOp[] {
  const { kpi } = m;
  const sheet = kpi.sheet;
  const column = m.width + 1;
  const s = SERVER_STRINGS[locale];
  const contents: CellContent[][] = [[STATUS_HEADER]];
  const returned: number[] = [];
  m.units.forEach((unit, u) => {
    const byId = new Map((answered.get(unit.id) ?? []).map((r) => [r.indicatorId, r]));
    kpi.rows.forEach((row, r) => {
      if (isGroup(row.indicator)) {
        contents.push([null]);
        return;
      }
      const report = byId.get(row.indicator.id);
      contents.push([report ? s.statusOf(report.status, report.comment) : NOT_REPORTED[locale]]);
      if (report?.status === 'returned') returned.push(kpi.firstDataRow + u * m.blockRows + r);
    });
  });
  const letter = columnLetter(column);
  const last = kpi.headerRow + contents.length - 1;
  return [
    { kind: 'cells', sheet, topLeft: cellAddress(kpi.headerRow, column), contents },
    { kind: 'columns', sheet, columns: `${letter}:${letter}`, width: STATUS_WIDTH },
    { kind: 'style', sheet, address: `${letter}${kpi.headerRow}:${letter}${last}`, wrap: true, vertical: 'top' },
    ...returnedSpans(returned).map(([a, b]): WriteOp => ({
      kind: 'style',
      sheet,
      address: `${letter}${a}:${letter}${b}`,
      fill: RETURNED_FILL,
    })),
  ];
}

/** Consecutive rows as one span each, so a block of returned rows is one style op. */
function returnedSpans(rows: readonly number[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const row of rows) {
    const last = spans[spans.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else spans.push([row, row]);
  }
  return spans;
}

/**
 * A linked sheet laid out again for new definitions of its assessment (the central office published a change),
 * keeping what the person has in it: every result, step, variable, explanation, obstacle and remark typed, put back
 * on its indicator's new row (matched by id, so added and removed rows move nothing onto the wrong indicator); the
 * server link as it is (rows last confirmed, pending batches), so an unsent change is still unsent after; the
 * person's own columns (what-if, their notes, the status column) moved with their rows. What the new definitions
 * have no cell for — an indicator removed, or of another kind now, or steps beyond the new count — is never
 * dropped: it goes to a sheet of its own ("ค่าที่เก็บไว้"), one row per value, and the pane says which. Pure.
 */
import { indicatorKey, indicatorsByKey, isGroup, isStepKind, type Assessment, type Indicator } from '../../domain';
import {
  cellAddress,
  isCellError,
  parseAddress,
  type BindingRecord,
  type CellContent,
  type CellValue,
  type RowInputs,
  type SheetReading,
} from '../../workbook';
import { kpiSheetPlan } from '../../workbook/kpiPlan';
import { kpiLayout } from '../../workbook/layout';
import type { WriteOp, WritePlan } from '../../workbook/plan';
import type { RangeGrid } from '../../workbook/port';
import type { Message } from '../../domain';
import { DEFINITIONS_STRINGS } from '../definitionsStrings';
import type { LoadedAssessment } from './loadAssessment';
import { typedInputs } from './replaceCheck';
import type { ServerLink } from './serverLink';

/** One typed value the new layout has no cell for. */
export interface KeptAside {
  readonly id: string;
  readonly name: string;
  /** The input it was typed in: result, numerator, step 2, explanation … */
  readonly field: string;
  readonly value: CellValue;
  readonly why: 'removed' | 'kind';
}

export interface Relayout {
  readonly plan: WritePlan;
  readonly binding: BindingRecord;
  /** Indicators whose typed inputs are in the new sheet. */
  readonly kept: number;
  /** Values the new layout has no cell for, written to `asideSheet` by the same plan. */
  readonly aside: readonly KeptAside[];
  /** Indicators put aside that had changes not sent (they can no longer be sent). */
  readonly unsentAside: readonly string[];
}

export interface RelayoutInput {
  /** The bound sheet as read now (linkedSheet.ts readSheet). */
  readonly record: BindingRecord;
  readonly link: ServerLink;
  readonly assessment: Assessment;
  readonly grid: RangeGrid;
  readonly reading: SheetReading;
  /** The new definitions. */
  readonly next: LoadedAssessment;
  /** Central staff: central results stay unlocked. */
  readonly central: boolean;
  /** Where the values without a cell go (a sheet not in the workbook yet). */
  readonly asideSheet: string;
  /** Indicators with changes not sent (changedRows of the sheet as read). */
  readonly unsent: ReadonlySet<string>;
}

/** The input fields of a row, in the order a person reads them. */
const FIELDS = ['result', 'numerator', 'denominator', 'steps', 'explanation', 'obstacles', 'note'] as const;
const TEXT_FIELDS = new Set<string>(['explanation', 'obstacles', 'note']);

const typed = (v: CellValue | undefined): boolean => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');

/**
 * An error value read from a cell (#N/A pasted or typed) as its text: written back as text it reads as the same
 * result (readGrid reads both alike), so the row is not "changed" by the update, and nothing typed is lost.
 */
function asTyped(inputs: RowInputs): RowInputs {
  const v = (x: CellValue | undefined): CellValue | undefined => (x !== undefined && isCellError(x) ? x.error : x);
  return {
    ...inputs,
    ...(inputs.result !== undefined ? { result: v(inputs.result) } : {}),
    ...(inputs.numerator !== undefined ? { numerator: v(inputs.numerator) } : {}),
    ...(inputs.denominator !== undefined ? { denominator: v(inputs.denominator) } : {}),
    ...(inputs.steps !== undefined ? { steps: inputs.steps.map((s) => v(s) ?? null) } : {}),
  };
}

/** The values of `inputs` the new indicator has cells for, and the rest. */
function fit(before: Indicator, after: Indicator | undefined, inputs: RowInputs): { keep?: RowInputs; aside: [string, CellValue][] } {
  const entries: [string, CellValue][] = [];
  for (const f of FIELDS) {
    const v = inputs[f];
    if (f === 'steps') (v as readonly CellValue[] | undefined)?.forEach((s, i) => typed(s) && entries.push([`step ${i + 1}`, s]));
    else if (typed(v as CellValue)) entries.push([f, v as CellValue]);
  }
  if (!after || isGroup(after)) return { aside: entries };
  if (isGroup(before) || before.kind !== after.kind) {
    // The texts have a column on every row; the result cells of another kind do not.
    const keep: RowInputs = { explanation: inputs.explanation, obstacles: inputs.obstacles, note: inputs.note };
    return { keep, aside: entries.filter(([f]) => !TEXT_FIELDS.has(f)) };
  }
  if (isStepKind(after.kind) && inputs.steps && inputs.steps.length > after.steps.length) {
    const extra = inputs.steps.slice(after.steps.length);
    return {
      keep: { ...inputs, steps: inputs.steps.slice(0, after.steps.length) },
      aside: extra.flatMap((s, i) => (typed(s) ? [[`step ${after.steps.length + i + 1}`, s] as [string, CellValue]] : [])),
    };
  }
  return { keep: inputs, aside: [] };
}

export function relayoutSheet(input: RelayoutInput): Relayout {
  const { record, link, assessment, grid, reading, next } = input;
  const oldById = indicatorsByKey(assessment);
  const newById = indicatorsByKey(next.assessment);
  const mine = new Map([...typedInputs(assessment, grid, reading)].map(([id, i]) => [id, asTyped(i)]));
  const inputs = new Map<string, RowInputs>();
  const aside: KeptAside[] = [];
  for (const [id, typedHere] of mine) {
    const before = oldById.get(indicatorKey(id))!;
    const after = newById.get(indicatorKey(id));
    const { keep, aside: rest } = fit(before, after, typedHere);
    if (keep && after) inputs.set(after.id, keep);
    const why = after && !isGroup(after) ? 'kind' : 'removed';
    for (const [field, value] of rest) aside.push({ id, name: before.name, field, value, why });
  }
  const approved = new Set(
    Object.entries(link.rows)
      .filter(([, row]) => row?.status === 'approved')
      .map(([id]) => id),
  );
  const built = kpiSheetPlan({
    assessment: next.assessment,
    document: next.document,
    inputs,
    server: link,
    layout: { sheet: record.sheet, table: record.table },
    settingsSheet: record.settingsSheet || undefined,
    round: link.target?.round,
    locks: { central: input.central, approved },
  });
  // The template's headers as the sheet was made (a linked sheet is always one the pane laid out): any other
  // column with a header is the person's (what-if inserted beside the results, their notes, the status column).
  const template = new Set(kpiLayout(assessment, { sheet: record.sheet, table: record.table }).columns.map((c) => c.header.trim()));
  const ops: WriteOp[] = [...built.plan.ops, ...ownColumnsByRow(grid, reading, template, built.layout.columns.length, built.layout.rows)];
  if (aside.length > 0) ops.push(...asideOps(input.asideSheet, aside));
  const asideIds = new Set(aside.map((a) => a.id));
  return {
    plan: { ...built.plan, ops },
    binding: built.binding,
    kept: [...inputs.keys()].length,
    aside,
    unsentAside: [...input.unsent].filter((id) => asideIds.has(id)),
  };
}

/**
 * The person's own columns (right of the template's) written back on the new rows of their indicators, one op per
 * column: a what-if value or a note stays beside the indicator it was about, wherever its row is now.
 */
function ownColumnsByRow(
  grid: RangeGrid,
  reading: SheetReading,
  template: ReadonlySet<string>,
  newWidth: number,
  rows: readonly { indicator: Indicator; row: number }[],
): WriteOp[] {
  const origin = parseAddress(grid.topLeft);
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const headerIndex = reading.headerRow - origin.row;
  const header = grid.values[headerIndex] ?? [];
  const oldRow = new Map([...reading.cells.values()].map((c) => [indicatorKey(c.id), c.row]));
  const lastRow = Math.max(reading.headerRow, ...rows.map((r) => r.row));
  const ops: WriteOp[] = [];
  let placed = newWidth;
  for (let c = 0; c < width; c++) {
    const h = header[c];
    const mine = typeof h === 'string' && h.trim() !== '' && !template.has(h.trim());
    if (!mine) continue;
    const at = (row: number): CellValue => (grid.formulas?.[row - origin.row]?.[c] ? null : (grid.values[row - origin.row]?.[c] ?? null));
    const cells: CellContent[][] = Array.from({ length: lastRow - reading.headerRow + 1 }, () => [null]);
    cells[0] = [h ?? null];
    for (const r of rows) {
      const from = oldRow.get(indicatorKey(r.indicator.id));
      if (from !== undefined) cells[r.row - reading.headerRow] = [at(from)];
    }
    // To the right of the new template's columns, in the order they stood.
    placed++;
    const top = cellAddress(reading.headerRow, placed);
    ops.push({ kind: 'cells', sheet: grid.sheet, topLeft: top, contents: cells });
    ops.push({ kind: 'lock', sheet: grid.sheet, address: `${top}:${cellAddress(lastRow, placed)}`, locked: false });
  }
  return ops;
}

/** The values without a cell, as a small table of their own (headers in Thai and English). */
function asideOps(sheet: string, aside: readonly KeptAside[]): WriteOp[] {
  const th = DEFINITIONS_STRINGS.th;
  const en = DEFINITIONS_STRINGS.en;
  const header = th.asideHeaders.map((h, i) => `${h} (${en.asideHeaders[i]})`);
  const why = (w: KeptAside['why']): string =>
    w === 'removed' ? `${th.asideRemoved} (${en.asideRemoved})` : `${th.asideKind} (${en.asideKind})`;
  const rows: CellContent[][] = [header, ...aside.map((a) => [a.id, a.name, a.field, a.value, why(a.why)])];
  return [
    { kind: 'sheet', sheet, ifExists: 'keep' },
    { kind: 'numberFormat', sheet, address: `A1:A${rows.length}`, format: '@' },
    { kind: 'cells', sheet, topLeft: 'A1', contents: rows },
    { kind: 'style', sheet, address: 'A1:E1', bold: true },
    { kind: 'columns', sheet, columns: 'A:A', width: 60 },
    { kind: 'columns', sheet, columns: 'B:B', width: 260 },
    { kind: 'columns', sheet, columns: 'C:E', width: 140 },
  ];
}

/** What the update says, in both languages. */
export function relayoutMessage(sheet: string, r: Pick<Relayout, 'kept' | 'aside' | 'unsentAside'>, asideSheet: string): Message {
  const ids = [...new Set(r.aside.map((a) => a.id))];
  const say = (l: 'th' | 'en'): string =>
    [
      DEFINITIONS_STRINGS[l].updated(sheet, r.kept),
      ids.length > 0 ? DEFINITIONS_STRINGS[l].keptAside(asideSheet, ids) : undefined,
      r.unsentAside.length > 0 ? DEFINITIONS_STRINGS[l].unsentAside(r.unsentAside) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
  return { th: say('th'), en: say('en') };
}

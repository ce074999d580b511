/**
 * "Take theirs" for a conflicting row: the server's value written into the row's input cells (the same cells the
 * reader reads, found by indicator id, so a sorted sheet is written correctly), as the template writes values,
 * and the server's explanation, obstacles and remarks into their columns (คำชี้แจงการปฏิบัติงาน, อุปสรรค,
 * หมายเหตุ) where the sheet has them, so the row matches the server and is not "changed" afterwards.
 */
import { allIndicators, isGroup, isStepKind, type Assessment, type RawResult } from '../../domain';
import {
  cellAddress,
  parseAddress,
  resultInputs,
  ROW_TEXT_FIELDS,
  ROW_TEXT_ROLES,
  type CellContent,
  type SheetReading,
} from '../../workbook';
import type { WritePlan } from '../../workbook/plan';
import type { RowTexts } from '../../workbook/rowTexts';

/** "KPI!F7" or "'แผน 1'!F7" → F7. */
const local = (address: string): string => address.slice(address.lastIndexOf('!') + 1);

/**
 * `texts`: the server's texts; a field left undefined (an answer that did not carry it) leaves that cell as it
 * is. `reading.columns` (needed only for texts) counts from the read grid's `topLeft`.
 */
export function theirsPlan(
  assessment: Assessment,
  reading: Pick<SheetReading, 'cells'> & Partial<Pick<SheetReading, 'columns'>>,
  sheet: string,
  indicatorId: string,
  value: RawResult,
  texts: RowTexts = {},
  topLeft = 'A1',
): WritePlan | undefined {
  const indicator = allIndicators(assessment).find((i) => i.id === indicatorId);
  const cells = reading.cells.get(indicatorId);
  if (!indicator || isGroup(indicator) || !cells) return undefined;
  const inputs = resultInputs(assessment, { results: { [indicatorId]: value } }).get(indicatorId) ?? {};
  const writes: [string | undefined, CellContent][] = [];
  if (indicator.kind === 'quantitative') writes.push([cells.result, inputs.result ?? null]);
  if (indicator.kind === 'ratio') {
    const [num, den] = indicator.variables;
    writes.push(
      [num && cells.variables.get(num.id), inputs.numerator ?? null],
      [den && cells.variables.get(den.id), inputs.denominator ?? null],
    );
  }
  if (isStepKind(indicator.kind)) cells.steps.forEach((address, k) => writes.push([address, inputs.steps?.[k] ?? null]));
  const origin = parseAddress(topLeft);
  for (const field of ROW_TEXT_FIELDS) {
    const text = texts[field];
    const column = reading.columns?.get(ROW_TEXT_ROLES[field]);
    if (text !== undefined && column !== undefined) writes.push([cellAddress(cells.row, origin.column + column), text]);
  }
  const ops = writes
    .filter((w): w is [string, CellContent] => w[0] !== undefined)
    .map(([address, content]) => ({ kind: 'cells' as const, sheet, topLeft: local(address), contents: [[content]] }));
  return ops.length > 0 ? { title: `take the server's row of indicator ${indicatorId}`, ops } : undefined;
}

/**
 * "Take theirs" for a conflicting row: the server's value written into the row's input cells (the same cells the
 * reader reads, found by indicator id, so a sorted sheet is written correctly), as the template writes values.
 */
import { allIndicators, isGroup, type Assessment, type RawResult } from '../../domain';
import { resultInputs, type CellContent, type SheetReading } from '../../workbook';
import type { WritePlan } from '../../workbook/plan';

/** "KPI!F7" or "'แผน 1'!F7" → F7. */
const local = (address: string): string => address.slice(address.lastIndexOf('!') + 1);

export function theirsPlan(assessment: Assessment, reading: Pick<SheetReading, 'cells'>, sheet: string, indicatorId: string, value: RawResult): WritePlan | undefined {
  const indicator = allIndicators(assessment).find((i) => i.id === indicatorId);
  const cells = reading.cells.get(indicatorId);
  if (!indicator || isGroup(indicator) || !cells) return undefined;
  const inputs = resultInputs(assessment, { results: { [indicatorId]: value } }).get(indicatorId) ?? {};
  const writes: [string | undefined, CellContent][] = [];
  if (indicator.kind === 'quantitative') writes.push([cells.result, inputs.result ?? null]);
  if (indicator.kind === 'ratio') {
    const [num, den] = indicator.variables;
    writes.push([num && cells.variables.get(num.id), inputs.numerator ?? null], [den && cells.variables.get(den.id), inputs.denominator ?? null]);
  }
  if (indicator.kind === 'milestone' || indicator.kind === 'binary') cells.steps.forEach((address, k) => writes.push([address, inputs.steps?.[k] ?? null]));
  const ops = writes
    .filter((w): w is [string, CellContent] => w[0] !== undefined)
    .map(([address, content]) => ({ kind: 'cells' as const, sheet, topLeft: local(address), contents: [[content]] }));
  return ops.length > 0 ? { title: `take the server's value of indicator ${indicatorId}`, ops } : undefined;
}

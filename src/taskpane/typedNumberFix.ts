/**
 * The one-click fix for numbers typed as text ("๘๕", "1,234.5", "85%" on a ร้อยละ indicator): the bound sheet read
 * as it is now, each such cell set to the number the domain reads, and the cells changed given back so the pane
 * can say which. A read (2 syncs in Excel) and one apply (2).
 */
import type { Session } from './model/session';
import { readKpiGrid } from '../workbook';
import type { WorkbookPort } from '../workbook/port';
import { typedNumbers, typedNumbersPlan, type TypedNumber } from '../workbook/typedNumbers';

export async function fixTypedNumbers(port: WorkbookPort, session: Session): Promise<readonly TypedNumber[]> {
  const sheet = session.binding.sheet;
  const grid = (await port.read({ ranges: [{ sheet }] })).ranges[0];
  if (!grid) return [];
  const reading = readKpiGrid(session.loaded.assessment, grid, { headers: session.binding.columns });
  if (!reading.ok) return [];
  const fixes = typedNumbers(session.loaded.assessment, grid, reading.value);
  if (fixes.length > 0) await port.apply(typedNumbersPlan(sheet, fixes));
  return fixes;
}

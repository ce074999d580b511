import type { WorkbookPort } from '../../workbook/port';

/**
 * A sheet name not in use (or an empty sheet): "KPI (2)", "KPI (3)", … One read per name tried; a workbook rarely
 * has more than one or two of them. Apart from the replace guard's hook, so that the model and its tests can use it
 * without loading Fluent UI.
 */
export async function freeSheetName(port: WorkbookPort, base: string): Promise<string> {
  for (let n = 2; n < 100; n++) {
    const name = `${base} (${n})`;
    const read = await port.read({ ranges: [{ sheet: name, optional: true, dimensionsOnly: true }] });
    if (!read.ranges[0]) return name;
  }
  return `${base} (${Date.now()})`;
}

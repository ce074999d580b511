/**
 * The definitions sheet through the workbook port, as the pane will write and read it: the plan carried out by the
 * browser preview's port (HyperFormula underneath), both sheets read back in one read, the same document again.
 */
import { assessmentDocumentSchema } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { DEFINITIONS_SETTINGS_SHEET, DEFINITIONS_SHEET, definitionsSheetPlan, readDefinitionsSheet } from '../../src/workbook';
import { sample } from './samples';

for (const name of ['pte-2567', 'otop-2567', 'krs-2567']) {
  test(`${name}: written by the port, read back by one read, the same document`, async () => {
    const document = assessmentDocumentSchema.parse(sample(name).document);
    const wb = new PreviewWorkbook();
    await wb.apply(definitionsSheetPlan(document, 'th'));
    expect(wb.visibleSheets()).toEqual(expect.arrayContaining([DEFINITIONS_SHEET.th, DEFINITIONS_SETTINGS_SHEET.th]));
    // The summary's total weight counts top-level indicators only (a sub-indicator's weight is its parent's share).
    expect(wb.value(DEFINITIONS_SHEET.th, 2, 5)).toBe(name === 'otop-2567' ? 30 : 100);
    const read = await wb.read({
      ranges: [{ sheet: DEFINITIONS_SHEET.th, numberFormats: true }, { sheet: DEFINITIONS_SETTINGS_SHEET.th }],
    });
    const [grid, settings] = read.ranges;
    if (!grid || !settings) throw new Error('nothing read');
    const reading = readDefinitionsSheet(grid, { settings });
    expect(reading.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(reading.document).toEqual(document);
  });
}

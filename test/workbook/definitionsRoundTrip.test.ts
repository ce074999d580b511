/**
 * The definitions sheet round trip, without Excel: each sample's document → the sheets' cells → the document
 * again, field for field, and scored the same.
 */
import { assessmentDocumentSchema, readAssessment, scoreAssessment, type AssessmentDocument } from '../../src/domain';
import { definitionsSheetCells, isFormula, readDefinitionsSheet, type CellContent, type CellValue, type Grid } from '../../src/workbook';
import { sample } from './samples';

const SAMPLES = ['pte-2567', 'otop-2567', 'krs-2567'];

/** What a sheet holds once written: formulas read as their (uncomputed) blank. */
function grid(sheet: string, rows: readonly (readonly CellContent[])[]): Grid {
  return { sheet, topLeft: 'A1', values: rows.map((r) => r.map((c): CellValue => (isFormula(c) ? null : c))) };
}

function roundTrip(document: AssessmentDocument, locale: 'th' | 'en' = 'th') {
  const cells = definitionsSheetCells(document, locale);
  return readDefinitionsSheet(grid(cells.sheet, cells.rows), { settings: grid(cells.settingsSheet, cells.settingsRows) });
}

describe('definitions sheet round trip', () => {
  for (const name of SAMPLES) {
    for (const locale of ['th', 'en'] as const) {
      test(`${name} (${locale} headers): export then import gives the same document`, () => {
        const document = assessmentDocumentSchema.parse(sample(name).document);
        const read = roundTrip(document, locale);
        expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(read.document).toEqual(document);
      });
    }

    test(`${name}: import∘export∘import is the identity`, () => {
      const first = roundTrip(assessmentDocumentSchema.parse(sample(name).document)).document as AssessmentDocument;
      const second = roundTrip(first).document;
      expect(second).toEqual(first);
    });

    test(`${name}: the imported assessment scores as the original`, () => {
      const { assessment, results } = sample(name);
      const read = roundTrip(assessmentDocumentSchema.parse(sample(name).document));
      const again = readAssessment(read.document);
      if (!again.ok) throw new Error('does not read');
      expect(scoreAssessment(again.value, results)).toEqual(scoreAssessment(assessment, results));
    });
  }
});

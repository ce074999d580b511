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

test('every field of the format has a cell: a document using all of them comes back as it was', () => {
  const document = assessmentDocumentSchema.parse({
    format: 'scorebook/assessment@1',
    id: 'all-fields.2568',
    title: 'ทุกฟิลด์ / every field',
    fiscalYear: 2568,
    scale: {
      levels: [
        { name: 'ผ่าน', nameEn: 'Pass', score: 60 },
        { name: 'ดี', score: 80 },
        { name: 'ดีมาก', nameEn: 'Very good', score: 100 },
      ],
    },
    policies: {
      floor: 0,
      notReported: 'exclude',
      mode: 'step',
      decimals: 3,
      latePenaltyPerWorkingDay: 0.5,
      holidays: ['2025-04-14', '2025-04-15'],
      officialStatuses: ['approved', 'submitted'],
      latePenaltyRounds: 'all',
    },
    components: [
      {
        id: 'c1',
        name: 'มิติที่ 1',
        nameEn: 'Dimension 1',
        weight: 60,
        groups: [
          { id: 'g1', name: 'กลุ่ม 1', nameEn: 'Group 1' },
          { id: 'g2', name: 'กลุ่ม 2' },
        ],
      },
      { id: 'c2', name: 'มิติที่ 2' },
    ],
    indicators: [
      {
        id: 'A',
        name: 'อัตราส่วน',
        nameEn: 'A ratio',
        unit: 'ร้อยละ',
        weight: 30,
        component: 'c1',
        group: 'g1',
        kind: 'ratio',
        direction: 'higher',
        targets: [60, 70, 80],
        floorTarget: 40,
        multiplier: 100,
        variables: [
          { id: 'passed', name: 'ผ่านเกณฑ์\nทุกด้าน', unit: 'คน', central: false },
          { id: 'den', name: 'ทั้งหมด', central: true },
        ],
        rounds: [6, 12],
        centralResult: false,
        owner: 'กอง ก',
        description: 'บรรทัดแรก\nบรรทัดที่สอง',
      },
      {
        id: 'B',
        name: 'ขั้นตอนที่มีเลขนำ',
        weight: 30,
        component: 'c1',
        group: 'g2',
        kind: 'milestone',
        steps: ['1. ตั้งคณะทำงาน', '2. ทำแผน', '3. รายงาน'],
        targets: [1, 2, 3],
      },
      {
        id: 'C',
        name: 'ตัวชี้วัดหลัก',
        weight: 40,
        component: 'c2',
        centralResult: true,
        rounds: [12],
        children: [
          { id: 'C.1', name: 'ย่อย 1', weight: 1, kind: 'binary', steps: ['ส่งรายงาน'] },
          {
            id: 'C.2',
            name: 'ย่อย 2',
            weight: 3,
            inputs: { baseline: 100, growth: 0.05 },
            targets: ['baseline', '(T1 + T3) / 2', 'ROUND(baseline * (1 + growth), 2)'],
          },
        ],
      },
    ],
    units: [{ id: 'u1', name: 'หน่วย 1' }],
    rounds: [
      { round: 6, opensAt: '2025-03-25T00:00:00+07:00', closesAt: '2025-04-11T23:59:59+07:00', allowLate: false },
      { round: 12, opensAt: '2025-10-01', closesAt: '2025-10-31', allowLate: true },
    ],
  });
  expect(readAssessment(document).ok).toBe(true);
  for (const locale of ['th', 'en'] as const) {
    const read = roundTrip(document, locale);
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(read.document).toEqual(document);
  }
});

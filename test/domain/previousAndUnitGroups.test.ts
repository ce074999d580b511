/**
 * Two optional fields of the assessment format: `previous` (the earlier fiscal year's assessment, for history) and
 * unit groups (`unitGroups`, a unit's `group`, for the overview's headings). A file without them reads as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAssessment, scoreAssessment } from '../../src/domain';
import { doc, mustRead, quantitative } from './fixtures';

const SAMPLES = join(__dirname, '../../assets/samples');

describe('previous and unit groups', () => {
  test('a document naming its previous assessment and grouping its units reads them into the model', () => {
    const a = mustRead(
      doc({
        id: 'pte-2567',
        previous: 'pte-2566',
        indicators: [quantitative('1', 100, [1, 2, 3])],
        unitGroups: [{ id: 'central-1', name: 'กลุ่มจังหวัดภาคกลางตอนบน 1' }],
        units: [
          { id: 'pte', name: 'ปทุมธานี', group: 'central-1' },
          { id: 'cbi', name: 'ชลบุรี' },
        ],
      }),
    );
    expect(a.previous).toBe('pte-2566');
    expect(a.unitGroups).toEqual([{ id: 'central-1', name: 'กลุ่มจังหวัดภาคกลางตอนบน 1' }]);
    expect(a.units).toEqual([
      { id: 'pte', name: 'ปทุมธานี', group: 'central-1' },
      { id: 'cbi', name: 'ชลบุรี' },
    ]);
  });

  test('every sample reads and scores as before: no previous, no groups', () => {
    for (const name of ['pte-2567', 'krs-2567', 'otop-2567']) {
      const json = JSON.parse(readFileSync(join(SAMPLES, `${name}.assessment.json`), 'utf8')) as Parameters<typeof mustRead>[0];
      const a = mustRead(json);
      expect(a.previous).toBeUndefined();
      expect(a.unitGroups).toBeUndefined();
      const withPrevious = mustRead({ ...json, previous: 'older' });
      expect(scoreAssessment(withPrevious, { results: {} }).total).toBe(scoreAssessment(a, { results: {} }).total);
    }
  });

  test('a unit naming a group not listed, a group listed twice and an assessment following itself are errors at their paths', () => {
    const read = readAssessment(
      doc({
        id: 'x-2567',
        previous: 'x-2567',
        indicators: [quantitative('1', 100, [1, 2, 3])],
        unitGroups: [
          { id: 'g', name: 'ก' },
          { id: 'g', name: 'ข' },
        ],
        units: [{ id: 'u', name: 'หน่วย', group: 'nope' }],
      }),
    );
    expect(read.ok).toBe(false);
    const found = read.issues.filter((i) => i.severity === 'error');
    expect(found.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-unit-group-id', 'unitGroups[1].id'],
      ['unknown-unit-group', 'units[0].group'],
      ['previous-is-self', 'previous'],
    ]);
    for (const i of found) expect(i.message.th).toMatch(/[ก-๙]/);
  });

  test('previous must be an assessment id', () => {
    const read = readAssessment(doc({ previous: 'pte 2566', indicators: [quantitative('1', 100, [1, 2, 3])] }));
    expect(read.ok).toBe(false);
    expect(read.issues.map((i) => i.path)).toContain('previous');
  });
});

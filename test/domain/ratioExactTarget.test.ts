/**
 * A ratio that equals a target exactly reaches it. 29 of 100 schools is 29 % and must reach a 29 % target:
 * (29 / 100) × 100 is 28.999999999999996 in floating point, (29 × 100) / 100 is exactly 29.
 */
import { readAssessment, readResultValue, scoreAssessment, type Assessment, type LeafIndicator } from '../../src/domain';

function ratioAssessment(): Assessment {
  const read = readAssessment({
    format: 'scorebook/assessment@1',
    id: 'ratio-exact',
    title: 'ratio',
    fiscalYear: 2567,
    scale: 'five-level',
    policies: { mode: 'step' },
    indicators: [
      {
        id: '1',
        name: 'ร้อยละของโรงเรียน',
        weight: 100,
        kind: 'ratio',
        multiplier: 100,
        targets: [29, 30, 31, 32, 33],
        variables: [
          { id: 'num', name: 'โรงเรียนที่ผ่าน' },
          { id: 'den', name: 'โรงเรียนทั้งหมด' },
        ],
      },
    ],
  });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

test('a ratio equal to the first target reaches level 1 (29 of 100 with target 29 %)', () => {
  const assessment = ratioAssessment();
  const value = readResultValue(assessment.indicators[0] as LeafIndicator, { num: 29, den: 100 });
  expect(value).toMatchObject({ status: 'value', value: 29 });
  expect(scoreAssessment(assessment, { results: { '1': { num: 29, den: 100 } } }).totalBeforePenalty).toBe(1);
});

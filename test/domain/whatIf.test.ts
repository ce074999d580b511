/** What-if for planners: "what result on indicator 4 lifts our total to 90?", "where does one more point come cheapest?" */
import { improvementGains, requiredResult, scoreAssessment } from '../../src/domain';
import { doc, mustRead, quantitative } from './fixtures';

const otop = mustRead(
  doc({
    indicators: [
      quantitative('5', 50, [2874.79, 3018.1, 3161.41], { unit: 'ล้านบาท' }),
      quantitative('7', 30, [30, 28, 26]),
      { id: '3', name: 'ขั้นตอน', weight: 20, kind: 'milestone', steps: ['ก', 'ข', 'ค'] },
    ],
  }),
);
const results = { '5': 3050, '7': 29, '3': [true, false, false] };

describe('requiredResult', () => {
  test('the result an indicator needs for a given indicator score', () => {
    const answer = requiredResult(otop, { results }, '5', { indicatorScore: 90 });
    expect(answer).toMatchObject({ kind: 'value', score: expect.closeTo(90, 9) });
    if (answer.kind === 'value') expect(answer.value).toBeCloseTo(3018.1 + (15 / 25) * 143.31, 9);
  });

  test('lower-is-better: PM2.5 must fall to 27 to score 87.5', () => {
    const answer = requiredResult(otop, { results }, '7', { indicatorScore: 87.5 });
    expect(answer).toMatchObject({ kind: 'value', value: expect.closeTo(27, 9) });
  });

  test('the result needed for a total, everything else fixed', () => {
    const before = scoreAssessment(otop, { results }).total as number;
    const answer = requiredResult(otop, { results }, '5', { total: before + 5 });
    expect(answer.kind).toBe('value');
    if (answer.kind !== 'value') return;
    const after = scoreAssessment(otop, { results: { ...results, '5': answer.value } }).total as number;
    expect(after).toBeCloseTo(before + 5, 9);
  });

  test('milestones move in whole steps', () => {
    const answer = requiredResult(otop, { results }, '3', { indicatorScore: 60 });
    expect(answer).toMatchObject({ kind: 'value', value: 2, score: 75 });
  });

  test('a total beyond full marks on that indicator is not reachable', () => {
    const answer = requiredResult(otop, { results }, '7', { total: 99 });
    expect(answer.kind).toBe('unreachable');
    if (answer.kind === 'unreachable') expect(answer.message.th).toContain('ทำไม่ได้');
  });

  test('a goal already met needs any result', () => {
    expect(requiredResult(otop, { results }, '5', { total: 10 }).kind).toBe('any');
  });
});

describe('improvementGains', () => {
  test('ranks indicators by gain in total per unit of improvement, best first', () => {
    const gains = improvementGains(otop, { results });
    // PM2.5: 1 unit (29 → 28) lifts the score 62.5 → 75, i.e. 12.5 × 0.3 = 3.75 points of total per unit.
    const pm = gains.find((g) => g.id === '7');
    expect(pm).toMatchObject({ nextLevel: 2, nextTarget: 28, distance: expect.closeTo(1, 9), totalGain: expect.closeTo(3.75, 9) });
    // OTOP: 25 × 0.5 / 143.31 points of total per million baht.
    const income = gains.find((g) => g.id === '5');
    expect(income?.gainPerUnit).toBeCloseTo((25 * 0.5) / 143.31, 9);
    expect(gains[0]?.id).toBe('3');
    const perUnit = gains.map((g) => g.gainPerUnit ?? -Infinity);
    expect(perUnit).toEqual([...perUnit].sort((a, b) => b - a));
  });

  test('an indicator at the top level has nothing left to gain', () => {
    const gains = improvementGains(otop, { results: { ...results, '5': 4000 } });
    expect(gains.find((g) => g.id === '5')).toMatchObject({ nextLevel: null, totalGain: 0 });
  });
});

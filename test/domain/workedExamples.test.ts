/** The worked examples of scoring.md §6, by name. */
import { scoreAssessment, scoreOnCurve, type Curve } from '../../src/domain';
import { doc, mustRead, quantitative } from './fixtures';

const threeLevel = { scores: [50, 75, 100], floor: 0, mode: 'interpolate' as const };
const fiveLevel = { scores: [1, 2, 3, 4, 5], floor: 1, mode: 'interpolate' as const };
const otop: Curve = { ...threeLevel, targets: [2874.79, 3018.1, 3161.41], direction: 'higher' };

describe('scoring.md §6 worked examples', () => {
  test('OTOP income, three-level (seed 000): 3050 scores 80.5649', () => {
    expect(scoreOnCurve(3050, otop)).toBeCloseTo(75 + (25 * (3050 - 3018.1)) / (3161.41 - 3018.1), 12);
    expect(scoreOnCurve(3050, otop)).toBeCloseTo(80.5649, 4);
  });

  test('OTOP income below ขั้นต้น: 2800 scores 0', () => {
    expect(scoreOnCurve(2800, otop)).toBe(0);
  });

  test('OTOP income above ขั้นสูง: 3200 scores 100 (capped)', () => {
    expect(scoreOnCurve(3200, otop)).toBe(100);
  });

  test('five-level, higher better: 87 against 80/85/90/95/100 scores 2.4', () => {
    expect(scoreOnCurve(87, { ...fiveLevel, targets: [80, 85, 90, 95, 100], direction: 'higher' })).toBeCloseTo(2.4, 12);
  });

  test('five-level, lower better: 7 against 10/8/6/4/2 scores 2.5', () => {
    expect(scoreOnCurve(7, { ...fiveLevel, targets: [10, 8, 6, 4, 2], direction: 'lower' })).toBeCloseTo(2.5, 12);
  });

  test('three-level milestone: ✔ ✔ ✘ scores 75', () => {
    const a = mustRead(doc({ indicators: [{ id: 'm', name: 'ขั้นตอน', weight: 100, kind: 'milestone', steps: ['ก', 'ข', 'ค'] }] }));
    const report = scoreAssessment(a, { results: { m: [true, true, false] } });
    expect(report.indicators[0]?.score).toBe(75);
    expect(report.total).toBe(75);
  });

  test('weights 20 / 30 / 50, five-level, scores 2.4 / 2.5 / 5: total 3.73', () => {
    const a = mustRead(
      doc({
        scale: 'five-level',
        indicators: [
          quantitative('1', 20, [80, 85, 90, 95, 100]),
          quantitative('2', 30, [10, 8, 6, 4, 2]),
          quantitative('3', 50, [1, 2, 3, 4, 5]),
        ],
      }),
    );
    const report = scoreAssessment(a, { results: { '1': 87, '2': 7, '3': 5 } });
    expect(report.indicators.map((i) => i.score)).toEqual([expect.closeTo(2.4, 12), expect.closeTo(2.5, 12), 5]);
    expect(report.total).toBeCloseTo(3.73, 12);
  });
});

describe('scoring.md §3 rules', () => {
  test('two equal consecutive targets: reaching them gives the higher score, no division by zero', () => {
    const c: Curve = { ...fiveLevel, targets: [10, 20, 20, 30, 40], direction: 'higher' };
    expect(scoreOnCurve(20, c)).toBe(3);
    expect(scoreOnCurve(15, c)).toBeCloseTo(1.5, 12);
    expect(scoreOnCurve(19.999, c)).toBeLessThan(2);
  });

  test('step mode scores only whole levels reached', () => {
    expect(scoreOnCurve(3050, { ...otop, mode: 'step' })).toBe(75);
    expect(scoreOnCurve(87, { ...fiveLevel, mode: 'step', targets: [80, 85, 90, 95, 100], direction: 'higher' })).toBe(2);
  });

  test('floorTarget T0: below T1 the score ramps from the floor at T0', () => {
    const c: Curve = { ...threeLevel, targets: [100, 110, 120], direction: 'higher', floorTarget: 80 };
    expect(scoreOnCurve(90, c)).toBeCloseTo(25, 12);
    expect(scoreOnCurve(80, c)).toBe(0);
    expect(scoreOnCurve(70, c)).toBe(0);
  });

  test('milestone steps are cumulative: step 3 without step 2 scores level 1 and is an issue', () => {
    const a = mustRead(doc({ indicators: [{ id: 'm', name: 'ขั้นตอน', weight: 100, kind: 'milestone', steps: ['ก', 'ข', 'ค'] }] }));
    const row = scoreAssessment(a, { results: { m: [true, false, true] } }).indicators[0];
    expect(row?.score).toBe(50);
    expect(row?.issues.map((i) => i.code)).toEqual(['milestone-gap']);
  });

  test('milestone with none achieved scores the floor', () => {
    const a = mustRead(doc({ indicators: [{ id: 'm', name: 'ขั้นตอน', weight: 100, kind: 'milestone', steps: ['ก', 'ข', 'ค'] }] }));
    expect(scoreAssessment(a, { results: { m: [false, false, false] } }).indicators[0]?.score).toBe(0);
  });

  test('binary (KRS ส่งแล้วกรอก 1 / ไม่ส่งกรอก 0) on five levels: 1 scores 5, 0 scores 1', () => {
    const a = mustRead(doc({ scale: 'five-level', indicators: [{ id: 'b', name: 'ส่งรายงาน', weight: 100, kind: 'binary' }] }));
    expect(scoreAssessment(a, { results: { b: 1 } }).total).toBe(5);
    expect(scoreAssessment(a, { results: { b: 0 } }).total).toBe(1);
    expect(scoreAssessment(a, { results: { b: 'ส่งแล้ว' } }).total).toBe(5);
  });

  test('ratio: numerator / denominator × multiplier; a zero denominator is an issue, not a value', () => {
    const ratio = {
      id: 'r',
      name: 'ร้อยละของโรงเรียนที่ผ่านเกณฑ์',
      weight: 100,
      kind: 'ratio',
      multiplier: 100,
      targets: [80, 85, 90, 95, 100],
      variables: [
        { id: 'num', name: 'จำนวนโรงเรียนที่ผ่านเกณฑ์' },
        { id: 'den', name: 'จำนวนโรงเรียนทั้งหมด', central: true },
      ],
    };
    const a = mustRead(doc({ scale: 'five-level', indicators: [ratio] }));
    const ok = scoreAssessment(a, { results: { r: { num: 87, den: 100 } } }).indicators[0];
    expect(ok?.value).toBeCloseTo(87, 12);
    expect(ok?.score).toBeCloseTo(2.4, 12);
    const zero = scoreAssessment(a, { results: { r: { num: 5, den: 0 } } }).indicators[0];
    expect(zero?.status).toBe('invalid');
    expect(zero?.score).toBe(1);
    expect(zero?.issues[0]?.code).toBe('ratio-zero-denominator');
    const pending = scoreAssessment(a, { results: { r: { num: 5 } } }).indicators[0];
    expect(pending?.status).toBe('not-reported');
    expect(pending?.issues[0]?.code).toBe('central-data-pending');
  });

  test('not reported counts as the notReported policy (0 on three levels, 1 on five)', () => {
    const three = mustRead(doc({ indicators: [quantitative('1', 50, [1, 2, 3]), quantitative('2', 50, [1, 2, 3])] }));
    expect(scoreAssessment(three, { results: { '1': 3 } }).total).toBe(50);
    const five = mustRead(
      doc({ scale: 'five-level', indicators: [quantitative('1', 50, [1, 2, 3, 4, 5]), quantitative('2', 50, [1, 2, 3, 4, 5])] }),
    );
    expect(scoreAssessment(five, { results: { '1': 5 } }).total).toBe(3);
  });

  test('notReported "exclude": the weight leaves the total and the rest renormalise', () => {
    const a = mustRead(
      doc({ policies: { notReported: 'exclude' }, indicators: [quantitative('1', 20, [1, 2, 3]), quantitative('2', 80, [1, 2, 3])] }),
    );
    const report = scoreAssessment(a, { results: { '1': 2 } });
    expect(report.total).toBe(75);
    expect(report.indicators[1]?.score).toBeNull();
    expect(report.indicators[1]?.weightedScore).toBeNull();
  });
});

describe('scoring.md §4 weights and totals', () => {
  const parentDoc = (childWeights: [number, number]) =>
    doc({
      indicators: [
        quantitative('1', 95, [1, 2, 3]),
        {
          id: '10',
          name: 'ตัวชี้วัดที่มีตัวชี้วัดย่อย',
          weight: 5,
          children: [quantitative('10.1', childWeights[0], [1, 2, 3]), quantitative('10.2', childWeights[1], [1, 2, 3])],
        },
      ],
    });

  test("a child's effective weight is parent weight × child weight / Σ sibling weights (seed 002 item 10: ๕ (๒.๕) (๒.๕))", () => {
    const report = scoreAssessment(mustRead(parentDoc([2.5, 2.5])), { results: { '1': 3, '10.1': 3, '10.2': 1 } });
    const child = report.indicators.find((i) => i.id === '10.1');
    expect(child?.effectiveWeight).toBe(2.5);
    expect(report.indicators.find((i) => i.id === '10')?.score).toBe(75);
    expect(report.total).toBeCloseTo(95 + 5 * 0.75, 12);
  });

  test('children in absolute points and in relative shares give the same scores', () => {
    const results = { '1': 2.5, '10.1': 3, '10.2': 1.5 };
    const absolute = scoreAssessment(mustRead(parentDoc([2.5, 2.5])), { results });
    const relative = scoreAssessment(mustRead(parentDoc([50, 50])), { results });
    expect(relative.total).toBeCloseTo(absolute.total as number, 12);
    expect(relative.indicators.map((i) => i.weightedScore)).toEqual(
      absolute.indicators.map((i) => expect.closeTo(i.weightedScore as number, 12)),
    );
  });

  test('components show their subtotal and weighted mean (Performance Base 70 / Potential Base 30)', () => {
    const a = mustRead(
      doc({
        components: [
          { id: 'performance', name: 'Performance Base' },
          { id: 'potential', name: 'Potential Base' },
        ],
        indicators: [
          quantitative('1', 40, [1, 2, 3], { component: 'performance' }),
          quantitative('2', 30, [1, 2, 3], { component: 'performance' }),
          quantitative('3', 30, [1, 2, 3], { component: 'potential' }),
        ],
      }),
    );
    const report = scoreAssessment(a, { results: { '1': 3, '2': 1, '3': 2 } });
    const [performance, potential] = report.components;
    expect(performance?.score).toBeCloseTo((40 * 100 + 30 * 50) / 70, 12);
    expect(performance?.weightedScore).toBeCloseTo(0.4 * 100 + 0.3 * 50, 12);
    expect(potential?.weightedScore).toBeCloseTo(0.3 * 75, 12);
    expect((performance?.weightedScore ?? 0) + (potential?.weightedScore ?? 0)).toBeCloseTo(report.total as number, 12);
  });

  test('late submission (seed 004): 0.05 off the total per working day, weekends and holidays excluded', () => {
    const a = mustRead(
      doc({
        scale: 'five-level',
        policies: { holidays: ['2024-04-15'] },
        rounds: [{ round: 12, opensAt: '2024-03-25T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' }],
        indicators: [quantitative('1', 100, [1, 2, 3, 4, 5])],
      }),
    );
    // The 12-month round (the one the penalty applies to by default).
    // Closed Thursday 11 April 2567; submitted Tuesday 16 April: Fri 12 and Tue 16 count, the weekend and Mon 15 (holiday) do not.
    const report = scoreAssessment(a, { results: { '1': 5 }, round: 12, submittedAt: '2024-04-16T10:00:00+07:00' });
    expect(report.workingDaysLate).toBe(2);
    expect(report.penalty).toBeCloseTo(0.1, 12);
    expect(report.totalBeforePenalty).toBe(5);
    expect(report.total).toBeCloseTo(4.9, 12);
    expect(report.issues.map((i) => i.code)).toContain('late-submission');
  });

  test('the default late penalty keeps its weight on other scales: 1.25 a day on 0–100; a stated policy wins', () => {
    expect(mustRead(doc({ indicators: [quantitative('1', 100, [1, 2, 3])] })).policies.latePenaltyPerWorkingDay).toBeCloseTo(1.25, 12);
    const stated = mustRead(doc({ policies: { latePenaltyPerWorkingDay: 0.05 }, indicators: [quantitative('1', 100, [1, 2, 3])] }));
    expect(stated.policies.latePenaltyPerWorkingDay).toBe(0.05);
  });
});

describe('central data (ข้อมูลส่วนกลาง)', () => {
  const a = mustRead(
    doc({
      scale: 'five-level',
      indicators: [
        {
          id: 'r',
          name: 'ร้อยละ',
          weight: 100,
          kind: 'ratio',
          multiplier: 100,
          targets: [80, 85, 90, 95, 100],
          variables: [
            { id: 'num', name: 'ตัวตั้ง' },
            { id: 'den', name: 'ตัวหาร', central: true },
          ],
        },
      ],
    }),
  );
  const row = (results: Record<string, number>) => scoreAssessment(a, { results: { r: results } }).indicators[0];

  test("central data in before the unit's own part: not reported yet, not an error", () => {
    expect(row({ den: 100 })).toMatchObject({ status: 'not-reported', issues: [] });
  });

  test("the unit's part without the central data: waiting for it", () => {
    expect(row({ num: 90 })?.issues.map((i) => i.code)).toEqual(['central-data-pending']);
  });
});

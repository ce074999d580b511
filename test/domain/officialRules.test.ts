/**
 * The official systems' rules (scoring.md §7, src/domain/README.md "Official rules"): certified vs self-assessed
 * score, rounds per indicator, the rounds the late penalty applies to, Buddhist-Era dates. One test per rule.
 */
import { notDueIn, readAssessment, requiredResult, readEra, readResults, scoreAssessment, type Results } from '../../src/domain';
import { doc, mustRead, quantitative } from './fixtures';

const FIVE = [1, 2, 3, 4, 5];
const OTOP = [2874.79, 3018.1, 3161.41];

function results(a: ReturnType<typeof mustRead>, json: Record<string, unknown>): Results {
  const read = readResults({ format: 'scorebook/results@1', assessment: a.id, ...json }, a);
  if (!read.ok) throw new Error(read.issues.map((i) => i.message.en).join('\n'));
  return read.value;
}

function readIssues(a: ReturnType<typeof mustRead>, json: Record<string, unknown>) {
  const read = readResults({ format: 'scorebook/results@1', assessment: a.id, ...json }, a);
  return read.issues;
}

describe('official score vs self-assessed score (seed 003: รอการรับรอง / ไม่รับรอง → 1.00000)', () => {
  const krs = () => mustRead(doc({ scale: 'five-level', indicators: [quantitative('1', 50, FIVE), quantitative('2', 50, FIVE)] }));

  test('only approved reports count officially; a report awaiting approval scores as not reported (1 on KRS)', () => {
    const a = krs();
    const report = scoreAssessment(a, { results: { '1': 5, '2': 5 }, statuses: { '1': 'approved', '2': 'submitted' } });
    expect(report.total).toBe(5);
    expect(report.official).toEqual({ total: 3, totalBeforePenalty: 3, penalty: 0 });
    expect(report.indicators.map((i) => [i.id, i.reportStatus, i.counted])).toEqual([
      ['1', 'approved', true],
      ['2', 'submitted', false],
    ]);
  });

  test('drafts, returned reports and indicators with no status never count officially by default', () => {
    const a = mustRead(
      doc({
        scale: 'five-level',
        indicators: [quantitative('1', 25, FIVE), quantitative('2', 25, FIVE), quantitative('3', 25, FIVE), quantitative('4', 25, FIVE)],
      }),
    );
    const report = scoreAssessment(a, {
      results: { '1': 5, '2': 5, '3': 5, '4': 5 },
      statuses: { '1': 'draft', '2': 'returned', '3': 'approved' },
    });
    expect(report.official?.total).toBeCloseTo(0.25 * 5 + 0.75 * 1, 12);
    expect(report.indicators.find((i) => i.id === '4')).toMatchObject({ reportStatus: null, counted: false });
  });

  test('policy officialStatuses names what counts; with notReported "exclude" the uncertified leave the official total', () => {
    const submittedToo = mustRead(
      doc({
        scale: 'five-level',
        policies: { officialStatuses: ['submitted', 'approved'] },
        indicators: [quantitative('1', 50, FIVE), quantitative('2', 50, FIVE)],
      }),
    );
    expect(
      scoreAssessment(submittedToo, { results: { '1': 5, '2': 3 }, statuses: { '1': 'approved', '2': 'submitted' } }).official?.total,
    ).toBe(4);
    const exclude = mustRead(
      doc({
        scale: 'five-level',
        policies: { notReported: 'exclude' },
        indicators: [quantitative('1', 50, FIVE), quantitative('2', 50, FIVE)],
      }),
    );
    expect(scoreAssessment(exclude, { results: { '1': 4, '2': 2 }, statuses: { '1': 'approved', '2': 'returned' } }).official?.total).toBe(
      4,
    );
  });

  test('results without statuses have no official score and no report status per indicator (files valid today score the same)', () => {
    const report = scoreAssessment(krs(), { results: { '1': 5, '2': 5 } });
    expect(report.official).toBeUndefined();
    expect(report.indicators.every((i) => i.reportStatus === undefined && i.counted === undefined)).toBe(true);
  });

  test("a status given for a parent is its children's; a parent counts when one of its children does", () => {
    const a = mustRead(
      doc({
        scale: 'five-level',
        indicators: [
          { id: '1', name: 'กลุ่ม', weight: 60, children: [quantitative('1.1', 1, FIVE), quantitative('1.2', 1, FIVE)] },
          quantitative('2', 40, FIVE),
        ],
      }),
    );
    const report = scoreAssessment(a, { results: { '1.1': 5, '1.2': 3, '2': 5 }, statuses: { '1': 'approved', '1.2': 'draft' } });
    expect(report.indicators.map((i) => [i.id, i.counted])).toEqual([
      ['1', true],
      ['1.1', true],
      ['1.2', false],
      ['2', false],
    ]);
    expect(report.official?.total).toBeCloseTo((0.6 * (5 + 1)) / 2 + 0.4 * 1, 12);
  });

  test('statuses are read from the results file; an unknown indicator there is a warning naming the path', () => {
    const a = krs();
    const r = results(a, { results: { '1': 5 }, statuses: { '1': 'approved' } });
    expect(r.statuses).toEqual({ '1': 'approved' });
    expect(readIssues(a, { results: {}, statuses: { '9': 'approved' } })).toEqual([
      expect.objectContaining({ code: 'unknown-indicator', path: 'statuses["9"]' }),
    ]);
    expect(readResults({ format: 'scorebook/results@1', assessment: a.id, results: {}, statuses: { '1': 'certified' } }, a).ok).toBe(false);
  });
});

describe('indicators reported only in some rounds (seed 003: "การรายงานรอบ 12 เดือน")', () => {
  const otop = (notReported: number | 'exclude' = 0) =>
    mustRead(
      doc({ policies: { notReported }, indicators: [quantitative('5', 60, OTOP), quantitative('9', 40, [1, 2, 3], { rounds: [12] })] }),
    );

  test('not due in the 6-month round: status not-due, no score, and its weight leaves the total (whatever notReported says)', () => {
    for (const nr of [0, 'exclude'] as const) {
      const report = scoreAssessment(otop(nr), { results: { '5': 3050 }, round: 6 });
      expect(report.indicators.find((i) => i.id === '9')).toMatchObject({
        status: 'not-due',
        score: null,
        weightedScore: null,
        shareOfTotal: null,
      });
      // 3050 scores 80.5649 (scoring.md §6); it alone makes the round's total.
      expect(report.total).toBeCloseTo(75 + (25 * (3050 - 3018.1)) / (3161.41 - 3018.1), 9);
    }
  });

  test('due in the 12-month round: not reported there scores by notReported', () => {
    const report = scoreAssessment(otop(0), { results: { '5': 3050 }, round: 12 });
    expect(report.indicators.find((i) => i.id === '9')).toMatchObject({ status: 'not-reported', score: 0 });
    expect(report.total).toBeCloseTo(0.6 * (75 + (25 * (3050 - 3018.1)) / (3161.41 - 3018.1)), 9);
  });

  test('no round in the results, or no rounds on the indicator: due', () => {
    expect(scoreAssessment(otop(0), { results: { '5': 3050 } }).indicators.find((i) => i.id === '9')?.status).toBe('not-reported');
    expect(notDueIn(otop(), 6)).toEqual(new Set(['9']));
    expect(notDueIn(otop(), undefined)).toEqual(new Set());
  });

  test('a value given for a not-due indicator is not scored, and a warning says so', () => {
    const report = scoreAssessment(otop(0), { results: { '5': 3050, '9': 3 }, round: 6 });
    const row = report.indicators.find((i) => i.id === '9');
    expect(row?.status).toBe('not-due');
    expect(row?.issues.map((i) => i.code)).toEqual(['not-due']);
  });

  test('a parent not due takes its children with it; a child not due leaves its siblings to renormalise', () => {
    const a = mustRead(
      doc({
        scale: 'five-level',
        indicators: [
          { id: '1', name: 'กลุ่ม', weight: 50, rounds: [12], children: [quantitative('1.1', 1, FIVE), quantitative('1.2', 1, FIVE)] },
          { id: '2', name: 'กลุ่ม', weight: 50, children: [quantitative('2.1', 1, FIVE), quantitative('2.2', 3, FIVE, { rounds: [12] })] },
        ],
      }),
    );
    const report = scoreAssessment(a, { results: { '1.1': 5, '2.1': 4, '2.2': 5 }, round: 6 });
    expect(report.indicators.map((i) => [i.id, i.status])).toEqual([
      ['1', 'not-due'],
      ['1.1', 'not-due'],
      ['1.2', 'not-due'],
      ['2', 'scored'],
      ['2.1', 'scored'],
      ['2.2', 'not-due'],
    ]);
    expect(report.total).toBe(4);
    expect(report.indicators.find((i) => i.id === '2.1')?.weightedScore).toBe(4);
  });

  test("what-if on a not-due indicator says it does not move the round's total", () => {
    const answer = requiredResult(otop(0), { results: { '5': 3050 }, round: 6 }, '9', { total: 90 });
    expect(answer.kind).toBe('unreachable');
    if (answer.kind === 'unreachable') expect(answer.message.en).toContain('not due');
    expect(requiredResult(otop(0), { results: { '5': 3050 }, round: 12 }, '9', { indicatorScore: 75 }).kind).toBe('value');
  });

  test('an empty rounds list is an error; a round the assessment does not have is a warning, both naming the path', () => {
    const empty = doc({ indicators: [quantitative('1', 100, OTOP, { rounds: [] })] });
    expect(() => mustRead(empty)).toThrow('indicators[0].rounds');
    const read = readAssessment(
      doc({
        rounds: [{ round: 6, opensAt: '2024-03-25T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' }],
        indicators: [quantitative('1', 100, OTOP, { rounds: [9] })],
      }),
    );
    expect(read.ok).toBe(true);
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'indicator-round-unknown', severity: 'warning', path: 'indicators[0].rounds[0]' }),
    ]);
  });
});

describe('the late penalty applies to the rounds the rules name (seed 004: the 12-month SAR)', () => {
  const rounds = [
    { round: 6, opensAt: '2024-03-25T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' },
    { round: 12, opensAt: '2024-09-01T00:00:00+07:00', closesAt: '2024-10-15T23:59:59+07:00' },
  ];
  const late6 = { results: { '1': 5 }, round: 6, submittedAt: '2024-04-16T10:00:00+07:00' };
  const late12 = { results: { '1': 5 }, round: 12, submittedAt: '2024-10-17T10:00:00+07:00' };
  const build = (latePenaltyRounds?: number[] | 'all') =>
    mustRead(
      doc({
        scale: 'five-level',
        policies: { latePenaltyPerWorkingDay: 0.05, ...(latePenaltyRounds ? { latePenaltyRounds } : {}) },
        rounds,
        indicators: [quantitative('1', 100, FIVE)],
      }),
    );

  test('by default only the 12-month round is penalised: late in round 6 costs nothing, and a note says so', () => {
    const six = scoreAssessment(build(), late6);
    expect(six).toMatchObject({ workingDaysLate: 3, penalty: 0, total: 5 });
    expect(six.issues.map((i) => [i.code, i.severity])).toEqual([['late-no-penalty', 'info']]);
    const twelve = scoreAssessment(build(), late12);
    expect(twelve.workingDaysLate).toBe(2);
    expect(twelve.penalty).toBeCloseTo(0.1, 12);
  });

  test('latePenaltyRounds "all" penalises every round; a list names the rounds', () => {
    expect(scoreAssessment(build('all'), late6).penalty).toBeCloseTo(0.15, 12);
    expect(scoreAssessment(build([6]), late6).penalty).toBeCloseTo(0.15, 12);
    expect(scoreAssessment(build([6]), late12).penalty).toBe(0);
    expect(build().policies.latePenaltyRounds).toEqual([12]);
  });

  test('the official score takes the same penalty', () => {
    const report = scoreAssessment(build(), { ...late12, statuses: { '1': 'approved' } });
    expect(report.official?.penalty).toBeCloseTo(0.1, 12);
    expect(report.official?.total).toBeCloseTo(4.9, 12);
  });
});

describe('Buddhist-Era dates (พ.ศ. = ค.ศ. + 543)', () => {
  const ce = {
    policies: { holidays: ['2024-04-15'], latePenaltyPerWorkingDay: 0.05 },
    rounds: [{ round: 12, opensAt: '2024-03-25T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' }],
  };
  const be = {
    policies: { holidays: ['2567-04-15'], latePenaltyPerWorkingDay: 0.05 },
    rounds: [{ round: 12, opensAt: '2567-03-25T00:00:00+07:00', closesAt: '2567-04-11T23:59:59+07:00' }],
  };
  const build = (dates: typeof ce) => mustRead(doc({ scale: 'five-level', ...dates, indicators: [quantitative('1', 100, FIVE)] }));

  test('submittedAt 2567-04-05 is 5 April 2024: on time, not 141,656 working days late', () => {
    const a = build(ce);
    const r = results(a, { round: 12, submittedAt: '2567-04-05T10:00:00+07:00', results: { '1': 5 } });
    expect(r.submittedAt).toBe('2024-04-05T10:00:00+07:00');
    expect(scoreAssessment(a, r)).toMatchObject({ workingDaysLate: 0, penalty: 0, total: 5 });
    expect(readIssues(a, { round: 12, submittedAt: '2567-04-05T10:00:00+07:00', results: {} })).toEqual([
      expect.objectContaining({ code: 'buddhist-era-date', severity: 'info', path: 'submittedAt' }),
    ]);
  });

  test('round windows and holidays in BE score exactly as in CE, each with a note naming its path', () => {
    const inBE = mustRead(doc({ scale: 'five-level', ...be, indicators: [quantitative('1', 100, FIVE)] }));
    const inCE = build(ce);
    expect(inBE.rounds).toEqual(inCE.rounds);
    expect(inBE.policies.holidays).toEqual(['2024-04-15']);
    const submitted = { results: { '1': 5 }, round: 12, submittedAt: '2024-04-16T10:00:00+07:00' };
    expect(scoreAssessment(inBE, submitted)).toEqual(scoreAssessment(inCE, submitted));
    expect(scoreAssessment(inBE, submitted).workingDaysLate).toBe(2);
    const read = readAssessment(doc({ scale: 'five-level', ...be, indicators: [quantitative('1', 100, FIVE)] }));
    expect(read.issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['buddhist-era-date', 'info', 'policies.holidays[0]'],
      ['buddhist-era-date', 'info', 'rounds[0].opensAt'],
      ['buddhist-era-date', 'info', 'rounds[0].closesAt'],
    ]);
  });

  test('readEra: 2400 and later is BE; earlier years, and texts that are not dates, are kept', () => {
    expect(readEra('2567-02-29')).toEqual({ ce: '2024-02-29', buddhistEra: true });
    expect(readEra('2400-01-01')).toEqual({ ce: '1857-01-01', buddhistEra: true });
    expect(readEra('2399-12-31')).toEqual({ ce: '2399-12-31', buddhistEra: false });
    expect(readEra('2024-04-05T10:00:00+07:00')).toEqual({ ce: '2024-04-05T10:00:00+07:00', buddhistEra: false });
  });

  test('a round window or submittedAt more than a year outside the fiscal year is a warning naming the path', () => {
    // Fiscal 2567 runs 1 October 2023 – 30 September 2024; a year's grace each side: 1 October 2022 – 30 September 2025.
    const read = readAssessment(
      doc({
        scale: 'five-level',
        rounds: [
          { round: 6, opensAt: '2022-10-01T00:00:00+07:00', closesAt: '2025-09-30T23:59:59+07:00' },
          { round: 12, opensAt: '2022-09-30T23:59:59+07:00', closesAt: '2025-10-01T00:00:00+07:00' },
        ],
        indicators: [quantitative('1', 100, FIVE)],
      }),
    );
    expect(read.issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['date-outside-fiscal-year', 'warning', 'rounds[1].opensAt'],
      ['date-outside-fiscal-year', 'warning', 'rounds[1].closesAt'],
    ]);
    const a = build(ce);
    // A CE date typed as BE twice over (2567 + 543) lands far outside: 3110 − 543 = 2567 CE.
    expect(readIssues(a, { submittedAt: '3110-04-05T10:00:00+07:00', results: {} }).map((i) => [i.code, i.path])).toEqual([
      ['buddhist-era-date', 'submittedAt'],
      ['date-outside-fiscal-year', 'submittedAt'],
    ]);
    expect(readIssues(a, { submittedAt: '2024-04-05T10:00:00+07:00', results: {} })).toEqual([]);
  });
});

/** Properties of the rounds-per-indicator and Buddhist-Era rules (fast-check). */
import fc from 'fast-check';
import { readAssessment, readResults, scoreAssessment } from '../../src/domain';
import { ceDayArb, ceInstantArb, indicatorRoundsArb, reportRoundArb, toBuddhistEraText } from './arbitraries';
import { doc, mustRead, quantitative } from './fixtures';

const FIVE = [20, 40, 60, 80, 100];

describe('rounds per indicator', () => {
  const rowsArb = fc.array(
    fc.record({
      weight: fc.integer({ min: 1, max: 60 }),
      result: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      rounds: indicatorRoundsArb,
    }),
    { minLength: 1, maxLength: 8 },
  );
  const notReportedArb = fc.oneof(fc.constant<'exclude'>('exclude'), fc.integer({ min: 1, max: 5 }));

  test('a not-due indicator behaves as excluded: the total equals that of the assessment without it', () => {
    fc.assert(
      fc.property(rowsArb, reportRoundArb, notReportedArb, (rows, round, notReported) => {
        const policies = { notReported };
        const all = rows.map((r, i) => ({ ...r, id: String(i + 1) }));
        const withRounds = mustRead(
          doc({
            scale: 'five-level',
            policies,
            indicators: all.map((r) => quantitative(r.id, r.weight, FIVE, r.rounds ? { rounds: r.rounds } : {})),
          }),
        );
        const results = Object.fromEntries(all.map((r) => [r.id, r.result ?? null]));
        const report = scoreAssessment(withRounds, { results, round });
        const due = all.filter((r) => r.rounds === undefined || r.rounds.includes(round));
        const notDue = report.indicators.filter((i) => i.status === 'not-due');
        if (notDue.length !== all.length - due.length || notDue.some((i) => i.score !== null || i.weightedScore !== null)) return false;
        if (due.length === 0) return report.total === null;
        const without = mustRead(doc({ scale: 'five-level', policies, indicators: due.map((r) => quantitative(r.id, r.weight, FIVE)) }));
        const expected = scoreAssessment(without, { results, round }).total;
        return expected === null ? report.total === null : report.total !== null && Math.abs(report.total - expected) < 1e-9;
      }),
    );
  });
});

describe('Buddhist-Era dates', () => {
  test('a BE date scores as its CE twin (round window, holidays, submittedAt), with a note for each', () => {
    fc.assert(
      fc.property(
        ceInstantArb,
        fc.integer({ min: 1, max: 60 }),
        fc.array(ceDayArb, { maxLength: 4 }),
        ceInstantArb,
        fc.boolean(),
        (opensAt, days, holidays, submittedAt, writeBE) => {
          const closesAt = new Date(Date.parse(opensAt) + days * 86_400_000).toISOString();
          const dates = (era: (s: string) => string) =>
            doc({
              scale: 'five-level',
              policies: { holidays: holidays.map(era), latePenaltyPerWorkingDay: 0.05 },
              rounds: [{ round: 12, opensAt: era(opensAt), closesAt: era(closesAt) }],
              indicators: [quantitative('1', 100, FIVE)],
            });
          const ce = readAssessment(dates((s) => s));
          const be = readAssessment(dates(writeBE ? toBuddhistEraText : (s) => s));
          if (!ce.ok || !be.ok) return false;
          const score = (a: typeof ce.value, when: string) => {
            const r = readResults(
              { format: 'scorebook/results@1', assessment: a.id, round: 12, submittedAt: when, results: { '1': 90 } },
              a,
            );
            return r.ok ? { report: scoreAssessment(a, r.value), issues: r.issues } : undefined;
          };
          const twin = score(ce.value, submittedAt);
          const mine = score(be.value, toBuddhistEraText(submittedAt));
          if (!twin || !mine) return false;
          const eraNotes = (issues: readonly { code: string }[]) => issues.filter((i) => i.code === 'buddhist-era-date').length;
          return (
            JSON.stringify(mine.report) === JSON.stringify(twin.report) &&
            eraNotes(mine.issues) === 1 &&
            eraNotes(be.issues) === (writeBE ? holidays.length + 2 : 0)
          );
        },
      ),
    );
  });
});

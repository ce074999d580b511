/**
 * The sample assessments in assets/samples/ (built from the seeds, see their README): each one reads without
 * errors, its results read against it, and scoring gives a total on the scale's range with every indicator in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allIndicators,
  readAssessment,
  readResults,
  scoreAssessment,
  scoreRange,
  type Assessment,
  type Issue,
  type Results,
  type ScoreReport,
} from '../src/domain';

const SAMPLES = join(__dirname, '..', 'assets', 'samples');

/** Each sample, and the warnings it is expected to carry (an excerpt whose weights do not add up to 100 …). */
const samples: { name: string; expectedWarnings: string[] }[] = [
  { name: 'pte-2567', expectedWarnings: [] },
  // An excerpt of seed 000's e-SAR screens: its real weights 15 and 5 plus the milestone's 10 add up to 30.
  { name: 'otop-2567', expectedWarnings: ['weights-not-100'] },
  { name: 'krs-2567', expectedWarnings: [] },
];

function loadJson(file: string): unknown {
  return JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')) as unknown;
}

function describeIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `  [${i.severity}] ${i.code}: ${i.message.en}`).join('\n') || '  (none)';
}

function loadAssessment(name: string): Assessment {
  const read = readAssessment(loadJson(`${name}.assessment.json`));
  if (!read.ok) throw new Error(`${name}.assessment.json does not read:\n${describeIssues(read.issues)}`);
  return read.value;
}

function loadResults(name: string, assessment: Assessment): Results {
  const read = readResults(loadJson(`${name}.results.json`), assessment);
  if (!read.ok) throw new Error(`${name}.results.json does not read:\n${describeIssues(read.issues)}`);
  return read.value;
}

function score(name: string): { assessment: Assessment; report: ScoreReport } {
  const assessment = loadAssessment(name);
  return { assessment, report: scoreAssessment(assessment, loadResults(name, assessment)) };
}

function scoreOf(report: ScoreReport, id: string): number | null {
  const row = report.indicators.find((i) => i.id === id);
  if (!row) throw new Error(`indicator ${id} is missing from the score report`);
  return row.score;
}

describe.each(samples)('sample $name', ({ name, expectedWarnings }) => {
  test('the assessment reads with readAssessment, with no error and only the expected warnings', () => {
    const read = readAssessment(loadJson(`${name}.assessment.json`));
    const errors = read.issues.filter((i) => i.severity === 'error');
    if (!read.ok || errors.length > 0) {
      throw new Error(`${name}.assessment.json has errors:\n${describeIssues(read.issues)}`);
    }
    const warnings = read.issues.map((i) => i.code);
    if (warnings.join() !== expectedWarnings.join()) {
      throw new Error(`${name}.assessment.json: expected warnings [${expectedWarnings.join(', ')}], got:\n${describeIssues(read.issues)}`);
    }
    expect(warnings).toEqual(expectedWarnings);
  });

  test('the results read with readResults against it, without any issue', () => {
    const assessment = loadAssessment(name);
    const read = readResults(loadJson(`${name}.results.json`), assessment);
    if (!read.ok || read.issues.length > 0) {
      throw new Error(`${name}.results.json does not read cleanly:\n${describeIssues(read.issues)}`);
    }
    expect(read.value.assessment).toBe(assessment.id);
    if (read.value.unit !== undefined) expect(assessment.units.map((u) => u.id)).toContain(read.value.unit);
  });

  test('scoreAssessment gives a finite total within the scale range, every indicator scored', () => {
    const { assessment, report } = score(name);
    const { min, max } = scoreRange(assessment.scale, assessment.policies.floor);
    expect(report.total).not.toBeNull();
    const total = report.total as number;
    expect(Number.isFinite(total)).toBe(true);
    expect(total).toBeGreaterThanOrEqual(min);
    expect(total).toBeLessThanOrEqual(max);

    const expectedIds = allIndicators(assessment).map((i) => i.id);
    expect(report.indicators.map((i) => i.id)).toEqual(expectedIds);
    const notScored = report.indicators.filter((i) => i.status !== 'scored');
    if (notScored.length > 0) {
      const detail = notScored.map((i) => `  ${i.id}: ${i.status}\n${describeIssues(i.issues)}`).join('\n');
      throw new Error(`${name}: indicators without a score:\n${detail}`);
    }
    const leafIssues = report.indicators.flatMap((i) => i.issues);
    expect(describeIssues(leafIssues)).toBe('  (none)');
    expect(report.issues).toEqual([]);
  });
});

test('every sample file is tested and listed in the README', () => {
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.json'));
  const expected = samples.flatMap(({ name }) => [`${name}.assessment.json`, `${name}.results.json`]);
  expect(files.sort()).toEqual(expected.sort());
  const readme = readFileSync(join(SAMPLES, 'README.md'), 'utf8');
  for (const file of files) expect(readme).toContain(file);
});

describe('otop-2567: the worked example of seed 000 / scoring.md §6', () => {
  test('targets are 2,874.79 / 3,018.10 / 3,161.41 ล้านบาท, derived from the FY2565 result and 9.97 % growth', () => {
    const otop = allIndicators(loadAssessment('otop-2567')).find((i) => i.id === '4.1');
    expect(otop?.kind).toBe('quantitative');
    if (otop?.kind !== 'quantitative') return;
    const [basic, standard, advanced] = otop.targets as [number, number, number];
    expect([basic, standard, advanced]).toEqual([2874.79, 3018.1, 3161.41]);
    expect(basic * 1.0997).toBeCloseTo(advanced, 1);
    expect((basic + advanced) / 2).toBeCloseTo(standard, 2);
  });

  test('result 3050 scores 80.5649 (75 + 25 × 31.90 / 143.31)', () => {
    const { report } = score('otop-2567');
    const otop = scoreOf(report, '4.1') as number;
    expect(otop.toFixed(4)).toBe('80.5649');
    expect(otop).toBeCloseTo(75 + (25 * (3050 - 3018.1)) / (3161.41 - 3018.1), 12);
  });

  test('lower is better: a teen birth rate of 22.4 against 25 / 23 / 21 scores 82.5; the milestone ✔ ✔ ✘ scores 75', () => {
    const { report } = score('otop-2567');
    expect(scoreOf(report, '2')).toBeCloseTo(82.5, 12);
    expect(scoreOf(report, 'eco')).toBe(75);
    // Weights 15 / 5 / 10, used in proportion.
    expect(report.total).toBeCloseTo((15 * 82.5 + 5 * 80.5648593957 + 10 * 75) / 30, 8);
  });
});

describe('pte-2567: Pathum Thani FY2567 (seed 002)', () => {
  test('weights are the seed\'s: Performance Base 70, Potential Base 30, item 6 "๕ (๕)", item 10 "๕ (๒.๕) (๒.๕)"', () => {
    const assessment = loadAssessment('pte-2567');
    const weightOf = (component: string): number =>
      assessment.indicators.filter((i) => i.component === component).reduce((s, i) => s + i.weight, 0);
    expect(weightOf('performance')).toBe(70);
    expect(weightOf('potential')).toBe(30);
    expect(assessment.indicators.map((i) => [i.id, i.weight])).toEqual([
      ['1', 10],
      ['2', 10],
      ['3', 10],
      ['4', 15],
      ['5', 10],
      ['6', 5],
      ['7', 10],
      ['8', 10],
      ['9', 5],
      ['10', 5],
      ['11', 10],
    ]);
    const item10 = assessment.indicators.find((i) => i.id === '10');
    expect(item10?.kind === 'group' ? item10.children.map((c) => [c.id, c.weight]) : null).toEqual([
      ['10.1', 2.5],
      ['10.2', 2.5],
    ]);
    const { report } = score('pte-2567');
    expect(report.indicators.filter((i) => i.parent === '10').map((i) => i.effectiveWeight)).toEqual([2.5, 2.5]);
  });

  test('the 6-month round opens 25 March and closes 11 April 2567 (seed 002)', () => {
    const round6 = loadAssessment('pte-2567').rounds.find((r) => r.round === 6);
    expect(round6?.opensAt.startsWith('2024-03-25')).toBe(true);
    expect(round6?.closesAt.startsWith('2024-04-11')).toBe(true);
  });

  test('results typed as in a sheet: "๓,๐๕๐" scores 80.5649, "85%" reads as 85, PM2.5 is lower-is-better', () => {
    const { report } = score('pte-2567');
    const row = (id: string) => report.indicators.find((i) => i.id === id);
    expect(row('5')?.value).toBe(3050);
    expect((row('5')?.score as number).toFixed(4)).toBe('80.5649');
    expect(row('8')?.value).toBe(85);
    expect(row('8')?.score).toBe(75);
    expect(row('9')?.score).toBe(75);
    expect(row('7')?.score).toBeCloseTo(82.5, 12);
  });

  test('total 79.7434: the weighted mean of the scores', () => {
    const { report } = score('pte-2567');
    const expected =
      (10 * 85 + 10 * 82 + 10 * 62.5 + 15 * 86.6 + 10 * 80.5648593957 + 5 * 85 + 10 * 82.5 + 10 * 75 + 5 * 75 + 5 * 77.9375 + 10 * 81) /
      100;
    expect(report.total).toBeCloseTo(expected, 8);
    expect((report.total as number).toFixed(4)).toBe('79.7434');
    expect(report.penalty).toBe(0);
  });
});

describe('krs-2567: KRS style, five-level (seed 003)', () => {
  test('policies are the five-level defaults: floor 1, not reported 1, 4 decimals', () => {
    const { policies } = loadAssessment('krs-2567');
    expect([policies.floor, policies.notReported, policies.decimals]).toEqual([1, 1, 4]);
  });

  test('ratios are numerator / denominator × 100; binary "ส่งแล้วกรอก 1" reaches level 5; total 3.6415', () => {
    const { report } = score('krs-2567');
    const row = (id: string) => report.indicators.find((i) => i.id === id);
    expect(row('11.2')?.value).toBeCloseTo((118 / 124) * 100, 12);
    expect(row('11.4')?.value).toBeCloseTo(70, 12);
    expect(row('11.4')?.score).toBeCloseTo(3, 12);
    expect(row('11.3')?.score).toBe(5);
    expect(row('11.5')?.score).toBe(3);
    expect((report.total as number).toFixed(4)).toBe('3.6415');
  });

  test('11.5 is reported at 12 months only: not due in round 6, where the others make the total', () => {
    const assessment = loadAssessment('krs-2567');
    const results = loadResults('krs-2567', assessment);
    const report = scoreAssessment(assessment, { ...results, round: 6 });
    expect(report.indicators.find((i) => i.id === '11.5')).toMatchObject({ status: 'not-due', score: null });
    // (20 × 4.0323 + 15 × 5 + 20 × 3 + 30 × 3.45) / 85
    expect((report.total as number).toFixed(4)).toBe('3.7546');
  });

  test('certified score: 11.5 awaits approval (รอการรับรอง) and 12 was returned (ไม่รับรอง), so both count 1.0000: 2.6065', () => {
    const { report } = score('krs-2567');
    expect((report.official?.total as number).toFixed(4)).toBe('2.6065');
    expect(report.indicators.filter((i) => !i.counted).map((i) => i.id)).toEqual(['11.5', '12']);
  });

  test('without the central data (ข้อมูลส่วนกลาง) a ratio waits and scores 1.0000, as KRS shows', () => {
    const assessment = loadAssessment('krs-2567');
    const results = loadResults('krs-2567', assessment);
    const waiting = { ...results, results: { ...results.results, '11.2': { num: 118 }, '11.3': 0 } };
    const report = scoreAssessment(assessment, waiting);
    const row = report.indicators.find((i) => i.id === '11.2');
    expect(row?.status).toBe('not-reported');
    expect(row?.score).toBe(1);
    expect(row?.issues.map((i) => i.code)).toEqual(['central-data-pending']);
    expect(report.indicators.find((i) => i.id === '11.3')?.score).toBe(1);
  });
});

describe('krs-2567: a central result (ผลจากส่วนกลาง)', () => {
  test('indicator 12 is supplied centrally (centralResult) and scores as before: 87.25 → 3.45', () => {
    const { assessment, report } = score('krs-2567');
    expect(assessment.indicators.filter((i) => i.centralResult).map((i) => i.id)).toEqual(['12']);
    expect(report.indicators.find((i) => i.id === '12')?.score).toBeCloseTo(3.45, 12);
  });
});

/** `scorebook score`, on real files: exit codes and output (run in this process; bin.test.ts runs the bin itself). */
import { join } from 'node:path';
import { cliHarness } from './cliHarness';

const { dir, file, run } = cliHarness('scorebook-cli-');

const assessment = file('a.json', {
  format: 'scorebook/assessment@1',
  id: 'otop',
  title: 'ตัวชี้วัด OTOP',
  fiscalYear: 2567,
  scale: 'three-level',
  indicators: [
    { id: '5', name: 'รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน (OTOP)', unit: 'ล้านบาท', weight: 60, targets: [2874.79, 3018.1, 3161.41] },
    {
      id: '10',
      name: 'ตัวชี้วัดที่มีตัวชี้วัดย่อย',
      weight: 40,
      children: [
        { id: '10.1', name: 'ย่อย 1', weight: 2.5, targets: [1, 2, 3] },
        { id: '10.2', name: 'ย่อย 2', weight: 2.5, kind: 'milestone', steps: ['ก', 'ข', 'ค'] },
      ],
    },
  ],
});

describe('scorebook score', () => {
  test('a table with Thai names and the rounded total; exit 0', async () => {
    const r = await run(
      'score',
      assessment,
      file('r.json', {
        format: 'scorebook/results@1',
        assessment: 'otop',
        results: { '5': '๓,๐๕๐', '10.1': 3, '10.2': [true, true, false] },
      }),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน');
    expect(r.stdout).toContain('80.56');
    // 0.6 × 80.5649 + 0.4 × (100 + 75) / 2
    expect(r.stdout).toMatch(/คะแนนรวม: 83\.34/);
  });

  test('--json: every indicator, children and parents, numbers unrounded', async () => {
    const r = await run(
      'score',
      assessment,
      file('r.json', { format: 'scorebook/results@1', assessment: 'otop', results: { '5': 3050, '10.1': 3 } }),
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.indicators.map((i: { id: string; parent: string | null }) => [i.id, i.parent])).toEqual([
      ['5', null],
      ['10', null],
      ['10.1', '10'],
      ['10.2', '10'],
    ]);
    expect(out.indicators[0].score).toBeCloseTo(80.5648593957, 9);
    expect(out.indicators[3]).toMatchObject({ status: 'not-reported', score: 0, issues: [] });
    expect(out).toMatchObject({ assessment: 'otop', penalty: 0, components: [] });
    expect(out.total).toBeCloseTo(0.6 * 80.5648593957156 + 0.4 * 50, 9);
  });

  test('exit 1 when some result is invalid, with the issue in the output', async () => {
    const r = await run(
      '--lang',
      'en',
      'score',
      assessment,
      file('r.json', { format: 'scorebook/results@1', assessment: 'otop', results: { '5': 'about 3000' } }),
      '--json',
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.indicators[0]).toMatchObject({ status: 'invalid', score: 0 });
    expect(out.indicators[0].issues[0]).toMatchObject({
      code: 'value-not-number',
      severity: 'error',
      message: expect.stringContaining('not a number'),
    });
  });

  test('exit 2 when the assessment is invalid: the message names the path and the id, no stack trace', async () => {
    const bad = file('bad.json', {
      format: 'scorebook/assessment@1',
      id: 'x',
      title: 'x',
      fiscalYear: 2567,
      scale: 'three-level',
      indicators: [
        { id: '1', name: 'a', weight: 50, targets: [1, 2, 3] },
        { id: '1', name: 'b', weight: 50, targets: [3, 1, 2] },
      ],
    });
    const r = await run('score', bad, file('r.json', { format: 'scorebook/results@1', assessment: 'x', results: {} }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('indicators[1].id');
    expect(r.stderr).toContain('"1"');
    expect(r.stderr).toContain('indicators[1].targets');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  test('exit 2 for a broken or missing file', async () => {
    expect((await run('score', file('broken.json', '{ "format": '), assessment)).code).toBe(2);
    const missing = await run('--lang', 'en', 'score', join(dir, 'nope.json'), assessment);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  describe('official rules', () => {
    const krs = file('krs.json', {
      format: 'scorebook/assessment@1',
      id: 'krs',
      title: 'ตัวชี้วัด สพท.',
      fiscalYear: 2567,
      scale: 'five-level',
      policies: { latePenaltyPerWorkingDay: 0.05 },
      rounds: [
        { round: 6, opensAt: '2567-03-25T00:00:00+07:00', closesAt: '2567-04-11T23:59:59+07:00' },
        { round: 12, opensAt: '2567-09-01T00:00:00+07:00', closesAt: '2567-10-15T23:59:59+07:00', allowLate: true },
      ],
      indicators: [
        { id: '1', name: 'ร้อยละนักเรียน', weight: 50, targets: [80, 85, 90, 95, 100] },
        { id: '2', name: 'ระดับความสำเร็จ (การรายงานรอบ 12 เดือน)', weight: 30, targets: [1, 2, 3, 4, 5], rounds: [12] },
        { id: '3', name: 'การส่งรายงาน', weight: 20, kind: 'binary', steps: ['ส่งแล้ว'] },
      ],
    });
    const results = (json: Record<string, unknown>) => file('kr.json', { format: 'scorebook/results@1', assessment: 'krs', ...json });

    test("--json with statuses: self-assessed total, the official one, and each indicator's report status and whether it counted", async () => {
      const r = await run(
        'score',
        krs,
        results({
          round: 12,
          results: { '1': 100, '2': 5, '3': [true] },
          statuses: { '1': 'approved', '2': 'submitted', '3': 'returned' },
        }),
        '--json',
      );
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.total).toBe(5);
      // Only indicator 1 is certified; 2 and 3 score as not reported (1 on the five-level scale).
      expect(out.official.total).toBeCloseTo(0.5 * 5 + 0.3 * 1 + 0.2 * 1, 12);
      expect(out.official).toMatchObject({ penalty: 0 });
      expect(out.indicators.map((i: { reportStatus: string; counted: boolean }) => [i.reportStatus, i.counted])).toEqual([
        ['approved', true],
        ['submitted', false],
        ['returned', false],
      ]);
    });

    test('the table shows both totals, labelled, in Thai and in English', async () => {
      const file1 = results({ round: 12, results: { '1': 100, '2': 5, '3': [true] }, statuses: { '1': 'approved' } });
      expect((await run('score', krs, file1)).stdout).toMatch(/คะแนนประเมินตนเอง: 5\.0000\nคะแนนที่รับรองแล้ว: 3\.0000/);
      const en = (await run('--lang', 'en', 'score', krs, file1)).stdout;
      expect(en).toContain('Self-assessed: 5.0000');
      expect(en).toContain('Certified: 3.0000');
      expect(en).toContain('approved');
    });

    test('without statuses the document has no official part (files valid today print the same)', async () => {
      const out = JSON.parse((await run('score', krs, results({ round: 12, results: { '1': 100 } }), '--json')).stdout);
      expect(out.official).toBeUndefined();
      expect(out.indicators[0].reportStatus).toBeUndefined();
    });

    test('a 12-month-only indicator is not due in round 6: shown as such, out of the total', async () => {
      const out = JSON.parse((await run('score', krs, results({ round: 6, results: { '1': 100, '3': [true] } }), '--json')).stdout);
      expect(out.indicators[1]).toMatchObject({ status: 'not-due', score: null, weightedScore: null });
      expect(out.total).toBe(5);
      expect((await run('score', krs, results({ round: 6, results: { '1': 100 } }))).stdout).toContain('ไม่ต้องรายงานในรอบนี้');
    });

    test('a BE submittedAt is read as CE with a note; late in round 6 costs nothing, late in round 12 does', async () => {
      const onTime = JSON.parse(
        (
          await run(
            'score',
            krs,
            results({ round: 6, submittedAt: '2567-04-05T10:00:00+07:00', results: { '1': 100, '3': [true] } }),
            '--json',
          )
        ).stdout,
      );
      expect(onTime).toMatchObject({ workingDaysLate: 0, penalty: 0, total: 5 });
      // One note per BE date: the four round dates of the assessment and submittedAt.
      expect(onTime.issues.map((i: { code: string; path: string }) => [i.code, i.path])).toEqual([
        ...['rounds[0].opensAt', 'rounds[0].closesAt', 'rounds[1].opensAt', 'rounds[1].closesAt', 'submittedAt'].map((p) => [
          'buddhist-era-date',
          p,
        ]),
      ]);
      const late6 = JSON.parse(
        (
          await run(
            'score',
            krs,
            results({ round: 6, submittedAt: '2567-04-17T10:00:00+07:00', results: { '1': 100, '3': [true] } }),
            '--json',
          )
        ).stdout,
      );
      expect(late6).toMatchObject({ workingDaysLate: 4, penalty: 0, total: 5 });
      // Closed Tuesday 15 October 2567; Thursday 17 October is 2 working days late: 0.1 off.
      const late12 = JSON.parse(
        (
          await run(
            'score',
            krs,
            results({ round: 12, submittedAt: '2567-10-17T10:00:00+07:00', results: { '1': 100, '2': 5, '3': [true] } }),
            '--json',
          )
        ).stdout,
      );
      expect(late12.workingDaysLate).toBe(2);
      expect(late12.total).toBeCloseTo(4.9, 12);
    });
  });
});

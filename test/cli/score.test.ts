/** `scorebook score`, run as a user runs it: the bin script, real files, exit codes and output. */
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
    { id: '10', name: 'ตัวชี้วัดที่มีตัวชี้วัดย่อย', weight: 40, children: [
      { id: '10.1', name: 'ย่อย 1', weight: 2.5, targets: [1, 2, 3] },
      { id: '10.2', name: 'ย่อย 2', weight: 2.5, kind: 'milestone', steps: ['ก', 'ข', 'ค'] },
    ] },
  ],
});

describe('scorebook score', () => {
  test('a table with Thai names and the rounded total; exit 0', () => {
    const r = run('score', assessment, file('r.json', { format: 'scorebook/results@1', assessment: 'otop', results: { '5': '๓,๐๕๐', '10.1': 3, '10.2': [true, true, false] } }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน');
    expect(r.stdout).toContain('80.56');
    // 0.6 × 80.5649 + 0.4 × (100 + 75) / 2
    expect(r.stdout).toMatch(/คะแนนรวม: 83\.34/);
  });

  test('--json: every indicator, children and parents, numbers unrounded', () => {
    const r = run('score', assessment, file('r.json', { format: 'scorebook/results@1', assessment: 'otop', results: { '5': 3050, '10.1': 3 } }), '--json');
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

  test('exit 1 when some result is invalid, with the issue in the output', () => {
    const r = run('--lang', 'en', 'score', assessment, file('r.json', { format: 'scorebook/results@1', assessment: 'otop', results: { '5': 'about 3000' } }), '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.indicators[0]).toMatchObject({ status: 'invalid', score: 0 });
    expect(out.indicators[0].issues[0]).toMatchObject({ code: 'value-not-number', severity: 'error', message: expect.stringContaining('not a number') });
  });

  test('exit 2 when the assessment is invalid: the message names the path and the id, no stack trace', () => {
    const bad = file('bad.json', { format: 'scorebook/assessment@1', id: 'x', title: 'x', fiscalYear: 2567, scale: 'three-level', indicators: [
      { id: '1', name: 'a', weight: 50, targets: [1, 2, 3] },
      { id: '1', name: 'b', weight: 50, targets: [3, 1, 2] },
    ] });
    const r = run('score', bad, file('r.json', { format: 'scorebook/results@1', assessment: 'x', results: {} }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('indicators[1].id');
    expect(r.stderr).toContain('"1"');
    expect(r.stderr).toContain('indicators[1].targets');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  test('exit 2 for a broken or missing file', () => {
    expect(run('score', file('broken.json', '{ "format": '), assessment).code).toBe(2);
    const missing = run('--lang', 'en', 'score', join(dir, 'nope.json'), assessment);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

/**
 * The `scorebook` bin as a process (node + tsx): the exit codes it ends with and the UTF-8 it writes. The other
 * CLI tests run the same commands in this process, through runCli; these keep the bin and main.ts covered.
 */
import { join } from 'node:path';
import { cliHarness } from './cliHarness';

const { dir, file, run, runBin } = cliHarness('scorebook-bin-');

const assessment = file('a.json', {
  format: 'scorebook/assessment@1',
  id: 'otop',
  title: 'ตัวชี้วัด OTOP',
  fiscalYear: 2567,
  scale: 'three-level',
  indicators: [{ id: '5', name: 'รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน (OTOP)', unit: 'ล้านบาท', weight: 100, targets: [10, 20, 30] }],
});

test('exit 0 and the Thai table in UTF-8 on stdout', () => {
  const r = runBin('score', assessment, file('r.json', { format: 'scorebook/results@1', assessment: 'otop', results: { '5': 20 } }));
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน');
  expect(r.stdout).toMatch(/คะแนนรวม: 75\.00/);
});

test('exit 1 for an invalid result, exit 2 for a missing file (named on stderr, no stack trace)', () => {
  const invalid = runBin(
    'score',
    assessment,
    file('bad.json', { format: 'scorebook/results@1', assessment: 'otop', results: { '5': 'x' } }),
  );
  expect(invalid.code).toBe(1);
  const missing = runBin('--lang', 'en', 'score', join(dir, 'nope.json'), assessment);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('nope.json');
  expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/);
});

test("commander's usage errors and help go to the run's streams with its exit codes, the process going on", async () => {
  const unknown = await run('nope');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain("unknown command 'nope'");
  const help = await run('score', '--help');
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('score results against an assessment');
  const missingArgument = await run('score');
  expect(missingArgument.code).toBe(1);
  expect(missingArgument.stderr).toContain('missing required argument');
});

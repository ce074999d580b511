/** `scorebook report`: from the two JSON files or a filled KPI workbook, to PDF or Word; bad arguments exit 2 in Thai and English. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliHarness } from './cliHarness';

const cli = cliHarness('scorebook-report-');
const sample = (name: string, kind: string) => join(__dirname, `../../assets/samples/${name}-2567.${kind}.json`);
const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });

test('the PDF from a KPI workbook shows the same total as the one from the JSON files, with the BE period', async () => {
  const fromJson = join(cli.dir, 'pte.pdf');
  expect((await cli.run('report', sample('pte', 'assessment'), sample('pte', 'results'), '--out', fromJson)).code).toBe(0);
  const kpi = join(cli.dir, 'kpi.xlsx');
  expect((await cli.run('template', sample('pte', 'assessment'), '--results', sample('pte', 'results'), '--out', kpi)).code).toBe(0);
  const fromSheet = join(cli.dir, 'kpi.pdf');
  // A sheet of an assessment without per-indicator rounds does not record its round or unit: they are given.
  expect((await cli.run('report', kpi, '--round', '6', '--unit', 'pte', '--out', fromSheet)).code).toBe(0);
  const score = JSON.parse((await cli.run('score', sample('pte', 'assessment'), sample('pte', 'results'), '--json')).stdout);
  for (const file of [fromJson, fromSheet]) {
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(file);
    expect(text).toContain(`คะแนนประเมินตนเองสุทธิ\n${score.total.toFixed(2)}`);
    expect(text).toContain('จังหวัดปทุมธานี\n');
    expect(text).toContain('รอบ 6 เดือน (1 ตุลาคม 2566 – 31 มีนาคม 2567)');
    expect(text).toMatch(/หน้า ๑ \/ [๐-๙]+/);
  }
});

test('--format docx, --lang en and --thai-digits', async () => {
  const out = join(cli.dir, 'krs.docx');
  const r = await cli.run(
    '--lang',
    'en',
    'report',
    sample('krs', 'assessment'),
    sample('krs', 'results'),
    '--format',
    'docx',
    '--thai-digits',
    '--out',
    out,
  );
  expect(r.code).toBe(0);
  expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
});

test('bad arguments: a clear message and exit 2, nothing written', async () => {
  const out = join(cli.dir, 'never.pdf');
  const one = await cli.run('report', sample('pte', 'assessment'), '--out', out);
  expect(one.code).toBe(2);
  expect(one.stderr).toContain('ให้ไฟล์ KPI (.xlsx) หนึ่งไฟล์');
  const format = await cli.run(
    '--lang',
    'en',
    'report',
    sample('pte', 'assessment'),
    sample('pte', 'results'),
    '--format',
    'rtf',
    '--out',
    out,
  );
  expect(format.code).toBe(2);
  expect(format.stderr).toContain('--format must be pdf or docx (got rtf)');
  const broken = await cli.run('report', sample('pte', 'assessment'), cli.file('r.json', { format: 'scorebook/results@1' }), '--out', out);
  expect(broken.code).toBe(2);
  expect(broken.stderr).toContain('results');
  expect(existsSync(out)).toBe(false);
});

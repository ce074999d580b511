/** `scorebook template` and `scorebook check`, on real files: exit codes and output. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cliHarness } from './cliHarness';

// Each run starts node and tsx: seconds, not milliseconds.
jest.setTimeout(60_000);

const { dir, file, run } = cliHarness('scorebook-template-cli-');

const assessment = file('a.json', {
  format: 'scorebook/assessment@1',
  id: 'otop',
  title: 'ตัวชี้วัด OTOP',
  fiscalYear: 2567,
  scale: 'three-level',
  indicators: [
    { id: '5', name: 'รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน (OTOP)', unit: 'ล้านบาท', weight: 60, targets: [2874.79, 3018.1, 3161.41] },
    {
      id: '11',
      name: 'ร้อยละ',
      weight: 40,
      kind: 'ratio',
      multiplier: 100,
      targets: [80, 85, 90],
      variables: [
        { id: 'n', name: 'ผ่าน' },
        { id: 'd', name: 'ทั้งหมด' },
      ],
    },
  ],
});

test('template --results, then check: the same total as score, exit 0', async () => {
  const results = file('r.json', { format: 'scorebook/results@1', assessment: 'otop', results: { '5': 3050, '11': { n: 43, d: 50 } } });
  const out = join(dir, 'kpi.xlsx');
  expect((await run('template', assessment, '--results', results, '--out', out)).code).toBe(0);
  const check = await run('check', out, '--json');
  expect(check.code).toBe(0);
  const score = await run('score', assessment, results, '--json');
  expect(JSON.parse(check.stdout).totalBeforePenalty).toBeCloseTo(JSON.parse(score.stdout).totalBeforePenalty, 12);
});

test('check of a sheet with an invalid result: the issue carries its cell, exit 1', async () => {
  const out = join(dir, 'kpi-blank.xlsx');
  expect((await run('template', assessment, '--out', out)).code).toBe(0);
  // Typed by hand as if in Excel: a zero denominator.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('KPI')!;
  ws.getCell('I6').value = 4;
  ws.getCell('J6').value = 0;
  await wb.xlsx.writeFile(out);
  const check = await run('--lang', 'en', 'check', out, '--json');
  expect(check.code).toBe(1);
  const doc = JSON.parse(check.stdout);
  const row = doc.indicators.find((i: { id: string }) => i.id === '11');
  expect(row.issues).toEqual([expect.objectContaining({ code: 'ratio-zero-denominator', cell: 'KPI!J6' })]);
  expect((await run('check', out)).stdout).toContain('KPI!J6');
});

test('check of a file that is not a workbook: a message, no stack trace, exit 2', async () => {
  const r = await run('check', file('x.xlsx', 'hello'));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('ไม่ใช่ไฟล์ Excel');
  expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
});

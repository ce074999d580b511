/** `scorebook definitions-template` and `scorebook import`, on real files. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { assessmentDocumentSchema, readAssessment, scoreAssessment, readResults } from '../../src/domain';
import { cliHarness } from './cliHarness';

const SAMPLES = join(__dirname, '..', '..', 'assets', 'samples');
const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown;

describe('scorebook definitions-template and import', () => {
  const cli = cliHarness('scorebook-definitions-');

  test('the empty template has the kind and direction lists and one worked example row, which imports', async () => {
    const out = join(cli.dir, 'defs.xlsx');
    const made = await cli.run('definitions-template', '--out', out);
    expect(made.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('ตัวชี้วัด') as ExcelJS.Worksheet;
    expect(ws.getCell('C3').value).toBe('ลำดับ');
    expect(ws.getCell('G4').dataValidation).toMatchObject({ type: 'list', formulae: ['"ปริมาณ,ขั้นตอน,อัตราส่วน,ใช่-ไม่ใช่"'] });
    expect(ws.getCell('G100').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('H4').dataValidation).toMatchObject({ type: 'list', formulae: ['"ยิ่งมากยิ่งดี,ยิ่งน้อยยิ่งดี"'] });
    expect(ws.getCell('D4').value).toBe('รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน (OTOP)');
    expect(ws.getCell('C5').value).toBeNull();
    const imported = await cli.run('import', out, '--out', join(cli.dir, 'example.json'));
    expect(imported.code).toBe(0);
    expect(readAssessment(json(join(cli.dir, 'example.json'))).ok).toBe(true);
  });

  test('--lang en writes English headers and sheet names', async () => {
    const out = join(cli.dir, 'defs-en.xlsx');
    expect((await cli.run('--lang', 'en', 'definitions-template', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Indicators', 'Assessment settings']);
    expect(wb.getWorksheet('Indicators')?.getCell('G4').dataValidation).toMatchObject({ formulae: ['"quantity,milestone,ratio,binary"'] });
  });

  for (const name of ['pte-2567', 'otop-2567', 'krs-2567']) {
    test(`${name}: --from, then import, gives the same assessment, scoring the same`, async () => {
      const source = join(SAMPLES, `${name}.assessment.json`);
      const xlsx = join(cli.dir, `${name}.xlsx`);
      const back = join(cli.dir, `${name}.json`);
      expect((await cli.run('definitions-template', '--from', source, '--out', xlsx)).code).toBe(0);
      const imported = await cli.run('import', xlsx, '--out', back);
      expect(imported.code).toBe(0);
      expect(json(back)).toEqual(assessmentDocumentSchema.parse(json(source)));
      const a = readAssessment(json(source));
      const b = readAssessment(json(back));
      if (!a.ok || !b.ok) throw new Error('does not read');
      const results = readResults(json(join(SAMPLES, `${name}.results.json`)), a.value);
      if (!results.ok) throw new Error('results do not read');
      expect(scoreAssessment(b.value, results.value)).toEqual(scoreAssessment(a.value, results.value));
    });
  }

  test('problems at cells: exit 1, every one said with its cell, nothing written', async () => {
    const xlsx = join(cli.dir, 'broken.xlsx');
    expect((await cli.run('definitions-template', '--out', xlsx)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('ตัวชี้วัด') as ExcelJS.Worksheet;
    ws.getCell('G4').value = 'ปริมาน';
    ws.getCell('I4').value = '85%';
    await wb.xlsx.writeFile(xlsx);
    const out = join(cli.dir, 'broken.json');
    const r = await cli.run('import', xlsx, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✘ ตัวชี้วัด!G4: ไม่รู้จักประเภท "ปริมาน"');
    expect(r.stderr).toContain('✘ ตัวชี้วัด!I4: ');
    expect(existsSync(out)).toBe(false);
    const en = await cli.run('--lang', 'en', 'import', xlsx, '--out', out);
    expect(en.stderr).toContain('✘ ตัวชี้วัด!G4: unknown kind "ปริมาน"');
  });

  test('not an .xlsx, a missing file, an empty sheet: exit 2 with a message, never a stack trace', async () => {
    const text = cli.file('notes.xlsx', 'ลำดับ,ตัวชี้วัด\n1,ก\n');
    const r = await cli.run('import', text, '--out', join(cli.dir, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ไม่ใช่ไฟล์ Excel (.xlsx)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await cli.run('import', join(cli.dir, 'none.xlsx'), '--out', join(cli.dir, 'x.json'))).code).toBe(2);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('ตัวชี้วัด');
    const empty = join(cli.dir, 'empty.xlsx');
    await wb.xlsx.writeFile(empty);
    const e = await cli.run('--lang', 'en', 'import', empty, '--out', join(cli.dir, 'x.json'));
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('the sheet ตัวชี้วัด is empty');
    expect(e.stderr).not.toMatch(/\n\s+at /);
  });
});

/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs cells, not Office.js proxies */
/** `scorebook template` with a central result (ผลจากส่วนกลาง): its input cell is locked, shaded and carries a note. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cliHarness } from './cliHarness';

jest.setTimeout(60_000);

const { dir, file, run } = cliHarness('scorebook-central-cli-');

test("a central result indicator: the result cell is locked with a note; the unit's own result cell stays open", async () => {
  const assessment = file('a.json', {
    format: 'scorebook/assessment@1',
    id: 'krs',
    title: 'KRS',
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: [
      { id: '1', name: 'ผลของหน่วยงาน', weight: 50, targets: [1, 2, 3, 4, 5] },
      { id: '2', name: 'ผลการประเมิน ITA', weight: 50, targets: [60, 70, 80, 90, 100], centralResult: true },
    ],
  });
  const out = join(dir, 'kpi.xlsx');
  expect((await run('template', assessment, '--out', out)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('KPI')!;
  let header = 0;
  ws.eachRow((row, n) => {
    if (header === 0 && row.values.toString().includes('ผลการดำเนินงาน')) header = n;
  });
  const resultColumn = (ws.getRow(header).values as unknown[]).findIndex((v) => String(v).startsWith('ผลการดำเนินงาน'));
  const rowOf = (id: string): number => {
    for (let r = header + 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value) === id) return r;
    throw new Error(`no row ${id}`);
  };
  const facts = (r: number): { locked: boolean | undefined; note: string } => {
    const c = ws.getCell(r, resultColumn);
    return { locked: c.protection?.locked, note: String(c.note ?? '') };
  };
  expect(facts(rowOf('1')).locked).toBe(false);
  const central = facts(rowOf('2'));
  expect(central.locked).not.toBe(false);
  expect(central.note).toContain('ผลจากส่วนกลาง');
  expect(central.note).toContain('Central result');
});

/**
 * `scorebook submit` sends each row's explanation (คำชี้แจงการปฏิบัติงาน), obstacles (อุปสรรค) and remarks
 * (หมายเหตุ) from their columns of the filled template, against the real server on in-memory PGlite.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ScorebookClient } from '../../src/api/client';
import { writeTemplate } from '../../src/cli/xlsx/writeTemplate';
import { readAssessment } from '../../src/domain';
import { kpiLayout, requireColumn, type ColumnRole } from '../../src/workbook';
import { AID, fixtureAssessment } from '../server/fixtures';
import { listenOnLoopback, useHarness } from '../server/harness';
import { submitInProcess } from './submitInProcess';

jest.setTimeout(60_000);

const h = useHarness('memory');
let server: string;
const dir = mkdtempSync(join(tmpdir(), 'scorebook-submit-texts-'));
const target = { aid: AID, round: 6, unit: 'pte' };
const document = fixtureAssessment();
const read = readAssessment(document);
if (!read.ok) throw new Error('fixture does not read');
const assessment = read.value;
const layout = kpiLayout(assessment);

beforeAll(async () => {
  server = await listenOnLoopback(h.app);
});

/** A template with results, then texts typed into it as a person would in Excel. */
async function filled(
  name: string,
  results: Record<string, unknown>,
  texts: Record<string, Partial<Record<ColumnRole, string>>>,
): Promise<string> {
  const file = join(dir, name);
  await writeTemplate(assessment, { document, results: { results: results as never } }, file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(layout.sheet)!;
  for (const [id, byRole] of Object.entries(texts)) {
    const row = layout.rows.find((r) => r.indicator.id === id)!.row;
    for (const [role, text] of Object.entries(byRole)) ws.getCell(row, requireColumn(layout, role as ColumnRole).column).value = text;
  }
  await wb.xlsx.writeFile(file);
  return file;
}

const submit = (file: string) => submitInProcess({ file, server, action: 'save', locale: 'en' });

async function stored() {
  const c = new ScorebookClient({ baseUrl: server });
  await c.signIn('pte.reporter', 'pw');
  return new Map((await c.listReports(target)).map((r) => [r.indicatorId, r]));
}

test('the three texts are sent with the row; blank is null; a row with only texts is sent too', async () => {
  const file = await filled(
    'texts.xlsx',
    { '1': 88 },
    {
      '1': { explanation: 'ยอดขายจากงานแสดงสินค้า', obstacles: 'ฝนตกช่วงงาน' },
      '4.1': { note: 'รอข้อมูลจากอำเภอ' },
    },
  );
  const r = await submit(file);
  expect(r.code).toBe(0);
  expect(r.out).toEqual(['✔ indicator 1: accepted (version 1)', '✔ indicator 4.1: accepted (version 1)']);
  const rows = await stored();
  expect(rows.get('1')).toMatchObject({ value: 88, explanation: 'ยอดขายจากงานแสดงสินค้า', obstacles: 'ฝนตกช่วงงาน', remarks: null });
  expect(rows.get('4.1')).toMatchObject({ value: null, explanation: null, obstacles: null, remarks: 'รอข้อมูลจากอำเภอ' });
});

test('a row with only texts the server already holds is not sent again; its result on the server is kept when a text changes', async () => {
  expect((await submit(await filled('first.xlsx', { '4.1': 3 }, { '4.1': { note: 'รอข้อมูล' } }))).code).toBe(0);
  // Same remark, result left blank in this file: nothing differs from the server.
  const same = await submit(await filled('same.xlsx', {}, { '4.1': { note: 'รอข้อมูล' } }));
  expect(same).toMatchObject({ code: 0, out: ['nothing differs from what the server holds'] });
  // A new remark on a row whose result is blank here: sent on the server's version, its result kept.
  const changed = await submit(await filled('changed.xlsx', {}, { '4.1': { note: 'ได้ข้อมูลครบแล้ว' } }));
  expect(changed.out).toEqual(['✔ indicator 4.1: accepted (version 2)']);
  expect((await stored()).get('4.1')).toMatchObject({ value: 3, remarks: 'ได้ข้อมูลครบแล้ว', version: 2 });
});

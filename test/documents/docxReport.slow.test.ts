/**
 * The Word document opens in LibreOffice (converted headless to PDF): the table is there with its columns in
 * order on landscape pages, and every indicator name and note comes back as written. Page images in
 * test-artifacts/documents/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReportModel, renderReportDocx } from '../../src/documents';
import { loadAssessment, loadResults } from '../../src/cli/loadFiles';
import { allIndicators } from '../../src/domain';

const ROOT = join(__dirname, '../..');
const OUT = join(ROOT, 'test-artifacts/documents');
const squeeze = (s: string) => s.replace(/\s+/g, '');

test('the .docx converts in LibreOffice with its table intact and its text equal to the source', async () => {
  mkdirSync(OUT, { recursive: true });
  const { assessment } = loadAssessment(join(ROOT, 'assets/samples/pte-2567.assessment.json'));
  const { results } = loadResults(join(ROOT, 'assets/samples/pte-2567.results.json'), assessment);
  const texts = new Map([
    ['1', { explanation: 'จัดเวทีประชาคมครบ ๗ อำเภอ น้ำท่วมที่ลิ้นจี่ เยิ้ม ญี่ปุ่น ฐ ฎ (OTOP 2567) 85%', obstacles: 'งบประมาณได้รับล่าช้า' }],
    ['5', { remarks: 'ข้อมูลจากสำนักงานพัฒนาชุมชนจังหวัด' }],
  ]);
  const model = buildReportModel({
    assessment,
    resultSet: results,
    unitId: 'pte',
    texts,
    evidence: new Map([['1', [{ name: 'ภาพกิจกรรม.jpg' }]]]),
    locale: 'th',
  });
  const docx = join(OUT, 'pte-report.docx');
  writeFileSync(docx, await renderReportDocx(model));
  execFileSync(
    'soffice',
    ['-env:UserInstallation=file:///tmp/scorebook-lo-documents', '--headless', '--convert-to', 'pdf', '--outdir', OUT, docx],
    { stdio: 'pipe', timeout: 240000 },
  );
  const pdf = join(OUT, 'pte-report.pdf');
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(OUT, 'pte-report-docx')]);
  // Portrait heading, landscape table pages, portrait notes.
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) =>
    Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait',
  );
  expect(sizes[0]).toBe('portrait');
  expect(sizes).toContain('landscape');
  expect(sizes[sizes.length - 1]).toBe('portrait');
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
  const flat = squeeze(text);
  for (const indicator of allIndicators(assessment))
    expect({ id: indicator.id, found: flat.includes(squeeze(indicator.name)) }).toEqual({ id: indicator.id, found: true });
  for (const t of texts.values()) for (const note of Object.values(t)) expect(flat).toContain(squeeze(note));
  expect(flat).toContain('ภาพกิจกรรม.jpg');
  // The table's header in order, then the rows' figures as the model has them.
  const header = ['ลำดับ', 'ตัวชี้วัด', 'หน่วยนับ', 'น้ำหนัก', 'ค่าเป้าหมาย', 'ผลการดำเนินงาน', 'คะแนน'];
  let at = flat.indexOf('ลำดับ');
  for (const h of header) {
    const next = flat.indexOf(h, at);
    expect({ h, inOrder: next >= at && next - at < 40 }).toEqual({ h, inOrder: true });
    at = next + h.length;
  }
  for (const t of model.totals) expect(flat).toContain(squeeze(t.label) + squeeze(t.value));
}, 300000);

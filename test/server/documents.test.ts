/**
 * The report document from the server: built from the stored rows (results, statuses, texts, evidence names),
 * with the self-assessed and the official totals the scores route gives, as PDF and as Word.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { formatNumber } from '../../src/domain';
import { as, postBatch, scoresUrl } from './client';
import { multipart, PDF } from './attachments.cases';
import { useHarness } from './harness';

const h = useHarness('memory');
const dir = mkdtempSync(join(tmpdir(), 'scorebook-report-'));
const reportUrl = (format: string, query = '') => scoresUrl(6).replace(/scores$/, `report.${format}`) + query;

function pdfText(bytes: Buffer): string {
  const file = join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

async function fill(): Promise<void> {
  const submitted = await postBatch(
    h,
    'pte.reporter',
    [
      { indicatorId: '1', value: 87, explanation: 'จัดอบรมครบทุกอำเภอ น้ำท่วมที่ลิ้นจี่', obstacles: 'งบประมาณล่าช้า', baseVersion: 0 },
      { indicatorId: '3', value: [true, true, true, false, false], baseVersion: 0 },
    ],
    { action: 'submit' },
  );
  expect(submitted.statusCode).toBe(200);
  const body = multipart('หลักฐานการอบรม.pdf', PDF);
  const up = await h.app.inject({
    method: 'POST',
    url: `${scoresUrl(6).replace(/scores$/, 'reports')}/1/attachments`,
    headers: { ...(await as(h, 'pte.reporter')), ...body.headers },
    payload: body.payload,
  });
  expect(up.statusCode).toBe(201);
  const approved = await h.app.inject({
    method: 'POST',
    url: `${scoresUrl(6).replace(/scores$/, 'reports')}/1/approve`,
    headers: await as(h, 'pte.approver'),
    payload: {},
  });
  expect(approved.statusCode).toBe(200);
}

test('report.pdf prints the stored texts, the evidence names and both totals of …/scores', async () => {
  await fill();
  const scores = (await h.app.inject({ method: 'GET', url: scoresUrl(6), headers: await as(h, 'pte.approver') })).json();
  const res = await h.app.inject({ method: 'GET', url: reportUrl('pdf'), headers: await as(h, 'pte.approver') });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toMatch(/attachment; filename="test-2567-6-pte\.pdf"/);
  const text = pdfText(res.rawPayload);
  expect(text).toContain('จัดอบรมครบทุกอำเภอ น้ำท่วมที่ลิ้นจี่');
  expect(text).toContain('งบประมาณล่าช้า');
  expect(text).toContain('หลักฐานการอบรม.pdf');
  expect(text).toContain('อนุมัติแล้ว');
  expect(text).toContain('ส่งแล้ว');
  const decimals = 2;
  expect(scores.official.total).not.toBe(scores.total);
  for (const figure of [scores.total, scores.official.total]) expect(text).toContain(formatNumber(figure, decimals));
});

test('report.docx is a Word document with the same texts; ?lang=en&thaiDigits=1 is honoured', async () => {
  await fill();
  const res = await h.app.inject({ method: 'GET', url: reportUrl('docx', '?lang=en&thaiDigits=1'), headers: await as(h, 'central') });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] as Uint8Array);
  expect(xml).toContain('จัดอบรมครบทุกอำเภอ น้ำท่วมที่ลิ้นจี่');
  expect(xml).toContain('Certified score');
  expect(xml).toContain('Report of results');
  expect(xml).toMatch(/[๐-๙]/);
  expect(xml).not.toMatch(/<w:t[^>]*>[^<]*\d+\.\d\d<\/w:t>/);
});

test('a unit the caller does not belong to is refused before anything is built', async () => {
  const res = await h.app.inject({
    method: 'GET',
    url: scoresUrl(6, 'cbi').replace(/scores$/, 'report.pdf'),
    headers: await as(h, 'pte.reporter'),
  });
  expect(res.statusCode).toBe(403);
  expect(res.json().error.messageTh).toBeTruthy();
});

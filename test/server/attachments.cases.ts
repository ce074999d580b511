import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { AppOptions } from '../../src/server/app';
import { as, postBatch, reportsUrl, snapshot } from './client';
import { useHarness, type DbKind, type Harness } from './harness';

const attachmentsUrl = (id = '1', unit = 'pte', round = 6) => `${reportsUrl(round, unit)}/${id}/attachments`;

/** A multipart/form-data body with one file. */
export function multipart(filename: string, content: Buffer, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----scorebook${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << >> endobj\n%%EOF\n')]);
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('ตัวชี้วัด').addRow(['1', 87]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const uploader =
  (h: Harness) =>
  async (filename: string, content: Buffer, o: { user?: string; id?: string; field?: string; round?: number } = {}) => {
    const body = multipart(filename, content, o.field);
    return h.app.inject({
      method: 'POST',
      url: attachmentsUrl(o.id, 'pte', o.round),
      headers: { ...(await as(h, o.user ?? 'pte.reporter')), ...body.headers },
      payload: body.payload,
    });
  };

const pdfOf = (bytes: number, fill = 0): Buffer => Buffer.concat([PDF, Buffer.alloc(bytes - PDF.length, fill)]);

/** `attachmentCases` with the bytes in a file store in a fresh folder (the embedded default; SCOREBOOK_FILES). */
export function fileStoreAttachmentCases(kind: DbKind): void {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  attachmentCases(kind, { attachmentFiles: dir });

  describe('bytes in the file store', () => {
    const h = useHarness(kind, { attachmentFiles: dir });
    const upload = uploader(h);

    test('the row holds only the metadata; the file is stored under its sha256 and downloaded byte for byte', async () => {
      const file = pdfOf(300_000, 7);
      const meta = (await upload('หลักฐาน.pdf', file)).json();
      const row = await h.db.selectFrom('attachments').selectAll().where('id', '=', meta.id).executeTakeFirstOrThrow();
      expect(row.content).toBeNull();
      expect(readFileSync(join(dir, meta.sha256.slice(0, 2), meta.sha256)).equals(file)).toBe(true);
      const got = await h.app.inject({ method: 'GET', url: `${attachmentsUrl()}/${meta.id}`, headers: await as(h, 'pte.approver') });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(file)).toBe(true);
    });

    test('while five 10 MB files are stored, /healthz still answers within a second', async () => {
      const uploads = Array.from({ length: 5 }, (_, i) => upload(`big${i}.pdf`, pdfOf(10 * 1024 * 1024, i), { id: i < 3 ? '1' : '3' }));
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      const health = await h.app.inject({ method: 'GET', url: '/healthz' });
      const waited = Date.now() - started;
      expect(health.statusCode).toBe(200);
      expect((await Promise.all(uploads)).map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
      expect(waited).toBeLessThan(1000);
    });
  });
}

export function attachmentCases(kind: DbKind, extra: Partial<AppOptions> = {}): void {
  const h = useHarness(kind, extra);
  const upload = uploader(h);

  test('a PDF is stored, listed and downloaded byte for byte, with an audit event', async () => {
    const res = await upload('หลักฐาน ตัวชี้วัด 1.pdf', PDF);
    expect(res.statusCode).toBe(201);
    const meta = res.json();
    expect(meta).toMatchObject({
      indicatorId: '1',
      filename: 'หลักฐาน ตัวชี้วัด 1.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      uploadedBy: 'pte.reporter',
    });
    const list = await h.app.inject({ method: 'GET', url: attachmentsUrl(), headers: await as(h, 'pte.approver') });
    expect(list.json().attachments).toEqual([meta]);
    const file = await h.app.inject({ method: 'GET', url: `${attachmentsUrl()}/${meta.id}`, headers: await as(h, 'central') });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('หลักฐาน ตัวชี้วัด 1.pdf'));
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const events = await h.db.selectFrom('audit_events').selectAll().where('action', '=', 'attachment.add').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'pte.reporter', indicator_id: '1', unit_id: 'pte' });
  });

  test('images, OLE documents and Office Open XML files whose content matches their names are accepted', async () => {
    const book = await xlsx();
    for (const [name, content] of [
      ['a.png', PNG],
      ['b.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])],
      ['c.doc', OLE],
      ['d.xls', OLE],
      ['e.ppt', OLE],
      ['f.xlsx', book],
    ] as const) {
      const res = await upload(name, content);
      expect([name, res.statusCode]).toEqual([name, 201]);
    }
  });

  test('a file over 10 MB is 413 and nothing is stored', async () => {
    const before = await snapshot(h);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload('big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(await snapshot(h)).toBe(before);
  });

  test('exactly 10 MB is accepted', async () => {
    const file = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length)]);
    expect((await upload('ok.pdf', file)).statusCode).toBe(201);
  });

  test('a name not allowed, or content that does not match the name, is 415 and nothing is stored', async () => {
    const before = await snapshot(h);
    const book = await xlsx();
    for (const [name, content] of [
      ['virus.exe', PDF],
      ['fake.pdf', PNG],
      ['fake.png', PDF],
      ['fake.docx', book], // a ZIP, but a workbook, not a Word document
      ['fake.xlsx', Buffer.from('PK\x03\x04 not really a zip')],
      ['fake.doc', PDF],
      ['noextension', PDF],
    ] as const) {
      const res = await upload(name, content);
      expect([name, res.statusCode, res.json().error.code]).toEqual([name, 415, 'unsupported_file_type']);
    }
    expect(await snapshot(h)).toBe(before);
  });

  test('the file must be in the field "file"', async () => {
    const res = await upload('a.pdf', PDF, { field: 'document' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('file_required');
  });

  test('a JSON body instead of multipart is 415', async () => {
    const res = await h.app.inject({ method: 'POST', url: attachmentsUrl(), headers: await as(h, 'pte.reporter'), payload: { file: 'x' } });
    expect(res.statusCode).toBe(415);
  });

  test('an approved row takes no more evidence (409 locked); a closed round neither (409 round_closed); an unknown indicator is 404', async () => {
    await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { action: 'submit' });
    await h.app.inject({ method: 'POST', url: `${reportsUrl()}/1/approve`, headers: await as(h, 'pte.approver'), payload: {} });
    expect((await upload('a.pdf', PDF)).json().error.code).toBe('locked');
    expect((await upload('a.pdf', PDF, { id: '3', round: 9 })).json().error.code).toBe('round_closed');
    expect((await upload('a.pdf', PDF, { id: '4' })).json().error.code).toBe('indicator_not_found');
  });

  test('downloading an attachment of another row, or an unknown id, is 404', async () => {
    const meta = (await upload('a.pdf', PDF)).json();
    const other = await h.app.inject({ method: 'GET', url: `${attachmentsUrl('3')}/${meta.id}`, headers: await as(h, 'pte.reporter') });
    expect(other.statusCode).toBe(404);
    const unknown = await h.app.inject({
      method: 'GET',
      url: `${attachmentsUrl()}/00000000-0000-4000-8000-000000000000`,
      headers: await as(h, 'pte.reporter'),
    });
    expect(unknown.json().error.code).toBe('attachment_not_found');
  });

  test('an approval that commits while a file is uploading: the file is refused, or its event comes before the approval and is not later', async () => {
    await postBatch(h, 'pte.reporter', [{ indicatorId: '1', value: 87, baseVersion: 0 }], { action: 'submit' });
    const approver = await as(h, 'pte.approver');
    const start = h.clock.now.getTime();
    const uploading = upload('late.pdf', pdfOf(4 * 1024 * 1024));
    // The approval comes a second later, while the upload is still being read.
    await new Promise((r) => setImmediate(r));
    h.clock.now = new Date(start + 1000);
    const approved = await h.app.inject({ method: 'POST', url: `${reportsUrl()}/1/approve`, headers: approver, payload: {} });
    expect(approved.statusCode).toBe(200);
    const up = await uploading;
    const events = await h.db
      .selectFrom('audit_events')
      .select(['id', 'at', 'action'])
      .where('action', 'in', ['attachment.add', 'report.approve'])
      .orderBy('id')
      .execute();
    if (up.statusCode === 409) {
      expect(up.json().error.code).toBe('locked');
      expect(events.map((e) => e.action)).toEqual(['report.approve']);
      expect(await h.db.selectFrom('attachments').selectAll().execute()).toEqual([]);
    } else {
      expect(up.statusCode).toBe(201);
      expect(events.map((e) => e.action)).toEqual(['attachment.add', 'report.approve']);
      expect(new Date(events[0]!.at).getTime()).toBeLessThanOrEqual(new Date(events[1]!.at).getTime());
    }
  });

  describe('quotas', () => {
    const q = useHarness(kind, { ...extra, attachmentQuota: { filesPerRow: 3, bytesPerRow: 100_000, bytesPerUnit: 150_000 } });
    const put = uploader(q);

    test('a row takes at most its number of files, concurrent uploads included (409 quota_exceeded)', async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => put(`a${i}.pdf`, pdfOf(1000, i))));
      const statuses = answers.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
      const refused = answers.find((r) => r.statusCode === 409)!.json().error;
      expect(refused.code).toBe('quota_exceeded');
      expect(refused.messageTh).toMatch(/ไฟล์แนบครบจำนวนสูงสุด/);
      expect(await q.db.selectFrom('attachments').selectAll().execute()).toHaveLength(3);
    });

    test('a row takes at most its bytes, and a unit at most its bytes over all its rows', async () => {
      expect((await put('a.pdf', pdfOf(60_000))).statusCode).toBe(201);
      const overRow = await put('b.pdf', pdfOf(50_000));
      expect([overRow.statusCode, overRow.json().error.code]).toEqual([409, 'quota_exceeded']);
      expect((await put('c.pdf', pdfOf(60_000), { id: '3' })).statusCode).toBe(201);
      const overUnit = await put('d.pdf', pdfOf(40_000), { id: '4.1' });
      expect([overUnit.statusCode, overUnit.json().error.messageTh]).toEqual([409, expect.stringMatching(/ของหน่วยงาน/)]);
      expect((await put('e.pdf', pdfOf(20_000), { id: '4.1' })).statusCode).toBe(201);
    });
  });
}

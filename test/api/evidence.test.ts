/**
 * Evidence files through the client: refused before any request when too large or of a type the contract does not
 * allow (the message names the file), uploaded once with progress, listed, downloaded (retried like every read).
 */
import { ScorebookClient, type ClientOptions } from '../../src/api/client';
import { xhrTransport, type UploadTransport } from '../../src/api/evidence';
import { FakeServer, session } from './fakeServer';
import { evidenceFile, FakeEvidenceServer, PDF_BYTES } from './fakeEvidenceServer';

const target = { aid: 'pte-2567', round: 6, unit: 'pte' };
const MB = 1024 * 1024;

function clientFor(server: FakeEvidenceServer, extra: Partial<ClientOptions> = {}) {
  const client = new ScorebookClient({
    baseUrl: 'http://scorebook.test',
    fetch: server.fetch,
    timeoutMs: 50,
    sleep: async () => undefined,
    random: () => 0.5,
    ...extra,
  });
  client.useSession(session());
  return client;
}

describe('checked before upload', () => {
  it('a 12 MB file is refused before any request, naming the file and the limit in Thai and English', async () => {
    const server = new FakeEvidenceServer();
    const client = clientFor(server);
    const error = await client.uploadAttachment(target, '5', evidenceFile('สแกนรายงาน.pdf', PDF_BYTES, 12 * MB)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'payload_too_large' });
    expect((error as { userMessage: { th: string; en: string } }).userMessage.th).toContain('ไฟล์ "สแกนรายงาน.pdf" (12.0 MB) ใหญ่เกิน 10 MB');
    expect((error as { userMessage: { th: string; en: string } }).userMessage.en).toContain(
      '"สแกนรายงาน.pdf" (12.0 MB) is larger than 10 MB',
    );
    expect(server.count()).toBe(0);
    expect(client.requestCount).toBe(0);
  });

  it('a .exe is refused before any request, with the types that are allowed', async () => {
    const server = new FakeEvidenceServer();
    const error = await clientFor(server)
      .uploadAttachment(target, '5', evidenceFile('setup.exe'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unsupported_file_type' });
    expect((error as { userMessage: { th: string } }).userMessage.th).toMatch(/^ไฟล์ "setup.exe" ไม่ใช่ชนิดที่แนบได้ .*\.pdf/);
    expect(server.count()).toBe(0);
  });

  it('a picture renamed .pdf is refused by its first bytes before any request', async () => {
    const server = new FakeEvidenceServer();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const error = await clientFor(server)
      .uploadAttachment(target, '5', evidenceFile('รูป.pdf', png))
      .catch((e: unknown) => e);
    expect((error as { userMessage: { en: string } }).userMessage.en).toContain('The content of "รูป.pdf" does not match its extension');
    expect(server.count()).toBe(0);
  });

  it('an empty file is refused before any request', async () => {
    const server = new FakeEvidenceServer();
    await expect(clientFor(server).uploadAttachment(target, '5', evidenceFile('ว่าง.pdf', new Uint8Array(0)))).rejects.toMatchObject({
      code: 'file_required',
    });
    expect(server.count()).toBe(0);
  });
});

describe('upload, list, download', () => {
  it('uploads with progress to the end, lists it with who and when, and downloads the same bytes', async () => {
    const server = new FakeEvidenceServer();
    const client = clientFor(server);
    const progress: number[] = [];
    const meta = await client.uploadAttachment(target, '5', evidenceFile('หลักฐาน OTOP.pdf'), { onProgress: (p) => progress.push(p) });
    expect(meta).toMatchObject({ indicatorId: '5', filename: 'หลักฐาน OTOP.pdf', size: PDF_BYTES.length, uploadedBy: 'pte.reporter' });
    expect(progress[progress.length - 1]).toBe(1);
    expect(await client.listAttachments(target, '5')).toEqual([meta]);
    expect(await client.listAttachments(target, '6')).toEqual([]);
    const file = await client.downloadAttachment(target, meta);
    expect(file.filename).toBe('หลักฐาน OTOP.pdf');
    expect(new Uint8Array(await file.data.arrayBuffer())).toEqual(PDF_BYTES);
    expect(server.requests.map((r) => r.url)).toEqual([
      'http://scorebook.test/api/v1/assessments/pte-2567/rounds/6/units/pte/reports/5/attachments',
      'http://scorebook.test/api/v1/assessments/pte-2567/rounds/6/units/pte/reports/5/attachments',
      'http://scorebook.test/api/v1/assessments/pte-2567/rounds/6/units/pte/reports/6/attachments',
      'http://scorebook.test/api/v1/assessments/pte-2567/rounds/6/units/pte/reports/5/attachments/a1',
    ]);
  });

  it('an upload whose answer was lost is not sent again (it has no key); the message says to look at the list first', async () => {
    const server = new FakeEvidenceServer().script('drop-response');
    const error = await clientFor(server)
      .uploadAttachment(target, '5', evidenceFile('a.pdf'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network' });
    expect((error as { userMessage: { th: string } }).userMessage.th).toContain('ดูรายการไฟล์ก่อนแนบอีกครั้ง');
    expect(server.count('POST')).toBe(1);
    expect(server.files.size).toBe(1);
  });

  it("the server's own 413 is worded for the file, not for batches", async () => {
    const server = new FakeEvidenceServer();
    server.maxBytes = 10;
    const error = await clientFor(server)
      .uploadAttachment(target, '5', evidenceFile('ใหญ่.pdf'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'payload_too_large' });
    expect((error as { userMessage: { th: string } }).userMessage.th).toContain('ไฟล์ "ใหญ่.pdf"');
    expect((error as { userMessage: { en: string } }).userMessage.en).not.toContain('batch');
  });

  it('a session that ended mid-work: sign in again and the file is uploaded once, with the new token', async () => {
    const batches = new FakeServer();
    batches.validTokens = new Set(['t2']);
    const server = new FakeEvidenceServer(batches);
    const client = clientFor(server, { reauthenticate: async () => session('t2') });
    await client.uploadAttachment(target, '5', evidenceFile('a.pdf'));
    expect(server.requests.map((r) => r.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(server.files.size).toBe(1);
  });

  it('a download is a read: retried on 5xx and on no answer', async () => {
    const server = new FakeEvidenceServer();
    const client = clientFor(server);
    const meta = await client.uploadAttachment(target, '5', evidenceFile('a.pdf'));
    server.script({ status: 503 }, 'drop-request');
    const file = await client.downloadAttachment(target, meta);
    expect(new Uint8Array(await file.data.arrayBuffer())).toEqual(PDF_BYTES);
    expect(server.count('GET')).toBe(3);
  });

  it('a 404 download is not retried and says what happened', async () => {
    const server = new FakeEvidenceServer();
    const error = await clientFor(server)
      .downloadAttachment(target, { id: 'gone', indicatorId: '5', filename: 'x.pdf', contentType: 'application/pdf' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'attachment_not_found', status: 404 });
    expect(server.count()).toBe(1);
  });
});

describe('the upload transport', () => {
  it('XMLHttpRequest: upload progress events become fractions, and the answer is read', async () => {
    const sent: { headers: Record<string, string>; body: unknown }[] = [];
    class FakeXhr {
      upload: { onprogress?: (e: Partial<ProgressEvent>) => void } = {};
      status = 0;
      responseText = '';
      timeout = 0;
      onload?: () => void;
      onerror?: () => void;
      onabort?: () => void;
      ontimeout?: () => void;
      private headers: Record<string, string> = {};
      open(method: string, url: string): void {
        expect([method, url]).toEqual([
          'POST',
          'http://scorebook.test/api/v1/assessments/pte-2567/rounds/6/units/pte/reports/5/attachments',
        ]);
      }
      setRequestHeader(k: string, v: string): void {
        this.headers[k] = v;
      }
      send(body: unknown): void {
        sent.push({ headers: this.headers, body });
        for (const loaded of [0, 50, 100]) this.upload.onprogress?.({ lengthComputable: true, loaded, total: 100 });
        this.status = 201;
        this.responseText = JSON.stringify({
          id: 'a1',
          indicatorId: '5',
          filename: 'a.pdf',
          contentType: 'application/pdf',
          size: 3,
          sha256: 'x',
          uploadedBy: 'pte.reporter',
          uploadedAt: '2024-03-25T03:00:00.000Z',
        });
        this.onload?.();
      }
    }
    const client = clientFor(new FakeEvidenceServer(), { upload: xhrTransport(FakeXhr as unknown as typeof XMLHttpRequest) });
    const progress: number[] = [];
    const meta = await client.uploadAttachment(target, '5', evidenceFile('a.pdf'), { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([0, 0.5, 1]);
    expect(meta.id).toBe('a1');
    expect(sent[0]?.headers.authorization).toBe('Bearer t1');
    expect((sent[0]?.body as FormData).get('file')).toBeInstanceOf(Blob);
  });

  it('XMLHttpRequest: a timeout is the timeout error, worded for the file', async () => {
    class SlowXhr {
      upload = {};
      timeout = 0;
      ontimeout?: () => void;
      open(): void {}
      setRequestHeader(): void {}
      send(): void {
        this.ontimeout?.();
      }
    }
    const client = clientFor(new FakeEvidenceServer(), {
      upload: xhrTransport(SlowXhr as unknown as typeof XMLHttpRequest),
      uploadTimeoutMs: 1234,
    });
    const error = await client.uploadAttachment(target, '5', evidenceFile('ช้า.pdf')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout' });
    expect((error as { userMessage: { th: string } }).userMessage.th).toContain('ขณะแนบไฟล์ "ช้า.pdf"');
  });

  it('the transport is what the client uses: one call per upload, never a retry', async () => {
    let calls = 0;
    const failing: UploadTransport = async () => {
      calls++;
      return { status: 503, text: '' };
    };
    const error = await clientFor(new FakeEvidenceServer(), { upload: failing })
      .uploadAttachment(target, '5', evidenceFile('a.pdf'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(calls).toBe(1);
  });

  it('a stored-looking answer that cannot be read (a proxy page) is not trusted, and says to look at the list', async () => {
    const proxy: UploadTransport = async () => ({ status: 201, text: '<html>portal</html>' });
    const error = await clientFor(new FakeEvidenceServer(), { upload: proxy })
      .uploadAttachment(target, '5', evidenceFile('a.pdf'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_response' });
    expect((error as { userMessage: { en: string } }).userMessage.en).toContain(
      'The server\'s answer could not be read while attaching "a.pdf"',
    );
  });
});

describe('is the server there?', () => {
  it('checkHealth: true when /healthz answers, false when nothing does, one request each', async () => {
    const server = new FakeEvidenceServer();
    const client = clientFor(server);
    expect(await client.checkHealth()).toBe(true);
    server.up = false;
    expect(await client.checkHealth()).toBe(false);
    expect(server.requests.map((r) => r.url)).toEqual(['http://scorebook.test/healthz', 'http://scorebook.test/healthz']);
  });
});

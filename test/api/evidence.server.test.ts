/**
 * Evidence files through the client against the real server (buildApp on in-memory PGlite, on a port, Node's
 * fetch transport): uploaded, listed with who and when, downloaded byte for byte; a file whose name passes the
 * client's check but whose content the server refuses comes back worded for that file.
 */
import { ScorebookClient } from '../../src/api/client';
import { AID } from '../server/fixtures';
import { listenOnLoopback, useHarness } from '../server/harness';

const h = useHarness('memory');
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await listenOnLoopback(h.app);
});

const target = { aid: AID, round: 6, unit: 'pte' };
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

async function reporter(): Promise<ScorebookClient> {
  const client = new ScorebookClient({ baseUrl, sleep: async () => undefined });
  await client.signIn('pte.reporter', 'pw');
  return client;
}

it('uploads a PDF, lists it with who and when, and downloads the same bytes', async () => {
  const client = await reporter();
  const progress: number[] = [];
  const meta = await client.uploadAttachment(
    target,
    '1',
    { name: 'หลักฐาน ตัวชี้วัด 1.pdf', size: PDF.length, data: new Blob([PDF]) },
    { onProgress: (p) => progress.push(p) },
  );
  expect(meta).toMatchObject({
    indicatorId: '1',
    filename: 'หลักฐาน ตัวชี้วัด 1.pdf',
    contentType: 'application/pdf',
    size: PDF.length,
    uploadedBy: 'pte.reporter',
    uploadedAt: h.clock.now.toISOString(),
  });
  expect(progress[progress.length - 1]).toBe(1);
  expect(await client.listAttachments(target, '1')).toEqual([meta]);
  const file = await client.downloadAttachment(target, meta);
  expect(file.contentType).toBe('application/pdf');
  expect(new Uint8Array(await file.data.arrayBuffer())).toEqual(PDF);
  expect(await client.checkHealth()).toBe(true);
});

it("a .docx that is a ZIP but no Word document passes the client's first-bytes check and is refused by the server, named", async () => {
  const client = await reporter();
  const notWord = new TextEncoder().encode('PK\x03\x04 not really a zip');
  const error = await client
    .uploadAttachment(target, '1', { name: 'รายงาน.docx', size: notWord.length, data: new Blob([notWord]) })
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'unsupported_file_type' });
  expect((error as { userMessage: { th: string } }).userMessage.th).toContain('เนื้อไฟล์ "รายงาน.docx" ไม่ตรงกับนามสกุล');
  expect((await client.listAttachments(target, '1')).map((a) => a.filename)).not.toContain('รายงาน.docx');
});

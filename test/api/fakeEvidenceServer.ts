/**
 * The fake reporting API (fakeServer.ts) with evidence files and /healthz in front of it: attachments are kept per
 * row as the real server keeps them (≤ 10 MB, else 413), and the same kinds of faults can be scripted for the next
 * requests. Everything else goes to the batch fake behind it.
 */
import type { Attachment } from '../../src/api';
import { FakeServer, type Fault } from './fakeServer';

export class FakeEvidenceServer {
  readonly files = new Map<string, { meta: Attachment; bytes: Uint8Array<ArrayBuffer> }>();
  readonly requests: { method: string; url: string; authorization?: string }[] = [];
  private faults: Fault[] = [];
  /** /healthz answers only while up. */
  up = true;
  /** The server's own limit (tests lower it to see the server's 413 as the client words it). */
  maxBytes = 10 * 1024 * 1024;

  constructor(readonly batches = new FakeServer()) {}

  script(...faults: Fault[]): this {
    this.faults.push(...faults);
    return this;
  }

  /** Requests to attachments and /healthz only (batches are counted by the batch fake). */
  count(method?: string): number {
    return this.requests.filter((r) => !method || r.method === method).length;
  }

  readonly fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const path = new URL(url).pathname;
    if (path === '/healthz') {
      this.requests.push({ method: 'GET', url });
      if (!this.up) throw new TypeError('fetch failed: connect ECONNREFUSED');
      return json(200, { status: 'ok' });
    }
    const m = /\/reports\/([^/]+)\/attachments(?:\/([^/]+))?$/.exec(path);
    if (!m) return this.batches.fetch(url, init);
    const method = init.method ?? 'GET';
    const authorization = new Headers(init.headers).get('authorization') ?? undefined;
    this.requests.push({ method, url, authorization });
    const fault = this.faults.shift() ?? 'ok';
    if (fault === 'drop-request') throw new TypeError('fetch failed');
    if (typeof fault === 'object') {
      return json(
        fault.status,
        fault.body ?? {
          error: { code: fault.code ?? 'internal', message: `failed with ${fault.status}`, messageTh: `ล้มเหลว ${fault.status}` },
        },
      );
    }
    if (!authorization || !this.batches.validTokens.has(authorization.replace(/^Bearer /, ''))) {
      return json(401, { error: { code: 'unauthenticated', message: 'the session has expired', messageTh: 'หมดอายุการเข้าสู่ระบบ' } });
    }
    const indicatorId = decodeURIComponent(m[1]!);
    if (method === 'POST') {
      const file = (init.body as FormData).get('file') as File;
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (bytes.length > this.maxBytes) {
        return json(413, {
          error: { code: 'payload_too_large', message: 'an attachment may be at most 10 MB', messageTh: 'ไฟล์แนบมีขนาดได้ไม่เกิน 10 MB' },
        });
      }
      const meta: Attachment = {
        id: `a${this.files.size + 1}`,
        indicatorId,
        filename: file.name,
        contentType: 'application/pdf',
        size: bytes.length,
        sha256: 'x',
        uploadedBy: 'pte.reporter',
        uploadedAt: '2024-03-25T03:00:00.000Z',
      };
      this.files.set(meta.id, { meta, bytes });
      if (fault === 'drop-response') throw new TypeError('fetch failed: socket hang up');
      return json(201, meta);
    }
    if (m[2]) {
      const found = this.files.get(decodeURIComponent(m[2]));
      if (!found) return json(404, { error: { code: 'attachment_not_found', message: 'no such attachment', messageTh: 'ไม่พบไฟล์แนบ' } });
      return new Response(found.bytes, { status: 200, headers: { 'content-type': found.meta.contentType } });
    }
    return json(200, { attachments: [...this.files.values()].filter((f) => f.meta.indicatorId === indicatorId).map((f) => f.meta) });
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

/** A file as the pane hands it over: name, size, bytes (size may claim more than the bytes, as a File's does not). */
export function evidenceFile(name: string, bytes: Uint8Array<ArrayBuffer> = PDF_BYTES, size = bytes.length) {
  return { name, size, data: new Blob([bytes]) };
}

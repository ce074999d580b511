/**
 * The CLI's pending batches on disk, beside the workbook (`<kpi.xlsx>.scorebook-pending.json`), so a batch cut off
 * by a lost connection is not forgotten when the process ends: the next `scorebook submit` of that file resends it
 * first under its own Idempotency-Key, and the server, which keeps each key's answer, applies it once.
 *
 * Each batch is kept with the server it was meant for; a store sees only its own server's batches and leaves the
 * others in the file. Every change rewrites the file atomically (a temporary file, then rename), so a process
 * killed mid-write leaves the old file or the new one, never half of one; the file is removed when it is empty.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { BatchRefusal, PendingBatch, PendingStore } from '../api/pending';

export const PENDING_FILE_FORMAT = 'scorebook/pending@1';

interface PendingFile {
  readonly format: typeof PENDING_FILE_FORMAT;
  readonly batches: readonly { readonly server: string; readonly batch: PendingBatch }[];
}

/** Where the pending batches of a workbook are kept. */
export function pendingFileOf(workbook: string): string {
  return `${workbook}.scorebook-pending.json`;
}

/** The file is there but cannot be read as pending batches: said with its path, and left alone. */
export class PendingFileError extends Error {
  constructor(
    readonly path: string,
    readonly userMessage: { th: string; en: string },
  ) {
    super(userMessage.en);
    this.name = 'PendingFileError';
  }
}

/** "https://x.go.th/" and "https://x.go.th" are the same server. */
function sameServer(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

export class FilePendingStore implements PendingStore {
  private readonly server: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    server: string,
  ) {
    this.server = sameServer(server);
  }

  async list(): Promise<readonly PendingBatch[]> {
    return this.serial(async () => (await this.read()).batches.filter((b) => b.server === this.server).map((b) => b.batch));
  }

  async add(batches: readonly PendingBatch[]): Promise<void> {
    await this.change((kept) => {
      const known = new Set(kept.map((b) => b.batch.key));
      return [...kept, ...batches.filter((b) => !known.has(b.key)).map((batch) => ({ server: this.server, batch }))];
    });
  }

  async remove(key: string): Promise<void> {
    await this.change((kept) => kept.filter((b) => !(b.server === this.server && b.batch.key === key)));
  }

  /** Kept in the file with the server's answer: shown by every later submit, never resent, until forgotten. */
  async markRefused(key: string, refusal: BatchRefusal): Promise<void> {
    await this.change((kept) =>
      kept.map((b) => (b.server === this.server && b.batch.key === key ? { ...b, batch: { ...b.batch, refused: refusal } } : b)),
    );
  }

  /** Each removal is written at once: nothing to flush. */
  async flush(): Promise<void> {}

  private change(update: (kept: PendingFile['batches']) => PendingFile['batches']): Promise<void> {
    return this.serial(async () => {
      const before = (await this.read()).batches;
      const after = update(before);
      if (after.length === before.length && after.every((b, i) => b === before[i])) return;
      await this.write({ format: PENDING_FILE_FORMAT, batches: after });
    });
  }

  /** One change at a time: two removals never read the same file and lose one another. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<PendingFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { format: PENDING_FILE_FORMAT, batches: [] };
      throw e;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw this.unreadable('not JSON', 'ไม่ใช่ JSON');
    }
    const file = json as Partial<PendingFile> | null;
    if (!file || file.format !== PENDING_FILE_FORMAT || !Array.isArray(file.batches)) {
      throw this.unreadable(`not ${PENDING_FILE_FORMAT}`, `ไม่ใช่รูปแบบ ${PENDING_FILE_FORMAT}`);
    }
    return file as PendingFile;
  }

  private async write(file: PendingFile): Promise<void> {
    if (file.batches.length === 0) {
      await rm(this.path, { force: true });
      return;
    }
    // Same folder as the target, so the rename stays on one file system and is atomic.
    const temporary = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, `${JSON.stringify(file, null, 1)}\n`, 'utf8');
    try {
      await rename(temporary, this.path);
    } catch (e) {
      await rm(temporary, { force: true });
      throw e;
    }
  }

  private unreadable(en: string, th: string): PendingFileError {
    return new PendingFileError(this.path, {
      th: `อ่านไฟล์ชุดข้อมูลที่รอส่ง ${this.path} ไม่ได้ (${th}) ไฟล์นี้ยังอยู่ ตรวจสอบหรือย้ายไฟล์ออกแล้วส่งใหม่ (แถวที่ค้างในไฟล์จะไม่ถูกส่งซ้ำ)`,
      en: `cannot read the pending batches file ${this.path} (${en}); it is left as it is. Check it, or move it away and submit again (its batches will then not be resent).`,
    });
  }
}

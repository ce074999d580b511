/**
 * Attachment bytes on disk, outside the database session: an upload then holds the database only for its
 * metadata row (on the embedded PGlite, one session serves every request, and a 10 MB bytea insert held it for
 * seconds). Content-addressed (`<dir>/<first two hex digits>/<sha256>`), so a file is written once however many
 * rows attach it and a name can never point at other bytes. Written to `<dir>/tmp/` first, fsynced, renamed into
 * place and the folder fsynced, all before the metadata row commits: a row in the database always has its file.
 * A crash between the file and the commit leaves an unreferenced file, never a row without bytes.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

export class FileStore {
  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Stores `content` under its sha256 (computed by the caller) and returns once it is durable. */
  async put(content: Buffer, sha256: string): Promise<void> {
    const final = this.pathOf(sha256);
    if (await isFile(final, content.length)) return;
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    await mkdir(dirname(final), { recursive: true });
    const tmp = join(tmpDir, `${sha256}.${randomUUID()}`);
    const file = await open(tmp, 'wx');
    try {
      await file.writeFile(content);
      await file.sync();
    } catch (e) {
      await file.close();
      await unlink(tmp).catch(() => {});
      throw e;
    }
    await file.close();
    await rename(tmp, final);
    await syncFolder(dirname(final));
  }

  read(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }
}

async function isFile(path: string, size: number): Promise<boolean> {
  try {
    const s = await stat(path);
    return s.isFile() && s.size === size;
  } catch {
    return false;
  }
}

/** A rename is durable once the folder holding the new name is on disk. */
async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * The embedded database started from a copy (`loadFrom`, as every server test file's database starts) holds
 * what the copy held: the copy is loaded, not replaced by a fresh initdb. Binary values (bytea: attachments in
 * the database) go through it byte for byte.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGliteWorker } from '../../src/server/db/pgliteWorker';
import { TEMPLATE_VARIABLE } from './dbTemplate';

jest.setTimeout(120_000);

/** A database from jest's migrated copy (a fresh initdb, seconds of CPU, without one). */
const fromTemplate = (): PGliteWorker => new PGliteWorker(undefined, undefined, process.env[TEMPLATE_VARIABLE]);

test('a database loaded from a dump holds the dumped table and row', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-pglite-copy-'));
  const file = join(dir, 'copy.tar');
  try {
    const original = fromTemplate();
    await original.query('create table marker (note text)', []);
    await original.query('insert into marker values ($1)', ['ทดสอบ']);
    await original.dumpTo(file);
    await original.close();

    const copy = new PGliteWorker(undefined, undefined, file);
    try {
      const found = await copy.query('select note from marker', []);
      expect(found.rows).toEqual([{ note: 'ทดสอบ' }]);
    } finally {
      await copy.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bytea values are stored and read back byte for byte: 10 MB, a few bytes at an offset, none; others refused', async () => {
  const db = fromTemplate();
  try {
    const large = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < large.length; i++) large[i] = (i * 7919) & 255;
    // A view into a larger buffer, as Node's small Buffers are: only the view's bytes are the value.
    const small = new Uint8Array([9, 0, 1, 255, 9]).subarray(1, 4);
    await db.query('create table blobs (id int, content bytea)', []);
    for (const [id, content] of [large, small, new Uint8Array(0)].entries()) {
      await db.query('insert into blobs values ($1, $2)', [id, content]);
    }
    const { rows } = await db.query('select content from blobs order by id', []);
    const read = rows.map((r) => r.content as Uint8Array);
    expect(read.map((c) => c instanceof Uint8Array)).toEqual([true, true, true]);
    expect(Buffer.from(read[0]!).equals(large)).toBe(true);
    expect([...read[1]!]).toEqual([0, 1, 255]);
    expect(read[2]!.length).toBe(0);
    await expect(db.query('select $1::bytea', ['not bytes'])).rejects.toThrow('Invalid input for bytea type');
  } finally {
    await db.close();
  }
});

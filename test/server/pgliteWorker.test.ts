/**
 * The embedded database started from a copy (`loadFrom`, as every server test file's database starts) holds
 * what the copy held: the copy is loaded, not replaced by a fresh initdb.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGliteWorker } from '../../src/server/db/pgliteWorker';

jest.setTimeout(120_000);

test('a database loaded from a dump holds the dumped table and row', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-pglite-copy-'));
  const file = join(dir, 'copy.tar');
  try {
    const original = new PGliteWorker();
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

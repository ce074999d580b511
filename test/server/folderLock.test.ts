/**
 * One process at a time in an embedded database's folder: a second opener is refused with a message (Thai and
 * English) naming the pid that holds it; a lock whose process is gone is taken over; a real `scorebook serve`
 * keeps a second `serve` and `scorebook user add` out of its folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/server/db/connect';
import { DataFolderLocked, LOCK_FILE, lockDataFolder } from '../../src/server/db/folderLock';
import { unpackTemplate } from './dbTemplate';
import { ROOT, startServe } from './serveProcess';

jest.setTimeout(120_000);

const folders: string[] = [];
const newFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-lock-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A folder holding a migrated database (jest's copy, unpacked): these tests are of the folder's lock, not initdb. */
const migratedFolder = (): string => unpackTemplate(newFolder());

/** A lock file as another process would have left it. */
function writeLock(dir: string, holder: Record<string, unknown>): void {
  writeFileSync(
    join(dir, LOCK_FILE),
    JSON.stringify({ hostname: hostname(), command: 'scorebook serve', startedAt: '2026-01-01T00:00:00.000Z', ...holder }),
  );
}

/** The pid of a process that has just ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('the data folder lock', () => {
  test('a second opener is refused, in Thai and English, with the pid that holds it; after release it may open', () => {
    const dir = newFolder();
    const release = lockDataFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    let refused: unknown;
    try {
      lockDataFolder(dir);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DataFolderLocked);
    expect((refused as Error).message).toContain(`pid ${process.pid}`);
    expect((refused as Error).message).toContain('กำลังถูกใช้งานโดยโปรแกรม Scorebook อื่น');
    expect((refused as Error).message).toContain('is in use by another Scorebook process');
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataFolder(dir)();
  });

  test('a lock left by a process that is gone is taken over', () => {
    const dir = newFolder();
    writeLock(dir, { pid: deadPid() });
    const release = lockDataFolder(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  test('a lock naming this pid that this process does not hold (a restarted container, pid 1 again) is stale', () => {
    const dir = newFolder();
    writeLock(dir, { pid: process.pid, startedAt: '2025-01-01T00:00:00.000Z' });
    lockDataFolder(dir)();
  });

  test('a live process holds it; the same pid with another start time (the pid used again) does not', async () => {
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await new Promise((r) => sleeper.once('spawn', r));
      const pid = sleeper.pid as number;
      const dir = newFolder();
      const start = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19];
      writeLock(dir, { pid, processStart: start });
      expect(() => lockDataFolder(dir)).toThrow(`pid ${pid}`);
      writeLock(dir, { pid, processStart: '1' });
      lockDataFolder(dir)();
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  test('a lock held by a zombie (killed, not yet reaped) is stale', async () => {
    // `sleep 0` ends at once; its parent, exec'd into `sleep 30`, never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((r) => parent.stdout.once('data', (d: Buffer) => r(d.toString()))));
      for (let i = 0; i < 50 && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '); i++)
        await new Promise((r) => setTimeout(r, 20));
      const dir = newFolder();
      writeLock(dir, { pid });
      lockDataFolder(dir)();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  test('the embedded database cannot be opened twice; closing it frees the folder', async () => {
    const dir = migratedFolder();
    const db = openDatabase({ kind: 'embedded', dataDir: dir });
    expect(() => openDatabase({ kind: 'embedded', dataDir: dir })).toThrow(DataFolderLocked);
    await sql`select 1`.execute(db);
    await db.destroy();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = openDatabase({ kind: 'embedded', dataDir: dir });
    await sql`select 1`.execute(again);
    await again.destroy();
  });
});

describe('scorebook serve holds its folder', () => {
  test('a second serve and `user add` on the same folder are refused, naming the running server', async () => {
    const dir = migratedFolder();
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const port = 19_500 + (process.pid % 400);
    const first = await startServe(port, dir, env, []);
    try {
      const pid = first.child.pid as number;
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [join(ROOT, 'bin', 'scorebook.js'), ...args], {
          cwd: ROOT,
          env: { ...env, SCOREBOOK_PASSWORD: 'password-1' },
          encoding: 'utf8',
          timeout: 90_000,
        });
      const second = run('serve', '--port', String(port + 1), '--data', dir);
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(`pid ${pid}`);
      expect(second.stderr).toContain('scorebook serve');
      const add = run('user', 'add', 'new.reporter', '--name', 'ผู้รายงาน', '--units', 'pte', '--data', dir);
      expect(add.status).toBe(3);
      expect(add.stderr).toContain(`pid ${pid}`);
      expect(add.stderr).toContain('ฐานข้อมูลในโฟลเดอร์เปิดได้ครั้งละหนึ่งโปรแกรม');
      expect(first.alive()).toBe(true);
    } finally {
      await first.kill('SIGTERM');
    }
    // Stopped: the lock is gone and `user add` works.
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const add = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'scorebook.js'), 'user', 'add', 'new.reporter', '--name', 'ผู้รายงาน', '--units', 'pte', '--data', dir],
      { cwd: ROOT, env: { ...env, SCOREBOOK_PASSWORD: 'password-1' }, encoding: 'utf8', timeout: 90_000 },
    );
    expect(add.stderr).toContain('user new.reporter created');
    expect(add.status).toBe(0);
  });
});

/**
 * One process at a time in an embedded database's data folder. PGlite takes no lock of its own: two processes
 * on one folder both accept writes, each over its own copy of the files, and whichever closes last overwrites
 * the other's acknowledged writes. So the folder holds `scorebook.lock`, naming the process that opened it; a
 * second `serve` or `user add` is refused with that process's pid, and a lock left by a process that is gone
 * (killed, crashed, the machine rebooted) is taken over.
 *
 * The lock is created by hard-linking a fully written temporary file to its name (atomic: it exists complete or
 * not at all, and only one of two racing processes gets it). A stale lock is taken over by renaming it aside
 * first, which again only one process can do; one that finds it renamed a live lock instead puts it back.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';

export const LOCK_FILE = 'scorebook.lock';

export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** The command line, for the refusal's message (e.g. `scorebook serve --port 8787`). */
  readonly command: string;
  readonly startedAt: string;
  /** The process's start time from /proc (Linux), so a pid used again by another process is not taken for it. */
  readonly processStart?: string;
}

/** The folder is in use by another live process: the message, in Thai and English, names it. */
export class DataFolderLocked extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    const who = `pid ${holder.pid}${holder.hostname !== hostname() ? ` on ${holder.hostname}` : ''}: ${holder.command}`;
    super(
      `โฟลเดอร์ข้อมูล ${dir} กำลังถูกใช้งานโดยโปรแกรม Scorebook อื่น (${who} ตั้งแต่ ${holder.startedAt}) ` +
        'ฐานข้อมูลในโฟลเดอร์เปิดได้ครั้งละหนึ่งโปรแกรม หากเปิดพร้อมกันข้อมูลที่บันทึกแล้วจะสูญหาย กรุณาหยุดโปรแกรมนั้นก่อน ' +
        '(เพิ่มผู้ใช้: หยุดเซิร์ฟเวอร์ เพิ่มผู้ใช้ แล้วเปิดใหม่) หรือให้ทุกโปรแกรมใช้ PostgreSQL เดียวกันผ่าน DATABASE_URL\n' +
        `the data folder ${dir} is in use by another Scorebook process (${who}, since ${holder.startedAt}). ` +
        "An embedded database may be open in one process at a time: two would lose each other's acknowledged writes. " +
        'Stop that process first (to add a user: stop the server, add the user, start it again), or run every process on one PostgreSQL server (DATABASE_URL).',
    );
    this.name = 'DataFolderLocked';
  }
}

/** Folders this process holds: a lock naming our own pid is ours only if it is in here. */
const heldHere = new Set<string>();

/** Fields 3 on of /proc/<pid>/stat (Linux); the command name in field 2 may contain spaces, so after its ')'. */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Field 22, starttime: with the pid, it names one process. */
const processStart = (pid: number): string | undefined => procStat(pid)?.[19];

function isAlive(holder: LockHolder, dir: string): boolean {
  // On another machine (a shared folder) there is no telling: assume it runs.
  if (holder.hostname !== hostname()) return true;
  if (holder.pid === process.pid) return heldHere.has(dir);
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    // EPERM: it exists, under another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(holder.pid);
  // A zombie (killed, not yet reaped by its parent) answers signal 0 but holds nothing any more.
  if (stat?.[0] === 'Z') return false;
  const start = stat?.[19];
  return holder.processStart === undefined || start === undefined || start === holder.processStart;
}

function readHolder(path: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.hostname !== 'string') return 'unreadable';
    return {
      pid: h.pid,
      hostname: h.hostname,
      command: String(h.command ?? ''),
      startedAt: String(h.startedAt ?? ''),
      processStart: h.processStart,
    };
  } catch {
    return 'unreadable';
  }
}

const sameHolder = (a: LockHolder, b: LockHolder): boolean =>
  a.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt && a.processStart === b.processStart;

function commandLine(): string {
  const [, script = '', ...args] = process.argv;
  const name = /(?:^|[\\/])(?:main\.ts|scorebook(?:\.js)?)$/.test(script) ? 'scorebook' : basename(script);
  return [name, ...args].join(' ').slice(0, 300);
}

const unique = (): string => `${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}`;

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Takes the folder (created if missing) for this process, or throws `DataFolderLocked`. Returns the release,
 * which removes the lock if it is still ours; it also runs when the process exits normally.
 */
export function lockDataFolder(folder: string): () => void {
  const dir = resolve(folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    command: commandLine(),
    startedAt: new Date().toISOString(),
    processStart: processStart(process.pid),
  };
  for (let attempt = 0; attempt < 10; attempt++) {
    const tmp = `${path}.${unique()}`;
    writeFileSync(tmp, `${JSON.stringify(me)}\n`);
    try {
      linkSync(tmp, path);
      removeQuietly(tmp);
      return holdUntilRelease(dir, path, me);
    } catch (e) {
      removeQuietly(tmp);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (holder === 'missing') continue;
    if (holder !== 'unreadable' && isAlive(holder, dir)) throw new DataFolderLocked(dir, holder);
    // Stale (its process is gone) or not ours to read: move it aside, then try again.
    const aside = `${path}.stale.${unique()}`;
    try {
      renameSync(path, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const moved = readHolder(aside);
    if (holder !== 'unreadable' && moved !== 'missing' && moved !== 'unreadable' && !sameHolder(moved, holder) && isAlive(moved, dir)) {
      // Another process took the stale lock over between our read and our rename: give its lock back.
      try {
        linkSync(aside, path);
      } catch {
        // a third process holds it now; ours is refused on the next round either way
      }
    }
    removeQuietly(aside);
  }
  throw new Error(`could not lock the data folder ${dir} / ล็อกโฟลเดอร์ข้อมูล ${dir} ไม่สำเร็จ`);
}

function holdUntilRelease(dir: string, path: string, me: LockHolder): () => void {
  heldHere.add(dir);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    heldHere.delete(dir);
    const now = readHolder(path);
    if (now !== 'missing' && now !== 'unreadable' && sameHolder(now, me)) removeQuietly(path);
  };
  process.on('exit', release);
  return release;
}

/**
 * An embedded PostgreSQL (PGlite) running in a worker thread, and a Kysely dialect over it.
 *
 * Why a worker: PGlite is a WebAssembly Postgres whose queries run synchronously on the thread that owns it;
 * in a worker they do not stall the HTTP event loop. It also makes PGlite load under jest, whose VM cannot run
 * the dynamic `import()`s PGlite performs while starting (`ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG`).
 *
 * Why our own dialect (and not kysely-pglite): PGlite is one database session. Kysely asks a driver for a
 * connection per query or transaction; sharing that one session without a lock lets a query of one request
 * land inside another request's open transaction. This driver hands the session to one Kysely connection at a
 * time, so transactions behave as they do on a PostgreSQL server.
 */
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglitePath);
const { readFileSync, writeFileSync } = require('node:fs');
// PGlite takes its options second only after a data folder: new PGlite(undefined, options) drops them, and the
// copy would be ignored for a full initdb. In memory the options come first.
// PGlite's own bytea conversion goes byte by byte through an array of two-digit strings: seconds for a 10 MB
// attachment each way. Node's hex codec does the same in milliseconds. Buffer.alloc, not Buffer.from: a small
// Buffer.from shares a pooled ArrayBuffer, all of which postMessage would copy to the other thread.
const BYTEA = 17;
const byteaOptions = {
  serializers: {
    [BYTEA]: (v) => {
      if (!(v instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
      return '\\\\x' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
    },
  },
  parsers: {
    [BYTEA]: (s) => {
      const bytes = Buffer.alloc((s.length - 2) / 2);
      bytes.write(s.slice(2), 'hex');
      return bytes;
    },
  },
};
const options = { ...byteaOptions, ...(workerData.loadFrom ? { loadDataDir: new Blob([readFileSync(workerData.loadFrom)]) } : {}) };
const db = workerData.dataDir ? new PGlite(workerData.dataDir, options) : new PGlite(options);
parentPort.on('message', async (m) => {
  if (m.op === 'dump') {
    try {
      const tar = await db.dumpDataDir('none');
      writeFileSync(m.path, Buffer.from(await tar.arrayBuffer()));
      parentPort.postMessage({ id: m.id, rows: [], affectedRows: 0 });
    } catch (e) {
      parentPort.postMessage({ id: m.id, error: { message: String(e && e.message) } });
    }
    return;
  }
  if (m.op === 'close') {
    try { await db.close(); } finally { parentPort.postMessage({ id: m.id, rows: [], affectedRows: 0 }); }
    return;
  }
  try {
    const r = await db.query(m.sql, m.params);
    parentPort.postMessage({ id: m.id, rows: r.rows, affectedRows: r.affectedRows ?? 0 });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { message: String(e && e.message), code: e && e.code, detail: e && e.detail, constraint: e && e.constraint } });
  }
});
`;

/** A database error as `pg` reports it: `code` is the SQLSTATE (23505 unique violation …). */
export class PGliteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly detail: string | undefined,
    readonly constraint: string | undefined,
  ) {
    super(message);
    this.name = 'PGliteError';
  }
}

interface Reply {
  id: number;
  rows?: Record<string, unknown>[];
  affectedRows?: number;
  error?: { message: string; code?: string; detail?: string; constraint?: string };
}

export class PGliteWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failure: Error | undefined;

  /**
   * `dataDir` undefined: in memory (tests); otherwise a folder that keeps the database between runs.
   * `onClosed` runs once the database is closed (connect.ts releases the folder's lock there).
   * `loadFrom`: a file `dumpTo` wrote; the database starts as a copy of it instead of running initdb, which
   * costs several seconds of CPU where loading a copy costs under one.
   */
  constructor(
    dataDir?: string,
    private readonly onClosed?: () => void,
    loadFrom?: string,
  ) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pglitePath: require.resolve('@electric-sql/pglite'), dataDir, loadFrom },
    });
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
    });
    const fail = (e: Error): void => {
      this.failure = e;
      for (const w of this.pending.values()) w.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the embedded database stopped (exit code ${code})`)));
  }

  async query(sql: string, params: readonly unknown[]): Promise<{ rows: Record<string, unknown>[]; affectedRows: number }> {
    const reply = await this.send({ op: 'query', sql, params });
    if (reply.error) throw new PGliteError(reply.error.message, reply.error.code, reply.error.detail, reply.error.constraint);
    return { rows: reply.rows ?? [], affectedRows: reply.affectedRows ?? 0 };
  }

  /** Writes the whole data folder, as PGlite's uncompressed tar, to `path` (for `loadFrom`). */
  async dumpTo(path: string): Promise<void> {
    const reply = await this.send({ op: 'dump', path });
    if (reply.error) throw new PGliteError(reply.error.message, undefined, undefined, undefined);
  }

  async close(): Promise<void> {
    try {
      if (!this.failure) await this.send({ op: 'close' });
      await this.worker.terminate();
    } finally {
      this.onClosed?.();
    }
  }

  private send(message: Record<string, unknown>): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }
}

/** One holder at a time; the others wait in order. */
class SessionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    readonly client: PGliteWorker,
    readonly release: () => void,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, affectedRows } = await this.client.query(compiled.sql, compiled.parameters);
    return { rows: rows as R[], numAffectedRows: BigInt(affectedRows) };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the embedded database does not stream query results');
  }
}

class PGliteDriver implements Driver {
  private readonly lock = new SessionLock();

  constructor(private readonly client: PGliteWorker) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.lock.acquire();
    return new PGliteConnection(this.client, release);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PGliteConnection).release();
  }

  async destroy(): Promise<void> {
    await this.client.close();
  }
}

export class PGliteWorkerDialect implements Dialect {
  constructor(private readonly client: PGliteWorker) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.client);
  }

  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

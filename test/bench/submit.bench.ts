/**
 * `npm run bench:submit` (tsx test/bench/submit.bench.ts): the pane's "Submit all" on a KPI sheet of 1,000 and
 * 10,000 indicators, through the same functions the Server tab runs (src/taskpane/submitFlow.ts: read the sheet
 * and choose the rows, send them in batches cut by bytes (two in flight) kept pending in the workbook, remember the accepted rows in the
 * binding record, write each row's status into the sheet), on the Office workbook port over the recording fake of
 * Excel, against the embedded server (buildApp on in-memory PGlite, on a port). Prints the time from "submit all"
 * to the last status written, the HTTP requests, the Excel syncs by step, the largest request to Excel and the
 * megabytes sent to and read from it in all; beside the pane's time, the server's own time for the same batches (from
 * each batch request's arrival to its answer written, overlapping requests counted once) and the ratio.
 *
 * The fake's own bookkeeping (JSON sizes of every request) is inside the time, so the Excel side is an upper
 * bound for the work it does and says nothing of Excel's own speed; the server side is the real one.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScorebookClient } from '../../src/api/client';
import type { BatchRefusal, PendingBatch } from '../../src/api/pending';
import { readAssessment } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { buildApp } from '../../src/server/app';
import { openDatabase } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { inTransaction } from '../../src/server/db/transaction';
import { putAssessment } from '../../src/server/store/assessments';
import { createUser } from '../../src/server/store/users';
import { readSheet } from '../../src/taskpane/linkedSheet';
import { SERVER_LINK_FORMAT } from '../../src/taskpane/model/serverLink';
import { recordAssessment } from '../../src/taskpane/model/recordAssessment';
import { statusTexts } from '../../src/taskpane/model/statusColumn';
import { WorkbookPendingStore } from '../../src/taskpane/model/workbookPendingStore';
import { planSubmit, sendRows } from '../../src/taskpane/submitFlow';
import { resultInputs } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { FakeExcel } from '../office/fakeExcel';

const SIZES = [1_000, 10_000];
const UNIT = 'u1';
const ROUND = 6;

function assessmentDoc(n: number): Record<string, unknown> {
  return {
    format: 'scorebook/assessment@1',
    id: `bench-${n}`,
    title: `bench ${n}`,
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: Array.from({ length: n }, (_, i) => ({
      id: `i${i}`,
      name: `ตัวชี้วัด ${i}`,
      unit: 'ร้อยละ',
      weight: 1,
      kind: 'quantitative',
      targets: [50, 60, 70, 80, 90],
    })),
    units: [{ id: UNIT, name: 'หน่วยงานทดสอบ' }],
    rounds: [{ round: ROUND, opensAt: '2000-01-01T00:00:00Z', closesAt: '2100-01-01T00:00:00Z' }],
  };
}

/**
 * The workbook's pending store, its calls counted (each is a read and a write of the binding record). A subclass,
 * not a wrapper: the flow recognises the workbook's store and lets its last write carry the remembered answers.
 */
class CountingStore extends WorkbookPendingStore {
  calls = 0;
  override list(): Promise<readonly PendingBatch[]> {
    this.calls++;
    return super.list();
  }
  override add(batches: readonly PendingBatch[]): Promise<void> {
    this.calls++;
    return super.add(batches);
  }
  override remove(key: string): Promise<void> {
    this.calls++;
    return super.remove(key);
  }
  override markRefused(key: string, refusal: BatchRefusal): Promise<void> {
    this.calls++;
    return super.markRefused(key, refusal);
  }
  override flush(): Promise<void> {
    this.calls++;
    return super.flush();
  }
}

interface Row {
  rows: number;
  ms: number;
  /** The server's own time on the batches. */
  serverMs: number;
  requests: number;
  syncs: number;
  read: number;
  pending: number;
  storeCalls: number;
  remember: number;
  statuses: number;
  largest: number;
  /** Requests and responses to and from Excel, all syncs. */
  traffic: number;
}

/** The server's busy time on batch requests: the union of [arrival, answer written] of each, in ms. */
class ServerClock {
  private spans: [number, number][] = [];
  constructor(server: Server) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== 'POST' || !req.url?.endsWith('/reports')) return;
      const start = performance.now();
      res.on('finish', () => this.spans.push([start, performance.now()]));
    });
  }
  reset(): void {
    this.spans = [];
  }
  busyMs(): number {
    let total = 0;
    let end = Number.NEGATIVE_INFINITY;
    for (const [a, b] of [...this.spans].sort((x, y) => x[0] - y[0])) {
      if (b <= end) continue;
      total += b - Math.max(a, end);
      end = b;
    }
    return total;
  }
}

async function submitAll(baseUrl: string, n: number, serverClock: ServerClock): Promise<Row> {
  const document = assessmentDoc(n);
  const read = readAssessment(document);
  if (!read.ok) throw new Error('the bench assessment does not read');
  const assessment = read.value;
  const results = Object.fromEntries(Array.from({ length: n }, (_, i) => [`i${i}`, 40 + (i % 60)]));
  const inputs = new Map(
    [...resultInputs(assessment, { results, round: ROUND })].map(([id, r]) => [id, { ...r, explanation: `คำชี้แจงการปฏิบัติงาน ${id}` }]),
  );

  // The sheet as "open from the server" leaves it: the KPI sheet, then the binding record with its server link.
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { plan, binding } = kpiSheetPlan({ assessment, document, inputs });
  await port.apply(plan);
  const target = { aid: `bench-${n}`, round: ROUND, unit: UNIT };
  await port.writeBinding({ ...binding, server: { format: SERVER_LINK_FORMAT, baseUrl, target, rows: {}, pending: [] } });

  // The record as the pane's session has it: read from the workbook and its assessment checked when the sheet was
  // opened (linkedSheetStore, recordAssessment), so "Submit all" finds both done, as in the pane.
  const session = await port.readBinding();
  if (!session?.ok || !recordAssessment(session.value).ok) throw new Error('the bench sheet has no binding record');

  const store = new CountingStore(port);
  const client = new ScorebookClient({ baseUrl, pending: store });
  await client.signIn('r', 'benchbench');
  // The sheet was opened from this server, which read the assessment then (its read model cached by version), as
  // the pane's does before any Submit all.
  await client.getAssessment(target.aid);

  const from = fake.syncs.length;
  const requestsBefore = client.requestCount;
  const marks = new Map<string, number>();
  serverClock.reset();
  const t0 = performance.now();
  // The pane knows the bound sheet's record (its session read it) and passes it, as here.
  const chosen = await planSubmit(port, 'all', session.value);
  marks.set('read', fake.syncs.length);
  // Warnings would ask the person first; "send anyway" sends the same rows the same way.
  if (chosen.kind !== 'send' && chosen.kind !== 'warnings') throw new Error(`nothing to send (${chosen.kind})`);
  const report = await sendRows(client, port, chosen.target, chosen.rows, 'th', { onStep: (step) => marks.set(step, fake.syncs.length) });
  const ms = performance.now() - t0;
  // The submit's own syncs: the read-back below checks what it wrote and is no part of it.
  const submitted = fake.syncs.slice(from);

  const accepted = report.outcomes.filter((o) => o.outcome === 'accepted').length;
  if (accepted !== n) throw new Error(`only ${accepted} of ${n} rows accepted: ${report.error?.message ?? ''}`);
  const after = await readSheet(port);
  const written = [...statusTexts(after.grid, after.reading).values()].filter(
    (t) => typeof t === 'string' && t.startsWith('เซิร์ฟเวอร์รับแล้ว'),
  ).length;
  if (written !== n) throw new Error(`${written} of ${n} status cells say accepted`);
  if (after.link.pending.length > 0 || Object.keys(after.link.rows).length !== n)
    throw new Error('the binding record does not hold every row as confirmed');

  const at = (step: string): number => marks.get(step) ?? Number.NaN;
  return {
    rows: n,
    ms,
    serverMs: serverClock.busyMs(),
    requests: client.requestCount - requestsBefore,
    syncs: at('written') - from,
    read: at('read') - from,
    pending: at('answered') - at('read'),
    storeCalls: store.calls,
    remember: at('remembered') - at('answered'),
    statuses: at('written') - at('remembered'),
    largest: Math.max(0, ...submitted.map((x) => x.requestBytes)),
    traffic: submitted.reduce((n, x) => n + x.requestBytes + x.responseBytes, 0),
  };
}

async function main(): Promise<void> {
  const db = openDatabase({ kind: 'memory' });
  await migrateToLatest(db);
  for (const n of SIZES) await inTransaction(db, (tx) => putAssessment(tx, assessmentDoc(n), { actor: 'bench', now: new Date() }));
  await createUser(
    db,
    { username: 'r', name: 'r', password: 'benchbench', roles: ['reporter'], units: [UNIT] },
    { actor: 'bench', now: new Date(), cost: { log2N: 4, r: 1, p: 1 } },
  );
  const app = await buildApp({ db, rateLimitPerMinute: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const serverClock = new ServerClock(app.server);

  console.log('"Submit all" on the Office port over the recording fake of Excel, against the embedded server (PGlite in memory)');
  // "after the answers": one read-and-write (applyBuilt) dropping the answered batches, recording them and writing
  // each row's status; "+ statuses" counts what a status write on its own would add (0 on this path).
  console.log(
    '  rows | submit all → last status | server on the batches | pane/server | HTTP | Excel syncs: total = read sheet + keep pending (store calls) + after the answers + statuses | largest request | to+from Excel',
  );
  try {
    for (const n of SIZES) {
      const r = await submitAll(baseUrl, n, serverClock);
      console.log(
        `${String(r.rows).padStart(6)} | ${r.ms.toFixed(0).padStart(20)} ms | ${r.serverMs.toFixed(0).padStart(18)} ms | ${(r.ms / r.serverMs).toFixed(2).padStart(10)}× | ${String(r.requests).padStart(4)} | ${String(r.syncs).padStart(17)} = ${r.read} + ${r.pending} (${r.storeCalls}) + ${r.remember} + ${r.statuses}`.padEnd(
          100,
        ) + ` | ${(r.largest / 1e6).toFixed(2).padStart(12)} MB | ${(r.traffic / 1e6).toFixed(1)} MB`,
      );
    }
  } finally {
    await app.close();
    await db.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

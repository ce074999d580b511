/**
 * `npm run bench:submit` (tsx test/bench/submit.bench.ts): time from "submit all" to the last row's outcome for
 * 1,000 and 10,000 rows, through the API client (batches of 500, each stored as pending before it is sent)
 * against the embedded server (buildApp on in-memory PGlite, on a port), with the HTTP requests it took and the
 * workbook round trips of keeping the pending batches in the binding record (a port that counts its calls and
 * serialises the record exactly as a workbook stores it).
 */
import type { AddressInfo } from 'node:net';
import { ScorebookClient } from '../../src/api/client';
import { buildApp } from '../../src/server/app';
import { openDatabase } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { inTransaction } from '../../src/server/db/transaction';
import { putAssessment } from '../../src/server/store/assessments';
import { createUser } from '../../src/server/store/users';
import { WorkbookPendingStore } from '../../src/taskpane/model/workbookPendingStore';
import { BINDING_FORMAT, bindingRows, readBindingRows, type BindingRead, type BindingRecord } from '../../src/workbook';
import type { WorkbookPort } from '../../src/workbook/port';

const SIZES = [1_000, 10_000];
const MAX = Math.max(...SIZES);

function assessment(): Record<string, unknown> {
  return {
    format: 'scorebook/assessment@1', id: 'bench', title: 'bench', fiscalYear: 2567, scale: 'five-level',
    indicators: Array.from({ length: MAX }, (_, i) => ({ id: `i${i}`, name: `ตัวชี้วัด ${i}`, weight: 0.01, targets: [1, 2, 3, 4, 5] })),
    units: SIZES.map((n) => ({ id: `u${n}`, name: `หน่วยงาน ${n}` })),
    rounds: [{ round: 6, opensAt: '2000-01-01T00:00:00Z', closesAt: '2100-01-01T00:00:00Z' }],
  };
}

/** The binding record kept as the cells a workbook holds; every call counted as one round trip. */
class CountingBindingPort {
  roundTrips = 0;
  private cells: ReturnType<typeof bindingRows>;
  constructor(record: BindingRecord) {
    this.cells = bindingRows(record);
  }
  async readBinding(): Promise<BindingRead> {
    this.roundTrips++;
    return readBindingRows(this.cells);
  }
  async writeBinding(record: BindingRecord): Promise<void> {
    this.roundTrips++;
    this.cells = bindingRows(record);
  }
}

async function main(): Promise<void> {
  const db = openDatabase({ kind: 'memory' });
  await migrateToLatest(db);
  const doc = assessment();
  await inTransaction(db, (tx) => putAssessment(tx, doc, { actor: 'bench', now: new Date() }));
  await createUser(db, { username: 'r', name: 'r', password: 'benchbench', roles: ['reporter'], units: SIZES.map((n) => `u${n}`) },
    { actor: 'bench', now: new Date(), cost: { log2N: 4, r: 1, p: 1 } });
  const app = await buildApp({ db, rateLimitPerMinute: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  console.log('rows    | submit all → last outcome | HTTP requests | workbook round trips (pending store)');
  for (const n of SIZES) {
    const port = new CountingBindingPort({ format: BINDING_FORMAT, sheet: 'KPI', table: 'T', settingsSheet: 'ตั้งค่า', headerRow: 4, columns: {}, assessment: doc });
    const client = new ScorebookClient({ baseUrl, pending: new WorkbookPendingStore(port as unknown as WorkbookPort) });
    await client.signIn('r', 'benchbench');
    const rows = Array.from({ length: n }, (_, i) => ({ indicatorId: `i${i}`, value: `${(i % 5) + 1}`, explanation: 'คำชี้แจงการปฏิบัติงาน', baseVersion: 0 }));
    const requestsBefore = client.requestCount;
    const t0 = performance.now();
    const report = await client.submitRows({ aid: 'bench', round: 6, unit: `u${n}` }, rows, { action: 'submit' });
    const ms = performance.now() - t0;
    const accepted = report.outcomes.filter((o) => o.outcome === 'accepted').length;
    if (accepted !== n) throw new Error(`only ${accepted} of ${n} rows accepted: ${report.error?.message ?? ''}`);
    console.log(`${String(n).padStart(7)} | ${ms.toFixed(0).padStart(22)} ms | ${String(client.requestCount - requestsBefore).padStart(13)} | ${port.roundTrips}`);
  }
  await app.close();
  await db.destroy();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

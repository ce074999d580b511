/**
 * What reading the whole audit log costs after a reporter wrote the largest notes allowed: BATCHES batches of 170
 * rows (the most that fit the 16 MiB batch limit) with three 10,000-character notes each, then every page of
 * GET /audit?limit=5000, following `next`. Prints the largest response and the heap used. Not part of npm test:
 *   BATCHES=6 node --import tsx test/server/auditPages.measure.ts   (DATABASE_URL for PostgreSQL)
 */
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../src/server/app';
import { openDatabase } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { inTransaction } from '../../src/server/db/transaction';
import { putAssessment } from '../../src/server/store/assessments';
import { createUser } from '../../src/server/store/users';

async function main(): Promise<void> {
  const db = openDatabase(process.env.DATABASE_URL ? { kind: 'postgres', url: process.env.DATABASE_URL } : { kind: 'memory' });
  await migrateToLatest(db);
  const now = new Date('2024-03-25T03:00:00Z');
  const N = 170;
  const doc = {
    format: 'scorebook/assessment@1',
    id: 'm',
    title: 'm',
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: Array.from({ length: N }, (_, i) => ({ id: `i${i}`, name: `i${i}`, weight: 1, targets: [1, 2, 3, 4, 5] })),
    units: [{ id: 'u', name: 'u' }],
    rounds: [{ round: 6, opensAt: '2024-03-01T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' }],
  };
  await inTransaction(db, (tx) => putAssessment(tx, doc, { actor: 'setup', now }));
  await createUser(
    db,
    { username: 'r', name: 'r', roles: ['reporter'], units: ['u'], password: 'pw' },
    { actor: 'setup', now, cost: { log2N: 4, r: 1, p: 1 } },
  );
  await createUser(
    db,
    { username: 'c', name: 'c', roles: ['central'], units: [], password: 'pw' },
    { actor: 'setup', now, cost: { log2N: 4, r: 1, p: 1 } },
  );
  const app = await buildApp({ db, clock: () => now, passwordCost: { log2N: 4, r: 1, p: 1 }, rateLimitPerMinute: false });
  const tok = async (u: string) =>
    `Bearer ${(await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: u, password: 'pw' } })).json().token}`;
  const r = await tok('r');
  const c = await tok('c');
  const note = 'ก'.repeat(10_000);
  const batches = Number(process.env.BATCHES ?? 6);
  const t0 = Date.now();
  let bytes = 0;
  const codes: number[] = [];
  for (let b = 0; b < batches; b++) {
    const payload = JSON.stringify({
      action: 'save',
      rows: Array.from({ length: N }, (_, i) => ({
        indicatorId: `i${i}`,
        value: b + 1,
        explanation: note,
        obstacles: note,
        remarks: note,
        baseVersion: b,
      })),
    });
    bytes += Buffer.byteLength(payload);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/assessments/m/rounds/6/units/u/reports',
      headers: { authorization: r, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      payload,
    });
    codes.push(res.statusCode);
  }
  console.log(
    `wrote ${batches} batches of ${N} rows with 3 × 10,000-character notes: ${(bytes / 1048576).toFixed(1)} MiB in ${((Date.now() - t0) / 1000).toFixed(1)} s; statuses ${[...new Set(codes)].join(',')}`,
  );
  let after: number | undefined;
  let pages = 0;
  let events = 0;
  let largest = 0;
  const t1 = Date.now();
  for (;;) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/audit?limit=5000${after === undefined ? '' : `&after=${after}`}`,
      headers: { authorization: c },
    });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
    largest = Math.max(largest, res.rawPayload.length);
    const body = res.json();
    pages++;
    events += body.events.length;
    if (body.next === undefined) break;
    after = body.next;
  }
  console.log(
    `GET /audit?limit=5000, following next: ${events} events in ${pages} pages, largest response ${(largest / 1048576).toFixed(2)} MiB, ${((Date.now() - t1) / 1000).toFixed(1)} s in all; heap used ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB`,
  );
  await app.close();
  await db.destroy();
}
void main();

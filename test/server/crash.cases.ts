/**
 * The crash tests: a real `scorebook serve` process is killed (SIGKILL) while batches are in flight — or inside
 * a batch's own transaction, between its first insert and its commit — started again on the same data, and every
 * batch is sent again with its key. Afterwards every row is stored exactly once, at version 1, and the audit
 * log has exactly one event per row.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Json } from './client';
import { call, freshPostgresDatabase, ROOT, startServe, type ServeProcess } from './serveProcess';
import { leafIndicators, readAssessment } from '../../src/domain';

function leafIds(): string[] {
  const read = readAssessment(JSON.parse(readFileSync(join(ROOT, 'assets', 'samples', 'pte-2567.assessment.json'), 'utf8')));
  if (!read.ok) throw new Error('pte-2567 sample does not read');
  return leafIndicators(read.value).map((i) => i.id);
}

const reportsPath = (unit: string) => `/api/v1/assessments/pte-2567/rounds/6/units/${unit}/reports`;

export function crashCases(kind: 'embedded' | 'postgres'): void {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let dropDb: (() => Promise<void>) | undefined;
  let serve: ServeProcess | undefined;
  const basePort = 18_000 + (process.pid % 1000) + (kind === 'postgres' ? 1000 : 0);

  // Each test on its own data: a fresh folder, and a fresh database on PostgreSQL.
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'scorebook-crash-'));
    env = { ...process.env };
    delete env.DATABASE_URL;
    if (kind === 'postgres') {
      const db = await freshPostgresDatabase('scorebook_crash');
      env.DATABASE_URL = db.url;
      dropDb = db.drop;
    }
  }, 60_000);

  afterEach(async () => {
    await serve?.kill();
    await dropDb?.();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function signIn(port: number): Promise<Record<string, string>> {
    const tokens: Record<string, string> = {};
    for (const unit of ['pte', 'cbi']) {
      tokens[unit] = (await call(port, 'POST', '/api/v1/sessions', { username: `${unit}.reporter`, password: 'demo' })).json.token;
    }
    return tokens;
  }

  /** Every row of both units stored once at version 1 with its remark, and one report.save event per row. */
  async function expectEachRowOnce(port: number, tokens: Record<string, string>, expected: readonly string[]): Promise<void> {
    for (const unit of ['pte', 'cbi']) {
      const rows = (await call(port, 'GET', reportsPath(unit), undefined, { authorization: `Bearer ${tokens[unit]}` })).json.reports;
      expect(rows.map((r: Json) => `${unit}/${r.indicatorId}`).sort()).toEqual(expected.filter((e) => e.startsWith(`${unit}/`)).sort());
      expect(rows.every((r: Json) => r.version === 1 && r.remarks === `${unit} ${r.indicatorId}`)).toBe(true);
    }
    const central = (await call(port, 'POST', '/api/v1/sessions', { username: 'central', password: 'demo' })).json.token;
    const events = (
      await call(port, 'GET', '/api/v1/audit?assessment=pte-2567&limit=5000', undefined, { authorization: `Bearer ${central}` })
    ).json.events;
    const saves = events.filter((e: Json) => e.action === 'report.save').map((e: Json) => `${e.unitId}/${e.indicatorId}`);
    expect(saves.sort()).toEqual([...expected].sort());
  }

  test('batches in flight when the server is killed are applied exactly once after a restart and a retry', async () => {
    const port = basePort;
    const ids = leafIds();
    serve = await startServe(port, dataDir, env);
    const tokens = await signIn(port);
    const batches = ['pte', 'cbi'].flatMap((unit) =>
      ids.map((id) => ({
        unit,
        key: `crash-${unit}-${id}`,
        body: { action: 'save', rows: [{ indicatorId: id, value: null, remarks: `${unit} ${id}`, baseVersion: 0 }] },
      })),
    );
    const send = (p: number, b: (typeof batches)[number]) =>
      call(p, 'POST', reportsPath(b.unit), b.body, { authorization: `Bearer ${tokens[b.unit]}`, 'idempotency-key': b.key });

    // Fire everything, and kill the server as soon as the first answer is back: the rest are in flight.
    const inFlight = batches.map((b) =>
      send(port, b).then(
        (r) => r,
        () => undefined,
      ),
    );
    await Promise.race(inFlight);
    await serve.kill();
    const before = await Promise.all(inFlight);
    expect(before.some((r) => r?.status === 200)).toBe(true);

    serve = await startServe(port, dataDir, env);
    const after = await Promise.all(batches.map((b) => send(port, b)));
    for (const r of after) {
      expect(r.status).toBe(200);
      expect(r.json.results[0]).toMatchObject({ outcome: 'accepted', version: 1 });
    }
    // Answers that reached the client before the kill are the answers replayed now.
    before.forEach((r, i) => {
      if (r?.status === 200) expect(after[i]?.json).toEqual(r.json);
    });
    await expectEachRowOnce(
      port,
      tokens,
      batches.map((b) => `${b.unit}/${b.body.rows[0]?.indicatorId}`),
    );
  }, 120_000);

  test('the server killed inside its own transaction (rows, audit and answer written, not committed) loses nothing a retry does not apply once', async () => {
    const port = basePort + 500;
    const ids = leafIds();
    // The test-only pause (src/server/testHooks.ts): batches keyed "intx-" stop just before their commit.
    serve = await startServe(port, dataDir, { ...env, SCOREBOOK_TEST_PAUSE_IN_BATCH: 'intx-' });
    const tokens = await signIn(port);
    // Acknowledged before the kill: must survive it.
    const acked = await call(
      port,
      'POST',
      reportsPath('cbi'),
      { action: 'save', rows: ids.map((id) => ({ indicatorId: id, value: null, remarks: `cbi ${id}`, baseVersion: 0 })) },
      { authorization: `Bearer ${tokens.cbi}`, 'idempotency-key': 'before-cbi' },
    );
    expect(acked.status).toBe(200);

    // Every pte row in one batch; the server is killed while that batch's transaction is open.
    const body = { action: 'save', rows: ids.map((id) => ({ indicatorId: id, value: null, remarks: `pte ${id}`, baseVersion: 0 })) };
    const headers = { authorization: `Bearer ${tokens.pte}`, 'idempotency-key': 'intx-pte' };
    const first = call(port, 'POST', reportsPath('pte'), body, headers).then(
      (r) => r,
      () => undefined,
    );
    await serve.waitFor(/batch intx-pte paused before its commit/);
    await serve.kill();
    expect(await first).toBeUndefined(); // no answer reached the client

    serve = await startServe(port, dataDir, env);
    // Nothing of the killed transaction is stored: no pte row yet.
    const none = await call(port, 'GET', reportsPath('pte'), undefined, { authorization: `Bearer ${tokens.pte}` });
    expect(none.status).toBe(200);
    expect(none.json.reports).toEqual([]);
    // The retry under the same key is applied, once; a second retry replays its answer.
    const retry = await call(port, 'POST', reportsPath('pte'), body, headers);
    expect(retry.status).toBe(200);
    expect(retry.json.results.every((r: Json) => r.outcome === 'accepted' && r.version === 1)).toBe(true);
    expect((await call(port, 'POST', reportsPath('pte'), body, headers)).json).toEqual(retry.json);
    expect(
      (
        await call(
          port,
          'POST',
          reportsPath('cbi'),
          { action: 'save', rows: ids.map((id) => ({ indicatorId: id, value: null, remarks: `cbi ${id}`, baseVersion: 0 })) },
          { authorization: `Bearer ${tokens.cbi}`, 'idempotency-key': 'before-cbi' },
        )
      ).json,
    ).toEqual(acked.json);
    await expectEachRowOnce(
      port,
      tokens,
      ['pte', 'cbi'].flatMap((unit) => ids.map((id) => `${unit}/${id}`)),
    );
  }, 180_000);
}

/**
 * The client against the real server (buildApp on in-memory PGlite, listening on 127.0.0.1): a batch whose
 * answer is lost on the way back is resent under its key, and every row is stored once.
 */
import { ScorebookClient } from '../../src/api/client';
import { AID } from '../server/fixtures';
import { listenOnLoopback, useHarness } from '../server/harness';

const h = useHarness('memory');
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await listenOnLoopback(h.app);
});

const target = { aid: AID, round: 6, unit: 'pte' };
const rows = [
  { indicatorId: '1', value: 88, baseVersion: 0 },
  { indicatorId: '3', value: [true, true, false, false, false], baseVersion: 0 },
  { indicatorId: '4.1', value: 3, baseVersion: 0 },
];

/** Real fetch, except that the answers of the first `lose` batch posts are thrown away after the server sent them. */
function losingFetch(lose: number) {
  const keys: string[] = [];
  const fetchFn = async (url: string, init: RequestInit): Promise<Response> => {
    const response = await fetch(url, init);
    if (init.method === 'POST' && url.endsWith('/reports')) {
      keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
      if (keys.length <= lose) {
        await response.text();
        throw new TypeError('fetch failed: connection reset');
      }
    }
    return response;
  };
  return { fetchFn, keys };
}

it('a batch whose answer was lost is retried with its key and stores each row once', async () => {
  const { fetchFn, keys } = losingFetch(2);
  const client = new ScorebookClient({ baseUrl, fetch: fetchFn, sleep: async () => undefined });
  await client.signIn('pte.reporter', 'pw');

  const report = await client.submitRows(target, rows, { action: 'submit' });

  expect(report.outcomes.map((o) => [o.indicatorId, o.outcome])).toEqual([
    ['1', 'accepted'],
    ['3', 'accepted'],
    ['4.1', 'accepted'],
  ]);
  expect(keys).toHaveLength(3);
  expect(new Set(keys).size).toBe(1);
  const stored = await client.listReports(target);
  expect(stored.map((r) => [r.indicatorId, r.version, r.status])).toEqual([
    ['1', 1, 'submitted'],
    ['3', 1, 'submitted'],
    ['4.1', 1, 'submitted'],
  ]);
  const audit = await h.db.selectFrom('audit_events').select('indicator_id').where('action', '=', 'report.submit').execute();
  expect(audit.map((a) => a.indicator_id).sort()).toEqual(['1', '3', '4.1']);
  expect(await client.pending.list()).toEqual([]);
});

it('a stale base version comes back as a conflict naming who changed the row, not overwritten', async () => {
  const reporter = new ScorebookClient({ baseUrl });
  await reporter.signIn('pte.reporter', 'pw');
  await reporter.submitRows(target, [{ indicatorId: '1', value: 88, baseVersion: 0 }], { action: 'save' });
  const report = await reporter.submitRows(target, [{ indicatorId: '1', value: 99, baseVersion: 0 }], { action: 'save' });
  expect(report.outcomes[0]).toMatchObject({
    outcome: 'conflict',
    result: { current: { value: 88, version: 1, updatedBy: 'pte.reporter' } },
  });
});

it('a round that has closed is refused as a whole, in Thai and English, and not retried', async () => {
  const client = new ScorebookClient({ baseUrl, sleep: async () => undefined });
  await client.signIn('pte.reporter', 'pw');
  const before = client.requestCount;
  const report = await client.submitRows({ ...target, round: 9 }, rows, { action: 'submit' });
  expect(client.requestCount - before).toBe(1);
  expect(report.error).toMatchObject({ code: 'round_closed', status: 409 });
  expect(report.error?.userMessage.th).toMatch(/[ก-๙]/);
  expect(report.outcomes.every((o) => o.outcome === 'refused')).toBe(true);
});

it("the round's overview and a unit's history are read and parsed by the client; a reporter's overview is refused", async () => {
  const reporter = new ScorebookClient({ baseUrl });
  await reporter.signIn('pte.reporter', 'pw');
  await reporter.submitRows(target, rows, { action: 'submit' });
  const central = new ScorebookClient({ baseUrl });
  await central.signIn('central', 'pw');
  const overview = await central.getOverview(AID, 6);
  expect(overview.units.map((u) => [u.unit, u.counts.submitted])).toEqual([
    ['pte', 3],
    ['cbi', 0],
  ]);
  const history = await reporter.getUnitHistory(AID, 'pte');
  expect(history.points.map((p) => [p.round, p.selfAssessedTotal])).toEqual([[6, overview.units[0]?.selfAssessed.total]]);
  await expect(reporter.getOverview(AID, 6)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
});

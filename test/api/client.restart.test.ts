/**
 * The server stops in the middle of a submit and comes back (another instance on the same database, same
 * address): the batches that were not confirmed are kept in the workbook and resent under their keys, and every
 * row is stored exactly once — checked through the API and the audit log.
 */
import { ScorebookClient } from '../../src/api/client';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import type { App } from '../../src/server/routes/common';
import { WorkbookPendingStore } from '../../src/taskpane/model/workbookPendingStore';
import { AID, fixtureAssessment } from '../server/fixtures';
import { listenOnLoopback, useHarness } from '../server/harness';
import { createdSheet, loaded } from '../taskpane/paneSheets';

const h = useHarness('memory');
const target = { aid: AID, round: 6, unit: 'pte' };
const rows = ['1', '2', '3', '4.1', '4.2'].map((indicatorId, i) => ({
  indicatorId,
  value: indicatorId === '2' ? { num: 40 + i } : indicatorId === '3' ? [true, false, false, false, false] : 80 + i,
  baseVersion: 0,
}));

async function boundWorkbook(): Promise<PreviewWorkbook> {
  const wb = new PreviewWorkbook();
  await createdSheet(wb, loaded(fixtureAssessment()));
  return wb;
}

test('a submit cut off by a server stop is completed after the restart, each row stored once', async () => {
  const baseUrl = await listenOnLoopback(h.app);
  const port = Number(new URL(baseUrl).port);
  const wb = await boundWorkbook();

  // The first batch goes through; the server stops as the second is being sent.
  let posts = 0;
  const stopping = async (url: string, init: RequestInit): Promise<Response> => {
    if (init.method === 'POST' && url.endsWith('/reports') && ++posts === 2) await h.app.close();
    return fetch(url, init);
  };
  const first = new ScorebookClient({
    baseUrl,
    fetch: stopping,
    pending: new WorkbookPendingStore(wb),
    sleep: async () => undefined,
    retry: { retries: 2 },
  });
  await first.signIn('pte.reporter', 'pw');
  // One batch at a time, so "the first goes through" is a fact of the test, not of timing.
  const cut = await first.submitRows(target, rows, { action: 'submit', batchSize: 2, inFlight: 1 });
  expect(cut.outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'pending', 'pending', 'pending']);
  expect(cut.error?.code).toBe('network');

  // Back on the same address: a new instance over the same database; a new pane over the same workbook.
  const again: App = await h.secondApp();
  await again.listen({ host: '127.0.0.1', port });
  const second = new ScorebookClient({ baseUrl, pending: new WorkbookPendingStore(wb) });
  second.useSession(first.currentSession);
  const resent = await second.resendPending();
  expect(resent.outcomes.map((o) => [o.indicatorId, o.outcome])).toEqual([
    ['3', 'accepted'],
    ['4.1', 'accepted'],
    ['4.2', 'accepted'],
  ]);
  expect(await second.pending.list()).toEqual([]);

  const stored = await second.listReports(target);
  expect(stored.map((r) => [r.indicatorId, r.version, r.status])).toEqual(rows.map((r) => [r.indicatorId, 1, 'submitted']));
  const audit = await h.db.selectFrom('audit_events').select('indicator_id').where('action', '=', 'report.submit').execute();
  expect(audit.map((a) => a.indicator_id).sort()).toEqual(rows.map((r) => r.indicatorId).sort());
});

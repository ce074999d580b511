/**
 * `npm run bench:overview:sheet` (tsx test/bench/overviewSheet.bench.ts): the overview sheet's write at 1,000 units ×
 * 50 indicators (and 10 × 50 beside it, to show the syncs do not move), through the product's own code — the pane's
 * action (src/taskpane/model/openOverview.ts: the plan of src/workbook/overviewSheet.ts, the guarded write) on the
 * Office workbook port over the recording fake of Excel. The overview comes from an in-memory client (the server's
 * route is measured by its own bench). Prints, for opening and for a refresh in place: the time, the Excel syncs,
 * the request bytes (largest request and all), the cells written, and the charts on the sheet after.
 *
 * The fake's bookkeeping (JSON sizes of every request) is inside the time, so it is an upper bound for the add-in's
 * own work and says nothing of Excel's speed.
 */
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { openOverviewSheet } from '../../src/taskpane/model/openOverview';
import { OVERVIEW_SHEET, type OverviewMode } from '../../src/workbook/overviewSheet';
import type { ApiAssessmentDocument, Overview } from '../../src/api';
import { FakeExcel } from '../office/fakeExcel';
import { makeOverview, OVERVIEW_ASSESSMENT } from '../workbook/overviewFixture';

async function write(fake: FakeExcel, overview: Overview, mode: OverviewMode, existing: boolean) {
  const port = new OfficeWorkbookPort(fake);
  const from = fake.syncs.length;
  const t0 = performance.now();
  const result = await openOverviewSheet({
    port,
    client: { getAssessment: async () => OVERVIEW_ASSESSMENT as unknown as ApiAssessmentDocument, getOverview: async () => overview },
    aid: overview.assessment,
    round: overview.round,
    mode,
    locale: 'th',
    ask: async () => {
      throw new Error('the guard asked on the pane’s own sheet');
    },
    freeSheetName: async () => 'unused',
    existing,
  });
  const ms = performance.now() - t0;
  if (result.kind !== 'opened') throw new Error('not written');
  const syncs = fake.syncs.slice(from);
  return {
    ms,
    syncs: syncs.length,
    requestMB: syncs.reduce((n, s) => n + s.requestBytes, 0) / 1e6,
    largestMB: Math.max(...syncs.map((s) => s.requestBytes)) / 1e6,
    responseMB: syncs.reduce((n, s) => n + s.responseBytes, 0) / 1e6,
    cells: (overview.units.length + 6) * (overview.indicators.length * 2 + 7),
    charts: fake.sheets.get(OVERVIEW_SHEET)!.charts.length,
  };
}

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const units of [10, 1000]) {
    const fake = new FakeExcel();
    const first = makeOverview(units, 50, { groups: 10, previousRound: true });
    const opened = await write(fake, first, 'results', false);
    const refreshed = await write(fake, makeOverview(units, 50, { groups: 10, previousRound: true, seed: 3 }), 'scores', true);
    for (const [what, r] of [
      ['open', opened],
      ['refresh', refreshed],
    ] as const) {
      rows.push(
        [
          `${units} × 50`.padEnd(10),
          what.padEnd(8),
          `${r.ms.toFixed(0)} ms`.padStart(8),
          `${r.syncs} syncs`.padStart(9),
          `sent ${r.requestMB.toFixed(2)} MB (largest ${r.largestMB.toFixed(2)} MB)`.padStart(32),
          `read ${r.responseMB.toFixed(2)} MB`.padStart(14),
          `~${r.cells} cells`.padStart(14),
          `${r.charts} charts`,
        ].join('  '),
      );
    }
  }
  console.log('overview sheet through the Office port over the recording fake (limit per request: 5 MB)');
  for (const r of rows) console.log(r);
}

void main();

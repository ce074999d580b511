/**
 * npm run bench:addin — for 20,000 rows against the recording fake: time, syncs and largest request of create, bind,
 * validate and refresh (the fake's own bookkeeping included in the time, so it is an upper bound), and the size of
 * the production task pane bundle (dist/taskpane.js, gzip) when `npm run build` has made one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readAssessment } from '../../src/domain';
import { resultInputs } from '../../src/workbook';
import { bindKpiSheet, createKpiSheet, readBoundSheet, refreshKpiSheet } from '../../src/workbook/kpiActions';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { benchAssessmentDoc, benchResults, seededRandom } from '../bench/generate';
import { FakeExcel } from './fakeExcel';

async function main(): Promise<void> {
  const rows = Number(process.env.ROWS ?? 20_000);
  const document = benchAssessmentDoc(rows);
  const read = readAssessment(document);
  if (!read.ok) throw new Error('the generated assessment does not read');
  const assessment = read.value;
  const inputs = resultInputs(assessment, { results: benchResults(rows, seededRandom(rows)) });
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  let binding = undefined as Awaited<ReturnType<typeof createKpiSheet>>['binding'] | undefined;

  const actions: [string, () => Promise<unknown>][] = [
    ['create', async () => (binding = (await createKpiSheet(port, { assessment, document, inputs })).binding)],
    ['bind', () => bindKpiSheet(port, 'KPI', assessment, document)],
    ['validate', () => readBoundSheet(port, binding!, assessment)],
    ['refresh', () => refreshKpiSheet(port, { assessment, document, inputs })],
  ];
  console.log(`office port on the recording fake, ${rows.toLocaleString('en')} rows`);
  for (const [name, run] of actions) {
    const from = fake.syncs.length;
    const t = performance.now();
    await run();
    const ms = performance.now() - t;
    const syncs = fake.syncs.slice(from);
    const req = Math.max(0, ...syncs.map((s) => s.requestBytes));
    const res = Math.max(0, ...syncs.map((s) => s.responseBytes));
    console.log(`  ${name.padEnd(9)} ${String(syncs.length).padStart(2)} syncs  ${ms.toFixed(0).padStart(6)} ms  largest request ${(req / 1e6).toFixed(2)} MB  largest response ${(res / 1e6).toFixed(2)} MB`);
  }
  const bundle = join(__dirname, '..', '..', 'dist', 'taskpane.js');
  if (existsSync(bundle)) {
    const js = readFileSync(bundle);
    console.log(`task pane bundle dist/taskpane.js: ${(js.length / 1024).toFixed(0)} KiB, ${(gzipSync(js, { level: 9 }).length / 1024).toFixed(0)} KiB gzip (office.js aside; budget 300 KiB gzip)`);
  } else {
    console.log('task pane bundle: run `ADDIN_PUBLIC_URL=https://… npm run build` first to measure it');
  }
}

void main();

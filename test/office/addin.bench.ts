/**
 * npm run bench:addin — for 20,000 rows against the recording fake: time, syncs and largest request of create,
 * validate and refresh of a KPI sheet, of the pane's bind of a hand-made sheet (find the header, confirm), and of
 * create, validate and refresh of a 20,000-row multi-unit sheet (4,000 units × 5 indicators); the fake's own
 * bookkeeping is included in the time, so it is an upper bound. Then the size of the production task pane bundle
 * (dist/taskpane.js, gzip) when `npm run build` has made one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readAssessment } from '../../src/domain';
import { resultInputs } from '../../src/workbook';
import { createKpiSheet, readBoundSheet, readBoundUnits, refreshKpiSheet, refreshMultiUnitSheet } from '../../src/workbook/kpiActions';
import { bindSheetPlan } from '../../src/workbook/boundSheet';
import { multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import type { CellValue } from '../../src/workbook';
import { boundSheet, proposeBinding, readSheetToBind } from '../../src/taskpane/model/proposeBinding';
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

  // A hand-made sheet to bind, as bindPlan.test.ts makes it (written before the clock starts).
  const handFake = new FakeExcel('1.9');
  const handMade = new OfficeWorkbookPort(handFake);
  const header = ['ตัวชี้วัด', 'ลำดับ', 'หมายเหตุ', 'ผลการดำเนินงาน', 'ตัวตั้ง', 'ตัวหาร', 'น้ำหนัก'];
  const body: CellValue[][] = assessment.indicators.map((i, k) => [i.name, k % 7 === 3 ? null : i.id, null, null, null, null, i.weight]);
  await handMade.apply({
    title: 'hand-made',
    ops: [
      { kind: 'sheet', sheet: 'Data', ifExists: 'replace' },
      { kind: 'cells', sheet: 'Data', topLeft: 'A1', contents: [['รายงานตัวชี้วัด'], [null], header, ...body] },
    ],
  });
  const unitDoc = benchAssessmentDoc(5);
  const unitRead = readAssessment(unitDoc);
  if (!unitRead.ok) throw new Error('the generated unit assessment does not read');
  const units = Array.from({ length: Math.ceil(rows / 5) }, (_, i) => ({ id: `u${i + 1}`, name: `หน่วยงาน ${i + 1}` }));
  const unitInputs = new Map(units.map((u, i) => [u.id, resultInputs(unitRead.value, { results: benchResults(5, seededRandom(i + 1)) })]));
  const multi = { assessment: unitRead.value, units, inputs: unitInputs, document: unitDoc };
  const unitFake = new FakeExcel('1.9');
  const unitPort = new OfficeWorkbookPort(unitFake);
  const unitBinding = multiUnitPlan(multi).binding!;

  const actions: [string, FakeExcel, () => Promise<unknown>][] = [
    ['create', fake, async () => (binding = (await createKpiSheet(port, { assessment, document, inputs })).binding)],
    ['validate', fake, () => readBoundSheet(port, binding!, assessment)],
    ['refresh', fake, () => refreshKpiSheet(port, { assessment, document, inputs })],
    [
      'bind',
      handFake,
      async () => {
        const found = await readSheetToBind(handMade, 'Data');
        const proposal = proposeBinding(assessment, found.grid!)!;
        await handMade.apply(
          bindSheetPlan({ assessment, document, bound: boundSheet(proposal), settingsExists: found.settingsExists }).plan,
        );
      },
    ],
    ['units create', unitFake, () => unitPort.apply(multiUnitPlan(multi).plan)],
    ['units validate', unitFake, () => readBoundUnits(unitPort, { ...unitBinding, multiUnit: unitBinding.multiUnit! }, unitRead.value)],
    ['units refresh', unitFake, () => refreshMultiUnitSheet(unitPort, multi)],
  ];
  console.log(`office port on the recording fake, ${rows.toLocaleString('en')} rows`);
  for (const [name, fakeOf, run] of actions) {
    const from = fakeOf.syncs.length;
    const t = performance.now();
    await run();
    const ms = performance.now() - t;
    const syncs = fakeOf.syncs.slice(from);
    const req = Math.max(0, ...syncs.map((s) => s.requestBytes));
    const res = Math.max(0, ...syncs.map((s) => s.responseBytes));
    console.log(
      `  ${name.padEnd(15)} ${String(syncs.length).padStart(2)} syncs  ${ms.toFixed(0).padStart(6)} ms  largest request ${(req / 1e6).toFixed(2)} MB  largest response ${(res / 1e6).toFixed(2)} MB`,
    );
  }
  const bundle = join(__dirname, '..', '..', 'dist', 'taskpane.js');
  if (existsSync(bundle)) {
    const js = readFileSync(bundle);
    // A bundle older than the sources measures an earlier add-in: say so rather than print a stale figure as news.
    const stale = newestSource(join(__dirname, '..', '..', 'src')) > statSync(bundle).mtimeMs;
    console.log(
      `task pane bundle dist/taskpane.js: ${(js.length / 1024).toFixed(0)} KiB, ${(gzipSync(js, { level: 9 }).length / 1024).toFixed(0)} KiB gzip (office.js aside; budget 300 KiB gzip)${stale ? ' — STALE: src/ changed since this build; run `ADDIN_PUBLIC_URL=https://… npm run build` again' : ''}`,
    );
  } else {
    console.log('task pane bundle: run `ADDIN_PUBLIC_URL=https://… npm run build` first to measure it');
  }
}

/** The newest modification time of any file under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

void main();

/**
 * npm run bench:addin — for 20,000 rows against the recording fake, the pane's own actions (the functions its
 * components call, over the Office port): time, syncs, largest request and response of
 * - a unit's KPI sheet: Create (model/createSheet.ts), the live check on it (model/liveCheck.ts livePass, then its
 *   marks if any, as hooks/useLiveSheet.ts runs it), Open from server (model/openFromServer.ts) into a new workbook,
 *   the live check on that, and Open again over the linked sheet (the refresh);
 * - the pane's bind of a hand-made sheet (find the header, confirm);
 * - a 20,000-row multi-unit sheet (4,000 units × 5 indicators): Create, Open all units (model/openAllUnits.ts) into
 *   a new workbook, its check (unitsPass) and Open all units again over it, the pane knowing it bound (the refresh).
 * The fake's own bookkeeping is included in the time, so it is an upper bound. Then the size of the production task
 * pane bundle (dist/taskpane.js, gzip) when `npm run build` has made one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bindSheetPlan } from '../../src/workbook/boundSheet';
import { boundSheet, proposeBinding, readSheetToBind } from '../../src/taskpane/model/proposeBinding';
import { LiveCache } from '../../src/taskpane/model/liveCache';
import { applyMarks, livePass, unitsPass } from '../../src/taskpane/model/liveCheck';
import type { Session } from '../../src/taskpane/model/session';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { createdSheet, openedSheet } from '../taskpane/paneSheets';
import { FakeExcel } from './fakeExcel';
import { handMadeSheetPlan, openedAllUnits, unitWorkload, unitsWorkload } from './paneWorkloads';

/** The pane's check of a unit's sheet when it opens (useLiveSheet's refresh): the pass, then its marks if any. */
async function liveCheck(port: OfficeWorkbookPort, session: Session): Promise<void> {
  const cache = new LiveCache(session);
  const pass = await livePass(port, session, 'th', undefined, cache);
  if (!pass.evaluation.ok) throw new Error('the sheet does not read');
  if (pass.plan) await applyMarks(port, pass.plan, cache);
}

async function main(): Promise<void> {
  const rows = Number(process.env.ROWS ?? 20_000);
  const unit = unitWorkload(rows);
  const { assessment, document } = unit.chosen;
  const created = new FakeExcel('1.9');
  const createdPort = new OfficeWorkbookPort(created);
  const opened = new FakeExcel('1.9');
  const openedPort = new OfficeWorkbookPort(opened);
  let createdSession: Session | undefined;
  let openedSession: Session | undefined;

  // The hand-made sheet bindPlanCases.ts binds (written before the clock starts).
  const handFake = new FakeExcel('1.9');
  const handMade = new OfficeWorkbookPort(handFake);
  await handMade.apply(handMadeSheetPlan(assessment));

  const units = unitsWorkload(Math.ceil(rows / 5));
  const unitsCreated = new FakeExcel('1.9');
  const unitsCreatedPort = new OfficeWorkbookPort(unitsCreated);
  const unitsOpened = new FakeExcel('1.9');
  const unitsOpenedPort = new OfficeWorkbookPort(unitsOpened);
  let unitsSession: Session | undefined;

  const actions: [string, FakeExcel, OfficeWorkbookPort, () => Promise<unknown>][] = [
    [
      'create',
      created,
      createdPort,
      async () => {
        const done = await createdSheet(createdPort, unit.chosen);
        createdSession = { loaded: unit.chosen, binding: done.binding };
      },
    ],
    ['validate', created, createdPort, () => liveCheck(createdPort, createdSession!)],
    [
      'open (server)',
      opened,
      openedPort,
      async () => {
        const done = await openedSheet(openedPort, document, unit.target, { reports: unit.reports });
        openedSession = { loaded: unit.chosen, binding: done.binding };
      },
    ],
    ['validate opened', opened, openedPort, () => liveCheck(openedPort, openedSession!)],
    [
      'refresh',
      opened,
      openedPort,
      () => openedSheet(openedPort, document, unit.target, { reports: unit.reports, known: { record: openedSession!.binding } }),
    ],
    [
      'bind',
      handFake,
      handMade,
      async () => {
        const found = await readSheetToBind(handMade, 'Data');
        const proposal = proposeBinding(assessment, found.grid!)!;
        await handMade.apply(
          bindSheetPlan({ assessment, document, bound: boundSheet(proposal), settingsExists: found.settingsExists }).plan,
        );
      },
    ],
    ['units create', unitsCreated, unitsCreatedPort, () => createdSheet(unitsCreatedPort, units.chosen, { kind: 'multi' })],
    [
      'units open all',
      unitsOpened,
      unitsOpenedPort,
      async () => {
        const done = await openedAllUnits(unitsOpenedPort, units);
        if (done.kind !== 'opened' || !done.session) throw new Error('not opened');
        unitsSession = done.session;
      },
    ],
    [
      'units validate',
      unitsOpened,
      unitsOpenedPort,
      async () => {
        if (!(await unitsPass(unitsOpenedPort, unitsSession!)).ok) throw new Error('the multi-unit sheet does not read');
      },
    ],
    ['units refresh', unitsOpened, unitsOpenedPort, () => openedAllUnits(unitsOpenedPort, units, unitsSession!.binding.sheet)],
  ];
  console.log(`the pane's actions through the office port on the recording fake, ${rows.toLocaleString('en')} rows`);
  for (const [name, fakeOf, portOf, run] of actions) {
    const from = fakeOf.syncs.length;
    const syncsBefore = portOf.syncCount;
    const t = performance.now();
    await run();
    const ms = performance.now() - t;
    // Every round trip, a refused one too (a response too large, read again in pieces): it costs the same wait.
    const syncs = portOf.syncCount - syncsBefore;
    const done = fakeOf.syncs.slice(from);
    const req = Math.max(0, ...done.map((s) => s.requestBytes));
    const res = Math.max(0, ...done.map((s) => s.responseBytes));
    console.log(
      `  ${name.padEnd(16)} ${String(syncs).padStart(2)} syncs  ${ms.toFixed(0).padStart(6)} ms  largest request ${(req / 1e6).toFixed(2)} MB  largest response ${(res / 1e6).toFixed(2)} MB`,
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

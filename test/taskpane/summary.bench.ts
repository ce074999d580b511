/**
 * Edit → summary on a KPI sheet linked to a server round, measured (not asserted): what the pane does after a person
 * types a result, over the office port and the recording fake (test/office/fakeExcel.ts), with the code the pane
 * runs: the live sheet's pass (model/liveCheck.ts: read the sheet and the binding record in one call, score it,
 * work out the change marks, write them when they differ) and the summary drawn (React, rendered to a string here
 * as a stand-in for the DOM commit); and, apart, what a Server-tab action reads first (linkedSheet.ts readSheet).
 * The fake's own bookkeeping is included in the times, so they are an upper bound; beside them, CPU time per edit
 * with and without the fake's side (what Excel would do: gather the cells and measure the response), and the
 * syncs each pass takes. The machine may be shared: CPU time is the figure to compare. The pane waits DEBOUNCE_MS
 * after the last change before it starts. React is its production build, as in the add-in's bundle (the npm script
 * sets NODE_ENV); the development build checks every element and draws the summary about twice as slowly.
 *
 * Run: npm run bench:taskpane [rows]   (default 1,000 and 20,000; BENCH_EDITS=n edits, default 30)
 */
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { readAssessment } from '../../src/domain';
import { requireColumn } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { SummaryPanel } from '../../src/taskpane/components/SummaryPanel';
import { DEBOUNCE_MS } from '../../src/taskpane/hooks/useLiveSheet';
import { readSheet } from '../../src/taskpane/linkedSheet';
import { LiveCache } from '../../src/taskpane/model/liveCache';
import { applyMarks, livePass } from '../../src/taskpane/model/liveCheck';
import { SERVER_LINK_FORMAT } from '../../src/taskpane/model/serverLink';
import { sessionFromBinding } from '../../src/taskpane/model/session';
import { FakeExcel } from '../office/fakeExcel';

const EDITS = Number(process.env.BENCH_EDITS ?? 30);

function generated(n: number) {
  const indicators = Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    name: `ตัวชี้วัดที่ ${i + 1}`,
    unit: 'ร้อยละ',
    weight: 1,
    component: i % 2 ? 'a' : 'b',
    kind: 'quantitative',
    targets: i % 3 === 0 ? [30, 28, 26] : [80, 85, 90],
  }));
  const document = {
    format: 'scorebook/assessment@1',
    id: 'bench',
    title: 'bench',
    fiscalYear: 2567,
    scale: 'three-level',
    components: [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ],
    indicators,
  };
  const read = readAssessment(document);
  if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
  // Every row stored once on the server (version 1, no value yet): the link a sheet opened from the server carries.
  const rows = Object.fromEntries(indicators.map((i) => [i.id, { version: 1, value: null, status: 'draft' }]));
  const server = { format: SERVER_LINK_FORMAT, target: { aid: 'bench', round: 6, unit: 'u1' }, rows, pending: [] };
  return { assessment: read.value, document, server };
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(s[s.length - 1] as number).toFixed(1)} ms`;
}

async function bench(rows: number): Promise<void> {
  const { assessment, document, server } = generated(rows);
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { plan, layout } = kpiSheetPlan({ assessment, document, server });
  await port.apply(plan);
  const restored = sessionFromBinding(await port.readBinding());
  if (!restored.ok || !restored.session) throw new Error('the bench sheet has no session');
  const session = restored.session;
  const result = requireColumn(layout, 'result');
  const times = {
    pass: [] as number[],
    render: [] as number[],
    pane: [] as number[],
    action: [] as number[],
    cpu: [] as number[],
    paneCpu: [] as number[],
  };
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const d = process.cpuUsage(since);
    return (d.user + d.system) / 1000;
  };
  let previous: ReadonlyMap<string, string> | undefined;
  const syncs = new Set<number>();
  // As useLiveSheet: one cache per session, told of every change the sheet reports.
  const cache = new LiveCache(session);
  await port.onChange(layout.sheet, (change) => cache.changed(change));
  for (let i = 0; i < EDITS + 3; i++) {
    const row = layout.rows[(i * 37) % layout.rows.length]!.row;
    fake.userEdit(layout.sheet, `${result.letter}${row}`, [[20 + ((i * 7) % 80)]]);
    const a = performance.now();
    const cpu = process.cpuUsage();
    const excel = fake.excelSideCpuMs;
    const syncsBefore = fake.syncs.length;
    const pass = await livePass(port, session, 'th', previous, cache);
    previous = pass.contents;
    if (pass.plan) await applyMarks(port, pass.plan, cache);
    if (i >= 3) syncs.add(fake.syncs.length - syncsBefore);
    const b = performance.now();
    if (!pass.evaluation.ok || pass.evaluation.multiUnit) throw new Error('no reading');
    renderToString(
      createElement(SummaryPanel, { assessment, report: pass.evaluation.report, counts: pass.evaluation.counts, updatedAt: new Date() }),
    );
    const c = performance.now();
    const spent = cpuMs(cpu);
    const paneSpent = spent - (fake.excelSideCpuMs - excel);
    await readSheet(port, layout.sheet);
    const d = performance.now();
    if (i < 3) continue; // warm-up
    times.pass.push(b - a);
    times.render.push(c - b);
    times.pane.push(c - a);
    times.action.push(d - c);
    times.cpu.push(spent);
    times.paneCpu.push(paneSpent);
  }
  const build = process.env.NODE_ENV === 'production' ? 'production' : 'development';
  console.log(
    `${rows.toLocaleString('en')} indicator rows, linked to a server round, office port over the recording fake (React ${build} build):`,
  );
  console.log(`  live pass (read + score + marks + their write): ${stats(times.pass)}`);
  console.log(`  summary drawn:                                  ${stats(times.render)}`);
  console.log(`  pane's work per edit, read → summary:           ${stats(times.pane)}  (+ ${DEBOUNCE_MS} ms debounce)`);
  console.log(`  a Server-tab action's read (readSheet):         ${stats(times.action)}`);
  console.log(`  CPU per edit, read → summary, fake included:    ${stats(times.cpu)}`);
  console.log(`  pane CPU per edit (without the fake's Excel):   ${stats(times.paneCpu)}  (syncs per edit: ${[...syncs].join(', ')})`);
}

async function main(): Promise<void> {
  const sizes = process.argv[2] ? [Number(process.argv[2])] : [1000, 20_000];
  for (const n of sizes) await bench(n);
}

void main();

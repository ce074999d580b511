/**
 * Edit → summary on a 1,000-row KPI sheet, measured (not asserted): what the pane does after a person types a result.
 * Stages: the workbook takes the edit (the preview's HyperFormula recalculates the sheet's formulas — Excel's own work
 * in the add-in), the pane reads the bound range through the port, scores it with src/domain (evaluateSheet), and
 * draws the summary (React, rendered to a string here as a stand-in for the DOM commit). The pane waits DEBOUNCE_MS
 * after the last change before it starts; that wait is added to the end-to-end figure.
 *
 * Run: npm run bench:taskpane
 */
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { readAssessment, type Assessment } from '../../src/domain';
import { requireColumn } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { SummaryPanel } from '../../src/taskpane/components/SummaryPanel';
import { DEBOUNCE_MS } from '../../src/taskpane/hooks/useLiveSheet';
import { evaluateSheet } from '../../src/taskpane/model/evaluate';

const ROWS = Number(process.argv[2] ?? 1000);
const EDITS = 60;

function generated(n: number): { assessment: Assessment; document: unknown } {
  const indicators = Array.from({ length: n }, (_, i) => ({
    id: String(i + 1), name: `ตัวชี้วัดที่ ${i + 1}`, unit: 'ร้อยละ', weight: 1, component: i % 2 ? 'a' : 'b',
    kind: 'quantitative', targets: i % 3 === 0 ? [30, 28, 26] : [80, 85, 90],
  }));
  const document = {
    format: 'scorebook/assessment@1', id: 'bench', title: 'bench', fiscalYear: 2567, scale: 'three-level',
    components: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], indicators,
  };
  const read = readAssessment(document);
  if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
  return { assessment: read.value, document };
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(s[s.length - 1] as number).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const { assessment, document } = generated(ROWS);
  const wb = new PreviewWorkbook();
  const { plan, layout, binding } = kpiSheetPlan({ assessment, document });
  const t0 = performance.now();
  await wb.apply(plan);
  console.log(`${ROWS} indicator rows: sheet created in ${(performance.now() - t0).toFixed(0)} ms (preview)`);
  const result = requireColumn(layout, 'result');
  const times = { edit: [] as number[], read: [] as number[], evaluate: [] as number[], render: [] as number[], pane: [] as number[], total: [] as number[] };
  for (let i = 0; i < EDITS + 5; i++) {
    const row = layout.rows[(i * 37) % layout.rows.length]!.row;
    const a = performance.now();
    wb.type('KPI', `${result.letter}${row}`, String(20 + ((i * 7) % 80)));
    const b = performance.now();
    const grid = (await wb.read({ ranges: [{ sheet: 'KPI', numberFormats: true }] })).ranges[0]!;
    const c = performance.now();
    const e = evaluateSheet(assessment, grid, { headers: binding.columns });
    const d = performance.now();
    if (!e.ok) throw new Error('no reading');
    renderToString(createElement(SummaryPanel, { assessment, report: e.report, counts: e.counts, updatedAt: new Date() }));
    const f = performance.now();
    if (i < 5) continue; // warm-up
    times.edit.push(b - a);
    times.read.push(c - b);
    times.evaluate.push(d - c);
    times.render.push(f - d);
    times.pane.push(f - b);
    times.total.push(f - a + DEBOUNCE_MS);
  }
  console.log(`workbook takes the edit (HyperFormula recalculation): ${stats(times.edit)}`);
  console.log(`pane reads the sheet through the port:                ${stats(times.read)}`);
  console.log(`pane scores it (readKpiGrid + scoreAssessment):        ${stats(times.evaluate)}`);
  console.log(`pane draws the summary:                                ${stats(times.render)}`);
  console.log(`pane's own work, read → summary:                       ${stats(times.pane)}`);
  console.log(`edit → summary incl. ${DEBOUNCE_MS} ms debounce:                   ${stats(times.total)}`);
}

void main();

/**
 * `npm run bench`: scores and validates 1,000,000 generated indicator rows (units × indicators, as a central
 * office's bulk sheet holds them) with src/domain and prints rows per second and peak memory; then evaluates
 * a sample of the same rows' generated Excel formulas in HyperFormula and prints the speed ratio.
 */
import os from 'node:os';
import { readAssessment, scoreAssessment, type Assessment } from '../../src/domain';
import { requireColumn, resultInputs } from '../../src/workbook';
import { buildEngine, gridOf } from '../workbook/hyperformulaSheet';
import { benchAssessmentDoc, benchResults, seededRandom } from './generate';

const INDICATORS = 1_000;
const UNITS = Number(process.env.BENCH_UNITS ?? 1_000);
/** HyperFormula is far slower, so it gets a sample of the same rows: enough units to time, not all of them. */
const HF_UNITS = Number(process.env.BENCH_HF_UNITS ?? 20);

function mustRead(doc: unknown): Assessment {
  const read = readAssessment(doc);
  if (!read.ok) throw new Error(read.issues.map((i) => i.message.en).join('\n'));
  return read.value;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function main(): void {
  const doc = benchAssessmentDoc(INDICATORS);
  let t = process.hrtime.bigint();
  const assessment = mustRead(doc);
  const readMs = Number(process.hrtime.bigint() - t) / 1e6;

  const random = seededRandom(2567);
  let rows = 0;
  let invalid = 0;
  let checksum = 0;
  let generateNs = 0n;
  let scoreNs = 0n;
  // CPU time of this process while scoring (GC threads included): on a shared machine wall time counts the waits
  // for a core too, CPU time only the work.
  let scoreCpuUs = 0;
  for (let u = 0; u < UNITS; u++) {
    t = process.hrtime.bigint();
    const results = benchResults(INDICATORS, random);
    const t1 = process.hrtime.bigint();
    generateNs += t1 - t;
    const cpu = process.cpuUsage();
    const report = scoreAssessment(assessment, { results });
    const used = process.cpuUsage(cpu);
    scoreNs += process.hrtime.bigint() - t1;
    scoreCpuUs += used.user + used.system;
    rows += report.indicators.length;
    invalid += report.indicators.filter((i) => i.status === 'invalid').length;
    checksum += report.total ?? 0;
  }
  const scoreSeconds = Number(scoreNs) / 1e9;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log('scorebook bench — src/domain');
  console.log(`  assessment of ${INDICATORS} indicators read and checked in ${readMs.toFixed(1)} ms`);
  console.log(
    `  rows scored and validated: ${rows.toLocaleString('en-US')} (${UNITS} units × ${INDICATORS} indicators; ${invalid.toLocaleString('en-US')} invalid)`,
  );
  console.log(`  time: ${scoreSeconds.toFixed(2)} s (+ ${(Number(generateNs) / 1e9).toFixed(2)} s generating input)`);
  console.log(`  rows per second: ${Math.round(rows / scoreSeconds).toLocaleString('en-US')}`);
  console.log(
    `  rows per CPU-second: ${Math.round(rows / (scoreCpuUs / 1e6)).toLocaleString('en-US')} (load average ${os.loadavg()[0]!.toFixed(1)})`,
  );
  console.log(`  peak memory (max RSS): ${mb(peakRss)}; heap now ${mb(process.memoryUsage().heapUsed)}`);
  console.log(`  checksum (mean total): ${(checksum / UNITS).toFixed(6)}`);

  // The same generator and seed, so the sample is the first HF_UNITS units' rows of the run above.
  const sampleRandom = seededRandom(2567);
  const cases = Array.from({ length: HF_UNITS }, () => {
    const results = benchResults(INDICATORS, sampleRandom);
    return { assessment, inputs: resultInputs(assessment, { results }), results };
  });
  t = process.hrtime.bigint();
  const { hf, laidOut } = buildEngine(cases);
  const hfSeconds = Number(process.hrtime.bigint() - t) / 1e9;
  let hfRows = 0;
  let mismatches = 0;
  const totalColumn = requireColumn(laidOut[0]!.layout, 'weightedScore').column - 1;
  laidOut.forEach((laid, n) => {
    const grid = gridOf(hf, laid);
    hfRows += laid.layout.rows.length;
    const sheetTotal = grid.values[laid.layout.summaryRow - 1]?.[totalColumn];
    const domainTotal = scoreAssessment(assessment, { results: cases[n]!.results }).totalBeforePenalty;
    if (typeof sheetTotal !== 'number' || domainTotal === null || Math.abs(sheetTotal - domainTotal) > 1e-9) mismatches++;
  });
  const domainRate = rows / scoreSeconds;
  const hfRate = hfRows / hfSeconds;
  console.log('scorebook bench — the generated Excel formulas in HyperFormula (build + full evaluation)');
  console.log(`  rows: ${hfRows.toLocaleString('en-US')} (${HF_UNITS} units × ${INDICATORS} indicators) in ${hfSeconds.toFixed(2)} s`);
  console.log(`  rows per second: ${Math.round(hfRate).toLocaleString('en-US')}`);
  console.log(`  src/domain is ${(domainRate / hfRate).toFixed(1)}× faster than HyperFormula on the same rows`);
  console.log(`  sheet totals differing from src/domain by more than 1e-9: ${mismatches} of ${HF_UNITS}`);
  console.log(`  peak memory (max RSS) after both: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  if (mismatches > 0) process.exitCode = 1;
}

main();

/**
 * The report's figures are the domain's: for the three samples, every indicator's score and weighted score, the
 * component and group subtotals and the totals in the model equal `scorebook score --json`, and the text printed
 * for each is that number at the assessment's decimals. The command runs in this process (bin.test.ts checks the
 * bin as a process): spawning it through npx and tsx cost seconds per sample.
 */
import { join } from 'node:path';
import { formatNumber, toThaiDigits } from '../../src/domain';
import { buildReportModel } from '../../src/documents';
import type { ReportRow, SubtotalRow } from '../../src/documents/reportModel';
import { loadAssessment, loadResults } from '../../src/cli/loadFiles';
import { runInProcess } from '../cli/cliHarness';

const ROOT = join(__dirname, '../..');
const SAMPLES = ['pte', 'otop', 'krs'];

interface ScoreJson {
  total: number;
  totalBeforePenalty: number;
  penalty: number;
  official?: { total: number; totalBeforePenalty: number };
  indicators: { id: string; score: number | null; weightedScore: number | null }[];
  components: { id: string; score: number | null; weightedScore: number }[];
  groups: { id: string; weightedScore: number }[];
}

async function scoreJson(name: string): Promise<ScoreJson> {
  const files = [`${name}-2567.assessment.json`, `${name}-2567.results.json`].map((f) => join(ROOT, 'assets/samples', f));
  // Exit 1 (some result invalid) still prints the document.
  const { stdout } = await runInProcess(['score', ...files, '--json']);
  return JSON.parse(stdout) as ScoreJson;
}

function model(name: string, thaiDigits = false) {
  const { assessment } = loadAssessment(join(ROOT, `assets/samples/${name}-2567.assessment.json`));
  const { results } = loadResults(join(ROOT, `assets/samples/${name}-2567.results.json`), assessment);
  return { assessment, model: buildReportModel({ assessment, resultSet: results, unitId: results.unit, locale: 'th', thaiDigits }) };
}

const shown = (n: number | null, decimals: number) => (n === null ? '–' : formatNumber(n, decimals));

describe.each(SAMPLES)('the %s sample', (name) => {
  let json: ScoreJson;
  beforeAll(async () => {
    json = await scoreJson(name);
  });
  const { assessment, model: m } = model(name);
  const decimals = assessment.policies.decimals;
  const rows = m.sections.flatMap((s) => s.rows);
  const indicatorRows = rows.filter((r): r is ReportRow => r.kind === 'indicator');

  test('every indicator: score and weighted score equal score --json, printed at the policy decimals', () => {
    expect(indicatorRows.map((r) => r.id).sort()).toEqual(json.indicators.map((i) => i.id).sort());
    for (const i of json.indicators) {
      const row = indicatorRows.find((r) => r.id === i.id) as ReportRow;
      expect({ id: i.id, ...row.figures }).toEqual({ id: i.id, score: i.score, weightedScore: i.weightedScore });
      if (!row.score.startsWith('ไม่')) expect(row.score).toBe(shown(i.score, decimals));
    }
  });

  test('subtotals per component and group, the totals and the penalty equal score --json', () => {
    const subtotals = rows.filter((r): r is SubtotalRow => r.kind === 'subtotal').map((r) => r.figures.weightedScore);
    const expected = [...json.groups.map((g) => g.weightedScore), ...json.components.map((c) => c.weightedScore)];
    expect([...subtotals].sort()).toEqual([...expected].sort());
    const figures = m.totals.map((t) => t.figure);
    const official = json.official ? [json.official.totalBeforePenalty, json.official.total] : [];
    expect(figures).toEqual([json.totalBeforePenalty, json.penalty, json.total, ...official]);
    expect(m.totals.map((t) => t.value)).toEqual(figures.map((f) => shown(f, decimals)));
  });

  test('--thai-digits turns every figure into Thai digits and changes nothing else', () => {
    const thai = model(name, true).model;
    expect(thai.totals.map((t) => t.value)).toEqual(m.totals.map((t) => toThaiDigits(t.value)));
    expect(JSON.stringify(thai.sections)).not.toMatch(/"(score|weightedScore|weight)":"[^"]*[0-9]/);
  });
});

test('the heading gives the round and its period in the Buddhist Era', () => {
  expect(model('pte').model.period).toBe('รอบ 6 เดือน (1 ตุลาคม 2566 – 31 มีนาคม 2567)');
  expect(model('krs').model.period).toBe('รอบ 12 เดือน (1 ตุลาคม 2566 – 30 กันยายน 2567)');
  expect(model('pte', true).model.period).toBe('รอบ ๖ เดือน (๑ ตุลาคม ๒๕๖๖ – ๓๑ มีนาคม ๒๕๖๗)');
});

/**
 * The preview's drawing of a sheet's native charts (Excel draws them over the cells; the browser grid draws them in
 * a strip under it): each chart as a small SVG from its source cells as they are now — the first column the
 * categories, each further column a series (seriesBy 'columns'), or the other way round — with its title and a
 * legend. Clustered columns and bars, and lines; enough to see in a screenshot what Excel would show.
 */
import type { ChartOp } from '../workbook/plan';
import { parseAddress } from '../workbook';
import type { PreviewWorkbook } from './previewWorkbook';

const SERIES_COLOURS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000'];
const W = 420;
const H = 220;
const PAD = { left: 36, right: 8, top: 26, bottom: 38 };

interface ChartData {
  readonly categories: string[];
  readonly series: { name: string; values: (number | null)[] }[];
}

export function chartData(workbook: PreviewWorkbook, sheet: string, chart: ChartOp): ChartData {
  const [a, b = a] = chart.source.split(':') as [string, string?];
  const p = parseAddress(a);
  const q = parseAddress(b as string);
  const cell = (r: number, c: number) => workbook.value(sheet, r, c);
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  if (chart.seriesBy === 'columns') {
    const categories = [];
    for (let r = p.row + 1; r <= q.row; r++) categories.push(String(cell(r, p.column) ?? ''));
    const series = [];
    for (let c = p.column + 1; c <= q.column; c++) {
      const values = [];
      for (let r = p.row + 1; r <= q.row; r++) values.push(num(cell(r, c)));
      series.push({ name: String(cell(p.row, c) ?? ''), values });
    }
    return { categories, series };
  }
  const categories = [];
  for (let c = p.column + 1; c <= q.column; c++) categories.push(String(cell(p.row, c) ?? ''));
  const series = [];
  for (let r = p.row + 1; r <= q.row; r++) {
    const values = [];
    for (let c = p.column + 1; c <= q.column; c++) values.push(num(cell(r, c)));
    series.push({ name: String(cell(r, p.column) ?? ''), values });
  }
  return { categories, series };
}

/** "คะแนนรวม ประเมินตนเอง (Self-assessed total)" → the Thai part in a legend with little room. */
const short = (s: string, n = 28): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function ChartView({ workbook, sheet, chart }: { workbook: PreviewWorkbook; sheet: string; chart: ChartOp }): JSX.Element {
  const data = chartData(workbook, sheet, chart);
  const all = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(1, ...all);
  const n = Math.max(1, data.categories.length);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bars = chart.type !== 'line';
  const horizontal = chart.type === 'barClustered';
  const slot = (horizontal ? plotH : plotW) / n;
  const k = Math.max(1, data.series.length);
  const marks: JSX.Element[] = [];
  data.series.forEach((s, si) => {
    const colour = SERIES_COLOURS[si % SERIES_COLOURS.length];
    if (bars) {
      s.values.forEach((v, i) => {
        if (v === null) return;
        const len = (v / max) * (horizontal ? plotW : plotH);
        const thick = Math.max(0.5, (slot * 0.8) / k);
        const at = i * slot + slot * 0.1 + si * thick;
        marks.push(
          horizontal ? (
            <rect key={`${si}-${i}`} x={PAD.left} y={PAD.top + at} width={len} height={thick} fill={colour} />
          ) : (
            <rect key={`${si}-${i}`} x={PAD.left + at} y={PAD.top + plotH - len} width={thick} height={len} fill={colour} />
          ),
        );
      });
    } else {
      const points = s.values
        .map((v, i) => (v === null ? undefined : `${PAD.left + (i + 0.5) * slot},${PAD.top + plotH - (v / max) * plotH}`))
        .filter(Boolean)
        .join(' ');
      marks.push(<polyline key={si} points={points} fill="none" stroke={colour} strokeWidth={2} />);
      s.values.forEach((v, i) => {
        if (v !== null)
          marks.push(
            <circle key={`${si}-${i}`} cx={PAD.left + (i + 0.5) * slot} cy={PAD.top + plotH - (v / max) * plotH} r={3} fill={colour} />,
          );
      });
    }
  });
  // Category labels where they fit (every one up to 12, then a sample).
  const step = Math.ceil(n / 12);
  const labels = data.categories.map((c, i) =>
    i % step !== 0 ? null : horizontal ? null : (
      <text key={i} x={PAD.left + (i + 0.5) * slot} y={H - PAD.bottom + 12} fontSize={9} textAnchor="middle" fill="#605e5c">
        {short(c, Math.max(4, Math.floor((slot * step) / 6)))}
      </text>
    ),
  );
  return (
    <figure className="pv-chart" data-chart={chart.name} aria-label={chart.title}>
      <svg width={W} height={H} role="img" aria-label={chart.title}>
        <text x={W / 2} y={16} fontSize={12} fontWeight={600} textAnchor="middle">
          {short(chart.title, 60)}
        </text>
        <line x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} stroke="#c8c6c4" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} stroke="#c8c6c4" />
        <text x={PAD.left - 4} y={PAD.top + 8} fontSize={9} textAnchor="end" fill="#605e5c">
          {Math.round(max)}
        </text>
        <text x={PAD.left - 4} y={PAD.top + plotH} fontSize={9} textAnchor="end" fill="#605e5c">
          0
        </text>
        {marks}
        {labels}
        {data.series.map((s, si) => (
          <g key={si} transform={`translate(${PAD.left + si * 190}, ${H - 12})`}>
            <rect width={10} height={10} y={-9} fill={SERIES_COLOURS[si % SERIES_COLOURS.length]} />
            <text x={14} fontSize={10}>
              {short(s.name)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {chart.name} · {chart.source} · {data.categories.length} × {data.series.length}
      </figcaption>
    </figure>
  );
}

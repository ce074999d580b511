/**
 * The history view of one unit (its reporters, approvers, central staff): the total and a chosen indicator at every
 * round of this assessment and of the ones before it (api/history.ts), as a small inline SVG chart — a line per
 * fiscal year over the rounds, so round over round and year over year read in one picture — with the change since
 * the round before and against the same round a year earlier, and the figures in a table beneath. "Open as sheet"
 * hands the history to the sheet writer the pane is given (`onOpenSheet`). The SVG scales to its box: 320 px works.
 */
import { Button, Caption1, Field, Select, Subtitle2 } from '@fluentui/react-components';
import type { UnitHistory } from '../../api/history';
import { allIndicators, formatNumber, isGroup, type Assessment } from '../../domain';
import { formatFiscalYear, formatScore } from '../format';
import { useHistoryStrings } from '../historyStrings';
import { useServerCall } from '../hooks/useServerCall';
import { useLocale } from '../i18n';
import { historySeries, type HistoryMeasure, type HistorySeries, type SeriesPoint } from '../model/historySeries';
import { usePaneState } from '../paneStore';
import type { ServerClient } from './serverClient';
import { ErrorMessage } from './StatusBar';

export interface HistoryPanelProps {
  readonly client: Pick<ServerClient, 'getUnitHistory'>;
  readonly aid: string;
  readonly unit: string;
  /** The unit's name as the assessment lists it. */
  readonly unitName?: string;
  /** The assessment (the linked sheet's): indicator names and the decimals shown. */
  readonly assessment?: Assessment;
  /**
   * Writes the history as a sheet with a native chart (the pane wires the writer); resolves with the sheet's name,
   * said under the button, and a failure is shown there too.
   */
  readonly onOpenSheet?: (history: UnitHistory, indicatorId: string | undefined) => Promise<string | void> | void;
}

export function HistoryPanel({ client, aid, unit, unitName, assessment, onOpenSheet }: HistoryPanelProps): JSX.Element {
  const h = useHistoryStrings();
  const { locale } = useLocale();
  const [chosen, setChosen] = usePaneState<string>(`server.history.indicator:${aid}`, '');
  const loading = useServerCall(async () => {
    if (!client.getUnitHistory) throw new Error(h.noHistoryRoute);
    return { aid, unit, history: await client.getUnitHistory(aid, unit) };
  }, [aid, unit]);
  const writing = useServerCall(
    async (_signal, history: UnitHistory, id: string | undefined) => {
      const sheet = await onOpenSheet?.(history, id);
      return { aid, unit, sheet: sheet ?? undefined };
    },
    [aid, unit],
  );
  const written = writing.result && writing.result.aid === aid && writing.result.unit === unit ? writing.result.sheet : undefined;
  // An answer about another unit or assessment is not shown for this one.
  const answer = loading.result && loading.result.aid === aid && loading.result.unit === unit ? loading.result.history : undefined;
  const decimals = assessment?.policies.decimals ?? 2;
  const leaves = assessment ? allIndicators(assessment).filter((i) => !isGroup(i)) : [];
  const ids =
    leaves.length > 0 ? leaves.map((i) => i.id) : [...new Set(answer?.points.flatMap((p) => p.indicators.map((i) => i.indicator)) ?? [])];
  // Until one is chosen: the first indicator the history has a result for (else the first of the assessment).
  const reported = ids.find((id) => answer?.points.some((p) => p.indicators.some((i) => i.indicator === id && i.value !== null)));
  const indicatorId = ids.includes(chosen) ? chosen : (reported ?? ids[0]);
  const nameOf = (id: string): string => leaves.find((i) => i.id === id)?.name ?? id;
  const yearLabel = (p: Pick<SeriesPoint, 'year' | 'assessment'>): string =>
    p.year === null ? p.assessment : formatFiscalYear(p.year, locale);

  return (
    <section className="sb-stack" aria-label={h.heading} data-testid="history-panel">
      <Subtitle2>{h.heading}</Subtitle2>
      <Caption1>{h.intro(unitName ?? unit)}</Caption1>
      <div className="sb-row">
        <Button size="small" disabled={loading.running} onClick={() => void loading.run()}>
          {answer ? h.refresh : h.show}
        </Button>
        {answer && onOpenSheet ? (
          <Button size="small" disabled={writing.running} onClick={() => void writing.run(answer, indicatorId)}>
            {h.openSheet}
          </Button>
        ) : null}
      </div>
      {writing.running ? <div role="status">{h.writingSheet}</div> : null}
      {writing.error ? <ErrorMessage message={writing.error} onDismiss={writing.clear} /> : null}
      {written && !writing.running ? (
        <div role="status" data-testid="history-sheet-written">
          {h.sheetWritten(written)}
        </div>
      ) : null}
      {loading.running ? <div role="status">{h.loading}</div> : null}
      {loading.error ? <ErrorMessage message={loading.error} onDismiss={loading.clear} /> : null}
      {answer && answer.points.length === 0 ? <div>{h.none}</div> : null}
      {answer && answer.points.length > 0 ? (
        <>
          <MeasureView
            testId="history-total"
            title={h.total}
            series={historySeries(answer, { kind: 'total' })}
            decimals={decimals}
            yearLabel={yearLabel}
            secondTitle={h.official}
          />
          {indicatorId !== undefined ? (
            <>
              <Field label={h.chooseIndicator}>
                <Select value={indicatorId} onChange={(_, d) => setChosen(d.value)}>
                  {ids.map((id) => (
                    <option key={id} value={id}>
                      {`${id} ${nameOf(id) === id ? '' : nameOf(id)}`.trim()}
                    </option>
                  ))}
                </Select>
              </Field>
              <MeasureView
                testId="history-indicator"
                title={`${h.indicator} ${indicatorId} ${nameOf(indicatorId) === indicatorId ? '' : nameOf(indicatorId)}`.trim()}
                series={historySeries(answer, { kind: 'indicator', id: indicatorId } satisfies HistoryMeasure)}
                decimals={decimals}
                yearLabel={yearLabel}
                valueTitle={h.result}
                secondTitle={h.score}
              />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function signed(n: number, decimals: number): string {
  const text = formatNumber(Math.abs(n), decimals);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}

function MeasureView({
  testId,
  title,
  series,
  decimals,
  yearLabel,
  valueTitle,
  secondTitle,
}: {
  testId: string;
  title: string;
  series: HistorySeries;
  decimals: number;
  yearLabel: (p: Pick<SeriesPoint, 'year' | 'assessment'>) => string;
  valueTitle?: string;
  secondTitle: string;
}): JSX.Element {
  const h = useHistoryStrings();
  const { latest, yearOverYear } = series;
  const before = latest ? series.points[series.points.indexOf(latest) - 1] : undefined;
  const label = (p: SeriesPoint): string => h.pointLabel(yearLabel(p), p.round);
  return (
    <div className="sb-stack" data-testid={testId}>
      <strong>{title}</strong>
      <HistoryChart series={series} decimals={decimals} label={h.chartOf(title)} yearLabel={yearLabel} />
      <div data-testid={`${testId}-since-last`}>
        {latest && before && latest.change !== null
          ? h.sinceLast(signed(latest.change, decimals), label(before), label(latest))
          : h.noChange}
      </div>
      {yearOverYear ? (
        <div data-testid={`${testId}-year-over-year`}>
          {h.yearOverYear(signed(yearOverYear.change, decimals), yearOverYear.from.round, yearLabel(yearOverYear.from))}
        </div>
      ) : null}
      <table className="sb-history-table">
        <thead>
          <tr>
            <th scope="col">{h.point}</th>
            <th scope="col">{valueTitle ?? h.total}</th>
            <th scope="col">{secondTitle}</th>
            <th scope="col">{h.change}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p, i) => (
            <tr key={i}>
              <th scope="row">{label(p)}</th>
              <td>{formatScore(p.value, decimals)}</td>
              <td>{formatScore(p.second, decimals)}</td>
              <td>{p.change === null ? '—' : signed(p.change, decimals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Colours of the lines: the latest year strong, the years before it lighter (readable printed in grey). */
const LINE_COLOURS = ['#0F6CBD', '#8A8886', '#C19C00', '#5C2E91'];

/** The chart's own units; the SVG scales to the pane's width (viewBox), so 320 px shows it whole. */
const W = 300;
const H = 140;
// Room on the right for the last point's label, centred on it.
const PAD = { left: 34, right: 22, top: 14, bottom: 22 };

function HistoryChart({
  series,
  decimals,
  label,
  yearLabel,
}: {
  series: HistorySeries;
  decimals: number;
  label: string;
  yearLabel: (p: Pick<SeriesPoint, 'year' | 'assessment'>) => string;
}): JSX.Element {
  const values = series.points.map((p) => p.value).filter((v): v is number => v !== null);
  const lo = values.length > 0 ? Math.min(...values) : 0;
  const hi = values.length > 0 ? Math.max(...values) : 1;
  const span = hi - lo || Math.abs(hi) || 1;
  const min = lo - span * 0.15;
  const max = hi + span * 0.15;
  const rounds = series.rounds;
  const x = (round: number): number =>
    rounds.length <= 1
      ? (PAD.left + W - PAD.right) / 2
      : PAD.left + ((W - PAD.left - PAD.right) * rounds.indexOf(round)) / (rounds.length - 1);
  const y = (v: number): number => PAD.top + ((H - PAD.top - PAD.bottom) * (max - v)) / (max - min);
  // Newest year first in the colour list, drawn last so it lies on top.
  const years = [...series.years].reverse();
  const colourOf = (i: number): string => LINE_COLOURS[Math.min(i, LINE_COLOURS.length - 1)]!;
  const ticks = [lo, (lo + hi) / 2, hi];
  const short = (v: number): string => formatNumber(v, Math.abs(v) >= 1000 ? 0 : Math.min(decimals, 2));
  return (
    <div className="sb-stack">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} className="sb-history-chart" data-testid="history-chart">
        <title>{label}</title>
        {ticks.map((t, i) => (
          <g key={i}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#E1DFDD" strokeWidth={1} />
            <text x={PAD.left - 4} y={y(t) + 3} fontSize={9} textAnchor="end" fill="#605E5C">
              {short(t)}
            </text>
          </g>
        ))}
        {rounds.map((r) => (
          <text key={r} x={x(r)} y={H - 6} fontSize={10} textAnchor="middle" fill="#323130">
            {r}
          </text>
        ))}
        {years
          .map((year, i) => ({ year, colour: colourOf(i), newest: i === 0 }))
          .reverse()
          .map(({ year, colour, newest }) => {
            const drawn = year.points.filter((p) => p.value !== null);
            return (
              <g key={year.assessment} data-testid="history-line" data-year={year.year ?? year.assessment}>
                {drawn.length > 1 ? (
                  <polyline
                    points={drawn.map((p) => `${x(p.round)},${y(p.value!)}`).join(' ')}
                    fill="none"
                    stroke={colour}
                    strokeWidth={newest ? 2.5 : 1.5}
                    strokeDasharray={newest ? undefined : '4 3'}
                  />
                ) : null}
                {drawn.map((p) => (
                  <g key={p.round}>
                    <circle cx={x(p.round)} cy={y(p.value!)} r={newest ? 3.5 : 2.5} fill={colour} />
                    {newest ? (
                      <text x={x(p.round)} y={y(p.value!) - 6} fontSize={9} textAnchor="middle" fill={colour}>
                        {short(p.value!)}
                      </text>
                    ) : null}
                  </g>
                ))}
              </g>
            );
          })}
      </svg>
      <div className="sb-row" aria-hidden="true">
        {years.map((year, i) => (
          <span key={year.assessment} className="sb-history-legend">
            <span style={{ background: colourOf(i) }} className="sb-history-swatch" />
            {yearLabel(year)}
          </span>
        ))}
      </div>
    </div>
  );
}

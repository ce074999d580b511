/**
 * For central staff and approvers, under the Server tab's pickers, beside "open all units": the overview sheet of
 * the chosen assessment and round (model/openOverview.ts), showing results, scores or statuses, and Refresh, which
 * rewrites the same sheet in place. The pickers' choice is read from the pane's store (OpenFromServer keeps it).
 */
import { Button, Field, Radio, RadioGroup, Subtitle2 } from '@fluentui/react-components';
import type { WorkbookPort } from '../../workbook/port';
import { OVERVIEW_SHEET, type OverviewMode } from '../../workbook/overviewSheet';
import { useServerCall } from '../hooks/useServerCall';
import { useReplaceGuard } from '../hooks/useReplaceGuard';
import { freeSheetName } from '../model/freeSheetName';
import { useLocale } from '../i18n';
import { openOverviewSheet, type OverviewClient } from '../model/openOverview';
import { useOverviewStrings } from '../overviewStrings';
import { usePaneState } from '../paneStore';
import type { Choice, Summary } from './OpenFromServer';
import { ErrorMessage } from './StatusBar';

export function OverviewSheet({ client, port }: { client: OverviewClient; port: WorkbookPort }): JSX.Element | null {
  const o = useOverviewStrings();
  const { locale } = useLocale();
  const [list] = usePaneState<readonly Summary[]>('server.assessments', []);
  const [choice] = usePaneState<Choice | undefined>('server.choice', undefined);
  const [mode, setMode] = usePaneState<OverviewMode>('server.overviewMode', 'results');
  /** The sheet written last, for which assessment and round: Refresh rewrites that one. */
  const [written, setWritten] = usePaneState<{ key: string; sheet: string; text: string } | undefined>('server.overview', undefined);
  const call = useServerCall((_signal, work: () => Promise<void>) => work());
  const guard = useReplaceGuard();
  const chosen = list.find((x) => x.id === choice?.aid);
  const round = chosen?.rounds.find((r) => String(r.round) === choice?.round);
  if (!chosen || !round) return null;
  const key = `${chosen.id}/${round.round}`;
  const mine = written?.key === key ? written : undefined;

  const open = (): Promise<unknown> =>
    call.run(async () => {
      const result = await openOverviewSheet({
        port,
        client,
        aid: chosen.id,
        round: round.round,
        mode,
        locale,
        ask: guard.ask,
        freeSheetName,
        ...(mine ? { sheet: mine.sheet, existing: true } : {}),
      });
      if (result.kind === 'cancelled') {
        setWritten(mine ? { ...mine, text: o.cancelled } : undefined);
        return;
      }
      const c = result.overview.counts;
      const newSheet = result.sheet !== (mine?.sheet ?? OVERVIEW_SHEET) ? result.sheet : undefined;
      setWritten({
        key,
        sheet: result.sheet,
        text: [
          o.opened(result.sheet, result.overview.units.length),
          o.statuses_(c.notStarted, c.draft, c.submitted, c.approved, c.returned),
          newSheet ? o.keptNew(newSheet) : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
      });
    });

  return (
    <div className="sb-stack" data-testid="overview-sheet">
      <Subtitle2>{o.heading}</Subtitle2>
      <div>{o.intro(chosen.units.length)}</div>
      <Field label={o.show}>
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as OverviewMode)}>
          <Radio value="results" label={o.results} />
          <Radio value="scores" label={o.scores} />
          <Radio value="statuses" label={o.statuses} />
        </RadioGroup>
      </Field>
      <Button appearance="secondary" disabled={call.running} onClick={() => void open()}>
        {mine ? o.refresh : o.open}
      </Button>
      {call.running ? <div role="status">{o.opening}</div> : null}
      {call.error ? <ErrorMessage message={call.error} onDismiss={call.clear} /> : null}
      {mine ? (
        <div role="status" data-testid="overview-written">
          {mine.text}
        </div>
      ) : null}
      {guard.dialog}
    </div>
  );
}

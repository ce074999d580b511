/**
 * For central staff, under the Server tab's pickers: "open all units" of the chosen assessment and round into one
 * multi-unit sheet, each row's status beside it (model/openAllUnits.ts). The pickers' choice is read from the
 * pane's store (OpenFromServer keeps it there); the unit picker does not matter here.
 */
import { Button, Subtitle2 } from '@fluentui/react-components';
import type { WorkbookPort } from '../../workbook/port';
import { useAllUnitsStrings } from '../allUnitsStrings';
import { useServerCall } from '../hooks/useServerCall';
import { useReplaceGuard } from '../hooks/useReplaceGuard';
import { freeSheetName } from '../model/freeSheetName';
import { useLocale } from '../i18n';
import type { Session } from '../model/session';
import { openAllUnits } from '../model/openAllUnits';
import { usePaneState } from '../paneStore';
import type { Choice, Summary } from './OpenFromServer';
import type { ServerClient } from './serverClient';
import { ErrorMessage } from './StatusBar';

export function OpenAllUnits({
  client,
  port,
  onOpened,
  changedRows,
  boundSheet,
}: {
  client: ServerClient;
  port: WorkbookPort;
  onOpened: (s: Session) => void;
  changedRows?: number;
  /** The sheet the pane knows bound: opening over it again reads it at once. */
  boundSheet?: string;
}): JSX.Element | null {
  const a = useAllUnitsStrings();
  const { locale } = useLocale();
  const [list] = usePaneState<readonly Summary[]>('server.assessments', []);
  const [choice] = usePaneState<Choice | undefined>('server.choice', undefined);
  // The Server tab's one idiom for a call: running, and its failure said here until the next try.
  const call = useServerCall((_signal, work: () => Promise<void>) => work());
  const busy = call.running;
  const [done, setDone] = usePaneState<{ key: string; text: string } | undefined>('server.allUnitsOpened', undefined);
  const guard = useReplaceGuard();
  const chosen = list.find((x) => x.id === choice?.aid);
  const round = chosen?.rounds.find((r) => String(r.round) === choice?.round);
  if (!chosen || !round) return null;
  // "Opened …" is about the assessment and round it was made with.
  const key = `${chosen.id}/${round.round}`;

  const open = (): Promise<unknown> =>
    call.run(async () => {
      setDone(undefined);
      const reader = {
        getAssessment: (aid: string) => client.getAssessment(aid),
        listRoundReports: (aid: string, r: number) => {
          if (!client.listRoundReports) throw new Error('this client cannot list every unit');
          return client.listRoundReports(aid, r);
        },
      };
      const result = await openAllUnits({
        port,
        client: reader,
        aid: chosen.id,
        round: round.round,
        locale,
        ask: guard.ask,
        freeSheetName,
        changedRows,
        boundSheet,
      });
      if (result.kind === 'cancelled') {
        setDone({ key, text: a.cancelled });
        return;
      }
      const { sheet } = result;
      const st = sheet.statuses;
      if (result.session) onOpened(result.session);
      setDone({
        key,
        text: [
          a.opened(sheet.layout.kpi.sheet, sheet.layout.units.length, sheet.stored),
          a.statuses(st.submitted, st.approved, st.returned, st.draft),
          result.newSheet ? a.keptNew(result.newSheet) : undefined,
          result.unlinked ? a.unlinked(result.unlinked) : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
      });
    });

  return (
    <div className="sb-stack" data-testid="open-all-units">
      <Subtitle2>{a.heading}</Subtitle2>
      <div>{a.intro(chosen.units.length)}</div>
      <Button appearance="secondary" disabled={busy} onClick={() => void open()}>
        {a.open}
      </Button>
      {busy ? <div role="status">{a.opening}</div> : null}
      {call.error ? <ErrorMessage message={call.error} onDismiss={call.clear} /> : null}
      {done && done.key === key ? (
        <div role="status" data-testid="all-units-opened">
          {done.text}
        </div>
      ) : null}
      {guard.dialog}
    </div>
  );
}

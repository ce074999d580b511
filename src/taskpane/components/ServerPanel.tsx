/**
 * The pane's side of the reporting API: sign in (the token lives in memory only, in the client), open a unit's
 * round from the server into a KPI sheet (the sheet remembers assessment, unit, round and each row's version and
 * value in the binding record), and submit the rows changed since the server last confirmed them, with progress
 * and each row's outcome. When the session ends mid-submit the sign-in form comes back; signing in carries on
 * with the same batch and key. Pending batches are kept in the workbook (WorkbookPendingStore).
 */
import { ProgressBar } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Session as ApiSession } from '../../api';
import type { BatchTarget } from '../../api/pending';
import type { Policies } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import { useServerCall } from '../hooks/useServerCall';
import { LinkedSheetProvider, useLinkedSheet } from '../linkedSheetStore';
import { noticeRound, roundStanding } from '../model/lateEstimate';
import type { Session } from '../model/session';
import { WorkbookPendingStore } from '../model/workbookPendingStore';
import { PaneStoreProvider, usePaneState, usePaneStore } from '../paneStore';
import { useServerStrings } from '../serverStrings';
import { ApproverPanel } from './ApproverPanel';
import { OpenAllUnits } from './OpenAllUnits';
import { OverviewSheet } from './OverviewSheet';
import { OpenFromServer, type Choice, type Summary } from './OpenFromServer';
import { PublishPanel, type DefinitionsSource } from './PublishPanel';
import { HistoryPanel } from './HistoryPanel';
import { DefinitionsNotice } from './DefinitionsNotice';
import { DefinitionsSheetPanel, useDefinitionsSource } from './DefinitionsSheetPanel';
import type { UnitHistory } from '../../api/history';
import { allIndicators } from '../../domain';
import { openHistorySheet } from '../../workbook/historySheet';
import { useLocale } from '../i18n';
import { connectToServer, type Connect, type ServerClient } from './serverClient';
import { SignInForm } from './SignInForm';
import { EvidencePanel } from './EvidencePanel';
import { ErrorMessage } from './StatusBar';
import { SubmitChanged } from './SubmitChanged';

export type { Connect, ServerClient } from './serverClient';

export interface ServerPanelProps {
  readonly port: WorkbookPort;
  readonly connect?: Connect;
  readonly now?: () => Date;
  /** The sheet opened from the server becomes the pane's session (summary, issues, what-if). */
  readonly onOpened: (session: Session) => void;
  /** Rows changed since the server last confirmed them (the live sheet's count), shown by the submit button. */
  readonly changedRows?: number;
  /** Called after the panel wrote the sheet or its link, so the live sheet reads them again. */
  readonly onSheetWritten?: () => void;
  /** The sheet the pane knows bound (the binding record's), so a submit reads it with the record in one call. */
  readonly boundSheet?: string;
  /** The pane's session as scored now: the policies (late penalty, holidays) and the total, for the late estimate. */
  readonly scoring?: { readonly policies: Policies; readonly total: number | null };
  /** The assessment of the sheet the pane has open (bound or linked): the pickers default to it. */
  readonly sheetAssessment?: string;
  /** The errors the live check finds in the sheet: a submit's error about them goes when they change. */
  readonly sheetErrors?: number;
  /** Central staff: where "Publish definitions" reads the new assessment besides a JSON file; the definitions sheet by default. */
  readonly definitionsSource?: DefinitionsSource;
  /**
   * "Open as sheet" in the history view: writes the unit's history as a sheet with a native chart and resolves with
   * its name. Without it, the panel writes it through `port` (openHistorySheet) in the pane's language.
   */
  readonly onOpenHistorySheet?: (history: UnitHistory, indicatorId: string | undefined) => Promise<string | void> | void;
}

/** Where `npm start` serves the demo API. */
const DEFAULT_SERVER = 'http://localhost:8787';

/** The clock, one function for the module: a default `() => new Date()` in the signature would be a new one each render. */
const systemNow = (): Date => new Date();

/** What the pane's store keeps for the Server tab (paneStore.ts): it outlives the tab. */
export interface Connection {
  readonly baseUrl: string;
  readonly client?: ServerClient;
  readonly session?: ApiSession;
}

/** The panel in the pane's store (or, rendered alone, in one of its own that its parts share). */
export function ServerPanel(props: ServerPanelProps): JSX.Element {
  const store = usePaneStore();
  return (
    <PaneStoreProvider store={store}>
      <LinkedSheetProvider port={props.port} boundSheet={props.boundSheet}>
        <ServerTab {...props} />
      </LinkedSheetProvider>
    </PaneStoreProvider>
  );
}

function ServerTab({
  port,
  connect = connectToServer,
  now = systemNow,
  onOpened,
  changedRows,
  onSheetWritten,
  scoring,
  sheetAssessment,
  sheetErrors,
  definitionsSource,
  onOpenHistorySheet,
  boundSheet,
}: ServerPanelProps): JSX.Element {
  const { s } = useServerStrings();
  const { locale } = useLocale();
  // The definitions sheet, unless the pane gives another source.
  const sheetSource = useDefinitionsSource(port);
  // What `npm start` serves (scorebook serve --demo, plain HTTP on the loopback, which browsers let an HTTPS page
  // call); a real deployment's address is typed once in the form, and kept in the sheet's server link after.
  const [connection, setConnection] = usePaneState<Connection>('server.connection', { baseUrl: DEFAULT_SERVER });
  const { baseUrl, client, session } = connection;
  /** Set while a request waits for the user to sign in again (in the store: the request outlives the tab). */
  const [waiting] = usePaneState<{ current?: (s: ApiSession | undefined) => void }>('server.waiting', () => ({}));
  const [askAgain, setAskAgain] = usePaneState('server.askAgain', false);
  /** The round the bound sheet is linked to (where a submit goes), from the linked sheet's one owner. */
  const sheet = useLinkedSheet();
  const linked = sheet.target;
  const [assessments] = usePaneState<readonly Summary[]>('server.assessments', []);
  const [choice] = usePaneState<Choice | undefined>('server.choice', undefined);
  const chosenAssessment = assessments.find((a) => a.id === choice?.aid);
  const round = chosenAssessment?.rounds.find((r) => String(r.round) === choice?.round);
  const target = useMemo<BatchTarget | undefined>(
    () => (chosenAssessment && choice?.unit && round ? { aid: chosenAssessment.id, round: round.round, unit: choice.unit } : undefined),
    [chosenAssessment, choice?.unit, round],
  );
  const preferred = useMemo(() => linked ?? (sheetAssessment ? { aid: sheetAssessment } : undefined), [linked, sheetAssessment]);
  const about = noticeRound(linked, assessments, round);
  const standing = about ? roundStanding(about.round, now(), scoring?.policies, scoring?.total ?? null) : undefined;
  // Said only when the pickers show another round: then the notice would otherwise seem to be about theirs.
  const standingOf =
    about?.linked && (target?.aid !== linked?.aid || target?.round !== linked?.round)
      ? s.standingOfLinked(s.roundLabel(about.round.round))
      : undefined;
  /** The sheet or its link were (re)written: the link may name another round now. */
  const opened = (next: Session): void => {
    void sheet.reload();
    onOpened(next);
  };
  const sheetWritten = (): void => {
    void sheet.reload();
    onSheetWritten?.();
  };

  const signingIn = useServerCall(async (_signal, url: string, username: string, password: string) => {
    const c = client && url === baseUrl ? client : connect(url, { reauthenticate, pending: new WorkbookPendingStore(port) });
    const fresh = await c.signIn(username, password);
    setConnection({ baseUrl: url, client: c, session: fresh });
    setAskAgain(false);
    waiting.current?.(fresh);
    waiting.current = undefined;
  });
  const signIn = async (url: string, username: string, password: string): Promise<void> => {
    await signingIn.run(url, username, password);
  };

  function reauthenticate(): Promise<ApiSession | undefined> {
    setAskAgain(true);
    return new Promise((resolve) => {
      waiting.current = resolve;
    });
  }

  const cancelSignIn = (): void => {
    setAskAgain(false);
    waiting.current?.(undefined);
    waiting.current = undefined;
  };

  // The history is of the linked sheet's unit, else of the unit the pickers show.
  const historyOf = linked ?? target;
  const historyUnitName = assessments.find((a) => a.id === historyOf?.aid)?.units.find((u) => u.id === historyOf?.unit)?.name;
  const historyAssessment = linked && sheet.assessment?.id === linked.aid ? sheet.assessment : undefined;
  const openHistory =
    onOpenHistorySheet ??
    (async (history: UnitHistory, indicatorId: string | undefined): Promise<string> => {
      // No indicator chosen (the assessment is not at hand): the first the history has.
      const id = indicatorId ?? history.points.flatMap((p) => p.indicators.map((i) => i.indicator))[0] ?? '';
      const name = historyAssessment ? allIndicators(historyAssessment).find((i) => i.id === id)?.name : undefined;
      const written = await openHistorySheet(port, history, id, locale, {
        ...(historyAssessment ? { decimals: historyAssessment.policies.decimals } : {}),
        ...(name ? { indicatorName: name } : {}),
      });
      return written.sheet;
    });
  // Before a sign-in, the linked sheet's server (its link is read just after the tab opens; the key refills the form).
  const formUrl = session ? baseUrl : (sheet.baseUrl ?? baseUrl);
  return (
    <section className="sb-stack" aria-label={s.tabServer}>
      {!session || askAgain ? (
        <SignInForm
          key={formUrl}
          baseUrl={formUrl}
          username={session?.user.username ?? ''}
          again={askAgain}
          busy={signingIn.running}
          onSignIn={signIn}
          onCancel={askAgain ? cancelSignIn : undefined}
        />
      ) : (
        <div>{s.signedInAs(session.user.name, baseUrl)}</div>
      )}
      {signingIn.error ? <ErrorMessage message={signingIn.error} onDismiss={signingIn.clear} /> : null}
      {signingIn.running ? (
        <div role="status">
          <ProgressBar thickness="large" aria-label={s.signingIn} /> {s.signingIn}
        </div>
      ) : null}
      {client && session && linked ? (
        <DefinitionsNotice
          client={client}
          port={port}
          central={session.user.roles.includes('central')}
          boundSheet={boundSheet}
          onUpdated={onOpened}
        />
      ) : null}
      {client && session ? (
        <>
          <OpenFromServer
            client={client}
            session={session}
            baseUrl={baseUrl}
            port={port}
            now={now}
            onOpened={opened}
            preferred={preferred}
          />
          {session.user.roles.includes('central') && client.listRoundReports ? (
            <OpenAllUnits client={client} port={port} onOpened={opened} changedRows={changedRows} boundSheet={boundSheet} />
          ) : null}
          {(session.user.roles.includes('central') || session.user.roles.includes('approver')) && client.getOverview ? (
            <OverviewSheet
              client={{ getAssessment: (aid) => client.getAssessment(aid), getOverview: client.getOverview.bind(client) }}
              port={port}
            />
          ) : null}
          {session.user.roles.includes('reporter') || session.user.roles.includes('central') ? (
            <SubmitChanged
              client={client}
              port={port}
              standing={standing}
              standingOf={standingOf}
              decimals={scoring?.policies.decimals}
              changed={changedRows}
              onSheetWritten={sheetWritten}
              sheetErrors={sheetErrors}
            />
          ) : null}
          {session.user.roles.includes('approver') && target ? <ApproverPanel client={client} target={target} /> : null}
          <EvidencePanel client={client} session={session} port={port} target={target} />
          {historyOf && client.getUnitHistory ? (
            <HistoryPanel
              client={client}
              aid={historyOf.aid}
              unit={historyOf.unit}
              unitName={historyUnitName}
              assessment={historyAssessment}
              onOpenSheet={openHistory}
            />
          ) : null}
          {session.user.roles.includes('central') && client.putAssessment ? (
            <>
              <DefinitionsSheetPanel client={client} port={port} />
              <PublishPanel client={client} definitionsSource={definitionsSource ?? sheetSource} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

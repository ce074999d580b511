/**
 * The task pane. It receives the workbook port (Office.js in Excel, HyperFormula in the browser preview, a fake in
 * tests) and never touches Excel itself. Thai by default, following the display language the host passes in, with
 * English a click away. On open it restores the session from the workbook's binding record and checks the sheet.
 */
import {
  Badge,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  ToggleButton,
  webLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { PaneStore, PaneStoreProvider } from './paneStore';
import type { Message } from '../domain';
import type { WorkbookPort } from '../workbook/port';
import { BindPanel } from './components/BindPanel';
import { CreatePanel } from './components/CreatePanel';
import { IssuesPanel } from './components/IssuesPanel';
import { fixTypedNumbers } from './typedNumberFix';
import { UNREAD_CODES, type TypedNumber } from '../workbook/typedNumbers';
import type { Connect } from './components/ServerPanel';
import { ErrorMessage } from './components/StatusBar';
import { ReportButtons } from './components/ReportButtons';
import { SummaryPanel } from './components/SummaryPanel';
import { UnitSummaryPanel } from './components/UnitSummaryPanel';
import { WhatIfPanel } from './components/WhatIfPanel';
import { errorMessage } from './hooks/useAction';
import { useLiveSheet } from './hooks/useLiveSheet';
import { LocaleProvider, useLocale } from './i18n';
import type { LoadedAssessment } from './model/loadAssessment';
import { sessionFromBinding, type Session } from './model/session';
import { localeFromDisplayLanguage, type Locale } from './strings';
import { SERVER_STRINGS } from './serverStrings';
import { PANE_CSS } from './styles';

/**
 * The Server tab (sign-in, submit, dialogs, evidence, the API client) is loaded when first opened: a person who only
 * scores a sheet never downloads it, and the pane's initial JavaScript stays within its budget (webpack.config.js).
 */
const ServerPanel = lazy(() => import('./components/ServerPanel').then((m) => ({ default: m.ServerPanel })));

export interface AppProps {
  readonly port: WorkbookPort;
  /** Office's display language ("th-TH", "en-US"); Thai when absent. */
  readonly displayLanguage?: string;
  /** Lists the workbook's sheets for the bind tab, where the host can. */
  readonly listSheets?: () => Promise<readonly string[]>;
  /** How to reach the reporting API (tests pass a fake client). */
  readonly connect?: Connect;
}

export function App({ port, displayLanguage, listSheets, connect }: AppProps): JSX.Element {
  const [locale, setLocale] = useState<Locale>(() => localeFromDisplayLanguage(displayLanguage));
  // The state that outlives a tab (the Server tab's session, choices, outcomes): one per pane, per workbook port.
  const [store] = useState(() => new PaneStore());
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <style>{PANE_CSS}</style>
      <LocaleProvider locale={locale}>
        <PaneStoreProvider store={store}>
          <Pane port={port} listSheets={listSheets} connect={connect} locale={locale} onLocale={setLocale} />
        </PaneStoreProvider>
      </LocaleProvider>
    </FluentProvider>
  );
}

type TabId = 'create' | 'bind' | 'server' | 'issues' | 'summary' | 'whatif';

function Pane({
  port,
  listSheets,
  connect,
  locale,
  onLocale,
}: Omit<AppProps, 'displayLanguage'> & { locale: Locale; onLocale: (l: Locale) => void }): JSX.Element {
  const { t } = useLocale();
  const [tab, setTab] = useState<TabId>('create');
  const [chosen, setChosen] = useState<LoadedAssessment>();
  const [session, setSession] = useState<Session>();
  const [opening, setOpening] = useState(true);
  const [openError, setOpenError] = useState<Message>();
  const live = useLiveSheet(port, session);

  const open = useCallback(async () => {
    setOpening(true);
    setOpenError(undefined);
    try {
      const read = sessionFromBinding(await port.readBinding());
      if (!read.ok) {
        setOpenError(read.issues[0]?.message);
      } else if (read.session) {
        setSession(read.session);
        setChosen(read.session.loaded);
        setTab('summary');
      }
    } catch (e) {
      setOpenError(errorMessage(e));
    } finally {
      setOpening(false);
    }
  }, [port]);

  useEffect(() => {
    void open();
  }, [open]);

  const startSession = (s: Session | undefined): void => {
    if (!s) return;
    setSession(s);
    setTab('summary');
  };

  const evaluation = live.evaluation;
  const issues = evaluation ? [...evaluation.issues, ...(evaluation.ok ? (evaluation.whatIf?.issues ?? []) : [])] : [];
  // Errors, and the warnings that stop a row from scoring (a number typed as text counts as not reported).
  const errors = issues.filter((i) => i.severity === 'error' || UNREAD_CODES.has(i.code)).length;
  const fixNumbers = async (): Promise<readonly TypedNumber[]> => {
    if (!session) return [];
    const fixes = await fixTypedNumbers(port, session);
    await live.refresh();
    return fixes;
  };
  return (
    <main className="sb-pane">
      <header className="sb-header">
        <span className="sb-brand">{t.appTitle}</span>
        <div className="sb-row" role="group" aria-label={t.language}>
          <ToggleButton size="small" checked={locale === 'th'} onClick={() => onLocale('th')}>
            {t.languageThai}
          </ToggleButton>
          <ToggleButton size="small" checked={locale === 'en'} onClick={() => onLocale('en')}>
            {t.languageEnglish}
          </ToggleButton>
        </div>
      </header>
      <div className="sb-bound" data-testid="bound">
        {opening ? (
          <Spinner size="extra-tiny" label={t.opening} />
        ) : session ? (
          t.boundTo(session.binding.sheet, session.loaded.assessment.title)
        ) : (
          t.notBound
        )}
      </div>
      {openError ? <ErrorMessage message={openError} onRetry={() => void open()} onDismiss={() => setOpenError(undefined)} /> : null}
      {live.error ? <ErrorMessage message={live.error} onRetry={() => void live.refresh()} /> : null}
      {live.approvedEdited.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody data-testid="approved-edited">{t.approvedEdited(live.approvedEdited.join(', '))}</MessageBarBody>
        </MessageBar>
      ) : null}
      <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        <Tab value="create">{t.tabCreate}</Tab>
        <Tab value="bind">{t.tabBind}</Tab>
        <Tab value="server">{SERVER_STRINGS[locale].tabServer}</Tab>
        <Tab value="issues" disabled={!session}>
          {t.tabIssues}{' '}
          {errors > 0 ? (
            <Badge size="small" color="danger">
              {errors}
            </Badge>
          ) : null}
        </Tab>
        <Tab value="summary" disabled={!session}>
          {t.tabSummary}
        </Tab>
        <Tab value="whatif" disabled={!session || !!session.binding.multiUnit}>
          {t.tabWhatIf}
        </Tab>
      </TabList>
      {tab === 'create' ? (
        <CreatePanel port={port} chosen={chosen} onChoose={setChosen} onCreated={startSession} boundSheet={session?.binding.sheet} />
      ) : null}
      {tab === 'bind' ? (
        <BindPanel port={port} chosen={chosen} onChoose={setChosen} listSheets={listSheets} onBound={startSession} />
      ) : null}
      {tab === 'server' ? (
        <Suspense fallback={<Spinner size="small" label={t.loadingServerTab} />}>
          <ServerPanel
            port={port}
            connect={connect}
            onOpened={(s) => {
              setSession(s);
              setChosen(s.loaded);
            }}
            scoring={
              session && evaluation?.ok && !evaluation.multiUnit
                ? { policies: session.loaded.assessment.policies, total: evaluation.report.totalBeforePenalty }
                : undefined
            }
            changedRows={live.changed}
            onSheetWritten={() => void live.refresh()}
            boundSheet={session?.binding.sheet}
            sheetAssessment={session?.loaded.assessment.id}
            sheetErrors={errors}
          />
        </Suspense>
      ) : null}
      {tab === 'issues' && session ? <IssuesPanel port={port} issues={issues} checking={live.checking} onFixNumbers={fixNumbers} /> : null}
      {tab === 'summary' && session ? (
        evaluation?.ok && evaluation.multiUnit ? (
          <UnitSummaryPanel assessment={session.loaded.assessment} evaluation={evaluation} updatedAt={live.updatedAt} />
        ) : evaluation?.ok ? (
          <>
            <ReportButtons port={port} session={session} />
            <SummaryPanel
              assessment={session.loaded.assessment}
              report={evaluation.report}
              counts={evaluation.counts}
              updatedAt={live.updatedAt}
            />
          </>
        ) : evaluation ? (
          <IssuesPanel port={port} issues={evaluation.issues} checking={live.checking} />
        ) : (
          <Spinner size="small" label={t.issuesChecking} />
        )
      ) : null}
      {tab === 'whatif' && session && evaluation?.ok && !evaluation.multiUnit ? (
        <WhatIfPanel port={port} session={session} evaluation={evaluation} refresh={live.refresh} />
      ) : null}
    </main>
  );
}

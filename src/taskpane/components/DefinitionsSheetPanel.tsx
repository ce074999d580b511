/**
 * For central staff, on the Server tab above "Publish definitions": the definitions sheet (model/definitionsSheet.ts)
 * created from the pickers' assessment on the server or from a JSON file, through the guarded write (a person's
 * cells are asked about first), and checked live — read again after every edit, its issues at their cells in the
 * issues panel's style. `useDefinitionsSource` gives the publish panel the same sheet to read, disabled with the
 * reason while the sheet has errors or is not there.
 */
import { Button, Caption1, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, type ChangeEvent } from 'react';
import { allIndicators, type Message } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import { DEFINITIONS_STRINGS as DEFS, useDefinitionsStrings } from '../definitionsStrings';
import { PaneError } from '../hooks/useAction';
import { useReplaceGuard } from '../hooks/useReplaceGuard';
import { freeSheetName } from '../model/freeSheetName';
import { useServerCall } from '../hooks/useServerCall';
import { useLocale } from '../i18n';
import {
  DEFAULT_PAIRS,
  definitionsLoad,
  documentOf,
  readDefinitions,
  writeDefinitionsSheet,
  type DefinitionsCheck,
  type DefinitionsPair,
} from '../model/definitionsSheet';
import { loadAssessment, loadAssessmentText, type LoadResult } from '../model/loadAssessment';
import { usePaneState } from '../paneStore';
import { IssuesPanel } from './IssuesPanel';
import type { Choice } from './OpenFromServer';
import type { DefinitionsSource } from './PublishPanel';
import type { ServerClient } from './serverClient';
import { ErrorMessage } from './StatusBar';

/** Edits come in bursts (a paste, Tab through a row): one check after they settle. */
const DEBOUNCE_MS = 400;

interface SheetState {
  /** The pair the pane wrote this session (looked for first). */
  readonly pair?: DefinitionsPair;
  /** The last check; undefined before the first, or when no pair is in the workbook (`none`). */
  readonly check?: DefinitionsCheck;
  readonly none?: boolean;
  readonly written?: Message;
}

const pairsToRead = (pair: DefinitionsPair | undefined): readonly DefinitionsPair[] =>
  pair ? [pair, ...DEFAULT_PAIRS.filter((p) => p.sheet !== pair.sheet)] : DEFAULT_PAIRS;

/** The publish panel's "Read from the definitions sheet": one read of the sheet as it is at the click. */
export function useDefinitionsSource(port: WorkbookPort): DefinitionsSource {
  const [state] = usePaneState<SheetState>('server.definitionsSheet', {});
  const { pair, check, none } = state;
  return useMemo(
    () => ({
      label: { th: DEFS.th.sheetLabel, en: DEFS.en.sheetLabel },
      read: async (): Promise<LoadResult> => {
        const now = await readDefinitions(port, pairsToRead(pair));
        if (!now) return { ok: false, issues: [{ code: 'definitions-sheet-missing', severity: 'error', message: missing }] };
        return definitionsLoad(now);
      },
      ...(none
        ? { disabledReason: missing }
        : check && check.errors > 0
          ? { disabledReason: { th: DEFS.th.sheetHasErrors(check.errors), en: DEFS.en.sheetHasErrors(check.errors) } }
          : {}),
    }),
    [port, pair, check, none],
  );
}

const missing: Message = { th: DEFS.th.sheetMissing, en: DEFS.en.sheetMissing };

export function DefinitionsSheetPanel({ client, port }: { client: Pick<ServerClient, 'getAssessment'>; port: WorkbookPort }): JSX.Element {
  const { d } = useDefinitionsStrings();
  const { locale, m } = useLocale();
  const [choice] = usePaneState<Choice | undefined>('server.choice', undefined);
  const [state, setState] = usePaneState<SheetState>('server.definitionsSheet', {});
  const guard = useReplaceGuard();
  const fileInput = useRef<HTMLInputElement>(null);
  const pair = state.pair;

  const checking = useServerCall(async () => {
    const check = await readDefinitions(port, pairsToRead(pair));
    setState((s) => ({ ...s, check, none: check === undefined }));
    return check;
  });
  const recheck = checking.run;
  const watched = pair ?? state.check?.pair;

  // Read on open and after every edit of either sheet (the port never reports its own writes: a write re-checks).
  useEffect(() => {
    void recheck();
    if (!watched) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const unsubscribes: (() => Promise<void>)[] = [];
    const changed = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void recheck(), DEBOUNCE_MS);
    };
    for (const name of [watched.sheet, watched.settings]) {
      port
        .onChange(name, changed)
        .then((u) => {
          if (closed) void u();
          else unsubscribes.push(u);
        })
        .catch(() => undefined);
    }
    return () => {
      closed = true;
      clearTimeout(timer);
      for (const u of unsubscribes) void u();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-subscribed when the sheets watched change, not per render
  }, [port, watched?.sheet, watched?.settings]);

  const writing = useServerCall(async (_signal, load: () => Promise<LoadResult>) => {
    const doc = documentOf(await load());
    if (!doc.ok) {
      const first = doc.issues[0];
      throw new PaneError(
        first ? withPath(first.message, first.path ?? first.cell) : { th: DEFS.th.fileInvalid(0), en: DEFS.en.fileInvalid(0) },
      );
    }
    const result = await writeDefinitionsSheet({ port, document: doc.document, locale, ask: guard.ask, freeSheetName });
    if (result.kind === 'cancelled') {
      setState((s) => ({ ...s, written: { th: DEFS.th.sheetCancelled, en: DEFS.en.sheetCancelled } }));
      return;
    }
    const { sheet, settings } = result.pair;
    // Another pair watched: the effect below checks it once subscribed; the same pair is checked here.
    const same = watched?.sheet === sheet && watched.settings === settings;
    setState((s) => ({
      ...s,
      pair: result.pair,
      written: {
        th: DEFS.th.sheetWritten(sheet, settings, result.indicators),
        en: DEFS.en.sheetWritten(sheet, settings, result.indicators),
      },
    }));
    await port.select(sheet, 'A1');
    if (same) await recheck();
  });

  const fromServer = (aid: string): Promise<unknown> => writing.run(async () => loadAssessment(await client.getAssessment(aid), aid));
  const pickFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void writing.run(async () => {
      let text: string;
      try {
        text = await file.text();
      } catch {
        throw new PaneError({ th: DEFS.th.fileUnreadable(file.name), en: DEFS.en.fileUnreadable(file.name) });
      }
      return loadAssessmentText(text, file.name);
    });
  };

  const check = state.check;
  return (
    <section className="sb-stack" aria-label={d.sheetHeading} data-testid="definitions-sheet">
      <Subtitle2>{d.sheetHeading}</Subtitle2>
      <Caption1>{d.sheetIntro}</Caption1>
      <div className="sb-row">
        {choice?.aid ? (
          <Button size="small" disabled={writing.running} onClick={() => void fromServer(choice.aid)}>
            {d.sheetFromServer(choice.aid)}
          </Button>
        ) : null}
        <Button size="small" disabled={writing.running} onClick={() => fileInput.current?.click()}>
          {d.sheetFromFile}
        </Button>
      </div>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="definitions-file" onChange={pickFile} />
      {writing.running ? <div role="status">{d.sheetWriting}</div> : null}
      {writing.error ? <ErrorMessage message={writing.error} onDismiss={writing.clear} /> : null}
      {state.written && !writing.running ? (
        <div role="status" data-testid="definitions-written">
          {m(state.written)}
        </div>
      ) : null}
      {checking.error ? <ErrorMessage message={checking.error} onRetry={() => void recheck()} onDismiss={checking.clear} /> : null}
      {state.none ? <Caption1>{d.sheetNone}</Caption1> : null}
      {check ? (
        <div className="sb-stack" data-testid="definitions-check">
          <div role="status" data-testid="definitions-check-summary">
            {check.errors > 0
              ? d.sheetErrors(check.pair.sheet, check.errors)
              : d.sheetOk(
                  check.pair.sheet,
                  check.reading.document?.id ?? '',
                  check.reading.assessment ? allIndicators(check.reading.assessment).length : 0,
                )}
          </div>
          {check.reading.issues.length > 0 ? <IssuesPanel port={port} issues={check.reading.issues} checking={checking.running} /> : null}
        </div>
      ) : null}
      {guard.dialog}
    </section>
  );
}

function withPath(message: Message, path: string | undefined): Message {
  return path ? { th: `${path}: ${message.th}`, en: `${path}: ${message.en}` } : message;
}

/**
 * Central staff publish an assessment from the pane: choose the new version (a JSON file, or the definitions
 * sheet through `definitionsSource`), see what it changes against the server's (the domain's diff: a summary and
 * each change), confirm, PUT, and read the server's answer (created or updated, its version, warnings or errors
 * with their JSON paths). "Published" is said only after the server said so.
 */
import { Button, Caption1, Subtitle2 } from '@fluentui/react-components';
import { useRef, type ChangeEvent } from 'react';
import { describeChange, type Issue, type Message } from '../../domain';
import { useServerCall } from '../hooks/useServerCall';
import { DEFINITIONS_STRINGS as DEFS, useDefinitionsStrings } from '../definitionsStrings';
import { useLocale } from '../i18n';
import { loadAssessmentText, type LoadResult } from '../model/loadAssessment';
import { compareWithServer, issueWithPath, publish, type PublishComparison, type PublishOutcome } from '../model/publishDefinitions';
import { usePaneState } from '../paneStore';
import type { ServerClient } from './serverClient';
import { ErrorMessage } from './StatusBar';

/** Where the new definitions may come from besides a file: the definitions sheet's reader, wired by the pane. */
export interface DefinitionsSource {
  /** What the button names, e.g. "the definitions sheet" / "ชีตนิยามตัวชี้วัด". */
  readonly label: Message;
  read(): Promise<LoadResult>;
  /** Why it cannot be read now (the sheet has errors, or is not there): the button is disabled and this is said. */
  readonly disabledReason?: Message;
}

/** Changes listed under the summary before "and N more". */
const LISTED = 30;

interface PublishState {
  readonly comparison?: PublishComparison;
  /** The chosen document's errors: it cannot be published. */
  readonly invalid?: readonly Issue[];
  readonly confirming: boolean;
  readonly outcome?: PublishOutcome;
  /** Said above a new comparison made at the last step (the server moved meanwhile). */
  readonly note?: Message;
}

export function PublishPanel({
  client,
  definitionsSource,
}: {
  client: Pick<ServerClient, 'getAssessment' | 'putAssessment'>;
  definitionsSource?: DefinitionsSource;
}): JSX.Element {
  const { d } = useDefinitionsStrings();
  const { m } = useLocale();
  const [state, setState] = usePaneState<PublishState>('server.publish', { confirming: false });
  const fileInput = useRef<HTMLInputElement>(null);

  const choosing = useServerCall(async (_signal, load: () => Promise<LoadResult>) => {
    setState({ confirming: false });
    const read = await load();
    if (!read.ok) {
      setState({ confirming: false, invalid: read.issues });
      return;
    }
    setState({ confirming: false, comparison: await compareWithServer(client, read.value) });
  });
  const publishing = useServerCall(async () => {
    const compared = state.comparison;
    if (!compared) return;
    const outcome = await publish(client, compared);
    if (outcome.kind === 'moved') {
      setState({ confirming: false, comparison: outcome.comparison, note: { th: DEFS.th.movedMeanwhile, en: DEFS.en.movedMeanwhile } });
      return;
    }
    setState((s) => ({ ...s, confirming: false, outcome }));
  });

  const pickFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void choosing.run(async () => {
      let text: string;
      try {
        text = await fileText(file);
      } catch {
        return {
          ok: false,
          issues: [
            {
              code: 'file-unreadable',
              severity: 'error',
              message: { th: DEFS.th.fileUnreadable(file.name), en: DEFS.en.fileUnreadable(file.name) },
            },
          ],
        };
      }
      return loadAssessmentText(text, file.name);
    });
  };

  const { comparison, invalid, outcome, note } = state;
  const next = comparison?.next;
  const diff = comparison?.diff;
  const nothing = diff !== undefined && diff.changes.length === 0;
  const published = outcome?.kind === 'published';
  const busy = choosing.running || publishing.running;
  const summary = diff ? m(diff.summary) : '';
  const error = choosing.error ?? publishing.error;

  return (
    <section className="sb-stack" aria-label={d.publishHeading} data-testid="publish-panel">
      <Subtitle2>{d.publishHeading}</Subtitle2>
      <Caption1>{d.publishIntro}</Caption1>
      <div className="sb-row">
        <Button size="small" disabled={busy} onClick={() => fileInput.current?.click()}>
          {d.chooseFile}
        </Button>
        {definitionsSource ? (
          <Button
            size="small"
            disabled={busy || definitionsSource.disabledReason !== undefined}
            onClick={() => void choosing.run(() => definitionsSource.read())}
          >
            {d.fromSource(m(definitionsSource.label))}
          </Button>
        ) : null}
      </div>
      {definitionsSource?.disabledReason ? (
        <Caption1 data-testid="publish-source-disabled">{m(definitionsSource.disabledReason)}</Caption1>
      ) : null}
      <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="publish-file" onChange={pickFile} />
      {choosing.running ? <div role="status">{d.reading}</div> : null}
      {invalid && invalid.length > 0 ? (
        <div className="sb-stack">
          <ErrorMessage message={{ th: DEFS.th.fileInvalid(errorsIn(invalid)), en: DEFS.en.fileInvalid(errorsIn(invalid)) }} />
          <IssueList issues={invalid} />
        </div>
      ) : null}
      {note ? <div role="status">{m(note)}</div> : null}
      {next ? (
        <div className="sb-stack" data-testid="publish-diff">
          <Caption1>{d.chosen(next.assessment.title, next.assessment.id, next.source)}</Caption1>
          {!comparison?.base ? (
            <strong>{d.newOnServer(next.assessment.id)}</strong>
          ) : nothing ? (
            <strong>{d.noChanges}</strong>
          ) : (
            <>
              <div>
                {d.againstServer(next.assessment.id)} <strong data-testid="publish-summary">{summary}</strong>
              </div>
              <ul className="sb-issue-list" data-testid="publish-changes">
                {diff!.changes.slice(0, LISTED).map((c, i) => (
                  <li key={i}>{m(describeChange(c))}</li>
                ))}
                {diff!.changes.length > LISTED ? <li>{d.more(diff!.changes.length - LISTED)}</li> : null}
              </ul>
            </>
          )}
          {next.warnings.length > 0 ? (
            <details>
              <summary>{d.warnings(next.warnings.length)}</summary>
              <IssueList issues={next.warnings} />
            </details>
          ) : null}
          {!published && !state.confirming ? (
            <Button
              appearance="primary"
              disabled={busy || nothing}
              onClick={() => setState((s) => ({ ...s, confirming: true, outcome: undefined }))}
            >
              {d.publish}
            </Button>
          ) : null}
          {state.confirming ? (
            <div className="sb-stack" role="group" aria-label={d.confirmHeading}>
              <strong>{d.confirmHeading}</strong>
              <div>
                {d.confirmText(
                  next.assessment.id,
                  comparison?.base ? summary : d.newOnServer(next.assessment.id),
                  next.assessment.units.length,
                )}
              </div>
              <div className="sb-row">
                <Button appearance="primary" disabled={busy} onClick={() => void publishing.run()}>
                  {d.confirm}
                </Button>
                <Button disabled={busy} onClick={() => setState((s) => ({ ...s, confirming: false }))}>
                  {d.back}
                </Button>
              </div>
            </div>
          ) : null}
          {publishing.running ? <div role="status">{d.publishing}</div> : null}
        </div>
      ) : null}
      {outcome?.kind === 'published' ? (
        <div className="sb-stack" role="status" data-testid="publish-done">
          <strong>{d.published(next?.assessment.id ?? '', outcome.created, outcome.version)}</strong>
          {outcome.issues.length > 0 ? (
            <>
              <div>{d.serverWarnings(outcome.issues.length)}</div>
              <IssueList issues={outcome.issues} />
            </>
          ) : null}
        </div>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <div className="sb-stack" data-testid="publish-refused">
          <ErrorMessage message={{ th: DEFS.th.refused(errorsIn(outcome.issues)), en: DEFS.en.refused(errorsIn(outcome.issues)) }} />
          <IssueList issues={outcome.issues} />
        </div>
      ) : null}
      {error ? (
        <ErrorMessage
          message={error}
          onDismiss={() => {
            choosing.clear();
            publishing.clear();
          }}
        />
      ) : null}
    </section>
  );
}

/** A file's text: `Blob.text()` where the webview has it (older Office webviews do not), else a FileReader. */
function fileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

const errorsIn = (issues: readonly Pick<Issue, 'severity'>[]): number =>
  issues.filter((i) => i.severity === 'error').length || issues.length;

function IssueList({ issues }: { issues: readonly Pick<Issue, 'message' | 'path'>[] }): JSX.Element {
  const { m } = useLocale();
  return (
    <ul className="sb-issue-list">
      {issues.map((i, n) => (
        <li key={n}>{m(issueWithPath(i))}</li>
      ))}
    </ul>
  );
}

/**
 * On a linked sheet, once signed in: the definitions the sheet was made from (the assessment document its binding
 * record keeps) against the server's now, through the domain's diff. When they differ, the notice says how ("The
 * indicator definitions changed: 3 indicators changed targets, 1 added") and offers "Update layout", which lays the
 * sheet out again for the new definitions keeping everything typed (model/definitionsUpdate.ts). Asked once per
 * assessment the record holds (a record rewritten by a submit keeps the same decoded assessment: no new request).
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect } from 'react';
import { describeChange, type Message } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import { useDefinitionsStrings } from '../definitionsStrings';
import { useServerCall } from '../hooks/useServerCall';
import { useLocale } from '../i18n';
import { useLinkedSheet } from '../linkedSheetStore';
import { definitionsChange, updateLayout, type DefinitionsChange } from '../model/definitionsUpdate';
import type { Session } from '../model/session';
import { usePaneState } from '../paneStore';
import type { ServerClient } from './serverClient';
import { ErrorMessage } from './StatusBar';

/** Changes listed under the notice before the rest are left to the summary. */
const LISTED = 12;

export function DefinitionsNotice({
  client,
  port,
  central,
  boundSheet,
  onUpdated,
}: {
  client: Pick<ServerClient, 'getAssessment'>;
  port: WorkbookPort;
  central: boolean;
  boundSheet?: string;
  /** The sheet now follows the new definitions: the pane's session (summary, issues) takes them. */
  onUpdated: (session: Session) => void;
}): JSX.Element | null {
  const { d } = useDefinitionsStrings();
  const { m } = useLocale();
  const sheet = useLinkedSheet();
  const aid = sheet.target?.aid;
  const made = sheet.assessment;
  /** The outcome of the last update, in both languages (it follows the pane's language). */
  const [done, setDone] = usePaneState<Message | undefined>('server.definitionsUpdated', undefined);
  const checking = useServerCall(async (): Promise<{ of: unknown; change?: DefinitionsChange }> => {
    if (!aid || !made || made.id !== aid) return { of: made };
    return { of: made, change: definitionsChange(made, await client.getAssessment(aid)) };
  });
  const runCheck = checking.run;
  useEffect(() => {
    if (aid && made) void runCheck();
  }, [client, aid, made, runCheck]);
  const updating = useServerCall(async (_signal, change: DefinitionsChange) => {
    const updated = await updateLayout(port, change.next, { boundSheet, central });
    setDone(updated.message);
    // The record now holds the new definitions: read again, the notice goes (and is asked anew, finding none).
    await sheet.reload();
    onUpdated({ loaded: change.next, binding: updated.binding });
  });

  // An answer about an assessment the record no longer holds is not shown.
  const change = checking.result?.of === made ? checking.result?.change : undefined;
  if (!aid) return null;
  if (checking.error)
    return (
      <ErrorMessage
        message={{ th: `${d.checkFailed}: ${checking.error.th}`, en: `${d.checkFailed}: ${checking.error.en}` }}
        onDismiss={checking.clear}
      />
    );
  // Only windows or units moved: the sheet needs nothing (the pane reads windows from the server's list).
  if (!change || !change.layout) return done ? <div role="status">{m(done)}</div> : null;
  const summary = m(change.diff.summary);
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="definitions-notice">
      <MessageBarBody>
        <MessageBarTitle>{d.changedHeading}</MessageBarTitle>
        <div className="sb-stack">
          <div>{d.changedText(summary)}</div>
          <details>
            <summary>{summary}</summary>
            <ul className="sb-issue-list">
              {change.diff.changes.slice(0, LISTED).map((c, i) => (
                <li key={i}>{m(describeChange(c))}</li>
              ))}
              {change.diff.changes.length > LISTED ? <li>{d.more(change.diff.changes.length - LISTED)}</li> : null}
            </ul>
          </details>
          <div>
            <Button appearance="primary" size="small" disabled={updating.running} onClick={() => void updating.run(change)}>
              {d.updateLayout}
            </Button>
          </div>
          {updating.running ? <div role="status">{d.updating}</div> : null}
          {updating.error ? <ErrorMessage message={updating.error} onDismiss={updating.clear} /> : null}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Submit and statuses back: the rows changed since the server last confirmed them are checked (errors block), sent
 * in batches with progress, and each row's outcome written into the sheet's status column; conflicts are resolved
 * by keeping mine or taking theirs; pending batches left in the file are resent under their keys; refresh brings
 * approved and returned rows (with the approver's comment) back.
 */
import { Button, ProgressBar, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { BatchRow } from '../../api';
import type { BatchTarget } from '../../api/pending';
import type { RowOutcome, SubmitReport } from '../../api/submit';
import type { Message } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import { errorMessage, PaneError } from '../hooks/useAction';
import { useAutoResend } from '../hooks/useAutoResend';
import { readLink, readSheet } from '../linkedSheet';
import { blockingIssues, changedRows, rowTextsOf, linkAfterRefresh, linkAfterSubmit, linkTakingTheirs } from '../model/serverSheet';
import { outcomeTexts, statusColumnPlan } from '../model/statusColumn';
import { theirsPlan } from '../model/takeTheirs';
import { SERVER_STRINGS, useServerStrings } from '../serverStrings';
import { AutoResendStatus } from './AutoResendStatus';
import type { ServerClient } from './serverClient';

/** `onError(undefined)` takes back the last error: a new exchange with the server starts, and may well succeed. */
export function SubmitChanged({ client, port, onError, changed, onSheetWritten }: {
  client: ServerClient; port: WorkbookPort; onError: (m: Message | undefined) => void;
  /** Rows changed since the server last confirmed them, as the live sheet counts them (changeMarks.ts). */
  changed?: number;
  /** The sheet and its link were written: the live sheet reads them again (the port reports no own writes). */
  onSheetWritten?: () => void;
}): JSX.Element {
  const { s, locale } = useServerStrings();
  const [progress, setProgress] = useState<number>();
  const [report, setReport] = useState<{ outcomes: readonly RowOutcome[]; sent: readonly BatchRow[]; message: string }>();
  const [pendingRows, setPendingRows] = useState(0);
  /** Rows the approver returned, with the comment: they stand out until refreshed again. */
  const [returned, setReturned] = useState<string[]>([]);

  // Batches a closed pane (or a lost connection) left in the file: offered for resending under their keys.
  const countPending = async (): Promise<void> => {
    try {
      const { link } = await readLink(port);
      setPendingRows(link.pending.reduce((n, b) => n + b.body.rows.length, 0));
    } catch {
      setPendingRows(0);
    }
  };
  useEffect(() => {
    void countPending();
  }, [port]); // once per workbook: later counts come with each answer

  /** After answers came: accepted rows become "last confirmed"; read again first, the pending store wrote too. */
  const remember = async (sent: readonly BatchRow[], result: SubmitReport): Promise<void> => {
    const latest = await readLink(port);
    await port.writeBinding({ ...latest.record, server: linkAfterSubmit(latest.link, sent, result.outcomes, 'submit') });
    setPendingRows(latest.link.pending.reduce((n, b) => n + b.body.rows.length, 0));
    const accepted = result.outcomes.filter((o) => o.outcome === 'accepted').length;
    const pending = result.outcomes.filter((o) => o.outcome === 'pending').length;
    setReport({ outcomes: result.outcomes, sent, message: [s.submitDone(accepted, result.outcomes.length), pending ? s.pendingNote(pending) : ''].filter(Boolean).join(' · ') });
    if (result.error) onError(result.error.userMessage);
  };

  const resend = async (): Promise<void> => {
    onError(undefined);
    setReport(undefined);
    setProgress(0);
    try {
      const { link } = await readLink(port);
      const sent = link.pending.flatMap((b) => b.body.rows);
      const result = await client.resendPending({ onProgress: (p) => setProgress(p.rowsDone / p.rowsTotal) });
      await remember(sent, result);
      await writeStatuses(outcomeTexts(result.outcomes, locale));
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setProgress(undefined);
    }
  };

  // While batches wait, the server is asked with backoff and they go on their own when it answers (same path).
  const auto = useAutoResend({ pending: pendingRows > 0, busy: progress !== undefined, check: client.checkHealth && (() => client.checkHealth!()), resend });

  /** Each row's outcome into the sheet's status column (read again: the answers may have taken a while). */
  const writeStatuses = async (texts: ReadonlyMap<string, string>): Promise<void> => {
    const sheet = await readSheet(port);
    const plan = statusColumnPlan(sheet.grid, sheet.reading, texts);
    if (plan) await port.apply(plan);
    onSheetWritten?.();
  };

  const submit = async (): Promise<void> => {
    onError(undefined);
    setReport(undefined);
    setProgress(0);
    try {
      const { link, assessment, reading, grid } = await readSheet(port);
      const target = link.target;
      if (!target) throw new PaneError({ th: SERVER_STRINGS.th.notLinked, en: SERVER_STRINGS.en.notLinked });
      const rows = changedRows(assessment, reading.resultSet, link, rowTextsOf(grid, reading));
      if (rows.length === 0) {
        setReport({ outcomes: [], sent: [], message: s.nothingChanged });
        return;
      }
      const errors = blockingIssues(assessment, rows);
      if (errors.length > 0) {
        const first = (l: 'th' | 'en') => `${errors[0]!.indicatorId ?? ''}: ${errors[0]!.message[l]}`;
        throw new PaneError({ th: SERVER_STRINGS.th.blocked(errors.length, first('th')), en: SERVER_STRINGS.en.blocked(errors.length, first('en')) });
      }
      await send(target, rows);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setProgress(undefined);
    }
  };

  const send = async (target: BatchTarget, rows: BatchRow[]): Promise<void> => {
    const result = await client.submitRows(target, rows, { action: 'submit', onProgress: (p) => setProgress(p.rowsDone / p.rowsTotal) });
    await remember(rows, result);
    await writeStatuses(outcomeTexts(result.outcomes, locale));
  };

  /** Statuses back: approved and returned rows (with the approver's comment) into the link and the status column. */
  const refresh = async (): Promise<void> => {
    onError(undefined);
    setReport(undefined);
    setProgress(undefined);
    try {
      const { link } = await readLink(port);
      if (!link.target) throw new PaneError({ th: SERVER_STRINGS.th.notLinked, en: SERVER_STRINGS.en.notLinked });
      const reports = await client.listReports(link.target);
      const latest = await readLink(port);
      await port.writeBinding({ ...latest.record, server: linkAfterRefresh(latest.link, reports) });
      await writeStatuses(new Map(reports.map((r) => [r.indicatorId, s.statusOf(r.status, r.comment)])));
      const count = (status: string) => reports.filter((r) => r.status === status).length;
      setReport({ outcomes: [], sent: [], message: s.refreshed(count('returned'), count('approved')) });
      setReturned(reports.filter((r) => r.status === 'returned').map((r) => `${r.indicatorId}: ${s.statusOf(r.status, r.comment)}`));
    } catch (e) {
      onError(errorMessage(e));
    }
  };

  /** Keep mine: my value again, now based on the version the server holds. */
  const keepMine = async (o: RowOutcome): Promise<void> => {
    const mine = report?.sent.find((r) => r.indicatorId === o.indicatorId);
    if (o.outcome !== 'conflict' || !o.result.current || !mine) return;
    onError(undefined);
    setProgress(0);
    try {
      const { link } = await readLink(port);
      if (!link.target) throw new PaneError({ th: SERVER_STRINGS.th.notLinked, en: SERVER_STRINGS.en.notLinked });
      await send(link.target, [{ ...mine, baseVersion: o.result.current.version }]);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setProgress(undefined);
    }
  };

  /** Take theirs: the server's value into the sheet, and their version as the last confirmed. */
  const takeTheirs = async (o: RowOutcome): Promise<void> => {
    if (o.outcome !== 'conflict' || !o.result.current) return;
    const current = o.result.current;
    try {
      const sheet = await readSheet(port);
      const plan = theirsPlan(sheet.assessment, sheet.reading, sheet.grid.sheet, o.indicatorId, current.value);
      if (plan) await port.apply(plan);
      const latest = await readLink(port);
      await port.writeBinding({ ...latest.record, server: linkTakingTheirs(latest.link, o.indicatorId, current) });
      await writeStatuses(new Map([[o.indicatorId, s.tookTheirs(current.version)]]));
      setReport((r) => r && { ...r, outcomes: r.outcomes.filter((x) => x.indicatorId !== o.indicatorId) });
    } catch (e) {
      onError(errorMessage(e));
    }
  };

  return (
    <div className="sb-stack">
      <Subtitle2>{s.submitHeading}</Subtitle2>
      {changed ? <div data-testid="changed-count">{s.changedCount(changed)}</div> : null}
      <div className="sb-row">
        <Button appearance="primary" disabled={progress !== undefined} onClick={() => void submit()}>{s.submitChanged}</Button>
        <Button disabled={progress !== undefined} onClick={() => void refresh()}>{s.refresh}</Button>
        {pendingRows > 0 ? <Button disabled={progress !== undefined} onClick={() => void resend()}>{s.resend} ({pendingRows})</Button> : null}
      </div>
      {progress === undefined ? <AutoResendStatus state={auto} /> : null}
      {progress !== undefined ? <div role="status"><ProgressBar value={progress} thickness="large" aria-label={s.submitting} /> {s.submitting}</div> : null}
      {returned.length > 0 ? (
        <ul aria-label={s.statusOf('returned', undefined)} className="sb-list sb-returned">
          {returned.map((r) => <li key={r}><strong>{r}</strong></li>)}
        </ul>
      ) : null}
      {report ? (
        <>
          <div role="status" data-testid="submit-summary">{report.message}</div>
          <ul aria-label={s.submitHeading} className="sb-list">
            {report.outcomes.map((o) => (
              <li key={o.indicatorId} data-outcome={o.outcome}>
                {o.indicatorId}: {s.outcome[o.outcome]}{detail(o, locale)}
                {o.outcome === 'conflict' ? (
                  <span className="sb-row">
                    <Button size="small" disabled={progress !== undefined} onClick={() => void keepMine(o)}>{s.keepMine}</Button>
                    <Button size="small" disabled={progress !== undefined} onClick={() => void takeTheirs(o)}>{s.takeTheirs}</Button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function detail(o: RowOutcome, locale: 'th' | 'en'): string {
  const s = SERVER_STRINGS[locale];
  if (o.outcome === 'pending' || o.outcome === 'refused') return ` — ${locale === 'th' ? o.error.userMessage.th : o.error.userMessage.en}`;
  const c = o.result.current;
  if (o.outcome === 'conflict' && c) return ` — ${s.conflictDetail(c.updatedBy, when(c.updatedAt, locale), JSON.stringify(c.value))}`;
  if (o.outcome === 'locked' && c) return ` — ${s.lockedDetail(c.updatedBy, when(c.updatedAt, locale))}`;
  if (o.outcome === 'invalid') return ` — ${(o.result.issues ?? []).map((i) => (locale === 'th' ? i.message.th : i.message.en)).join('; ')}`;
  return '';
}

/** Bangkok date (Buddhist Era) and time of an instant. */
function when(instant: string, locale: 'th' | 'en'): string {
  const bangkok = new Date(Date.parse(instant) + 7 * 3_600_000).toISOString();
  const [y, mo, d] = bangkok.slice(0, 10).split('-').map(Number) as [number, number, number];
  const time = bangkok.slice(11, 16);
  return locale === 'th' ? `${d}/${mo}/${y + 543} ${time} น.` : `${d}/${mo}/${y + 543} BE ${time}`;
}

/**
 * Submit and statuses back: the changed rows, the selected rows or all are checked (errors block, warnings ask),
 * sent in batches with progress, and each row's outcome written into the sheet's status column; conflicts come
 * one dialog per row, to keep mine or take theirs or decide later; pending batches left in the file are resent
 * under their keys; refresh brings approved and returned rows (with the approver's comment) back, returned rows
 * marked in the sheet until accepted again. The round's standing (open, closed, late) shows before any of it.
 */
import { Button, Caption1, MessageBar, MessageBarBody, ProgressBar, Subtitle2 } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { BatchRow } from '../../api';
import type { BatchTarget } from '../../api/pending';
import type { RowOutcome, SubmitReport } from '../../api/submit';
import type { Issue, Message } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import { formatScore } from '../format';
import { errorMessage } from '../hooks/useAction';
import { useAutoResend } from '../hooks/useAutoResend';
import { useServerCall } from '../hooks/useServerCall';
import { usePaneState } from '../paneStore';
import { targetOf, useLinkedSheet } from '../linkedSheetStore';
import { bangkokWhen, conflictViews, type ConflictView } from '../model/conflicts';
import { submitRefused, type RoundStanding } from '../model/lateEstimate';
import { linkAfterRefresh, linkTakingTheirs, theirTexts } from '../model/serverSheet';
import type { SubmitScope } from '../model/submitRows';
import { theirsPlan } from '../model/takeTheirs';
import { planSubmit, sendAndRecord, sendRows, writeStatuses as writeSheetStatuses, type LinkChange, type UnreadRow } from '../submitFlow';
import { typedNumbersPlan, type TypedNumber } from '../../workbook/typedNumbers';
import { SERVER_STRINGS, useServerStrings, type ServerStrings } from '../serverStrings';
import { ErrorMessage } from './StatusBar';
import { AutoResendStatus } from './AutoResendStatus';
import { ConflictDialog } from './ConflictDialog';
import { LateNotice } from './LateNotice';
import { RefusedBatches } from './RefusedBatches';
import type { ServerClient } from './serverClient';
import { SubmitChoice } from './SubmitChoice';
import { WarningsDialog } from './WarningsDialog';

export interface SubmitChangedProps {
  readonly client: ServerClient;
  readonly port: WorkbookPort;
  /** The linked sheet's round's state (else the chosen one's; lateEstimate.ts); closed or not yet open turns submitting off. */
  readonly standing?: RoundStanding;
  /** Which round the standing is about, when that needs saying (the pickers show another). */
  readonly standingOf?: string;
  /** The assessment's decimals, for the penalty estimate. */
  readonly decimals?: number;
  /** Rows changed since the server last confirmed them, as the live sheet counts them (changeMarks.ts). */
  readonly changed?: number;
  /** The sheet and its link were written: the live sheet reads them again (the port reports no own writes). */
  readonly onSheetWritten?: () => void;
  /**
   * The errors the live check finds in the sheet, as a key: when it changes the person has fixed (or made) one,
   * and an error a submit found in the sheet goes with its cause.
   */
  readonly sheetErrors?: number;
}

/** A message said in both languages, so it follows the pane's when the person switches. */
const both = (say: (s: ServerStrings) => string): Message => ({ th: say(SERVER_STRINGS.th), en: say(SERVER_STRINGS.en) });

/** The most rows the outcome list draws; the status column in the sheet has every row's outcome. */
const OUTCOME_LIST_LIMIT = 100;

export function SubmitChanged({
  client,
  port,
  standing,
  standingOf,
  decimals = 2,
  changed,
  onSheetWritten,
  sheetErrors,
}: SubmitChangedProps): JSX.Element {
  const { s, locale } = useServerStrings();
  const sheet = useLinkedSheet();
  /** False once it is known that no sheet is linked to a round: submitting is off, and the panel says how to link one. */
  const linked = sheet.known ? sheet.target !== undefined : undefined;
  const [progress, setProgress] = useState<number>();
  /** `late`: the server took the submit after the window closed (said plainly, with the penalty estimate). */
  const [report, setReport] = usePaneState<
    { outcomes: readonly RowOutcome[]; sent: readonly BatchRow[]; message: Message; late?: boolean } | undefined
  >('submit.report', undefined);
  /** Rows waiting in pending batches, and batches the server refused as a whole (kept until the person removes them). */
  const { pendingRows, refused: refusedBatches } = sheet;
  /** Indicator names, for the conflict dialog (from the last sheet read). */
  const [names, setNames] = usePaneState<ReadonlyMap<string, string>>('submit.names', () => new Map());
  /** Conflicts waiting in the dialog, first shown first, and how many the answer had ("1 จาก 3"). */
  const [queue, setQueue] = usePaneState<{ ids: readonly string[]; count: number }>('submit.queue', { ids: [], count: 0 });
  /** Rows held back while the person reads their warnings. */
  const [confirm, setConfirm] = useState<{ target: BatchTarget; rows: BatchRow[]; warnings: Issue[]; sheet: string }>();
  /** The submit stopped on rows whose typed value the sheet cannot count (nothing sent yet). */
  const [unreadable, setUnreadable] = useState<{
    scope: SubmitScope;
    rows: number;
    unread: readonly UnreadRow[];
    fixes: readonly TypedNumber[];
    sheet: string;
  }>();
  /** Indicators left out of the last submit because their value cannot be read: said with its outcome. */
  const notSent = useRef<readonly string[]>([]);
  /** Rows the approver returned, with the comment: they stand out until refreshed again, or until accepted again. */
  const [returned, setReturned] = usePaneState<readonly { id: string; status: Message }[]>('submit.returned', []);

  /**
   * Every exchange of this panel, one idiom: running, its failure (said here until the next exchange, or until the
   * sheet's errors change: a submit blocked by them is then about a sheet that is no more).
   */
  const call = useServerCall(
    async (_signal, work: () => Promise<void>) => {
      try {
        await work();
      } finally {
        setProgress(undefined);
        // A batch may have been refused (kept, marked) or answered meanwhile: the linked sheet's owner reads the record.
        void sheet.reload();
      }
    },
    [sheetErrors],
  );
  const busy = call.running || progress !== undefined;

  /** The person has read it (and fixed the sheet): the refused batch leaves the file. */
  const forgetRefused = (key: string): Promise<unknown> =>
    call.run(async () => {
      const latest = await sheet.fresh();
      await sheet.write(latest.record, { ...latest.link, pending: latest.link.pending.filter((b) => b.key !== key) });
    });

  /**
   * The answers are remembered (flow's rememberAnswers): the pending count and the outcome list follow them.
   * `merge`: a conflict's resend — its answer replaces that row's in the list, the other rows stay.
   */
  const showAnswers = (sent: readonly BatchRow[], result: SubmitReport, merge = false): void => {
    setReport((previous) => {
      const outcomes = merge && previous ? mergeById(previous.outcomes, result.outcomes) : result.outcomes;
      const rows = merge && previous ? mergeById(previous.sent, sent) : sent;
      const accepted = outcomes.filter((o) => o.outcome === 'accepted').length;
      const pending = outcomes.filter((o) => o.outcome === 'pending').length;
      const late = result.late || (merge && previous?.late) || false;
      // Counted in indicators, the ones not sent among them: "รับแล้ว 11 จาก 12 ตัวชี้วัด · 1 ไม่ได้ส่ง: …".
      const left = notSent.current.filter((id) => !outcomes.some((o) => o.indicatorId === id));
      const say = (x: ServerStrings): string =>
        [x.submitDone(accepted, outcomes.length + left.length), pending ? x.pendingNote(pending) : '', left.length ? x.notSent(left) : '']
          .filter(Boolean)
          .join(' · ');
      return { outcomes, sent: rows, late, message: both(say) };
    });
    // A returned row accepted again is no longer waiting for the person.
    const accepted = new Set(result.outcomes.filter((o) => o.outcome === 'accepted').map((o) => o.indicatorId));
    setReturned((list) => (list.some((r) => accepted.has(r.id)) ? list.filter((r) => !accepted.has(r.id)) : list));
    if (result.error) call.fail(result.error.userMessage);
  };

  /** One exchange with the server: the progress bar from 0 while it runs, a failure said below the buttons. */
  const withProgress = async (work: () => Promise<void>): Promise<void> => {
    setProgress(0);
    await call.run(work);
  };

  const resend = async (): Promise<void> => {
    setReport(undefined);
    notSent.current = [];
    await withProgress(async () => {
      const { link } = await sheet.fresh();
      const sent = link.pending.filter((b) => !b.refused).flatMap((b) => b.body.rows);
      const result = await sendAndRecord(
        client,
        port,
        sent,
        () => client.resendPending({ onProgress: (p) => setProgress(p.rowsDone / p.rowsTotal) }),
        locale,
        {
          onRemembered: (answer) => showAnswers(sent, answer),
        },
      );
      onSheetWritten?.();
      const conflicts = result.outcomes.filter((o) => o.outcome === 'conflict' && o.result.current).map((o) => o.indicatorId);
      setQueue({ ids: conflicts, count: conflicts.length });
    });
  };

  // While batches wait, the server is asked with backoff and they go on their own when it answers (same path).
  const auto = useAutoResend({ pending: pendingRows > 0, busy, check: client.checkHealth && (() => client.checkHealth!()), resend });

  /** The flow's writeStatuses, and the live sheet told: the port reports no own writes. */
  const writeStatuses = async (texts: ReadonlyMap<string, string>, change: LinkChange, sheet: string): Promise<void> => {
    await writeSheetStatuses(port, texts, change, sheet);
    onSheetWritten?.();
  };

  /**
   * Changed rows, the selected rows, or all: checked first — unreadable values stop it, errors block, warnings ask
   * (WarningsDialog). `skip`: indicators the person chose to leave out ("send the others").
   */
  const submit = async (scope: SubmitScope, skip: ReadonlySet<string> = new Set()): Promise<void> => {
    setReport(undefined);
    setUnreadable(undefined);
    notSent.current = [...skip];
    await withProgress(async () => {
      const plan = await planSubmit(port, scope, sheet.record, skip);
      setNames(plan.names);
      if (plan.kind === 'nothing-selected') {
        setReport({ outcomes: [], sent: [], message: both((x) => x.nothingSelected(plan.sheet)) });
        return;
      }
      if (plan.kind === 'nothing') {
        setReport({
          outcomes: [],
          sent: [],
          message: both((x) => (skip.size > 0 ? x.notSent([...skip]) : scope === 'changed' ? x.nothingChanged : x.nothingToSend)),
        });
        return;
      }
      if (plan.kind === 'unreadable') {
        setUnreadable({ scope, rows: plan.rows.length, unread: plan.unread, fixes: plan.fixes, sheet: plan.sheet });
        return;
      }
      if (plan.kind === 'warnings') {
        setConfirm({ target: plan.target, rows: plan.rows, warnings: plan.warnings, sheet: plan.sheet });
        return;
      }
      await send(plan.target, plan.rows);
    });
  };

  /** One click: each unreadable cell becomes the number the domain reads it as, then the submit goes on. */
  const fixAndSend = async (): Promise<void> => {
    if (!unreadable) return;
    const { fixes, sheet, scope } = unreadable;
    setUnreadable(undefined);
    await withProgress(async () => {
      await port.apply(typedNumbersPlan(sheet, fixes));
      onSheetWritten?.();
    });
    await submit(scope);
  };

  /** Back to the sheet, at the first unreadable cell. */
  const unreadBack = async (): Promise<void> => {
    const first = unreadable?.unread[0]?.cells[0];
    const sheet = unreadable?.sheet;
    setUnreadable(undefined);
    if (!first || !sheet) return;
    try {
      await port.select(sheet, first.address);
    } catch (e) {
      call.fail(errorMessage(e));
    }
  };

  const sendAnyway = async (): Promise<void> => {
    if (!confirm) return;
    setConfirm(undefined);
    await withProgress(async () => {
      await send(confirm.target, confirm.rows);
    });
  };

  /** Go back: nothing sent; the first warning's cell is selected, where the fixing starts. */
  const goBack = async (): Promise<void> => {
    const cell = confirm?.warnings.find((w) => w.cell)?.cell;
    const sheet = confirm?.sheet;
    setConfirm(undefined);
    if (!cell || !sheet) return;
    try {
      await port.select(sheet, cell.slice(cell.lastIndexOf('!') + 1));
    } catch (e) {
      call.fail(errorMessage(e));
    }
  };

  /** Sends, remembers, writes the statuses; conflicts in the answer open the dialog (`merge`: a conflict's resend). */
  const send = async (target: BatchTarget, rows: BatchRow[], merge = false): Promise<readonly RowOutcome[]> => {
    const result = await sendRows(client, port, target, rows, locale, {
      onProgress: (p) => setProgress(p.rowsDone / p.rowsTotal),
      onRemembered: (answer) => showAnswers(rows, answer, merge),
    });
    onSheetWritten?.();
    if (!merge) {
      const ids = result.outcomes.filter((o) => o.outcome === 'conflict' && o.result.current).map((o) => o.indicatorId);
      setQueue({ ids, count: ids.length });
    }
    return result.outcomes;
  };

  /** Statuses back: approved and returned rows (with the approver's comment) into the link and the status column. */
  const refresh = async (): Promise<void> => {
    setReport(undefined);
    setProgress(undefined);
    await call.run(async () => {
      const reports = await client.listReports(targetOf((await sheet.fresh()).link));
      // Read again: the answer may have taken a while, and the record may have changed meanwhile.
      const latest = await sheet.fresh();
      const after = linkAfterRefresh(latest.link, reports);
      await sheet.write(latest.record, after);
      await writeStatuses(
        new Map(reports.map((r) => [r.indicatorId, s.statusOf(r.status, r.comment)])),
        { before: latest.link, after },
        latest.record.sheet,
      );
      const count = (status: string) => reports.filter((r) => r.status === status).length;
      setReport({ outcomes: [], sent: [], message: both((x) => x.refreshed(count('returned'), count('approved'))) });
      setReturned(
        reports
          .filter((r) => r.status === 'returned')
          .map((r) => ({ id: r.indicatorId, status: both((x) => x.statusOf(r.status, r.comment)) })),
      );
    });
  };

  /** The dialog moves on from a row: decided (or put off), so the next conflict shows. */
  const done = (id: string): void => setQueue((q) => ({ ...q, ids: q.ids.filter((x) => x !== id) }));

  /** Keep mine: my row again, on the version the server holds; a new conflict keeps it in the dialog. */
  const keepMine = async (view: ConflictView): Promise<void> => {
    await withProgress(async () => {
      const outcomes = await send(targetOf((await sheet.fresh()).link), [view.resend], true);
      if (!outcomes.some((o) => o.indicatorId === view.indicatorId && o.outcome === 'conflict')) done(view.indicatorId);
    });
  };

  /** Take theirs: the server's value and texts into the sheet, and their row as the last confirmed. */
  const takeTheirs = async (view: ConflictView): Promise<void> => {
    const current = view.current;
    await withProgress(async () => {
      const now = await sheet.readSheet();
      const plan = theirsPlan(
        now.assessment,
        now.reading,
        now.grid.sheet,
        view.indicatorId,
        current.value,
        theirTexts(current),
        now.grid.topLeft,
      );
      if (plan) await port.apply(plan);
      const latest = await sheet.fresh();
      const after = linkTakingTheirs(latest.link, view.indicatorId, current);
      await sheet.write(latest.record, after);
      await writeStatuses(
        new Map([[view.indicatorId, s.tookTheirs(current.version)]]),
        { before: latest.link, after },
        latest.record.sheet,
      );
      setReport((r) => r && { ...r, outcomes: r.outcomes.filter((x) => x.indicatorId !== view.indicatorId) });
      done(view.indicatorId);
    });
  };

  const views = report ? conflictViews(report.outcomes, report.sent, names, locale) : [];
  const viewById = new Map(views.map((v) => [v.indicatorId, v]));
  const shown = queue.ids.map((id) => viewById.get(id)).find((v) => v !== undefined);
  const attention = (report?.outcomes ?? []).filter((o) => o.outcome !== 'accepted');
  const refused = submitRefused(standing);

  return (
    <div className="sb-stack">
      <Subtitle2>{s.submitHeading}</Subtitle2>
      {changed ? <div data-testid="changed-count">{s.changedCount(changed)}</div> : null}
      {standing ? <LateNotice standing={standing} decimals={decimals} about={standingOf} /> : null}
      <div className="sb-row">
        <SubmitChoice disabled={busy || refused || linked === false} onSubmit={(scope) => void submit(scope)} />
        <Button disabled={busy || linked === false} onClick={() => void refresh()}>
          {s.refresh}
        </Button>
        {pendingRows > 0 ? (
          <Button disabled={busy} onClick={() => void resend()}>
            {s.resend} ({pendingRows})
          </Button>
        ) : null}
      </div>
      {linked === false && pendingRows === 0 ? <Caption1 data-testid="submit-needs-link">{s.submitNeedsLink}</Caption1> : null}
      {progress === undefined ? <AutoResendStatus state={auto} /> : null}
      <RefusedBatches batches={refusedBatches} busy={busy} onForget={(key) => void forgetRefused(key)} />
      {call.error ? <ErrorMessage message={call.error} onDismiss={call.clear} /> : null}
      {progress !== undefined ? (
        <div role="status">
          <ProgressBar value={progress} thickness="large" aria-label={s.submitting} /> {s.submitting}
        </div>
      ) : null}
      {unreadable ? (
        <MessageBar intent="error" layout="multiline" data-testid="submit-unread">
          <MessageBarBody className="sb-stack">
            <strong>{s.unreadHeading(unreadable.unread.length)}</strong>
            <div>{s.unreadIntro}</div>
            <ul className="sb-list">
              {unreadable.unread.flatMap((u) =>
                u.cells.map((c) => (
                  <li key={`${u.indicatorId}-${c.address}`}>
                    {s.unreadCell(u.indicatorId, c.address, c.text, c.value === undefined ? undefined : String(c.value))}
                  </li>
                )),
              )}
            </ul>
            <div className="sb-row sb-wrap">
              {unreadable.fixes.length > 0 ? (
                <Button appearance="primary" onClick={() => void fixAndSend()}>
                  {s.fixAndSend(unreadable.fixes.length)}
                </Button>
              ) : null}
              {unreadable.rows > 0 ? (
                <Button onClick={() => void submit(unreadable.scope, new Set(unreadable.unread.map((u) => u.indicatorId)))}>
                  {s.sendOthers}
                </Button>
              ) : null}
              <Button onClick={() => void unreadBack()}>{s.unreadBack}</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {returned.length > 0 ? (
        <ul aria-label={s.statusOf('returned', undefined)} className="sb-list sb-returned">
          {returned.map((r) => (
            <li key={r.id}>
              <strong>{`${r.id}: ${r.status[locale]}`}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {report ? (
        <>
          <div role="status" data-testid="submit-summary">
            {report.message[locale]}
          </div>
          {report.late ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody data-testid="submit-late">
                {s.submittedLate(
                  standing?.state === 'late' && standing.penalty !== null ? formatScore(standing.penalty, decimals) : undefined,
                )}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {/* Rows that need the person (not accepted); accepted rows are counted above and marked in the status
              column. Capped: a 10,000-row submit that went wrong must not draw 10,000 list items. */}
          <ul aria-label={s.submitHeading} className="sb-list">
            {attention.slice(0, OUTCOME_LIST_LIMIT).map((o) => (
              <li key={o.indicatorId} data-outcome={o.outcome}>
                {o.indicatorId}: {s.outcome[o.outcome]}
                {detail(o, locale)}
                {o.outcome === 'conflict' && viewById.has(o.indicatorId) && !queue.ids.includes(o.indicatorId) ? (
                  <Button size="small" disabled={busy} onClick={() => setQueue({ ids: [o.indicatorId], count: 1 })}>
                    {s.resolve}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          {attention.length > OUTCOME_LIST_LIMIT ? <div>{s.moreOutcomes(attention.length - OUTCOME_LIST_LIMIT)}</div> : null}
        </>
      ) : null}
      <ConflictDialog
        view={shown}
        position={queue.count - queue.ids.length + 1}
        count={queue.count}
        busy={busy}
        onKeepMine={(v) => void keepMine(v)}
        onTakeTheirs={(v) => void takeTheirs(v)}
        onLater={(v) => done(v.indicatorId)}
      />
      <WarningsDialog warnings={confirm?.warnings} onSend={() => void sendAnyway()} onBack={() => void goBack()} />
    </div>
  );
}

/** `next` replaces the entries of `previous` with the same indicator; the others keep their place. */
function mergeById<T extends { readonly indicatorId: string }>(previous: readonly T[], next: readonly T[]): T[] {
  const byId = new Map(next.map((x) => [x.indicatorId, x]));
  const merged = previous.map((x) => byId.get(x.indicatorId) ?? x);
  for (const x of next) if (!previous.some((p) => p.indicatorId === x.indicatorId)) merged.push(x);
  return merged;
}

function detail(o: RowOutcome, locale: 'th' | 'en'): string {
  const s = SERVER_STRINGS[locale];
  if (o.outcome === 'pending' || o.outcome === 'refused') return ` — ${locale === 'th' ? o.error.userMessage.th : o.error.userMessage.en}`;
  const c = o.result.current;
  if (o.outcome === 'conflict' && c) return ` — ${s.conflictDetail(c.updatedBy, when(c.updatedAt, locale), JSON.stringify(c.value))}`;
  if (o.outcome === 'locked' && c) return ` — ${s.lockedDetail(c.updatedBy, when(c.updatedAt, locale))}`;
  if (o.outcome === 'invalid')
    return ` — ${(o.result.issues ?? []).map((i) => (locale === 'th' ? i.message.th : i.message.en)).join('; ')}`;
  return '';
}

/** Bangkok date (Buddhist Era) and time of an instant. */
const when = bangkokWhen;

/**
 * The pane's side of the reporting API: sign in (the token lives in memory only, in the client), open a unit's
 * round from the server into a KPI sheet (the sheet remembers assessment, unit, round and each row's version and
 * value in the binding record), and submit the rows changed since the server last confirmed them, with progress
 * and each row's outcome. When the session ends mid-submit the sign-in form comes back; signing in carries on
 * with the same batch and key. Pending batches are kept in the workbook (WorkbookPendingStore).
 */
import { Button, Field, Input, ProgressBar, Select, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiAssessmentDocument, ApiRound, BatchRow, ReportRow, Session as ApiSession } from '../../api';
import { ScorebookClient } from '../../api/client';
import type { BatchTarget, PendingStore } from '../../api/pending';
import type { RowOutcome, SubmitOptions, SubmitReport } from '../../api/submit';
import type { Message } from '../../domain';
import { readKpiGrid, resultInputs } from '../../workbook';
import { kpiSheetPlan } from '../../workbook/kpiPlan';
import type { WorkbookPort } from '../../workbook/port';
import { errorMessage, PaneError } from '../hooks/useAction';
import { loadAssessment } from '../model/loadAssessment';
import { readServerLink, type ServerLink } from '../model/serverLink';
import { blockingIssues, changedRows, notesOf, linkAfterRefresh, linkAfterSubmit, linkFromReports, linkTakingTheirs, roundWindow } from '../model/serverSheet';
import { outcomeTexts, statusColumnPlan } from '../model/statusColumn';
import { theirsPlan } from '../model/takeTheirs';
import type { Session } from '../model/session';
import { WorkbookPendingStore } from '../model/workbookPendingStore';
import { SERVER_STRINGS, useServerStrings } from '../serverStrings';
import { ApproverPanel } from './ApproverPanel';
import { ErrorMessage } from './StatusBar';

/** What the panel needs of the API client (ScorebookClient in the add-in, a fake in tests). */
export interface ServerClient {
  signIn(username: string, password: string): Promise<ApiSession>;
  listAssessments(): Promise<{ id: string; title: string; units: { id: string; name: string }[]; rounds: ApiRound[] }[]>;
  getAssessment(aid: string): Promise<ApiAssessmentDocument>;
  listReports(t: BatchTarget): Promise<ReportRow[]>;
  submitRows(t: BatchTarget, rows: BatchRow[], options: SubmitOptions): Promise<SubmitReport>;
  resendPending(options?: Pick<SubmitOptions, 'onProgress'>): Promise<SubmitReport>;
  approve(t: BatchTarget, indicatorId: string, o: { comment?: string; version?: number }): Promise<ReportRow>;
  returnRow(t: BatchTarget, indicatorId: string, o: { comment: string; version?: number }): Promise<ReportRow>;
}

export type Connect = (baseUrl: string, hooks: { reauthenticate: () => Promise<ApiSession | undefined>; pending: PendingStore }) => ServerClient;

export const connectToServer: Connect = (baseUrl, hooks) => new ScorebookClient({ baseUrl, ...hooks });

export interface ServerPanelProps {
  readonly port: WorkbookPort;
  readonly connect?: Connect;
  readonly now?: () => Date;
  /** The sheet opened from the server becomes the pane's session (summary, issues, what-if). */
  readonly onOpened: (session: Session) => void;
}

export function ServerPanel({ port, connect = connectToServer, now = () => new Date(), onOpened }: ServerPanelProps): JSX.Element {
  const { s } = useServerStrings();
  const [baseUrl, setBaseUrl] = useState('https://localhost:8787');
  const [client, setClient] = useState<ServerClient>();
  const [session, setSession] = useState<ApiSession>();
  const [error, setError] = useState<Message>();
  const [busy, setBusy] = useState<string>();
  /** Set while a request waits for the user to sign in again. */
  const waiting = useRef<((s: ApiSession | undefined) => void) | undefined>(undefined);
  const [askAgain, setAskAgain] = useState(false);
  /** The assessment, unit and round chosen in the pickers (the approver works on it without opening a sheet). */
  const [target, setTarget] = useState<BatchTarget>();

  const signIn = async (url: string, username: string, password: string): Promise<void> => {
    setError(undefined);
    setBusy(s.signingIn);
    try {
      const c = client && url === baseUrl ? client : connect(url, { reauthenticate, pending: new WorkbookPendingStore(port) });
      const fresh = await c.signIn(username, password);
      setBaseUrl(url);
      setClient(c);
      setSession(fresh);
      setAskAgain(false);
      waiting.current?.(fresh);
      waiting.current = undefined;
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
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

  return (
    <section className="sb-stack" aria-label={s.tabServer}>
      {!session || askAgain ? (
        <SignInForm baseUrl={baseUrl} username={session?.user.username ?? ''} again={askAgain} busy={busy !== undefined} onSignIn={signIn} onCancel={askAgain ? cancelSignIn : undefined} />
      ) : (
        <div>{s.signedInAs(session.user.name, baseUrl)}</div>
      )}
      {error ? <ErrorMessage message={error} onDismiss={() => setError(undefined)} /> : null}
      {busy ? <div role="status"><ProgressBar thickness="large" aria-label={busy} /> {busy}</div> : null}
      {client && session ? (
        <>
          <OpenFromServer client={client} session={session} baseUrl={baseUrl} port={port} now={now} onOpened={onOpened} onError={setError} onTarget={setTarget} />
          {session.user.roles.includes('reporter') || session.user.roles.includes('central') ? <SubmitChanged client={client} port={port} onError={setError} /> : null}
          {session.user.roles.includes('approver') && target ? <ApproverPanel client={client} target={target} /> : null}
        </>
      ) : null}
    </section>
  );
}

function SignInForm({ baseUrl, username: knownUser, again, busy, onSignIn, onCancel }: {
  baseUrl: string; username: string; again: boolean; busy: boolean; onSignIn: (url: string, u: string, p: string) => Promise<void>; onCancel?: () => void;
}): JSX.Element {
  const { s } = useServerStrings();
  const [url, setUrl] = useState(baseUrl);
  // Signing in again keeps the server and the user: only the password is asked for.
  const [username, setUsername] = useState(knownUser);
  const [password, setPassword] = useState('');
  return (
    <form className="sb-stack" onSubmit={(e) => {
      e.preventDefault();
      // The password leaves the form with the request and is not kept in state afterwards.
      void onSignIn(url, username, password).then(() => setPassword(''));
    }}>
      <Subtitle2>{s.signInHeading}</Subtitle2>
      {again ? <div role="alert">{s.signInAgain}</div> : null}
      <Field label={s.serverAddress}><Input value={url} onChange={(_, d) => setUrl(d.value)} disabled={again} /></Field>
      <Field label={s.username}><Input value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" disabled={again} /></Field>
      <Field label={s.password}><Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" /></Field>
      <div className="sb-row">
        <Button appearance="primary" type="submit" disabled={busy || !url || !username || !password}>{s.signIn}</Button>
        {onCancel ? <Button onClick={onCancel}>{s.cancel}</Button> : null}
      </div>
    </form>
  );
}

type Summary = Awaited<ReturnType<ServerClient['listAssessments']>>[number];

function OpenFromServer({ client, session, baseUrl, port, now, onOpened, onError, onTarget }: {
  client: ServerClient; session: ApiSession; baseUrl: string; port: WorkbookPort; now: () => Date; onOpened: (s: Session) => void; onError: (m: Message) => void;
  onTarget: (t: BatchTarget | undefined) => void;
}): JSX.Element {
  const { s, date } = useServerStrings();
  const [list, setList] = useState<Summary[]>([]);
  const [aid, setAid] = useState('');
  const [unit, setUnit] = useState('');
  const [round, setRound] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();

  useEffect(() => {
    client.listAssessments().then((l) => {
      setList(l);
      const first = l[0];
      if (first) setAid(first.id);
    }, (e: unknown) => onError(errorMessage(e)));
  }, [client, onError]);

  const chosen = list.find((a) => a.id === aid);
  const central = session.user.roles.includes('central');
  const units = useMemo(() => (chosen?.units ?? []).filter((u) => central || session.user.units.includes(u.id)), [chosen, central, session]);
  useEffect(() => setUnit(units[0]?.id ?? ''), [units]);
  useEffect(() => {
    const rounds = chosen?.rounds ?? [];
    const open = rounds.find((r) => roundWindow(r, now()).state === 'open') ?? rounds[0];
    setRound(open ? String(open.round) : '');
  }, [chosen, now]);
  const r = chosen?.rounds.find((x) => String(x.round) === round);
  const w = r ? roundWindow(r, now()) : undefined;
  useEffect(() => onTarget(chosen && unit && r ? { aid: chosen.id, round: r.round, unit } : undefined), [chosen, unit, r, onTarget]);

  const open = async (): Promise<void> => {
    if (!chosen || !unit || !r) return;
    setBusy(true);
    setDone(undefined);
    try {
      const target = { aid: chosen.id, round: r.round, unit };
      const document = await client.getAssessment(chosen.id);
      const loaded = loadAssessment(document, chosen.id);
      if (!loaded.ok) throw new PaneError(loaded.issues[0]!.message);
      const reports = await client.listReports(target);
      const { results, link } = linkFromReports(baseUrl, target, reports);
      // Each row's result, and its remarks in the note column (หมายเหตุ), as the server holds them.
      const inputs = new Map(resultInputs(loaded.value.assessment, results));
      for (const report of reports) if (report.remarks) inputs.set(report.indicatorId, { ...inputs.get(report.indicatorId), note: report.remarks });
      const { plan, binding, layout } = kpiSheetPlan({ assessment: loaded.value.assessment, document, inputs });
      await port.apply(plan);
      const linked = { ...binding, server: link };
      await port.writeBinding(linked);
      onOpened({ loaded: loaded.value, binding: linked });
      setDone(s.opened(layout.sheet, reports.length));
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sb-stack">
      <Subtitle2>{s.openHeading}</Subtitle2>
      <Field label={s.assessment}>
        <Select value={aid} onChange={(_, d) => setAid(d.value)}>
          {list.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
        </Select>
      </Field>
      <Field label={s.unit}>
        <Select value={unit} onChange={(_, d) => setUnit(d.value)}>
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </Select>
      </Field>
      <Field label={s.round}>
        <Select value={round} onChange={(_, d) => setRound(d.value)}>
          {(chosen?.rounds ?? []).map((x) => <option key={x.round} value={String(x.round)}>{s.roundLabel(x.round)}</option>)}
        </Select>
      </Field>
      {w ? (
        <div data-testid="round-window">
          {s.window(date(w.opensAt), date(w.closesAt))} · {w.state === 'open' ? s.daysLeft(w.daysLeft) : w.state === 'not-yet' ? s.notYetOpen : w.allowLate ? s.closedLate : s.closed}
        </div>
      ) : null}
      <Button appearance="primary" disabled={busy || !chosen || !unit || !r} onClick={() => void open()}>{s.open}</Button>
      {busy ? <div role="status">{s.opening}</div> : null}
      {done ? <div role="status">{done}</div> : null}
    </div>
  );
}

function SubmitChanged({ client, port, onError }: { client: ServerClient; port: WorkbookPort; onError: (m: Message) => void }): JSX.Element {
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

  /** Each row's outcome into the sheet's status column (read again: the answers may have taken a while). */
  const writeStatuses = async (texts: ReadonlyMap<string, string>): Promise<void> => {
    const sheet = await readSheet(port);
    const plan = statusColumnPlan(sheet.grid, sheet.reading, texts);
    if (plan) await port.apply(plan);
  };

  const submit = async (): Promise<void> => {
    setReport(undefined);
    setProgress(0);
    try {
      const { link, assessment, reading, grid } = await readSheet(port);
      const target = link.target;
      if (!target) throw new PaneError({ th: SERVER_STRINGS.th.notLinked, en: SERVER_STRINGS.en.notLinked });
      const rows = changedRows(assessment, reading.resultSet, link, notesOf(grid, reading));
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
      <div className="sb-row">
        <Button appearance="primary" disabled={progress !== undefined} onClick={() => void submit()}>{s.submitChanged}</Button>
        <Button disabled={progress !== undefined} onClick={() => void refresh()}>{s.refresh}</Button>
        {pendingRows > 0 ? <Button disabled={progress !== undefined} onClick={() => void resend()}>{s.resend} ({pendingRows})</Button> : null}
      </div>
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

async function readLink(port: WorkbookPort): Promise<{ record: NonNullable<Awaited<ReturnType<typeof readRecord>>>; link: ServerLink }> {
  const record = await readRecord(port);
  if (!record) throw new PaneError({ th: SERVER_STRINGS.th.notLinked, en: SERVER_STRINGS.en.notLinked });
  const link = readServerLink(record.server);
  if (!link.ok) throw new PaneError(link.issues[0]!.message);
  return { record, link: link.value };
}

/** The bound sheet as it is now: its record, server link, assessment, used range and reading. */
async function readSheet(port: WorkbookPort) {
  const { record, link } = await readLink(port);
  const loaded = loadAssessment(record.assessment, record.sheet);
  if (!loaded.ok) throw new PaneError(loaded.issues[0]!.message);
  const grid = (await port.read({ ranges: [{ sheet: record.sheet }] })).ranges[0];
  const reading = grid ? readKpiGrid(loaded.value.assessment, grid, { headers: record.columns }) : undefined;
  if (!grid || !reading) throw new PaneError({ th: SERVER_STRINGS.th.notLinked, en: SERVER_STRINGS.en.notLinked });
  if (!reading.ok) throw new PaneError(reading.issues[0]!.message);
  return { record, link, assessment: loaded.value.assessment, grid, reading: reading.value };
}

async function readRecord(port: WorkbookPort) {
  const read = await port.readBinding();
  return read?.ok ? read.value : undefined;
}

/**
 * Open from the server: pick assessment, unit and round (its window in Buddhist-Era dates, with the days left), and
 * write the KPI sheet with the server's rows in it; the binding record remembers the link (serverLink.ts). A sheet
 * holding typed work is not written over without the person's choice (model/openFromServer.ts, ReplaceDialog.tsx).
 */

import { Button, Field, Select, Subtitle2 } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Session as ApiSession } from '../../api';
import type { Message } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import { useReplaceGuard } from '../hooks/useReplaceGuard';
import { freeSheetName } from '../model/freeSheetName';
import { useServerCall } from '../hooks/useServerCall';
import { openFromServer } from '../model/openFromServer';
import { useLinkedSheet } from '../linkedSheetStore';
import { roundWindow } from '../model/serverSheet';
import type { Session } from '../model/session';
import { usePaneState } from '../paneStore';
import { useServerStrings } from '../serverStrings';
import type { ServerClient } from './serverClient';
import { ErrorMessage } from './StatusBar';

export type Summary = Awaited<ReturnType<ServerClient['listAssessments']>>[number];

/** What the pickers show: kept in the pane's store, so a tab switch or a re-render never resets them. */
export interface Choice {
  readonly aid: string;
  readonly unit: string;
  readonly round: string;
}

/** The sheet the pane has open (linked to a round, or only bound to an assessment): the pickers start there. */
export interface Preferred {
  readonly aid?: string;
  readonly unit?: string;
  readonly round?: number;
}

/**
 * The choice to show for this list: the one kept if it still fits, else the open sheet's (its assessment, unit and
 * round, as far as the list has them), else the first assessment, the first unit the person may see, and the open
 * round (or the first). Pure, so a re-render with the same inputs gives the same choice.
 */
export function settleChoice(
  list: readonly Summary[],
  kept: Choice | undefined,
  preferred: Preferred | undefined,
  now: Date,
  visibleUnits: (a: Summary) => readonly { id: string }[],
): Choice {
  const byId = (id: string | undefined) => (id === undefined ? undefined : list.find((a) => a.id === id));
  const a = byId(kept?.aid) ?? byId(preferred?.aid) ?? list[0];
  if (!a) return { aid: '', unit: '', round: '' };
  const units = visibleUnits(a);
  const fromSheet = preferred?.aid === a.id ? preferred : undefined;
  const keptHere = kept?.aid === a.id ? kept : undefined;
  const unit = [keptHere?.unit, fromSheet?.unit, units[0]?.id].find((u) => u !== undefined && units.some((x) => x.id === u)) ?? '';
  const has = (r: string | undefined) => r !== undefined && r !== '' && a.rounds.some((x) => String(x.round) === r);
  const openRound = a.rounds.find((r) => roundWindow(r, now).state === 'open') ?? a.rounds[0];
  const round =
    [keptHere?.round, fromSheet?.round === undefined ? undefined : String(fromSheet.round), openRound && String(openRound.round)].find(
      has,
    ) ?? '';
  return { aid: a.id, unit, round };
}

export function OpenFromServer({
  client,
  session,
  baseUrl,
  port,
  now,
  onOpened,
  preferred,
}: {
  client: ServerClient;
  session: ApiSession;
  baseUrl: string;
  port: WorkbookPort;
  now: () => Date;
  onOpened: (s: Session) => void;
  /** The open sheet's assessment, unit and round: the pickers default to them. */
  preferred?: Preferred;
}): JSX.Element {
  const { s, date, locale } = useServerStrings();
  const [list, setList] = usePaneState<readonly Summary[]>('server.assessments', []);
  const [kept, setChoice] = usePaneState<Choice | undefined>('server.choice', undefined);
  /** What the last open did, in both languages (it follows the pane's). */
  const [done, setDone] = usePaneState<Message | undefined>('server.opened', undefined);
  // The clock is read when needed, never a dependency: a caller's `() => new Date()` is a new function each render.
  const guard = useReplaceGuard();
  /** The record as last read: the sheet it names is where a round opens, so the write can be tried at once. */
  const linkedSheet = useLinkedSheet();
  const clock = useRef(now);
  clock.current = now;

  // The list, once per client (a tab opened again keeps it, and asks again in the background).
  const listing = useServerCall(async () => setList(await client.listAssessments()));
  const runListing = listing.run;
  useEffect(() => {
    void runListing();
  }, [client, runListing]);
  const opening = useServerCall((_signal, work: () => Promise<void>) => work());
  const failure = opening.error ?? listing.error;

  const central = session.user.roles.includes('central');
  const visibleUnits = useCallback((a: Summary) => a.units.filter((u) => central || session.user.units.includes(u.id)), [central, session]);
  const choice = useMemo(() => settleChoice(list, kept, preferred, clock.current(), visibleUnits), [list, kept, preferred, visibleUnits]);
  // Remembered once settled, so the sheet opened later does not move pickers the person has set.
  useEffect(() => {
    if (list.length > 0 && (kept?.aid !== choice.aid || kept?.unit !== choice.unit || kept?.round !== choice.round)) setChoice(choice);
  }, [list, kept, choice, setChoice]);
  const chosen = list.find((a) => a.id === choice.aid);
  const units = chosen ? visibleUnits(chosen) : [];
  const { unit, round } = choice;
  const r = chosen?.rounds.find((x) => String(x.round) === round);
  const w = r ? roundWindow(r, now()) : undefined;
  // "Opened sheet X" is about the choice it was made with: another choice takes it away.
  const choose = (next: Choice): void => {
    setDone(undefined);
    setChoice(next);
  };
  const setAid = (aid: string): void => choose({ aid, unit: '', round: '' });
  const setUnit = (u: string): void => choose({ ...choice, unit: u });
  const setRound = (x: string): void => choose({ ...choice, round: x });

  const open = async (): Promise<void> => {
    if (!chosen || !unit || !r) return;
    setDone(undefined);
    await opening.run(async () => {
      const done = await openFromServer({
        port,
        client,
        baseUrl,
        target: { aid: chosen.id, round: r.round, unit },
        central,
        known: linkedSheet,
        ask: guard.ask,
        freeSheetName,
      });
      if (done.kind === 'opened') onOpened(done.session);
      setDone(done.message);
    });
  };
  const busy = opening.running;

  return (
    <div className="sb-stack">
      <Subtitle2>{s.openHeading}</Subtitle2>
      <Field label={s.assessment}>
        <Select value={choice.aid} onChange={(_, d) => setAid(d.value)}>
          {list.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.unit}>
        <Select value={unit} onChange={(_, d) => setUnit(d.value)}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.round}>
        <Select value={round} onChange={(_, d) => setRound(d.value)}>
          {(chosen?.rounds ?? []).map((x) => (
            <option key={x.round} value={String(x.round)}>
              {s.roundLabel(x.round)}
            </option>
          ))}
        </Select>
      </Field>
      {w ? (
        <div data-testid="round-window">
          {s.window(date(w.opensAt), date(w.closesAt))} ·{' '}
          {w.state === 'open' ? s.daysLeft(w.daysLeft) : w.state === 'not-yet' ? s.notYetOpen : w.allowLate ? s.closedLate : s.closed}
        </div>
      ) : null}
      <Button appearance="primary" disabled={busy || !chosen || !unit || !r} onClick={() => void open()}>
        {s.open}
      </Button>
      {busy ? <div role="status">{s.opening}</div> : null}
      {done ? <div role="status">{done[locale]}</div> : null}
      {failure ? (
        <ErrorMessage
          message={failure}
          onDismiss={() => {
            opening.clear();
            listing.clear();
          }}
        />
      ) : null}
      {guard.dialog}
    </div>
  );
}

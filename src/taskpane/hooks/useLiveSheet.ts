/**
 * Keeps the bound sheet's evaluation current: once when the sheet is bound (validation on open), and after every
 * change a person makes to it or to its settings sheet (policies, level scores, the round), debounced so a paste of 500 cells is one evaluation. The port never reports its own
 * writes, so what the pane writes (the what-if column, the marks of changed rows) does not trigger a loop; the pane
 * asks for a refresh itself. In a sheet linked to the server, rows changed since the server last confirmed them are
 * marked in the sheet (changeMarks.ts): one more apply, only when the marks differ from those already there.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Message } from '../../domain';
import type { ChangeEvent, WorkbookPort } from '../../workbook/port';
import { useLocale } from '../i18n';
import type { Evaluation } from '../model/evaluate';
import { LiveCache } from '../model/liveCache';
import { applyMarks, livePass, unitsPass } from '../model/liveCheck';
import type { Session } from '../model/session';
import { errorMessage } from './useAction';

/** Long enough to gather a paste's change events, short enough to leave most of the 100 ms budget to the work. */
export const DEBOUNCE_MS = 30;

export interface LiveSheet {
  readonly evaluation: Evaluation | undefined;
  readonly checking: boolean;
  readonly error: Message | undefined;
  readonly updatedAt: Date | undefined;
  /** Rows changed since the server last confirmed them; undefined when the sheet is not linked to a server. */
  readonly changed: number | undefined;
  /** Approved rows typed over in the sheet: the total shown departs from the approved one, and the pane says so. */
  readonly approvedEdited: readonly string[];
  refresh(): Promise<void>;
}

export function useLiveSheet(port: WorkbookPort, session: Session | undefined): LiveSheet {
  const [evaluation, setEvaluation] = useState<Evaluation>();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<Message>();
  const [updatedAt, setUpdatedAt] = useState<Date>();
  // Reads can overlap (a change arrives while the last one is read); only the latest one's answer is kept.
  const generation = useRef(0);
  const [changed, setChanged] = useState<number>();
  const [approvedEdited, setApprovedEdited] = useState<readonly string[]>([]);
  /** The changed rows' contents at the last pass (changeMarks.ts), so a row edited since is marked again. */
  const marked = useRef<ReadonlyMap<string, string>>();
  /** The last read kept, so an edit re-reads only its rows (model/liveCache.ts); one per session. */
  const cache = useRef<LiveCache>();
  // The marks are written in the pane's language; a ref, so switching language does not re-subscribe to changes.
  const { locale: current } = useLocale();
  const locale = useRef(current);
  locale.current = current;

  const refresh = useCallback(async () => {
    if (!session) return;
    const mine = ++generation.current;
    setChecking(true);
    try {
      if (session.binding.multiUnit) {
        // A multi-unit sheet is the central office's bulk view: not linked to one unit's round, so no marks.
        const e = await unitsPass(port, session);
        if (mine !== generation.current) return;
        setEvaluation(e);
        setChanged(undefined);
        setError(undefined);
        setUpdatedAt(new Date());
        return;
      }
      if (cache.current?.session !== session) cache.current = new LiveCache(session);
      const kept = cache.current;
      const pass = await livePass(port, session, locale.current, marked.current, kept);
      if (mine !== generation.current) return;
      marked.current = pass.contents;
      setEvaluation(pass.evaluation);
      setChanged(pass.changed?.length);
      setApprovedEdited((was) => {
        const now = pass.approvedChanged;
        return now.join() === was.join() ? was : now;
      });
      setError(undefined);
      setUpdatedAt(new Date());
      if (pass.plan) await applyMarks(port, pass.plan, kept);
    } catch (e) {
      if (mine === generation.current) setError(errorMessage(e));
    } finally {
      if (mine === generation.current) setChecking(false);
    }
  }, [port, session]);

  useEffect(() => {
    setEvaluation(undefined);
    setChanged(undefined);
    marked.current = undefined;
    if (!session) return undefined;
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribes: (() => Promise<void>)[] = [];
    let closed = false;
    const changed = (change: ChangeEvent): void => {
      // Every change is noted at once, so the debounced pass knows each row it has to read again.
      if (cache.current?.session === session) cache.current.changed(change);
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), DEBOUNCE_MS);
    };
    // The settings sheet too: a policy or level score edited there re-scores the sheet's formulas, so the pane too.
    const { sheet, settingsSheet } = session.binding;
    const watched = settingsSheet && settingsSheet !== sheet ? [sheet, settingsSheet] : [sheet];
    for (const name of watched) {
      void port
        .onChange(name, changed)
        .then((u) => {
          if (closed) void u();
          else unsubscribes.push(u);
        })
        // A settings sheet deleted by hand leaves the KPI sheet's own check working; only the KPI sheet's failure is said.
        .catch((e: unknown) => {
          if (name === sheet) setError(errorMessage(e));
        });
    }
    return () => {
      closed = true;
      clearTimeout(timer);
      for (const u of unsubscribes) void u();
    };
  }, [port, session, refresh]);

  return { evaluation, checking, error, updatedAt, changed, approvedEdited, refresh };
}

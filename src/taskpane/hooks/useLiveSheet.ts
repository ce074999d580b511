/**
 * Keeps the bound sheet's evaluation current: once when the sheet is bound (validation on open), and after every
 * change a person makes to it, debounced so a paste of 500 cells is one evaluation. The port never reports its own
 * writes, so what the pane writes (the what-if column) does not trigger a loop; the pane asks for a refresh itself.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Issue, Message } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import { boundUnitsRequest } from '../../workbook/kpiActions';
import { evaluateMultiUnitSheet, evaluateSheet, type Evaluation } from '../model/evaluate';
import type { Session } from '../model/session';
import { errorMessage } from './useAction';

/** Long enough to gather a paste's change events, short enough to leave most of the 100 ms budget to the work. */
export const DEBOUNCE_MS = 30;

export interface LiveSheet {
  readonly evaluation: Evaluation | undefined;
  readonly checking: boolean;
  readonly error: Message | undefined;
  readonly updatedAt: Date | undefined;
  refresh(): Promise<void>;
}

export function useLiveSheet(port: WorkbookPort, session: Session | undefined): LiveSheet {
  const [evaluation, setEvaluation] = useState<Evaluation>();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<Message>();
  const [updatedAt, setUpdatedAt] = useState<Date>();
  // Reads can overlap (a change arrives while the last one is read); only the latest one's answer is kept.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    if (!session) return;
    const mine = ++generation.current;
    setChecking(true);
    try {
      const e = await evaluateBound(port, session);
      if (mine !== generation.current) return;
      setEvaluation(e);
      setError(undefined);
      setUpdatedAt(new Date());
    } catch (e) {
      if (mine === generation.current) setError(errorMessage(e));
    } finally {
      if (mine === generation.current) setChecking(false);
    }
  }, [port, session]);

  useEffect(() => {
    setEvaluation(undefined);
    if (!session) return undefined;
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => Promise<void>) | undefined;
    let closed = false;
    void port
      .onChange(session.binding.sheet, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(), DEBOUNCE_MS);
      })
      .then((u) => {
        if (closed) void u();
        else unsubscribe = u;
      })
      .catch((e: unknown) => setError(errorMessage(e)));
    return () => {
      closed = true;
      clearTimeout(timer);
      void unsubscribe?.();
    };
  }, [port, session, refresh]);

  return { evaluation, checking, error, updatedAt, refresh };
}

/**
 * One unit's sheet: its used range (the what-if column may be anywhere right of the table). A multi-unit sheet: only
 * its table's id, input and unit columns, as validate reads them — 20,000 rows of formulas would cost more to read
 * than to score.
 */
async function evaluateBound(port: WorkbookPort, { binding, loaded }: Session): Promise<Evaluation> {
  const { multiUnit } = binding;
  if (multiUnit) {
    const read = await port.read(boundUnitsRequest({ ...binding, multiUnit }));
    const grid = read.tables[0] ?? read.ranges[0];
    return grid
      ? evaluateMultiUnitSheet(loaded.assessment, grid, { headers: binding.columns, multiUnit })
      : { ok: false, issues: [missingSheet(binding.sheet)] };
  }
  const grid = (await port.read({ ranges: [{ sheet: binding.sheet, numberFormats: true }] })).ranges[0];
  return grid ? evaluateSheet(loaded.assessment, grid, { headers: binding.columns }) : { ok: false, issues: [missingSheet(binding.sheet)] };
}

function missingSheet(sheet: string): Issue {
  return {
    code: 'bound-sheet-missing',
    severity: 'error',
    message: {
      th: `ไม่พบชีต ${sheet} ที่ผูกไว้ หากเปลี่ยนชื่อชีต ให้ผูกชีตใหม่ในแท็บ "ผูกชีต"`,
      en: `the bound sheet ${sheet} is not there; if it was renamed, bind it again on the "Bind" tab`,
    },
  };
}

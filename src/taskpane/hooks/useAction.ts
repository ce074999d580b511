/**
 * Runs one user action (create, bind, write a what-if value) with its progress and its failure as state, so every
 * button shows a progress bar while it works and every failure says what to do next. A workbook error carries its
 * own Thai and English message (src/workbook/port.ts); anything else is unexpected and says so.
 */
import { useCallback, useRef, useState } from 'react';
import { isApiError } from '../../api/clientError';
import type { Message } from '../../domain';
import { isWorkbookError, type ApplyProgress } from '../../workbook/port';
import { STRINGS } from '../strings';

export interface ActionState {
  readonly running: boolean;
  /** 0..1 when known, undefined for an indeterminate bar. */
  readonly progress: number | undefined;
  readonly error: Message | undefined;
  readonly done: Message | undefined;
}

export interface Action extends ActionState {
  /** Runs `work`; `work` reports progress through the callback it is given and returns the message to show when done. */
  run(work: (progress: (p: ApplyProgress) => void) => Promise<Message | undefined>): Promise<boolean>;
  dismiss(): void;
}

const idle: ActionState = { running: false, progress: undefined, error: undefined, done: undefined };

/** A failure the pane itself detects, with the message to show (which says what to do next). */
export class PaneError extends Error {
  constructor(readonly userMessage: Message) {
    super(userMessage.en);
    this.name = 'PaneError';
  }
}

export function errorMessage(e: unknown): Message {
  if (isWorkbookError(e) || e instanceof PaneError || isApiError(e)) return e.userMessage;
  const detail = e instanceof Error ? e.message : String(e);
  return { th: STRINGS.th.unexpected(detail), en: STRINGS.en.unexpected(detail) };
}

export function useAction(): Action {
  const [state, setState] = useState<ActionState>(idle);
  const busy = useRef(false);
  const run = useCallback(async (work: (progress: (p: ApplyProgress) => void) => Promise<Message | undefined>) => {
    // A second click while the first is still writing would write the plan twice.
    if (busy.current) return false;
    busy.current = true;
    setState({ ...idle, running: true });
    try {
      const done = await work((p) => setState((s) => ({ ...s, progress: p.total > 0 ? p.done / p.total : undefined })));
      setState({ ...idle, done });
      return true;
    } catch (e) {
      setState({ ...idle, error: errorMessage(e) });
      return false;
    } finally {
      busy.current = false;
    }
  }, []);
  const dismiss = useCallback(() => setState(idle), []);
  return { ...state, run, dismiss };
}

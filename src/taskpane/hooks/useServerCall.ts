/**
 * One way the Server tab's parts call the server (or the workbook on its behalf): `run` starts the call, `running`
 * says it works, `error` holds its failure as a bilingual message (so it follows the pane's language), `result`
 * what it last answered (kept while the next call runs; a failed call leaves none). A newer run supersedes an older one (its answer and error are dropped, its signal aborted);
 * unmounting aborts the call under way. `resetOn`: the inputs the error is about — when one changes (another
 * indicator chosen, the sheet's errors fixed), the error goes with its cause.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Message } from '../../domain';
import { errorMessage } from './useAction';

export interface ServerCall<A extends unknown[], R> {
  readonly running: boolean;
  readonly error: Message | undefined;
  readonly result: R | undefined;
  /** Resolves with the answer, or undefined when the call failed or was superseded (the error is in `error`). */
  run(...args: A): Promise<R | undefined>;
  /** The error taken back (the person dismissed it); the last answer stays. */
  clear(): void;
  /** Shows a failure found without a call (it goes the same way as a call's). */
  fail(message: Message): void;
}

interface State<R> {
  readonly running: boolean;
  readonly error?: Message;
  readonly result?: R;
}

export function useServerCall<A extends unknown[], R>(
  call: (signal: AbortSignal, ...args: A) => Promise<R>,
  resetOn: readonly unknown[] = [],
): ServerCall<A, R> {
  const [state, setState] = useState<State<R>>({ running: false });
  const current = useRef<AbortController>();
  const latest = useRef(call);
  latest.current = call;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      current.current?.abort();
    };
  }, []);
  // The error is about these inputs: another value takes it away (the first render keeps what it has).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setState((s) => (s.error === undefined ? s : { ...s, error: undefined }));
    // The caller's inputs are the list itself: the effect runs whenever one of them changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, resetOn);

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const mine = (): boolean => mounted.current && current.current === controller && !controller.signal.aborted;
    // The last answer stays while the next is awaited (a list does not blink away); the last error goes.
    setState((s) => ({ running: true, result: s.result }));
    try {
      const result = await latest.current(controller.signal, ...args);
      if (!mine()) return undefined;
      // A failure said during the call (`fail`: part of an answer went wrong) stays with its result.
      setState((s) => ({ running: false, result, error: s.error }));
      return result;
    } catch (e) {
      if (mine()) setState({ running: false, error: errorMessage(e) });
      return undefined;
    } finally {
      if (current.current === controller) current.current = undefined;
    }
  }, []);
  const clear = useCallback(() => setState((s) => (s.error === undefined ? s : { ...s, error: undefined })), []);
  const fail = useCallback((message: Message) => setState((s) => ({ ...s, error: message })), []);
  return { running: state.running, error: state.error, result: state.result, run, clear, fail };
}

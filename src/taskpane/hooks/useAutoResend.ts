/**
 * Resends pending batches on its own when the server answers again (model/reconnectLoop.ts): runs while the
 * workbook holds unconfirmed batches and the client can ask the server whether it is there, checks at once on
 * the browser's `online` event, and stops when nothing is pending. The resend is the caller's — the same one the
 * button runs — so the outcomes are written into the sheet the same way, and "submitted" still only follows the
 * server's answer.
 */
import { useEffect, useRef, useState } from 'react';
import { ReconnectLoop, type ReconnectState, type Timer } from '../model/reconnectLoop';

export interface AutoResendOptions {
  /** Batches wait unconfirmed in the workbook. */
  readonly pending: boolean;
  /** The pane is sending already (a button was pressed). */
  readonly busy: boolean;
  /** Does the server answer? Without it (a client that cannot ask) nothing is automatic. */
  readonly check: (() => Promise<boolean>) | undefined;
  readonly resend: () => Promise<void>;
  /** Seams for tests: the timer, and where `online` events come from (the pane's window). */
  readonly timer?: Timer;
  readonly events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

/** What the loop is doing now, for one line in the pane; undefined while it does not run. */
export function useAutoResend({ pending, busy, check, resend, timer, events }: AutoResendOptions): ReconnectState | undefined {
  const [state, setState] = useState<ReconnectState>();
  // The latest callbacks and flags, read when the timer fires, so the loop need not restart on every render.
  const latest = useRef({ busy, check, resend });
  latest.current = { busy, check, resend };
  const canCheck = check !== undefined;

  useEffect(() => {
    if (!pending || !canCheck) return undefined;
    const loop = new ReconnectLoop({
      check: () => latest.current.check?.() ?? Promise.resolve(false),
      resend: () => latest.current.resend(),
      busy: () => latest.current.busy,
      timer,
      onState: (s) => setState(s.phase === 'stopped' ? undefined : s),
    });
    const target = events ?? (typeof window === 'undefined' ? undefined : window);
    const online = (): void => loop.checkNow();
    target?.addEventListener('online', online);
    loop.start();
    return () => {
      target?.removeEventListener('online', online);
      loop.stop();
    };
  }, [pending, canCheck, timer, events]);

  return pending && canCheck ? state : undefined;
}

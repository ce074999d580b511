/**
 * While batches wait in the workbook unconfirmed, ask whether the server answers again, with backoff: the first
 * check after 5 s, then 10, 20, 40, 60, 60 … s, and at once when the browser says it is back online. When the server
 * answers, resend (the same path as the "send pending again" button, under the batches' own keys). The waits keep
 * doubling after a resend that did not empty the queue, so a server that answers its health check but fails the
 * batches is not hammered. No jitter here: one pane asks one server; the client's own retries carry the jitter.
 *
 * Pure scheduling: the clock is an injectable timer (jest fake timers in tests), the check and the resend are
 * callbacks, and nothing here knows React or the workbook.
 */

export interface Timer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimer: Timer = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type ReconnectState =
  | { readonly phase: 'waiting'; readonly nextCheckMs: number }
  | { readonly phase: 'checking' }
  | { readonly phase: 'resending' }
  | { readonly phase: 'stopped' };

export interface ReconnectOptions {
  /** Does the server answer? A thrown error counts as no. */
  readonly check: () => Promise<boolean>;
  /** Sends the pending batches again; whether any remain is the caller's to know (it stops the loop when none do). */
  readonly resend: () => Promise<void>;
  /** Something else is sending right now (the user pressed a button): wait, do not send beside it. */
  readonly busy?: () => boolean;
  readonly timer?: Timer;
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly onState?: (state: ReconnectState) => void;
}

export class ReconnectLoop {
  private readonly timer: Timer;
  private readonly first: number;
  private readonly max: number;
  private handle: unknown;
  private delay: number;
  private running = false;
  private inFlight = false;

  constructor(private readonly o: ReconnectOptions) {
    this.timer = o.timer ?? realTimer;
    this.first = o.firstDelayMs ?? 5_000;
    this.max = o.maxDelayMs ?? 60_000;
    this.delay = this.first;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.delay = this.first;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.cancel();
    this.o.onState?.({ phase: 'stopped' });
  }

  /** The browser is online again: check now rather than at the end of the wait. */
  checkNow(): void {
    if (!this.running || this.inFlight) return;
    this.cancel();
    void this.tick();
  }

  private schedule(): void {
    this.cancel();
    const wait = this.delay;
    this.handle = this.timer.set(() => {
      this.handle = undefined;
      void this.tick();
    }, wait);
    this.o.onState?.({ phase: 'waiting', nextCheckMs: wait });
  }

  private cancel(): void {
    if (this.handle !== undefined) this.timer.clear(this.handle);
    this.handle = undefined;
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    if (this.o.busy?.()) {
      this.schedule();
      return;
    }
    this.inFlight = true;
    try {
      this.o.onState?.({ phase: 'checking' });
      const answers = await this.o.check().catch(() => false);
      if (answers && this.running && !this.o.busy?.()) {
        this.o.onState?.({ phase: 'resending' });
        await this.o.resend().catch(() => undefined);
      }
    } finally {
      this.inFlight = false;
    }
    if (!this.running) return;
    this.delay = Math.min(this.delay * 2, this.max);
    this.schedule();
  }
}

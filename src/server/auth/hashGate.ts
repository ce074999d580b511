/**
 * scrypt is memory-hard on purpose: two hashes at the default cost keep both cores of a small server busy. A
 * burst of sign-ins must not make every other sign-in (and every request waiting behind the event loop's
 * thread pool) slow, so each process hashes at most `concurrency` passwords at once, keeps at most `queue`
 * more waiting, and at most `perAddress` of those (running or waiting) for one client address. What does not
 * fit is refused at once, before any hash, with a short Retry-After. This is load shedding per process; the
 * sign-in limits themselves are counted in the database (`signInGuard.ts`).
 */
export interface HashGateLimits {
  /** Hashes running at once in this process. */
  readonly concurrency: number;
  /** Sign-ins waiting for a hash slot, all addresses together. */
  readonly queue: number;
  /** Sign-ins running or waiting from one client address. */
  readonly perAddress: number;
}

export interface HashTicket {
  /** Waits for a slot, runs `work`, frees the slot. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Gives the place back without hashing (the attempt was refused before it got that far). */
  release(): void;
}

export class HashGate {
  private running = 0;
  private readonly waiting: { address: string; go: () => void }[] = [];
  private readonly byAddress = new Map<string, number>();
  /** The most hashes that ever ran at once (tests read it). */
  peak = 0;

  constructor(readonly limits: HashGateLimits) {}

  /** A place in the line for `address`, or undefined when the line (or this address's share of it) is full. */
  admit(address: string): HashTicket | undefined {
    const mine = this.byAddress.get(address) ?? 0;
    const admitted = this.admittedCount();
    if (mine >= this.limits.perAddress || admitted >= this.limits.concurrency + this.limits.queue) return undefined;
    this.byAddress.set(address, mine + 1);
    let done = false;
    const release = (): void => {
      if (done) return;
      done = true;
      const n = (this.byAddress.get(address) ?? 1) - 1;
      if (n <= 0) this.byAddress.delete(address);
      else this.byAddress.set(address, n);
    };
    return {
      release,
      run: async <T>(work: () => Promise<T>): Promise<T> => {
        await this.slot(address);
        try {
          return await work();
        } finally {
          release();
          // The slot passes straight to the next in line, so nobody arriving meanwhile can squeeze past it.
          const next = this.nextInLine();
          if (next) next.go();
          else this.running--;
        }
      },
    };
  }

  private admittedCount(): number {
    let n = 0;
    for (const v of this.byAddress.values()) n += v;
    return n;
  }

  private async slot(address: string): Promise<void> {
    if (this.running >= this.limits.concurrency) {
      await new Promise<void>((go) => this.waiting.push({ address, go }));
    } else {
      this.running++;
    }
    this.peak = Math.max(this.peak, this.running);
  }

  /** The earliest waiter of the address with the fewest places in the line: a burst does not go first. */
  private nextInLine(): { address: string; go: () => void } | undefined {
    let best = -1;
    let fewest = Infinity;
    this.waiting.forEach((w, i) => {
      const n = this.byAddress.get(w.address) ?? 0;
      if (n < fewest) [best, fewest] = [i, n];
    });
    return best < 0 ? undefined : this.waiting.splice(best, 1)[0];
  }
}

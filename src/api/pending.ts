/**
 * Batches sent but not yet confirmed. The client hands a batch with its Idempotency-Key to the store before it
 * sends it and removes it only after the server's answer has been read, so a batch whose answer was lost (network
 * down, pane closed, Excel closed) is still there to be resent with the same key — and the server, which keeps
 * the answer under that key, applies it once.
 */
import type { BatchBody } from './reports';

/** Which unit's rows in which round a batch goes to. */
export interface BatchTarget {
  readonly aid: string;
  readonly round: number;
  readonly unit: string;
}

export interface PendingBatch {
  readonly key: string;
  readonly target: BatchTarget;
  readonly body: BatchBody;
  /** When it was first stored (ISO 8601), to show how long it has waited. */
  readonly createdAt: string;
  /** The server refused it as a whole (a 4xx): kept to be shown, never resent; nothing of it was stored. */
  readonly refused?: BatchRefusal;
}

/** The server's answer to a batch it refused as a whole, as the person is to read it. */
export interface BatchRefusal {
  /** When (ISO 8601). */
  readonly at: string;
  readonly status: number;
  readonly code: string;
  readonly message: { readonly th: string; readonly en: string };
}

/** Refused batches wait for the person; only the others are resent. */
export const isRefused = (b: PendingBatch): boolean => b.refused !== undefined;

export interface PendingStore {
  /** In the order they were added. */
  list(): Promise<readonly PendingBatch[]>;
  /** Stores them together (one workbook write for a whole submit). A key already stored is left as it is. */
  add(batches: readonly PendingBatch[]): Promise<void>;
  /**
   * Forgets a confirmed batch; an unknown key is no error (two panes may confirm the same batch). A store may
   * keep the forgetting to itself until `flush`: a batch forgotten late is only resent under its key, which the
   * server answers as it did the first time.
   */
  remove(key: string): Promise<void>;
  /** Keeps the batch, marked refused with the server's answer, so it is shown but never resent. */
  markRefused(key: string, refusal: BatchRefusal): Promise<void>;
  /** Writes what the store kept to itself; the client calls it once a send is over (nothing, for most stores). */
  flush(): Promise<void>;
}

/** Pending batches in memory: lost with the process. For the CLI, which prints what it could not send. */
export class MemoryPendingStore implements PendingStore {
  private readonly batches = new Map<string, PendingBatch>();

  async list(): Promise<readonly PendingBatch[]> {
    return [...this.batches.values()];
  }

  async add(batches: readonly PendingBatch[]): Promise<void> {
    for (const b of batches) if (!this.batches.has(b.key)) this.batches.set(b.key, b);
  }

  async remove(key: string): Promise<void> {
    this.batches.delete(key);
  }

  async markRefused(key: string, refusal: BatchRefusal): Promise<void> {
    const b = this.batches.get(key);
    if (b) this.batches.set(key, { ...b, refused: refusal });
  }

  async flush(): Promise<void> {}
}

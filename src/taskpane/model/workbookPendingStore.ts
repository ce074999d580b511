/**
 * Pending batches kept in the workbook itself (the binding record's server link, through the port), so a batch
 * whose answer never came survives closing the pane, closing the file, or mailing it: the next pane that opens
 * the file resends it under the same key. Each change is a read and a write of the record; the changes of one
 * store are queued, so two removals never race each other into losing one.
 *
 * Adding is written at once: a batch must be in the file before it is sent. Removing is kept here until `flush`
 * (which the client calls when a send is over; under `sendThenUpdate`, the write that remembers the answers) or
 * the next add: the record holds the whole assessment and every pending row, so writing it after each of a
 * 10,000-row submit's 20 answers cost 20 rewrites of megabytes. A batch answered but not yet forgotten in the
 * file (the pane closed meanwhile) is resent under its key, and the server answers it as before, so the next pane
 * also learns the versions this one never wrote down.
 */
import type { BatchRefusal, PendingBatch, PendingStore } from '../../api/pending';
import type { BindingRead, BindingRecord } from '../../workbook/binding';
import { BINDING_PROBE, bindingOps } from '../../workbook/bindingPlan';
import { applyBuilt, WorkbookError, type WorkbookPort } from '../../workbook/port';
import { readServerLink, storedLink, type ServerLink } from './serverLink';

export class WorkbookPendingStore implements PendingStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** Confirmed batches still in the file: gone from `list` now, from the workbook at the next write. */
  private readonly confirmed = new Set<string>();
  /** Sends under `sendThenUpdate`: their flush leaves its write to the update that follows. */
  private holding = 0;
  /** The sheet the record named when last read: the guess a later read of the bound sheet starts from. */
  knownSheet: string | undefined;

  constructor(private readonly port: WorkbookPort) {}

  async list(): Promise<readonly PendingBatch[]> {
    return this.serial(async () => (await this.read()).link.pending.filter((b) => !this.confirmed.has(b.key)));
  }

  async add(batches: readonly PendingBatch[]): Promise<void> {
    await this.change((pending) => {
      const known = new Set(pending.map((b) => b.key));
      return [...pending, ...batches.filter((b) => !known.has(b.key))];
    });
  }

  async remove(key: string): Promise<void> {
    this.confirmed.add(key);
  }

  /** Written at once, like an add: a refusal is rare, and it must outlive the pane. */
  async markRefused(key: string, refusal: BatchRefusal): Promise<void> {
    await this.change((pending) => pending.map((b) => (b.key === key ? { ...b, refused: refusal } : b)));
  }

  async flush(): Promise<void> {
    if (this.holding === 0 && this.confirmed.size > 0) await this.change((pending) => pending);
  }

  /**
   * Runs `send` (a submit or resend through the client that owns this store), then writes its removals and
   * `update`'s change of the link — the answers remembered — in one read and one write of the record, where
   * the send's own flush and a separate remembering would take two of each. `before`: the link as read, its
   * confirmed batches gone. A send that throws still gets its flush, as far as it goes.
   */
  async sendThenUpdate<T>(
    send: () => Promise<T>,
    update: (link: ServerLink, sent: T) => ServerLink,
  ): Promise<{ readonly sent: T; readonly record: BindingRecord; readonly before: ServerLink; readonly after: ServerLink }> {
    this.holding++;
    let sent: T;
    try {
      sent = await send();
    } catch (e) {
      this.holding--;
      // The send's error is the one to show; a failed flush keeps its removals for the next write.
      await this.flush().catch(() => undefined);
      throw e;
    }
    this.holding--;
    let change: { record: BindingRecord; before: ServerLink; after: ServerLink } | undefined;
    await this.change(
      (pending) => pending,
      (record, before) => {
        const after = update(before, sent);
        change = { record, before, after };
        return after;
      },
    );
    return { sent, ...change! };
  }

  /**
   * Runs `send`, then `commit` in this store's turn (no add or removal of it writes between the commit's read and
   * its write): `commit` reads the record itself, with whatever else its write needs, and writes the link `forget`
   * gives — the one read, with every batch confirmed so far gone — in the same apply as the rest (the answers
   * remembered, the statuses), where `sendThenUpdate` and a separate status write take two of each. The removals
   * count as written only once `commit` resolves; one that throws keeps them for the next write. A send that
   * throws still gets its flush, as far as it goes.
   */
  async sendThenCommit<T, R>(
    send: () => Promise<T>,
    commit: (sent: T, forget: (link: ServerLink) => ServerLink) => Promise<R>,
  ): Promise<{ readonly sent: T; readonly committed: R }> {
    this.holding++;
    let sent: T;
    try {
      sent = await send();
    } catch (e) {
      this.holding--;
      await this.flush().catch(() => undefined);
      throw e;
    }
    this.holding--;
    const committed = await this.serial(async () => {
      const written = new Set(this.confirmed);
      const forget = (link: ServerLink): ServerLink => ({ ...link, pending: link.pending.filter((b) => !written.has(b.key)) });
      const result = await commit(sent, forget);
      for (const key of written) this.confirmed.delete(key);
      return result;
    });
    return { sent, committed };
  }

  /**
   * One read and at most one write, carrying every removal kept so far; `link`: a further change of the link,
   * given the link with those removals made.
   */
  private change(
    update: (pending: ServerLink['pending']) => ServerLink['pending'],
    link?: (record: BindingRecord, kept: ServerLink) => ServerLink,
  ): Promise<void> {
    return this.serial(async () => {
      const written = [...this.confirmed];
      let failure: { error: unknown } | undefined;
      // The record read and written in one call: the write's probe rides on the read (applyBuilt).
      await applyBuilt(this.port, {
        read: { binding: true },
        probe: BINDING_PROBE,
        build: (result) => {
          try {
            const read = this.recordOf(result.binding);
            const pending = update(read.link.pending.filter((b) => !this.confirmed.has(b.key)));
            const kept = { ...read.link, pending };
            const next = link ? link(read.record, kept) : kept;
            const changed =
              next !== kept || pending.length !== read.link.pending.length || pending.some((b, i) => b !== read.link.pending[i]);
            return changed ? { title: 'write binding', ops: bindingOps({ ...read.record, server: storedLink(next) }) } : undefined;
          } catch (error) {
            // Thrown as it is after the call, not as the port's error.
            failure = { error };
            return undefined;
          }
        },
      });
      if (failure) throw failure.error;
      // Only now: a failed write keeps them for the next one.
      for (const key of written) this.confirmed.delete(key);
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<{ record: BindingRecord; link: ServerLink }> {
    return this.recordOf(await this.port.readBinding());
  }

  private recordOf(read: BindingRead | undefined): { record: BindingRecord; link: ServerLink } {
    if (!read || !read.ok) {
      // Without a binding record there is nowhere to keep a batch; saying so beats sending it unkept.
      throw new WorkbookError('binding-missing', {
        th: 'ยังไม่ได้ผูกชีตกับชุดตัวชี้วัด จึงเก็บข้อมูลที่รอส่งในไฟล์ไม่ได้ เปิดชีตจากเซิร์ฟเวอร์หรือผูกชีตก่อน',
        en: 'the workbook has no binding record, so pending batches cannot be kept in it; open the sheet from the server or bind it first',
      });
    }
    this.knownSheet = read.value.sheet;
    const link = readServerLink(read.value.server);
    if (!link.ok) throw new WorkbookError('server-link-invalid', link.issues[0]!.message);
    return { record: read.value, link: link.value };
  }
}

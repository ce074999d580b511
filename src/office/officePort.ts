/**
 * The workbook port on Office.js. Every method is one `Excel.run`; its syncs are counted (`syncCount`) so tests
 * and the bench can hold each user action to a fixed number, whatever the row count.
 *
 * apply: sync 1 probes what exists (sheets, tables, names, protection) and switches this add-in's events off;
 * then one sync per batch of writes below the request budget. Calculation is suspended on every batch but the
 * last, whose writes let Excel recalculate once (an explicit Recalculate closes it); screen updating is suspended
 * where ExcelApi 1.9 allows it. Events come back on in the last batch, and in a final run if a batch failed.
 */
import { bindingOps } from '../workbook/bindingPlan';
import type { BindingRead, BindingRecord } from '../workbook/binding';
import { cellsInPlan, type WritePlan } from '../workbook/plan';
import type {
  ApplyBuilt,
  ApplyCheck,
  ApplyProgress,
  ApplyReport,
  ChangeEvent,
  PortCapabilities,
  ReadRequest,
  ReadResult,
  Unsubscribe,
  WorkbookPort,
} from '../workbook/port';
import { WorkbookError } from '../workbook/port';
import { toWorkbookError } from './errors';
import type { ExcelHost, XlContext } from './excelApi';
import { compileWithProtection, Queue, queueProbe, type Command } from './planWriter';
import type { XlProtectionOptions } from './excelApi';
import { readRequest } from './reader';
import { BATCH_BUDGET } from './requestSize';

export interface SyncRecord {
  /** Estimated bytes of the request this sync sent (0 for reads). */
  readonly requestBytes: number;
}

export class OfficeWorkbookPort implements WorkbookPort {
  readonly capabilities: PortCapabilities;
  /** Round trips since the port was made: tests and the bench read it. */
  syncCount = 0;
  /** The estimated size of each write batch sent, in order. */
  readonly batches: number[] = [];
  /** Own writes under way: change events arriving meanwhile are ours and are dropped. */
  private writing = 0;
  /** Each own write's start and end (WorkbookPort.writes). */
  writes = 0;

  constructor(private readonly host: ExcelHost) {
    this.capabilities = {
      host: 'excel',
      copyFormulas: host.isSetSupported('ExcelApi', '1.9'),
      suspendScreen: host.isSetSupported('ExcelApi', '1.9'),
    };
  }

  private counted(context: XlContext): () => Promise<void> {
    return async () => {
      this.syncCount++;
      await context.sync();
    };
  }

  async read(request: ReadRequest): Promise<ReadResult> {
    try {
      return await this.host.run((context) =>
        readRequest(
          context,
          request,
          this.counted(context),
          this.host.isSetSupported('ExcelApi', '1.13'),
          this.host.isSetSupported('ExcelApi', '1.4'),
        ),
      );
    } catch (e) {
      throw toWorkbookError(e, { sheet: request.ranges?.[0]?.sheet });
    }
  }

  async apply(plan: WritePlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport> {
    return (await this.write(plan, undefined, onProgress)) as ApplyReport;
  }

  /**
   * The check's read and the plan's probe in the same syncs (the probe's loads are queued before the read's first
   * sync, so they ride on it), then the writes when `proceed` agrees: a guarded create costs what an unguarded one
   * did where nothing is there to lose. Events go off with the first write batch, so a stop leaves them on.
   */
  async applyChecked(plan: WritePlan, check: ApplyCheck, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport | undefined> {
    return this.write(plan, check, onProgress);
  }

  /**
   * The read with the probe of `update.probe` in its first sync, then the plan built of it written: a
   * read-modify-write in the read's syncs and the write batches. A built plan naming a sheet, table or name the
   * probe did not is probed again in a sync of its own before anything is written.
   */
  async applyBuilt(update: ApplyBuilt, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport | undefined> {
    return this.write(update.probe, update, onProgress);
  }

  private async write(
    planned: WritePlan,
    check: ApplyCheck | ApplyBuilt | undefined,
    onProgress?: (progress: ApplyProgress) => void,
  ): Promise<ApplyReport | undefined> {
    const before = this.syncCount;
    this.writing++;
    this.writes++;
    let eventsOff = false;
    // Sheets whose protection this apply lifted: a failure part-way puts it back (restoreProtection).
    let lifted: ReadonlyMap<string, XlProtectionOptions> = new Map();
    let sent = 0;
    let plan = planned;
    try {
      const written = await this.host.run(async (context) => {
        const sync = this.counted(context);
        const probe = queueProbe(context, plan);
        let probed;
        if (check) {
          const read = await readRequest(
            context,
            check.read,
            sync,
            this.host.isSetSupported('ExcelApi', '1.13'),
            this.host.isSetSupported('ExcelApi', '1.4'),
          );
          probed = probe ? probedOrAgain(probe, () => queueProbe(context, plan), sync) : undefined;
          if (probed instanceof Promise) probed = await probed;
          if ('build' in check) {
            const built = check.build(read);
            if (!built) return false;
            if (!covered(probeTargets(built), probeTargets(planned))) {
              const again = queueProbe(context, built);
              if (again) {
                await sync();
                probed = again();
              }
            }
            plan = built;
          } else if (!check.proceed(read)) return false;
          context.runtime.enableEvents = false;
          eventsOff = true;
        } else {
          context.runtime.enableEvents = false;
          eventsOff = true;
          if (probe) {
            await sync();
            probed = probe();
          }
        }
        const compiled = compileWithProtection(plan, probed, {
          canCopy: this.capabilities.copyFormulas,
          pageLayout: this.host.isSetSupported('ExcelApi', '1.9'),
        });
        lifted = compiled.protection.lifted;
        const batches = pack(compiled.commands);
        const probes = probe && !check ? 1 : 0;
        const total = probes + batches.length;
        const queue = new Queue(context);
        const app = context.workbook.application;
        let done = probes;
        for (const [i, batch] of batches.entries()) {
          const last = i === batches.length - 1;
          if (!last) app.suspendApiCalculationUntilNextSync();
          if (this.capabilities.suspendScreen) app.suspendScreenUpdatingUntilNextSync();
          for (const command of batch) command.queue(queue);
          if (last) {
            app.calculate('Recalculate');
            context.runtime.enableEvents = true;
          }
          this.batches.push(batch.reduce((n, c) => n + c.bytes, 0));
          // One sync per batch of at most BATCH_BUDGET bytes: the count depends on the plan's size, not its rows.
          sent++;
          await sync();
          eventsOff = !last;
          onProgress?.({ done: ++done, total });
        }
        if (batches.length === 0) {
          context.runtime.enableEvents = true;
          await sync();
          eventsOff = false;
        }
        return true;
      });
      return written ? { roundTrips: this.syncCount - before, cellsWritten: cellsInPlan(plan) } : undefined;
    } catch (e) {
      // The protection of a sheet is lifted first in the first batch: failing there, it is a password (or a lock
      // the add-in cannot lift); nothing was written.
      // (A host that names no location: AccessDenied in that batch is protection too.)
      const atUnprotect =
        failedAt(e, 'WorksheetProtection.unprotect') || (!failedAt(e, '') && (e as { code?: unknown } | null)?.code === 'AccessDenied');
      const refused = sent === 1 && atUnprotect ? [...lifted.keys()] : [];
      if (eventsOff || (lifted.size > 0 && sent > 0)) await this.eventsBackOn(refused.length > 0 ? new Map() : lifted);
      if (refused.length > 0) throw passwordProtected(refused, e);
      throw toWorkbookError(e);
    } finally {
      this.writing--;
      this.writes++;
    }
  }

  /** After a failed apply: events on, and sheets whose protection it lifted protected again (two syncs then). */
  private async eventsBackOn(lifted: ReadonlyMap<string, XlProtectionOptions> = new Map()): Promise<void> {
    try {
      await this.host.run(async (context) => {
        context.runtime.enableEvents = true;
        const sheets = [...lifted].map(([name, options]) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(name);
          sheet.load('name');
          sheet.protection.load('protected');
          return { sheet, options };
        });
        await this.counted(context)();
        // Protecting a protected sheet fails in Excel: only those the failed batches left unprotected.
        const open = sheets.filter(({ sheet }) => !sheet.isNullObject && !sheet.protection.protected);
        for (const { sheet, options } of open) sheet.protection.protect(options);
        if (open.length > 0) await this.counted(context)();
      });
    } catch {
      // The original error is the one to show; events return when the task pane reloads.
    }
  }

  async readBinding(): Promise<BindingRead | undefined> {
    return (await this.read({ binding: true })).binding;
  }

  async writeBinding(record: BindingRecord): Promise<void> {
    await this.apply({ title: 'write binding', ops: bindingOps(record) });
  }

  async onChange(sheet: string, handler: (change: ChangeEvent) => void): Promise<Unsubscribe> {
    try {
      const registration = await this.host.run(async (context) => {
        const result = context.workbook.worksheets.getItem(sheet).onChanged.add(async (args) => {
          if (this.writing > 0) return;
          handler({ sheet, address: args.address, source: args.source === 'Remote' ? 'remote' : 'local', ...changeKind(args.changeType) });
        });
        await this.counted(context)();
        return result;
      });
      return async () => {
        await this.host.runIn(registration.context, async (context) => {
          registration.remove();
          await this.counted(context)();
        });
      };
    } catch (e) {
      throw toWorkbookError(e, { sheet });
    }
  }

  /** The visible sheets' names, for the bind tab (one sync). */
  async listSheets(): Promise<string[]> {
    try {
      return await this.host.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/visibility');
        await this.counted(context)();
        return sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
      });
    } catch (e) {
      throw toWorkbookError(e);
    }
  }

  async select(sheet: string, address: string): Promise<void> {
    try {
      await this.host.run(async (context) => {
        const s = context.workbook.worksheets.getItem(sheet);
        s.activate();
        s.getRange(address).select();
        await this.counted(context)();
      });
    } catch (e) {
      throw toWorkbookError(e, { sheet, address });
    }
  }

  /** One sync: the selection's address comes qualified ("'แผน 1'!A7:F9"); the sheet is split off it. */
  async selectedRange(): Promise<{ sheet: string; address: string }> {
    try {
      return await this.host.run(async (context) => {
        const range = context.workbook.getSelectedRange().load('address');
        await this.counted(context)();
        return splitQualified(range.address);
      });
    } catch (e) {
      // Several areas (Ctrl+click) or a chart selected: Excel has no single range to give.
      if ((e as { code?: unknown } | null)?.code === 'InvalidSelection') {
        throw new WorkbookError(
          'InvalidSelection',
          {
            th: 'เลือกได้ครั้งละหนึ่งช่วงเซลล์ ไม่ใช่หลายช่วงหรือแผนภูมิ ให้เลือกแถวของตัวชี้วัดเป็นช่วงเดียว แล้วลองอีกครั้ง',
            en: 'Select one block of cells, not several or a chart: select the indicator rows as one block, then try again.',
          },
          {},
          'InvalidSelection',
        );
      }
      throw toWorkbookError(e);
    }
  }
}

/** Whether an Office error says it failed at `location` (OfficeExtension.Error.debugInfo.errorLocation). */
function failedAt(error: unknown, location: string): boolean {
  const where = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof where === 'string' && where !== '' && where.includes(location);
}

/** A sheet protected with a password: the add-in cannot lift it, and says so instead of failing without a word. */
function passwordProtected(sheets: readonly string[], cause: unknown): WorkbookError {
  const names = sheets.join(', ');
  const e = new WorkbookError(
    'SheetPasswordProtected',
    {
      th: `ชีต ${names} ถูกป้องกันด้วยรหัสผ่าน Scorebook จึงเขียนลงชีตไม่ได้ และยังไม่ได้เขียนอะไรลงไป ให้ยกเลิกการป้องกันเอง (รีวิว > ยกเลิกการป้องกันแผ่นงาน แล้วใส่รหัสผ่าน) แล้วลองอีกครั้ง จากนั้นป้องกันชีตอีกครั้งหากต้องการ`,
      en: `The sheet ${names} is protected with a password, so Scorebook cannot write to it, and nothing was written. Unprotect it yourself (Review > Unprotect Sheet, then the password), try again, then protect it again if you wish.`,
    },
    { sheet: sheets[0] },
    (cause as { code?: string } | null)?.code,
  );
  e.stack = `${e.stack ?? ''}\nCaused by: ${cause instanceof Error ? cause.message : String(cause)}`;
  return e;
}

/** "'แผน 1'!A7:F9" → { sheet: "แผน 1", address: "A7:F9" } (a quote inside a quoted name is doubled). */
export function splitQualified(qualified: string): { sheet: string; address: string } {
  const bang = qualified.lastIndexOf('!');
  const sheet = qualified.slice(0, bang);
  const unquoted = /^'(.*)'$/.exec(sheet);
  return { sheet: unquoted ? (unquoted[1] as string).replace(/''/g, "'") : sheet, address: qualified.slice(bang + 1).replace(/\$/g, '') };
}

/**
 * The probe's answer, loaded by the read's first sync; when that read had to start again (a response too large),
 * the loads went with the refused sync, and the probe is asked again in a sync of its own.
 */
function probedOrAgain<T>(probe: () => T, again: () => (() => T) | undefined, sync: () => Promise<void>): T | Promise<T> {
  try {
    return probe();
  } catch {
    const queued = again()!;
    return sync().then(queued);
  }
}

/** What a plan's probe asks about (queueProbe): its sheets, tables, names and charts. */
function probeTargets(plan: WritePlan): Set<string> {
  const out = new Set<string>();
  for (const op of plan.ops) {
    if (op.kind === 'chart' || op.kind === 'deleteChart') out.add(`chart\u0000${op.sheet}\u0000${op.name}`);
    if (op.kind === 'table') out.add(`table\u0000${op.name}`);
    else if (op.kind === 'name') out.add(`name\u0000${op.name}`);
    else if ('sheet' in op) out.add(`sheet\u0000${op.sheet}`);
  }
  return out;
}

const covered = (wanted: ReadonlySet<string>, probed: ReadonlySet<string>): boolean => [...wanted].every((t) => probed.has(t));

/** Commands → batches, each below the budget (a command is never split: cell writes come already in pieces). */
export function pack(commands: readonly Command[]): Command[][] {
  const batches: Command[][] = [];
  let current: Command[] = [];
  let bytes = 0;
  for (const c of commands) {
    if (current.length > 0 && bytes + c.bytes > BATCH_BUDGET) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(c);
    bytes += c.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Excel's change type as the port's: an edit of the cells named, or rows and cells moved; unknown says nothing. */
function changeKind(type: string | undefined): { kind?: 'edit' | 'structure' } {
  if (type === 'RangeEdited') return { kind: 'edit' };
  if (type === undefined || type === 'Unknown') return {};
  return { kind: 'structure' };
}

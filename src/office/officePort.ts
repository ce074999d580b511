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
  ApplyProgress, ApplyReport, ChangeEvent, PortCapabilities, ReadRequest, ReadResult, Unsubscribe, WorkbookPort,
} from '../workbook/port';
import { WorkbookError } from '../workbook/port';
import { toWorkbookError } from './errors';
import type { ExcelHost, XlContext } from './excelApi';
import { compilePlan, Queue, queueProbe, type Command } from './planWriter';
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
      return await this.host.run((context) => readRequest(context, request, this.counted(context)));
    } catch (e) {
      throw toWorkbookError(e, { sheet: request.ranges?.[0]?.sheet });
    }
  }

  async apply(plan: WritePlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport> {
    const before = this.syncCount;
    this.writing++;
    let eventsOff = false;
    try {
      await this.host.run(async (context) => {
        const sync = this.counted(context);
        const probe = queueProbe(context, plan);
        context.runtime.enableEvents = false;
        eventsOff = true;
        let probed;
        if (probe) {
          await sync();
          probed = probe();
        }
        const batches = pack(compilePlan(plan, probed, { canCopy: this.capabilities.copyFormulas, pageLayout: this.host.isSetSupported('ExcelApi', '1.9') }));
        const total = (probe ? 1 : 0) + batches.length;
        const queue = new Queue(context);
        const app = context.workbook.application;
        let done = probe ? 1 : 0;
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
          await sync();
          eventsOff = !last;
          onProgress?.({ done: ++done, total });
        }
        if (batches.length === 0) {
          context.runtime.enableEvents = true;
          await sync();
          eventsOff = false;
        }
      });
      return { roundTrips: this.syncCount - before, cellsWritten: cellsInPlan(plan) };
    } catch (e) {
      if (eventsOff) await this.eventsBackOn();
      throw toWorkbookError(e);
    } finally {
      this.writing--;
    }
  }

  private async eventsBackOn(): Promise<void> {
    try {
      await this.host.run(async (context) => {
        context.runtime.enableEvents = true;
        await this.counted(context)();
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
          handler({ sheet, address: args.address, source: args.source === 'Remote' ? 'remote' : 'local' });
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
        throw new WorkbookError('InvalidSelection', {
          th: 'เลือกได้ครั้งละหนึ่งช่วงเซลล์ ไม่ใช่หลายช่วงหรือแผนภูมิ ให้เลือกแถวของตัวชี้วัดเป็นช่วงเดียว แล้วลองอีกครั้ง',
          en: 'Select one block of cells, not several or a chart: select the indicator rows as one block, then try again.',
        }, {}, 'InvalidSelection');
      }
      throw toWorkbookError(e);
    }
  }
}

/** "'แผน 1'!A7:F9" → { sheet: "แผน 1", address: "A7:F9" } (a quote inside a quoted name is doubled). */
export function splitQualified(qualified: string): { sheet: string; address: string } {
  const bang = qualified.lastIndexOf('!');
  const sheet = qualified.slice(0, bang);
  const unquoted = /^'(.*)'$/.exec(sheet);
  return { sheet: unquoted ? (unquoted[1] as string).replace(/''/g, "'") : sheet, address: qualified.slice(bang + 1).replace(/\$/g, '') };
}

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

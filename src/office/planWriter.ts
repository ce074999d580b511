/**
 * A write plan → commands queued on an Excel request context, each with the size it adds to the request, so the
 * caller can pack them into batches below the request budget. Nothing here syncs: it only queues.
 *
 * What exists already (sheets, tables, names, protection) is learnt first by one probe (`queueProbe`), because
 * Office.js cannot branch on the workbook inside a batch.
 */
import { columnLetter, columnNumber, sheetRef } from '../workbook/cells';
import type { CellsOp, LockOp, ProtectOp, ValidationRule, WritePlan } from '../workbook/plan';
import { cellWrites } from './compressCells';
import type { XlContext, XlDataValidation, XlNamedItem, XlProtectionOptions, XlTable, XlWorksheet } from './excelApi';
import { ACTION_OVERHEAD, jsonBytes } from './requestSize';

export interface Command {
  readonly bytes: number;
  /** Cells this command writes (for the report). */
  readonly cells: number;
  queue(q: Queue): void;
}

/** The context and the sheet proxies of one Excel.run, shared by every command. */
export class Queue {
  private readonly sheets = new Map<string, XlWorksheet>();
  constructor(readonly context: XlContext) {}
  sheet(name: string): XlWorksheet {
    let s = this.sheets.get(name);
    if (!s) {
      s = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, s);
    }
    return s;
  }
  /** A sheet added or renamed in this run: later commands must use this proxy. */
  remember(name: string, sheet: XlWorksheet): void {
    this.sheets.set(name, sheet);
  }
}

export interface ProbeResult {
  readonly sheets: ReadonlyMap<string, { readonly exists: boolean; readonly protected: boolean; readonly options?: XlProtectionOptions }>;
  readonly tables: ReadonlyMap<string, { readonly exists: boolean; readonly sheet?: string }>;
  readonly names: ReadonlyMap<string, boolean>;
  /** Charts the plan names, by `chartKey(sheet, name)`: there already (replaced, not duplicated) or not. */
  readonly charts: ReadonlyMap<string, boolean>;
}

const chartKey = (sheet: string, name: string): string => `${sheet}\u0000${name}`;

const CHART_TYPES = { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', line: 'Line' } as const;

/** Queues the loads the plan's decisions need; the returned function reads them after the sync. */
export function queueProbe(context: XlContext, plan: WritePlan): (() => ProbeResult) | undefined {
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  const nameNames = new Set<string>();
  const chartOps = new Map<string, { sheet: string; name: string }>();
  for (const op of plan.ops) {
    if (op.kind === 'chart' || op.kind === 'deleteChart') chartOps.set(chartKey(op.sheet, op.name), { sheet: op.sheet, name: op.name });
    if (op.kind === 'sheet' || op.kind === 'deleteSheet') sheetNames.add(op.sheet);
    else if (op.kind === 'table') tableNames.add(op.name);
    else if (op.kind === 'name') nameNames.add(op.name);
    else if ('sheet' in op) sheetNames.add(op.sheet);
  }
  if (sheetNames.size + tableNames.size + nameNames.size === 0) return undefined;
  const wb = context.workbook;
  const sheets = [...sheetNames].map((n) => {
    const s = wb.worksheets.getItemOrNullObject(n);
    s.load('name');
    // The options too: a sheet whose protection is lifted to write gets the same protection back.
    s.protection.load('protected,options');
    return [n, s] as const;
  });
  const tables = [...tableNames].map((n) => {
    const t = wb.tables.getItemOrNullObject(n);
    t.load('name');
    t.worksheet.load('name');
    return [n, t] as const;
  });
  const names = [...nameNames].map((n) => {
    const item = wb.names.getItemOrNullObject(n);
    item.load('name');
    return [n, item] as const;
  });
  // Navigating from a sheet that is not there gives null objects, so the chart's probe rides in the same sync.
  const charts = [...chartOps].map(([key, c]) => {
    const chart = wb.worksheets.getItemOrNullObject(c.sheet).charts.getItemOrNullObject(c.name);
    chart.load('name');
    return [key, chart] as const;
  });
  return () => ({
    charts: new Map(charts.map(([key, chart]) => [key, !chart.isNullObject])),
    sheets: new Map(
      sheets.map(([n, s]) => {
        const on = !s.isNullObject && s.protection.protected;
        return [n, { exists: !s.isNullObject, protected: on, ...(on ? { options: s.protection.options } : {}) }];
      }),
    ),
    tables: new Map(
      tables.map(([n, t]: readonly [string, XlTable]) => [
        n,
        t.isNullObject ? { exists: false } : { exists: true, sheet: t.worksheet.name },
      ]),
    ),
    names: new Map(names.map(([n, item]: readonly [string, XlNamedItem]) => [n, !item.isNullObject])),
  });
}

export interface CompileOptions {
  /** ExcelApi 1.9: Range.copyFrom. */
  readonly canCopy: boolean;
  /** ExcelApi 1.9: Worksheet.pageLayout and Worksheet.autoFilter; without it a sheet keeps Excel's print defaults and has no filter buttons. */
  readonly pageLayout?: boolean;
}

/** What a compiled plan does to sheet protection, so a failed apply can put it back (officePort.ts). */
export interface ProtectionPlan {
  /** Sheets protected when probed whose protection the plan lifts (first thing in its first batch), with their options. */
  readonly lifted: ReadonlyMap<string, XlProtectionOptions>;
}

export function compilePlan(plan: WritePlan, probe: ProbeResult | undefined, options: CompileOptions): Command[] {
  return compileWithProtection(plan, probe, options).commands;
}

/**
 * Commands in plan order, except protection: a protected sheet the plan writes has its protection lifted before
 * anything else is written (so a password-protected sheet fails before any write), and protection goes on when
 * the plan's writes are done — a `protect` op's own (its ranges and `lock` ops in plan order, then protect()), or
 * else the options the sheet had — so no plan leaves a sheet it found protected unprotected, and every write of
 * the plan lands on an unprotected sheet. All of it in the plan's own batches: no sync of its own.
 */
export function compileWithProtection(
  plan: WritePlan,
  probe: ProbeResult | undefined,
  options: CompileOptions,
): { commands: Command[]; protection: ProtectionPlan } {
  const exists = (sheet: string): boolean => probe?.sheets.get(sheet)?.exists ?? false;
  // Sheets this plan replaces or deletes: tables on them go with them.
  const replaced = new Set(
    plan.ops.flatMap((o) => ((o.kind === 'sheet' && o.ifExists === 'replace') || o.kind === 'deleteSheet' ? [o.sheet] : [])),
  );
  const lifted = new Map<string, XlProtectionOptions>();
  const out: Command[] = [];
  const cmd = (bytes: number, queue: (q: Queue) => void, cells = 0): void => {
    out.push({ bytes: ACTION_OVERHEAD + bytes, cells, queue });
  };
  // A protected sheet refuses writes: its protection is lifted first (see above).
  const writable = (sheet: string): void => {
    if (replaced.has(sheet) || lifted.has(sheet)) return;
    const found = probe?.sheets.get(sheet);
    if (found?.protected) lifted.set(sheet, found.options ?? {});
  };
  const protects = new Map(plan.ops.flatMap((o) => (o.kind === 'protect' ? [[o.sheet, o] as const] : [])));
  // Protection at the end: a sheet protected when probed (and not replaced), or protected by the plan.
  const protectedAtEnd = (sheet: string): boolean =>
    protects.has(sheet) || (!replaced.has(sheet) && (probe?.sheets.get(sheet)?.protected ?? false));
  const locks: (LockOp | ProtectOp)[] = [];
  let temp = 0;

  for (const op of plan.ops) {
    switch (op.kind) {
      case 'sheet': {
        const { sheet } = op;
        if (!exists(sheet)) {
          cmd(sheet.length, (q) => q.remember(sheet, q.context.workbook.worksheets.add(sheet)));
        } else if (op.ifExists === 'replace') {
          // Added before the old one goes, so the workbook never loses its last visible sheet.
          const tempName = `~scorebook${temp++}`;
          cmd(sheet.length * 2, (q) => {
            const fresh = q.context.workbook.worksheets.add(tempName);
            q.sheet(sheet).delete();
            fresh.name = sheet;
            q.remember(sheet, fresh);
          });
        } else {
          writable(sheet);
          if (op.ifExists === 'clear') cmd(0, (q) => q.sheet(sheet).getRange().clear('All'));
        }
        if (op.visibility) {
          const v = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' }[op.visibility];
          cmd(16, (q) => (q.sheet(sheet).visibility = v));
        }
        if (op.tabColor) cmd(16, (q) => (q.sheet(sheet).tabColor = op.tabColor as string));
        break;
      }
      case 'deleteSheet':
        if (exists(op.sheet)) cmd(op.sheet.length, (q) => q.sheet(op.sheet).delete());
        break;
      case 'cells':
        writable(op.sheet);
        out.push(...cellCommands(op, options.canCopy));
        break;
      case 'clear':
        writable(op.sheet);
        cmd(op.address.length, (q) =>
          q
            .sheet(op.sheet)
            .getRange(op.address)
            .clear(op.what === 'all' ? 'All' : 'Contents'),
        );
        break;
      case 'numberFormat': {
        writable(op.sheet);
        const { rows, columns } = size(op.address);
        const row = [Array<string>(columns).fill(op.format)];
        const b = boxOf(op.address);
        if (options.canCopy && rows > 1 && b) {
          // The first row gets the format and Excel copies it down: a column of 20,000 formats costs one row.
          // Copying formats copies all of them, so plans set number formats before any other styling of the range.
          const head = `${columnLetter(b.c0)}${b.r0}:${columnLetter(b.c1)}${b.r0}`;
          const rest = `${columnLetter(b.c0)}${b.r0 + 1}:${columnLetter(b.c1)}${b.r1}`;
          cmd(jsonBytes(row) + head.length + rest.length, (q) => {
            const s = q.sheet(op.sheet);
            s.getRange(head).numberFormat = row;
            s.getRange(rest).copyFrom(head, 'Formats');
          });
        } else {
          const grid = Array.from({ length: rows }, () => row[0] as string[]);
          cmd(jsonBytes(grid), (q) => (q.sheet(op.sheet).getRange(op.address).numberFormat = grid));
        }
        break;
      }
      case 'style':
        writable(op.sheet);
        cmd(jsonBytes(op), (q) => {
          const f = q.sheet(op.sheet).getRange(op.address).format;
          if (op.bold !== undefined) f.font.bold = op.bold;
          if (op.italic !== undefined) f.font.italic = op.italic;
          if (op.fontName !== undefined) f.font.name = op.fontName;
          if (op.fontSize !== undefined) f.font.size = op.fontSize;
          if (op.fontColor !== undefined) f.font.color = op.fontColor;
          if (op.fill === 'none') f.fill.clear();
          else if (op.fill !== undefined) f.fill.color = op.fill;
          if (op.wrap !== undefined) f.wrapText = op.wrap;
          if (op.horizontal !== undefined) f.horizontalAlignment = { left: 'Left', center: 'Center', right: 'Right' }[op.horizontal];
          if (op.vertical !== undefined) f.verticalAlignment = { top: 'Top', center: 'Center', bottom: 'Bottom' }[op.vertical];
        });
        break;
      case 'validation':
        writable(op.sheet);
        cmd(jsonBytes(op), (q) => {
          const dv = q.sheet(op.sheet).getRange(op.address).dataValidation;
          // Excel refuses a rule over a range that already has one.
          dv.clear();
          dv.rule = validationRule(op.rule);
          if (op.prompt) dv.prompt = { showPrompt: true, title: op.prompt.title, message: op.prompt.message };
          if (op.error) {
            const style = { stop: 'Stop', warning: 'Warning', information: 'Information' }[op.error.style];
            dv.errorAlert = { showAlert: true, style, title: op.error.title, message: op.error.message };
          }
        });
        break;
      case 'conditionalFormat':
        writable(op.sheet);
        cmd(jsonBytes(op), (q) => {
          const cf = q.sheet(op.sheet).getRange(op.address).conditionalFormats.add('Custom');
          cf.custom.rule.formula = `=${op.formula}`;
          if (op.fill) cf.custom.format.fill.color = op.fill;
          if (op.fontColor) cf.custom.format.font.color = op.fontColor;
        });
        break;
      case 'table': {
        writable(op.sheet);
        const old = probe?.tables.get(op.name);
        if (old?.exists && !(old.sheet !== undefined && replaced.has(old.sheet))) {
          cmd(op.name.length, (q) => q.context.workbook.tables.getItemOrNullObject(op.name).delete());
        }
        cmd(jsonBytes(op), (q) => {
          const table = q.context.workbook.tables.add(`${sheetRef(op.sheet)}!${op.address}`, true);
          table.name = op.name;
          if (op.style) table.style = op.style;
        });
        break;
      }
      case 'name':
        if (probe?.names.get(op.name)) cmd(op.name.length, (q) => q.context.workbook.names.getItemOrNullObject(op.name).delete());
        cmd(jsonBytes(op), (q) => q.context.workbook.names.add(op.name, `=${op.ref}`, op.comment));
        break;
      case 'columns':
        writable(op.sheet);
        cmd(jsonBytes(op), (q) => {
          const r = q.sheet(op.sheet).getRange(op.columns);
          if (op.width !== undefined) r.format.columnWidth = op.width;
          if (op.hidden !== undefined) r.columnHidden = op.hidden;
        });
        break;
      case 'insertColumns':
        writable(op.sheet);
        // Excel moves what is right of the column, and adjusts references, names, formats and tables with it.
        cmd(op.columns.length, (q) => void q.sheet(op.sheet).getRange(op.columns).insert('Right'));
        break;
      case 'insertRows':
        writable(op.sheet);
        cmd(op.rows.length, (q) => void q.sheet(op.sheet).getRange(op.rows).insert('Down'));
        break;
      case 'freeze':
        cmd(32, (q) => {
          const panes = q.sheet(op.sheet).freezePanes;
          panes.unfreeze();
          if (op.rows > 0 || op.columns > 0) panes.freezeAt(frozenRange(op.rows, op.columns));
        });
        break;
      case 'protect':
        writable(op.sheet);
        locks.push(op);
        break;
      case 'lock':
        if (!protectedAtEnd(op.sheet)) break;
        writable(op.sheet);
        locks.push(op);
        break;
      case 'pageLayout':
        // Properties on proxies, queued in the plan's batch like any write: no load, no sync of its own.
        if (options.pageLayout) {
          cmd(jsonBytes(op), (q) => {
            const p = q.sheet(op.sheet).pageLayout;
            p.paperSize = op.paper;
            p.orientation = op.orientation === 'landscape' ? 'Landscape' : 'Portrait';
            // Pages tall left to Excel: as many as the rows take.
            p.zoom = { horizontalFitToPages: op.fitToWidth };
            if (op.printArea) p.setPrintArea(op.printArea);
            if (op.titleRows) p.setPrintTitleRows(`$${op.titleRows.replace(':', ':$')}`);
            if (op.footer !== undefined) p.headersFooters.defaultForAllPages.centerFooter = op.footer;
          });
        }
        break;
      case 'autofitRows':
        writable(op.sheet);
        cmd(op.rows.length, (q) => q.sheet(op.sheet).getRange(op.rows).format.autofitRows());
        break;
      case 'autoFilter':
        writable(op.sheet);
        if (options.pageLayout) cmd(op.address.length, (q) => q.sheet(op.sheet).autoFilter.apply(op.address));
        break;
      case 'chart': {
        writable(op.sheet);
        // A chart of that name already there goes first (a sheet replaced takes its charts with it).
        if (probe?.charts.get(chartKey(op.sheet, op.name)) && !replaced.has(op.sheet))
          cmd(op.name.length, (q) => q.sheet(op.sheet).charts.getItemOrNullObject(op.name).delete());
        cmd(jsonBytes(op), (q) => {
          const s = q.sheet(op.sheet);
          const chart = s.charts.add(CHART_TYPES[op.type], s.getRange(op.source), op.seriesBy === 'columns' ? 'Columns' : 'Rows');
          chart.name = op.name;
          chart.title.text = op.title;
          chart.setPosition(op.from, op.to);
        });
        break;
      }
      case 'deleteChart':
        if (probe?.charts.get(chartKey(op.sheet, op.name)) && !replaced.has(op.sheet)) {
          writable(op.sheet);
          cmd(op.name.length, (q) => q.sheet(op.sheet).charts.getItemOrNullObject(op.name).delete());
        }
        break;
      case 'select':
        cmd(op.address.length, (q) => {
          const s = q.sheet(op.sheet);
          s.activate();
          s.getRange(op.address).select();
        });
        break;
    }
  }
  const lockCommands = lockWrites(locks, options.canCopy);
  const protectCommands: Command[] = [];
  for (const [sheet, op] of protects) {
    const chosen = protectionOptionsOf(op);
    protectCommands.push({ bytes: ACTION_OVERHEAD + jsonBytes(chosen), cells: 0, queue: (q) => q.sheet(sheet).protection.protect(chosen) });
  }
  for (const [sheet, was] of lifted) {
    if (protects.has(sheet)) continue;
    protectCommands.push({ bytes: ACTION_OVERHEAD + jsonBytes(was), cells: 0, queue: (q) => q.sheet(sheet).protection.protect(was) });
  }
  const unprotectCommands = [...lifted.keys()].map((sheet): Command => ({
    bytes: ACTION_OVERHEAD,
    cells: 0,
    queue: (q) => q.sheet(sheet).protection.unprotect(),
  }));
  return { commands: [...unprotectCommands, ...out, ...lockCommands, ...protectCommands], protection: { lifted } };
}

/** A protect op's options, without its ranges (what `protect()` takes). */
function protectionOptionsOf(op: ProtectOp): XlProtectionOptions {
  const keys = Object.keys(op).filter((k) => k.startsWith('allow') || k === 'selectionMode') as (keyof ProtectOp)[];
  return Object.fromEntries(keys.map((k) => [k, op[k]])) as XlProtectionOptions;
}

/** Longest multi-area address sent in one `getRanges` (about a hundred areas). */
const AREAS_ADDRESS = 1_000;

/**
 * Lock and unlock commands in plan order. With ExcelApi 1.9 consecutive ranges of one sheet and one state go as
 * one multi-area `getRanges(…)` of at most AREAS_ADDRESS characters: a 20,000-row sheet of mixed kinds has
 * thousands of runs, which one action each would turn into a batch of their own.
 */
function lockWrites(locks: readonly (LockOp | ProtectOp)[], canAreas: boolean): Command[] {
  const flat = locks.flatMap((op) =>
    op.kind === 'lock'
      ? [{ sheet: op.sheet, address: op.address, locked: op.locked }]
      : [
          ...op.unlocked.map((address) => ({ sheet: op.sheet, address, locked: false })),
          ...(op.locked ?? []).map((address) => ({ sheet: op.sheet, address, locked: true })),
        ],
  );
  const out: Command[] = [];
  let i = 0;
  while (i < flat.length) {
    const { sheet, locked } = flat[i] as (typeof flat)[number];
    const areas: string[] = [];
    let length = 0;
    while (
      i < flat.length &&
      flat[i]!.sheet === sheet &&
      flat[i]!.locked === locked &&
      (areas.length === 0 || (canAreas && length + flat[i]!.address.length < AREAS_ADDRESS))
    ) {
      areas.push(flat[i]!.address);
      length += flat[i]!.address.length + 1;
      i++;
    }
    const address = areas.join(',');
    out.push({
      bytes: ACTION_OVERHEAD + address.length + 8,
      cells: 0,
      queue:
        areas.length === 1
          ? (q) => (q.sheet(sheet).getRange(address).format.protection.locked = locked)
          : (q) => (q.sheet(sheet).getRanges(address).format.protection.locked = locked),
    });
  }
  return out;
}

function cellCommands(op: CellsOp, canCopy: boolean): Command[] {
  return cellWrites(op, canCopy).map((w): Command =>
    w.kind === 'write'
      ? {
          bytes: w.bytes,
          cells: w.formulas.length * (w.formulas[0]?.length ?? 0),
          queue: (q) => (q.sheet(op.sheet).getRange(w.address).formulas = w.formulas),
        }
      : {
          bytes: w.bytes,
          cells: size(w.target).rows * size(w.target).columns,
          queue: (q) => q.sheet(op.sheet).getRange(w.target).copyFrom(w.source, 'Formulas'),
        },
  );
}

function validationRule(rule: ValidationRule): XlDataValidation['rule'] {
  switch (rule.type) {
    case 'decimal':
    case 'wholeNumber': {
      const basic = bounds(rule.min, rule.max);
      return rule.type === 'decimal' ? { decimal: basic } : { wholeNumber: basic };
    }
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
    case 'custom':
      return { custom: { formula: `=${rule.formula}` } };
  }
}

function bounds(min: number | undefined, max: number | undefined): { formula1: unknown; formula2?: unknown; operator: string } {
  if (min !== undefined && max !== undefined) return { formula1: min, formula2: max, operator: 'Between' };
  if (min !== undefined) return { formula1: min, operator: 'GreaterThanOrEqualTo' };
  if (max !== undefined) return { formula1: max, operator: 'LessThanOrEqualTo' };
  // Any number: Excel has no "is a number" rule, so a range wide enough for every result.
  return { formula1: -1e15, formula2: 1e15, operator: 'Between' };
}

/** The top-left block that stays in view: "1:4" (rows), "A:B" (columns) or "A1:B4". */
function frozenRange(rows: number, columns: number): string {
  if (columns <= 0) return `1:${rows}`;
  if (rows <= 0) return `A:${columnLetter(columns)}`;
  return `A1:${columnLetter(columns)}${rows}`;
}

/** The corners of "A5:C9" or "B2" (undefined for whole rows or columns). */
function boxOf(address: string): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address);
  if (!m) return undefined;
  const c0 = columnNumber(m[1] as string);
  const r0 = Number(m[2]);
  return { r0, c0, r1: m[4] ? Number(m[4]) : r0, c1: m[3] ? columnNumber(m[3]) : c0 };
}

/** Rows and columns of "A5:C9", "F:F" (whole columns count as one row here: only formats use them) or "B2". */
export function size(address: string): { rows: number; columns: number } {
  const [a, b = a] = address.split(':') as [string, string?];
  const cell = (x: string): { row: number; column: number } => {
    const m = /^\$?([A-Za-z]+)\$?(\d*)$/.exec(x);
    return { column: m ? columnNumber(m[1] as string) : 1, row: m && m[2] ? Number(m[2]) : 1 };
  };
  const p = cell(a);
  const q = cell(b as string);
  return { rows: Math.abs(q.row - p.row) + 1, columns: Math.abs(q.column - p.column) + 1 };
}

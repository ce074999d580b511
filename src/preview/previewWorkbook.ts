/**
 * The browser preview's workbook: HyperFormula (a real formula engine) under the same workbook port the Office
 * adapter implements (src/workbook/port.ts), so the task pane runs unchanged in any browser. It keeps what Excel
 * would keep beside the formulas — number formats, styles, hidden columns, conditional marks, names, tables — as
 * far as the grid needs them to look like the sheet the add-in writes in Excel.
 *
 * HyperFormula is GPL-3.0: this folder is a development tool, served by the dev server only, never bundled into the
 * production add-in.
 */
import {
  DetailedCellError,
  ExportedCellChange,
  HyperFormula,
  type ExportedChange,
  type RawCellContent,
  type SimpleCellRange,
} from 'hyperformula';
import {
  BINDING_SHEET,
  cellAddress,
  isCellError,
  isFormula,
  parseAddress,
  readBindingRows,
  type BindingRead,
  type BindingRecord,
  type CellContent,
  type CellValue,
} from '../workbook';
import { bindingOps } from '../workbook/bindingPlan';
import { shiftColumnsFrom } from '../workbook/formulaShift';
import type { ChartOp, PageLayoutOp, Visibility, WriteOp, WritePlan } from '../workbook/plan';
import {
  WorkbookError,
  type ApplyProgress,
  type ApplyReport,
  type ChangeEvent,
  type PortCapabilities,
  type RangeGrid,
  type RangeRequest,
  type ReadRequest,
  type ReadResult,
  type TableGrid,
  type Unsubscribe,
  type WorkbookPort,
} from '../workbook/port';
import { interpretTyped } from './typing';

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fill?: string;
  readonly fontColor?: string;
  readonly fontSize?: number;
  readonly wrap?: boolean;
  readonly horizontal?: 'left' | 'center' | 'right';
}

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

interface SheetExtras {
  visibility: Visibility;
  /** Number formats and styles as ranges, in the order written: a later one wins, as in Excel. */
  formats: { box: Box; format: string }[];
  styles: { box: Box; style: CellStyle }[];
  marks: { box: Box; formula: string; style: CellStyle }[];
  hiddenColumns: Set<number>;
  widths: Map<number, number>;
  frozen: { rows: number; columns: number };
  /** How the sheet prints (A4, orientation, fit, title rows, print area, footer), as a plan set it. */
  pageLayout?: PageLayoutOp;
  /** Charts by name, in the order added; drawn by the grid from their source cells (ChartView.tsx). */
  charts: ChartOp[];
  autoFilter?: string;
  /** Merged areas (a person's, or a pasted table's): the preview keeps and reports them, its grid does not draw them. */
  merges: Box[];
}

export interface Selection {
  readonly sheet: string;
  readonly address: string;
}

/** Style cache keys: row × CACHE_ROW + column (Excel has 16,384 columns). */
const CACHE_ROW = 32_768;

/** An Excel error typed or written into a cell, made by a formula that yields it. */
const ERROR_FORMULAS: Record<string, string> = {
  '#N/A': '=NA()',
  '#DIV/0!': '=1/0',
  '#VALUE!': '=VALUE("x")',
  '#NUM!': '=SQRT(-1)',
  '#REF!': '=#REF!',
};

/** A string written by a plan is always text: the apostrophe keeps HyperFormula from reading "85%" as 0.85. */
function toEngine(content: CellContent): RawCellContent {
  if (content === null) return null;
  if (isFormula(content)) return `=${content.formula}`;
  if (isCellError(content)) return ERROR_FORMULAS[content.error] ?? '=NA()';
  if (typeof content === 'string') return content === '' ? null : `'${content}`;
  return content;
}

function fromEngine(v: unknown): CellValue {
  if (v instanceof DetailedCellError) return { error: v.value };
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** "F5:F104", "F5", "A:C" (whole columns) → a 1-based box. */
export function parseBox(address: string): Box {
  const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(address);
  if (cols) {
    const a = parseAddress(`${cols[1]}1`).column;
    const b = parseAddress(`${cols[2]}1`).column;
    return { top: 1, bottom: Number.MAX_SAFE_INTEGER, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const [from, to = from] = address.split(':') as [string, string?];
  const a = parseAddress(from);
  const b = parseAddress(to);
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

function inBox(b: Box, row: number, column: number): boolean {
  return row >= b.top && row <= b.bottom && column >= b.left && column <= b.right;
}

/** Moves the relative references of a conditional-format formula from the range's top-left cell to another cell. */
function shiftFormula(formula: string, rows: number, columns: number): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g, (_m, dc: string, col: string, dr: string, row: string) => {
    const c = dc ? col : columnLetterOf(parseAddress(`${col}1`).column + columns);
    const r = dr ? row : String(Number(row) + rows);
    return `${dc}${c}${dr}${r}`;
  });
}

function columnLetterOf(column: number): string {
  return cellAddress(1, column).replace(/\d+$/, '');
}

export class PreviewWorkbook implements WorkbookPort {
  readonly capabilities: PortCapabilities = { host: 'preview', copyFormulas: false, suspendScreen: false };
  private readonly hf: HyperFormula;
  private readonly extras = new Map<string, SheetExtras>();
  private readonly tables = new Map<string, { sheet: string; address: string }>();
  private readonly changeHandlers = new Map<string, Set<(change: ChangeEvent) => void>>();
  private readonly viewListeners = new Set<() => void>();
  private selection: Selection | undefined;
  private version = 0;
  /**
   * Each drawn cell's style, conditional marks evaluated, by sheet and cell. A mark is a formula HyperFormula parses
   * on every call: 60 rows in view of a 1,000-row KPI sheet cost ~40 ms a redraw, in the middle of edit → summary.
   * Kept until a change can alter it (forgetStyles): an edit forgets only the rows whose values changed.
   */
  private readonly styleCache = new Map<string, Map<number, CellStyle>>();

  /**
   * `exact`: IEEE comparisons and values as computed, for tests that compare the sheet with the domain to 1e-9 on
   * generated numbers; by default HyperFormula fuzzes comparisons near equality and rounds what it shows, as Excel does.
   */
  constructor(options: { readonly exact?: boolean } = {}) {
    this.hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      useStats: false,
      ...(options.exact ? { precisionEpsilon: 0, smartRounding: false } : {}),
    });
    this.ensureSheet('Sheet1');
  }

  // ---- the port ------------------------------------------------------------------------------------------

  async read(request: ReadRequest): Promise<ReadResult> {
    const ranges = (request.ranges ?? []).map((r) => this.readRange(r));
    const tables = (request.tables ?? []).map((t): TableGrid | undefined => {
      const table = this.tables.get(t.table);
      if (!table) return undefined;
      const grid = this.readRange({ sheet: table.sheet, address: table.address, formulas: t.formulas, numberFormats: t.numberFormats });
      return grid ? { ...grid, table: t.table } : undefined;
    });
    return request.binding ? { ranges, tables, binding: await this.readBinding() } : { ranges, tables };
  }

  async apply(plan: WritePlan, onProgress?: (progress: ApplyProgress) => void): Promise<ApplyReport> {
    let cellsWritten = 0;
    const total = plan.ops.length;
    // Evaluation waits until every cell is in: formulas may refer to cells and names written later in the plan.
    this.hf.suspendEvaluation();
    try {
      plan.ops.forEach((op, i) => {
        cellsWritten += this.applyOp(op);
        onProgress?.({ done: i + 1, total });
      });
    } catch (e) {
      throw e instanceof WorkbookError ? e : this.failure(plan.title, e);
    } finally {
      this.hf.resumeEvaluation();
      // A plan may change styles, marks and names as well as cells: every cached style goes.
      this.styleCache.clear();
      this.changed();
    }
    return { roundTrips: 1, cellsWritten };
  }

  async readBinding(): Promise<BindingRead | undefined> {
    const grid = this.readRange({ sheet: BINDING_SHEET });
    return grid ? readBindingRows(grid.values) : undefined;
  }

  async writeBinding(record: BindingRecord): Promise<void> {
    await this.apply({ title: 'write binding', ops: bindingOps(record) });
  }

  async onChange(sheet: string, handler: (change: ChangeEvent) => void): Promise<Unsubscribe> {
    const set = this.changeHandlers.get(sheet) ?? new Set();
    set.add(handler);
    this.changeHandlers.set(sheet, set);
    return async () => {
      set.delete(handler);
    };
  }

  async select(sheet: string, address: string): Promise<void> {
    if (!this.hf.doesSheetExist(sheet)) {
      throw new WorkbookError(
        'sheet-missing',
        {
          th: `ไม่มีชีต ${sheet} ในสมุดงาน ตรวจว่าชีตไม่ได้ถูกลบหรือเปลี่ยนชื่อ แล้วผูกชีตใหม่`,
          en: `there is no sheet ${sheet} in the workbook; check it was not deleted or renamed, then bind the sheet again`,
        },
        { sheet, address },
      );
    }
    this.selection = { sheet, address: address.replace(/\$/g, '') };
    this.changed();
  }

  /** Like Excel, there is always a selection: A1 of the first visible sheet until a cell is selected. */
  async selectedRange(): Promise<Selection> {
    return this.selection ?? { sheet: this.visibleSheets()[0] ?? 'Sheet1', address: 'A1' };
  }

  // ---- what the grid needs --------------------------------------------------------------------------------

  /** What a person types into a cell, kept as typed (see typing.ts); reported to change handlers like Excel does. */
  type(sheet: string, address: string, typed: string): void {
    const id = this.sheetId(sheet);
    const { row, column } = parseAddress(address);
    const t = interpretTyped(typed);
    const content: RawCellContent =
      t.kind === 'blank' ? null : t.kind === 'formula' ? `=${t.formula}` : t.kind === 'text' ? `'${t.value}` : t.value;
    this.forgetStyles(this.hf.setCellContents({ sheet: id, row: row - 1, col: column - 1 }, content));
    this.changed();
    for (const handler of this.changeHandlers.get(sheet) ?? []) handler({ sheet, address, source: 'local' });
  }

  /** Sheets a person sees as tabs (very hidden ones, like the binding record, are not listed, as in Excel). */
  visibleSheets(): string[] {
    return this.hf.getSheetNames().filter((name) => this.extras.get(name)?.visibility === 'visible');
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  dimensions(sheet: string): { rows: number; columns: number } {
    const d = this.hf.getSheetDimensions(this.sheetId(sheet));
    return { rows: d.height, columns: d.width };
  }

  value(sheet: string, row: number, column: number): CellValue {
    return fromEngine(this.hf.getCellValue({ sheet: this.sheetId(sheet), row: row - 1, col: column - 1 }));
  }

  /** What the edit box shows: the formula, or the value as typed. */
  editText(sheet: string, row: number, column: number): string {
    const address = { sheet: this.sheetId(sheet), row: row - 1, col: column - 1 };
    const formula = this.hf.getCellFormula(address);
    if (formula !== undefined) return formula;
    const v = fromEngine(this.hf.getCellValue(address));
    return v === null ? '' : isCellError(v) ? v.error : String(v);
  }

  numberFormat(sheet: string, row: number, column: number): string | undefined {
    const x = this.extras.get(sheet);
    if (!x) return undefined;
    for (let i = x.formats.length - 1; i >= 0; i--) {
      const f = x.formats[i] as { box: Box; format: string };
      if (inBox(f.box, row, column)) return f.format;
    }
    return undefined;
  }

  style(sheet: string, row: number, column: number): CellStyle {
    let cache = this.styleCache.get(sheet);
    if (!cache) {
      cache = new Map();
      this.styleCache.set(sheet, cache);
    }
    const key = row * CACHE_ROW + column;
    const hit = cache.get(key);
    if (hit) return hit;
    const style = this.computeStyle(sheet, row, column);
    cache.set(key, style);
    return style;
  }

  private computeStyle(sheet: string, row: number, column: number): CellStyle {
    const x = this.extras.get(sheet);
    if (!x) return {};
    let style: CellStyle = {};
    for (const s of x.styles)
      if (inBox(s.box, row, column)) style = s.style.fill === 'none' ? { ...style, ...s.style, fill: undefined } : { ...style, ...s.style };
    for (const m of x.marks) {
      if (!inBox(m.box, row, column)) continue;
      const formula = `=${shiftFormula(m.formula, row - m.box.top, column - m.box.left)}`;
      if (this.hf.calculateFormula(formula, this.sheetId(sheet)) === true) style = { ...style, ...m.style };
    }
    return style;
  }

  isColumnHidden(sheet: string, column: number): boolean {
    return this.extras.get(sheet)?.hiddenColumns.has(column) ?? false;
  }

  columnWidth(sheet: string, column: number): number | undefined {
    return this.extras.get(sheet)?.widths.get(column);
  }

  frozen(sheet: string): { rows: number; columns: number } {
    return this.extras.get(sheet)?.frozen ?? { rows: 0, columns: 0 };
  }

  /** The sheet's charts, as plans placed them (the grid draws them from their source cells). */
  charts(sheet: string): readonly ChartOp[] {
    return this.extras.get(sheet)?.charts ?? [];
  }

  /** The AutoFilter's range on the sheet, if any. */
  autoFilter(sheet: string): string | undefined {
    return this.extras.get(sheet)?.autoFilter;
  }

  /** The sheet's print settings, as the last plan set them (the browser grid does not print). */
  pageLayout(sheet: string): PageLayoutOp | undefined {
    return this.extras.get(sheet)?.pageLayout;
  }

  currentSelection(): Selection | undefined {
    return this.selection;
  }

  /** A counter that moves on every change, for the grid's re-render. */
  currentVersion(): number {
    return this.version;
  }

  subscribe(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  /** Evaluates a formula in a sheet's context (the e2e test reads ScorebookTotal with it). */
  evaluate(formula: string, sheet: string): CellValue {
    const v = this.hf.calculateFormula(formula.startsWith('=') ? formula : `=${formula}`, this.sheetId(sheet));
    return Array.isArray(v) ? fromEngine(v[0]?.[0]) : fromEngine(v);
  }

  // ---- inside ---------------------------------------------------------------------------------------------

  /**
   * After a typed edit: HyperFormula lists every cell whose value changed (the edited one and its dependents). A
   * mark refers to its own row (relative references; names and absolute rows are the settings' constants), so a
   * sheet forgets the rows that changed — unless one of its marks refers to another row, or a change is on another
   * sheet (a name may point there): then it forgets all.
   */
  private forgetStyles(changes: readonly ExportedChange[]): void {
    const rows = new Map<string, Set<number>>();
    for (const c of changes) {
      if (!(c instanceof ExportedCellChange)) {
        // A name whose value moved (ScorebookTotal after every edit) matters only to a sheet whose marks use it.
        for (const [sheet, cache] of this.styleCache) {
          if ((this.extras.get(sheet)?.marks ?? []).some((m) => m.formula.includes(c.name))) cache.clear();
        }
        continue;
      }
      const name = this.hf.getSheetName(c.address.sheet) ?? '';
      const set = rows.get(name) ?? new Set<number>();
      set.add(c.address.row + 1);
      rows.set(name, set);
    }
    for (const [sheet, cache] of this.styleCache) {
      const changed = rows.get(sheet);
      const elsewhere = [...rows.keys()].some((s) => s !== sheet);
      if (elsewhere || (changed && !this.marksStayInRow(sheet))) {
        cache.clear();
        continue;
      }
      if (!changed) continue;
      for (const key of [...cache.keys()]) if (changed.has(Math.floor(key / CACHE_ROW))) cache.delete(key);
    }
  }

  /** Every mark of the sheet refers only to cells of its own row (relative row references, no absolute rows). */
  private marksStayInRow(sheet: string): boolean {
    const marks = this.extras.get(sheet)?.marks ?? [];
    return marks.every((m) => {
      for (const ref of m.formula.matchAll(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g)) {
        if (ref[3] === '$' || Number(ref[4]) !== m.box.top) return false;
      }
      return !m.formula.includes('!');
    });
  }

  private changed(): void {
    this.version++;
    for (const l of this.viewListeners) l();
  }

  private sheetId(sheet: string): number {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) {
      throw new WorkbookError(
        'sheet-missing',
        {
          th: `ไม่มีชีต ${sheet} ในสมุดงาน ตรวจว่าชีตไม่ได้ถูกลบหรือเปลี่ยนชื่อ`,
          en: `there is no sheet ${sheet} in the workbook; check it was not deleted or renamed`,
        },
        { sheet },
      );
    }
    return id;
  }

  private ensureSheet(sheet: string, visibility: Visibility = 'visible'): void {
    if (!this.hf.doesSheetExist(sheet)) this.hf.addSheet(sheet);
    if (!this.extras.has(sheet)) {
      this.extras.set(sheet, {
        visibility,
        formats: [],
        styles: [],
        marks: [],
        hiddenColumns: new Set(),
        widths: new Map(),
        frozen: { rows: 0, columns: 0 },
        charts: [],
        merges: [],
      });
    }
    (this.extras.get(sheet) as SheetExtras).visibility = visibility;
  }

  private resetExtras(sheet: string, visibility: Visibility): void {
    this.extras.delete(sheet);
    for (const [name, t] of this.tables) if (t.sheet === sheet) this.tables.delete(name);
    this.ensureSheet(sheet, visibility);
  }

  private extrasOf(sheet: string): SheetExtras {
    this.sheetId(sheet);
    return this.extras.get(sheet) as SheetExtras;
  }

  private readRange(r: RangeRequest): RangeGrid | undefined {
    const id = this.hf.getSheetId(r.sheet);
    if (id === undefined) return undefined;
    let box: Box;
    if (r.address) {
      box = parseBox(r.address);
    } else {
      const d = this.hf.getSheetDimensions(id);
      if (d.width === 0 || d.height === 0) return undefined;
      box = { top: 1, left: 1, bottom: d.height, right: d.width };
    }
    const range: SimpleCellRange = {
      start: { sheet: id, row: box.top - 1, col: box.left - 1 },
      end: { sheet: id, row: box.bottom - 1, col: box.right - 1 },
    };
    const values = this.hf.getRangeValues(range).map((row) => row.map(fromEngine));
    const rowCount = box.bottom - box.top + 1;
    const columnCount = box.right - box.left + 1;
    const topLeft = cellAddress(box.top, box.left);
    const grid: RangeGrid = {
      sheet: r.sheet,
      topLeft,
      values,
      rowCount,
      columnCount,
      address: `${topLeft}:${cellAddress(box.bottom, box.right)}`,
    };
    const formulas = r.formulas
      ? this.hf.getRangeFormulas(range).map((row) => row.map((f) => (f === undefined ? null : f.replace(/^=/, ''))))
      : undefined;
    const numberFormats = r.numberFormats
      ? values.map((row, i) => row.map((_, j) => this.numberFormat(r.sheet, box.top + i, box.left + j) ?? 'General'))
      : undefined;
    const merges = r.merges
      ? this.extrasOf(r.sheet)
          .merges.filter((m) => m.top <= box.bottom && m.bottom >= box.top && m.left <= box.right && m.right >= box.left)
          .map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`)
      : undefined;
    return { ...grid, ...(formulas ? { formulas } : {}), ...(numberFormats ? { numberFormats } : {}), ...(merges ? { merges } : {}) };
  }

  /** Merges `address` of `sheet` as a person would (Home › Merge): the value stays in the top-left cell. */
  merge(sheet: string, address: string): void {
    this.extrasOf(sheet).merges.push(parseBox(address));
  }

  /** One op; returns the cells written. */
  private applyOp(op: WriteOp): number {
    switch (op.kind) {
      case 'sheet': {
        const exists = this.hf.doesSheetExist(op.sheet);
        const visibility = op.visibility ?? 'visible';
        if (exists && op.ifExists === 'replace') {
          this.hf.clearSheet(this.sheetId(op.sheet));
          this.resetExtras(op.sheet, visibility);
        } else if (exists && op.ifExists === 'clear') {
          this.hf.clearSheet(this.sheetId(op.sheet));
          this.ensureSheet(op.sheet, visibility);
          // As Excel's clear of every cell: contents and formats go; charts (shapes over the cells) stay.
          const x = this.extrasOf(op.sheet);
          x.styles = [];
          x.formats = [];
          x.marks = [];
        } else {
          this.ensureSheet(op.sheet, exists ? (this.extras.get(op.sheet)?.visibility ?? visibility) : visibility);
          if (op.visibility) this.extrasOf(op.sheet).visibility = op.visibility;
        }
        // The first sheet of a new workbook is empty and unbound: once a real sheet exists it goes, as a person would.
        if (op.sheet !== 'Sheet1' && this.hf.doesSheetExist('Sheet1') && this.isBlankSheet('Sheet1')) this.removeSheet('Sheet1');
        return 0;
      }
      case 'deleteSheet':
        if (this.hf.doesSheetExist(op.sheet)) this.removeSheet(op.sheet);
        return 0;
      case 'cells': {
        const { row, column } = parseAddress(op.topLeft);
        const contents = op.contents.map((r) => r.map(toEngine));
        this.hf.setCellContents({ sheet: this.sheetId(op.sheet), row: row - 1, col: column - 1 }, contents);
        return op.contents.reduce((n, r) => n + r.length, 0);
      }
      case 'clear': {
        const box = parseBox(op.address);
        const d = this.hf.getSheetDimensions(this.sheetId(op.sheet));
        const bottom = Math.min(box.bottom, Math.max(d.height, box.top));
        const right = Math.min(box.right, Math.max(d.width, box.left));
        const blank = Array.from({ length: bottom - box.top + 1 }, () => Array<RawCellContent>(right - box.left + 1).fill(null));
        this.hf.setCellContents({ sheet: this.sheetId(op.sheet), row: box.top - 1, col: box.left - 1 }, blank);
        if (op.what === 'all') {
          const x = this.extrasOf(op.sheet);
          x.styles = x.styles.filter((s) => !overlaps(s.box, box));
          x.formats = x.formats.filter((s) => !overlaps(s.box, box));
          x.marks = x.marks.filter((s) => !overlaps(s.box, box));
        }
        return 0;
      }
      case 'numberFormat':
        this.extrasOf(op.sheet).formats.push({ box: parseBox(op.address), format: op.format });
        return 0;
      case 'style': {
        const style: CellStyle = {
          bold: op.bold,
          italic: op.italic,
          fill: op.fill,
          fontColor: op.fontColor,
          fontSize: op.fontSize,
          wrap: op.wrap,
          horizontal: op.horizontal,
        };
        const defined = Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as CellStyle;
        this.extrasOf(op.sheet).styles.push({ box: parseBox(op.address), style: defined });
        return 0;
      }
      case 'conditionalFormat':
        this.extrasOf(op.sheet).marks.push({
          box: parseBox(op.address),
          formula: op.formula,
          style: { fill: op.fill, fontColor: op.fontColor },
        });
        return 0;
      case 'table':
        this.tables.set(op.name, { sheet: op.sheet, address: op.address });
        return 0;
      case 'name': {
        const expression = `=${op.ref}`;
        if (this.hf.getNamedExpression(op.name) !== undefined) this.hf.changeNamedExpression(op.name, expression);
        else this.hf.addNamedExpression(op.name, expression);
        return 0;
      }
      case 'columns': {
        const box = parseBox(op.columns);
        const x = this.extrasOf(op.sheet);
        for (let c = box.left; c <= box.right; c++) {
          if (op.hidden === true) x.hiddenColumns.add(c);
          if (op.hidden === false) x.hiddenColumns.delete(c);
          if (op.width !== undefined) x.widths.set(c, op.width);
        }
        return 0;
      }
      case 'insertColumns': {
        const at = parseBox(op.columns);
        const n = at.right - at.left + 1;
        // HyperFormula moves the cells and adjusts every reference and name; what it does not hold moves here.
        this.hf.addColumns(this.sheetId(op.sheet), [at.left - 1, n]);
        const x = this.extrasOf(op.sheet);
        const move = (b: Box): Box => ({
          ...b,
          left: b.left >= at.left ? b.left + n : b.left,
          right: b.right >= at.left ? b.right + n : b.right,
        });
        for (const list of [x.formats, x.styles, x.marks]) for (const item of list) item.box = move(item.box);
        for (const mark of x.marks) mark.formula = shiftColumnsFrom(mark.formula, at.left, n);
        x.hiddenColumns = new Set([...x.hiddenColumns].map((c) => (c >= at.left ? c + n : c)));
        x.widths = new Map([...x.widths].map(([c, w]) => [c >= at.left ? c + n : c, w]));
        for (const [name, t] of this.tables) {
          if (t.sheet === op.sheet) this.tables.set(name, { ...t, address: boxAddress(move(parseBox(t.address))) });
        }
        if (x.frozen.columns >= at.left) x.frozen = { ...x.frozen, columns: x.frozen.columns + n };
        return n;
      }
      case 'insertRows': {
        const [first, last = first] = op.rows.split(':').map(Number) as [number, number?];
        const at = { top: Math.min(first, last), bottom: Math.max(first, last) };
        const n = at.bottom - at.top + 1;
        this.hf.addRows(this.sheetId(op.sheet), [at.top - 1, n]);
        const x = this.extrasOf(op.sheet);
        const move = (b: Box): Box => ({
          ...b,
          top: b.top >= at.top ? b.top + n : b.top,
          bottom: b.bottom >= at.top ? b.bottom + n : b.bottom,
        });
        for (const list of [x.formats, x.styles, x.marks]) for (const item of list) item.box = move(item.box);
        for (const [name, t] of this.tables) {
          if (t.sheet === op.sheet) this.tables.set(name, { ...t, address: boxAddress(move(parseBox(t.address))) });
        }
        return n;
      }
      case 'freeze':
        this.extrasOf(op.sheet).frozen = { rows: op.rows, columns: op.columns };
        return 0;
      case 'select':
        this.selection = { sheet: op.sheet, address: op.address };
        return 0;
      case 'pageLayout':
        this.extrasOf(op.sheet).pageLayout = op;
        return 0;
      case 'autoFilter':
        this.extrasOf(op.sheet).autoFilter = op.address;
        return 0;
      case 'chart': {
        const x = this.extrasOf(op.sheet);
        x.charts = [...x.charts.filter((c) => c.name !== op.name), op];
        return 0;
      }
      case 'deleteChart':
        if (this.hf.doesSheetExist(op.sheet)) {
          const x = this.extrasOf(op.sheet);
          x.charts = x.charts.filter((c) => c.name !== op.name);
        }
        return 0;
      // The grid sizes its rows to their text itself.
      case 'autofitRows':
        return 0;
      // Data validation prompts and sheet protection are Excel's own; the grid neither shows nor enforces them.
      case 'validation':
      case 'protect':
      case 'lock':
        return 0;
    }
  }

  private isBlankSheet(sheet: string): boolean {
    const d = this.hf.getSheetDimensions(this.sheetId(sheet));
    return d.width === 0 && d.height === 0;
  }

  private removeSheet(sheet: string): void {
    this.hf.removeSheet(this.sheetId(sheet));
    this.extras.delete(sheet);
    if (this.selection?.sheet === sheet) this.selection = undefined;
  }

  private failure(title: string, e: unknown): WorkbookError {
    const detail = e instanceof Error ? e.message : String(e);
    return new WorkbookError('preview-write-failed', {
      th: `เขียนสมุดงานไม่สำเร็จ (${title}: ${detail}) โหลดหน้าใหม่แล้วลองอีกครั้ง`,
      en: `writing the workbook failed (${title}: ${detail}); reload the page and try again`,
    });
  }
}

function boxAddress(b: Box): string {
  return `${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right)}`;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

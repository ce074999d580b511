/**
 * A recording fake of the part of Excel's JavaScript API that src/office uses (the Xl* interfaces, which the
 * compiler proves Office.js fits). It keeps a workbook in memory, applies queued actions in order, and at each
 * `sync()` records the request: its size (UTF-8 JSON of every property set and method argument, as Office.js
 * serialises them), the response size, and whether calculation and screen updating were suspended. Like Excel on
 * the web, it refuses a request or response over 5 MB. Loaded properties can be read only after a sync, as in
 * Office.js, so a read that forgets its sync fails here too.
 */
import { cellAddress, columnLetter, columnNumber } from '../../src/workbook/cells';
import { rowShifter, shiftColumnsFrom } from '../../src/workbook/formulaShift';
import type {
  ExcelHost,
  XlChangedArgs,
  XlChart,
  XlConditionalFormat,
  XlContext,
  XlDataValidation,
  XlEventHandlerResult,
  XlNamedItem,
  XlProtectionOptions,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlTable,
  XlWorkbook,
  XlWorksheet,
} from '../../src/office/excelApi';

export const LIMIT = 5 * 1024 * 1024;

export class OfficeError extends Error {
  /** As OfficeExtension.Error: where in the batch it failed ("WorksheetProtection.unprotect"). */
  readonly debugInfo: { readonly errorLocation?: string };
  constructor(
    readonly code: string,
    message = code,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = errorLocation ? { errorLocation } : {};
  }
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  readonly calculationSuspended: boolean;
  readonly screenSuspended: boolean;
  readonly eventsEnabledAfter: boolean;
}

type Cell = { formula: string } | { value: string | number | boolean };

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function parseBox(address: string): Box {
  const local = address.includes('!') ? (address.split('!').pop() as string) : address;
  const [a, b = a] = local.replace(/\$/g, '').split(':') as [string, string?];
  const part = (x: string): { r?: number; c?: number } => {
    const m = /^([A-Z]*)(\d*)$/i.exec(x);
    if (!m) throw new OfficeError('InvalidArgument', `bad address ${address}`);
    return { c: m[1] ? columnNumber(m[1]) : undefined, r: m[2] ? Number(m[2]) : undefined };
  };
  const p = part(a);
  const q = part(b as string);
  return { r0: p.r ?? 1, c0: p.c ?? 1, r1: q.r ?? MAX_ROW, c1: q.c ?? MAX_COL };
}

const quote = (sheet: string): string => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
const boxAddress = (b: Box): string => `${cellAddress(b.r0, b.c0)}:${cellAddress(b.r1, b.c1)}`;
const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v) ?? 'null', 'utf8');

/** The workbook and the request being built. */
export class FakeExcel implements ExcelHost {
  readonly sheets = new Map<string, FakeSheetState>();
  readonly tables = new Map<string, { sheet: string; address: string; style?: string }>();
  readonly names = new Map<string, { ref: string; comment?: string }>();
  readonly syncs: SyncRecord[] = [];
  readonly selection: { sheet?: string; address?: string } = {};
  eventsEnabled = true;
  /** Next sync fails with this Office error code (e.g. InvalidOperationInCellEditMode). */
  failNextSync?: string;
  private nextId = 1;
  // The request being built.
  request = { bytes: 0, actions: 0, calc: false, screen: false, error: undefined as OfficeError | undefined };
  /**
   * CPU time spent producing the responses (what Excel does on its side: gathering the cells loaded and their
   * size), so a bench can tell the pane's own CPU time from the fake's emulation of Excel.
   */
  excelSideCpuMs = 0;
  private resolvers: (() => number)[] = [];
  private events: (() => void)[] = [];

  constructor(private readonly apiVersion = '1.9') {
    this.addSheet('Sheet1');
  }

  isSetSupported(name: 'ExcelApi', version: string): boolean {
    return name === 'ExcelApi' && Number(version.split('.')[1]) <= Number(this.apiVersion.split('.')[1]);
  }

  run<T>(batch: (context: XlContext) => Promise<T>): Promise<T> {
    return batch(new FakeContext(this));
  }

  runIn<T>(context: unknown, batch: (context: XlContext) => Promise<T>): Promise<T> {
    if (!(context instanceof FakeContext)) throw new Error('runIn needs a context this fake made');
    return batch(context);
  }

  addSheet(name: string): FakeSheetState {
    if ([...this.sheets.keys()].some((n) => n.toLowerCase() === name.toLowerCase()))
      throw new OfficeError('ItemAlreadyExists', `sheet ${name}`);
    const s = new FakeSheetState(this, name, String(this.nextId++));
    this.sheets.set(name, s);
    return s;
  }

  /** Records an action of the current request. */
  act(payload: unknown): void {
    this.request.bytes += 40 + bytes(payload);
    this.request.actions++;
  }

  fail(error: OfficeError): void {
    this.request.error ??= error;
  }

  onSync(resolve: () => number): void {
    this.resolvers.push(resolve);
  }

  emit(fire: () => void): void {
    if (this.eventsEnabled) this.events.push(fire);
  }

  async sync(): Promise<void> {
    const r = this.request;
    this.request = { bytes: 0, actions: 0, calc: false, screen: false, error: undefined };
    const resolvers = this.resolvers;
    this.resolvers = [];
    const failure = this.failNextSync;
    this.failNextSync = undefined;
    if (failure) throw new OfficeError(failure);
    if (r.error) throw r.error;
    if (r.bytes > LIMIT) throw new OfficeError('RequestPayloadSizeLimitExceeded', `request of ${r.bytes} bytes`);
    const before = process.cpuUsage();
    const responseBytes = resolvers.reduce((n, resolve) => n + resolve(), 0);
    const spent = process.cpuUsage(before);
    this.excelSideCpuMs += (spent.user + spent.system) / 1000;
    if (responseBytes > LIMIT) throw new OfficeError('ResponsePayloadSizeLimitExceeded', `response of ${responseBytes} bytes`);
    this.syncs.push({
      requestBytes: r.bytes,
      responseBytes,
      actions: r.actions,
      calculationSuspended: r.calc,
      screenSuspended: r.screen,
      eventsEnabledAfter: this.eventsEnabled,
    });
    const events = this.events;
    this.events = [];
    await Promise.resolve();
    for (const fire of events) fire();
  }

  /** A person typing (or pasting) into the sheet: changes cells and raises the sheet's change event. */
  userEdit(sheet: string, address: string, values: (string | number | boolean)[][]): void {
    const s = this.sheets.get(sheet) as FakeSheetState;
    // Excel refuses typing into a locked cell of a protected sheet ("The cell … is protected").
    if (s.protected && s.anyLocked(parseBox(address)))
      throw new OfficeError('AccessDenied', `${address} is locked on the protected sheet ${sheet}`);
    // One event, now, as Excel raises it for typing (not queued to the next sync as a write's is).
    s.write(parseBox(address), values, false);
    for (const h of s.handlers) void h({ address, source: 'Local', worksheetId: s.id, changeType: 'RangeEdited' });
  }

  /** A person inserting whole rows at `row` (1-based): cells and number formats below move down; Excel says RowInserted. */
  userInsertRows(sheet: string, row: number, count = 1): void {
    const s = this.sheets.get(sheet) as FakeSheetState;
    const lines = [...s.cells].sort(([a], [z]) => z - a);
    for (const [r, line] of lines) {
      if (r < row) continue;
      s.cells.delete(r);
      s.cells.set(r + count, line);
    }
    const formats = [...s.formats];
    s.formats.clear();
    for (const [key, f] of formats) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      s.formats.set(`${r >= row ? r + count : r},${c}`, f);
    }
    const address = `${row}:${row + count - 1}`;
    for (const h of s.handlers) void h({ address, source: 'Local', worksheetId: s.id, changeType: 'RowInserted' });
  }

  /** Whether a cell would refuse typing: locked (Excel's default) on a protected sheet. */
  refusesTyping(sheet: string, address: string): boolean {
    const s = this.sheets.get(sheet) as FakeSheetState;
    return s.protected && s.anyLocked(parseBox(address));
  }

  /** Contents of a cell as written: `=formula`, a value, or undefined. */
  cell(sheet: string, address: string): string | number | boolean | undefined {
    const b = parseBox(address);
    return this.cellAt(sheet, b.r0, b.c0);
  }

  /** As cell(), by row and column (1-based): for checks that walk every cell of a 20,000-row sheet. */
  cellAt(sheet: string, row: number, column: number): string | number | boolean | undefined {
    const c = this.sheets.get(sheet)?.cells.get(row)?.get(column);
    return c === undefined ? undefined : 'formula' in c ? `=${c.formula}` : c.value;
  }

  maxRequestBytes(from = 0): number {
    return Math.max(0, ...this.syncs.slice(from).map((s) => s.requestBytes));
  }
}

export class FakeSheetState {
  readonly cells = new Map<number, Map<number, Cell>>();
  readonly formats = new Map<string, string>();
  readonly styles: { address: string; set: Record<string, unknown> }[] = [];
  readonly validations: { address: string; rule: unknown; prompt?: unknown; errorAlert?: unknown }[] = [];
  readonly conditionalFormats: { address: string; formula: string; fill?: string; font?: string }[] = [];
  readonly columns = new Map<string, { width?: number; hidden?: boolean }>();
  readonly handlers: ((args: XlChangedArgs) => Promise<unknown>)[] = [];
  visibility = 'Visible';
  tabColor = '';
  protected = false;
  protectionOptions: unknown = {};
  /** A sheet a person protected with a password: unprotect() without it fails. */
  password?: string;
  /** Range.format.protection.locked as set, in order: a later one wins; a cell no entry covers is locked. */
  readonly locks: { box: Box; locked: boolean }[] = [];
  frozen = '';
  /** The AutoFilter's range, as applied last ('' when none). */
  autoFilter = '';
  /** Charts on the sheet, in the order added: type, source, how series run, title, position. */
  readonly charts: { name: string; type: string; source: string; seriesBy?: string; title: string; from?: string; to?: string }[] = [];
  /** What the sheet's pageLayout was set to (orientation, paperSize, zoom, printArea, titleRows, centerFooter). */
  readonly pageLayout: Record<string, unknown> = {};
  deleted = false;
  /** Merged areas, as a person merged them (the fake's writes never merge). */
  readonly merges: Box[] = [];

  constructor(
    readonly fake: FakeExcel,
    public name: string,
    readonly id: string,
  ) {}

  write(b: Box, rows: unknown[][], emit = true): void {
    rows.forEach((row, i) => {
      const r = b.r0 + i;
      const line = this.cells.get(r) ?? new Map<number, Cell>();
      this.cells.set(r, line);
      row.forEach((v, j) => {
        const c = b.c0 + j;
        if (v === '' || v === null) line.delete(c);
        else if (typeof v === 'string' && v.startsWith('=')) line.set(c, { formula: v.slice(1) });
        else if (typeof v === 'string' && v.startsWith("'")) line.set(c, { value: v.slice(1) });
        else line.set(c, { value: v as string | number | boolean });
      });
    });
    if (emit && this.handlers.length > 0)
      this.fake.emit(() =>
        this.handlers.forEach((h) => void h({ address: boxAddress(b), source: 'Local', worksheetId: this.id, changeType: 'RangeEdited' })),
      );
  }

  locked(r: number, c: number): boolean {
    for (let i = this.locks.length - 1; i >= 0; i--) {
      const { box: b, locked } = this.locks[i] as { box: Box; locked: boolean };
      if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) return locked;
    }
    return true;
  }

  anyLocked(b: Box): boolean {
    for (let r = b.r0; r <= Math.min(b.r1, b.r0 + 10_000); r++)
      for (let c = b.c0; c <= Math.min(b.c1, b.c0 + 200); c++) if (this.locked(r, c)) return true;
    return false;
  }

  used(): Box | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -Infinity;
    let c1 = -Infinity;
    for (const [r, line] of this.cells) {
      if (line.size === 0) continue;
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      for (const c of line.keys()) {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    return r0 === Infinity ? undefined : { r0, c0, r1, c1 };
  }

  grid(b: Box, what: 'values' | 'formulas' | 'numberFormat'): unknown[][] {
    const out: unknown[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: unknown[] = [];
      const line = this.cells.get(r);
      for (let c = b.c0; c <= b.c1; c++) {
        const cell = line?.get(c);
        if (what === 'numberFormat') row.push(this.formats.get(`${r},${c}`) ?? 'General');
        else if (cell === undefined) row.push('');
        else if ('formula' in cell) row.push(what === 'formulas' ? `=${cell.formula}` : '');
        else row.push(cell.value);
      }
      out.push(row);
    }
    return out;
  }
}

class FakeContext implements XlContext {
  readonly workbook: XlWorkbook;
  readonly runtime: { enableEvents: boolean };
  constructor(readonly fake: FakeExcel) {
    const f = fake;
    this.workbook = new FakeWorkbook(fake);
    this.runtime = {
      get enableEvents() {
        return f.eventsEnabled;
      },
      set enableEvents(on: boolean) {
        f.act({ enableEvents: on });
        f.eventsEnabled = on;
      },
    };
  }
  sync(): Promise<void> {
    return this.fake.sync();
  }
}

/** Properties readable only after a sync that followed their load. */
class Loaded {
  private snapshot: Record<string, unknown> | undefined;
  constructor(protected readonly fake: FakeExcel) {}
  protected resolveWith(compute: () => Record<string, unknown>): void {
    this.fake.onSync(() => {
      this.snapshot = compute();
      return bytes(this.snapshot);
    });
  }
  protected loaded<T>(key: string): T {
    if (!this.snapshot || !(key in this.snapshot)) throw new Error(`PropertyNotLoaded: ${key} was read before load() and sync()`);
    return this.snapshot[key] as T;
  }
}

class FakeWorkbook implements XlWorkbook {
  constructor(private readonly fake: FakeExcel) {}
  readonly worksheets = {
    load: (): unknown => {
      this.fake.onSync(() => {
        this.worksheets.items = [...this.fake.sheets.values()].map((s) => new FakeWorksheet(this.fake, s, false));
        return bytes([...this.fake.sheets.values()].map((s) => ({ name: s.name, visibility: s.visibility })));
      });
      return this.worksheets;
    },
    items: [] as XlWorksheet[],
    getItem: (key: string): XlWorksheet => {
      const s = this.fake.sheets.get(key);
      if (!s) this.fake.fail(new OfficeError('ItemNotFound', `sheet ${key}`));
      return new FakeWorksheet(this.fake, s ?? new FakeSheetState(this.fake, key, '?'), !s);
    },
    getItemOrNullObject: (key: string): XlWorksheet => {
      const s = this.fake.sheets.get(key);
      return new FakeWorksheet(this.fake, s ?? new FakeSheetState(this.fake, key, '?'), !s);
    },
    add: (name?: string): XlWorksheet => {
      this.fake.act({ add: name });
      return new FakeWorksheet(this.fake, this.fake.addSheet(name ?? `Sheet${this.fake.sheets.size + 1}`), false);
    },
  };
  readonly tables = {
    getItem: (key: string): XlTable => {
      if (!this.fake.tables.has(key)) this.fake.fail(new OfficeError('ItemNotFound', `table ${key}`));
      return new FakeTable(this.fake, key);
    },
    getItemOrNullObject: (key: string): XlTable => new FakeTable(this.fake, key),
    add: (address: string, hasHeaders: boolean): XlTable => {
      this.fake.act({ tableAdd: address, hasHeaders });
      const sheet = address
        .slice(0, address.lastIndexOf('!'))
        .replace(/^'(.*)'$/, '$1')
        .replace(/''/g, "'");
      const name = `Table${this.fake.tables.size + 1}`;
      this.fake.tables.set(name, { sheet, address: boxAddress(parseBox(address)) });
      return new FakeTable(this.fake, name);
    },
  };
  readonly names = {
    getItemOrNullObject: (name: string): XlNamedItem => new FakeNamedItem(this.fake, name),
    add: (name: string, reference: string, comment?: string): XlNamedItem => {
      this.fake.act({ nameAdd: name, reference, comment });
      if (this.fake.names.has(name)) this.fake.fail(new OfficeError('ItemAlreadyExists', `name ${name}`));
      this.fake.names.set(name, { ref: reference, comment });
      return new FakeNamedItem(this.fake, name);
    },
  };
  getSelectedRange(): XlRange {
    // Excel always has a selection: A1 of the first sheet until something is selected.
    const { sheet = [...this.fake.sheets.keys()][0] as string, address = 'A1' } = this.fake.selection;
    const state = this.fake.sheets.get(sheet);
    if (!state) this.fake.fail(new OfficeError('ItemNotFound', `sheet ${sheet}`));
    return new FakeRange(this.fake, state ?? new FakeSheetState(this.fake, sheet, '?'), parseBox(address));
  }
  readonly application = {
    suspendApiCalculationUntilNextSync: (): void => {
      this.fake.act({ suspendCalc: true });
      this.fake.request.calc = true;
    },
    suspendScreenUpdatingUntilNextSync: (): void => {
      if (!this.fake.isSetSupported('ExcelApi', '1.9'))
        this.fake.fail(new OfficeError('ApiNotFound', 'suspendScreenUpdatingUntilNextSync'));
      this.fake.act({ suspendScreen: true });
      this.fake.request.screen = true;
    },
    calculate: (calculationType: 'Recalculate'): void => this.fake.act({ calculate: calculationType }),
  };
}

class FakeWorksheet extends Loaded implements XlWorksheet {
  readonly freezePanes;
  readonly pageLayout: XlPageLayout;
  readonly protection;
  readonly onChanged;
  readonly charts;
  readonly autoFilter;
  constructor(
    fake: FakeExcel,
    private readonly state: FakeSheetState,
    private readonly missing: boolean,
  ) {
    super(fake);
    const s = state;
    this.charts = {
      add: (type: string, sourceData: XlRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XlChart => {
        const source = (sourceData as FakeRange).boxAddress();
        fake.act({ chartAdd: type, source, seriesBy });
        if (missing) fake.fail(new OfficeError('ItemNotFound', `sheet ${s.name}`));
        const record = { name: `Chart ${s.charts.length + 1}`, type, source, seriesBy, title: '' };
        s.charts.push(record);
        return new FakeChart(fake, s, () => record);
      },
      getItemOrNullObject: (name: string): XlChart =>
        new FakeChart(fake, s, () => (missing || s.deleted ? undefined : s.charts.find((c) => c.name === name))),
    };
    this.autoFilter = {
      apply: (range: string): void => {
        fake.act({ autoFilter: range });
        if (!fake.isSetSupported('ExcelApi', '1.9')) fake.fail(new OfficeError('ApiNotFound', 'autoFilter'));
        s.autoFilter = range;
      },
    };
    this.freezePanes = {
      freezeAt: (frozenRange: string): void => {
        fake.act({ freezeAt: frozenRange });
        s.frozen = frozenRange;
      },
      unfreeze: (): void => {
        fake.act({ unfreeze: true });
        s.frozen = '';
      },
    };
    const record =
      (key: string) =>
      (v: unknown): void => {
        fake.act({ [`pageLayout.${key}`]: v });
        s.pageLayout[key] = v;
      };
    const footers = {
      defaultForAllPages: Object.defineProperty({} as { centerFooter: string }, 'centerFooter', {
        set: record('centerFooter'),
        get: () => '',
      }),
    };
    this.pageLayout = Object.defineProperties(
      { setPrintArea: record('printArea'), setPrintTitleRows: record('titleRows'), headersFooters: footers },
      {
        orientation: { set: record('orientation'), get: () => '' },
        paperSize: { set: record('paperSize'), get: () => '' },
        zoom: { set: record('zoom'), get: () => ({}) },
      },
    ) as unknown as XlPageLayout;
    const protection = new (class extends Loaded {
      get protected(): boolean {
        return this.loaded<boolean>('protected');
      }
      get options(): XlProtectionOptions {
        return this.loaded<XlProtectionOptions>('options');
      }
      load(): unknown {
        this.resolveWith(() => ({ protected: s.protected, options: s.protectionOptions }));
        return this;
      }
      protect(options?: unknown): void {
        fake.act({ protect: options ?? {} });
        // Excel: "Fails if the worksheet has already been protected."
        if (s.protected)
          return fake.fail(new OfficeError('AccessDenied', `protect: ${s.name} is protected already`, 'WorksheetProtection.protect'));
        s.protected = true;
        s.protectionOptions = options ?? {};
      }
      unprotect(): void {
        fake.act({ unprotect: true });
        if (s.password !== undefined)
          return fake.fail(new OfficeError('InvalidArgument', `unprotect: ${s.name} has a password`, 'WorksheetProtection.unprotect'));
        s.protected = false;
      }
    })(fake);
    this.protection = protection;
    this.onChanged = {
      add: (handler: (args: XlChangedArgs) => Promise<unknown>): XlEventHandlerResult => {
        fake.act({ onChanged: 'add' });
        s.handlers.push(handler);
        return { context: new FakeContext(fake), remove: () => s.handlers.splice(s.handlers.indexOf(handler), 1) };
      },
    };
    this.resolveWith(() => ({ isNullObject: missing || s.deleted }));
  }
  get isNullObject(): boolean {
    return this.loaded<boolean>('isNullObject');
  }
  get name(): string {
    return this.state.name;
  }
  set name(value: string) {
    this.fake.act({ rename: value });
    this.fake.sheets.delete(this.state.name);
    this.state.name = value;
    this.fake.sheets.set(value, this.state);
  }
  get id(): string {
    return this.state.id;
  }
  get visibility(): string {
    return this.state.visibility;
  }
  set visibility(v: string) {
    this.fake.act({ visibility: v });
    this.state.visibility = v;
  }
  get tabColor(): string {
    return this.state.tabColor;
  }
  set tabColor(v: string) {
    this.fake.act({ tabColor: v });
    this.state.tabColor = v;
  }
  load(): XlWorksheet {
    return this;
  }
  getRange(address?: string): XlRange {
    return new FakeRange(this.fake, this.state, address === undefined ? { r0: 1, c0: 1, r1: MAX_ROW, c1: MAX_COL } : parseBox(address));
  }
  getUsedRangeOrNullObject(): XlRange {
    return new FakeRange(this.fake, this.state, () => this.state.used());
  }
  getRanges(address: string): { readonly format: { readonly protection: { locked: boolean } } } {
    if (!this.fake.isSetSupported('ExcelApi', '1.9')) this.fake.fail(new OfficeError('ApiNotFound', 'getRanges'));
    const areas = address.split(/[,;]/).map((a) => parseBox(a.trim()));
    const fake = this.fake;
    const state = this.state;
    return {
      format: {
        protection: {
          get locked() {
            return false;
          },
          set locked(v: boolean) {
            fake.act({ areas: address, locked: v });
            if (state.protected) fake.fail(new OfficeError('AccessDenied', `locking cells of the protected sheet ${state.name}`));
            else for (const box of areas) state.locks.push({ box, locked: v });
          },
        },
      },
    };
  }
  activate(): void {
    this.fake.act({ activate: this.state.name });
    this.fake.selection.sheet = this.state.name;
  }
  delete(): void {
    this.fake.act({ delete: this.state.name });
    if (this.missing) return;
    this.state.deleted = true;
    this.fake.sheets.delete(this.state.name);
    for (const [name, t] of this.fake.tables) if (t.sheet === this.state.name) this.fake.tables.delete(name);
  }
}

/** A chart found by name (or just added): a null object when there is none. */
class FakeChart extends Loaded implements XlChart {
  readonly title: { text: string };
  constructor(
    fake: FakeExcel,
    private readonly sheet: FakeSheetState,
    private readonly find: () => FakeSheetState['charts'][number] | undefined,
  ) {
    super(fake);
    this.title = Object.defineProperty({} as { text: string }, 'text', {
      get: () => this.find()?.title ?? '',
      set: (v: string) => {
        fake.act({ chartTitle: v });
        const c = this.find();
        if (c) c.title = v;
      },
    });
  }
  load(): XlChart {
    this.resolveWith(() => ({ isNullObject: this.find() === undefined, name: this.find()?.name }));
    return this;
  }
  get isNullObject(): boolean {
    return this.loaded<boolean>('isNullObject');
  }
  get name(): string {
    return this.find()?.name ?? '';
  }
  set name(v: string) {
    this.fake.act({ chartName: v });
    const c = this.find();
    if (!c) this.fake.fail(new OfficeError('ItemNotFound', 'chart'));
    else if (this.sheet.charts.some((x) => x !== c && x.name === v)) this.fake.fail(new OfficeError('ItemAlreadyExists', `chart ${v}`));
    else c.name = v;
  }
  setPosition(startCell: string, endCell?: string): void {
    this.fake.act({ chartPosition: [startCell, endCell] });
    const c = this.find();
    if (c) Object.assign(c, { from: startCell, to: endCell });
  }
  delete(): void {
    this.fake.act({ chartDelete: true });
    const c = this.find();
    // Excel: a method on a null object fails the batch.
    if (!c) return this.fake.fail(new OfficeError('ItemNotFound', 'chart'));
    this.sheet.charts.splice(this.sheet.charts.indexOf(c), 1);
  }
}

class FakeMergedAreas extends Loaded implements XlRangeAreas {
  constructor(
    fake: FakeExcel,
    private readonly sheet: FakeSheetState,
    private readonly boxOf: () => Box | undefined,
  ) {
    super(fake);
  }
  get address(): string {
    return this.loaded<string>('address');
  }
  get isNullObject(): boolean {
    return this.loaded<boolean>('isNullObject');
  }
  load(): XlRangeAreas {
    this.resolveWith(() => {
      const b = this.boxOf();
      const within = b ? this.sheet.merges.filter((m) => m.r0 <= b.r1 && m.r1 >= b.r0 && m.c0 <= b.c1 && m.c1 >= b.c0) : [];
      if (within.length === 0) return { isNullObject: true };
      return { isNullObject: false, address: within.map((m) => `${quote(this.sheet.name)}!${boxAddress(m)}`).join(',') };
    });
    return this;
  }
}

class FakeRange extends Loaded implements XlRange {
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly conditionalFormats;
  private readonly boxOf: () => Box | undefined;

  constructor(
    fake: FakeExcel,
    private readonly sheet: FakeSheetState,
    box: Box | (() => Box | undefined),
  ) {
    super(fake);
    this.boxOf = typeof box === 'function' ? box : () => box;
    const style = (key: string) => (v: unknown) => {
      fake.act({ [key]: v });
      // A protected sheet refuses formats (and locking cells) through the API as Excel does: lift it first.
      if (sheet.protected) return fake.fail(new OfficeError('AccessDenied', `${key} on the protected sheet ${sheet.name}`));
      sheet.styles.push({ address: this.addr(), set: { [key]: v } });
      if (key === 'protection.locked') sheet.locks.push({ box: this.box(), locked: v as boolean });
    };
    const setter = <T extends object>(keys: string[], prefix: string): T => {
      const o = {} as Record<string, unknown>;
      for (const k of keys) Object.defineProperty(o, k, { set: style(`${prefix}${k}`), get: () => undefined, enumerable: true });
      return o as T;
    };
    const addr = (): string => this.addr();
    this.format = Object.defineProperties(
      {
        font: setter(['bold', 'italic', 'name', 'size', 'color'], 'font.'),
        fill: Object.assign(setter<object>(['color'], 'fill.'), { clear: () => style('fill.clear')(true) }),
        protection: setter(['locked'], 'protection.'),
        autofitRows: () => style('autofitRows')(true),
      },
      {
        columnWidth: {
          set: (w: number) => {
            fake.act({ columnWidth: w });
            sheet.columns.set(addr(), { ...sheet.columns.get(addr()), width: w });
          },
          get: () => 0,
        },
        wrapText: { set: style('wrapText'), get: () => false },
        horizontalAlignment: { set: style('horizontalAlignment'), get: () => '' },
        verticalAlignment: { set: style('verticalAlignment'), get: () => '' },
      },
    ) as unknown as XlRangeFormat;
    const dv: { rule: unknown; prompt?: unknown; errorAlert?: unknown; address: string } = { rule: undefined, address: '' };
    this.dataValidation = {
      clear: () => fake.act({ validationClear: this.addr() }),
      set rule(r) {
        fake.act({ rule: r });
        dv.address = addr();
        sheet.validations.push({ address: dv.address, rule: r });
      },
      get rule() {
        return dv.rule as XlDataValidation['rule'];
      },
      set prompt(p) {
        fake.act({ prompt: p });
        const v = sheet.validations.at(-1);
        if (v) v.prompt = p;
      },
      get prompt() {
        return { showPrompt: false, title: '', message: '' };
      },
      set errorAlert(e) {
        fake.act({ errorAlert: e });
        const v = sheet.validations.at(-1);
        if (v) v.errorAlert = e;
      },
      get errorAlert() {
        return { showAlert: false, style: '', title: '', message: '' };
      },
    };
    this.conditionalFormats = {
      add: (type: 'Custom'): XlConditionalFormat => {
        fake.act({ conditionalFormat: type, address: this.addr() });
        const record: { address: string; formula: string; fill?: string; font?: string } = { address: this.addr(), formula: '' };
        sheet.conditionalFormats.push(record);
        const prop = (set: (v: string) => void) => ({
          set: (v: string) => {
            fake.act({ cf: v });
            set(v);
          },
          get: () => '',
        });
        return {
          custom: {
            rule: Object.defineProperty(
              {} as { formula: string },
              'formula',
              prop((v) => (record.formula = v)),
            ),
            format: {
              fill: Object.defineProperty(
                {} as { color: string },
                'color',
                prop((v) => (record.fill = v)),
              ),
              font: Object.defineProperty(
                {} as { color: string },
                'color',
                prop((v) => (record.font = v)),
              ),
            },
          },
        };
      },
    };
  }

  /** "C6:E16", for a chart's source. */
  boxAddress(): string {
    return this.addr();
  }
  private box(): Box {
    const b = this.boxOf();
    if (!b) throw new Error('used range of an empty sheet');
    return b;
  }
  private addr(): string {
    return boxAddress(this.box());
  }
  private rectangle(rows: unknown[][], what: string): void {
    const b = this.box();
    const fits = rows.length === b.r1 - b.r0 + 1 && rows.every((r) => r.length === b.c1 - b.c0 + 1);
    if (!fits) this.fake.fail(new OfficeError('InvalidArgument', `${what} of ${rows.length} rows does not fit ${this.addr()}`));
  }

  get address(): string {
    return this.loaded<string>('address');
  }
  get rowCount(): number {
    return this.loaded<number>('rowCount');
  }
  get columnCount(): number {
    return this.loaded<number>('columnCount');
  }
  get isNullObject(): boolean {
    return this.loaded<boolean>('isNullObject');
  }
  get values(): unknown[][] {
    return this.loaded<unknown[][]>('values');
  }
  set values(v: unknown[][]) {
    this.formulas = v;
  }
  get formulas(): unknown[][] {
    return this.loaded<unknown[][]>('formulas');
  }
  set formulas(v: unknown[][]) {
    this.fake.act({ address: this.addr(), formulas: v });
    if (this.sheet.protected && this.sheet.anyLocked(this.box())) {
      this.fake.fail(new OfficeError('AccessDenied', `write to locked cells ${this.addr()} of ${this.sheet.name}`));
      return;
    }
    this.rectangle(v, 'formulas');
    this.sheet.write(this.box(), v);
  }
  get numberFormat(): unknown[][] {
    return this.loaded<unknown[][]>('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.fake.act({ address: this.addr(), numberFormat: v });
    if (this.sheet.protected) {
      this.fake.fail(new OfficeError('AccessDenied', `number format on the protected sheet ${this.sheet.name}`));
      return;
    }
    this.rectangle(v, 'numberFormat');
    const b = this.box();
    v.forEach((row, i) => row.forEach((f, j) => this.sheet.formats.set(`${b.r0 + i},${b.c0 + j}`, String(f))));
  }
  get columnHidden(): boolean {
    return false;
  }
  set columnHidden(h: boolean) {
    this.fake.act({ columnHidden: h });
    this.sheet.columns.set(this.addr(), { ...this.sheet.columns.get(this.addr()), hidden: h });
  }

  /** ExcelApi 1.4: the part of this range inside the sheet's used range; a null object when they do not meet. */
  getUsedRangeOrNullObject(): XlRange {
    if (!this.fake.isSetSupported('ExcelApi', '1.4')) this.fake.fail(new OfficeError('ApiNotFound', 'Range.getUsedRangeOrNullObject'));
    return new FakeRange(this.fake, this.sheet, () => {
      const a = this.boxOf();
      const b = this.sheet.used();
      if (!a || !b) return undefined;
      const box = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
      return box.r0 <= box.r1 && box.c0 <= box.c1 ? box : undefined;
    });
  }

  getMergedAreasOrNullObject(): XlRangeAreas {
    if (!this.fake.isSetSupported('ExcelApi', '1.13')) this.fake.fail(new OfficeError('ApiNotFound', 'getMergedAreasOrNullObject'));
    return new FakeMergedAreas(this.fake, this.sheet, this.boxOf);
  }

  load(propertyNames?: string | string[]): XlRange {
    const names = typeof propertyNames === 'string' ? propertyNames.split(',').map((p) => p.trim()) : (propertyNames ?? []);
    if (names.length === 0) throw new Error('load() without properties loads everything: name what you need');
    this.resolveWith(() => {
      const b = this.boxOf();
      if (!b) return { isNullObject: true };
      const out: Record<string, unknown> = { isNullObject: false };
      for (const n of names) {
        if (n === 'address') out.address = `${quote(this.sheet.name)}!${boxAddress(b)}`;
        else if (n === 'rowCount') out.rowCount = b.r1 - b.r0 + 1;
        else if (n === 'columnCount') out.columnCount = b.c1 - b.c0 + 1;
        else if (n === 'values' || n === 'formulas' || n === 'numberFormat') out[n] = this.sheet.grid(b, n);
        else throw new Error(`the fake does not load ${n}`);
      }
      return out;
    });
    return this;
  }

  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void {
    this.fake.act({ clear: applyTo });
    const b = this.box();
    if (applyTo !== 'Formats')
      for (const [r, line] of this.sheet.cells)
        if (r >= b.r0 && r <= b.r1) for (const c of [...line.keys()]) if (c >= b.c0 && c <= b.c1) line.delete(c);
    if (applyTo !== 'Contents') {
      this.sheet.formats.clear();
      this.sheet.conditionalFormats.length = 0;
    }
  }

  copyFrom(sourceRange: string, copyType?: 'All' | 'Formulas' | 'Values' | 'Formats'): void {
    this.fake.act({ copyFrom: sourceRange, copyType, to: this.addr() });
    if (!this.fake.isSetSupported('ExcelApi', '1.9')) {
      this.fake.fail(new OfficeError('ApiNotFound', 'copyFrom'));
      return;
    }
    const src = parseBox(sourceRange);
    const dst = this.box();
    const h = src.r1 - src.r0 + 1;
    const w = src.c1 - src.c0 + 1;
    const rows = dst.r1 - dst.r0 + 1;
    const cols = dst.c1 - dst.c0 + 1;
    // Excel tiles the source only when the destination is a whole multiple of it.
    if (rows % h !== 0 || cols % w !== 0)
      this.fake.fail(new OfficeError('InvalidArgument', 'copyFrom: destination is not a multiple of the source'));
    // As Excel: 'Formats' copies formats only (here: number formats), 'Formulas' and 'Values' contents only, 'All' both.
    const type = copyType ?? 'All';
    if (type === 'Formats' || type === 'All') {
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const format = this.sheet.formats.get(`${src.r0 + (i % h)},${src.c0 + (j % w)}`);
          const at = `${dst.r0 + i},${dst.c0 + j}`;
          if (format === undefined) this.sheet.formats.delete(at);
          else this.sheet.formats.set(at, format);
        }
      }
    }
    if (type === 'Formats') return;
    // Each source cell, as it is copied: its formula scanned once for all the rows it is copied to.
    const sources = Array.from({ length: h }, (_, i) =>
      Array.from({ length: w }, (_, j): ((moved: number) => unknown) => {
        const cell = this.sheet.cells.get(src.r0 + i)?.get(src.c0 + j);
        if (cell === undefined) return () => '';
        if ('formula' in cell) {
          const shift = rowShifter(cell.formula);
          return (moved) => `=${shift(moved)}`;
        }
        const value = typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
        return () => value;
      }),
    );
    const out: unknown[][] = [];
    for (let i = 0; i < rows; i++) {
      const row: unknown[] = [];
      const line = sources[i % h] as ((moved: number) => unknown)[];
      const moved = dst.r0 + i - (src.r0 + (i % h));
      for (let j = 0; j < cols; j++) row.push((line[j % w] as (moved: number) => unknown)(moved));
      out.push(row);
    }
    this.sheet.write(dst, out);
  }

  /**
   * Whole columns only (what the plan writer asks): cells, number formats and this sheet's own references from the
   * column on move right, as Excel moves them. References from other sheets and names are left alone here.
   */
  insert(shift: 'Right' | 'Down'): XlRange {
    this.fake.act({ insert: this.addr(), shift });
    if (this.sheet.protected) {
      this.fake.fail(new OfficeError('AccessDenied', `insert on the protected sheet ${this.sheet.name}`));
      return this;
    }
    const b = this.box();
    if (shift === 'Down' && b.c0 === 1 && b.c1 === MAX_COL) {
      // Whole rows: cells and number formats move down (formulas are not adjusted here).
      const n = b.r1 - b.r0 + 1;
      for (const l of this.sheet.locks)
        l.box = { ...l.box, r0: l.box.r0 >= b.r0 ? l.box.r0 + n : l.box.r0, r1: l.box.r1 >= b.r0 ? l.box.r1 + n : l.box.r1 };
      const lines = [...this.sheet.cells].sort(([a], [z]) => z - a);
      for (const [r, line] of lines) {
        if (r < b.r0) continue;
        this.sheet.cells.delete(r);
        this.sheet.cells.set(r + n, line);
      }
      return this;
    }
    if (shift !== 'Right' || b.r0 !== 1 || b.r1 !== MAX_ROW) {
      this.fake.fail(new OfficeError('InvalidArgument', 'insert: the fake inserts whole columns only'));
      return this;
    }
    const n = b.c1 - b.c0 + 1;
    // Locks move with their cells; the new columns take the lock of the column to their left, as formats do in Excel.
    const left = this.sheet.locks
      .filter((l) => l.box.c0 <= b.c0 - 1 && l.box.c1 >= b.c0 - 1)
      .map((l) => ({ box: { ...l.box, c0: b.c0, c1: b.c0 + n - 1 }, locked: l.locked }));
    for (const l of this.sheet.locks)
      l.box = { ...l.box, c0: l.box.c0 >= b.c0 ? l.box.c0 + n : l.box.c0, c1: l.box.c1 >= b.c0 ? l.box.c1 + n : l.box.c1 };
    this.sheet.locks.push(...left);
    const moveRef = (formula: string): string => shiftColumnsFrom(formula, b.c0, n);
    for (const [r, line] of this.sheet.cells) {
      const moved = new Map<number, Cell>();
      for (const [c, cell] of line) {
        const next = 'formula' in cell ? { formula: moveRef(cell.formula) } : cell;
        moved.set(c >= b.c0 ? c + n : c, next);
      }
      this.sheet.cells.set(r, moved);
    }
    const formats = [...this.sheet.formats];
    this.sheet.formats.clear();
    for (const [key, f] of formats) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      this.sheet.formats.set(`${r},${c >= b.c0 ? c + n : c}`, f);
    }
    // A table the column crosses (or is right of) grows or moves, as in Excel.
    for (const t of this.fake.tables.values()) {
      if (t.sheet !== this.sheet.name) continue;
      const box = parseBox(t.address);
      t.address = boxAddress({ ...box, c0: box.c0 >= b.c0 ? box.c0 + n : box.c0, c1: box.c1 >= b.c0 ? box.c1 + n : box.c1 });
    }
    return this;
  }

  select(): void {
    this.fake.act({ select: this.addr() });
    this.fake.selection.sheet = this.sheet.name;
    this.fake.selection.address = this.addr();
  }
}

class FakeTable extends Loaded implements XlTable {
  constructor(
    fake: FakeExcel,
    private key: string,
  ) {
    super(fake);
    this.resolveWith(() => ({ isNullObject: !fake.tables.has(this.key) }));
  }
  get isNullObject(): boolean {
    return this.loaded<boolean>('isNullObject');
  }
  get name(): string {
    return this.key;
  }
  set name(n: string) {
    this.fake.act({ tableName: n });
    const t = this.fake.tables.get(this.key);
    if (!t) return;
    if (this.fake.tables.has(n)) this.fake.fail(new OfficeError('ItemAlreadyExists', `table ${n}`));
    this.fake.tables.delete(this.key);
    this.fake.tables.set(n, t);
    this.key = n;
  }
  get style(): string {
    return this.fake.tables.get(this.key)?.style ?? '';
  }
  set style(s: string) {
    this.fake.act({ tableStyle: s });
    const t = this.fake.tables.get(this.key);
    if (t) t.style = s;
  }
  get worksheet(): XlWorksheet {
    const t = this.fake.tables.get(this.key);
    return new FakeWorksheet(this.fake, this.fake.sheets.get(t?.sheet ?? '') ?? new FakeSheetState(this.fake, '', '?'), !t);
  }
  load(): XlTable {
    return this;
  }
  private sheetState(): FakeSheetState {
    const t = this.fake.tables.get(this.key);
    return this.fake.sheets.get(t?.sheet ?? '') ?? new FakeSheetState(this.fake, '', '?');
  }
  getRange(): XlRange {
    return new FakeRange(this.fake, this.sheetState(), () => {
      const t = this.fake.tables.get(this.key);
      return t ? parseBox(t.address) : undefined;
    });
  }
  getHeaderRowRange(): XlRange {
    return new FakeRange(this.fake, this.sheetState(), () => {
      const t = this.fake.tables.get(this.key);
      if (!t) return undefined;
      const b = parseBox(t.address);
      return { ...b, r1: b.r0 };
    });
  }
  getDataBodyRange(): XlRange {
    return new FakeRange(this.fake, this.sheetState(), () => {
      const t = this.fake.tables.get(this.key);
      if (!t) return undefined;
      const b = parseBox(t.address);
      return { ...b, r0: b.r0 + 1 };
    });
  }
  delete(): void {
    this.fake.act({ tableDelete: this.key });
    this.fake.tables.delete(this.key);
  }
}

class FakeNamedItem extends Loaded implements XlNamedItem {
  constructor(
    fake: FakeExcel,
    private readonly key: string,
  ) {
    super(fake);
    this.resolveWith(() => ({ isNullObject: !fake.names.has(key) }));
  }
  get isNullObject(): boolean {
    return this.loaded<boolean>('isNullObject');
  }
  load(): XlNamedItem {
    return this;
  }
  delete(): void {
    this.fake.act({ nameDelete: this.key });
    this.fake.names.delete(this.key);
  }
}

export { columnLetter };

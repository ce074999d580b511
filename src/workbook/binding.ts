/**
 * The binding record a template keeps in its very hidden sheet: which sheet and table are the KPI sheet, which
 * column means what, and the assessment document itself, so a workbook can be checked with nothing else. Versioned
 * from the first release (`format`); a reader meeting a newer version says so instead of guessing.
 *
 * Stored as key / value rows (column A the key, column B the value). A value longer than one cell may hold (Excel:
 * 32,767 characters) continues on further rows with the same key.
 *
 * Versions:
 * - `scorebook/workbook@1`: the assessment document and the server link as plain JSON. Still read.
 * - `scorebook/workbook@2` (written now): the same keys, but the assessment document and the server link are packed
 *   (UTF-8 JSON, raw deflate, base64). A document of 20,000 indicators is 4.3 MB as JSON in cells, more than one
 *   request to Excel may carry (see src/office/requestSize.ts), and the record is rewritten on every submit; packed
 *   it is about 170 KB. Base64 keeps the cells plain ASCII, whatever a host does with unusual characters.
 *   Adds `multiUnit` (the sheet is the central office's one row per unit × indicator, multiUnitPlan.ts).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { issue, type Issue } from '../domain';
import type { CellValue } from './cells';
import type { ColumnRole } from './headers';
import { decodeOnce, rememberDecoded } from './unpackOnce';

export const BINDING_FORMAT = 'scorebook/workbook@2';
/** The first version, read and upgraded (to BINDING_FORMAT) the next time the record is written. */
export const BINDING_FORMAT_V1 = 'scorebook/workbook@1';
export const BINDING_SHEET = '_scorebook';
/** Below Excel's 32,767-character cell limit, with room to spare. */
export const CHUNK = 30_000;

export interface BindingRecord {
  readonly format: typeof BINDING_FORMAT;
  readonly sheet: string;
  readonly table: string;
  readonly settingsSheet: string;
  readonly headerRow: number;
  /** Role → header as written. */
  readonly columns: Readonly<Partial<Record<ColumnRole, string>>>;
  /** The assessment document (format v1) as JSON. */
  readonly assessment: unknown;
  /**
   * What the sheet knows of the reporting API (assessment, unit, round, each row's version and value last
   * confirmed, batches sent but not confirmed), as JSON with its own format version; absent in a workbook never
   * opened from a server. Its reader lives with its user (src/taskpane/model/serverLink.ts).
   */
  readonly server?: unknown;
  /**
   * Present when the sheet is a multi-unit sheet (one row per unit × indicator): the headers of its unit columns,
   * so a reading groups rows by unit. Absent: one unit's sheet.
   */
  readonly multiUnit?: MultiUnitColumns;
}

/** Headers of a multi-unit sheet's own columns, as written. */
export interface MultiUnitColumns {
  readonly unit: string;
  readonly unitName: string;
  readonly unitTotal: string;
}

/**
 * Values read from a record, by the text they were unpacked from. A read value is shared and never changed
 * (unpackOnce.ts), so writing it back — the assessment, with every pending-batch change of a submit — needs no
 * deflate: at 10,000 indicators that is a tenth of a second a write.
 */
const unpackedFrom = new WeakMap<object, string>();

/**
 * Values that are their own JSON round trip (`asStoredJson`), with their JSON: written, their text is what reading
 * it back decodes to this very object, so the reader is told (unpackOnce.ts) and decodes nothing.
 */
const jsonOf = new WeakMap<object, string>();

/**
 * `value` as the record reads it back (its JSON round trip: no undefined properties, plain objects), marked so that
 * writing it reuses its JSON and reading back the text written gives this object without inflating or parsing it.
 * Worth it for a value written and read again at once: the server link, after each pending-batch change. A value
 * that already is its own round trip (the pane's links mostly are) is kept as it is: parsing the 1.3 MB of a
 * 10,000-row link back only to make an equal copy cost a tenth of a submit's own work, and its garbage more.
 */
export function asStoredJson<T>(value: T): T {
  const json = JSON.stringify(value);
  const copy = isOwnJson(value) ? value : (JSON.parse(json) as T);
  if (typeof copy === 'object' && copy !== null) jsonOf.set(copy, json);
  return copy;
}

/**
 * Whether `JSON.parse(JSON.stringify(value))` would give a value equal to `value` in every part: plain objects and
 * arrays of strings, finite numbers (not -0), booleans and null, with no undefined in them, nothing with a `toJSON`
 * and no holes. Shared, such a value must not be changed afterwards; no value read from or written to a record is.
 */
export function isOwnJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!isOwnJson(value[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      const object = value as Record<string, unknown>;
      // An own property `toJSON` would be called by JSON.stringify (the prototype is Object's, which has none).
      if ('toJSON' in object) return false;
      for (const key in object) if (!isOwnJson(object[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/**
 * JSON → UTF-8 → raw deflate → base64: what @2 keeps in the record's cells for the long values. Level 3: the server
 * link of a 10,000-row sheet (1.3 MB of JSON, packed again after every batch of a submit) deflates about three times
 * as fast as at fflate's default 6, for 1 % more bytes; an assessment document, packed once, about 3 % more.
 */
export function packJson(value: unknown): string {
  const object = typeof value === 'object' && value !== null ? value : undefined;
  const known = object && unpackedFrom.get(object);
  if (known) return known;
  const text = btoa(strFromU8(deflateSync(strToU8((object && jsonOf.get(object)) ?? JSON.stringify(value)), { level: 3 }), true));
  if (object && jsonOf.has(object)) unpackedFrom.set(object, text);
  return text;
}

/** `packJson`, and when `value` is its own JSON round trip, the reader told that this text decodes to it. */
function packStored(key: string, value: unknown): string {
  const text = packJson(value);
  if (typeof value === 'object' && value !== null && jsonOf.has(value)) rememberDecoded(`${key}@2`, text, value);
  return text;
}

export function unpackJson(text: string): unknown {
  const value = JSON.parse(strFromU8(inflateSync(strToU8(atob(text), true)))) as unknown;
  if (typeof value === 'object' && value !== null) unpackedFrom.set(value, text);
  return value;
}

export function bindingRows(record: BindingRecord): CellValue[][] {
  const rows: CellValue[][] = [
    ['format', record.format],
    ['sheet', record.sheet],
    ['table', record.table],
    ['settingsSheet', record.settingsSheet],
    ['headerRow', record.headerRow],
  ];
  const long = (key: string, text: string): void => {
    for (let i = 0; i < text.length || i === 0; i += CHUNK) rows.push([key, text.slice(i, i + CHUNK)]);
  };
  long('columns', JSON.stringify(record.columns));
  if (record.multiUnit) long('multiUnit', JSON.stringify(record.multiUnit));
  long('assessment', packStored('assessment', record.assessment));
  if (record.server !== undefined) long('server', packStored('server', record.server));
  return rows;
}

export type BindingRead = { ok: true; value: BindingRecord } | { ok: false; issues: Issue[] };

const broken = (th: string, en: string): BindingRead => ({
  ok: false,
  issues: [
    issue('binding-invalid', 'error', {
      th: `บันทึกการผูกชีตของ Scorebook เสียหาย: ${th}`,
      en: `the Scorebook binding record is damaged: ${en}`,
    }),
  ],
});

export function readBindingRows(rows: readonly (readonly CellValue[])[]): BindingRead {
  const values = new Map<string, string[]>();
  for (const row of rows) {
    const key = row[0];
    if (typeof key !== 'string') continue;
    const v = row[1];
    const list = values.get(key) ?? [];
    list.push(v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v));
    values.set(key, list);
  }
  const one = (key: string): string | undefined => values.get(key)?.[0];
  const format = one('format');
  if (format === undefined) return broken('ไม่มีรุ่นของรูปแบบ (format)', 'no format version');
  if (format !== BINDING_FORMAT && format !== BINDING_FORMAT_V1) {
    return {
      ok: false,
      issues: [
        issue('binding-version', 'error', {
          th: `ไฟล์นี้สร้างด้วยรูปแบบ ${format} ซึ่งโปรแกรมรุ่นนี้ไม่รู้จัก (รู้จัก ${BINDING_FORMAT}) ให้ปรับรุ่น Scorebook`,
          en: `this file uses format ${format}, which this version does not know (it knows ${BINDING_FORMAT}); update Scorebook`,
        }),
      ],
    };
  }
  const json = (key: string, packed = false): { ok: true; value: unknown } | { ok: false } => {
    const parts = values.get(key);
    if (!parts) return { ok: false };
    try {
      const text = parts.join('');
      // Decoded once per distinct text: the record is read after every edit, and rarely changes (unpackOnce.ts).
      return { ok: true, value: decodeOnce(`${key}@${packed ? 2 : 1}`, text, packed ? unpackJson : (t) => JSON.parse(t) as unknown) };
    } catch {
      return { ok: false };
    }
  };
  // @1 kept every value as plain JSON; @2 packs the two long ones.
  const packed = format === BINDING_FORMAT;
  const assessment = json('assessment', packed);
  if (!assessment.ok) return broken('ข้อมูลชุดตัวชี้วัดอ่านไม่ได้', 'the assessment document cannot be read');
  const columns = json('columns');
  const server = json('server', packed);
  const multiUnit = json('multiUnit');
  const headerRow = Number(one('headerRow'));
  const sheet = one('sheet');
  if (!sheet || !Number.isInteger(headerRow) || headerRow < 1) return broken('ไม่ระบุชีตหรือแถวหัวตาราง', 'the sheet or header row is missing');
  return {
    ok: true,
    value: {
      format: BINDING_FORMAT,
      sheet,
      table: one('table') ?? '',
      settingsSheet: one('settingsSheet') ?? '',
      headerRow,
      columns: columns.ok && typeof columns.value === 'object' && columns.value !== null ? (columns.value as BindingRecord['columns']) : {},
      assessment: assessment.value,
      ...(server.ok ? { server: server.value } : {}),
      ...(multiUnit.ok && isMultiUnitColumns(multiUnit.value) ? { multiUnit: multiUnit.value } : {}),
    },
  };
}

function isMultiUnitColumns(v: unknown): v is MultiUnitColumns {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.unit === 'string' && typeof o.unitName === 'string' && typeof o.unitTotal === 'string';
}

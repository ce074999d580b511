/**
 * The binding record a template keeps in its very hidden sheet: which sheet and table are the KPI sheet, which
 * column means what, and the assessment document itself, so a workbook can be checked with nothing else. Versioned
 * from the first release (`format`); a reader meeting a newer version says so instead of guessing.
 *
 * Stored as key / value rows (column A the key, column B the value). A value longer than one cell may hold (Excel:
 * 32,767 characters) continues on further rows with the same key.
 */
import { issue, type Issue } from '../domain';
import type { CellValue } from './cells';
import type { ColumnRole } from './headers';

export const BINDING_FORMAT = 'scorebook/workbook@1';
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
}

export function bindingRows(record: BindingRecord): CellValue[][] {
  const rows: CellValue[][] = [
    ['format', record.format],
    ['sheet', record.sheet],
    ['table', record.table],
    ['settingsSheet', record.settingsSheet],
    ['headerRow', record.headerRow],
  ];
  const long = (key: string, value: unknown): void => {
    const text = JSON.stringify(value);
    for (let i = 0; i < text.length || i === 0; i += CHUNK) rows.push([key, text.slice(i, i + CHUNK)]);
  };
  long('columns', record.columns);
  long('assessment', record.assessment);
  if (record.server !== undefined) long('server', record.server);
  return rows;
}

export type BindingRead = { ok: true; value: BindingRecord } | { ok: false; issues: Issue[] };

const broken = (th: string, en: string): BindingRead => ({
  ok: false,
  issues: [issue('binding-invalid', 'error', { th: `บันทึกการผูกชีตของ Scorebook เสียหาย: ${th}`, en: `the Scorebook binding record is damaged: ${en}` })],
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
  if (format !== BINDING_FORMAT) {
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
  const json = (key: string): { ok: true; value: unknown } | { ok: false } => {
    const parts = values.get(key);
    if (!parts) return { ok: false };
    try {
      return { ok: true, value: JSON.parse(parts.join('')) as unknown };
    } catch {
      return { ok: false };
    }
  };
  const assessment = json('assessment');
  if (!assessment.ok) return broken('ข้อมูลชุดตัวชี้วัดอ่านไม่ได้', 'the assessment document cannot be read');
  const columns = json('columns');
  const server = json('server');
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
    },
  };
}

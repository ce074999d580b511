/**
 * One definitions cell read as a person may have typed it: Thai digits, thousands separators, a number kept as
 * text; and what is not usable (85%, #N/A, a word in a number cell) said at the cell, in Thai and English.
 */
import { issue, readYesNoWord, toArabicDigits, type Issue, type Message } from '../../domain';
import { cellAddress, isCellError, type CellValue } from '../cells';

/** "ตัวชี้วัด!E7": the form a definitions issue names its cell by (quoted only when the name needs it). */
export function cellRef(sheet: string, row: number, column: number): string {
  const name = /[!']/.test(sheet) || sheet.trim() !== sheet || sheet === '' ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return `${name}!${cellAddress(row, column)}`;
}

export class CellIssues {
  readonly list: Issue[] = [];

  add(code: string, severity: Issue['severity'], cell: string, message: Message, indicatorId?: string): void {
    this.list.push(
      issue(
        code,
        severity,
        { th: `${cell}: ${message.th}`, en: `${cell}: ${message.en}` },
        { cell, ...(indicatorId ? { indicatorId } : {}) },
      ),
    );
  }
}

/** Blank, or text of spaces only. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.replace(/[\s\u00A0\u200B]+/g, '') === '');
}

/** A cell as text, trimmed; numbers as JavaScript writes them (the shortest form that reads back the same). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.error;
}

const NUMBER_TEXT = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?$/;

export type NumberCell = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: Message };

/**
 * A number cell: a number, or text of one in Arabic or Thai digits ("๑๐", "2,874.79"). A percent sign, a percent
 * number format, an Excel error, a word: each a message naming what is there. Blank is the caller's question.
 */
export function readNumberCell(value: CellValue | undefined, numberFormat?: string | null): NumberCell {
  if (isCellError(value)) {
    return {
      ok: false,
      message: {
        th: `เซลล์มีค่าผิดพลาดของ Excel (${value.error}) ให้กรอกเป็นตัวเลข`,
        en: `the cell holds an Excel error (${value.error}); enter a number`,
      },
    };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: { th: 'ค่านี้ไม่ใช่ตัวเลขที่ใช้ได้', en: 'not a usable number' } };
    if (numberFormat && numberFormat.includes('%')) {
      const shown = `${String(Math.round(value * 1e10) / 1e8)}%`;
      return {
        ok: false,
        message: {
          th: `เซลล์จัดรูปแบบเป็นร้อยละ (${shown}) Excel เก็บค่าไว้เป็น ${value} ให้จัดรูปแบบเป็นตัวเลขแล้วกรอก ${shown.slice(0, -1)}`,
          en: `the cell is formatted as a percentage (${shown}), which Excel keeps as ${value}; format it as a number and enter ${shown.slice(0, -1)}`,
        },
      };
    }
    return { ok: true, value };
  }
  if (typeof value === 'boolean') {
    return { ok: false, message: { th: `${value ? 'TRUE' : 'FALSE'} ไม่ใช่ตัวเลข`, en: `${value ? 'TRUE' : 'FALSE'} is not a number` } };
  }
  const typed = cellText(value);
  const text = toArabicDigits(typed)
    .replace(/[\s\u00A0\u200B]+/g, '')
    .replace(/\u2212/g, '-');
  if (/^#/.test(text)) {
    return {
      ok: false,
      message: { th: `เซลล์มีค่าผิดพลาดของ Excel (${typed}) ให้กรอกเป็นตัวเลข`, en: `the cell holds an Excel error (${typed}); enter a number` },
    };
  }
  if (text.endsWith('%') && NUMBER_TEXT.test(text.slice(0, -1)) && /\d/.test(text)) {
    const bare = text.slice(0, -1);
    return {
      ok: false,
      message: {
        th: `"${typed}" มีเครื่องหมาย % กรอกเป็นตัวเลขไม่มี % เช่น ${bare} (หน่วยนับ "ร้อยละ" บอกว่าเป็นร้อยละแล้ว)`,
        en: `"${typed}" has a % sign; enter the number without it, ${bare} (the unit "ร้อยละ" says it is a percentage)`,
      },
    };
  }
  if (text === '' || !NUMBER_TEXT.test(text) || !/\d/.test(text)) {
    return { ok: false, message: { th: `"${typed}" ไม่ใช่ตัวเลข`, en: `"${typed}" is not a number` } };
  }
  return { ok: true, value: Number(text.replace(/,/g, '')) };
}

/** ใช่ / ✓ / 1 / TRUE → true, ไม่ใช่ / 0 / FALSE → false (the domain's word table); undefined: not a yes or no. */
export function readYesNoCell(value: CellValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  const word = readYesNoWord(cellText(value));
  return word === null ? undefined : word;
}

/** Excel's day 0 (1899-12-30): a date typed into a cell arrives as the serial number Excel stores. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function excelSerialDate(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.round(serial * 86_400_000)).toISOString().slice(0, 10);
}

/**
 * Reading numbers as Thai staff type them (เลขไทย ๐–๙, thousands separators, a trailing %, the unit)
 * and writing them back rounded the way the assessment reports them.
 */
import { groupThousands, roundHalfUpText } from './decimalRounding';
import { issue, type Issue } from './issues';

const THAI_ZERO = 0x0e50;

/** ๐๑๒๓๔๕๖๗๘๙ → 0123456789; everything else unchanged. */
export function toArabicDigits(text: string): string {
  // A scan, not a replace with a callback: a central sheet reads a million cells, most without a Thai digit.
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= THAI_ZERO && c <= THAI_ZERO + 9) {
      first = i;
      break;
    }
  }
  if (first < 0) return text;
  let out = text.slice(0, first);
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= THAI_ZERO && c <= THAI_ZERO + 9 ? String.fromCharCode(c - THAI_ZERO + 48) : text[i];
  }
  return out;
}

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

/** Beyond this a double no longer holds every integer exactly, so such a value is almost surely a typo. */
export const LARGEST_ACCEPTED = 1e15;

const EXCEL_ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|GETTING_DATA|UNKNOWN!)$/i;
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?$/;
/** A part of PLAIN_NUMBER (with a leading digit, no spaces), then an optional %: what most cells hold. */
const SIMPLE_NUMBER = /^(-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?)(%)?$/;

/** A unit whose text could end a number ("10", "%"…) would be cut off the number first; such units take the full reading. */
export function unitCouldEndANumber(unit: string | undefined): boolean {
  return unit !== undefined && /[\d.,%\u0E50-\u0E59-]\s*$/.test(unit);
}
// Spaces, no-break spaces and zero-width characters that arrive with pasted text.
const INVISIBLE = /[\s\u00A0\u200B-\u200D\u2060\uFEFF]+/g;

export type NumberReading =
  | { readonly kind: 'number'; readonly value: number; readonly percent: boolean }
  | { readonly kind: 'blank' }
  | { readonly kind: 'invalid'; readonly issue: Issue };

export interface ReadNumberOptions {
  /** The indicator's unit (ล้านบาท, ร้อยละ …): a value typed with it, "3,050 ล้านบาท", is read as 3050. */
  readonly unit?: string;
  readonly indicatorId?: string;
  readonly field?: string;
}

/**
 * Reads one typed value. A blank is not a zero: it is "not reported", and the caller decides what that scores.
 * Anything that is not clearly a number is an issue naming what was typed, never a silent zero.
 */
export function readNumber(raw: unknown, options: ReadNumberOptions = {}): NumberReading {
  if (raw === null || raw === undefined) return { kind: 'blank' };
  // The common case, a number cell, without building the texts only an issue would need.
  if (typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw) <= LARGEST_ACCEPTED)
    return { kind: 'number', value: raw, percent: false };
  const where = { indicatorId: options.indicatorId, field: options.field };
  if (typeof raw === 'number') return checkMagnitude(raw, false, String(raw), options);
  if (typeof raw === 'boolean') {
    return invalid('value-not-number', where, {
      th: `ค่า ${raw ? 'TRUE' : 'FALSE'} ไม่ใช่ตัวเลข กรุณากรอกผลการดำเนินงานเป็นตัวเลข`,
      en: `${raw ? 'TRUE' : 'FALSE'} is not a number; enter the result as a number`,
    });
  }
  if (typeof raw !== 'string') {
    return invalid('value-not-number', where, {
      th: 'ค่าที่กรอกไม่ใช่ตัวเลข กรุณากรอกผลการดำเนินงานเป็นตัวเลข',
      en: 'The value is not a number; enter the result as a number',
    });
  }
  const typed = raw;
  // The common typed cell ("85.5", "85%", "๓,๐๕๐") read at once; it is what the full reading below gives it.
  const arabic = toArabicDigits(raw);
  const simple = SIMPLE_NUMBER.exec(arabic);
  if (simple && !unitCouldEndANumber(options.unit)) {
    const digits = simple[1] as string;
    return checkMagnitude(Number(digits.includes(',') ? digits.replace(/,/g, '') : digits), simple[2] !== undefined, typed, options);
  }
  let text = arabic
    .replace(INVISIBLE, ' ')
    .trim()
    .replace(/\u2212/g, '-');
  if (text === '') return { kind: 'blank' };
  if (EXCEL_ERROR.test(text)) {
    return invalid('excel-error', where, {
      th: `เซลล์มีค่าผิดพลาดของ Excel (${text}) แก้สูตรหรือกรอกผลการดำเนินงานใหม่`,
      en: `The cell holds an Excel error (${text}); fix the formula or enter the result again`,
    });
  }
  const unit = options.unit?.trim();
  if (unit && unit !== '%' && text.toLowerCase().endsWith(unit.toLowerCase())) {
    text = text.slice(0, text.length - unit.length).trim();
  }
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  const compact = text.replace(/ /g, '');
  if (compact === '' || !PLAIN_NUMBER.test(compact) || !/\d/.test(compact)) {
    return invalid('value-not-number', where, {
      th: `"${typed}" ไม่ใช่ตัวเลข กรุณากรอกผลเป็นตัวเลข เช่น 3050 หรือ 3050.25`,
      en: `"${typed}" is not a number; enter the result as a number, such as 3050 or 3050.25`,
    });
  }
  return checkMagnitude(Number(compact.replace(/,/g, '')), percent, typed, options);
}

/** 10^0 … 10^22: every one exact as a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const LARGEST_EXACT = Number.MAX_SAFE_INTEGER;

/**
 * The value of a typed cell in the common form `SIMPLE_NUMBER` takes (Arabic or Thai digits, thousands in threes,
 * a fraction, a trailing %), read in one scan with no text built; NaN for anything else, which the caller reads
 * with `readNumber`. The same double `readNumber` gives: the digits make an integer m below 2^53 and there are at
 * most 22 decimals, so m / 10^decimals divides two exact doubles and rounds once, as `Number(text)` rounds the
 * decimal (a longer number gives NaN here). A value over `LARGEST_ACCEPTED` gives NaN too (`readNumber` says why).
 * Not for an indicator whose unit could end a number (`readNumber` reads the unit off first).
 */
export function quickTypedNumber(text: string): number {
  const length = text.length;
  let i = 0;
  let negative = false;
  if (i < length && text.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  let m = 0;
  // Digits of the whole part; the group being read when commas are used (-1 before the first comma).
  let whole = 0;
  let group = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= THAI_ZERO && c <= THAI_ZERO + 9 ? c - THAI_ZERO : -1;
    if (d >= 0) {
      m = m * 10 + d;
      whole++;
      if (group >= 0) group++;
      continue;
    }
    if (c !== 44) break;
    // A comma: the part before it is 1–3 digits (the first) or exactly 3 (the others).
    if (group < 0 ? whole < 1 || whole > 3 : group !== 3) return Number.NaN;
    group = 0;
  }
  if (whole === 0 || (group >= 0 && group !== 3)) return Number.NaN;
  let decimals = 0;
  if (i < length && text.charCodeAt(i) === 46) {
    i++;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= THAI_ZERO && c <= THAI_ZERO + 9 ? c - THAI_ZERO : -1;
      if (d < 0) break;
      m = m * 10 + d;
      decimals++;
    }
    if (decimals === 0) return Number.NaN;
  }
  if (i < length && text.charCodeAt(i) === 37) i++;
  if (i !== length || m > LARGEST_EXACT || decimals > 22) return Number.NaN;
  const magnitude = decimals === 0 ? m : m / (POWERS_OF_TEN[decimals] as number);
  if (magnitude > LARGEST_ACCEPTED) return Number.NaN;
  return negative ? -magnitude : magnitude;
}

function checkMagnitude(value: number, percent: boolean, typed: string, options: ReadNumberOptions): NumberReading {
  const where = { indicatorId: options.indicatorId, field: options.field };
  if (!Number.isFinite(value)) {
    return invalid('value-not-number', where, {
      th: `"${typed}" ไม่ใช่ตัวเลขที่ใช้ได้`,
      en: `"${typed}" is not a usable number`,
    });
  }
  if (Math.abs(value) > LARGEST_ACCEPTED) {
    return invalid('value-too-large', where, {
      th: `"${typed}" ใหญ่เกินกว่าจะเป็นผลการดำเนินงาน (เกิน 10^15) ตรวจสอบว่าพิมพ์ตัวเลขเกินหรือไม่`,
      en: `"${typed}" is too large to be a result (over 10^15); check for extra digits`,
    });
  }
  return { kind: 'number', value, percent };
}

function invalid(code: string, where: { indicatorId?: string; field?: string }, message: { th: string; en: string }): NumberReading {
  return { kind: 'invalid', issue: issue(code, 'error', message, where) };
}

/**
 * Half-up rounding (ปัดเศษครึ่งขึ้น) at `decimals`, exact on the number's shortest decimal (decimalRounding.ts):
 * 1.005 → 1.01 and 7512400000 → 7512400000 at any magnitude. The nearest double to the rounded decimal.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  return Number(roundHalfUpText(value, decimals));
}

/** A number as a Thai report shows it: grouped thousands, fixed decimals, half-up; every display uses it. */
export function formatNumber(value: number, decimals: number, options: { thaiDigits?: boolean } = {}): string {
  const text = Number.isFinite(value) ? groupThousands(roundHalfUpText(value, decimals)) : value.toLocaleString('en-US');
  return options.thaiDigits ? toThaiDigits(text) : text;
}

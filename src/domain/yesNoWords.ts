/**
 * The words people type for a step or a yes/no result (seeds 000, 003, 004: "ทำสำเร็จ / ไม่สำเร็จ",
 * "ส่งแล้วกรอก 1 / ไม่ส่งกรอก 0"), in one table. Spaces are ignored ("ทำ สำเร็จ" is ทำสำเร็จ), Latin letters
 * match in any case, and Thai digits ๑ / ๐ are 1 / 0.
 */
import { toArabicDigits, toThaiDigits } from './thaiNumbers';

/** Achieved (สำเร็จ), read as 1. */
export const YES_WORDS: readonly string[] = [
  '1',
  'ทำสำเร็จ',
  'สำเร็จ',
  'ดำเนินการ',
  'ดำเนินการแล้ว',
  'ส่งแล้ว',
  '✓',
  '✔',
  'ใช่',
  'มี',
  'ผ่าน',
  'true',
  'yes',
  'y',
  'x',
];

/** Not achieved (ไม่สำเร็จ), read as 0. */
export const NO_WORDS: readonly string[] = [
  '0',
  'ไม่สำเร็จ',
  'ยังไม่สำเร็จ',
  'ไม่ดำเนินการ',
  'ยังไม่ดำเนินการ',
  'ยังไม่ส่ง',
  'ไม่ส่ง',
  '✗',
  '✘',
  'ไม่ใช่',
  'ไม่มี',
  'ไม่ผ่าน',
  'false',
  'no',
  'n',
  '-',
];

// Spaces, no-break spaces and zero-width characters that arrive with pasted text.
const SPACES = /[\s\u00A0\u200B-\u200D\u2060\uFEFF]+/g;

/** The form a typed word is compared in: no spaces, lower case, Arabic digits. */
export function normalizeWord(text: string): string {
  return toArabicDigits(text).replace(SPACES, '').toLowerCase();
}

const MEANING = new Map<string, boolean>([
  ...YES_WORDS.map((w) => [normalizeWord(w), true] as const),
  ...NO_WORDS.map((w) => [normalizeWord(w), false] as const),
]);

/** true (1), false (0), null for a blank, undefined for text that is neither. */
export function readYesNoWord(text: string): boolean | null | undefined {
  const word = normalizeWord(text);
  if (word === '') return null;
  return MEANING.get(word);
}

/** One form of a word as a sheet can match it, and what it means (true: 1, false: 0). */
export interface YesNoWordForm {
  readonly form: string;
  readonly yes: boolean;
}

/**
 * The table as a lookup a spreadsheet can use: every word in its compared form (no spaces, lower case), and for a
 * word written with digits its Thai-digit twin too ("๑", "๐"), since a formula cannot convert digits. A sheet
 * compares case-insensitively and removes the spaces itself (src/workbook stepWords.ts), so these forms are the
 * whole table there; they are generated here so the words live in one place.
 */
export function yesNoWordForms(): readonly YesNoWordForm[] {
  const out: YesNoWordForm[] = [];
  const seen = new Set<string>();
  const add = (form: string, yes: boolean): void => {
    if (form === '' || seen.has(form)) return;
    seen.add(form);
    out.push({ form, yes });
  };
  for (const [words, yes] of [
    [YES_WORDS, true],
    [NO_WORDS, false],
  ] as const) {
    for (const w of words) {
      const form = normalizeWord(w);
      add(form, yes);
      add(toThaiDigits(form), yes);
    }
  }
  return out;
}

/**
 * The words people type for a step or a yes/no result (seeds 000, 003, 004: "ทำสำเร็จ / ไม่สำเร็จ",
 * "ส่งแล้วกรอก 1 / ไม่ส่งกรอก 0"), in one table. Spaces are ignored ("ทำ สำเร็จ" is ทำสำเร็จ), Latin letters
 * match in any case, and Thai digits ๑ / ๐ are 1 / 0.
 */
import { toArabicDigits } from './thaiNumbers';

/** Achieved (สำเร็จ), read as 1. */
export const YES_WORDS: readonly string[] = [
  '1', 'ทำสำเร็จ', 'สำเร็จ', 'ดำเนินการ', 'ดำเนินการแล้ว', 'ส่งแล้ว', '✓', '✔', 'ใช่', 'มี', 'ผ่าน',
  'true', 'yes', 'y', 'x',
];

/** Not achieved (ไม่สำเร็จ), read as 0. */
export const NO_WORDS: readonly string[] = [
  '0', 'ไม่สำเร็จ', 'ยังไม่สำเร็จ', 'ไม่ดำเนินการ', 'ยังไม่ดำเนินการ', 'ยังไม่ส่ง', 'ไม่ส่ง', '✗', '✘', 'ไม่ใช่', 'ไม่มี',
  'ไม่ผ่าน', 'false', 'no', 'n', '-',
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

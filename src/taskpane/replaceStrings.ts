/**
 * The strings of the replace guard (ReplaceDialog.tsx), Thai and English, typed so a key missing from either
 * language is a compile error.
 */
import type { Locale } from '../domain';
import { useLocale } from './i18n';

const list = (ids: readonly string[], locale: Locale): string => {
  const shown = ids.slice(0, 8).join(', ');
  return ids.length > 8 ? `${shown} ${locale === 'th' ? `และอีก ${ids.length - 8}` : `and ${ids.length - 8} more`}` : shown;
};

const th = {
  heading: (sheet: string) => `ชีต ${sheet} มีงานที่จะหายไป`,
  unsent: (n: number) => `ชีตนี้มีผลที่ยังไม่ได้ส่ง ${n} แถว`,
  results: (n: number, ids: readonly string[]) => `ผลที่กรอกไว้ ${n} แถว (ตัวชี้วัด ${list(ids, 'th')})`,
  notes: (n: number) => `คำชี้แจง อุปสรรค หรือหมายเหตุ ${n} แถว`,
  own: (headers: readonly string[]) => `คอลัมน์ที่ท่านเพิ่มเอง: ${headers.join(', ')}`,
  other: (n: number) => `ข้อมูลอื่นที่พิมพ์ไว้ ${n} เซลล์`,
  question: 'จะทำอย่างไรกับชีตนี้',
  newSheet: (name: string) => `เปิดในชีตใหม่ (${name})`,
  newSheetHint: 'ชีตเดิมอยู่ครบ ไม่มีอะไรถูกเขียนทับ',
  keepMine: 'เก็บค่าของฉันไว้ เป็นแถวที่แก้ไขแล้ว',
  keepMineHint: 'ใช้ข้อมูลจากเซิร์ฟเวอร์ แต่ค่าที่ท่านกรอกไว้ทับค่าของเซิร์ฟเวอร์ และนับเป็นแถวที่ยังไม่ส่ง',
  replace: 'แทนที่ชีตนี้…',
  replaceHint: 'ค่าที่กรอกไว้จะหายไปทั้งหมด',
  confirmHeading: 'ยืนยันการแทนที่',
  confirm: (sheet: string, cells: number) => `ค่าที่กรอกไว้ ${cells} เซลล์ในชีต ${sheet} จะหายไป และย้อนกลับ (Undo) ไม่ได้`,
  confirmButton: 'แทนที่ ค่าที่กรอกไว้จะหายไป',
  go: 'ดำเนินการ',
  back: 'กลับ',
  cancel: 'ยกเลิก',
  cancelled: 'ยกเลิกแล้ว ไม่มีอะไรถูกเขียนทับ',
  keptNew: (sheet: string) => `ชีตเดิมยังอยู่ครบ เปิดในชีต ${sheet}`,
  keptMine: (n: number) => `เก็บค่าที่ท่านกรอกไว้ ${n} แถว เป็นแถวที่แก้ไขแล้ว ยังไม่ส่ง`,
};

const en: typeof th = {
  heading: (sheet) => `Work on sheet ${sheet} would be lost`,
  unsent: (n) => `This sheet has ${n} ${n === 1 ? 'row' : 'rows'} of results not yet sent`,
  results: (n, ids) => `Results typed in ${n} ${n === 1 ? 'row' : 'rows'} (indicators ${list(ids, 'en')})`,
  notes: (n) => `Explanations, obstacles or remarks in ${n} ${n === 1 ? 'row' : 'rows'}`,
  own: (headers) => `Columns you added: ${headers.join(', ')}`,
  other: (n) => `Other typed data in ${n} ${n === 1 ? 'cell' : 'cells'}`,
  question: 'What should happen to this sheet?',
  newSheet: (name) => `Open in a new sheet (${name})`,
  newSheetHint: 'The sheet stays as it is; nothing is written over',
  keepMine: 'Keep my values as changed rows',
  keepMineHint: "The server's rows, with the values you typed over them, counted as changed and not sent",
  replace: 'Replace this sheet…',
  replaceHint: 'Everything typed in it goes',
  confirmHeading: 'Confirm replacing',
  confirm: (sheet, cells) =>
    `${cells} typed ${cells === 1 ? 'cell' : 'cells'} on sheet ${sheet} will be lost, and Undo cannot bring them back`,
  confirmButton: 'Replace, losing what was typed',
  go: 'Continue',
  back: 'Back',
  cancel: 'Cancel',
  cancelled: 'Cancelled; nothing was written over',
  keptNew: (sheet) => `The sheet you had is untouched; opened in sheet ${sheet}`,
  keptMine: (n) => `Kept the values you typed in ${n} ${n === 1 ? 'row' : 'rows'}, as changed rows not yet sent`,
};

export const REPLACE_STRINGS = { th, en } as const;

export function useReplaceStrings(): { r: typeof th; locale: Locale } {
  const { locale } = useLocale();
  return { r: REPLACE_STRINGS[locale], locale };
}

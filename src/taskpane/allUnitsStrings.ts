/**
 * The strings of "open all units" (OpenAllUnits.tsx), Thai and English, typed so a key missing from either language
 * is a compile error.
 */
import type { Locale } from '../domain';
import { useLocale } from './i18n';

const th = {
  heading: 'ทุกหน่วยงานในชีตเดียว',
  intro: (units: number) => `เปิดผลของทุกหน่วยงาน (${units} หน่วยงาน) ในรอบที่เลือก เป็นชีตเดียว หน่วยงานละหนึ่งช่วงแถว พร้อมสถานะของแต่ละแถว`,
  open: 'เปิดทุกหน่วยงาน',
  opening: 'กำลังเปิดทุกหน่วยงานจากเซิร์ฟเวอร์…',
  opened: (sheet: string, units: number, rows: number) => `เปิดชีต ${sheet} แล้ว: ${units} หน่วยงาน ข้อมูลบนเซิร์ฟเวอร์ ${rows} แถว`,
  statuses: (submitted: number, approved: number, returned: number, draft: number) =>
    `ส่งแล้ว รออนุมัติ ${submitted} · อนุมัติแล้ว ${approved} · ส่งคืนให้แก้ไข ${returned} · ร่าง ${draft}`,
  cancelled: 'ยกเลิกแล้ว ไม่มีอะไรถูกเขียน',
  keptNew: (sheet: string) => `เปิดในชีตใหม่ ${sheet} ชีตเดิมยังอยู่ครบ`,
  unlinked: (sheet: string) => `ชีต ${sheet} ไม่ได้เชื่อมกับเซิร์ฟเวอร์แล้ว หากจะส่งรายงานของหน่วยงาน ให้เปิดชีตของหน่วยงานนั้นอีกครั้ง`,
  pendingFirst: (sheet: string, n: number) =>
    `ยังไม่ได้เปิด: ชีต ${sheet} มีชุดข้อมูลรอส่ง ${n} ชุด ซึ่งจะหายไปถ้าเปิดทุกหน่วยงานตอนนี้ ส่งที่ค้างให้เสร็จก่อน แล้วเปิดอีกครั้ง`,
  changedFirst: (sheet: string, n: number) => `ยังไม่ได้เปิด: ชีต ${sheet} มี ${n} แถวที่แก้ไขแล้วยังไม่ส่ง ส่งก่อน (หรือเปิดในไฟล์ใหม่) แล้วเปิดอีกครั้ง`,
  noUnits: 'เซิร์ฟเวอร์ไม่ได้ส่งหน่วยงานใดมา',
};

type AllUnitsStrings = { [K in keyof typeof th]: (typeof th)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: AllUnitsStrings = {
  heading: 'All units in one sheet',
  intro: (units) =>
    `Open every unit's results (${units} units) of the chosen round in one sheet, a block of rows per unit, with each row's status`,
  open: 'Open all units',
  opening: 'Opening all units from the server…',
  opened: (sheet, units, rows) => `Opened ${sheet}: ${units} units, ${rows} rows from the server`,
  statuses: (submitted, approved, returned, draft) =>
    `${submitted} submitted · ${approved} approved · ${returned} returned · ${draft} draft`,
  cancelled: 'Cancelled; nothing was written',
  keptNew: (sheet) => `Opened in a new sheet, ${sheet}; the other sheet is untouched`,
  unlinked: (sheet) => `Sheet ${sheet} is no longer linked to the server; to submit a unit's report, open that unit's sheet again`,
  pendingFirst: (sheet, n) =>
    `Not opened: sheet ${sheet} has ${n} batches waiting to be sent, which opening all units now would lose. Send them first, then open again`,
  changedFirst: (sheet, n) =>
    `Not opened: sheet ${sheet} has ${n} changed rows not sent. Submit them first (or use a new workbook), then open again`,
  noUnits: 'The server sent no units',
};

export const ALL_UNITS_STRINGS: Record<Locale, AllUnitsStrings> = { th, en };

export function useAllUnitsStrings(): AllUnitsStrings {
  return ALL_UNITS_STRINGS[useLocale().locale];
}

/**
 * The strings of the overview sheet action (OverviewSheet.tsx), Thai and English, typed so a key missing from either
 * language is a compile error.
 */
import type { Locale } from '../domain';
import { useLocale } from './i18n';

const th = {
  heading: 'ชีตภาพรวม',
  intro: (units: number) =>
    `ทุกหน่วยงาน (${units} หน่วยงาน) ในรอบที่เลือก หน่วยงานละแถว ตัวชี้วัดละคอลัมน์ พร้อมคะแนนรวม ลำดับ สรุปสถานะ และกราฟ เป็นชีตธรรมดาที่เรียง กรอง และพิมพ์ได้`,
  show: 'แสดง',
  results: 'ผลการดำเนินงาน',
  scores: 'คะแนน',
  statuses: 'สถานะ',
  open: 'เปิดชีตภาพรวม',
  refresh: 'รีเฟรช',
  opening: 'กำลังอ่านภาพรวมจากเซิร์ฟเวอร์…',
  opened: (sheet: string, units: number) => `เขียนชีต ${sheet} แล้ว: ${units} หน่วยงาน พร้อมกราฟคะแนนรวม`,
  statuses_: (notStarted: number, draft: number, submitted: number, approved: number, returned: number) =>
    `ยังไม่เริ่ม ${notStarted} · ร่าง ${draft} · ส่งแล้ว ${submitted} · อนุมัติแล้ว ${approved} · ส่งคืน ${returned}`,
  keptNew: (sheet: string) => `เขียนในชีตใหม่ ${sheet} ชีตเดิมยังอยู่ครบ`,
  cancelled: 'ยกเลิกแล้ว ไม่มีอะไรถูกเขียน',
  noOverview: 'เซิร์ฟเวอร์นี้ยังไม่มีภาพรวม',
};

type OverviewStrings = { [K in keyof typeof th]: (typeof th)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: OverviewStrings = {
  heading: 'Overview sheet',
  intro: (units) =>
    `Every unit (${units} units) of the chosen round, a row per unit and a column per indicator, with totals, ranks, a status summary and a chart: an ordinary sheet you can sort, filter and print`,
  show: 'Show',
  results: 'Results',
  scores: 'Scores',
  statuses: 'Statuses',
  open: 'Open overview sheet',
  refresh: 'Refresh',
  opening: 'Reading the overview from the server…',
  opened: (sheet, units) => `Wrote ${sheet}: ${units} units, with a chart of the totals`,
  statuses_: (notStarted, draft, submitted, approved, returned) =>
    `${notStarted} not started · ${draft} draft · ${submitted} submitted · ${approved} approved · ${returned} returned`,
  keptNew: (sheet) => `Written in a new sheet, ${sheet}; the other sheet is untouched`,
  cancelled: 'Cancelled; nothing was written',
  noOverview: 'This server has no overview yet',
};

export const OVERVIEW_STRINGS: Record<Locale, OverviewStrings> = { th, en };

export function useOverviewStrings(): OverviewStrings {
  return OVERVIEW_STRINGS[useLocale().locale];
}

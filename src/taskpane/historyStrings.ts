/** The history view's strings (HistoryPanel.tsx), Thai and English; a key missing from either is a compile error. */
import type { Locale } from '../domain';
import { useLocale } from './i18n';

const th = {
  heading: 'ประวัติผลการประเมิน',
  intro: (unit: string) => `ผลของ ${unit} ทุกรอบ (6 → 9 → 12 เดือน) เทียบปีต่อปี`,
  show: 'แสดงประวัติ',
  refresh: 'โหลดใหม่',
  loading: 'กำลังโหลดประวัติ…',
  none: 'ยังไม่มีผลที่บันทึกไว้ในรอบใดของหน่วยงานนี้',
  total: 'คะแนนรวม (ประเมินตนเอง)',
  official: 'คะแนนที่รับรองแล้ว',
  indicator: 'ตัวชี้วัด',
  result: 'ผล',
  score: 'คะแนน',
  change: 'เปลี่ยนจากรอบก่อน',
  point: 'ปี / รอบ',
  pointLabel: (year: string, round: number) => `${year} รอบ ${round} เดือน`,
  year: (y: number | null, assessment: string) => (y === null ? assessment : `ปี ${y}`),
  sinceLast: (change: string, from: string, to: string) => `เปลี่ยนจากรอบก่อน ${change} (${from} → ${to})`,
  yearOverYear: (change: string, round: number, year: string) => `เทียบปีก่อน ${change} (รอบ ${round} เดือน ${year})`,
  noChange: 'ยังไม่มีรอบก่อนให้เทียบ',
  chartOf: (what: string) => `แผนภูมิ${what} ตามรอบ แยกตามปี`,
  chooseIndicator: 'ตัวชี้วัดที่ดู',
  openSheet: 'เปิดเป็นชีต',
  writingSheet: 'กำลังเขียนชีตประวัติ…',
  sheetWritten: (sheet: string) => `เขียนชีต ${sheet} แล้ว (ตารางและแผนภูมิ)`,
  noHistoryRoute: 'เซิร์ฟเวอร์นี้ยังไม่มีประวัติผลการประเมิน',
};

type HistoryStrings = { [K in keyof typeof th]: (typeof th)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: HistoryStrings = {
  heading: 'History',
  intro: (unit) => `${unit} at every round (6 → 9 → 12 months), year over year`,
  show: 'Show history',
  refresh: 'Reload',
  loading: 'Loading the history…',
  none: 'No round of this unit has stored results yet',
  total: 'Total (self-assessed)',
  official: 'Certified total',
  indicator: 'Indicator',
  result: 'Result',
  score: 'Score',
  change: 'Change since the round before',
  point: 'Year / round',
  pointLabel: (year, round) => `${year}, ${round}-month round`,
  year: (y, assessment) => (y === null ? assessment : `FY ${y}`),
  sinceLast: (change, from, to) => `Change since the last round: ${change} (${from} → ${to})`,
  yearOverYear: (change, round, year) => `Year over year: ${change} (against the ${round}-month round of ${year})`,
  noChange: 'No earlier round to compare with yet',
  chartOf: (what) => `Chart of the ${what} by round, a line per year`,
  chooseIndicator: 'Indicator shown',
  openSheet: 'Open as sheet',
  writingSheet: 'Writing the history sheet…',
  sheetWritten: (sheet) => `Wrote the sheet ${sheet} (table and chart)`,
  noHistoryRoute: 'This server has no history yet',
};

export const HISTORY_STRINGS: Record<Locale, HistoryStrings> = { th, en };

export function useHistoryStrings(): HistoryStrings {
  return HISTORY_STRINGS[useLocale().locale];
}

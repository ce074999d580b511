/** The strings of the report buttons (ReportButtons.tsx), Thai and English; a key missing from either is a compile error. */
import type { Locale } from '../domain';
import { useLocale } from './i18n';

const th = {
  heading: 'รายงานผลการดำเนินงาน',
  intro: 'รายงานผลการดำเนินงานตามตัวชี้วัดของรอบนี้ พร้อมลงนาม (ผู้รายงาน ผู้รับรอง)',
  pdf: 'รายงาน (PDF)',
  docx: 'รายงาน (Word)',
  thaiDigits: 'ใช้เลขไทย',
  working: 'กำลังจัดทำรายงาน…',
};

type ReportStrings = { [K in keyof typeof th]: string };

const en: ReportStrings = {
  heading: 'Report of results',
  intro: "The round's report of results by indicator, with the signature block (reporter, certifier)",
  pdf: 'Report (PDF)',
  docx: 'Report (Word)',
  thaiDigits: 'Thai digits',
  working: 'Making the report…',
};

export const REPORT_STRINGS: Record<Locale, ReportStrings> = { th, en };

export function useReportStrings(): ReportStrings {
  return REPORT_STRINGS[useLocale().locale];
}

/** What was done, as a bilingual message (kept in both languages, so it follows a language switch). */
export const reportDone = {
  fromServer: (file: string, server: string) => ({
    th: `ดาวน์โหลด ${file} จากเซิร์ฟเวอร์ ${server} แล้ว (จากข้อมูลที่ส่งไว้ พร้อมสถานะการอนุมัติ)`,
    en: `Downloaded ${file} from ${server} (from the rows stored there, with their approvals)`,
  }),
  fromSheet: (file: string) => ({
    th: `จัดทำ ${file} จากชีตนี้แล้ว`,
    en: `Made ${file} from this sheet`,
  }),
  fromSheetNotSignedIn: (file: string) => ({
    th: `จัดทำ ${file} จากชีตนี้แล้ว ชีตนี้เชื่อมกับเซิร์ฟเวอร์ แต่ยังไม่ได้เข้าสู่ระบบ: เข้าสู่ระบบในแท็บ "เซิร์ฟเวอร์" เพื่อรับรายงานจากข้อมูลที่ส่งไว้`,
    en: `Made ${file} from this sheet. The sheet is linked to a server but you are not signed in: sign in on the Server tab to get the report of the rows stored there`,
  }),
};

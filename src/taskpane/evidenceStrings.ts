/**
 * The strings of the evidence files panel (เอกสารหลักฐาน), Thai and English, typed so a key missing from either
 * language is a compile error; file sizes and upload times as the pane shows them.
 */
import { ATTACHMENT_EXTENSIONS, MAX_ATTACHMENT_BYTES } from '../api/attachments';
import { formatInstantIn, formatNumber, type Locale } from '../domain';
import { useLocale } from './i18n';

const ALLOWED = ATTACHMENT_EXTENSIONS.join(' ');
const LIMIT_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

const th = {
  heading: 'เอกสารหลักฐาน',
  indicator: 'ตัวชี้วัด',
  chooseFiles: 'เลือกไฟล์หลักฐาน',
  hint: `แนบได้หลายไฟล์ ไฟล์ละไม่เกิน ${LIMIT_MB} MB ชนิด ${ALLOWED}`,
  reload: 'โหลดรายการตัวชี้วัดใหม่',
  noIndicators: 'ยังไม่มีตัวชี้วัดให้เลือก เปิดชีตจากเซิร์ฟเวอร์ หรือเลือกชุดตัวชี้วัด หน่วยงาน และรอบก่อน',
  uploading: (name: string) => `กำลังแนบ ${name}`,
  uploaded: (name: string) => `แนบ ${name} แล้ว`,
  listLabel: (id: string) => `ไฟล์หลักฐานของตัวชี้วัด ${id}`,
  none: 'ยังไม่มีไฟล์หลักฐานของตัวชี้วัดนี้',
  loading: 'กำลังโหลดรายการไฟล์…',
  by: (who: string, when: string) => `แนบโดย ${who} เมื่อ ${when}`,
  open: 'เปิด',
  openLabel: (name: string) => `เปิด ${name}`,
  bytes: (n: string) => `${n} ไบต์`,
  // "Use the selected row" (model/evidenceSelection.ts).
  useSelected: 'ใช้แถวที่เลือกในชีต',
  selectedOtherSheet: (selected: string, bound: string) =>
    `ส่วนที่เลือกอยู่ในชีต ${selected} ไม่ใช่ชีตที่เชื่อมไว้ ไปที่ชีต ${bound} เลือกเซลล์ในแถวของตัวชี้วัด แล้วกดอีกครั้ง`,
  selectedNoIndicator: (address: string, bound: string) =>
    `ส่วนที่เลือก (${address}) ไม่ใช่แถวของตัวชี้วัด เลือกเซลล์ในแถวของตัวชี้วัดในชีต ${bound} แล้วกดอีกครั้ง`,
  selectedGroup: (id: string) => `ตัวชี้วัด ${id} คิดคะแนนจากตัวชี้วัดย่อย จึงแนบหลักฐานที่ตัวชี้วัดย่อย เลือกแถวของตัวชี้วัดย่อยแล้วกดอีกครั้ง`,
  selectedSeveral: (n: number, id: string) => `เลือกไว้ ${n} แถวตัวชี้วัด ใช้แถวบนสุด: ตัวชี้วัด ${id}`,
  selectedUsed: (id: string) => `ใช้ตัวชี้วัด ${id} จากแถวที่เลือก`,
};

type EvidenceStrings = typeof th;

const en: EvidenceStrings = {
  heading: 'Evidence files',
  indicator: 'Indicator',
  chooseFiles: 'Choose evidence files',
  hint: `Several files at once; at most ${LIMIT_MB} MB each; ${ALLOWED}`,
  reload: 'Reload the indicators',
  noIndicators: 'No indicators to choose from yet: open the sheet from the server, or choose the assessment, unit and round first.',
  uploading: (name) => `Attaching ${name}`,
  uploaded: (name) => `Attached ${name}`,
  listLabel: (id) => `Evidence files of indicator ${id}`,
  none: 'No evidence files for this indicator yet',
  loading: 'Loading the files…',
  by: (who, when) => `attached by ${who} on ${when}`,
  open: 'Open',
  openLabel: (name) => `Open ${name}`,
  bytes: (n) => `${n} bytes`,
  useSelected: 'Use the selected row',
  selectedOtherSheet: (selected, bound) =>
    `The selection is on sheet ${selected}, not the linked sheet. Go to sheet ${bound}, select a cell in an indicator's row, and press again.`,
  selectedNoIndicator: (address, bound) =>
    `The selection (${address}) is not on an indicator's row. Select a cell in an indicator's row on sheet ${bound} and press again.`,
  selectedGroup: (id) =>
    `Indicator ${id} is scored from its sub-indicators, so evidence goes on those. Select a sub-indicator's row and press again.`,
  selectedSeveral: (n, id) => `${n} indicator rows selected; using the top one: indicator ${id}`,
  selectedUsed: (id) => `Using indicator ${id} from the selected row`,
};

export const EVIDENCE_STRINGS: Record<Locale, EvidenceStrings> = { th, en };

export function useEvidenceStrings(): { e: EvidenceStrings; locale: Locale } {
  const { locale } = useLocale();
  return { e: EVIDENCE_STRINGS[locale], locale };
}

/** "856 ไบต์", "12.5 KB", "2.4 MB": KB below 1 MB, MB from there, grouped thousands as Thai reports write them. */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return EVIDENCE_STRINGS[locale].bytes(formatNumber(bytes, 0));
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

/** "25 มีนาคม 2567 10:00 น." / "25 March 2567 BE 10:00", Bangkok time. */
export function formatUploadedAt(instant: string, locale: Locale): string {
  return formatInstantIn(instant, locale);
}

/**
 * The strings of the evidence files panel (เอกสารหลักฐาน), Thai and English, typed so a key missing from either
 * language is a compile error; file sizes and upload times as the pane shows them.
 */
import { ATTACHMENT_EXTENSIONS, MAX_ATTACHMENT_BYTES } from '../api/attachments';
import { bangkokDate, formatNumber, type Locale } from '../domain';
import { formatDate } from './format';
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
  const time = new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(11, 16);
  return `${formatDate(bangkokDate(instant), locale)} ${time}${locale === 'th' ? ' น.' : ''}`;
}

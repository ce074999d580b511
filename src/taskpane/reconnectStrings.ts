/**
 * The line the pane shows while it waits to resend pending batches on its own (hooks/useAutoResend.ts), Thai and
 * English, typed so a key missing from either language is a compile error.
 */
import type { Locale } from '../domain';
import { useLocale } from './i18n';

const th = {
  waiting: (seconds: number) => `เซิร์ฟเวอร์ยังไม่ตอบ จะตรวจอีกครั้งในอีก ${seconds} วินาที แล้วส่งข้อมูลที่ค้างให้อัตโนมัติ ข้อมูลยังเก็บอยู่ในไฟล์`,
  checking: 'กำลังตรวจว่าเซิร์ฟเวอร์ตอบหรือไม่…',
  resending: 'เซิร์ฟเวอร์ตอบแล้ว กำลังส่งข้อมูลที่ค้างอีกครั้ง…',
};

type ReconnectStrings = typeof th;

const en: ReconnectStrings = {
  waiting: (seconds) =>
    `The server does not answer; checking again in ${seconds} s, then the pending rows are sent on their own. They are kept in the file.`,
  checking: 'Checking whether the server answers…',
  resending: 'The server answers; sending the pending rows again…',
};

export const RECONNECT_STRINGS: Record<Locale, ReconnectStrings> = { th, en };

export function useReconnectStrings(): ReconnectStrings {
  return RECONNECT_STRINGS[useLocale().locale];
}

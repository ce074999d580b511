/**
 * The strings of the server panel (sign-in, open from the server, submit), Thai and English, typed so a key
 * missing from either language is a compile error — kept beside strings.ts so the server work stays in its own
 * files while the rest of the pane changes.
 */
import type { RowOutcome } from '../api/submit';
import type { Locale } from '../domain';
import { formatDate } from './format';
import { useLocale } from './i18n';

const th = {
  tabServer: 'เซิร์ฟเวอร์',
  signInHeading: 'เข้าสู่ระบบรายงานตัวชี้วัด',
  signInAgain: 'การเข้าสู่ระบบหมดอายุ เข้าสู่ระบบอีกครั้งเพื่อทำงานต่อ ข้อมูลที่กรอกไว้ไม่หาย',
  serverAddress: 'ที่อยู่เซิร์ฟเวอร์',
  username: 'ชื่อผู้ใช้',
  password: 'รหัสผ่าน',
  signIn: 'เข้าสู่ระบบ',
  cancel: 'ยกเลิก',
  signingIn: 'กำลังเข้าสู่ระบบ…',
  signedInAs: (name: string, server: string) => `เข้าสู่ระบบเป็น ${name} ที่ ${server}`,
  openHeading: 'เปิดชีตจากเซิร์ฟเวอร์',
  assessment: 'ชุดตัวชี้วัด',
  unit: 'หน่วยงาน',
  round: 'รอบ',
  roundLabel: (months: number) => `รอบ ${months} เดือน`,
  window: (opens: string, closes: string) => `รับรายงาน ${opens} – ${closes}`,
  daysLeft: (n: number) => `เหลืออีก ${n} วัน`,
  notYetOpen: 'ยังไม่เปิดรับรายงาน',
  closed: 'ปิดรับรายงานแล้ว',
  closedLate: 'ปิดรับรายงานแล้ว ส่งช้าได้ (มีการหักคะแนน)',
  open: 'เปิดชีต',
  opening: 'กำลังเปิดชีตจากเซิร์ฟเวอร์…',
  opened: (sheet: string, rows: number) => `เปิดชีต ${sheet} แล้ว พร้อมข้อมูลบนเซิร์ฟเวอร์ ${rows} แถว`,
  submitHeading: 'ส่งรายงาน',
  submitChanged: 'ส่งแถวที่แก้ไข',
  submitting: 'กำลังส่ง…',
  nothingChanged: 'ไม่มีแถวที่แก้ไขตั้งแต่ได้รับการยืนยันครั้งล่าสุด',
  changedCount: (n: number) => `${n} แถวที่แก้ไข ยังไม่ส่ง`,
  submitDone: (accepted: number, total: number) => `เซิร์ฟเวอร์รับแล้ว ${accepted} จาก ${total} แถว`,
  pendingNote: (n: number) => `${n} แถวยังไม่ได้รับการยืนยัน เก็บไว้ในไฟล์และจะส่งอีกครั้ง`,
  resend: 'ส่งที่ค้างอีกครั้ง',
  notLinked: 'ชีตนี้ยังไม่ได้เปิดจากเซิร์ฟเวอร์ เลือกชุดตัวชี้วัด หน่วยงาน และรอบ แล้วเปิดชีต',
  outcome: {
    accepted: 'รับแล้ว', conflict: 'ขัดแย้ง', invalid: 'ไม่ถูกต้อง', locked: 'อนุมัติแล้ว แก้ไขไม่ได้', pending: 'รอส่งอีกครั้ง', refused: 'ถูกปฏิเสธ',
  } satisfies Record<RowOutcome['outcome'], string>,
  conflictDetail: (who: string, when: string, value: string) => `${who} แก้ไขเมื่อ ${when} ค่าบนเซิร์ฟเวอร์ ${value} ค่าในชีตยังอยู่`,
  lockedDetail: (who: string, when: string) => `${who} อนุมัติเมื่อ ${when}`,
  blocked: (n: number, first: string) => `ยังไม่ได้ส่ง: มีข้อผิดพลาด ${n} รายการในแถวที่แก้ไข แก้ไขก่อนแล้วส่งใหม่ (ดูแท็บตรวจสอบ) — ${first}`,
  refresh: 'ดึงสถานะจากเซิร์ฟเวอร์',
  refreshed: (returned: number, approved: number) => `ปรับสถานะแล้ว: อนุมัติ ${approved} แถว ส่งคืนให้แก้ไข ${returned} แถว`,
  statusOf: (status: string, comment: string | null | undefined) =>
    ({ draft: 'ร่าง', submitted: 'ส่งแล้ว รออนุมัติ', approved: 'อนุมัติแล้ว', returned: 'ส่งคืนให้แก้ไข' } as Record<string, string>)[status] + (comment ? `: ${comment}` : ''),
  approverHeading: 'อนุมัติรายงาน',
  loadSubmitted: 'แสดงแถวที่ส่งมา',
  noneSubmitted: 'ไม่มีแถวที่รออนุมัติ',
  comment: 'ความเห็น',
  commentHint: 'ต้องระบุเมื่อส่งคืนให้แก้ไข',
  approveSelected: (n: number) => `อนุมัติ ${n} แถว`,
  returnSelected: (n: number) => `ส่งคืน ${n} แถว`,
  approvedN: (n: number) => `อนุมัติแล้ว ${n} แถว`,
  returnedN: (n: number) => `ส่งคืนแล้ว ${n} แถว`,
  keepMine: 'ใช้ค่าของฉัน',
  takeTheirs: 'ใช้ค่าบนเซิร์ฟเวอร์',
  tookTheirs: (version: number) => `ใช้ค่าบนเซิร์ฟเวอร์ (รุ่น ${version})`,
};

type ServerStrings = typeof th;

const en: ServerStrings = {
  tabServer: 'Server',
  signInHeading: 'Sign in to the reporting API',
  signInAgain: 'Your session has ended. Sign in again to carry on; nothing you entered is lost.',
  serverAddress: 'Server address',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  cancel: 'Cancel',
  signingIn: 'Signing in…',
  signedInAs: (name, server) => `Signed in as ${name} at ${server}`,
  openHeading: 'Open from the server',
  assessment: 'Assessment',
  unit: 'Unit',
  round: 'Round',
  roundLabel: (months) => `${months}-month round`,
  window: (opens, closes) => `Reports accepted ${opens} – ${closes}`,
  daysLeft: (n) => `${n} days left`,
  notYetOpen: 'Not open for reports yet',
  closed: 'Closed for reports',
  closedLate: 'Closed; late reports accepted (with a penalty)',
  open: 'Open sheet',
  opening: 'Opening the sheet from the server…',
  opened: (sheet, rows) => `Opened ${sheet} with ${rows} rows from the server`,
  submitHeading: 'Submit',
  submitChanged: 'Submit changed rows',
  submitting: 'Submitting…',
  nothingChanged: 'No row has changed since the server last confirmed it',
  changedCount: (n) => `${n} changed ${n === 1 ? 'row' : 'rows'} not sent`,
  submitDone: (accepted, total) => `The server accepted ${accepted} of ${total} rows`,
  pendingNote: (n) => `${n} rows not confirmed yet: kept in the file and sent again`,
  resend: 'Send pending again',
  notLinked: 'This sheet was not opened from the server. Choose the assessment, unit and round, then open the sheet.',
  outcome: { accepted: 'accepted', conflict: 'conflict', invalid: 'invalid', locked: 'locked (approved)', pending: 'waiting to resend', refused: 'refused' },
  conflictDetail: (who, when, value) => `changed by ${who} on ${when}; the server holds ${value}; your value stays in the sheet`,
  lockedDetail: (who, when) => `approved by ${who} on ${when}`,
  blocked: (n, first) => `Not sent: ${n} errors in the changed rows; fix them and submit again (see the Issues tab) — ${first}`,
  refresh: 'Refresh statuses',
  refreshed: (returned, approved) => `Statuses updated: ${approved} approved, ${returned} returned for changes`,
  statusOf: (status, comment) =>
    ({ draft: 'draft', submitted: 'submitted, awaiting approval', approved: 'approved', returned: 'returned for changes' } as Record<string, string>)[status] + (comment ? `: ${comment}` : ''),
  approverHeading: 'Approve reports',
  loadSubmitted: 'Show submitted rows',
  noneSubmitted: 'No rows await approval',
  comment: 'Comment',
  commentHint: 'Required to return a row for changes',
  approveSelected: (n) => `Approve ${n} rows`,
  returnSelected: (n) => `Return ${n} rows`,
  approvedN: (n) => `Approved ${n} rows`,
  returnedN: (n) => `Returned ${n} rows`,
  keepMine: 'Keep mine',
  takeTheirs: 'Take theirs',
  tookTheirs: (version) => `took the server's value (version ${version})`,
};

export const SERVER_STRINGS: Record<Locale, ServerStrings> = { th, en };

export function useServerStrings(): { s: ServerStrings; locale: Locale; date: (iso: string) => string } {
  const { locale } = useLocale();
  return { s: SERVER_STRINGS[locale], locale, date: (iso) => formatDate(bangkokIso(iso), locale) };
}

/** The Bangkok calendar date of an instant, so a window closing at 23:59 +07:00 shows that day. */
function bangkokIso(instant: string): string {
  return new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10);
}

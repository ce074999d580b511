/**
 * The strings of the server panel (sign-in, open from the server, submit), Thai and English, typed so a key
 * missing from either language is a compile error — kept beside strings.ts so the server work stays in its own
 * files while the rest of the pane changes.
 */
import type { RowOutcome } from '../api/submit';
import { bangkokDate, type Locale } from '../domain';
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
  submitDone: (accepted: number, total: number) => `เซิร์ฟเวอร์รับแล้ว ${accepted} จาก ${total} ตัวชี้วัด`,
  notSent: (ids: readonly string[]) => `${ids.length} ไม่ได้ส่ง: ตัวชี้วัด ${ids.join(', ')} ค่าที่กรอกอ่านไม่ได้`,
  unreadHeading: (n: number) => `ค่าที่กรอกใน ${n} ตัวชี้วัดอ่านไม่ได้ ยังไม่ได้ส่งอะไร`,
  unreadIntro: 'เซลล์เหล่านี้เป็นข้อความ ไม่ใช่ตัวเลข สูตรในชีตจึงนับว่ายังไม่รายงาน และจะส่งเป็นค่าว่าง',
  unreadCell: (id: string, address: string, text: string, value: string | undefined) =>
    `ตัวชี้วัด ${id} เซลล์ ${address}${text ? `: "${text}"` : ''}${value !== undefined ? ` อ่านได้เป็น ${value}` : ' แก้ด้วยมือ'}`,
  fixAndSend: (n: number) => `แปลง ${n} เซลล์เป็นตัวเลข แล้วส่ง`,
  sendOthers: 'ส่งเฉพาะตัวชี้วัดอื่น',
  unreadBack: 'กลับไปแก้ในชีต',
  pendingNote: (n: number) => `${n} แถวยังไม่ได้รับการยืนยัน เก็บไว้ในไฟล์และจะส่งอีกครั้ง`,
  resend: 'ส่งที่ค้างอีกครั้ง',
  refusedBatch: (rows: number, ids: string) => `เซิร์ฟเวอร์ปฏิเสธชุดข้อมูล ${rows} แถว (${ids}) ทั้งชุด ไม่มีแถวใดถูกบันทึก และจะไม่ส่งซ้ำ แก้ไขในชีตแล้วส่งใหม่`,
  forgetRefused: 'ลบออกจากไฟล์',
  notLinked: 'ชีตนี้ยังไม่ได้เปิดจากเซิร์ฟเวอร์ เลือกชุดตัวชี้วัด หน่วยงาน และรอบ แล้วเปิดชีต',
  outcome: {
    accepted: 'รับแล้ว',
    conflict: 'ขัดแย้ง',
    invalid: 'ไม่ถูกต้อง',
    locked: 'อนุมัติแล้ว แก้ไขไม่ได้',
    pending: 'รอส่งอีกครั้ง',
    refused: 'ถูกปฏิเสธ',
  } satisfies Record<RowOutcome['outcome'], string>,
  conflictDetail: (who: string, when: string, value: string) => `${who} แก้ไขเมื่อ ${when} ค่าบนเซิร์ฟเวอร์ ${value} ค่าในชีตยังอยู่`,
  lockedDetail: (who: string, when: string) => `${who} อนุมัติเมื่อ ${when}`,
  blocked: (n: number, first: string) => `ยังไม่ได้ส่ง: มีข้อผิดพลาด ${n} รายการในแถวที่แก้ไข แก้ไขก่อนแล้วส่งใหม่ (ดูแท็บตรวจสอบ) — ${first}`,
  refresh: 'ดึงสถานะจากเซิร์ฟเวอร์',
  refreshed: (returned: number, approved: number) => `ปรับสถานะแล้ว: อนุมัติ ${approved} แถว ส่งคืนให้แก้ไข ${returned} แถว`,
  statusOf: (status: string, comment: string | null | undefined) =>
    (({ draft: 'ร่าง', submitted: 'ส่งแล้ว รออนุมัติ', approved: 'อนุมัติแล้ว', returned: 'ส่งคืนให้แก้ไข' }) as Record<string, string>)[status] +
    (comment ? `: ${comment}` : ''),
  approverHeading: 'อนุมัติรายงาน',
  loadSubmitted: 'แสดงแถวที่ส่งมา',
  noneSubmitted: 'ไม่มีแถวที่รออนุมัติ',
  comment: 'ความเห็น',
  commentHint: 'ต้องระบุเมื่อส่งคืนให้แก้ไข',
  approveSelected: (n: number) => `อนุมัติ ${n} แถว`,
  returnSelected: (n: number) => `ส่งคืน ${n} แถว`,
  approvedN: (n: number) => `อนุมัติแล้ว ${n} แถว`,
  // The approver's view of a row (ApproverPanel.tsx, model/approvalRows.ts).
  selectAll: 'เลือกทุกแถว',
  rowValue: 'ผลที่รายงาน',
  rowTargets: 'ค่าเป้าหมาย',
  rowLevel: 'ระดับ',
  rowScore: 'คะแนน',
  rowExplanation: 'คำชี้แจง',
  rowObstacles: 'อุปสรรค',
  rowRemarks: 'หมายเหตุ',
  rowBy: (who: string, when: string) => `ส่งโดย ${who} เมื่อ ${when}`,
  rowEvidence: 'ไฟล์หลักฐาน',
  rowNoEvidence: 'ไม่มีไฟล์หลักฐาน',
  commentRequired: 'การส่งคืนต้องมีความเห็น บอกผู้รายงานว่าต้องแก้อะไร',
  /** Submit is off until a sheet is linked to a round on the server. */
  submitNeedsLink: 'ส่งได้เมื่อเปิดชีตจากเซิร์ฟเวอร์แล้ว: เลือกชุดตัวชี้วัด หน่วยงาน และรอบด้านบน แล้วกด "เปิดชีต"',
  returnedN: (n: number) => `ส่งคืนแล้ว ${n} แถว`,
  keepMine: 'ใช้ค่าของฉัน',
  takeTheirs: 'ใช้ค่าบนเซิร์ฟเวอร์',
  tookTheirs: (version: number) => `ใช้ค่าบนเซิร์ฟเวอร์ (รุ่น ${version})`,
  // Submit changed, selected or all rows (SubmitChoice.tsx).
  submitMore: 'เลือกแถวที่จะส่ง',
  submitSelected: 'ส่งแถวที่เลือก',
  submitAll: 'ส่งทุกแถว',
  nothingSelected: (sheet: string) => `ส่วนที่เลือกไม่มีแถวตัวชี้วัด เลือกแถวของตัวชี้วัดในชีต ${sheet} แล้วเลือก "ส่งแถวที่เลือก" อีกครั้ง`,
  nothingToSend: 'ไม่มีแถวที่มีข้อมูลให้ส่ง',
  moreOutcomes: (n: number) => `และอีก ${n.toLocaleString('th-TH')} แถว ดูได้ในคอลัมน์สถานะการส่งในชีต`,
  // One conflict at a time (ConflictDialog.tsx).
  conflictHeading: 'ค่าในชีตขัดแย้งกับเซิร์ฟเวอร์',
  conflictOf: (i: number, n: number) => `${i} จาก ${n}`,
  conflictIntro: 'มีผู้แก้ไขแถวนี้บนเซิร์ฟเวอร์หลังจากที่ชีตนี้ได้รับการยืนยันครั้งล่าสุด เลือกค่าที่จะใช้ ค่าของคุณยังอยู่ในชีตจนกว่าจะเลือก',
  mine: 'ค่าของฉัน (ในชีต)',
  theirs: 'ค่าบนเซิร์ฟเวอร์',
  changedBy: (who: string, when: string) => `แก้ไขโดย ${who} เมื่อ ${when}`,
  textLabel: { explanation: 'คำชี้แจงการปฏิบัติงาน', obstacles: 'อุปสรรค', remarks: 'หมายเหตุ' },
  keepMineHint: 'ส่งค่าของฉันอีกครั้ง ต่อจากรุ่นบนเซิร์ฟเวอร์',
  takeTheirsHint: 'เขียนค่าและข้อความบนเซิร์ฟเวอร์ลงในชีต',
  decideLater: 'ตัดสินใจภายหลัง',
  resolve: 'ตัดสินใจ…',
  // Warnings ask before sending (WarningsDialog.tsx).
  warningsHeading: 'มีคำเตือนในแถวที่จะส่ง',
  warningsIntro: (n: number) => `พบคำเตือน ${n} รายการ ส่งต่อได้ หรือกลับไปแก้ไขในชีตก่อน`,
  sendAnyway: 'ส่งต่อ',
  goBack: 'กลับไปแก้ไข',
  // The round before the user tries (LateNotice.tsx).
  standingOpen: (closes: string, days: number) => `เปิดรับรายงานถึง ${closes} เหลืออีก ${days} วัน`,
  standingNotYet: (opens: string) => `รอบนี้ยังไม่เปิดรับรายงาน ส่งได้ตั้งแต่ ${opens}`,
  standingClosed: (closes: string) => `รอบนี้ปิดรับรายงานแล้วเมื่อ ${closes} และไม่รับรายงานล่าช้า จึงส่งไม่ได้ หากจำเป็นต้องส่ง ให้ติดต่อผู้ดูแลชุดตัวชี้วัด`,
  standingLate: (closes: string, days: number) => `ปิดรับรายงานแล้วเมื่อ ${closes} ยังส่งได้แบบล่าช้า: ช้า ${days} วันทำการ`,
  latePenalty: (penalty: string) => `หักคะแนนประมาณ ${penalty} คะแนน`,
  lateTotal: (before: string, after: string) => `คะแนนรวมตอนนี้ ${before} หลังหักประมาณ ${after}`,
  /** The notice is about the linked sheet's round, which is not the one in the pickers above. */
  standingOfLinked: (round: string) => `ชีตที่เชื่อมไว้ส่งรายงานของ${round}:`,
  /** The server accepted the submit after the window closed (SubmitReport.late). */
  submittedLate: (penalty: string | undefined) =>
    penalty === undefined
      ? 'ส่งช้า: คะแนนจะถูกหักตามจำนวนวันทำการที่ช้า ดูคะแนนหลังหักได้ในรายงานคะแนน'
      : `ส่งช้า: คะแนนจะถูกหักประมาณ ${penalty} คะแนน ดูคะแนนหลังหักได้ในรายงานคะแนน`,
};

export type ServerStrings = typeof th;

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
  submitDone: (accepted, total) => `The server accepted ${accepted} of ${total} indicators`,
  notSent: (ids) => `${ids.length} not sent: indicator ${ids.join(', ')}, typed value cannot be read`,
  unreadHeading: (n) => `Typed values of ${n} ${n === 1 ? 'indicator' : 'indicators'} cannot be read; nothing was sent`,
  unreadIntro: "These cells hold text, not numbers: the sheet's formulas count them as not reported, and they would be sent blank",
  unreadCell: (id, address, text, value) =>
    `indicator ${id}, cell ${address}${text ? `: "${text}"` : ''}${value !== undefined ? ` reads as ${value}` : ', fix it by hand'}`,
  fixAndSend: (n) => `Turn ${n} ${n === 1 ? 'cell' : 'cells'} into numbers and send`,
  sendOthers: 'Send the other indicators only',
  unreadBack: 'Back to the sheet',
  pendingNote: (n) => `${n} rows not confirmed yet: kept in the file and sent again`,
  resend: 'Send pending again',
  refusedBatch: (rows, ids) =>
    `The server refused a batch of ${rows} rows (${ids}) as a whole; none was stored, and it is not resent. Fix the rows in the sheet and submit again`,
  forgetRefused: 'Remove from the file',
  notLinked: 'This sheet was not opened from the server. Choose the assessment, unit and round, then open the sheet.',
  outcome: {
    accepted: 'accepted',
    conflict: 'conflict',
    invalid: 'invalid',
    locked: 'locked (approved)',
    pending: 'waiting to resend',
    refused: 'refused',
  },
  conflictDetail: (who, when, value) => `changed by ${who} on ${when}; the server holds ${value}; your value stays in the sheet`,
  lockedDetail: (who, when) => `approved by ${who} on ${when}`,
  blocked: (n, first) => `Not sent: ${n} errors in the changed rows; fix them and submit again (see the Issues tab) — ${first}`,
  refresh: 'Refresh statuses',
  refreshed: (returned, approved) => `Statuses updated: ${approved} approved, ${returned} returned for changes`,
  statusOf: (status, comment) =>
    (
      ({ draft: 'draft', submitted: 'submitted, awaiting approval', approved: 'approved', returned: 'returned for changes' }) as Record<
        string,
        string
      >
    )[status] + (comment ? `: ${comment}` : ''),
  approverHeading: 'Approve reports',
  loadSubmitted: 'Show submitted rows',
  noneSubmitted: 'No rows await approval',
  comment: 'Comment',
  commentHint: 'Required to return a row for changes',
  approveSelected: (n) => `Approve ${n} rows`,
  returnSelected: (n) => `Return ${n} rows`,
  selectAll: 'Select all rows',
  rowValue: 'Reported',
  rowTargets: 'Targets',
  rowLevel: 'Level',
  rowScore: 'Score',
  rowExplanation: 'Explanation',
  rowObstacles: 'Obstacles',
  rowRemarks: 'Remarks',
  rowBy: (who, when) => `Submitted by ${who} on ${when}`,
  rowEvidence: 'Evidence files',
  rowNoEvidence: 'No evidence files',
  commentRequired: 'A return needs a comment: tell the reporter what to change.',
  submitNeedsLink:
    'You can submit once a sheet is opened from the server: choose the assessment, unit and round above, then press "Open sheet".',
  approvedN: (n) => `Approved ${n} rows`,
  returnedN: (n) => `Returned ${n} rows`,
  keepMine: 'Keep mine',
  takeTheirs: 'Take theirs',
  tookTheirs: (version) => `took the server's value (version ${version})`,
  submitMore: 'Choose rows to submit',
  submitSelected: 'Submit selected rows',
  submitAll: 'Submit all rows',
  nothingSelected: (sheet) =>
    `The selection holds no indicator rows. Select indicator rows on sheet ${sheet}, then choose "Submit selected rows" again.`,
  nothingToSend: 'No row holds anything to send',
  moreOutcomes: (n: number) => `and ${n.toLocaleString('en-US')} more rows: see the submit status column in the sheet`,
  conflictHeading: 'The sheet conflicts with the server',
  conflictOf: (i, n) => `${i} of ${n}`,
  conflictIntro:
    'Someone changed this row on the server after this sheet was last confirmed. Choose which value to keep; yours stays in the sheet until you do.',
  mine: 'Mine (in the sheet)',
  theirs: 'Theirs (on the server)',
  changedBy: (who, when) => `changed by ${who} on ${when}`,
  textLabel: { explanation: 'Explanation', obstacles: 'Obstacles', remarks: 'Remarks' },
  keepMineHint: "Send my value again, on the server's version",
  takeTheirsHint: "Write the server's value and texts into the sheet",
  decideLater: 'Decide later',
  resolve: 'Resolve…',
  warningsHeading: 'Warnings in the rows to send',
  warningsIntro: (n) => `${n} warnings. Send anyway, or go back and fix them in the sheet first.`,
  sendAnyway: 'Send anyway',
  goBack: 'Go back',
  standingOpen: (closes, days) => `Open for reports until ${closes}: ${days} days left`,
  standingNotYet: (opens) => `This round is not open for reports yet; you can submit from ${opens}`,
  standingClosed: (closes) =>
    `This round closed for reports on ${closes} and does not accept late reports, so submitting is off. If you must report, contact the assessment's administrators.`,
  standingLate: (closes, days) => `Closed on ${closes}; late reports are still accepted: ${days} working days late`,
  latePenalty: (penalty) => `an estimated ${penalty} points off`,
  lateTotal: (before, after) => `total now ${before}, about ${after} after the penalty`,
  standingOfLinked: (round) => `The linked sheet reports on the ${round}:`,
  submittedLate: (penalty) =>
    penalty === undefined
      ? 'Submitted late: points will be taken off for each working day late; the scores report shows the total after it.'
      : `Submitted late: about ${penalty} points will be taken off; the scores report shows the total after it.`,
};

export const SERVER_STRINGS: Record<Locale, ServerStrings> = { th, en };

export function useServerStrings(): { s: ServerStrings; locale: Locale; date: (iso: string) => string } {
  const { locale } = useLocale();
  // The Bangkok calendar day of an instant, so a window closing at 23:59 +07:00 shows that day.
  return { s: SERVER_STRINGS[locale], locale, date: (iso) => formatDate(bangkokDate(iso), locale) };
}

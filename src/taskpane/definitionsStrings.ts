/**
 * The strings of the central office's definitions work on the Server tab (publish with a diff) and of the notice a
 * linked sheet shows when the definitions changed on the server, Thai and English, typed so a key missing from
 * either language is a compile error.
 */
import type { Locale } from '../domain';
import { useLocale } from './i18n';

const th = {
  publishHeading: 'เผยแพร่นิยามตัวชี้วัด',
  publishIntro: 'เลือกชุดตัวชี้วัดฉบับใหม่ เปรียบเทียบกับฉบับบนเซิร์ฟเวอร์ แล้วยืนยันการเผยแพร่ หน่วยงานที่เปิดชีตไว้จะเห็นว่านิยามเปลี่ยน',
  chooseFile: 'เลือกไฟล์ JSON…',
  fromSource: (label: string) => `อ่านจาก${label}`,
  reading: 'กำลังอ่านและเปรียบเทียบกับเซิร์ฟเวอร์…',
  chosen: (title: string, id: string, source: string) => `${title} (${id}) จาก ${source}`,
  fileUnreadable: (name: string) => `อ่านไฟล์ ${name} ไม่ได้ ลองบันทึกเป็น UTF-8 แล้วเลือกอีกครั้ง`,
  fileInvalid: (n: number) => `ชุดตัวชี้วัดนี้มีข้อผิดพลาด ${n} รายการ ยังเผยแพร่ไม่ได้ แก้ตามตำแหน่งที่ระบุแล้วเลือกอีกครั้ง`,
  newOnServer: (id: string) => `ยังไม่มีชุดตัวชี้วัด ${id} บนเซิร์ฟเวอร์ การเผยแพร่จะสร้างชุดใหม่`,
  againstServer: (id: string) => `เทียบกับ ${id} บนเซิร์ฟเวอร์:`,
  noChanges: 'ไม่มีอะไรเปลี่ยน เซิร์ฟเวอร์มีนิยามชุดนี้อยู่แล้ว',
  more: (n: number) => `และอีก ${n} รายการ`,
  warnings: (n: number) => `คำเตือน ${n} รายการ (เผยแพร่ได้)`,
  publish: 'เผยแพร่…',
  confirmHeading: 'ยืนยันการเผยแพร่',
  confirmText: (id: string, summary: string, units: number) =>
    `เผยแพร่ ${id} (${summary}) ให้ ${units} หน่วยงาน? ผลที่หน่วยงานกรอกไว้ไม่เปลี่ยน การเผยแพร่บันทึกในประวัติการแก้ไข`,
  confirm: 'ยืนยันเผยแพร่',
  back: 'กลับ',
  publishing: 'กำลังเผยแพร่…',
  published: (id: string, created: boolean, version: number | undefined) =>
    `เผยแพร่แล้ว: ${created ? 'สร้าง' : 'ปรับปรุง'} ${id}${version !== undefined ? ` ฉบับที่ ${version}` : ''} บนเซิร์ฟเวอร์`,
  serverWarnings: (n: number) => `เซิร์ฟเวอร์รับแล้ว พร้อมคำเตือน ${n} รายการ`,
  refused: (n: number) => `เซิร์ฟเวอร์ไม่รับชุดตัวชี้วัดนี้: ข้อผิดพลาด ${n} รายการ ยังไม่มีอะไรเปลี่ยน แก้ตามตำแหน่งที่ระบุแล้วลองอีกครั้ง`,
  movedMeanwhile: 'นิยามบนเซิร์ฟเวอร์เปลี่ยนไปหลังการเปรียบเทียบ (มีผู้อื่นเผยแพร่) ยังไม่ได้เผยแพร่ ดูการเปรียบเทียบใหม่ด้านล่างแล้วยืนยันอีกครั้ง',
  noPublish: 'เซิร์ฟเวอร์นี้ไม่รองรับการเผยแพร่จากบานหน้าต่าง',
  serverDocInvalid: 'ชุดตัวชี้วัดบนเซิร์ฟเวอร์อ่านไม่ได้ จึงเปรียบเทียบไม่ได้',
  at: (path: string) => `ตำแหน่ง ${path}`,
  // The notice on a linked sheet.
  changedHeading: 'นิยามตัวชี้วัดเปลี่ยนแล้ว',
  changedText: (summary: string) => `นิยามตัวชี้วัดบนเซิร์ฟเวอร์เปลี่ยนไปจากที่ชีตนี้สร้างไว้: ${summary}`,
  updateLayout: 'ปรับรูปแบบชีต',
  updating: 'กำลังปรับรูปแบบชีต…',
  updated: (sheet: string, kept: number) => `ปรับรูปแบบชีต ${sheet} ตามนิยามใหม่แล้ว ค่าที่กรอกไว้ ${kept} ตัวชี้วัดยังอยู่ครบ`,
  keptAside: (sheet: string, ids: readonly string[]) =>
    `ตัวชี้วัด ${ids.join(', ')} ถูกยกเลิกหรือเปลี่ยนประเภท ค่าที่กรอกไว้ย้ายไปเก็บในชีต ${sheet} (ไม่ได้ลบ)`,
  unsentAside: (ids: readonly string[]) => `ตัวชี้วัด ${ids.join(', ')} มีการแก้ไขที่ยังไม่ส่ง และไม่มีในนิยามใหม่แล้ว จึงส่งไม่ได้ ค่าเก็บไว้ในชีตแยก`,
  asideSheet: 'ค่าที่เก็บไว้',
  asideHeaders: ['รหัส', 'ตัวชี้วัด', 'ช่อง', 'ค่าที่กรอก', 'เหตุผล'] as readonly string[],
  asideRemoved: 'ถูกยกเลิกในนิยามใหม่',
  asideKind: 'เปลี่ยนประเภท ช่องเดิมไม่มีแล้ว',
  checkFailed: 'ตรวจนิยามบนเซิร์ฟเวอร์ไม่ได้',
  sheetHeading: 'ชีตนิยามตัวชี้วัด',
  sheetIntro: 'สร้างชีตตัวชี้วัดจากชุดบนเซิร์ฟเวอร์หรือจากไฟล์ แก้ในชีต (เป้าหมาย น้ำหนัก ขั้นตอน) แล้วเผยแพร่ ปัญหาแสดงที่เซลล์ทันทีที่แก้',
  sheetFromServer: (id: string) => `สร้างจาก ${id} บนเซิร์ฟเวอร์`,
  sheetFromFile: 'สร้างจากไฟล์ JSON…',
  sheetWriting: 'กำลังเขียนชีตนิยามตัวชี้วัด…',
  sheetWritten: (sheet: string, settings: string, n: number) => `เขียนชีต ${sheet} และ ${settings} แล้ว: ${n} ตัวชี้วัด`,
  sheetCancelled: 'ไม่ได้เขียนชีต ชีตเดิมยังอยู่ครบ',
  sheetLabel: 'ชีตนิยามตัวชี้วัด',
  sheetNone: 'ยังไม่มีชีตนิยามตัวชี้วัดในสมุดงานนี้',
  sheetChecking: 'กำลังตรวจชีตนิยามตัวชี้วัด…',
  sheetOk: (sheet: string, id: string, n: number) => `ชีต ${sheet} ไม่มีข้อผิดพลาด: ${id} มี ${n} ตัวชี้วัด พร้อมเผยแพร่`,
  sheetErrors: (sheet: string, n: number) => `ชีต ${sheet} มีข้อผิดพลาด ${n} รายการ แก้ที่เซลล์ที่ระบุก่อนเผยแพร่`,
  sheetHasErrors: (n: number) => `ชีตนิยามตัวชี้วัดมีข้อผิดพลาด ${n} รายการ แก้ก่อนจึงจะอ่านไปเผยแพร่ได้`,
  sheetMissing: 'ยังไม่มีชีตนิยามตัวชี้วัด สร้างจากเซิร์ฟเวอร์หรือจากไฟล์ก่อน',
  sheetRecheck: 'ตรวจอีกครั้ง',
};

type DefinitionsStrings = {
  [K in keyof typeof th]: (typeof th)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof th)[K];
};

const en: DefinitionsStrings = {
  publishHeading: 'Publish definitions',
  publishIntro:
    "Choose the new version of an assessment, compare it with the server's, then confirm. Units with a linked sheet will be told that the definitions changed.",
  chooseFile: 'Choose a JSON file…',
  fromSource: (label) => `Read from ${label}`,
  reading: 'Reading and comparing with the server…',
  chosen: (title, id, source) => `${title} (${id}) from ${source}`,
  fileUnreadable: (name) => `The file ${name} could not be read; save it as UTF-8 and choose it again`,
  fileInvalid: (n) => `This assessment has ${n} errors and cannot be published; fix each where it says, then choose it again`,
  newOnServer: (id) => `The server has no assessment ${id} yet: publishing creates it`,
  againstServer: (id) => `Against ${id} on the server:`,
  noChanges: 'Nothing to publish: the server already has these definitions',
  more: (n) => `and ${n} more`,
  warnings: (n) => `${n} warnings (it can be published)`,
  publish: 'Publish…',
  confirmHeading: 'Confirm publishing',
  confirmText: (id, summary, units) =>
    `Publish ${id} (${summary}) to ${units} units? Results the units entered are not changed; the change is kept in the audit.`,
  confirm: 'Publish now',
  back: 'Back',
  publishing: 'Publishing…',
  published: (id, created, version) =>
    `Published: ${id} ${created ? 'created' : 'updated'} on the server${version !== undefined ? `, version ${version}` : ''}`,
  serverWarnings: (n) => `The server took it, with ${n} warnings`,
  refused: (n) => `The server refused this assessment: ${n} errors; nothing changed. Fix each where it says and try again`,
  movedMeanwhile:
    "The server's definitions changed after the comparison (someone else published); nothing was published. See the new comparison below and confirm again",
  noPublish: 'This server connection cannot publish from the pane',
  serverDocInvalid: "The server's assessment cannot be read, so it cannot be compared",
  at: (path) => `at ${path}`,
  changedHeading: 'The indicator definitions changed',
  changedText: (summary) => `The indicator definitions changed on the server since this sheet was made: ${summary}`,
  updateLayout: 'Update layout',
  updating: 'Updating the layout…',
  updated: (sheet, kept) => `Sheet ${sheet} now follows the new definitions; what was entered for ${kept} indicators is all still there`,
  keptAside: (sheet, ids) =>
    `Indicators ${ids.join(', ')} were removed or changed kind: what was entered for them was moved to sheet ${sheet} (nothing deleted)`,
  unsentAside: (ids) =>
    `Indicators ${ids.join(', ')} had changes not sent and are no longer defined, so they cannot be sent; their values are kept aside`,
  asideSheet: 'Kept values',
  asideHeaders: ['Id', 'Indicator', 'Field', 'Entered', 'Why'],
  asideRemoved: 'removed in the new definitions',
  asideKind: 'kind changed; the old cells are gone',
  checkFailed: "The server's definitions could not be checked",
  sheetHeading: 'Definitions sheet',
  sheetIntro:
    'Create the indicators sheet from the set on the server or from a file, edit it (targets, weights, steps), then publish it. Problems show at their cells as you edit.',
  sheetFromServer: (id) => `Create from ${id} on the server`,
  sheetFromFile: 'Create from a JSON file…',
  sheetWriting: 'Writing the definitions sheet…',
  sheetWritten: (sheet, settings, n) => `Wrote the sheets ${sheet} and ${settings}: ${n} indicators`,
  sheetCancelled: 'Nothing written: the sheet there is as it was',
  sheetLabel: 'the definitions sheet',
  sheetNone: 'This workbook has no definitions sheet yet',
  sheetChecking: 'Checking the definitions sheet…',
  sheetOk: (sheet, id, n) => `${sheet} has no errors: ${id}, ${n} indicators, ready to publish`,
  sheetErrors: (sheet, n) => `${sheet} has ${n} errors: fix them at the cells shown before publishing`,
  sheetHasErrors: (n) => `The definitions sheet has ${n} errors: fix them before it can be read for publishing`,
  sheetMissing: 'No definitions sheet yet: create one from the server or a file first',
  sheetRecheck: 'Check again',
};

export const DEFINITIONS_STRINGS: Record<Locale, DefinitionsStrings> = { th, en };

export function useDefinitionsStrings(): { d: DefinitionsStrings; locale: Locale } {
  const { locale } = useLocale();
  return { d: DEFINITIONS_STRINGS[locale], locale };
}

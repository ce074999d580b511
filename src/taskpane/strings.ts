/**
 * Every string the task pane shows, in Thai and English, in one typed catalogue: a key missing from either
 * language is a compile error, so the two never drift apart. Text that depends on values is a function.
 * Domain issues bring their own Thai and English message (src/domain/issues.ts) and are not repeated here.
 */
import type { Locale, Message } from '../domain';

export type { Locale };

const th = {
  appTitle: 'Scorebook',
  language: 'ภาษา',
  languageThai: 'ไทย',
  languageEnglish: 'English',

  tabCreate: 'สร้างชีต',
  tabBind: 'ผูกชีต',
  tabIssues: 'ตรวจสอบ',
  tabSummary: 'สรุปคะแนน',
  tabWhatIf: 'สมมติผล',
  loadingServerTab: 'กำลังโหลดแท็บเซิร์ฟเวอร์…',

  // Create
  createHeading: 'สร้างชีต KPI จากชุดตัวชี้วัด',
  createSource: 'ชุดตัวชี้วัด',
  createSample: 'ตัวอย่างที่มากับโปรแกรม',
  createPickFile: 'เลือกไฟล์ชุดตัวชี้วัด (.json)…',
  createPickFileHint: 'ไฟล์รูปแบบ scorebook/assessment@1 จากส่วนกลาง',
  createFileLoaded: (name: string) => `อ่านไฟล์ ${name} แล้ว`,
  createKind: 'รูปแบบชีต',
  createSingle: 'ชีต KPI ของหน่วยงาน (หนึ่งแถวต่อตัวชี้วัด)',
  createMultiUnit: 'ชีตหลายหน่วยงาน (หนึ่งแถวต่อหน่วยงาน × ตัวชี้วัด)',
  createUnits: (n: number) => `หน่วยงาน ${n} แห่ง`,
  createNoUnits: 'ชุดตัวชี้วัดนี้ไม่ได้ระบุหน่วยงาน จึงสร้างชีตหลายหน่วยงานไม่ได้ ให้เลือกชีตของหน่วยงานเดียว',
  createButton: 'สร้างชีต',
  createWorking: 'กำลังเขียนชีต…',
  createDone: (sheet: string, rows: number) => `สร้างชีต ${sheet} แล้ว (${rows} แถว) กรอกผลการดำเนินงานได้เลย`,
  createCancelled: () => 'ยกเลิกแล้ว ไม่มีอะไรถูกเขียนทับ',
  assessmentSummary: (indicators: number, scale: string, year: string) => `${indicators} ตัวชี้วัด · ${scale} · ปีงบประมาณ ${year}`,
  assessmentInvalid: 'ใช้ไฟล์นี้ไม่ได้ แก้ตามรายการด้านล่างแล้วเลือกไฟล์ใหม่',

  // Bind
  bindHeading: 'ผูกชีตที่มีอยู่กับชุดตัวชี้วัด',
  bindSheet: 'ชีต',
  bindDetect: 'ค้นหาหัวตาราง',
  bindDetecting: 'กำลังอ่านชีต…',
  bindHeaderRow: (row: number) => `หัวตารางอยู่แถวที่ ${row}`,
  bindColumns: 'คอลัมน์',
  bindColumnRole: 'ความหมาย',
  bindColumnSheet: 'คอลัมน์ในชีต',
  bindColumnNone: '(ไม่มี)',
  bindRows: 'แถวของตัวชี้วัด',
  bindRowIndicator: 'ตัวชี้วัด',
  bindRowSheet: 'แถวในชีต',
  bindRowMissing: 'ไม่พบ',
  bindMatchedBy: (how: 'id' | 'name'): string => (how === 'id' ? 'ตรงตามรหัส' : 'ตรงตามชื่อ'),
  bindConfirm: 'ยืนยันและเพิ่มคอลัมน์สูตรคะแนน',
  bindAddsColumns:
    'เมื่อยืนยัน จะเพิ่มคอลัมน์สูตรคิดคะแนนทางขวาของตาราง (คะแนน คะแนนถ่วงน้ำหนัก เป้าหมายหรือน้ำหนักที่ชีตยังไม่มี และคอลัมน์ช่วยคำนวณที่ซ่อนไว้) พร้อมคะแนนรวม ScorebookTotal โดยใช้คอลัมน์ผลการดำเนินงาน เป้าหมาย และน้ำหนักของชีตนี้ ถ้าชีตมีคอลัมน์คะแนนอยู่แล้ว สูตรจะใส่ในคอลัมน์นั้น แถวที่จับคู่ตามชื่อจะได้รหัสตัวชี้วัด ผลที่กรอกไว้ไม่ถูกแก้ไข ชีตนี้ยังเป็นของคุณ Scorebook จึงไม่ป้องกันชีต แถวที่อนุมัติแล้วจึงไม่ถูกล็อก แต่จะมีคำเตือนเมื่อมีการแก้ค่า (ถ้าป้องกันชีตเองโดยไม่ใส่รหัสผ่าน แถวที่อนุมัติแล้วจะถูกล็อกด้วย)',
  bindHeaderOnRowOne:
    'หัวตารางอยู่แถว 1 ไม่มีที่ใส่คะแนนรวมเหนือตาราง จึงยังผูกชีตไม่ได้ แทรกแถวว่างเหนือหัวตารางหนึ่งแถวก่อน (ข้อมูลในชีตเลื่อนลงหนึ่งแถว ไม่มีอะไรหาย)',
  bindInsertRowAbove: 'แทรกแถวเหนือหัวตาราง แล้วค้นหาอีกครั้ง',
  bindAddsIndicators: (n: number, ids: string): string => `จะเพิ่มตัวชี้วัดที่ไม่มีในชีต ${n} ตัว: ${ids} (เป็นแถวใหม่ใต้ตาราง)`,
  bindNeedRowAbove: 'หัวตารางอยู่แถวแรก ไม่มีที่ใส่คะแนนรวม ให้แทรกแถวว่างเหนือหัวตารางหนึ่งแถว แล้วกดค้นหาอีกครั้ง',
  bindSaving: 'กำลังบันทึกการผูกชีต…',
  bindDone: (sheet: string) => `ผูกชีต ${sheet} และเพิ่มคอลัมน์สูตรคะแนนแล้ว การผูกบันทึกไว้ในไฟล์ เปิดไฟล์ครั้งหน้าก็ยังใช้ได้`,
  bindNeedAssessment: 'เลือกชุดตัวชี้วัดก่อน (ในแท็บ "สร้างชีต" หรือเลือกไฟล์ที่นี่)',
  bindNoHeader: 'ไม่พบแถวหัวตาราง ตรวจว่าชีตมีคอลัมน์ "ลำดับ" และ "ผลการดำเนินงาน" แล้วกดค้นหาอีกครั้ง',

  // Bound state
  boundTo: (sheet: string, title: string) => `ชีต ${sheet} · ${title}`,
  notBound: 'ยังไม่ได้ผูกชีต สร้างชีตใหม่หรือผูกชีตที่มีอยู่ก่อน',
  opening: 'กำลังเปิดสมุดงาน…',

  // Issues
  issuesHeading: 'ผลการตรวจสอบ',
  issuesNone: 'ไม่พบปัญหา',
  approvedEdited: (ids: string) =>
    `ตัวชี้วัด ${ids} อนุมัติแล้ว แต่ค่าในชีตถูกแก้: คะแนนรวมที่แสดงต่างจากที่อนุมัติ และเซิร์ฟเวอร์จะไม่รับค่าที่แก้ ให้แก้กลับเป็นค่าที่อนุมัติ หรือขอให้ผู้อนุมัติส่งคืน`,
  fixNumbers: (n: number) => `แปลงตัวเลขที่พิมพ์เป็นข้อความ ${n} เซลล์ให้เป็นตัวเลข`,
  fixedNumbers: (cells: string) => `แปลงเป็นตัวเลขแล้ว: ${cells}`,
  fixedNone: 'ไม่มีเซลล์ที่ต้องแปลง',
  issuesChecking: 'กำลังตรวจ…',
  severityError: 'ข้อผิดพลาด',
  severityWarning: 'คำเตือน',
  severityInfo: 'หมายเหตุ',
  issueGoTo: (cell: string) => `ไปที่เซลล์ ${cell}`,
  issueNoCell: 'ทั้งชีต',

  // Summary
  summaryHeading: 'คะแนน',
  total: 'คะแนนรวม',
  totalNone: 'ยังไม่มีคะแนนรวม',
  components: 'องค์ประกอบ',
  indicators: 'ตัวชี้วัด',
  countReported: 'รายงานแล้ว',
  countMissing: 'ยังไม่รายงาน',
  countInvalid: 'ค่าไม่ถูกต้อง',
  columnScore: 'คะแนน',
  columnWeighted: 'ถ่วงน้ำหนัก',
  columnLevel: 'ระดับ',
  levelBelow: 'ต่ำกว่าระดับแรก',
  statusNotReported: 'ยังไม่รายงาน',
  statusNotDue: 'ไม่ต้องรายงานในรอบนี้',
  totalSelfAssessed: 'คะแนนประเมินตนเอง',
  totalCertified: 'คะแนนที่รับรองแล้ว',
  certifiedCount: (n: number, of: number) => `รับรองแล้ว ${n} จาก ${of} ตัวชี้วัด`,
  statusInvalid: 'ค่าไม่ถูกต้อง',
  showMore: (n: number) => `แสดงเพิ่ม (อีก ${n})`,
  updatedAt: (time: string) => `ปรับปรุงเมื่อ ${time}`,
  scaleRange: (min: string, max: string) => `จาก ${min} ถึง ${max}`,
  unitsHeading: 'คะแนนรายหน่วยงาน',
  unitsCount: (n: number) => `${n} หน่วยงาน`,
  columnUnit: 'หน่วยงาน',
  bindMultiUnit: (sheet: string, units: number) =>
    `ชีต ${sheet} เป็นชีตหลายหน่วยงานที่ Scorebook สร้างไว้ (${units} หน่วยงาน) คอลัมน์และสูตรครบแล้ว กดผูกชีตเพื่อตรวจและดูคะแนนรายหน่วยงาน`,
  bindMultiUnitOther: (id: string) => `ชีตหลายหน่วยงานนี้สร้างจากชุดตัวชี้วัด ${id} ให้เลือกชุดตัวชี้วัดนั้น หรือสร้างชีตหลายหน่วยงานใหม่ในแท็บ "สร้างชีต"`,

  // What-if
  whatIfHeading: 'สมมติผล',
  whatIfColumn: 'คอลัมน์สมมติผล',
  whatIfAddColumn: 'เพิ่มคอลัมน์สมมติผล',
  whatIfColumnNote: 'คอลัมน์นี้อยู่ข้างผลจริง ใช้ทดลองเท่านั้น ไม่ถูกนำไปรายงาน',
  whatIfTotal: 'คะแนนรวมตามผลสมมติ',
  whatIfGoalHeading: 'ผลที่ต้องทำได้',
  whatIfIndicator: 'ตัวชี้วัด',
  whatIfGoal: 'คะแนนรวมที่ต้องการ',
  whatIfSolve: 'คำนวณ',
  whatIfNeeded: (value: string, unit: string) => `ต้องได้ผลอย่างน้อย ${value}${unit ? ` ${unit}` : ''}`,
  whatIfNeededLower: (value: string, unit: string) => `ต้องได้ผลไม่เกิน ${value}${unit ? ` ${unit}` : ''}`,
  whatIfSteps: (n: string) => `ต้องทำสำเร็จ ${n} ขั้นแรก`,
  whatIfNumerator: (value: string) => `(ตัวตั้ง ${value} เมื่อตัวหารเท่าเดิม)`,
  whatIfPut: 'ใส่ในคอลัมน์สมมติผล',
  whatIfPutDone: 'ใส่ค่าในคอลัมน์สมมติผลแล้ว',
  whatIfGoalInvalid: 'พิมพ์คะแนนรวมเป็นตัวเลข เช่น 85',
  whatIfRankingHeading: 'เพิ่มคะแนนได้คุ้มที่สุด',
  whatIfRankingNote: 'คะแนนรวมที่เพิ่มขึ้นต่อผลที่ดีขึ้นหนึ่งหน่วย เมื่อถึงระดับถัดไป',
  whatIfGainPerUnit: 'ต่อหน่วย',
  whatIfGainTotal: 'เพิ่มคะแนนรวม',
  whatIfNextTarget: 'เป้าระดับถัดไป',
  whatIfAtTop: 'ถึงระดับสูงสุดแล้ว',

  // Errors and progress
  errorTitle: 'ทำไม่สำเร็จ',
  errorNextStep: 'สิ่งที่ทำได้',
  retry: 'ลองอีกครั้ง',
  dismiss: 'ปิด',
  unexpected: (detail: string) => `เกิดข้อผิดพลาดที่ไม่คาดคิด (${detail}) ลองอีกครั้ง หากยังไม่ได้ให้ปิดแล้วเปิด Scorebook ใหม่`,
  fileUnreadable: 'อ่านไฟล์ไม่ได้ ตรวจว่าเป็นไฟล์ JSON ชุดตัวชี้วัดแล้วเลือกใหม่',
};

export type Strings = typeof th;

const en: Strings = {
  appTitle: 'Scorebook',
  language: 'Language',
  languageThai: 'ไทย',
  languageEnglish: 'English',

  tabCreate: 'Create',
  tabBind: 'Bind',
  tabIssues: 'Check',
  tabSummary: 'Scores',
  tabWhatIf: 'What-if',
  loadingServerTab: 'Loading the Server tab…',

  createHeading: 'Create a KPI sheet from an assessment',
  createSource: 'Assessment',
  createSample: 'Bundled samples',
  createPickFile: 'Choose an assessment file (.json)…',
  createPickFileHint: 'A scorebook/assessment@1 file from the central office',
  createFileLoaded: (name) => `Read ${name}`,
  createKind: 'Sheet',
  createSingle: "A unit's KPI sheet (one row per indicator)",
  createMultiUnit: 'Multi-unit sheet (one row per unit × indicator)',
  createUnits: (n) => `${n} unit${n === 1 ? '' : 's'}`,
  createNoUnits: 'This assessment names no units, so there is no multi-unit sheet; choose the single-unit sheet',
  createButton: 'Create sheet',
  createWorking: 'Writing the sheet…',
  createDone: (sheet, rows) => `Created sheet ${sheet} (${rows} rows); enter the results`,
  createCancelled: () => 'Cancelled; nothing was written over',
  assessmentSummary: (indicators, scale, year) => `${indicators} indicators · ${scale} · fiscal year ${year}`,
  assessmentInvalid: 'This file cannot be used; fix what is listed below and choose it again',

  bindHeading: 'Bind an existing sheet to an assessment',
  bindSheet: 'Sheet',
  bindDetect: 'Find the header row',
  bindDetecting: 'Reading the sheet…',
  bindHeaderRow: (row) => `Header row: ${row}`,
  bindColumns: 'Columns',
  bindColumnRole: 'Meaning',
  bindColumnSheet: 'Sheet column',
  bindColumnNone: '(none)',
  bindRows: 'Indicator rows',
  bindRowIndicator: 'Indicator',
  bindRowSheet: 'Sheet row',
  bindRowMissing: 'not found',
  bindMatchedBy: (how) => (how === 'id' ? 'matched by id' : 'matched by name'),
  bindConfirm: 'Confirm and add the score formulas',
  bindAddsColumns:
    "Confirming adds the formula columns right of the table (score, weighted score, any targets or weights the sheet lacks, and hidden helper columns) and the ScorebookTotal total, reading this sheet's own result, target and weight columns; a score column the sheet already has gets the formulas, rows matched by name get their indicator id, and the results typed are left as they are The sheet stays yours: Scorebook does not protect it, so approved rows are not locked, only marked with a warning when typed over (protect the sheet yourself, without a password, and approved rows are locked too).",
  bindHeaderOnRowOne:
    'The header is on row 1, which leaves no room for the total above the table, so the sheet cannot be bound yet: insert a blank row above the header first (the sheet moves down one row; nothing is lost)',
  bindInsertRowAbove: 'Insert a row above the header and search again',
  bindAddsIndicators: (n, ids) =>
    `${n} indicator${n === 1 ? '' : 's'} the sheet does not have will be added: ${ids} (as new rows below the table)`,
  bindNeedRowAbove: 'The header is on row 1, which leaves no room for the total: insert a blank row above the header and search again',
  bindSaving: 'Saving the binding…',
  bindDone: (sheet) => `Bound sheet ${sheet} and added its score formulas; the binding is saved in the file and survives reopening`,
  bindNeedAssessment: 'Choose an assessment first (on the "Create" tab or pick a file here)',
  bindNoHeader: 'No header row found; check the sheet has "No." and "Result" columns and search again',

  boundTo: (sheet, title) => `Sheet ${sheet} · ${title}`,
  notBound: 'No sheet is bound yet; create a new sheet or bind an existing one first',
  opening: 'Opening the workbook…',

  issuesHeading: 'Checks',
  issuesNone: 'No issues found',
  approvedEdited: (ids) =>
    `Indicator ${ids} is approved, but its value was changed in the sheet: the total shown differs from the approved one, and the server will not take the edit. Set it back, or ask the approver to return it`,
  fixNumbers: (n) => `Turn ${n} ${n === 1 ? 'number' : 'numbers'} typed as text into numbers`,
  fixedNumbers: (cells) => `Turned into numbers: ${cells}`,
  fixedNone: 'No cell needed turning into a number',
  issuesChecking: 'Checking…',
  severityError: 'Errors',
  severityWarning: 'Warnings',
  severityInfo: 'Notes',
  issueGoTo: (cell) => `Go to cell ${cell}`,
  issueNoCell: 'whole sheet',

  summaryHeading: 'Scores',
  total: 'Total',
  totalNone: 'No total yet',
  components: 'Components',
  indicators: 'Indicators',
  countReported: 'Reported',
  countMissing: 'Not reported',
  countInvalid: 'Invalid',
  columnScore: 'Score',
  columnWeighted: 'Weighted',
  columnLevel: 'Level',
  levelBelow: 'below the first level',
  statusNotReported: 'not reported',
  statusNotDue: 'Not reported in this round',
  totalSelfAssessed: 'Self-assessed',
  totalCertified: 'Certified',
  certifiedCount: (n, of) => `${n} of ${of} indicators certified`,
  statusInvalid: 'invalid',
  showMore: (n) => `Show more (${n} left)`,
  updatedAt: (time) => `Updated ${time}`,
  scaleRange: (min, max) => `from ${min} to ${max}`,
  unitsHeading: 'Scores by unit',
  unitsCount: (n) => `${n} units`,
  columnUnit: 'Unit',
  bindMultiUnit: (sheet, units) =>
    `Sheet ${sheet} is a multi-unit sheet Scorebook created (${units} units); its columns and formulas are in place: bind it to check it and see each unit's scores`,
  bindMultiUnitOther: (id) =>
    `This multi-unit sheet was created from assessment ${id}: choose that assessment, or create a new multi-unit sheet on the Create tab`,

  whatIfHeading: 'What-if',
  whatIfColumn: 'What-if column',
  whatIfAddColumn: 'Add the what-if column',
  whatIfColumnNote: 'Beside the real results, for trying values only; never reported',
  whatIfTotal: 'Total with the what-if values',
  whatIfGoalHeading: 'Result needed',
  whatIfIndicator: 'Indicator',
  whatIfGoal: 'Total wanted',
  whatIfSolve: 'Calculate',
  whatIfNeeded: (value, unit) => `Needs a result of at least ${value}${unit ? ` ${unit}` : ''}`,
  whatIfNeededLower: (value, unit) => `Needs a result of at most ${value}${unit ? ` ${unit}` : ''}`,
  whatIfSteps: (n) => `Needs the first ${n} steps achieved`,
  whatIfNumerator: (value) => `(numerator ${value} with the same denominator)`,
  whatIfPut: 'Put it in the what-if column',
  whatIfPutDone: 'Written to the what-if column',
  whatIfGoalInvalid: 'Type the total as a number, e.g. 85',
  whatIfRankingHeading: 'Where a point comes cheapest',
  whatIfRankingNote: 'Gain in total per unit of improvement, up to the next level',
  whatIfGainPerUnit: 'per unit',
  whatIfGainTotal: 'adds to total',
  whatIfNextTarget: 'next target',
  whatIfAtTop: 'at the top level',

  errorTitle: 'That did not work',
  errorNextStep: 'What to do',
  retry: 'Try again',
  dismiss: 'Close',
  unexpected: (detail) => `Something unexpected went wrong (${detail}); try again, and if it persists close and reopen Scorebook`,
  fileUnreadable: 'The file cannot be read; check it is an assessment JSON file and choose it again',
};

export const STRINGS: Readonly<Record<Locale, Strings>> = { th, en };

/**
 * Office reports its display language as a BCP 47 tag ("th-TH", "en-US"). Thai when it is Thai or unknown (the
 * users are Thai civil servants); any other language gets English, the one other language we have.
 */
export function localeFromDisplayLanguage(tag: string | undefined): Locale {
  if (!tag || tag.trim() === '') return 'th';
  return tag.trim().toLowerCase().startsWith('th') ? 'th' : 'en';
}

type PlainKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

/** A catalogue string as a Message in both languages, for places that hold messages (errors, action outcomes). */
export function bilingual(key: PlainKey): Message {
  return { th: th[key], en: en[key] };
}

/** The same for a string that takes arguments. */
export function bilingualWith<K extends keyof Strings>(key: K, ...args: Strings[K] extends (...a: infer A) => string ? A : never): Message {
  const call = (s: Strings): string => (s[key] as unknown as (...a: unknown[]) => string)(...args);
  return { th: call(th), en: call(en) };
}

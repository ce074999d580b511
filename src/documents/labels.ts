/** The report's words in Thai and English; dates in the Buddhist Era in both, as the documents go up the line. */
import { type Locale, type ReportStatus } from '../domain';

export interface ReportLabels {
  readonly title: string;
  readonly fiscalYear: (be: number) => string;
  readonly period: (round: number, dates: string) => string;
  readonly generatedOn: string;
  readonly columns: {
    readonly number: string;
    readonly indicator: string;
    readonly unit: string;
    readonly weight: string;
    readonly targets: string;
    readonly result: string;
    readonly score: string;
    readonly weighted: string;
    readonly status: string;
  };
  readonly subtotal: string;
  readonly otherIndicators: string;
  readonly totalBeforePenalty: string;
  readonly penalty: string;
  readonly penaltyDays: (days: string) => string;
  readonly total: string;
  readonly officialBeforePenalty: string;
  readonly officialTotal: string;
  readonly notesHeading: string;
  readonly explanation: string;
  readonly obstacles: string;
  readonly remarks: string;
  readonly evidence: string;
  readonly reporter: string;
  readonly certifier: string;
  readonly signature: string;
  readonly name: string;
  readonly position: string;
  readonly date: string;
  readonly page: (n: string, of: string) => string;
  readonly notReported: string;
  readonly notDue: string;
  readonly invalid: string;
  readonly status: Readonly<Record<ReportStatus, string>>;
}

const TH: ReportLabels = {
  title: 'รายงานผลการดำเนินงานตามตัวชี้วัด',
  fiscalYear: (be) => `ปีงบประมาณ พ.ศ. ${be}`,
  period: (round, dates) => `รอบ ${round} เดือน (${dates})`,
  generatedOn: 'จัดทำเมื่อ',
  columns: {
    number: 'ลำดับ',
    indicator: 'ตัวชี้วัด',
    unit: 'หน่วยนับ',
    weight: 'น้ำหนัก',
    targets: 'ค่าเป้าหมาย',
    result: 'ผลการดำเนินงาน',
    score: 'คะแนน',
    weighted: 'คะแนนถ่วงน้ำหนัก',
    status: 'สถานะ',
  },
  subtotal: 'รวม',
  otherIndicators: 'ตัวชี้วัดอื่น',
  totalBeforePenalty: 'คะแนนประเมินตนเอง (ก่อนหักคะแนน)',
  penalty: 'หักคะแนนรายงานล่าช้า',
  penaltyDays: (days) => `หักคะแนนรายงานล่าช้า (${days} วันทำการ)`,
  total: 'คะแนนประเมินตนเองสุทธิ',
  officialBeforePenalty: 'คะแนนที่รับรองแล้ว (ก่อนหักคะแนน)',
  officialTotal: 'คะแนนที่รับรองแล้วสุทธิ',
  notesHeading: 'คำชี้แจงการปฏิบัติงานรายตัวชี้วัด',
  explanation: 'คำชี้แจงการปฏิบัติงาน',
  obstacles: 'อุปสรรค',
  remarks: 'หมายเหตุ',
  evidence: 'เอกสารหลักฐาน',
  reporter: 'ผู้รายงาน',
  certifier: 'ผู้รับรอง',
  signature: 'ลงชื่อ',
  name: 'ชื่อ',
  position: 'ตำแหน่ง',
  date: 'วันที่',
  page: (n, of) => `หน้า ${n} / ${of}`,
  notReported: 'ไม่ได้รายงาน',
  notDue: 'ไม่ต้องรายงานในรอบนี้',
  invalid: 'ค่าไม่ถูกต้อง',
  status: { draft: 'ร่าง', submitted: 'ส่งแล้ว', approved: 'อนุมัติแล้ว', returned: 'ส่งกลับแก้ไข' },
};

const EN: ReportLabels = {
  title: 'Report of results against the indicators',
  fiscalYear: (be) => `Fiscal year ${be} BE`,
  period: (round, dates) => `${round}-month round (${dates})`,
  generatedOn: 'Prepared on',
  columns: {
    number: 'No.',
    indicator: 'Indicator',
    unit: 'Unit',
    weight: 'Weight',
    targets: 'Targets',
    result: 'Result',
    score: 'Score',
    weighted: 'Weighted score',
    status: 'Status',
  },
  subtotal: 'Subtotal',
  otherIndicators: 'Other indicators',
  totalBeforePenalty: 'Self-assessed score (before penalty)',
  penalty: 'Late-report penalty',
  penaltyDays: (days) => `Late-report penalty (${days} working days)`,
  total: 'Self-assessed score',
  officialBeforePenalty: 'Certified score (before penalty)',
  officialTotal: 'Certified score',
  notesHeading: 'Explanations by indicator',
  explanation: 'Explanation',
  obstacles: 'Obstacles',
  remarks: 'Remarks',
  evidence: 'Evidence',
  reporter: 'Reported by',
  certifier: 'Certified by',
  signature: 'Signature',
  name: 'Name',
  position: 'Position',
  date: 'Date',
  page: (n, of) => `Page ${n} / ${of}`,
  notReported: 'not reported',
  notDue: 'not due this round',
  invalid: 'invalid value',
  status: { draft: 'draft', submitted: 'submitted', approved: 'approved', returned: 'returned' },
};

export function labelsFor(locale: Locale): ReportLabels {
  return locale === 'th' ? TH : EN;
}

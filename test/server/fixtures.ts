/** The assessment and users every server test starts from. */
import type { Role } from '../../src/api';

/** Inside round 6's window. */
export const T_OPEN = '2024-03-25T03:00:00.000Z';
export const AID = 'test-2567';

export function fixtureAssessment(): Record<string, unknown> {
  return {
    format: 'scorebook/assessment@1',
    id: AID,
    title: 'ตัวชี้วัดทดสอบ ปีงบประมาณ พ.ศ. 2567',
    fiscalYear: 2567,
    scale: 'five-level',
    policies: { notReported: 1, latePenaltyPerWorkingDay: 0.05 },
    indicators: [
      { id: '1', name: 'รายได้', unit: 'ล้านบาท', weight: 40, targets: [80, 85, 90, 95, 100] },
      {
        id: '2',
        name: 'ร้อยละโรงเรียนที่ผ่านเกณฑ์',
        weight: 20,
        kind: 'ratio',
        multiplier: 100,
        targets: [60, 70, 80, 90, 100],
        variables: [
          { id: 'num', name: 'โรงเรียนที่ผ่านเกณฑ์' },
          { id: 'den', name: 'โรงเรียนทั้งหมด', central: true },
        ],
      },
      { id: '3', name: 'ระดับความสำเร็จ', weight: 20, steps: ['ขั้น 1', 'ขั้น 2', 'ขั้น 3', 'ขั้น 4', 'ขั้น 5'] },
      {
        id: '4',
        name: 'กลุ่มตัวชี้วัด',
        weight: 20,
        children: [
          { id: '4.1', name: 'ย่อย 1', weight: 1, targets: [1, 2, 3, 4, 5] },
          { id: '4.2', name: 'ย่อย 2', weight: 1, targets: [10, 8, 6, 4, 2] },
        ],
      },
    ],
    units: [
      { id: 'pte', name: 'จังหวัดปทุมธานี' },
      { id: 'cbi', name: 'จังหวัดชลบุรี' },
    ],
    rounds: [
      { round: 6, opensAt: '2024-03-01T00:00:00+07:00', closesAt: '2024-04-11T23:59:59+07:00' },
      { round: 9, opensAt: '2024-01-01T00:00:00+07:00', closesAt: '2024-03-01T00:00:00+07:00' },
      { round: 12, opensAt: '2024-01-01T00:00:00+07:00', closesAt: '2024-03-15T16:30:00+07:00', allowLate: true },
    ],
  };
}

export const fixtureUsers: { username: string; name: string; roles: Role[]; units: string[] }[] = [
  { username: 'pte.reporter', name: 'ผู้รายงาน ปทุมธานี', roles: ['reporter'], units: ['pte'] },
  { username: 'pte.approver', name: 'ผู้อนุมัติ ปทุมธานี', roles: ['approver'], units: ['pte'] },
  { username: 'cbi.reporter', name: 'ผู้รายงาน ชลบุรี', roles: ['reporter'], units: ['cbi'] },
  { username: 'cbi.approver', name: 'ผู้อนุมัติ ชลบุรี', roles: ['approver'], units: ['cbi'] },
  { username: 'central', name: 'สำนักงานส่วนกลาง', roles: ['central'], units: [] },
];

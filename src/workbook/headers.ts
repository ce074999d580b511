/**
 * The header catalogue: every column role of a KPI sheet with its Thai header (what the template writes) and the
 * English and other names it is also recognised by, so a sheet whose columns were renamed to English, moved by
 * hand or made by someone else still binds by header name.
 */
import type { Scale } from '../domain';

/** Fixed roles; targets and steps are numbered (`target1`, `step2`), per-depth helper columns carry the depth. */
export type FixedRole =
  | 'id'
  | 'name'
  | 'unit'
  | 'weight'
  | 'result'
  | 'numerator'
  | 'denominator'
  | 'score'
  | 'weightedScore'
  | 'explanation'
  | 'obstacles'
  | 'note'
  | 'key'
  | 'parentKey'
  | 'groupKey'
  | 'kind'
  | 'direction'
  | 'multiplier'
  | 'floorTarget'
  | 'value'
  | 'stepMarks'
  | 'rounds';
export type DepthRole = 'scoreAt' | 'countedAt' | 'weightTimesScoreAt' | 'shareAt';
export type ColumnRole = FixedRole | `target${number}` | `step${number}` | `${DepthRole}${number}`;

export interface HeaderEntry {
  readonly role: ColumnRole;
  /** Written in the template. */
  readonly th: string;
  readonly en: string;
  /** Further names a hand-made sheet may use. */
  readonly aliases: readonly string[];
  /** Helper columns the formulas need; hidden in the template, never typed into. */
  readonly hidden: boolean;
}

const entry = (role: ColumnRole, th: string, en: string, aliases: string[] = [], hidden = false): HeaderEntry => ({
  role,
  th,
  en,
  aliases,
  hidden,
});

export const FIXED_HEADERS: Readonly<Record<FixedRole, HeaderEntry>> = {
  id: entry('id', 'ลำดับ', 'No.', ['ID', 'Indicator ID', 'รหัส', 'รหัสตัวชี้วัด', 'ตัวชี้วัดที่', 'No', 'Number']),
  name: entry('name', 'ตัวชี้วัด', 'Indicator', ['ชื่อตัวชี้วัด', 'Name', 'KPI']),
  unit: entry('unit', 'หน่วย', 'Unit', ['หน่วยนับ']),
  weight: entry('weight', 'น้ำหนัก', 'Weight', ['น้ำหนัก (ร้อยละ)', 'Weight (%)']),
  result: entry('result', 'ผลการดำเนินงาน', 'Result', ['ผลการดำเนินการ', 'ผล', 'Actual', 'Value']),
  numerator: entry('numerator', 'ตัวตั้ง', 'Numerator', ['ตัวแปร 1', 'Variable 1']),
  denominator: entry('denominator', 'ตัวหาร', 'Denominator', ['ตัวแปร 2', 'Variable 2']),
  score: entry('score', 'คะแนน', 'Score', ['คะแนนที่ได้']),
  weightedScore: entry('weightedScore', 'คะแนนถ่วงน้ำหนัก', 'Weighted score', ['Weighted']),
  explanation: entry('explanation', 'คำชี้แจงการปฏิบัติงาน', 'Explanation', ['คำชี้แจง', 'คำชี้แจงผลการดำเนินงาน', 'Explanations']),
  obstacles: entry('obstacles', 'อุปสรรค', 'Obstacles', ['ปัญหาอุปสรรค', 'ปัญหา/อุปสรรค', 'ปัญหาและอุปสรรค', 'อุปสรรคต่อการดำเนินงาน', 'Problems']),
  // หมายเหตุ travels as the report's remarks; the role keeps its first name so binding records stay readable.
  note: entry('note', 'หมายเหตุ', 'Note', ['Notes', 'Remark', 'Remarks']),
  key: entry('key', 'รหัสแถว', 'Row key', [], true),
  parentKey: entry('parentKey', 'รหัสแถวหลัก', 'Parent key', [], true),
  groupKey: entry('groupKey', 'รหัสกลุ่ม', 'Group key', [], true),
  kind: entry('kind', 'ประเภท', 'Kind', [], true),
  direction: entry('direction', 'ทิศทาง', 'Direction', [], true),
  multiplier: entry('multiplier', 'ตัวคูณ', 'Multiplier', [], true),
  floorTarget: entry('floorTarget', 'เป้าหมายระดับ 0', 'Target 0', ['T0'], true),
  value: entry('value', 'ค่าที่ใช้คิดคะแนน', 'Scored value', [], true),
  // Each step as the sheet counts it ("11b0": achieved, not, blank, unusable; stepWords.ts); only with step columns.
  stepMarks: entry('stepMarks', 'ผลรายขั้นตอน', 'Step marks', [], true),
  // The rounds a row is due in, as ",6,12," (blank: every round); only when some indicator states its rounds.
  rounds: entry('rounds', 'รอบที่ต้องรายงาน', 'Rounds due', [], true),
};

/**
 * The three texts a person types beside a row's result, each travelling with the row as the report field of the
 * same meaning: คำชี้แจงการปฏิบัติงาน (explanation), อุปสรรค (obstacles), หมายเหตุ (remarks, role `note`).
 */
export const ROW_TEXT_ROLES = { explanation: 'explanation', obstacles: 'obstacles', remarks: 'note' } as const satisfies Record<
  string,
  FixedRole
>;
export type RowTextField = keyof typeof ROW_TEXT_ROLES;
export const ROW_TEXT_FIELDS = Object.keys(ROW_TEXT_ROLES) as RowTextField[];

export function isRowTextRole(role: ColumnRole): boolean {
  return role === 'explanation' || role === 'obstacles' || role === 'note';
}

/**
 * The columns a person types in: the result, the ratio's variables, the steps and the three texts. Everything else
 * is the template's (ids, names, targets, weights) or a formula's.
 */
export function isInputRole(role: ColumnRole): boolean {
  return role === 'result' || role === 'numerator' || role === 'denominator' || isRowTextRole(role) || /^step\d+$/.test(role);
}

/** A target column is named after its scale level (ขั้นต้น, ระดับ 1 …) and also answers to "Target k". */
export function targetHeader(scale: Scale, level: number): HeaderEntry {
  const l = scale.levels[level - 1];
  return entry(`target${level}`, l?.name ?? `ระดับ ${level}`, l?.nameEn ?? `Level ${level}`, [
    `เป้าหมายระดับ ${level}`,
    `Target ${level}`,
    `T${level}`,
  ]);
}

export function stepHeader(step: number): HeaderEntry {
  return entry(`step${step}`, `ขั้นที่ ${step}`, `Step ${step}`, [`ขั้นตอนที่ ${step}`, `S${step}`]);
}

/** Helper columns of one depth of the indicator tree (0 = top level); see formulas.ts for why there is one set per depth. */
export function depthHeaders(depth: number): HeaderEntry[] {
  const n = depth + 1;
  return [
    entry(`scoreAt${depth}`, `คะแนน ชั้น ${n}`, `Score at depth ${n}`, [], true),
    entry(`countedAt${depth}`, `นับ ชั้น ${n}`, `Counted at depth ${n}`, [], true),
    entry(`weightTimesScoreAt${depth}`, `น้ำหนัก×คะแนน ชั้น ${n}`, `Weight x score at depth ${n}`, [], true),
    entry(`shareAt${depth}`, `สัดส่วนในคะแนนรวม ชั้น ${n}`, `Share of total at depth ${n}`, [], true),
  ];
}

/** Header text compared loosely: case, spaces, and a bilingual "ไทย (English)" form all match. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00A0\u200B]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The names a header cell may be read as: the whole text, and each half of "ไทย (English)" or "ไทย / English". */
export function headerCandidates(text: string): string[] {
  const whole = normalizeHeader(text);
  const out = new Set([whole]);
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(whole);
  if (paren) {
    out.add((paren[1] ?? '').trim());
    out.add((paren[2] ?? '').trim());
  }
  for (const part of whole.split(' / ')) out.add(part.trim());
  out.delete('');
  return [...out];
}

export function namesOf(e: HeaderEntry): string[] {
  return [e.th, e.en, ...e.aliases].map(normalizeHeader);
}

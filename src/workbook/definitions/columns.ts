/**
 * The definitions sheet's columns (ตัวชี้วัด: one row per indicator, as the central office's tables of seed 002 are
 * laid out), with the Thai header written, the English one written on request, and the other names a hand-made
 * sheet may use. Also the words of the kind and direction cells.
 */
import { closest, type LeafKind, type Scale } from '../../domain';
import { headerCandidates, normalizeHeader } from '../headers';

export type DefinitionRole =
  | 'component'
  | 'group'
  | 'id'
  | 'parent'
  | 'name'
  | 'nameEn'
  | 'weight'
  | 'unit'
  | 'kind'
  | 'direction'
  | `target${number}`
  | 'floorTarget'
  | 'inputs'
  | 'steps'
  | 'numerator'
  | 'denominator'
  | 'multiplier'
  | 'rounds'
  | 'owner'
  | 'centralResult'
  | 'description';

export interface DefinitionColumn {
  readonly role: DefinitionRole;
  readonly th: string;
  readonly en: string;
  readonly aliases: readonly string[];
  /** Points, for the writers. */
  readonly width: number;
}

const col = (role: DefinitionRole, th: string, en: string, width: number, aliases: string[] = []): DefinitionColumn => ({
  role,
  th,
  en,
  aliases,
  width,
});

/** Before the targets. องค์ประกอบ and กลุ่ม come first: they are the cells a table merges down its rows. */
const LEADING: readonly DefinitionColumn[] = [
  col('component', 'องค์ประกอบ', 'Component', 22, ['มิติ', 'Dimension', 'องค์ประกอบที่']),
  col('group', 'กลุ่ม', 'Group', 18, ['หมวด', 'กลุ่มตัวชี้วัด', 'Sub-group']),
  col('id', 'ลำดับ', 'No.', 8, ['ที่', 'ข้อ', 'รหัส', 'รหัสตัวชี้วัด', 'ID', 'No', 'Indicator ID']),
  col('name', 'ตัวชี้วัด', 'Indicator', 48, ['ชื่อตัวชี้วัด', 'Name', 'KPI']),
  col('weight', 'น้ำหนัก', 'Weight', 12, ['น้ำหนัก (ร้อยละ)', 'Weight (%)', 'ร้อยละน้ำหนัก']),
  col('unit', 'หน่วยนับ', 'Unit', 14, ['หน่วย', 'Unit of measure']),
  col('kind', 'ประเภท', 'Kind', 14, ['ประเภทตัวชี้วัด', 'ลักษณะตัวชี้วัด', 'Type']),
  col('direction', 'ทิศทาง', 'Direction', 14, ['ทิศทางของค่าเป้าหมาย']),
];

const TRAILING: readonly DefinitionColumn[] = [
  col('floorTarget', 'เป้าหมายระดับ 0', 'Target 0', 12, ['T0']),
  col('inputs', 'ข้อมูลฐานของค่าเป้าหมาย', 'Target inputs', 24, ['ข้อมูลฐาน', 'Inputs', 'Baseline']),
  col('steps', 'ขั้นตอน', 'Steps', 48, ['ขั้นตอนการดำเนินงาน', 'เกณฑ์การให้คะแนน', 'Milestones']),
  col('numerator', 'ตัวตั้ง', 'Numerator', 30, ['ตัวแปร 1', 'Variable 1']),
  col('denominator', 'ตัวหาร', 'Denominator', 30, ['ตัวแปร 2', 'Variable 2']),
  col('multiplier', 'ตัวคูณ', 'Multiplier', 10, []),
  col('rounds', 'รอบการรายงาน', 'Rounds', 12, ['รอบที่รายงาน', 'รอบ', 'Reporting rounds']),
  col('owner', 'หน่วยงานรับผิดชอบ', 'Responsible agency', 26, ['ผู้รับผิดชอบ', 'หน่วยงานที่รับผิดชอบ', 'Owner', 'Responsible']),
  col('centralResult', 'ผลจากส่วนกลาง', 'Central result', 12, ['ข้อมูลส่วนกลาง']),
  col('parent', 'ตัวชี้วัดหลัก', 'Parent', 10, ['Parent indicator', 'ตัวชี้วัดแม่']),
  col('nameEn', 'ชื่อภาษาอังกฤษ', 'English name', 30, ['Name (English)', 'ชื่อตัวชี้วัดภาษาอังกฤษ']),
  col('description', 'คำอธิบาย', 'Description', 40, ['รายละเอียด', 'หมายเหตุ', 'Notes']),
];

/** A target column per level of the scale: "เป้าหมาย ขั้นต้น" / "Target: Basic", also "ขั้นต้น", "เป้าหมายระดับ 1", "T1". */
export function targetColumn(scale: Pick<Scale, 'levels'>, level: number): DefinitionColumn {
  const l = scale.levels[level - 1];
  const name = l?.name ?? `ระดับ ${level}`;
  const nameEn = l?.nameEn ?? `Level ${level}`;
  return col(`target${level}`, `เป้าหมาย ${name}`, `Target: ${nameEn}`, 12, [
    name,
    nameEn,
    `เป้าหมาย${name}`,
    `Target ${nameEn}`,
    `เป้าหมายระดับ ${level}`,
    `เป้าหมาย ระดับ ${level}`,
    `Target ${level}`,
    `Target level ${level}`,
    `T${level}`,
  ]);
}

/** Every column of a sheet for this scale, in the order written. */
export function definitionColumns(scale: Pick<Scale, 'levels'>): DefinitionColumn[] {
  return [...LEADING, ...scale.levels.map((_, i) => targetColumn(scale, i + 1)), ...TRAILING];
}

export function headerOf(column: DefinitionColumn, locale: 'th' | 'en'): string {
  return locale === 'th' ? column.th : column.en;
}

/** Normalised header name → role, for the columns of this scale. */
export function headerIndex(columns: readonly DefinitionColumn[]): Map<string, DefinitionRole> {
  const out = new Map<string, DefinitionRole>();
  for (const c of columns)
    for (const n of [c.th, c.en, ...c.aliases]) if (!out.has(normalizeHeader(n))) out.set(normalizeHeader(n), c.role);
  return out;
}

/** The role a header cell names, trying the whole text and each half of "ไทย (English)". */
export function roleOfHeader(text: string, index: ReadonlyMap<string, DefinitionRole>): DefinitionRole | undefined {
  for (const candidate of headerCandidates(text)) {
    const role = index.get(candidate);
    if (role !== undefined) return role;
  }
  return undefined;
}

/** The known header nearest to a typo ("น้ำหนก" → "น้ำหนัก"), in the sheet's language where it can tell. */
export function nearestHeader(text: string, columns: readonly DefinitionColumn[]): string | undefined {
  const known = columns.flatMap((c) => [c.th, c.en, ...c.aliases]);
  return closest(normalizeHeader(text), known);
}

/** The kind words: ปริมาณ / ขั้นตอน / อัตราส่วน / ใช่-ไม่ใช่, and English. */
export const KIND_WORDS: Readonly<Record<LeafKind, { readonly th: string; readonly en: string; readonly aliases: readonly string[] }>> = {
  quantitative: { th: 'ปริมาณ', en: 'quantity', aliases: ['quantitative', 'เชิงปริมาณ', 'แบบปริมาณ', 'ตัวเลข', 'number'] },
  milestone: {
    th: 'ขั้นตอน',
    en: 'milestone',
    aliases: ['คุณภาพ', 'เชิงคุณภาพ', 'แบบขั้นตอน', 'ระดับความสำเร็จ', 'milestones', 'steps', 'qualitative'],
  },
  ratio: { th: 'อัตราส่วน', en: 'ratio', aliases: ['สัดส่วน', 'แบบอัตราส่วน', 'ร้อยละจากตัวแปร', 'formula'] },
  binary: { th: 'ใช่-ไม่ใช่', en: 'binary', aliases: ['ใช่/ไม่ใช่', 'ใช่ ไม่ใช่', 'ใช่ไม่ใช่', 'ส่ง/ไม่ส่ง', 'yes/no', 'yes-no', '0/1', '1/0'] },
};

export const DIRECTION_WORDS = {
  higher: { th: 'ยิ่งมากยิ่งดี', en: 'higher', aliases: ['มากดี', 'สูงดี', 'higher is better', 'up', 'increase'] },
  lower: { th: 'ยิ่งน้อยยิ่งดี', en: 'lower', aliases: ['น้อยดี', 'ต่ำดี', 'lower is better', 'down', 'decrease'] },
} as const;

const squash = (s: string): string => normalizeHeader(s).replace(/[\s\-/]/g, '');

function wordIndex<K extends string>(table: Readonly<Record<K, { th: string; en: string; aliases: readonly string[] }>>): Map<string, K> {
  const out = new Map<string, K>();
  for (const key of Object.keys(table) as K[]) {
    const w = table[key];
    for (const n of [key, w.th, w.en, ...w.aliases]) out.set(squash(n), key);
  }
  return out;
}

const KINDS = wordIndex(KIND_WORDS);
const DIRECTIONS = wordIndex(DIRECTION_WORDS);

export function readKindWord(text: string): LeafKind | undefined {
  return KINDS.get(squash(text));
}

export function readDirectionWord(text: string): 'higher' | 'lower' | undefined {
  return DIRECTIONS.get(squash(text));
}

/** The words of the kind cells' validation list, in the sheet's language. */
export function kindList(locale: 'th' | 'en'): string[] {
  return (Object.keys(KIND_WORDS) as LeafKind[]).map((k) => KIND_WORDS[k][locale]);
}

export function directionList(locale: 'th' | 'en'): string[] {
  return [DIRECTION_WORDS.higher[locale], DIRECTION_WORDS.lower[locale]];
}

/** Sheet names: Thai by default, English on request; either is found when reading. */
export const DEFINITIONS_SHEET = { th: 'ตัวชี้วัด', en: 'Indicators' } as const;
export const DEFINITIONS_SETTINGS_SHEET = { th: 'ตั้งค่าชุดตัวชี้วัด', en: 'Assessment settings' } as const;

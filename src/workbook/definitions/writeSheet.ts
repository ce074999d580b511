/**
 * An assessment document → its definitions sheet (ตัวชี้วัด) and settings sheet, as cells and as a write plan the
 * workbook port carries out (the pane) or the CLI's exceljs writer does. Every field of the document has a cell,
 * and what the document leaves out stays blank, so reading the sheets back gives the same document.
 */
import { customScale, FIVE_LEVEL, THREE_LEVEL, type AssessmentDocument, type RawIndicator, type Scale } from '../../domain';
import { cellAddress, columnLetter, type CellContent } from '../cells';
import type { WriteOp, WritePlan } from '../plan';
import {
  definitionColumns,
  DEFINITIONS_SETTINGS_SHEET,
  DEFINITIONS_SHEET,
  DIRECTION_WORDS,
  directionList,
  headerOf,
  KIND_WORDS,
  kindList,
  type DefinitionColumn,
  type DefinitionRole,
} from './columns';
import { inputsText, stepsText, variableText } from './cellTexts';
import { definitionsSettingsRows } from './settingsSheet';

export type DefinitionsLocale = 'th' | 'en';

export const TITLE_ROW = 1;
export const SUMMARY_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_ROW = 4;
/** Rows below the last indicator that still get the kind and direction lists, for rows a person adds. */
const SPARE_ROWS = 300;

export interface DefinitionsCells {
  readonly sheet: string;
  readonly columns: readonly DefinitionColumn[];
  /** From A1: title, summary, header, then one row per indicator (parents before their sub-indicators). */
  readonly rows: readonly (readonly CellContent[])[];
  readonly lastRow: number;
  readonly settingsSheet: string;
  readonly settingsRows: readonly (readonly CellContent[])[];
}

export function scaleOfDocument(doc: Pick<AssessmentDocument, 'scale'>): Scale {
  if (doc.scale === 'three-level') return THREE_LEVEL;
  if (doc.scale === 'five-level') return FIVE_LEVEL;
  return customScale(doc.scale.levels.map((l) => ({ name: l.name, nameEn: l.nameEn ?? l.name, score: l.score })));
}

export function definitionsSheetCells(doc: AssessmentDocument, locale: DefinitionsLocale = 'th'): DefinitionsCells {
  const columns = definitionColumns(scaleOfDocument(doc));
  const at = new Map<DefinitionRole, number>(columns.map((c, i) => [c.role, i]));
  const components = doc.components ?? [];
  const groups = components.flatMap((c) => c.groups ?? []);
  // A component or group is written by its name where the name says which one it is, else by its id.
  const componentText = (id: string | undefined): string | null => {
    if (id === undefined) return null;
    const c = components.find((x) => x.id === id);
    if (!c) return id;
    const unique = components.filter((x) => x.name === c.name || x.id === c.name).length === 1;
    return unique ? c.name : c.id;
  };
  const groupText = (id: string | undefined): string | null => {
    if (id === undefined) return null;
    const g = groups.find((x) => x.id === id);
    if (!g) return id;
    const unique = groups.filter((x) => x.name === g.name || x.id === g.name).length === 1;
    return unique ? g.name : g.id;
  };
  const rows: CellContent[][] = [];
  const th = locale === 'th';
  const visit = (raw: RawIndicator, parent: RawIndicator | null, inherited: { component?: string; group?: string }): void => {
    const row: CellContent[] = columns.map(() => null);
    const set = (role: DefinitionRole, value: CellContent | undefined): void => {
      const i = at.get(role);
      if (i !== undefined && value !== undefined) row[i] = value;
    };
    // Sub-indicators show their parent's component and group (the reader drops them again when they are the same).
    set('component', componentText(raw.component ?? inherited.component));
    set('group', groupText(raw.group ?? inherited.group));
    set('id', raw.id);
    set('name', raw.name);
    set('weight', raw.weight);
    set('unit', raw.unit);
    if (raw.kind !== undefined) set('kind', KIND_WORDS[raw.kind][locale]);
    if (raw.direction !== undefined) set('direction', DIRECTION_WORDS[raw.direction][locale]);
    (raw.targets ?? []).forEach((t, k) => set(`target${k + 1}`, t));
    set('floorTarget', raw.floorTarget);
    if (raw.inputs !== undefined) set('inputs', inputsText(raw.inputs));
    if (raw.steps !== undefined) set('steps', stepsText(raw.steps));
    const [numerator, denominator, ...more] = raw.variables ?? [];
    if (numerator) set('numerator', variableText(numerator, 'num', locale));
    if (denominator) set('denominator', variableText(denominator, 'den', locale));
    if (more.length > 0) throw new Error(`indicator ${raw.id}: a ratio has two variables`);
    set('multiplier', raw.multiplier);
    if (raw.rounds !== undefined) set('rounds', raw.rounds.join(', '));
    set('owner', raw.owner);
    if (raw.centralResult !== undefined) set('centralResult', raw.centralResult ? (th ? 'ใช่' : 'yes') : th ? 'ไม่ใช่' : 'no');
    if (parent) set('parent', parent.id);
    set('nameEn', raw.nameEn);
    set('description', raw.description);
    rows.push(row);
    const next = { component: raw.component ?? inherited.component, group: raw.group ?? inherited.group };
    for (const child of raw.children ?? []) visit(child, raw, next);
  };
  for (const raw of doc.indicators) visit(raw, null, {});

  const lastRow = FIRST_ROW + rows.length - 1;
  const weight = at.get('weight') as number;
  const parent = at.get('parent') as number;
  const title: CellContent[] = [doc.title];
  const summary: CellContent[] = columns.map(() => null);
  summary[at.get('name') as number] = th ? 'น้ำหนักรวม (ตัวชี้วัดหลัก)' : 'Total weight (top-level indicators)';
  if (rows.length > 0) {
    const w = columnLetter(weight + 1);
    const p = columnLetter(parent + 1);
    summary[weight] = { formula: `SUMIFS(${w}${FIRST_ROW}:${w}${lastRow},${p}${FIRST_ROW}:${p}${lastRow},"")` };
  }
  return {
    sheet: DEFINITIONS_SHEET[locale],
    columns,
    rows: [title, summary, columns.map((c) => headerOf(c, locale)), ...rows],
    lastRow,
    settingsSheet: DEFINITIONS_SETTINGS_SHEET[locale],
    settingsRows: definitionsSettingsRows(doc),
  };
}

const HEADER_FILL = '#DDEBF7';
const INPUT_FILL = '#FFF9E6';

/**
 * The plan that writes both sheets: replaced if they exist, header styled, columns sized, long texts wrapped, ids as
 * text, the kind, direction and central-result cells with their lists, weights and targets as numbers.
 */
export function definitionsSheetPlan(doc: AssessmentDocument, locale: DefinitionsLocale = 'th'): WritePlan {
  const cells = definitionsSheetCells(doc, locale);
  const { sheet, columns } = cells;
  const last = Math.max(cells.lastRow, FIRST_ROW) + SPARE_ROWS;
  const range = (role: DefinitionRole): string | undefined => {
    const i = columns.findIndex((c) => c.role === role);
    return i < 0 ? undefined : `${cellAddress(FIRST_ROW, i + 1)}:${cellAddress(last, i + 1)}`;
  };
  const th = locale === 'th';
  const width = columns.length;
  const ops: WriteOp[] = [
    { kind: 'sheet', sheet, ifExists: 'replace', tabColor: '#2F5597' },
    { kind: 'numberFormat', sheet, address: range('id') as string, format: '@' },
    { kind: 'numberFormat', sheet, address: range('parent') as string, format: '@' },
    { kind: 'cells', sheet, topLeft: 'A1', contents: cells.rows },
    { kind: 'style', sheet, address: 'A1', bold: true, fontSize: 14 },
    { kind: 'style', sheet, address: `A${SUMMARY_ROW}:${cellAddress(SUMMARY_ROW, width)}`, bold: true },
    {
      kind: 'style',
      sheet,
      address: `A${HEADER_ROW}:${cellAddress(HEADER_ROW, width)}`,
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      vertical: 'center',
    },
    ...columns.map((c, i): WriteOp => ({
      kind: 'columns',
      sheet,
      columns: `${columnLetter(i + 1)}:${columnLetter(i + 1)}`,
      width: c.width * 5.6,
    })),
    ...(['name', 'steps', 'numerator', 'denominator', 'description', 'component', 'group', 'owner'] as const).map((role): WriteOp => ({
      kind: 'style',
      sheet,
      address: range(role) as string,
      wrap: true,
      vertical: 'top',
    })),
    { kind: 'freeze', sheet, rows: HEADER_ROW, columns: columns.findIndex((c) => c.role === 'name') + 1 },
    {
      kind: 'validation',
      sheet,
      address: range('kind') as string,
      rule: { type: 'list', values: kindList(locale) },
      prompt: th
        ? {
            title: 'ประเภทตัวชี้วัด',
            message: 'ปริมาณ: กรอกผลเป็นตัวเลข · ขั้นตอน: ระบุขั้นตอนในคอลัมน์ขั้นตอน · อัตราส่วน: ระบุตัวตั้งและตัวหาร · ใช่-ไม่ใช่: ทำ/ไม่ทำ',
          }
        : {
            title: 'Kind',
            message: 'quantity: a number · milestone: list the steps · ratio: a numerator and a denominator · binary: done or not',
          },
      error: {
        title: th ? 'ประเภทตัวชี้วัด' : 'Kind',
        message: `${kindList('th').join(' / ')} (${kindList('en').join(' / ')})`,
        style: 'warning',
      },
    },
    {
      kind: 'validation',
      sheet,
      address: range('direction') as string,
      rule: { type: 'list', values: directionList(locale) },
      prompt: th
        ? { title: 'ทิศทาง', message: 'ว่างไว้ได้: อ่านจากค่าเป้าหมาย (ลดลงตามระดับ = ยิ่งน้อยยิ่งดี)' }
        : { title: 'Direction', message: 'may stay blank: read from the targets (falling = lower is better)' },
      error: { title: th ? 'ทิศทาง' : 'Direction', message: `${directionList('th').join(' / ')} (higher / lower)`, style: 'warning' },
    },
    {
      kind: 'validation',
      sheet,
      address: range('centralResult') as string,
      rule: { type: 'list', values: th ? ['ใช่', 'ไม่ใช่'] : ['yes', 'no'] },
      error: { title: th ? 'ผลจากส่วนกลาง' : 'Central result', message: th ? 'ใช่ หรือ ไม่ใช่ (yes / no)' : 'yes or no', style: 'warning' },
    },
    ...(['weight', 'floorTarget', 'multiplier'] as const).map((role): WriteOp => ({
      kind: 'validation',
      sheet,
      address: range(role) as string,
      rule: { type: 'decimal', min: role === 'floorTarget' ? -1e15 : 0, max: 1e15 },
      error: {
        title: th ? 'กรอกเป็นตัวเลข' : 'A number',
        message: th
          ? 'กรอกเป็นตัวเลข ตัวชี้วัดที่มีตัวชี้วัดย่อยเขียนแบบ 5 (2.5) (2.5) ได้ (a number)'
          : 'enter a number; a parent may be written 5 (2.5) (2.5)',
        style: 'warning',
      },
    })),
    { kind: 'style', sheet, address: `A${FIRST_ROW}:${cellAddress(last, width)}`, fill: INPUT_FILL, vertical: 'top' },
    { kind: 'autofitRows', sheet, rows: `${HEADER_ROW}:${Math.max(cells.lastRow, HEADER_ROW)}` },
    {
      kind: 'pageLayout',
      sheet,
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: 2,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      printArea: `A1:${cellAddress(Math.max(cells.lastRow, HEADER_ROW), width)}`,
      footer: th ? 'หน้า &P / &N' : 'Page &P / &N',
    },
  ];
  const settingsSheet = cells.settingsSheet;
  ops.push(
    { kind: 'sheet', sheet: settingsSheet, ifExists: 'replace' },
    { kind: 'cells', sheet: settingsSheet, topLeft: 'A1', contents: cells.settingsRows },
    { kind: 'style', sheet: settingsSheet, address: 'A1:D1', bold: true, fill: HEADER_FILL },
    { kind: 'columns', sheet: settingsSheet, columns: 'A:A', width: 190 },
    { kind: 'columns', sheet: settingsSheet, columns: 'B:B', width: 170 },
    { kind: 'columns', sheet: settingsSheet, columns: 'C:C', width: 150 },
    { kind: 'columns', sheet: settingsSheet, columns: 'D:D', width: 300 },
    { kind: 'select', sheet, address: cellAddress(FIRST_ROW, columns.findIndex((c) => c.role === 'name') + 1) },
  );
  cells.settingsRows.forEach((r, i) => {
    const first = r[0];
    if (r.length === 1 && typeof first === 'string') ops.push({ kind: 'style', sheet: settingsSheet, address: `A${i + 1}`, bold: true });
  });
  return { title: th ? `สร้างชีตนิยามตัวชี้วัด ${sheet}` : `create definitions sheet ${sheet}`, ops };
}

/** The worked example the empty template carries: one quantity indicator, as a central officer would type it. */
export function exampleDefinitionsDocument(locale: DefinitionsLocale = 'th'): AssessmentDocument {
  const th = locale === 'th';
  return {
    format: 'scorebook/assessment@1',
    id: 'my-assessment-2568',
    title: th ? 'ตัวชี้วัดของหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568' : 'Indicators of the office, fiscal year 2568',
    fiscalYear: 2568,
    scale: 'three-level',
    policies: { floor: 0, notReported: 0, mode: 'interpolate', decimals: 2 },
    components: [{ id: 'performance', name: th ? 'องค์ประกอบที่ 1 ประสิทธิผล' : 'Performance Base', nameEn: 'Performance Base', weight: 100 }],
    indicators: [
      {
        id: '1',
        name: th ? 'รายได้จากการจำหน่ายผลิตภัณฑ์ชุมชน (OTOP)' : 'Income from community products (OTOP)',
        unit: th ? 'ล้านบาท' : 'million baht',
        weight: 100,
        component: 'performance',
        kind: 'quantitative',
        targets: [2874.79, 3018.1, 3161.41],
        owner: th ? 'สำนักงานพัฒนาชุมชนจังหวัด' : 'Provincial Community Development Office',
      },
    ],
    rounds: [
      { round: 6, opensAt: '2025-03-25T00:00:00+07:00', closesAt: '2025-04-11T23:59:59+07:00' },
      { round: 12, opensAt: '2025-09-23T00:00:00+07:00', closesAt: '2025-10-31T23:59:59+07:00' },
    ],
  };
}

/**
 * The definitions workbook's settings sheet (ตั้งค่าชุดตัวชี้วัด): what an assessment holds beside its indicators.
 * Key rows as the KPI template's settings sheet has them (label, value, name, meaning; read by the name in column
 * C, so rows moved by hand still read; the policies' labels and names are settings.ts's), then blocks, each a
 * heading in column A, a header row and one row per item up to a blank row: the levels of a custom scale,
 * components, groups, units, rounds. A blank policy value is "not stated": the domain's default applies, and the
 * document read back leaves it out, so a file round-trips exactly.
 *
 * No defined names are written: the KPI template's names (ScorebookFloor …) belong to a KPI sheet, which may sit
 * in the same workbook.
 */
import { REPORT_STATUSES, THREE_LEVEL, type AssessmentDocument, type Message } from '../../domain';
import type { CellContent, CellValue } from '../cells';
import { NAMES, settingsSheet } from '../settings';
import { CellIssues, cellRef, cellText, excelSerialDate, isBlank, readNumberCell, readYesNoCell } from './cellRead';

/** Keys of the rows (column C). The policies' are the KPI settings sheet's names. */
export const KEYS = {
  id: 'AssessmentId',
  title: 'AssessmentTitle',
  fiscalYear: 'FiscalYear',
  scale: 'Scale',
  floor: NAMES.floor,
  notReported: NAMES.notReported,
  mode: NAMES.mode,
  decimals: NAMES.decimals,
  latePenalty: NAMES.latePenalty,
  holidays: 'Holidays',
  officialStatuses: 'OfficialStatuses',
  latePenaltyRounds: 'LatePenaltyRounds',
} as const;

interface Block {
  readonly key: 'levels' | 'components' | 'groups' | 'units' | 'rounds';
  readonly heading: string;
  readonly headers: readonly string[];
}

export const BLOCKS: Readonly<Record<Block['key'], Block>> = {
  levels: {
    key: 'levels',
    heading: 'ระดับของเกณฑ์ (Scale levels)',
    headers: ['ชื่อระดับ (Name)', 'ชื่อภาษาอังกฤษ (English name)', 'คะแนน (Score)'],
  },
  components: {
    key: 'components',
    heading: 'องค์ประกอบ (Components)',
    headers: ['รหัส (ID)', 'ชื่อ (Name)', 'ชื่อภาษาอังกฤษ (English name)', 'น้ำหนัก (Weight)'],
  },
  groups: {
    key: 'groups',
    heading: 'กลุ่มตัวชี้วัด (Groups)',
    headers: ['รหัส (ID)', 'ชื่อ (Name)', 'ชื่อภาษาอังกฤษ (English name)', 'องค์ประกอบ (Component)'],
  },
  units: { key: 'units', heading: 'หน่วยงาน (Units)', headers: ['รหัส (ID)', 'ชื่อ (Name)'] },
  rounds: {
    key: 'rounds',
    heading: 'รอบการรายงาน (Rounds)',
    headers: ['รอบ (เดือน) (Round, months)', 'เปิดรับ (Opens at)', 'ปิดรับ (Closes at)', 'รับรายงานล่าช้า (Allow late)'],
  },
};

const DEFAULT_NOTE = ' · ว่างไว้ = ค่าเริ่มต้นของเกณฑ์ / blank: the default';

/** The settings sheet's cells, from A1. */
export function definitionsSettingsRows(doc: AssessmentDocument): CellContent[][] {
  const p = doc.policies ?? {};
  const policyLabels = new Map(settingsSheet({ scale: THREE_LEVEL, policies: resolvedForLabels }).entries.map((e) => [e.name, e]));
  const policy = (name: string, value: CellValue | undefined): CellContent[] => {
    const e = policyLabels.get(name);
    return [e?.label ?? name, value ?? null, name, `${e?.meaning ?? ''}${DEFAULT_NOTE}`];
  };
  const scale = typeof doc.scale === 'string' ? doc.scale : 'custom';
  const rows: CellContent[][] = [
    ['ตั้งค่า (Setting)', 'ค่า (Value)', 'ชื่อ (Name)', 'คำอธิบาย (Meaning)'],
    ['รหัสชุดตัวชี้วัด (Assessment ID)', doc.id, KEYS.id, 'ตัวอักษรอังกฤษ ตัวเลข . _ - เช่น pte-2567 / letters, digits, . _ -'],
    ['ชื่อชุดตัวชี้วัด (Title)', doc.title, KEYS.title, ''],
    ['ปีงบประมาณ พ.ศ. (Fiscal year, BE)', doc.fiscalYear, KEYS.fiscalYear, 'เช่น 2567 / e.g. 2567'],
    [
      'เกณฑ์การให้คะแนน (Scale)',
      scale,
      KEYS.scale,
      'three-level (ขั้นต้น มาตรฐาน ขั้นสูง: 50 75 100), five-level (ระดับ 1–5), custom (ระดับตามตารางด้านล่าง / the levels below)',
    ],
    policy(NAMES.floor, p.floor),
    policy(NAMES.notReported, p.notReported),
    policy(NAMES.mode, p.mode),
    policy(NAMES.decimals, p.decimals),
    policy(NAMES.latePenalty, p.latePenaltyPerWorkingDay),
    [
      'วันหยุดราชการ (Holidays)',
      p.holidays ? p.holidays.join(', ') : null,
      KEYS.holidays,
      `วันที่ YYYY-MM-DD คั่นด้วยจุลภาค / dates YYYY-MM-DD, comma-separated${DEFAULT_NOTE}`,
    ],
    [
      'สถานะที่นับเป็นคะแนนทางการ (Official statuses)',
      p.officialStatuses ? p.officialStatuses.join(', ') : null,
      KEYS.officialStatuses,
      `${REPORT_STATUSES.join(', ')}${DEFAULT_NOTE}`,
    ],
    [
      'รอบที่หักคะแนนส่งช้า (Late penalty rounds)',
      p.latePenaltyRounds === undefined ? null : p.latePenaltyRounds === 'all' ? 'all' : p.latePenaltyRounds.join(', '),
      KEYS.latePenaltyRounds,
      `เช่น 12 หรือ 6, 12 หรือ all / e.g. 12, or 6, 12, or all${DEFAULT_NOTE}`,
    ],
  ];
  const block = (b: Block, items: CellContent[][]): void => {
    rows.push([], [b.heading], [...b.headers], ...items);
  };
  if (typeof doc.scale !== 'string')
    block(
      BLOCKS.levels,
      doc.scale.levels.map((l) => [l.name, l.nameEn ?? null, l.score]),
    );
  const components = doc.components ?? [];
  block(
    BLOCKS.components,
    components.map((c) => [c.id, c.name, c.nameEn ?? null, c.weight ?? null]),
  );
  block(
    BLOCKS.groups,
    components.flatMap((c) => (c.groups ?? []).map((g) => [g.id, g.name, g.nameEn ?? null, c.id])),
  );
  block(
    BLOCKS.units,
    (doc.units ?? []).map((u) => [u.id, u.name]),
  );
  block(
    BLOCKS.rounds,
    (doc.rounds ?? []).map((r) => [r.round, r.opensAt, r.closesAt, r.allowLate === undefined ? null : r.allowLate ? 'ใช่' : 'ไม่ใช่']),
  );
  return rows;
}

/** Only the labels of settings.ts's entries are used; the values are the document's own. */
const resolvedForLabels = {
  floor: 0,
  notReported: 0,
  mode: 'interpolate',
  decimals: 2,
  latePenaltyPerWorkingDay: 0,
  holidays: [],
  officialStatuses: ['approved'],
  latePenaltyRounds: [12],
} as const;

/** What the settings sheet says, as document fields; what is unusable is an issue at its cell. */
export interface SettingsFields {
  id?: string;
  title?: string;
  fiscalYear?: number;
  scale?: AssessmentDocument['scale'];
  policies?: NonNullable<AssessmentDocument['policies']>;
  components?: NonNullable<AssessmentDocument['components']>;
  units?: NonNullable<AssessmentDocument['units']>;
  rounds?: NonNullable<AssessmentDocument['rounds']>;
  /** Where each field was read, for the domain's issues: JSON path → cell. */
  cells: Map<string, string>;
}

const ALL_KEYS = new Set<string>(Object.values(KEYS));

export function readDefinitionsSettings(
  sheet: string,
  values: readonly (readonly CellValue[])[],
  topRow: number,
  issues: CellIssues,
): SettingsFields {
  const out: SettingsFields = { cells: new Map() };
  const at = (r: number, c: number): string => cellRef(sheet, topRow + r, c + 1);
  const key = new Map<string, { value: CellValue; cell: string }>();
  const blocks = new Map<Block['key'], number>();
  values.forEach((row, r) => {
    const name = cellText(row[2] ?? null);
    if (ALL_KEYS.has(name) && !key.has(name)) key.set(name, { value: row[1] ?? null, cell: at(r, 1) });
    const heading = cellText(row[0] ?? null);
    for (const b of Object.values(BLOCKS)) if (sameHeading(heading, b.heading) && !blocks.has(b.key)) blocks.set(b.key, r);
  });
  const text = (k: string, path: string): string | undefined => {
    const v = key.get(k);
    if (!v || isBlank(v.value)) return undefined;
    out.cells.set(path, v.cell);
    return cellText(v.value);
  };
  const num = (k: string, path: string, what: Message): number | undefined => {
    const v = key.get(k);
    if (!v || isBlank(v.value)) return undefined;
    out.cells.set(path, v.cell);
    const n = readNumberCell(v.value);
    if (!n.ok) {
      issues.add('definitions-not-number', 'error', v.cell, { th: `${what.th}: ${n.message.th}`, en: `${what.en}: ${n.message.en}` });
      return undefined;
    }
    return n.value;
  };
  const id = text(KEYS.id, 'id');
  if (id !== undefined) out.id = id;
  const title = text(KEYS.title, 'title');
  if (title !== undefined) out.title = title;
  const fy = num(KEYS.fiscalYear, 'fiscalYear', { th: 'ปีงบประมาณ', en: 'fiscal year' });
  if (fy !== undefined) out.fiscalYear = fy;
  const scaleText = text(KEYS.scale, 'scale');
  const policies: NonNullable<AssessmentDocument['policies']> = {};
  const floor = num(KEYS.floor, 'policies.floor', { th: 'คะแนนเมื่อไม่ถึงระดับแรก', en: 'floor' });
  if (floor !== undefined) policies.floor = floor;
  const nr = key.get(KEYS.notReported);
  if (nr && !isBlank(nr.value)) {
    out.cells.set('policies.notReported', nr.cell);
    if (cellText(nr.value).toLowerCase() === 'exclude') policies.notReported = 'exclude';
    else {
      const n = readNumberCell(nr.value);
      if (n.ok) policies.notReported = n.value;
      else
        issues.add('definitions-not-number', 'error', nr.cell, {
          th: `คะแนนเมื่อไม่รายงานต้องเป็นตัวเลขหรือ exclude: ${n.message.th}`,
          en: `the not-reported score must be a number or exclude: ${n.message.en}`,
        });
    }
  }
  const mode = text(KEYS.mode, 'policies.mode');
  if (mode !== undefined) {
    const m = mode.toLowerCase();
    if (m === 'interpolate' || m === 'step') policies.mode = m;
    else
      issues.add('definitions-unknown-mode', 'error', key.get(KEYS.mode)?.cell ?? '', {
        th: `วิธีคิดคะแนน "${mode}" ไม่รู้จัก ใช้ interpolate หรือ step`,
        en: `unknown mode "${mode}"; use interpolate or step`,
      });
  }
  const decimals = num(KEYS.decimals, 'policies.decimals', { th: 'ทศนิยม', en: 'decimals' });
  if (decimals !== undefined) policies.decimals = decimals;
  const penalty = num(KEYS.latePenalty, 'policies.latePenaltyPerWorkingDay', { th: 'หักคะแนนต่อวันที่ส่งช้า', en: 'late penalty' });
  if (penalty !== undefined) policies.latePenaltyPerWorkingDay = penalty;
  const holidays = text(KEYS.holidays, 'policies.holidays');
  if (holidays !== undefined) policies.holidays = splitList(holidays);
  const statuses = text(KEYS.officialStatuses, 'policies.officialStatuses');
  if (statuses !== undefined) {
    const list = splitList(statuses);
    const wrong = list.filter((s) => !(REPORT_STATUSES as readonly string[]).includes(s));
    if (wrong.length > 0)
      issues.add('definitions-unknown-status', 'error', key.get(KEYS.officialStatuses)?.cell ?? '', {
        th: `สถานะ ${wrong.join(', ')} ไม่รู้จัก ใช้ ${REPORT_STATUSES.join(', ')}`,
        en: `unknown status ${wrong.join(', ')}; use ${REPORT_STATUSES.join(', ')}`,
      });
    else policies.officialStatuses = list as (typeof REPORT_STATUSES)[number][];
  }
  const lateRounds = text(KEYS.latePenaltyRounds, 'policies.latePenaltyRounds');
  if (lateRounds !== undefined) {
    if (lateRounds.toLowerCase() === 'all') policies.latePenaltyRounds = 'all';
    else {
      const rounds = readRoundList(lateRounds);
      if (rounds) policies.latePenaltyRounds = rounds;
      else
        issues.add('definitions-not-number', 'error', key.get(KEYS.latePenaltyRounds)?.cell ?? '', {
          th: `"${lateRounds}" ไม่ใช่รายการรอบ เช่น 12 หรือ 6, 12 หรือ all`,
          en: `"${lateRounds}" is not a list of rounds such as 12, or 6, 12, or all`,
        });
    }
  }
  if (Object.keys(policies).length > 0) out.policies = policies;

  const rowsOf = (b: Block['key']): { cells: readonly CellValue[]; r: number }[] => {
    const start = blocks.get(b);
    if (start === undefined) return [];
    const items: { cells: readonly CellValue[]; r: number }[] = [];
    for (let r = start + 2; r < values.length; r++) {
      const row = values[r] ?? [];
      if (row.every((v) => isBlank(v))) break;
      items.push({ cells: row, r });
    }
    return items;
  };
  if (scaleText !== undefined) {
    if (scaleText === 'three-level' || scaleText === 'five-level') out.scale = scaleText;
    else if (scaleText === 'custom') {
      const levels = rowsOf('levels').map(({ cells, r }, i) => {
        const score = readNumberCell(cells[2] ?? null);
        if (!score.ok)
          issues.add('definitions-not-number', 'error', at(r, 2), {
            th: `คะแนนของระดับ: ${score.message.th}`,
            en: `level score: ${score.message.en}`,
          });
        out.cells.set(`scale.levels[${i}]`, at(r, 0));
        const nameEn = cellText(cells[1] ?? null);
        return { name: cellText(cells[0] ?? null), ...(nameEn ? { nameEn } : {}), score: score.ok ? score.value : 0 };
      });
      out.scale = { levels };
    } else
      issues.add('definitions-unknown-scale', 'error', key.get(KEYS.scale)?.cell ?? '', {
        th: `เกณฑ์ "${scaleText}" ไม่รู้จัก ใช้ three-level, five-level หรือ custom`,
        en: `unknown scale "${scaleText}"; use three-level, five-level or custom`,
      });
  }
  if (blocks.has('components')) {
    const components = rowsOf('components').map(({ cells, r }, i) => {
      out.cells.set(`components[${i}]`, at(r, 0));
      out.cells.set(`components[${i}].weight`, at(r, 3));
      const nameEn = cellText(cells[2] ?? null);
      const weight = isBlank(cells[3]) ? undefined : readNumberCell(cells[3] ?? null);
      if (weight && !weight.ok)
        issues.add('definitions-not-number', 'error', at(r, 3), {
          th: `น้ำหนักขององค์ประกอบ: ${weight.message.th}`,
          en: `component weight: ${weight.message.en}`,
        });
      return {
        id: cellText(cells[0] ?? null),
        name: cellText(cells[1] ?? null),
        ...(nameEn ? { nameEn } : {}),
        ...(weight?.ok ? { weight: weight.value } : {}),
      };
    });
    const groups = rowsOf('groups');
    groups.forEach(({ cells, r }) => {
      const componentId = cellText(cells[3] ?? null);
      const owner =
        components.find((c) => c.id === componentId) ?? components.find((c) => c.name === componentId || c.nameEn === componentId);
      if (!owner) {
        issues.add('definitions-unknown-component', 'error', at(r, 3), {
          th: `กลุ่ม "${cellText(cells[0] ?? null)}" ระบุองค์ประกอบ "${componentId}" ซึ่งไม่มีในตารางองค์ประกอบ`,
          en: `group "${cellText(cells[0] ?? null)}" names component "${componentId}", which is not in the components table`,
        });
        return;
      }
      const nameEn = cellText(cells[2] ?? null);
      const o = owner as { groups?: { id: string; name: string; nameEn?: string }[] };
      (o.groups ??= []).push({ id: cellText(cells[0] ?? null), name: cellText(cells[1] ?? null), ...(nameEn ? { nameEn } : {}) });
    });
    components.forEach((c, i) =>
      ((c as { groups?: unknown[] }).groups ?? []).forEach((_, k) =>
        out.cells.set(`components[${i}].groups[${k}]`, out.cells.get(`components[${i}]`) ?? ''),
      ),
    );
    if (components.length > 0) out.components = components;
  }
  const units = rowsOf('units').map(({ cells, r }, i) => {
    out.cells.set(`units[${i}]`, at(r, 0));
    return { id: cellText(cells[0] ?? null), name: cellText(cells[1] ?? null) };
  });
  if (units.length > 0) out.units = units;
  const rounds = rowsOf('rounds').map(({ cells, r }, i) => {
    out.cells.set(`rounds[${i}]`, at(r, 0));
    out.cells.set(`rounds[${i}].opensAt`, at(r, 1));
    out.cells.set(`rounds[${i}].closesAt`, at(r, 2));
    const round = readNumberCell(cells[0] ?? null);
    if (!round.ok)
      issues.add('definitions-not-number', 'error', at(r, 0), { th: `รอบ: ${round.message.th}`, en: `round: ${round.message.en}` });
    const late = isBlank(cells[3]) ? undefined : readYesNoCell(cells[3] ?? null);
    if (!isBlank(cells[3]) && late === undefined)
      issues.add('definitions-not-yes-no', 'error', at(r, 3), {
        th: `"${cellText(cells[3] ?? null)}" ไม่ใช่ ใช่ หรือ ไม่ใช่`,
        en: `"${cellText(cells[3] ?? null)}" is not yes or no`,
      });
    return {
      round: round.ok ? round.value : 0,
      opensAt: dateTimeCell(cells[1] ?? null, 'T00:00:00+07:00'),
      closesAt: dateTimeCell(cells[2] ?? null, 'T23:59:59+07:00'),
      ...(late !== undefined ? { allowLate: late } : {}),
    };
  });
  if (rounds.length > 0) out.rounds = rounds;
  return out;
}

/** A date typed as a date (a serial number) is that day in Bangkok, from its start or to its end; text is kept as typed. */
function dateTimeCell(value: CellValue, timeOfDay: string): string {
  return typeof value === 'number' ? `${excelSerialDate(Math.floor(value))}${timeOfDay}` : cellText(value);
}

function sameHeading(text: string, heading: string): boolean {
  const a = text.trim().toLowerCase();
  const full = heading.toLowerCase();
  const [th, en] = [full.replace(/\s*\(.*\)$/, ''), /\((.*)\)$/.exec(full)?.[1] ?? full];
  return a === full || a === th || a === en;
}

function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** "6, 12" → [6, 12] (Thai digits too); undefined when a part is not a whole number of months. */
export function readRoundList(text: string): number[] | undefined {
  const parts = splitList(text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)));
  const rounds = parts.map((p) => Number(p.replace(/\s*(เดือน|months?)$/i, '')));
  return rounds.length > 0 && rounds.every((n) => Number.isInteger(n) && n >= 1 && n <= 12) ? rounds : undefined;
}

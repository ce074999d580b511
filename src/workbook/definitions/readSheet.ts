/**
 * A definitions sheet (ตัวชี้วัด) and its settings sheet → an assessment document, with every problem at its cell
 * ("ตัวชี้วัด!E7: …", Thai and English). The sheet's own findings come first (headers, blanks, words, numbers, the
 * shape of sub-indicators); then the document goes through the domain's readAssessment, whose findings are mapped
 * from their JSON path back to the cell it was read from. No rule of the assessment is checked twice: the targets'
 * order, the steps a milestone needs, duplicate ids are the domain's, only said at the cell.
 */
import {
  ASSESSMENT_FORMAT,
  FIVE_LEVEL,
  hasErrors,
  indicatorKey,
  readAssessment,
  THREE_LEVEL,
  type Assessment,
  type AssessmentDocument,
  type Issue,
  type RawIndicator,
  type Scale,
} from '../../domain';
import { parseAddress, type CellValue, type Grid } from '../cells';
import { normalizeHeader } from '../headers';
import { CellIssues, cellRef, cellText, isBlank, readNumberCell, readYesNoCell } from './cellRead';
import { readInputsText, readStepsText, readVariableText, readWeightList } from './cellTexts';
import {
  definitionColumns,
  headerIndex,
  KIND_WORDS,
  kindList,
  nearestHeader,
  readDirectionWord,
  readKindWord,
  roleOfHeader,
  targetColumn,
  type DefinitionColumn,
  type DefinitionRole,
} from './columns';
import { readDefinitionsSettings, readRoundList, type SettingsFields } from './settingsSheet';
import { scaleOfDocument } from './writeSheet';

export interface DefinitionsReadOptions {
  /** The settings sheet (ตั้งค่าชุดตัวชี้วัด): id, title, fiscal year, scale, policies, components, units, rounds. */
  readonly settings?: Grid;
  /** Merged areas of the definitions sheet ("A4:A10"): a merged cell's value holds for every row it spans. */
  readonly merges?: readonly string[];
}

export interface DefinitionsReading {
  /** The assessment document, when nothing is an error. */
  readonly document?: AssessmentDocument;
  /** The document as the domain reads it, when nothing is an error. */
  readonly assessment?: Assessment;
  /** Every finding, errors first; each with its cell where it has one. */
  readonly issues: readonly Issue[];
}

const HEADER_SEARCH_ROWS = 30;
const REQUIRED: readonly DefinitionRole[] = ['id', 'name', 'weight'];

interface RowDraft {
  /** 1-based sheet row. */
  readonly row: number;
  readonly id: string;
  readonly raw: RawIndicator & { children?: RawIndicator[] };
  readonly parentId?: string;
  /** The parent's weight cell listed the sub-indicators' weights: "5 (2.5) (2.5)". */
  readonly weightList?: number[];
  readonly weightBlank: boolean;
  readonly componentText?: { text: string; cell: string };
  readonly groupText?: { text: string; cell: string };
}

export function readDefinitionsSheet(grid: Grid, options: DefinitionsReadOptions = {}): DefinitionsReading {
  const issues = new CellIssues();
  const origin = parseAddress(grid.topLeft);
  const at = (r: number, c: number): string => cellRef(grid.sheet, origin.row + r, origin.column + c);

  const settings: SettingsFields = options.settings
    ? readDefinitionsSettings(options.settings.sheet, options.settings.values, parseAddress(options.settings.topLeft).row, issues)
    : { cells: new Map() };
  if (!options.settings) {
    issues.add('definitions-settings-missing', 'error', at(0, 0), {
      th: 'ไม่พบชีตตั้งค่าชุดตัวชี้วัด (ตั้งค่าชุดตัวชี้วัด) ซึ่งระบุรหัส ชื่อ ปีงบประมาณ และเกณฑ์ของชุดตัวชี้วัด สร้างไฟล์ด้วย scorebook definitions-template',
      en: 'no settings sheet (Assessment settings) giving the assessment id, title, fiscal year and scale; start from scorebook definitions-template',
    });
  }
  const { values, masters } = withMerges(grid, options.merges ?? []);

  const header = findHeaderRow(values, settings.scale);
  if (!header) {
    const empty = values.every((row) => row.every((v) => isBlank(v)));
    issues.add('definitions-header-missing', 'error', at(0, 0), {
      th: empty
        ? `ชีต ${grid.sheet} ว่าง ไม่มีตารางตัวชี้วัด`
        : `ไม่พบแถวหัวตารางในชีต ${grid.sheet} ต้องมีคอลัมน์ "ลำดับ" "ตัวชี้วัด" และ "น้ำหนัก" (No., Indicator, Weight)`,
      en: empty
        ? `the sheet ${grid.sheet} is empty: no table of indicators`
        : `no header row on sheet ${grid.sheet}: it needs the columns "ลำดับ", "ตัวชี้วัด" and "น้ำหนัก" (No., Indicator, Weight)`,
    });
    return finish(issues.list);
  }
  const { index: h, columns, scale } = header;
  const headerCells = values[h] ?? [];
  const byRole = new Map<DefinitionRole, number>();
  const known = definitionColumns(scale);
  headerCells.forEach((v, c) => {
    if (isBlank(v)) return;
    const text = cellText(v);
    const role = roleOfHeader(text, columns);
    if (role === undefined) {
      const meant = nearestHeader(text, known);
      const meantRole = meant !== undefined ? roleOfHeader(meant, columns) : undefined;
      const typo = meantRole !== undefined && !headerCells.some((o) => roleOfHeader(cellText(o), columns) === meantRole);
      issues.add('definitions-unknown-header', typo ? 'error' : 'warning', at(h, c), {
        th: `ไม่รู้จักหัวคอลัมน์ "${text}" ค่าในคอลัมน์นี้จึงไม่ถูกใช้${meant ? ` หมายถึง "${meant}" หรือไม่` : ''}`,
        en: `unknown column header "${text}": its values are not used${meant ? `; did you mean "${meant}"?` : ''}`,
      });
      return;
    }
    if (byRole.has(role)) {
      issues.add('definitions-duplicate-header', 'error', at(h, c), {
        th: `คอลัมน์ "${text}" ซ้ำกับคอลัมน์ที่ ${byRole.get(role)! + origin.column} ใช้ได้คอลัมน์เดียว`,
        en: `the column "${text}" appears twice (also column ${byRole.get(role)! + origin.column}); keep one`,
      });
      return;
    }
    byRole.set(role, c);
  });
  for (const role of REQUIRED) {
    if (!byRole.has(role)) {
      const c = known.find((k) => k.role === role) as DefinitionColumn;
      issues.add('definitions-column-missing', 'error', at(h, 0), {
        th: `ไม่มีคอลัมน์ "${c.th}" (${c.en}) ในแถวหัวตาราง`,
        en: `the header row has no "${c.en}" (${c.th}) column`,
      });
    }
  }
  if (hasErrors(issues.list) && REQUIRED.some((r) => !byRole.has(r))) return finish(issues.list);
  // Target columns for some levels of the scale but not all: every row would miss the same targets.
  const targetColumns = scale.levels.filter((_, k) => byRole.has(`target${k + 1}`)).length;
  if (targetColumns > 0 && targetColumns < scale.levels.length) {
    const absent = scale.levels.filter((_, k) => !byRole.has(`target${k + 1}`));
    issues.add('definitions-column-missing', 'error', at(h, byRole.get('target1') ?? 0), {
      th: `เกณฑ์มี ${scale.levels.length} ระดับ แต่ไม่มีคอลัมน์เป้าหมายของ ${absent.map((l) => l.name).join(', ')} (เช่น "${targetColumn(scale, scale.levels.indexOf(absent[0] as Scale['levels'][number]) + 1).th}")`,
      en: `the scale has ${scale.levels.length} levels but there is no target column for ${absent.map((l) => l.nameEn).join(', ')} (e.g. "${targetColumn(scale, scale.levels.indexOf(absent[0] as Scale['levels'][number]) + 1).en}")`,
    });
    return finish(issues.list);
  }

  const get = (r: number, role: DefinitionRole): CellValue => {
    const c = byRole.get(role);
    return c === undefined ? null : ((values[r] ?? [])[c] ?? null);
  };
  const cellOf = (r: number, role: DefinitionRole): string => at(r, byRole.get(role) ?? 0);
  const masterOf = (r: number, role: DefinitionRole): string => {
    const c = byRole.get(role) ?? 0;
    return masters.get(`${r},${c}`) ?? at(r, c);
  };
  const numberFormat = (r: number, role: DefinitionRole): string | null | undefined => {
    const c = byRole.get(role);
    return c === undefined ? undefined : grid.numberFormats?.[r]?.[c];
  };
  const levels = scale.levels.length;
  const paths = new Map<string, string>(settings.cells);

  /** A number in a cell, or undefined (blank, or an issue said at the cell). */
  const number = (r: number, role: DefinitionRole, what: { th: string; en: string }, id?: string): number | undefined => {
    const v = get(r, role);
    if (isBlank(v)) return undefined;
    const n = readNumberCell(v, numberFormat(r, role));
    if (n.ok) return n.value;
    issues.add(
      'definitions-not-number',
      'error',
      cellOf(r, role),
      { th: `${what.th}: ${n.message.th}`, en: `${what.en}: ${n.message.en}` },
      id,
    );
    return undefined;
  };

  const drafts: RowDraft[] = [];
  for (let r = h + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    const idText = cellText(get(r, 'id')).replace(/\.$/, '').trim();
    if (idText === '') {
      if (isTotalRow(row)) continue;
      if (isHeadingRow(row, byRole)) {
        // Said, so a name typed without its ลำดับ and weight is not taken for a heading unnoticed.
        const named = !isBlank(get(r, 'name'));
        const text = named ? cellText(get(r, 'name')) : (row.map((v) => cellText(v)).find((t) => t !== '') ?? '');
        issues.add(
          'definitions-heading-row',
          'info',
          named
            ? cellOf(r, 'name')
            : at(
                r,
                row.findIndex((v) => !isBlank(v)),
              ),
          {
            th: `อ่านแถว "${text}" เป็นหัวข้อ (ไม่มีลำดับและน้ำหนัก) ไม่ใช่ตัวชี้วัด`,
            en: `the row "${text}" is read as a heading (no No. and no weight), not an indicator`,
          },
        );
        continue;
      }
      issues.add('definitions-required-blank', 'error', cellOf(r, 'id'), {
        th: 'แถวนี้มีข้อมูลแต่ไม่มีลำดับ (รหัสตัวชี้วัด) ให้กรอกลำดับ เช่น 1 หรือ 10.1',
        en: 'this row has values but no No. (indicator id); enter one, e.g. 1 or 10.1',
      });
      continue;
    }
    const id = idText;
    const name = cellText(get(r, 'name'));
    if (name === '') {
      issues.add(
        'definitions-required-blank',
        'error',
        cellOf(r, 'name'),
        {
          th: `ตัวชี้วัด ${id} ไม่มีชื่อ ให้กรอกชื่อตัวชี้วัด`,
          en: `indicator ${id} has no name; enter it`,
        },
        id,
      );
    }
    const raw: RawIndicator = { id, name: name || id, weight: 0 };
    // Weight: a number, or a parent's "๕ (๒.๕) (๒.๕)".
    const weightCell = get(r, 'weight');
    let weightList: number[] | undefined;
    let weightBlank = false;
    if (isBlank(weightCell)) weightBlank = true;
    else {
      const list = typeof weightCell === 'string' ? readWeightList(weightCell) : undefined;
      if (list && list.children.length > 0) {
        raw.weight = list.weight;
        weightList = list.children;
      } else {
        const w = number(r, 'weight', { th: `น้ำหนักของตัวชี้วัด ${id}`, en: `the weight of indicator ${id}` }, id);
        if (w !== undefined) raw.weight = w;
      }
    }
    const text = (role: DefinitionRole): string | undefined => {
      const t = cellText(get(r, role));
      return t === '' ? undefined : t;
    };
    const nameEn = text('nameEn');
    if (nameEn !== undefined) raw.nameEn = nameEn;
    const unit = text('unit');
    if (unit !== undefined) raw.unit = unit;
    const kindText = text('kind');
    if (kindText !== undefined) {
      const kind = readKindWord(kindText);
      if (kind) raw.kind = kind;
      else
        issues.add(
          'definitions-unknown-kind',
          'error',
          cellOf(r, 'kind'),
          {
            th: `ไม่รู้จักประเภท "${kindText}" ใช้ ${kindList('th').join(' / ')}`,
            en: `unknown kind "${kindText}"; use ${kindList('en').join(' / ')} (${kindList('th').join(' / ')})`,
          },
          id,
        );
    }
    const directionText = text('direction');
    if (directionText !== undefined) {
      const d = readDirectionWord(directionText);
      if (d) raw.direction = d;
      else
        issues.add(
          'definitions-unknown-direction',
          'error',
          cellOf(r, 'direction'),
          {
            th: `ไม่รู้จักทิศทาง "${directionText}" ใช้ ยิ่งมากยิ่งดี หรือ ยิ่งน้อยยิ่งดี`,
            en: `unknown direction "${directionText}"; use higher or lower (ยิ่งมากยิ่งดี / ยิ่งน้อยยิ่งดี)`,
          },
          id,
        );
    }
    // Targets: numbers (Thai digits too), or an expression over the inputs ("(T1 + T3) / 2") for the domain to read.
    const targets: (number | string)[] = [];
    const blanks: number[] = [];
    for (let k = 1; k <= levels; k++) {
      const role: DefinitionRole = `target${k}`;
      const v = get(r, role);
      if (isBlank(v)) {
        blanks.push(k);
        targets.push(0);
        continue;
      }
      const n = readNumberCell(v, numberFormat(r, role));
      const typed = cellText(v);
      if (n.ok) targets.push(n.value);
      else if (typeof v === 'string' && /[A-Za-z\u0E00-\u0E4F_]/.test(typed) && !/%\s*$/.test(typed) && !typed.startsWith('#'))
        targets.push(typed);
      else {
        issues.add(
          'definitions-not-number',
          'error',
          cellOf(r, role),
          {
            th: `เป้าหมายระดับ ${scale.levels[k - 1]?.name ?? k} ของตัวชี้วัด ${id}: ${n.message.th}`,
            en: `the ${scale.levels[k - 1]?.nameEn ?? k} target of indicator ${id}: ${n.message.en}`,
          },
          id,
        );
        targets.push(0);
      }
    }
    if (blanks.length < levels) {
      for (const k of blanks) {
        issues.add(
          'definitions-required-blank',
          'error',
          cellOf(r, `target${k}`),
          {
            th: `ตัวชี้วัด ${id} ไม่มีเป้าหมายระดับ ${scale.levels[k - 1]?.name ?? k} ต้องกรอกเป้าหมายให้ครบทุกระดับ หรือเว้นว่างทั้งหมด (ขั้นตอน)`,
            en: `indicator ${id} has no ${scale.levels[k - 1]?.nameEn ?? k} target; fill every level's target, or none (milestones)`,
          },
          id,
        );
      }
      raw.targets = targets;
    }
    const floorTarget = number(r, 'floorTarget', { th: `เป้าหมายระดับ 0 ของตัวชี้วัด ${id}`, en: `target 0 of indicator ${id}` }, id);
    if (floorTarget !== undefined) raw.floorTarget = floorTarget;
    const inputs = text('inputs');
    if (inputs !== undefined) {
      const read = readInputsText(inputs);
      if (read.ok) raw.inputs = read.value;
      else issues.add('definitions-inputs', 'error', cellOf(r, 'inputs'), read.message, id);
    }
    const steps = text('steps');
    if (steps !== undefined) raw.steps = readStepsText(steps);
    const numerator = text('numerator');
    const denominator = text('denominator');
    if (numerator !== undefined || denominator !== undefined) {
      raw.variables = [];
      if (numerator !== undefined) raw.variables.push(variable(numerator, 'num'));
      if (denominator !== undefined) raw.variables.push(variable(denominator, 'den'));
    }
    const multiplier = number(r, 'multiplier', { th: `ตัวคูณของตัวชี้วัด ${id}`, en: `the multiplier of indicator ${id}` }, id);
    if (multiplier !== undefined) raw.multiplier = multiplier;
    const rounds = text('rounds');
    if (rounds !== undefined) {
      const list = readRoundList(rounds);
      if (list) raw.rounds = list;
      else
        issues.add(
          'definitions-rounds',
          'error',
          cellOf(r, 'rounds'),
          {
            th: `"${rounds}" ไม่ใช่รอบการรายงาน ให้กรอกจำนวนเดือน เช่น 12 หรือ 6, 9, 12 (ว่างไว้ = ทุกรอบ)`,
            en: `"${rounds}" is not a list of rounds; enter months such as 12, or 6, 9, 12 (blank: every round)`,
          },
          id,
        );
    }
    const owner = text('owner');
    if (owner !== undefined) raw.owner = owner;
    const central = get(r, 'centralResult');
    if (!isBlank(central)) {
      const yes = readYesNoCell(central);
      if (yes !== undefined) raw.centralResult = yes;
      else
        issues.add(
          'definitions-not-yes-no',
          'error',
          cellOf(r, 'centralResult'),
          {
            th: `"${cellText(central)}" ไม่ใช่ ใช่ หรือ ไม่ใช่`,
            en: `"${cellText(central)}" is not yes or no`,
          },
          id,
        );
    }
    const description = text('description');
    if (description !== undefined) raw.description = description;
    const component = text('component');
    const group = text('group');
    drafts.push({
      row: r,
      id,
      raw,
      ...(text('parent') !== undefined ? { parentId: (text('parent') as string).replace(/\.$/, '') } : {}),
      ...(weightList ? { weightList } : {}),
      weightBlank,
      ...(component !== undefined ? { componentText: { text: component, cell: masterOf(r, 'component') } } : {}),
      ...(group !== undefined ? { groupText: { text: group, cell: masterOf(r, 'group') } } : {}),
    });
  }
  if (drafts.length === 0) {
    issues.add('definitions-no-indicators', 'error', at(h, 0), {
      th: `ชีต ${grid.sheet} มีหัวตารางแต่ไม่มีตัวชี้วัด ให้กรอกอย่างน้อยหนึ่งแถวใต้หัวตาราง`,
      en: `the sheet ${grid.sheet} has a header row but no indicators; fill at least one row below it`,
    });
    return finish(issues.list);
  }

  const top = nest(
    drafts,
    byRole.has('parent'),
    issues,
    (r) => cellOf(r, 'weight'),
    (r) => cellOf(r, 'parent'),
  );
  const components = resolveComponents(drafts, settings, issues);

  // JSON paths of what was read, for the domain's findings.
  const rowOf = new Map<RawIndicator, RowDraft>(drafts.map((d) => [d.raw, d]));
  const register = (list: readonly RawIndicator[], prefix: string): void => {
    list.forEach((raw, i) => {
      const d = rowOf.get(raw) as RowDraft;
      const p = `${prefix}[${i}]`;
      paths.set(p, cellOf(d.row, 'id'));
      const field = (name: string, role: DefinitionRole): void => {
        if (byRole.has(role)) paths.set(`${p}.${name}`, cellOf(d.row, role));
      };
      field('id', 'id');
      field('name', 'name');
      field('nameEn', 'nameEn');
      field('unit', 'unit');
      field('weight', 'weight');
      field('kind', 'kind');
      field('direction', 'direction');
      field('targets', 'target1');
      for (let k = 0; k < levels; k++) field(`targets[${k}]`, `target${k + 1}`);
      field('floorTarget', 'floorTarget');
      field('inputs', 'inputs');
      field('steps', 'steps');
      field('variables', 'numerator');
      field('variables[0]', 'numerator');
      field('variables[1]', 'denominator');
      field('multiplier', 'multiplier');
      field('rounds', 'rounds');
      field('owner', 'owner');
      field('centralResult', 'centralResult');
      field('description', 'description');
      if (d.componentText) paths.set(`${p}.component`, d.componentText.cell);
      if (d.groupText) paths.set(`${p}.group`, d.groupText.cell);
      if (raw.children) {
        paths.set(`${p}.children`, cellOf(d.row, 'weight'));
        register(raw.children, `${p}.children`);
      }
    });
  };
  // The weights' sum over all indicators is said at the weight column's header.
  paths.set('indicators', cellOf(h, 'weight'));
  register(top, 'indicators');

  const missing = (value: unknown, key: string, what: { th: string; en: string }): void => {
    if (value !== undefined || !options.settings) return;
    issues.add('definitions-required-blank', 'error', settings.cells.get(key) ?? cellRef(options.settings.sheet, 1, 2), {
      th: `ไม่ได้กรอก${what.th} (${key}) ในชีต ${options.settings.sheet}`,
      en: `the ${what.en} (${key}) is blank on the sheet ${options.settings.sheet}`,
    });
  };
  missing(settings.id, 'id', { th: 'รหัสชุดตัวชี้วัด', en: 'assessment id' });
  missing(settings.title, 'title', { th: 'ชื่อชุดตัวชี้วัด', en: 'title' });
  missing(settings.fiscalYear, 'fiscalYear', { th: 'ปีงบประมาณ', en: 'fiscal year' });

  const document: AssessmentDocument = {
    format: ASSESSMENT_FORMAT,
    id: settings.id ?? '',
    title: settings.title ?? '',
    fiscalYear: settings.fiscalYear ?? 0,
    scale: settings.scale ?? header.scaleDoc,
    ...(settings.policies ? { policies: settings.policies } : {}),
    ...(components ? { components } : {}),
    indicators: top.map(ordered),
    ...(settings.units ? { units: settings.units } : {}),
    ...(settings.rounds ? { rounds: settings.rounds } : {}),
  };
  if (hasErrors(issues.list)) return finish(issues.list);

  const read = readAssessment(document);
  const topLevel = new Set<RawIndicator>(top);
  const domain = read.issues.map((i) =>
    locate(
      i,
      paths,
      drafts.filter((d) => topLevel.has(d.raw)),
      document,
      (r) => cellOf(r, 'weight'),
    ),
  );
  const all = [...issues.list, ...domain];
  if (!read.ok || hasErrors(all)) return finish(all);
  return { document, assessment: read.value, issues: all.sort(bySeverityStable) };
}

/** The fields of an indicator in the order the format lists them, so the file reads as one written by hand. */
const FIELD_ORDER = [
  'id',
  'name',
  'nameEn',
  'unit',
  'weight',
  'component',
  'group',
  'kind',
  'direction',
  'inputs',
  'targets',
  'floorTarget',
  'multiplier',
  'variables',
  'steps',
  'rounds',
  'centralResult',
  'owner',
  'description',
  'children',
] as const;

function ordered(raw: RawIndicator): RawIndicator {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (raw[key] !== undefined) out[key] = key === 'children' ? raw.children?.map(ordered) : raw[key];
  return out as unknown as RawIndicator;
}

function finish(issues: readonly Issue[]): DefinitionsReading {
  return { issues: [...issues].sort(bySeverityStable) };
}

const rank = { error: 0, warning: 1, info: 2 } as const;
function bySeverityStable(a: Issue, b: Issue): number {
  return rank[a.severity] - rank[b.severity];
}

function variable(text: string, defaultId: string): { id: string; name: string; unit?: string; central?: boolean } {
  const v = readVariableText(text, defaultId);
  return {
    id: v.id,
    name: v.name,
    ...(v.unit !== undefined ? { unit: v.unit } : {}),
    ...(v.central !== undefined ? { central: v.central } : {}),
  };
}

/** The grid's values with each merged area's value copied to every cell it spans, and each spanned cell's master. */
function withMerges(grid: Grid, merges: readonly string[]): { values: CellValue[][]; masters: Map<string, string> } {
  const values = grid.values.map((row) => [...row]);
  const masters = new Map<string, string>();
  const origin = parseAddress(grid.topLeft);
  for (const m of merges) {
    const [a, b] = m.replace(/\$/g, '').split(':');
    if (!a || !b) continue;
    const from = parseAddress(a);
    const to = parseAddress(b);
    const r0 = from.row - origin.row;
    const c0 = from.column - origin.column;
    const value = values[r0]?.[c0] ?? null;
    for (let r = r0; r <= to.row - origin.row; r++) {
      for (let c = c0; c <= to.column - origin.column; c++) {
        if (r < 0 || c < 0 || !values[r]) continue;
        (values[r] as CellValue[])[c] = value;
        masters.set(`${r},${c}`, cellRef(grid.sheet, from.row, from.column));
      }
    }
  }
  return { values, masters };
}

/**
 * The header row: the first of the top rows that names the id, name and weight columns (or two of them). The
 * target columns say the scale when the settings sheet does not: five of them are five-level, three three-level.
 */
function findHeaderRow(
  values: readonly (readonly CellValue[])[],
  settingsScale: AssessmentDocument['scale'] | undefined,
): { index: number; columns: Map<string, DefinitionRole>; scale: Scale; scaleDoc: AssessmentDocument['scale'] } | undefined {
  const base = settingsScale ? [scaleOfDocument({ scale: settingsScale })] : [THREE_LEVEL, FIVE_LEVEL];
  const columns = headerIndex([
    ...definitionColumns(base[0] as Scale),
    ...base.slice(1).flatMap((s) => s.levels.map((_, i) => targetColumn(s, i + 1))),
  ]);
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const roles = (values[r] ?? []).map((v) => (typeof v === 'string' ? roleOfHeader(v, columns) : undefined));
    const found = REQUIRED.filter((role) => roles.includes(role)).length;
    if (found < 2 || !roles.includes('name')) continue;
    const targets = roles.filter((x) => x !== undefined && /^target\d+$/.test(x)).length;
    if (settingsScale) return { index: r, columns, scale: base[0] as Scale, scaleDoc: settingsScale };
    const scaleDoc = targets === 5 ? 'five-level' : 'three-level';
    const scale = targets === 5 ? FIVE_LEVEL : THREE_LEVEL;
    return { index: r, columns: headerIndex(definitionColumns(scale)), scale, scaleDoc };
  }
  return undefined;
}

/** A row such as "น้ำหนักรวม … 100" closing the table. */
function isTotalRow(row: readonly CellValue[]): boolean {
  return row.some((v) => typeof v === 'string' && /^(น้ำหนักรวม|รวม|total)/i.test(normalizeHeader(v)));
}

/**
 * A heading row of the seed's tables ("๑.๑ ตัวชี้วัดตามภารกิจ (Functional KPIs)", "องค์ประกอบที่ ๒ …"): text in the
 * component, group or name cells only, with no id and no weight. It is the table's structure, not an indicator.
 */
function isHeadingRow(row: readonly CellValue[], byRole: ReadonlyMap<DefinitionRole, number>): boolean {
  const filled = row.map((v, c) => (isBlank(v) ? -1 : c)).filter((c) => c >= 0);
  const allowed = new Set(['component', 'group', 'name'].map((r) => byRole.get(r as DefinitionRole)));
  return filled.length > 0 && filled.every((c) => allowed.has(c));
}

/**
 * Rows → the indicator tree. With a ตัวชี้วัดหลัก (parent) column, it says; without one, a row is a sub-indicator
 * of the row above it whose id it extends ("10.1" under "10"), or of a row whose weight listed its sub-indicators
 * ("๕ (๒.๕) (๒.๕)": the next two rows). A listed weight fills a blank weight cell of its sub-indicator.
 */
function nest(
  drafts: readonly RowDraft[],
  hasParentColumn: boolean,
  issues: CellIssues,
  weightCell: (row: number) => string,
  parentCell: (row: number) => string,
): RawIndicator[] {
  const top: RawIndicator[] = [];
  const byKey = new Map<string, RowDraft>();
  const childrenOf = new Map<RowDraft, RowDraft[]>();
  const stack: RowDraft[] = [];
  let pending: { parent: RowDraft; left: number } | undefined;
  for (const d of drafts) {
    let parent: RowDraft | undefined;
    if (hasParentColumn && d.parentId !== undefined) {
      parent = byKey.get(indicatorKey(d.parentId));
      if (!parent) {
        issues.add(
          'definitions-unknown-parent',
          'error',
          parentCell(d.row),
          {
            th: `ไม่มีตัวชี้วัดหลัก "${d.parentId}" ในแถวก่อนหน้า ตัวชี้วัดหลักต้องอยู่เหนือตัวชี้วัดย่อย`,
            en: `no parent indicator "${d.parentId}" in the rows above; a parent comes before its sub-indicators`,
          },
          d.id,
        );
      }
    } else if (!hasParentColumn) {
      if (pending && pending.left > 0) {
        parent = pending.parent;
        pending.left -= 1;
      } else {
        while (stack.length > 0 && !indicatorKey(d.id).startsWith(`${indicatorKey((stack[stack.length - 1] as RowDraft).id)}.`))
          stack.pop();
        parent = stack[stack.length - 1];
      }
    }
    if (parent) (childrenOf.get(parent) ?? childrenOf.set(parent, []).get(parent))!.push(d);
    else top.push(d.raw);
    stack.push(d);
    if (!byKey.has(indicatorKey(d.id))) byKey.set(indicatorKey(d.id), d);
    if (d.weightList && !hasParentColumn) pending = { parent: d, left: d.weightList.length };
  }
  for (const d of drafts) {
    const children = childrenOf.get(d) ?? [];
    if (d.weightList) {
      if (children.length !== d.weightList.length) {
        issues.add(
          'definitions-sub-indicators',
          'error',
          weightCell(d.row),
          {
            th: `น้ำหนัก "${d.raw.weight} ${d.weightList.map((w) => `(${w})`).join(' ')}" ระบุตัวชี้วัดย่อย ${d.weightList.length} ตัว แต่ใต้ตัวชี้วัด ${d.id} มี ${children.length} แถว ให้เพิ่มแถวของตัวชี้วัดย่อยแต่ละตัว (ลำดับ ${d.id}.1, ${d.id}.2 …) ใต้แถวนี้`,
            en: `the weight "${d.raw.weight} ${d.weightList.map((w) => `(${w})`).join(' ')}" lists ${d.weightList.length} sub-indicators but ${d.id} has ${children.length} rows under it; add a row for each (No. ${d.id}.1, ${d.id}.2 …) below this one`,
          },
          d.id,
        );
      }
      children.forEach((c, k) => {
        const listed = d.weightList?.[k];
        if (listed === undefined) return;
        if (c.weightBlank) c.raw.weight = listed;
        else if (c.raw.weight !== listed) {
          issues.add(
            'definitions-sub-weight',
            'error',
            weightCell(c.row),
            {
              th: `น้ำหนักของตัวชี้วัดย่อย ${c.id} (${c.raw.weight}) ไม่ตรงกับที่ตัวชี้วัดหลัก ${d.id} ระบุไว้ (${listed})`,
              en: `the weight of sub-indicator ${c.id} (${c.raw.weight}) differs from the one its parent ${d.id} lists (${listed})`,
            },
            c.id,
          );
        }
      });
    }
    if (children.length > 0) (d.raw as { children?: RawIndicator[] }).children = children.map((c) => c.raw);
  }
  for (const d of drafts) {
    const listedByParent = drafts.some((p) => p.weightList && (childrenOf.get(p) ?? []).includes(d));
    if (d.weightBlank && !listedByParent) {
      issues.add(
        'definitions-required-blank',
        'error',
        weightCell(d.row),
        {
          th: `ตัวชี้วัด ${d.id} ไม่มีน้ำหนัก ให้กรอกน้ำหนัก (ร้อยละ)`,
          en: `indicator ${d.id} has no weight; enter it (percent)`,
        },
        d.id,
      );
    }
  }
  // A sub-indicator is in its parent's component and group: the same text again (a merged cell) says nothing new.
  for (const d of drafts) {
    for (const c of childrenOf.get(d) ?? []) {
      const m = c as { componentText?: unknown; groupText?: unknown };
      if (c.componentText && d.componentText && c.componentText.text === d.componentText.text) m.componentText = undefined;
      if (c.groupText && d.groupText && c.groupText.text === d.groupText.text) m.groupText = undefined;
    }
  }
  return top;
}

/**
 * Components and groups named in the rows: by id, name or English name of the settings sheet's tables. Without a
 * components table, each distinct text is a component (its id and name); without a groups table, likewise for groups.
 */
function resolveComponents(
  drafts: readonly RowDraft[],
  settings: SettingsFields,
  issues: CellIssues,
): NonNullable<AssessmentDocument['components']> | undefined {
  const components = settings.components ? settings.components.map((c) => ({ ...c, groups: c.groups ? [...c.groups] : undefined })) : [];
  const fromSheet = !settings.components;
  const anyGroups = components.some((c) => (c.groups ?? []).length > 0);
  const said = new Set<string>();
  const match = <T extends { id: string; name: string; nameEn?: string }>(list: readonly T[], text: string): T | undefined => {
    const n = normalizeHeader(text);
    return (
      list.find((x) => normalizeHeader(x.id) === n) ??
      list.find((x) => normalizeHeader(x.name) === n) ??
      list.find((x) => x.nameEn !== undefined && normalizeHeader(x.nameEn) === n)
    );
  };
  for (const d of drafts) {
    let component: (typeof components)[number] | undefined;
    if (d.componentText) {
      component = match(components, d.componentText.text);
      if (!component && fromSheet) {
        component = { id: d.componentText.text, name: d.componentText.text, groups: undefined };
        components.push(component);
      }
      if (!component) {
        if (!said.has(d.componentText.cell)) {
          said.add(d.componentText.cell);
          issues.add(
            'definitions-unknown-component',
            'error',
            d.componentText.cell,
            {
              th: `ไม่มีองค์ประกอบ "${d.componentText.text}" ในตารางองค์ประกอบของชีตตั้งค่า มี: ${components.map((c) => c.name).join(', ') || 'ไม่มี'}`,
              en: `no component "${d.componentText.text}" in the settings sheet's components table; it has: ${components.map((c) => c.nameEn ?? c.name).join(', ') || 'none'}`,
            },
            d.id,
          );
        }
      } else d.raw.component = component.id;
    }
    if (d.groupText) {
      const all = components.flatMap((c) => (c.groups ?? []).map((g) => ({ ...g, component: c })));
      const group = match(all, d.groupText.text);
      if (group) d.raw.group = group.id;
      else if (!anyGroups && component) {
        const g = { id: d.groupText.text, name: d.groupText.text };
        (component.groups ??= []).push(g);
        d.raw.group = g.id;
      } else if (!anyGroups && !component) {
        // The domain says a group needs a component, at this cell.
        d.raw.group = d.groupText.text;
      } else if (!said.has(d.groupText.cell)) {
        said.add(d.groupText.cell);
        issues.add(
          'definitions-unknown-group',
          'error',
          d.groupText.cell,
          {
            th: `ไม่มีกลุ่ม "${d.groupText.text}" ในตารางกลุ่มตัวชี้วัดของชีตตั้งค่า`,
            en: `no group "${d.groupText.text}" in the settings sheet's groups table`,
          },
          d.id,
        );
      }
    }
  }
  if (components.length === 0) return undefined;
  return components.map((c) => {
    const { groups, ...rest } = c;
    return groups && groups.length > 0 ? { ...rest, groups } : rest;
  });
}

/**
 * A domain finding at the cell its JSON path was read from (the nearest enclosing path that has one). A component's
 * weights that do not add up are said at the weight of its last indicator on the sheet, in the sheet's words.
 */
function locate(
  found: Issue,
  paths: ReadonlyMap<string, string>,
  /** The top-level rows: a component's weight is theirs. */
  drafts: readonly RowDraft[],
  document: AssessmentDocument,
  weightCell: (row: number) => string,
): Issue {
  if (found.code === 'component-weight-mismatch' && found.path) {
    const i = Number(/^components\[(\d+)\]/.exec(found.path)?.[1]);
    const c = document.components?.[i];
    const mine = c ? drafts.filter((d) => d.raw.component === c.id) : [];
    const last = mine[mine.length - 1];
    if (c && last) {
      const sum = Math.round(mine.reduce((s, d) => s + d.raw.weight, 0) * 1e6) / 1e6;
      const cell = weightCell(last.row);
      const label = c.nameEn ?? c.name;
      return {
        ...found,
        cell,
        message: {
          th: `${cell}: น้ำหนักรวมขององค์ประกอบ ${label} เป็น ${sum} ไม่ใช่ ${c.weight}`,
          en: `${cell}: the weights of component ${label} add up to ${sum}, not ${c.weight}`,
        },
      };
    }
  }
  if (!found.path) return found;
  let p = found.path;
  let cell = paths.get(p);
  while (cell === undefined && p !== '') {
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
    cell = paths.get(p);
  }
  if (cell === undefined) return found;
  const strip = (text: string): string => (text.startsWith(`${found.path}: `) ? text.slice(found.path!.length + 2) : text);
  return { ...found, cell, message: { th: `${cell}: ${strip(found.message.th)}`, en: `${cell}: ${strip(found.message.en)}` } };
}

/** The kinds' words, for a message or a list elsewhere. */
export const DEFINITION_KINDS = KIND_WORDS;

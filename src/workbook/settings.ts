/**
 * The settings sheet (ตั้งค่า): the assessment's policies and the scale's level scores, each in a cell with a
 * workbook-level defined name the formulas use. Editing a value there re-scores the whole sheet live.
 *
 * | name                   | holds                                                   |
 * |------------------------|---------------------------------------------------------|
 * | ScorebookFloor         | score below the first level (policy `floor`)            |
 * | ScorebookNotReported   | score when not reported, or the text `exclude`          |
 * | ScorebookMode          | `interpolate` or `step`                                 |
 * | ScorebookDecimals      | decimals shown (number formats are set when written)    |
 * | ScorebookLatePenalty   | points per working day late (not applied in the sheet)  |
 * | ScorebookScore_1.._N   | the score at each level of the scale (no name may end in digits: it would read as a cell address) |
 * | ScorebookRound         | the round (months) the sheet reports on; blank: every row due (only when some indicator states its rounds) |
 * | ScorebookTotal         | (on the KPI sheet) the total before any late penalty    |
 * | ScorebookWords, ScorebookWordMarks | (hidden columns F:G) the words a step cell may hold and their 1/0, from the domain's table (stepWords.ts) |
 *
 * Below them, when targets are derived (scoring.md §5), the inputs block: one row per indicator input (its baseline,
 * its average growth …), which the derived target cells reference by address (no defined names: an input name may
 * end in digits or be Thai).
 */
import { allIndicators, leafIndicators, type Assessment, type Policies } from '../domain';
import { cellAddress, sheetRef, type CellContent, type CellValue } from './cells';
import { wordsBlock, WORDS_COLUMN } from './stepWords';

export const SETTINGS_SHEET = 'ตั้งค่า';

export const NAMES = {
  floor: 'ScorebookFloor',
  notReported: 'ScorebookNotReported',
  mode: 'ScorebookMode',
  decimals: 'ScorebookDecimals',
  latePenalty: 'ScorebookLatePenalty',
  total: 'ScorebookTotal',
  round: 'ScorebookRound',
} as const;

export function scoreName(level: number): string {
  return `ScorebookScore_${level}`;
}

export const EXCLUDE = 'exclude';

export interface SettingsEntry {
  readonly name: string;
  readonly label: string;
  readonly value: number | string;
  readonly meaning: string;
  /** 1-based row on the settings sheet; the value is in column B. */
  readonly row: number;
}

export interface DefinedName {
  readonly name: string;
  /** e.g. 'ตั้งค่า'!$B$2 */
  readonly ref: string;
}

export interface SettingsSheet {
  readonly sheet: string;
  readonly entries: readonly SettingsEntry[];
  /** Starting at column A of `firstRow` (row 1 unless moved). */
  readonly rows: readonly (readonly CellContent[])[];
  readonly names: readonly DefinedName[];
  /** Indicator id → input name → its cell, qualified ('ตั้งค่า'!$B$14); empty when no target is derived. */
  readonly inputRefs: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export const SETTINGS_VALUE_COLUMN = 2;

/** `firstRow` moves the block down (the test engine keeps it on the KPI sheet itself, below the table). */
export function settingsSheet(
  assessment: Pick<Assessment, 'scale' | 'policies'> & Partial<Pick<Assessment, 'indicators'>>,
  sheet = SETTINGS_SHEET,
  firstRow = 1,
  round?: number,
): SettingsSheet {
  const p = assessment.policies;
  const hasRounds =
    assessment.indicators !== undefined && allIndicators({ indicators: assessment.indicators }).some((i) => i.rounds !== undefined);
  const specs: Omit<SettingsEntry, 'row'>[] = [
    {
      name: NAMES.floor,
      label: 'คะแนนเมื่อไม่ถึงระดับแรก (Floor)',
      value: p.floor,
      meaning: 'คะแนนของผลที่ไม่ถึงเป้าหมายระดับแรก / score of a result below the first level',
    },
    {
      name: NAMES.notReported,
      label: 'คะแนนเมื่อไม่รายงาน (Not reported)',
      value: p.notReported,
      meaning: `ตัวเลข หรือ "${EXCLUDE}" เพื่อไม่นับน้ำหนักตัวชี้วัดนั้น / a number, or "${EXCLUDE}" to take the indicator's weight out of the total`,
    },
    {
      name: NAMES.mode,
      label: 'วิธีคิดคะแนน (Mode)',
      value: p.mode,
      meaning: 'interpolate = เทียบบัญญัติไตรยางศ์ระหว่างระดับ, step = นับเฉพาะระดับที่ถึง / interpolate between levels or whole levels only',
    },
    { name: NAMES.decimals, label: 'ทศนิยม (Decimals)', value: p.decimals, meaning: 'จำนวนตำแหน่งทศนิยมที่แสดง / decimals shown' },
    {
      name: NAMES.latePenalty,
      label: 'หักคะแนนต่อวันทำการที่ส่งช้า (Late penalty)',
      value: p.latePenaltyPerWorkingDay,
      meaning: 'ไม่ได้หักในชีตนี้ คะแนนรวมเป็นคะแนนก่อนหัก / not applied in this sheet; the total is before the penalty',
    },
    ...assessment.scale.levels.map((level, i) => ({
      name: scoreName(i + 1),
      label: `คะแนนระดับ ${level.name} (${level.nameEn})`,
      value: level.score,
      meaning: `คะแนนเมื่อถึงเป้าหมายระดับที่ ${i + 1} / score at level ${i + 1}`,
    })),
    ...(hasRounds
      ? [
          {
            name: NAMES.round,
            label: 'รอบการรายงาน (Round)',
            value: round ?? '',
            meaning:
              'รอบที่รายงาน (6, 9, 12 เดือน) ตัวชี้วัดที่ไม่ต้องรายงานในรอบนี้ไม่นับคะแนน ว่างไว้ = ทุกตัวชี้วัด / the round (months) reported on; indicators not due in it leave the total; blank: all due',
          },
        ]
      : []),
  ];
  const entries = specs.map((s, i) => ({ ...s, row: firstRow + i + 1 }));
  const header: CellValue[] = ['ตั้งค่า (Setting)', 'ค่า (Value)', 'ชื่อ (Name)', 'คำอธิบาย (Meaning)'];
  const rows: CellContent[][] = [header, ...entries.map((e) => [e.label, e.value, e.name, e.meaning])];
  const inputRefs = new Map<string, Map<string, string>>();
  const derived = leafIndicators({ indicators: assessment.indicators ?? [] }).filter((i) => i.targetExpressions !== undefined && i.inputs);
  if (derived.length > 0) {
    rows.push([], [INPUTS_HEADING, 'ค่า (Value)', 'ตัวชี้วัด:ชื่อ (Indicator:name)', 'ใช้ในสูตรค่าเป้าหมาย (Used by the targets)']);
    for (const indicator of derived) {
      const refs = new Map<string, string>();
      for (const [name, value] of Object.entries(indicator.inputs ?? {})) {
        refs.set(name, `${sheetRef(sheet)}!${cellAddress(firstRow + rows.length, SETTINGS_VALUE_COLUMN, true)}`);
        rows.push([`${indicator.id} ${name}`, value, `${indicator.id}:${name}`, indicator.name]);
      }
      inputRefs.set(indicator.id, refs);
    }
  }
  // The words a step cell may hold (stepWords.ts), in hidden columns F:G beside the rest, from the first row.
  const words = wordsBlock(sheet, firstRow);
  words.rows.forEach((pair, k) => {
    const row = (rows[k] ?? []).slice();
    while (row.length < WORDS_COLUMN - 1) row.push(null);
    row.splice(WORDS_COLUMN - 1, 2, ...pair);
    rows[k] = row;
  });
  return {
    sheet,
    entries,
    rows,
    names: [
      ...entries.map((e) => ({ name: e.name, ref: `${sheetRef(sheet)}!${cellAddress(e.row, SETTINGS_VALUE_COLUMN, true)}` })),
      ...words.names,
    ],
    inputRefs,
  };
}

export const INPUTS_HEADING = 'ข้อมูลฐานของค่าเป้าหมาย (Target inputs)';

/** What a settings sheet says now, as edited by hand: policy overrides and level scores (unusable cells are skipped). */
export interface SettingsReading {
  readonly policies: Partial<Pick<Policies, 'floor' | 'notReported' | 'mode'>>;
  readonly scores: ReadonlyMap<number, number>;
  /** The round the sheet reports on (ScorebookRound), when it holds one. */
  readonly round?: number;
}

/** Reads the settings back by their name column, so rows moved by hand still read. */
export function readSettings(rows: readonly (readonly CellValue[])[]): SettingsReading {
  const byName = new Map<string, CellValue>();
  for (const row of rows) {
    const name = row[2];
    if (typeof name === 'string') byName.set(name.trim(), row[1] ?? null);
  }
  const policies: { floor?: number; notReported?: number | 'exclude'; mode?: 'interpolate' | 'step' } = {};
  const floor = byName.get(NAMES.floor);
  if (typeof floor === 'number') policies.floor = floor;
  // The formulas count anything but a number as "exclude", and so does this reading.
  if (byName.has(NAMES.notReported)) {
    const nr = byName.get(NAMES.notReported);
    policies.notReported = typeof nr === 'number' ? nr : EXCLUDE;
  }
  const mode = byName.get(NAMES.mode);
  if (typeof mode === 'string' && (mode.trim().toLowerCase() === 'step' || mode.trim().toLowerCase() === 'interpolate')) {
    policies.mode = mode.trim().toLowerCase() as 'interpolate' | 'step';
  }
  const scores = new Map<number, number>();
  for (const [name, value] of byName) {
    const m = /^ScorebookScore_(\d+)$/.exec(name);
    if (m && typeof value === 'number') scores.set(Number(m[1]), value);
  }
  const round = byName.get(NAMES.round);
  return typeof round === 'number' && Number.isInteger(round) ? { policies, scores, round } : { policies, scores };
}

/**
 * The assessment as the sheet's formulas score it: the settings sheet's policies and level scores over the
 * document's. The same object when the sheet says nothing different (so what is worked out once per assessment
 * stays worked out), and one object per distinct setting for a given assessment (the live check asks after every
 * edit).
 */
export function assessmentWithSettings(
  assessment: Assessment,
  settings: SettingsReading,
): { readonly assessment: Assessment; readonly changed: boolean } {
  const policies = { ...assessment.policies, ...settings.policies };
  const levels = assessment.scale.levels.map((l, i) => ({ ...l, score: settings.scores.get(i + 1) ?? l.score }));
  const changed =
    JSON.stringify(policies) !== JSON.stringify(assessment.policies) ||
    levels.some((l, i) => l.score !== assessment.scale.levels[i]?.score);
  if (!changed) return { assessment, changed };
  const key = JSON.stringify([policies, levels.map((l) => l.score)]);
  const known = edited.get(assessment);
  if (known?.key === key) return { assessment: known.value, changed };
  const value: Assessment = { ...assessment, policies, scale: { ...assessment.scale, levels } };
  edited.set(assessment, { key, value });
  return { assessment: value, changed };
}

const edited = new WeakMap<Assessment, { readonly key: string; readonly value: Assessment }>();

/**
 * The words people type in a step or binary cell (ทำสำเร็จ, ✓, ไม่สำเร็จ …), counted by the sheet's own formulas
 * as the domain counts them (src/domain yesNoWords.ts holds the one table). The settings sheet carries the table as
 * a hidden lookup range generated from the domain's (`wordsBlock`: ScorebookWords, ScorebookWordMarks), and each
 * row's step cells become one mark per step in the hidden `stepMarks` column, which the row's value reads.
 *
 * A step's mark: "1" achieved, "0" not, "b" blank, "x" unusable. A number counts only as exactly 1 or 0, a boolean
 * as itself; text has its spaces (and no-break spaces) removed and is looked up case-insensitively (text of
 * spaces only is no word: the domain rejects a step given as "").
 * MATCH may treat * and ? as wildcards (Excel does), so the word found is compared back with "=" before it counts.
 *
 * `sheetStepMark` is the same rule in TypeScript, so the sheet reader (readGrid.ts) passes the domain exactly
 * what the formulas count.
 */
import { readResultValue, yesNoWordForms, type LeafIndicator } from '../domain';
import { cellAddress, isCellError, sheetRef, type CellContent, type CellValue } from './cells';

export const WORD_NAMES = { words: 'ScorebookWords', marks: 'ScorebookWordMarks' } as const;

/** The block's columns on the settings sheet (F:G), right of the policies, hidden. */
export const WORDS_COLUMN = 6;
export const WORDS_COLUMNS = 'F:G';

export type StepMark = '1' | '0' | 'b' | 'x';

/** The text a formula compares: spaces and no-break spaces removed (the domain removes every kind of space). */
const SHEET_SPACES = /[ \u00A0]/g;

/** The forms of the domain's table in lower case, for the case-insensitive lookup the engines do. */
const FORMS = new Map(yesNoWordForms().map((f) => [f.form.toLowerCase(), f.yes] as const));

/** A step cell as the sheet's formulas count it. */
export function sheetStepMark(v: CellValue): StepMark {
  if (v === null) return 'b';
  if (isCellError(v)) return 'x';
  if (typeof v === 'number') return v === 1 ? '1' : v === 0 ? '0' : 'x';
  if (typeof v === 'boolean') return v ? '1' : '0';
  const t = v.replace(SHEET_SPACES, '');
  const yes = FORMS.get(t.toLowerCase());
  return yes === undefined ? 'x' : yes ? '1' : '0';
}

/** A one-step yes/no indicator: what the domain makes of a single step's text. */
const ONE_STEP: LeafIndicator = {
  id: 'step',
  name: 'step',
  weight: 1,
  parentId: null,
  kind: 'binary',
  targets: [1],
  direction: 'higher',
  multiplier: 1,
  variables: [],
  steps: ['step'],
};

/**
 * One step's text as the domain reads it (its table of words, spaces ignored): 1 or 0, null when blank, 'invalid'
 * when it cannot be read — the reader and the cells written for a result ask the same question.
 */
export function domainStep(text: string): number | null | 'invalid' {
  const read = readResultValue(ONE_STEP, [text]);
  return read.status === 'value' ? read.value : read.status === 'not-reported' ? null : 'invalid';
}

/** The words block: a heading, then each form with 1 or 0; `firstRow` where its heading sits. */
export interface WordsBlock {
  /** Two columns (word, meaning), from the heading down. */
  readonly rows: readonly (readonly CellContent[])[];
  readonly names: readonly { readonly name: string; readonly ref: string }[];
}

export function wordsBlock(sheet: string, firstRow = 1): WordsBlock {
  const forms = yesNoWordForms();
  const top = firstRow + 1;
  const bottom = firstRow + forms.length;
  const range = (column: number): string => `${sheetRef(sheet)}!${cellAddress(top, column, true)}:${cellAddress(bottom, column, true)}`;
  return {
    rows: [['คำที่อ่านเป็น 1/0 (Words read as 1/0)', 'ค่า (Means)'], ...forms.map((f) => [f.form, f.yes ? 1 : 0])],
    names: [
      { name: WORD_NAMES.words, ref: range(WORDS_COLUMN) },
      { name: WORD_NAMES.marks, ref: range(WORDS_COLUMN + 1) },
    ],
  };
}

/**
 * The compared text of a cell in a formula: anything as text (a blank is ""), spaces removed. The no-break space
 * is written into the string literal itself: UNICHAR would need the _xlfn. prefix in an .xlsx file (LibreOffice
 * reads it as #NAME? without), and CHAR(160) depends on the computer's code page.
 */
function comparedText(cell: string): string {
  return `SUBSTITUTE(SUBSTITUTE(${cell}&""," ",""),"\u00A0","")`;
}

/** One step's mark (see the file comment) as a formula; an error anywhere is "x". */
export function stepMarkFormula(cell: string): string {
  const t = comparedText(cell);
  const at = `MATCH(${t},${WORD_NAMES.words},0)`;
  const word = `IF(INDEX(${WORD_NAMES.words},${at})=${t},INDEX(${WORD_NAMES.marks},${at})&"","x")`;
  return `IF(ISBLANK(${cell}),"b",IF(ISNUMBER(${cell}),IF(${cell}=1,"1",IF(${cell}=0,"0","x")),IF(ISLOGICAL(${cell}),IF(${cell},"1","0"),IFERROR(${word},"x"))))`;
}

/** The row's marks, one character per step ("11b0"): the stepMarks cell. */
export function stepMarksFormula(steps: readonly string[]): string {
  return steps.map(stepMarkFormula).join('&');
}

/**
 * The value from the marks: "" when a step is unusable or every step is blank (not reported), else the count of
 * consecutive achieved steps from the first (a blank step is not achieved).
 */
export function valueFromMarksFormula(marks: string, steps: number): string {
  return `IF(ISNUMBER(FIND("x",${marks})),"",IF(SUBSTITUTE(${marks},"b","")="","",IFERROR(FIND("0",SUBSTITUTE(${marks},"b","0"))-1,${steps})))`;
}

/**
 * Whether a step cell holds something the sheet cannot count, short enough for a data validation or conditional
 * format (Excel keeps those to 255 characters): a number or word the table knows passes, a blank passes.
 */
export function stepAcceptedFormula(cell: string): string {
  return `IF(ISBLANK(${cell}),TRUE,ISNUMBER(MATCH(${comparedText(cell)},${WORD_NAMES.words},0)))`;
}

/**
 * What a row of a report changes on the server: the one rule the pane (changed-row marks, refresh), the CLI
 * (`scorebook submit` leaving unchanged rows out) and the server (merging a reporter's row with central data)
 * share, so they can never disagree about whether a row is "changed".
 *
 * - Results are equal whatever the order of a ratio's variables: PostgreSQL's jsonb gives `{"den":50,"num":40}`
 *   back for the `{"num":40,"den":50}` that was sent.
 * - A central variable (ข้อมูลส่วนกลาง) a reporter leaves blank is the server's own: what is stored is the
 *   reporter's variables with the central office's beside them.
 * - A blank result (null, "", a ratio of blanks) changes nothing the server holds unscored (nothing, or central
 *   data alone): nothing to send.
 * - A measured result is compared as the numbers it reads as: "58.1%", "๖๕,๐๖๐" or "12 ครั้ง" stored by another
 *   client is the same report as the 58.1, 65060 or 12 a sheet opened from the server holds in its cells.
 * - A result stored as one value sits in the sheet as opening the sheet from the server wrote it
 *   (workbook/resultCells.ts), and is that value: a milestone's count of steps as its steps ticked, a ratio worked out
 *   ("85%") as 85 over its multiplier, anything unreadable ("#N/A") in the first input cell with the rest blank.
 * - A text (คำชี้แจงการปฏิบัติงาน, อุปสรรค, หมายเหตุ) changes only when the sheet has its column and it differs.
 */
import { isStepKind, type LeafIndicator } from './assessment';
import type { RawResult } from './documentSchema';
import { readResultValue, readStep } from './resultValue';
import { readNumber } from './thaiNumbers';

/** The three texts a reporter writes beside a result, as report fields. */
export const REPORT_TEXT_FIELDS = ['explanation', 'obstacles', 'remarks'] as const;
export type ReportTextField = (typeof REPORT_TEXT_FIELDS)[number];
export type ReportTexts = Partial<Record<ReportTextField, string | null>>;

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const isVariables = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A raw result as a string that is the same for equal results, object keys in any order. */
export function canonicalResult(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalResult).join(',')}]`;
  if (isVariables(v)) {
    // A blank variable is the same as one left out: the sheet reads `{"num":null}` where the server holds `{}`.
    return `{${Object.keys(v)
      .filter((k) => !isBlank(v[k]))
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalResult(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Equal raw results (key order ignored). */
export function sameResult(a: unknown, b: unknown): boolean {
  return canonicalResult(a) === canonicalResult(b);
}

/** The variables of an indicator the central office supplies. */
export function centralVariables(indicator: LeafIndicator): string[] {
  return indicator.kind === 'ratio' ? indicator.variables.filter((v) => v.central).map((v) => v.id) : [];
}

/**
 * A reporter's value as the server stores it: their own variables, and each central variable they left blank
 * taken from what the server holds (absent there: left out). A central variable they did type stays, so the
 * server can refuse it when it differs from the central office's (decideRows.ts); a value that is not an object
 * of variables is returned as it is.
 */
export function withCentralVariables(sent: unknown, stored: unknown, central: readonly string[]): unknown {
  if (central.length === 0 || !isVariables(sent)) return sent;
  const held = isVariables(stored) ? stored : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(sent)) if (!central.includes(k) || !isBlank(v)) out[k] = v;
  for (const k of central) if (!(k in out) && k in held) out[k] = held[k];
  return out;
}

/**
 * Whether the value in the sheet would change the one the server holds (`stored`; undefined: nothing stored):
 * compared as stored (central variables merged), key order ignored; blank on both sides is no change.
 */
export function resultChanges(indicator: LeafIndicator, typed: RawResult | null | undefined, stored: unknown): boolean {
  // A blank the sheet never sent is not taken for a deletion of what the server holds unscored (central data only).
  const unscored = stored === undefined || stored === null || readResultValue(indicator, stored as RawResult).status === 'not-reported';
  if (isBlankish(typed) && unscored) return false;
  if (isStepKind(indicator.kind)) {
    const marks = [stepMarks(indicator, typed), stepMarks(indicator, stored)];
    if (marks[0] !== undefined && marks[1] !== undefined) return marks[0] !== marks[1];
  }
  if (writtenFrom(indicator, typed, stored)) return false;
  const sent = withCentralVariables(typed ?? null, stored, centralVariables(indicator));
  return !sameResult(asNumbers(indicator, sent), asNumbers(indicator, stored ?? null));
}

/**
 * A measured result with each text that reads as a number (with the unit its indicator or variable gives) put as
 * that number; anything else as it is, so a text that cannot be read still differs from every number.
 */
function asNumbers(indicator: LeafIndicator, v: unknown): unknown {
  if (isStepKind(indicator.kind)) return v;
  if (!isVariables(v)) return asNumber(v, indicator.unit);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = asNumber(x, indicator.variables.find((variable) => variable.id === k)?.unit);
  return out;
}

/** A text that reads as a number (with `unit`) as that number; anything else as it is. Apart: asked twice a row. */
function asNumber(raw: unknown, unit: string | undefined): unknown {
  if (typeof raw !== 'string') return raw;
  const read = readNumber(raw, { unit });
  return read.kind === 'number' ? read.value : raw;
}

/**
 * Steps as marks: the sheet reads a yes/no result as its one step (`[1]`, `[true]`) where another client may have
 * stored `1` or `true`; they are the same report. Undefined when a mark cannot be read: then what was typed is
 * compared as it is, so an unreadable entry still counts as changed.
 */
function stepMarks(indicator: LeafIndicator, v: unknown): string | undefined {
  const count = indicator.kind === 'milestone' && typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= indicator.steps.length;
  const list = Array.isArray(v) ? v : count ? indicator.steps.map((_, i) => i < v) : [v];
  const marks = list.map((m) => readStep(m));
  if (marks.some((m) => m === 'invalid')) return undefined;
  // Trailing blanks are steps not yet marked, as when left out.
  while (marks.length > 0 && marks[marks.length - 1] === null) marks.pop();
  return JSON.stringify(marks);
}

/**
 * Whether the sheet holds a value stored as one scalar the way opening it from the server writes it in cells of
 * its own: a ratio worked out as that number over the multiplier, an unreadable value in the first input cell with
 * the others blank.
 */
function writtenFrom(indicator: LeafIndicator, typed: unknown, stored: unknown): boolean {
  if (stored === undefined || stored === null || typeof stored === 'object') return false;
  if (Array.isArray(typed)) return typed.length > 0 && typed[0] === stored && typed.slice(1).every(isBlank);
  if (indicator.kind !== 'ratio' || !isVariables(typed)) return false;
  const [numerator, denominator] = indicator.variables;
  if (!numerator || !denominator) return false;
  const n = typed[numerator.id];
  const d = typed[denominator.id];
  if (isBlank(d)) return n === stored;
  return d === indicator.multiplier && typeof n === 'number' && asNumbers(indicator, stored) === n;
}

/** Nothing typed at all: null, "", an empty list of steps, or variables all blank. */
function isBlankish(v: unknown): boolean {
  if (isBlank(v)) return true;
  if (Array.isArray(v)) return v.every(isBlank);
  if (isVariables(v)) return Object.values(v).every(isBlank);
  return false;
}

/** The texts that differ from the server's (`known` absent: nothing stored, every text null there). */
export function changedReportTexts(texts: ReportTexts | undefined, known: ReportTexts | undefined): ReportTextField[] {
  if (!texts) return [];
  return REPORT_TEXT_FIELDS.filter((f) => texts[f] !== undefined && texts[f] !== (known?.[f] ?? null));
}

/** What one row changes on the server: its value, its texts; `any` when either. */
export function rowChange(
  indicator: LeafIndicator,
  sheet: { readonly value: RawResult | null | undefined; readonly texts?: ReportTexts },
  stored: ({ readonly value: unknown } & ReportTexts) | undefined,
): { readonly value: boolean; readonly texts: readonly ReportTextField[]; readonly any: boolean } {
  const value = resultChanges(indicator, sheet.value, stored?.value);
  const texts = changedReportTexts(sheet.texts, stored);
  return { value, texts, any: value || texts.length > 0 };
}

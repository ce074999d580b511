/**
 * What a reporter entered for one indicator, turned into the number its targets are compared with:
 * the number itself, numerator / denominator × multiplier, or the count of consecutive steps achieved.
 * Anything unreadable becomes an issue and the indicator is scored as not reported; nothing becomes 0 silently.
 */
import type { LeafIndicator, Variable } from './assessment';
import type { RawResult } from './documentSchema';
import { issue, type Issue } from './issues';
import {
  LARGEST_ACCEPTED,
  quickTypedNumber,
  readNumber,
  unitCouldEndANumber,
  type NumberReading,
  type ReadNumberOptions,
} from './thaiNumbers';
import { readYesNoWord } from './yesNoWords';

export type ResultValue =
  | { readonly status: 'value'; readonly value: number; readonly issues: readonly Issue[] }
  | { readonly status: 'not-reported'; readonly issues: readonly Issue[] }
  | { readonly status: 'invalid'; readonly issues: readonly Issue[] };

/**
 * Nothing to say, shared: most rows of a million carry no issue, and an array for each is garbage to collect.
 * Frozen, so a caller that added to it would fail loudly rather than give every row its issue.
 */
export const NO_ISSUES: readonly Issue[] = Object.freeze([]);
const NOT_REPORTED: ResultValue = Object.freeze({ status: 'not-reported', issues: NO_ISSUES });
const notReported = (issues?: Issue[]): ResultValue => (issues === undefined ? NOT_REPORTED : { status: 'not-reported', issues });
const invalid = (issues: Issue[]): ResultValue => ({ status: 'invalid', issues });

export function readResultValue(indicator: LeafIndicator, raw: RawResult | undefined): ResultValue {
  return readWith(readingOf(indicator), raw);
}

/** `readResultValue` for one indicator, for a caller that reads it row after row. */
export function resultReader(indicator: LeafIndicator): (raw: RawResult | undefined) => ResultValue {
  const reading = readingOf(indicator);
  return (raw) => readWith(reading, raw);
}

/** What `readPrepared` and `quickResultValue` read an indicator's results with (the engine keeps one per leaf). */
export type PreparedReading = Reading;

export function prepareReading(indicator: LeafIndicator): PreparedReading {
  return readingOf(indicator);
}

/** `readResultValue(indicator, raw)` for the indicator `reading` was prepared for. */
export function readPrepared(reading: PreparedReading, raw: RawResult | undefined): ResultValue {
  return readWith(reading, raw);
}

/**
 * The value `readResultValue` gives when it is a value with nothing to say (`{ status: 'value', value, issues: [] }`,
 * most rows of a million), or NaN for every other result, which the caller reads with `readPrepared`. Nothing is
 * allocated: no reading of the number, no result object.
 */
export function quickResultValue(reading: PreparedReading, raw: RawResult | undefined): number {
  switch (reading.kind) {
    case 'quantitative':
      return quickQuantity(reading, raw);
    case 'ratio': {
      if (typeof raw === 'number' || typeof raw === 'string') return quickQuantity(reading, raw);
      const { numerator, denominator } = reading;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !numerator || !denominator) return Number.NaN;
      const n = (raw as Record<string, unknown>)[numerator.id];
      const d = (raw as Record<string, unknown>)[denominator.id];
      // readRatio's first case, for two number cells: both readable, neither negative, a denominator not 0.
      if (typeof n !== 'number' || typeof d !== 'number' || !(n >= 0 && n <= LARGEST_ACCEPTED && d > 0 && d <= LARGEST_ACCEPTED)) {
        return Number.NaN;
      }
      return (n * reading.multiplier) / d;
    }
    case 'milestone':
    case 'binary':
      return Array.isArray(raw) ? quickSteps(reading, raw) : Number.NaN;
  }
}

function quickQuantity(reading: Reading, raw: RawResult | undefined): number {
  let value: number;
  if (typeof raw === 'number') {
    if (!(Math.abs(raw) <= LARGEST_ACCEPTED)) return Number.NaN;
    value = raw;
  } else if (typeof raw === 'string' && reading.quickText) {
    value = quickTypedNumber(raw);
  } else {
    return Number.NaN;
  }
  // A negative value against non-negative targets carries a warning (negativeWarning): read in full.
  return value < 0 && !reading.negativeTargets ? Number.NaN : value;
}

/** readSteps for marks that are booleans, 1, 0 or blank, achieved from the first with no gap; NaN for the rest. */
function quickSteps(reading: Reading, marks: readonly unknown[]): number {
  if (marks.length > reading.stepCount) return Number.NaN;
  let value = 0;
  let inRun = true;
  let anyGiven = false;
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i];
    let step: boolean;
    if (mark === true || mark === 1) step = true;
    else if (mark === false || mark === 0) step = false;
    else if (mark === null || mark === undefined) {
      inRun = false;
      continue;
    } else return Number.NaN;
    anyGiven = true;
    if (step && inRun) value++;
    else if (step) return Number.NaN;
    else inRun = false;
  }
  return anyGiven ? value : Number.NaN;
}

/**
 * What reading a result needs of its indicator, in one shape for every kind. Indicators come in many shapes
 * (optional fields present or not), so reading their properties row after row is a slow, megamorphic lookup; a
 * million rows read these instead. Worked out once per indicator object: an assessment is immutable once read.
 */
interface Reading {
  readonly indicator: LeafIndicator;
  readonly kind: LeafIndicator['kind'];
  readonly stepCount: number;
  readonly multiplier: number;
  /** A negative result is no typo when a target itself is negative. */
  readonly negativeTargets: boolean;
  readonly quantity: ReadNumberOptions;
  /** By `later * (stepCount + 1) + value`: the result a milestone gap gives, once made. */
  readonly gaps: (ResultValue | undefined)[];
  /** The unit could not end a number, so a typed value may be read by `quickTypedNumber`. */
  readonly quickText: boolean;
  readonly numerator: Variable | undefined;
  readonly denominator: Variable | undefined;
  readonly numeratorOptions: ReadNumberOptions;
  readonly denominatorOptions: ReadNumberOptions;
}

const readings = new WeakMap<LeafIndicator, Reading>();

function readingOf(indicator: LeafIndicator): Reading {
  const known = readings.get(indicator);
  if (known) return known;
  const [numerator, denominator] = indicator.variables;
  const reading: Reading = {
    indicator,
    kind: indicator.kind,
    stepCount: indicator.steps.length,
    gaps: [],
    multiplier: indicator.multiplier,
    negativeTargets: indicator.targets.some((t) => t < 0),
    quantity: { unit: indicator.unit, indicatorId: indicator.id },
    quickText: !unitCouldEndANumber(indicator.unit),
    numerator,
    denominator,
    numeratorOptions: { unit: numerator?.unit, indicatorId: indicator.id, field: numerator?.id },
    denominatorOptions: { unit: denominator?.unit, indicatorId: indicator.id, field: denominator?.id },
  };
  readings.set(indicator, reading);
  return reading;
}

function readWith(reading: Reading, raw: RawResult | undefined): ResultValue {
  switch (reading.kind) {
    case 'quantitative':
      return readQuantity(reading, raw);
    case 'ratio':
      return readRatio(reading, raw);
    case 'milestone':
    case 'binary':
      return readSteps(reading, raw);
  }
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function readQuantity(reading: Reading, raw: RawResult | undefined): ResultValue {
  if (isBlank(raw)) return notReported();
  if (typeof raw === 'object') {
    const { indicator } = reading;
    return invalid([
      issue(
        'value-shape',
        'error',
        {
          th: `ตัวชี้วัด ${indicator.id} ต้องการผลเป็นตัวเลขเดียว`,
          en: `indicator ${indicator.id} takes a single number`,
        },
        { indicatorId: indicator.id },
      ),
    ]);
  }
  const number = readNumber(raw, reading.quantity);
  if (number.kind === 'blank') return notReported();
  if (number.kind === 'invalid') return invalid([number.issue]);
  return { status: 'value', value: number.value, issues: negativeWarning(reading, number.value) };
}

/** A negative result against non-negative targets is usually a typo (a stray minus), so it is pointed out. */
function negativeWarning(reading: Reading, value: number): readonly Issue[] {
  if (value >= 0 || reading.negativeTargets) return NO_ISSUES;
  const { indicator } = reading;
  return [
    issue(
      'value-negative',
      'warning',
      {
        th: `ผลของตัวชี้วัด ${indicator.id} ติดลบ (${value}) ตรวจสอบว่าถูกต้อง`,
        en: `the result of indicator ${indicator.id} is negative (${value}); check it is right`,
      },
      { indicatorId: indicator.id },
    ),
  ];
}

function readRatio(reading: Reading, raw: RawResult | undefined): ResultValue {
  if (isBlank(raw)) return notReported();
  // A ratio already worked out (e.g. "85%") is accepted as the value itself.
  if (typeof raw === 'number' || typeof raw === 'string') return readQuantity(reading, raw);
  const { indicator, numerator, denominator } = reading;
  if (typeof raw !== 'object' || Array.isArray(raw) || raw === null) {
    return invalid([
      issue(
        'value-shape',
        'error',
        {
          th: `ตัวชี้วัด ${indicator.id} ต้องการค่าของตัวแปร ${indicator.variables.map((v) => v.id).join(' และ ')}`,
          en: `indicator ${indicator.id} takes the variables ${indicator.variables.map((v) => v.id).join(' and ')}`,
        },
        { indicatorId: indicator.id },
      ),
    ]);
  }
  if (!numerator || !denominator) return invalid([]);
  const n = readNumber(raw[numerator.id], reading.numeratorOptions);
  const d = readNumber(raw[denominator.id], reading.denominatorOptions);
  // Both given, neither negative, a denominator not 0: the ratio, with nothing to say (what the checks below give it).
  if (n.kind === 'number' && d.kind === 'number' && n.value >= 0 && d.value > 0) {
    return { status: 'value', value: (n.value * reading.multiplier) / d.value, issues: NO_ISSUES };
  }
  const readings: readonly [NumberReading, NumberReading] = [n, d];
  const issues: Issue[] = [];
  const values: number[] = [];
  let pendingCentral = false;
  let missing = 0;
  for (let v = 0; v < 2; v++) {
    const variable = v === 0 ? numerator : denominator;
    const reading = readings[v] as NumberReading;
    if (reading.kind === 'blank') {
      if (variable.central) pendingCentral = true;
      missing++;
    } else if (reading.kind === 'invalid') {
      issues.push(reading.issue);
    } else if (reading.value < 0) {
      issues.push(
        issue(
          'variable-negative',
          'error',
          {
            th: `${variable.name} ของตัวชี้วัด ${indicator.id} ติดลบไม่ได้`,
            en: `${variable.name} of indicator ${indicator.id} cannot be negative`,
          },
          { indicatorId: indicator.id, field: variable.id },
        ),
      );
    } else {
      values.push(reading.value);
    }
  }
  if (issues.length > 0) return invalid(issues);
  if (pendingCentral) {
    return notReported([
      issue(
        'central-data-pending',
        'info',
        {
          th: `ตัวชี้วัด ${indicator.id} รอข้อมูลส่วนกลาง จึงยังคิดคะแนนไม่ได้`,
          en: `indicator ${indicator.id} is waiting for central data and cannot be scored yet`,
        },
        { indicatorId: indicator.id },
      ),
    ]);
  }
  if (missing === 2) return notReported();
  if (missing === 1) {
    // Central data that arrived before the unit entered its own part: the unit has not reported yet.
    const blank = [numerator, denominator].filter((v) => isBlank(raw[v.id]));
    const present = [numerator, denominator].filter((v) => !isBlank(raw[v.id]));
    if (blank.every((v) => !v.central) && present.every((v) => v.central)) return notReported();
    return invalid([
      issue(
        'ratio-incomplete',
        'error',
        {
          th: `ตัวชี้วัด ${indicator.id} กรอกตัวแปรไม่ครบ ต้องมีทั้ง ${numerator.name} และ ${denominator.name}`,
          en: `indicator ${indicator.id} needs both ${numerator.name} and ${denominator.name}`,
        },
        { indicatorId: indicator.id, field: values.length === 1 && raw[numerator.id] !== undefined ? denominator.id : numerator.id },
      ),
    ]);
  }
  const [num, den] = values as [number, number];
  const { multiplier } = reading;
  if (den === 0) {
    return invalid([
      issue(
        'ratio-zero-denominator',
        'error',
        {
          th: `${denominator.name} ของตัวชี้วัด ${indicator.id} เป็น 0 จึงคำนวณอัตราส่วนไม่ได้`,
          en: `${denominator.name} of indicator ${indicator.id} is 0, so the ratio cannot be computed`,
        },
        { indicatorId: indicator.id, field: denominator.id },
      ),
    ]);
  }
  // Multiply first: for whole counts (num × multiplier) is exact, so a ratio equal to a target reaches it.
  return { status: 'value', value: (num * multiplier) / den, issues: NO_ISSUES };
}

/** One step's mark: achieved, not achieved, blank, or unreadable (the pane shows steps with it: ✓ ✗). Words come from the one table in yesNoWords.ts. */
export function readStep(raw: unknown): boolean | null | 'invalid' {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : 'invalid';
  if (typeof raw !== 'string') return 'invalid';
  return readYesNoWord(raw) ?? 'invalid';
}

function readSteps(reading: Reading, raw: RawResult | undefined): ResultValue {
  if (isBlank(raw)) return notReported();
  const { indicator, stepCount: m } = reading;
  let marks: unknown[];
  if (Array.isArray(raw)) {
    marks = raw;
  } else if (typeof raw === 'number' && reading.kind === 'milestone') {
    // A count of steps achieved, as some sheets keep it.
    if (!Number.isInteger(raw) || raw < 0 || raw > m) {
      return invalid([
        issue(
          'milestone-count',
          'error',
          {
            th: `ตัวชี้วัด ${indicator.id} มี ${m} ขั้นตอน กรอกจำนวนขั้นตอนที่สำเร็จได้ 0 ถึง ${m}`,
            en: `indicator ${indicator.id} has ${m} steps; enter a count of steps achieved from 0 to ${m}`,
          },
          { indicatorId: indicator.id },
        ),
      ]);
    }
    marks = Array.from({ length: m }, (_, i) => i < raw);
  } else {
    marks = [raw];
  }
  if (marks.length > m) {
    return invalid([
      issue(
        'milestone-too-many-steps',
        'error',
        {
          th: `ตัวชี้วัด ${indicator.id} มี ${m} ขั้นตอน แต่กรอกมา ${marks.length} ขั้น`,
          en: `indicator ${indicator.id} has ${m} steps but ${marks.length} were given`,
        },
        { indicatorId: indicator.id },
      ),
    ]);
  }
  // One loop over the marks, keeping no array of them: a central sheet reads a million rows, a live sheet thousands
  // per edit. `value` counts the achieved steps from the first; `later` is the first achieved step after that run.
  let bad = -1;
  let anyGiven = false;
  let value = 0;
  let inRun = true;
  let later = -1;
  for (let i = 0; i < marks.length; i++) {
    const step = readStep(marks[i]);
    if (step === 'invalid' && bad < 0) bad = i;
    if (step !== null) anyGiven = true;
    if (inRun && step === true) value++;
    else {
      inRun = false;
      if (step === true && later < 0) later = i;
    }
  }
  if (bad >= 0) {
    return invalid([
      issue(
        'step-not-yes-no',
        'error',
        {
          th: `ขั้นตอนที่ ${bad + 1} ของตัวชี้วัด ${indicator.id} ต้องเป็น 1 (สำเร็จ) หรือ 0 (ไม่สำเร็จ) ได้ "${String(marks[bad])}"`,
          en: `step ${bad + 1} of indicator ${indicator.id} must be 1 (achieved) or 0 (not achieved), got "${String(marks[bad])}"`,
        },
        { indicatorId: indicator.id, field: String(bad + 1) },
      ),
    ]);
  }
  if (!anyGiven) return notReported();
  if (later < 0) return { status: 'value', value, issues: NO_ISSUES };
  // The same gap gives the same words for this indicator: made once, frozen, and given to every row that has it
  // (a bulk sheet's milestone rows have gaps often, and two messages built per row were a tenth of scoring).
  const at = later * (m + 1) + value;
  const known = reading.gaps[at];
  if (known) return known;
  const gap: ResultValue = Object.freeze({
    status: 'value',
    value,
    issues: Object.freeze([
      Object.freeze(
        issue(
          'milestone-gap',
          'warning',
          Object.freeze({
            th: `ขั้นตอนที่ ${later + 1} สำเร็จแต่ขั้นตอนที่ ${value + 1} ยังไม่สำเร็จ คะแนนนับเฉพาะขั้นตอนที่สำเร็จต่อเนื่องจากขั้นแรก (${value} ขั้น)`,
            en: `step ${later + 1} is achieved but step ${value + 1} is not; only consecutive steps from the first count (${value})`,
          }),
          { indicatorId: indicator.id, field: String(value + 1) },
        ),
      ),
    ]),
  });
  reading.gaps[at] = gap;
  return gap;
}

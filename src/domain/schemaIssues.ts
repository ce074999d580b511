/**
 * Turns zod's findings into our issues: code `schema`, the JSON path, and a message in Thai and English. A value
 * of the wrong type is named with the value itself (`indicators[0].weight: expected a number, got the text "๑๐"`);
 * only a field that is really absent is "required". zod does not keep the input, so it is looked up in `document`.
 */
import type { z } from 'zod';
import { issue, type Issue } from './issues';
import { formatPath } from './jsonPath';
import { readNumber } from './thaiNumbers';

const typeNamesTh: Record<string, string> = {
  string: 'ข้อความ',
  number: 'ตัวเลข',
  boolean: 'true หรือ false',
  array: 'รายการ (array)',
  object: 'ออบเจกต์ (object)',
};

const typeNamesEn: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list (array)',
  object: 'an object',
};

const ABSENT = Symbol('absent');

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = document;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || !Object.prototype.hasOwnProperty.call(here, key)) return ABSENT;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** What a value is, said the way the message reads: the text "๑๐", the number 10, a list … */
function describe(value: unknown): { th: string; en: string } {
  const shown = JSON.stringify(value);
  const short = shown !== undefined && shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
  if (typeof value === 'string') return { th: `ข้อความ ${short}`, en: `the text ${short}` };
  if (typeof value === 'number') return { th: `ตัวเลข ${short}`, en: `the number ${short}` };
  if (typeof value === 'boolean') return { th: String(value), en: String(value) };
  if (value === null) return { th: 'null', en: 'null' };
  if (Array.isArray(value)) return { th: `รายการ ${short}`, en: `a list ${short}` };
  return { th: `ออบเจกต์ ${short}`, en: `an object ${short}` };
}

function wrongType(expected: string, value: unknown): { th: string; en: string } {
  const got = describe(value);
  // "๑๐" or "10" in quotes where a number belongs: say what to write instead.
  const asNumber = expected === 'number' && typeof value === 'string' ? readNumber(value) : undefined;
  const hint =
    asNumber?.kind === 'number' && !asNumber.percent
      ? { th: ` ให้เขียนเป็น ${asNumber.value} โดยไม่มีเครื่องหมายคำพูด`, en: `; write ${asNumber.value} without quotes` }
      : { th: '', en: '' };
  return {
    th: `ต้องเป็น${typeNamesTh[expected] ?? expected} แต่ได้${got.th}${hint.th}`,
    en: `expected ${typeNamesEn[expected] ?? expected}, got ${got.en}${hint.en}`,
  };
}

function messageFor(zi: z.core.$ZodIssue, value: unknown): { th: string; en: string } {
  switch (zi.code) {
    case 'invalid_type':
      if (value === ABSENT || value === undefined) return { th: 'ขาดข้อมูลที่จำเป็น', en: 'required' };
      return wrongType(zi.expected, value);
    case 'too_small':
      return {
        th: zi.origin === 'array' ? `ต้องมีอย่างน้อย ${String(zi.minimum)} รายการ` : `ต้องไม่น้อยกว่า ${String(zi.minimum)}`,
        en: withValue(zi.message, value),
      };
    case 'too_big':
      return {
        th: zi.origin === 'array' ? `ต้องมีไม่เกิน ${String(zi.maximum)} รายการ` : `ต้องไม่เกิน ${String(zi.maximum)}`,
        en: withValue(zi.message, value),
      };
    case 'invalid_value':
      return {
        th: `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${zi.values.map((v) => JSON.stringify(v)).join(', ')}${gotTh(value)}`,
        en: withValue(zi.message, value),
      };
    case 'invalid_union':
      return { th: `รูปแบบข้อมูลไม่ตรงกับที่รองรับ${gotTh(value)}`, en: withValue(zi.message, value) };
    case 'invalid_format':
      return { th: `รูปแบบไม่ถูกต้อง${gotTh(value)}`, en: withValue(zi.message, value) };
    default:
      return { th: `ข้อมูลไม่ถูกต้อง${gotTh(value)}`, en: withValue(zi.message, value) };
  }
}

function gotTh(value: unknown): string {
  return value === ABSENT || value === undefined ? '' : ` (ได้${describe(value).th})`;
}

function withValue(message: string, value: unknown): string {
  return value === ABSENT || value === undefined ? message : `${message} (got ${describe(value).en})`;
}

export function schemaIssues(error: z.ZodError, prefix: readonly PropertyKey[] = [], document?: unknown): Issue[] {
  return error.issues.map((zi) => {
    const path = formatPath([...prefix, ...zi.path]);
    const value = document === undefined ? ABSENT : valueAt(document, zi.path);
    // Without the document, zod's own words ("expected number, received string") are the best there is.
    const m =
      document === undefined && zi.code === 'invalid_type'
        ? { th: `ต้องเป็น${typeNamesTh[zi.expected] ?? zi.expected}`, en: zi.message }
        : messageFor(zi, value);
    return issue('schema', 'error', { th: `${path}: ${m.th}`, en: `${path}: ${m.en}` }, { path });
  });
}

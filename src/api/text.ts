/**
 * Text the database can keep, and how large and deep what a client sends may be. PostgreSQL refuses U+0000 in
 * text and in jsonb, and an unpaired UTF-16 surrogate cannot be encoded as UTF-8 (jsonb refuses its escape; a
 * text column would get U+FFFD instead, changing what the person typed). Such text is refused where it comes in,
 * with the JSON path of the field, so it never reaches the database and never sinks a whole batch as a 500.
 */
import { z } from 'zod';

/** Ids of assessments, units and indicators: the same limit in a document and in a path. */
export const MAX_ID_LENGTH = 100;
/** A result typed in a sheet ("๓,๐๕๐.๕๐", "85%", a step's label): generous for a number, not a place for prose. */
export const MAX_VALUE_TEXT_LENGTH = 100;
/** An explanation, obstacles, remarks, or an approver's comment: several pages of Thai, about 30 KB of UTF-8. */
export const MAX_NOTE_LENGTH = 10_000;
/** Steps in a list, or variables in an object, of one result. */
export const MAX_VALUE_ENTRIES = 100;
/** How deep a result nests: a number or text (1), a list of steps or an object of variables (2); one to spare. */
export const MAX_VALUE_DEPTH = 3;

export const UNSTORABLE_TEXT = {
  en: 'holds a character that cannot be stored (NUL, U+0000, or an unpaired surrogate); remove it',
  th: 'มีอักขระที่จัดเก็บไม่ได้ (NUL, U+0000 หรือ surrogate ที่ไม่ครบคู่) กรุณาลบอักขระนั้นออก',
} as const;

/** One message for schemas, whose messages are single strings: English, then Thai. */
export const UNSTORABLE_TEXT_MESSAGE = `${UNSTORABLE_TEXT.en} / ${UNSTORABLE_TEXT.th}`;

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** The text with what cannot be stored written as `\u0000` escapes: safe to quote in a message that is stored. */
export function printableText(s: string): string {
  return s.replace(new RegExp(UNSTORABLE.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string schema that refuses text the database cannot keep. */
export function storableString(): z.ZodString {
  return z.string().refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });
}

// Each entry links to its parent, so a path is built only for the string found, never copied per level.
type At = { readonly key: string; readonly parent: At } | undefined;

function pathOf(at: At): string[] {
  const keys: string[] = [];
  for (let a = at; a; a = a.parent) keys.push(a.key);
  return keys.reverse();
}

/** The JSON path (as segments) of the first string, or object key, that cannot be stored; undefined if none. Iterative. */
export function findUnstorableText(value: unknown): string[] | undefined {
  // A note or a plain result, as nearly every row's: no stack to walk.
  if (typeof value === 'string') return isStorableText(value) ? undefined : [];
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: [unknown, At][] = [[value, undefined]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return pathOf(at);
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        if (!Array.isArray(v) && !isStorableText(k)) return pathOf({ key: k, parent: at });
        stack.push([child, { key: k, parent: at }]);
      }
    }
  }
  return undefined;
}

/** Whether a JSON value nests at most `max` levels (a scalar is 1). Iterative, so any depth is safe to ask about. */
export function nestsAtMost(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const children = Object.values(v);
    // A container is one level above what it holds: [1, 2] nests 2.
    if (children.length > 0 && depth >= max) return false;
    for (const c of children) stack.push([c, depth + 1]);
  }
  return true;
}

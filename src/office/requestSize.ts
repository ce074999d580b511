/**
 * How big a request to Excel is, before it is sent. Excel on the web refuses a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded); we keep each one below 4 MB. The estimate is the UTF-8 size of the JSON
 * Office.js sends (JSON.stringify leaves Thai unescaped: 3 bytes a character), plus a margin per action.
 */

/** The most one request may carry. */
export const REQUEST_BUDGET = 4_000_000;
/** Below the budget, for the envelope Office.js wraps around each action and for estimates being estimates. */
export const BATCH_BUDGET = 3_900_000;
/** Writes are cut into pieces no bigger than this, so pieces pack well into batches. */
export const PIECE_BUDGET = 256_000;
/** What one queued action (a property set or method call) costs besides its data. */
export const ACTION_OVERHEAD = 160;

/** UTF-8 bytes of `value` as JSON. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? 'null';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes in all: 2 + 2 here.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3;
  }
  return n;
}

/**
 * Per-cell response estimates for reads, by what is loaded: input values are short numbers, ids and blanks
 * ("57.43", "" …), a number format is mostly "General"; formulas are long, so reads avoid them.
 */
export const READ_BYTES_PER_CELL = { values: 16, numberFormat: 10, formulas: 400 } as const;

/**
 * The binding record's packed values (the assessment document, the server link) decoded once per distinct text.
 * The live sheet reads the record beside the sheet after every edit, and actions read it again: inflating and
 * parsing a 20,000-indicator document is 100 ms and more each time, for text that almost never changes.
 *
 * Keyed by the packed text itself, so it is exact: a record rewritten with other content is other text and is
 * decoded afresh; the same text always gives the same value, and the same object, which lets readers of that value
 * cache what they derive from it by identity (src/taskpane/model/recordAssessment.ts). The values are shared:
 * readers must not change them (none do; records are written whole from new values).
 *
 * One entry per key (the last text seen): a pane works on one bound sheet at a time.
 */

const last = new Map<string, { readonly text: string; readonly value: unknown }>();
let decodes = 0;

/** `decode(text)`, or the value it gave last time for this key when the text is the same. */
export function decodeOnce(key: string, text: string, decode: (text: string) => unknown): unknown {
  const was = last.get(key);
  if (was && was.text === text) return was.value;
  const value = decode(text);
  decodes++;
  last.set(key, { text, value });
  return value;
}

/**
 * What a writer knows `text` decodes to (it wrote `value`'s JSON packed, and `value` is its own JSON round trip):
 * reading that text back under `key` gives `value` without decoding.
 */
export function rememberDecoded(key: string, text: string, value: unknown): void {
  last.set(key, { text, value });
}

/** How many times a value was actually decoded (tests prove the cache with it). */
export function decodeCount(): number {
  return decodes;
}

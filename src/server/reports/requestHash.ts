/**
 * What an Idempotency-Key is bound to: a hash of the batch in a canonical form, so a retry of the same batch
 * matches however the client happens to serialise it — object keys in any order, and an optional note left out
 * or sent as null (`"explanation": null` added by a retry). The form is written without recursion, so no value
 * can overflow the stack here, whatever its depth (the schema bounds it as well).
 */
import { createHash } from 'node:crypto';
import type { BatchBody } from '../../api';

export interface HashedBatch {
  readonly aid: string;
  readonly round: number;
  readonly unit: string;
  readonly body: BatchBody;
}

export function requestHash(r: HashedBatch): string {
  // The canonical JSON of [aid, round, unit, { action, rows }] with each row's six keys in sorted order, written
  // row by row into the hash: the same text canonicalJson gives (requestHash.test.ts), without sorting the keys of
  // 10,000 rows one object at a time or holding the whole text.
  const hash = createHash('sha256');
  hash.update(
    `[${JSON.stringify(r.aid)},${JSON.stringify(r.round)},${JSON.stringify(r.unit)},{"action":${JSON.stringify(r.body.action)},"rows":[`,
  );
  // Rows are fed to the hash a few hundred at a time, not one native call per row.
  let text = '';
  r.body.rows.forEach((row, i) => {
    if (i % 256 === 0 && text !== '') {
      hash.update(text);
      text = '';
    }
    text +=
      `${i > 0 ? ',' : ''}{"baseVersion":${JSON.stringify(row.baseVersion)},"explanation":${JSON.stringify(row.explanation ?? null)},` +
      `"indicatorId":${JSON.stringify(row.indicatorId)},"obstacles":${JSON.stringify(row.obstacles ?? null)},` +
      `"remarks":${JSON.stringify(row.remarks ?? null)},"value":${canonicalJson(row.value ?? null)}}`;
  });
  hash.update(`${text}]}]`);
  return hash.digest('hex');
}

/** The canonical form as first written, kept as the definition the hash above must equal. */
export function requestHashByDefinition(r: HashedBatch): string {
  const rows = r.body.rows.map((row) => ({
    indicatorId: row.indicatorId,
    value: row.value ?? null,
    explanation: row.explanation ?? null,
    obstacles: row.obstacles ?? null,
    remarks: row.remarks ?? null,
    baseVersion: row.baseVersion,
  }));
  return sha256(canonicalJson([r.aid, r.round, r.unit, { action: r.body.action, rows }]));
}

/** The hash keys were stored under before the canonical form; a retry across an upgrade still matches it. */
export function legacyRequestHash(r: HashedBatch): string {
  return sha256(JSON.stringify([r.aid, r.round, r.unit, r.body]));
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Punctuation to write as it is, told apart from values on the work stack. */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON with object keys sorted and undefined members left out, built with a stack instead of recursion. */
export function canonicalJson(value: unknown): string {
  // A number or text, as nearly every row's value: nothing to sort.
  if (typeof value !== 'object' || value === null) return JSON.stringify(value ?? null);
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof Raw) {
      out.push(item.text);
    } else if (Array.isArray(item)) {
      stack.push(new Raw(']'));
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push(item[i] === undefined ? null : item[i]);
        if (i > 0) stack.push(new Raw(','));
      }
      stack.push(new Raw('['));
    } else if (typeof item === 'object' && item !== null) {
      const entries = Object.entries(item)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      stack.push(new Raw('}'));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]!;
        stack.push(v);
        stack.push(new Raw(`${JSON.stringify(k)}:`));
        if (i > 0) stack.push(new Raw(','));
      }
      stack.push(new Raw('{'));
    } else {
      out.push(JSON.stringify(item ?? null));
    }
  }
  return out.join('');
}

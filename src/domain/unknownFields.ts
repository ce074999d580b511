/**
 * Fields a document's schema does not know (`directon`, `notreported`, `Floor`): zod drops them silently, so
 * they are found here, by walking the document beside its schema, and reported as warnings with their JSON path
 * and, when one is close (edit distance, any case), the field meant. The walk reads the fields from the zod
 * schema itself, so a field added to the schema is known here at once.
 */
import type { z } from 'zod';
import { issue, type Issue } from './issues';
import { formatPath } from './jsonPath';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly getter?: () => z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const lazyInner = (schema: z.ZodType): z.ZodType | undefined => (schema as unknown as { _zod: { innerType?: z.ZodType } })._zod.innerType;

/** The schema under wrappers (optional, nullable, default, transform, lazy), as it checks `value`. */
function unwrap(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  for (let i = 0; i < 20; i++) {
    const def = defOf(schema);
    if (def.innerType) schema = def.innerType;
    else if (def.type === 'pipe' && def.in) schema = def.in;
    // A lazy schema's own cached inner type: calling `getter` would build the whole schema anew at every level.
    else if (def.type === 'lazy' && def.getter) schema = lazyInner(schema) ?? def.getter();
    else if (def.type === 'union' && def.options) {
      // The member of the union that fits the value's kind; objects are the only ones that have fields.
      const fit = def.options.find((o) => kindFits(unwrap(o, value), value));
      if (!fit) return undefined;
      schema = fit;
    } else return schema;
  }
  return undefined;
}

function kindFits(schema: z.ZodType | undefined, value: unknown): boolean {
  if (!schema) return false;
  const type = defOf(schema).type;
  if (Array.isArray(value)) return type === 'array';
  if (typeof value === 'object' && value !== null) return type === 'object' || type === 'record';
  return type !== 'object' && type !== 'array' && type !== 'record';
}

export function unknownFields(schema: z.ZodType, document: unknown): Issue[] {
  const issues: Issue[] = [];
  const walk = (s: z.ZodType, value: unknown, path: PropertyKey[]): void => {
    const inner = unwrap(s, value);
    if (!inner || typeof value !== 'object' || value === null) return;
    const def = defOf(inner);
    if (def.type === 'array' && def.element && Array.isArray(value)) {
      value.forEach((v, i) => walk(def.element as z.ZodType, v, [...path, i]));
    } else if (def.type === 'record' && def.valueType && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(def.valueType, v, [...path, k]);
    } else if (def.type === 'object' && def.shape && !Array.isArray(value)) {
      const known = Object.keys(def.shape);
      for (const [k, v] of Object.entries(value)) {
        const field = def.shape[k];
        if (field) walk(field, v, [...path, k]);
        else issues.push(unknownField([...path, k], k, closest(k, known)));
      }
    }
  };
  walk(schema, document, []);
  return issues;
}

function unknownField(path: PropertyKey[], key: string, meant: string | undefined): Issue {
  const where = formatPath(path);
  return issue(
    'unknown-field',
    'warning',
    {
      th: `${where}: ไม่รู้จักฟิลด์ "${key}" จึงไม่ถูกใช้${meant ? ` หมายถึง "${meant}" หรือไม่` : ''}`,
      en: `${where}: unknown field "${key}", ignored${meant ? `; did you mean "${meant}"?` : ''}`,
    },
    { path: where },
  );
}

/** The known field nearest to `key` (case-insensitive Damerau–Levenshtein), when it is close enough to be a slip. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const a = key.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = editDistance(a, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  const allowed = a.length <= 3 ? 1 : a.length <= 6 ? 2 : 3;
  return best && best.d <= allowed ? best.name : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

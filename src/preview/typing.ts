/**
 * What typing into a preview cell stores. Excel guesses: "85%" becomes 0.85 with a percent format, "3,050" the
 * number 3050, a date-like text a date serial. The preview does not guess: a cell holds a number only when what
 * was typed is a plain number (digits, one point, a sign, an exponent), a boolean for TRUE/FALSE, a formula after
 * "=", and otherwise exactly the text typed. Keeping the raw text means the sheet reader and the domain see what
 * the user typed ("๓,๐๕๐", "85%", "abc") and say what to do about it, instead of a silently converted number.
 */
export type Typed =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'text'; readonly value: string };

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function interpretTyped(typed: string): Typed {
  if (typed.trim() === '') return { kind: 'blank' };
  if (typed.startsWith('=') && typed.length > 1) return { kind: 'formula', formula: typed.slice(1) };
  const trimmed = typed.trim();
  if (PLAIN_NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return { kind: 'number', value };
  }
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
  // Excel's own "typed as text" mark: the apostrophe is not part of the value.
  return { kind: 'text', value: typed.startsWith("'") ? typed.slice(1) : typed };
}

/**
 * Targets derived from a baseline (scoring.md §5, seed 000 OTOP): a target may be written as an expression over
 * the indicator's named `inputs`, its other targets `T1`…`TN`, numbers, `+ - * /`, parentheses and
 * `ROUND(x, digits)`. This module parses one expression into a small tree and evaluates the targets of one
 * indicator in dependency order. The workbook layer turns the same tree into an Excel formula, so the sheet shows
 * the derivation and computes what the domain computes.
 *
 *   expression := term (("+" | "-") term)*
 *   term       := factor (("*" | "/") factor)*
 *   factor     := ("+" | "-") factor | number | name | "(" expression ")" | ROUND "(" expression "," expression ")"
 *
 * Positions are 1-based characters into the text, as a person counts them in the JSON string.
 */
import type { Message } from './issues';

export type ExpressionNode =
  | { readonly kind: 'number'; readonly value: number; readonly position: number }
  | { readonly kind: 'input'; readonly name: string; readonly position: number }
  /** Tk: the indicator's k-th target (1-based). */
  | { readonly kind: 'target'; readonly level: number; readonly position: number }
  | { readonly kind: 'negate'; readonly operand: ExpressionNode; readonly position: number }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
      readonly position: number;
    }
  | { readonly kind: 'round'; readonly value: ExpressionNode; readonly digits: ExpressionNode; readonly position: number };

export interface ExpressionError {
  readonly position: number;
  readonly message: Message;
}

export type ParseResult = { readonly ok: true; readonly node: ExpressionNode } | { readonly ok: false; readonly error: ExpressionError };

/** An input name: a letter or `_`, then letters, marks (Thai vowels and tones), digits or `_`. */
const NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_]*/u;
const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const TARGET = /^[Tt](\d+)$/;

/** A name an input may not take: it would read as a target or the function. */
export function isReservedName(name: string): boolean {
  return TARGET.test(name) || name.toUpperCase() === 'ROUND';
}

interface Token {
  readonly type: 'number' | 'name' | 'op' | 'end';
  readonly text: string;
  readonly position: number;
}

class ParseFailure extends Error {
  constructor(readonly detail: ExpressionError) {
    super(detail.message.en);
  }
}

function fail(position: number, th: string, en: string): never {
  throw new ParseFailure({ position, message: { th, en } });
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: 'number', text: number[0], position: i + 1 });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ type: 'name', text: name[0], position: i + 1 });
      i += name[0].length;
      continue;
    }
    if ('+-*/(),'.includes(ch)) {
      tokens.push({ type: 'op', text: ch, position: i + 1 });
      i++;
      continue;
    }
    fail(i + 1, `อักขระ "${ch}" ใช้ในสูตรค่าเป้าหมายไม่ได้`, `"${ch}" cannot be used in a target expression`);
  }
  tokens.push({ type: 'end', text: '', position: text.length + 1 });
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): ExpressionNode {
    const node = this.expression();
    const next = this.peek();
    if (next.type !== 'end') fail(next.position, `ไม่คาดว่าจะพบ "${next.text}" ตรงนี้`, `unexpected "${next.text}"`);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private take(): Token {
    return this.tokens[this.index++] as Token;
  }

  private expect(text: string): void {
    const t = this.take();
    if (t.type !== 'op' || t.text !== text) {
      fail(
        t.position,
        `ต้องมี "${text}" ตรงนี้${t.type === 'end' ? ' (สูตรจบก่อน)' : ` แต่พบ "${t.text}"`}`,
        `expected "${text}"${t.type === 'end' ? ' before the end' : `, found "${t.text}"`}`,
      );
    }
  }

  private expression(): ExpressionNode {
    let left = this.term();
    for (let t = this.peek(); t.type === 'op' && (t.text === '+' || t.text === '-'); t = this.peek()) {
      this.take();
      left = { kind: 'binary', op: t.text, left, right: this.term(), position: t.position };
    }
    return left;
  }

  private term(): ExpressionNode {
    let left = this.factor();
    for (let t = this.peek(); t.type === 'op' && (t.text === '*' || t.text === '/'); t = this.peek()) {
      this.take();
      left = { kind: 'binary', op: t.text, left, right: this.factor(), position: t.position };
    }
    return left;
  }

  private factor(): ExpressionNode {
    const t = this.take();
    if (t.type === 'op' && (t.text === '-' || t.text === '+')) {
      const operand = this.factor();
      return t.text === '-' ? { kind: 'negate', operand, position: t.position } : operand;
    }
    if (t.type === 'number') return { kind: 'number', value: Number(t.text), position: t.position };
    if (t.type === 'op' && t.text === '(') {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (t.type === 'name') {
      if (t.text.toUpperCase() === 'ROUND') {
        this.expect('(');
        const value = this.expression();
        this.expect(',');
        const digits = this.expression();
        this.expect(')');
        return { kind: 'round', value, digits, position: t.position };
      }
      const target = TARGET.exec(t.text);
      if (target) return { kind: 'target', level: Number(target[1]), position: t.position };
      return { kind: 'input', name: t.text, position: t.position };
    }
    if (t.type === 'end')
      fail(t.position, 'สูตรจบก่อนครบ ต้องมีตัวเลข ชื่อข้อมูล หรือวงเล็บต่อ', 'the expression ends too early: a number, a name or "(" must follow');
    return fail(t.position, `ไม่คาดว่าจะพบ "${t.text}" ตรงนี้`, `unexpected "${t.text}"`);
  }
}

export function parseTargetExpression(text: string): ParseResult {
  try {
    return { ok: true, node: new Parser(tokenize(text)).parse() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.detail };
    throw e;
  }
}

/**
 * Excel's ROUND: half away from zero on the decimal value, which Excel takes to 15 significant digits first, so
 * ROUND(2.675, 2) is 2.68 although the double nearest 2.675 lies just below it. Digits may be negative (tens,
 * hundreds) and must be whole.
 */
export function roundAsExcel(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  const [mantissa, exponent] = Math.abs(x).toExponential(14).split('e') as [string, string];
  const m = BigInt(mantissa.replace('.', ''));
  // |x| = m × 10^(e − 14); keep `digits` decimals: m × 10^shift units of 10^−digits.
  const shift = Number(exponent) - 14 + digits;
  if (shift >= 0) return sign * Number(`${m}e${Number(exponent) - 14}`);
  const divisor = 10n ** BigInt(-shift);
  let q = m / divisor;
  if ((m % divisor) * 2n >= divisor) q += 1n;
  return sign * Number(`${q}e${-digits}`);
}

/** Every name and target the expression refers to, with where. */
export function references(node: ExpressionNode): {
  inputs: { name: string; position: number }[];
  targets: { level: number; position: number }[];
} {
  const inputs: { name: string; position: number }[] = [];
  const targets: { level: number; position: number }[] = [];
  const visit = (n: ExpressionNode): void => {
    switch (n.kind) {
      case 'input':
        inputs.push({ name: n.name, position: n.position });
        break;
      case 'target':
        targets.push({ level: n.level, position: n.position });
        break;
      case 'negate':
        visit(n.operand);
        break;
      case 'binary':
        visit(n.left);
        visit(n.right);
        break;
      case 'round':
        visit(n.value);
        visit(n.digits);
        break;
      case 'number':
        break;
    }
  };
  visit(node);
  return { inputs, targets };
}

export interface Environment {
  readonly inputs: Readonly<Record<string, number>>;
  /** T1..TN already evaluated (index 0 is T1); undefined where not yet known. */
  readonly targets: readonly (number | undefined)[];
}

/** Evaluates a checked expression (names known, no cycle); a division by zero or an unusable ROUND is an error. */
export function evaluateExpression(
  node: ExpressionNode,
  env: Environment,
): { ok: true; value: number } | { ok: false; error: ExpressionError } {
  try {
    return { ok: true, value: evaluate(node, env) };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.detail };
    throw e;
  }
}

function evaluate(node: ExpressionNode, env: Environment): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'input': {
      const v = env.inputs[node.name];
      if (v === undefined) fail(node.position, `ไม่มีข้อมูลชื่อ "${node.name}"`, `no input named "${node.name}"`);
      return v;
    }
    case 'target': {
      const v = env.targets[node.level - 1];
      if (v === undefined) fail(node.position, `ไม่มีค่าเป้าหมาย T${node.level}`, `there is no target T${node.level}`);
      return v;
    }
    case 'negate':
      return -evaluate(node.operand, env);
    case 'binary': {
      const a = evaluate(node.left, env);
      const b = evaluate(node.right, env);
      if (node.op === '/' && b === 0) fail(node.position, 'หารด้วยศูนย์', 'division by zero');
      const v = node.op === '+' ? a + b : node.op === '-' ? a - b : node.op === '*' ? a * b : a / b;
      if (!Number.isFinite(v)) fail(node.position, 'ผลลัพธ์ใหญ่เกินกว่าจะเป็นค่าเป้าหมาย', 'the result is too large to be a target');
      return v;
    }
    case 'round': {
      const digits = evaluate(node.digits, env);
      if (!Number.isInteger(digits) || Math.abs(digits) > 15) {
        fail(
          node.position,
          `จำนวนตำแหน่งทศนิยมของ ROUND ต้องเป็นจำนวนเต็ม -15 ถึง 15 (ได้ ${digits})`,
          `ROUND's digits must be a whole number from -15 to 15 (got ${digits})`,
        );
      }
      return roundAsExcel(evaluate(node.value, env), digits);
    }
  }
}

/** One indicator's targets as written: numbers, or expressions in strings. */
export interface DerivedTargetsInput {
  readonly targets: readonly (number | string)[];
  readonly inputs: Readonly<Record<string, number>>;
}

export interface TargetFinding {
  /** 0-based index into targets. */
  readonly index: number;
  readonly position: number;
  readonly code: 'target-expression-syntax' | 'target-expression-unknown-name' | 'target-expression-cycle' | 'target-expression-value';
  readonly message: Message;
}

export type DerivedTargets =
  | { readonly ok: true; readonly values: readonly number[]; readonly expressions: readonly (ExpressionNode | null)[] }
  | { readonly ok: false; readonly findings: readonly TargetFinding[] };

/**
 * Parses every target, checks names, orders them by their T references (a cycle is an error at the reference that
 * closes it) and evaluates them. A plain number, or a string that is only a number, is not a derivation.
 */
export function deriveTargets({ targets, inputs }: DerivedTargetsInput): DerivedTargets {
  const findings: TargetFinding[] = [];
  const nodes: (ExpressionNode | null)[] = targets.map((t, index) => {
    if (typeof t === 'number') return null;
    const parsed = parseTargetExpression(t);
    if (!parsed.ok) {
      findings.push({ index, position: parsed.error.position, code: 'target-expression-syntax', message: parsed.error.message });
      return null;
    }
    return parsed.node;
  });
  const known = Object.keys(inputs);
  nodes.forEach((node, index) => {
    if (!node) return;
    const refs = references(node);
    for (const r of refs.inputs) {
      if (!(r.name in inputs)) {
        findings.push({
          index,
          position: r.position,
          code: 'target-expression-unknown-name',
          message: {
            th: `ไม่รู้จักชื่อ "${r.name}" (ข้อมูลที่มี: ${known.join(', ') || 'ไม่มี inputs'})`,
            en: `unknown name "${r.name}" (inputs: ${known.join(', ') || 'none'})`,
          },
        });
      }
    }
    for (const r of refs.targets) {
      if (r.level < 1 || r.level > targets.length) {
        findings.push({
          index,
          position: r.position,
          code: 'target-expression-unknown-name',
          message: {
            th: `ไม่มีค่าเป้าหมาย T${r.level} (มี T1 ถึง T${targets.length})`,
            en: `there is no target T${r.level} (T1 to T${targets.length})`,
          },
        });
      }
    }
  });
  if (findings.length > 0) return { ok: false, findings };

  const values: (number | undefined)[] = targets.map(() => undefined);
  const state: ('new' | 'visiting' | 'done')[] = targets.map(() => 'new');
  const visit = (index: number): void => {
    state[index] = 'visiting';
    const node = nodes[index];
    const raw = targets[index];
    if (!node) {
      values[index] = typeof raw === 'number' ? raw : undefined;
    } else {
      for (const r of references(node).targets) {
        const dep = r.level - 1;
        if (state[dep] === 'visiting') {
          findings.push({
            index,
            position: r.position,
            code: 'target-expression-cycle',
            message: {
              th: `T${r.level} อ้างถึงค่าเป้าหมายที่วนกลับมาหาตัวเอง (T${index + 1})`,
              en: `T${r.level} leads back to this target (T${index + 1}): a cycle`,
            },
          });
          state[index] = 'done';
          return;
        }
        if (state[dep] === 'new') visit(dep);
      }
      if (values.every((v, k) => v !== undefined || !references(node).targets.some((r) => r.level - 1 === k))) {
        const result = evaluateExpression(node, { inputs, targets: values });
        if (result.ok) values[index] = result.value;
        else findings.push({ index, position: result.error.position, code: 'target-expression-value', message: result.error.message });
      }
    }
    state[index] = 'done';
  };
  targets.forEach((_, index) => {
    if (state[index] === 'new') visit(index);
  });
  if (findings.length > 0) return { ok: false, findings };
  return { ok: true, values: values as number[], expressions: nodes };
}

/**
 * The cells of a definitions row that hold more than one value, written and read as one rule each: a ratio
 * variable ("name / หน่วย: โรง / ข้อมูลส่วนกลาง" on lines), the steps (one per line), the target inputs
 * ("baseline = 2874.79; growth = 0.0997"), and a parent's weight with its sub-indicators' ("๕ (๒.๕) (๒.๕)").
 */
import { toArabicDigits, type Message } from '../../domain';

export interface VariableText {
  id: string;
  name: string;
  unit?: string;
  central?: boolean;
}

const UNIT = /^(?:หน่วย|หน่วยนับ|unit)\s*[:：]\s*(.*)$/i;
const ID = /^(?:รหัส|id)\s*[:：]\s*(.*)$/i;
const CENTRAL = /^(?:ข้อมูลส่วนกลาง|central)(?:\s*[:：]\s*(.*))?$/i;
const NO = /^(?:ไม่ใช่|ไม่|no|false|0)$/i;

/** Lines: the name (one or more lines), then any of "หน่วย: …", "รหัส: …" (only when not num / den), "ข้อมูลส่วนกลาง". */
export function variableText(v: VariableText, defaultId: string, locale: 'th' | 'en'): string {
  const th = locale === 'th';
  const lines = [v.name];
  if (v.unit !== undefined) lines.push(`${th ? 'หน่วย' : 'unit'}: ${v.unit}`);
  if (v.id !== defaultId) lines.push(`${th ? 'รหัส' : 'id'}: ${v.id}`);
  if (v.central === true) lines.push(th ? 'ข้อมูลส่วนกลาง' : 'central');
  if (v.central === false) lines.push(th ? 'ข้อมูลส่วนกลาง: ไม่ใช่' : 'central: no');
  return lines.join('\n');
}

export function readVariableText(text: string, defaultId: string): VariableText {
  const name: string[] = [];
  const out: VariableText = { id: defaultId, name: '' };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const unit = UNIT.exec(line);
    const id = ID.exec(line);
    const central = CENTRAL.exec(line);
    if (unit) out.unit = (unit[1] ?? '').trim();
    else if (id) out.id = (id[1] ?? '').trim() || defaultId;
    else if (central) out.central = !NO.test((central[1] ?? '').trim());
    else name.push(line);
  }
  out.name = name.join('\n');
  return out;
}

const NUMBERED = /^([0-9\u0E50-\u0E59]+)\s*[.)]\s+/;

/** Steps numbered 1., 2., … in order (in either digits): a person's numbering, not part of the steps. */
function numberedInOrder(lines: readonly string[]): boolean {
  return (
    lines.length > 0 &&
    lines.every((l, i) => {
      const m = NUMBERED.exec(l);
      return m !== null && Number(toArabicDigits(m[1] ?? '')) === i + 1;
    })
  );
}

export function stepsText(steps: readonly string[]): string {
  // Steps that themselves begin "1. …", "2. …" keep it: the reader takes off one numbering.
  return (numberedInOrder(steps) ? steps.map((s, i) => `${i + 1}. ${s}`) : steps).join('\n');
}

export function readStepsText(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return numberedInOrder(lines) ? lines.map((l) => l.replace(NUMBERED, '')) : lines;
}

export function inputsText(inputs: Readonly<Record<string, number>>): string {
  return Object.entries(inputs)
    .map(([name, value]) => `${name} = ${value}`)
    .join('; ');
}

export type InputsRead = { readonly ok: true; readonly value: Record<string, number> } | { readonly ok: false; readonly message: Message };

export function readInputsText(text: string): InputsRead {
  const value: Record<string, number> = {};
  for (const part of text.split(/[;\n]/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^([^=:]+?)\s*[=:]\s*(.+)$/.exec(p);
    const n = m ? Number(toArabicDigits(m[2] ?? '').replace(/[,\s]/g, '')) : NaN;
    if (!m || !Number.isFinite(n)) {
      return {
        ok: false,
        message: {
          th: `"${p}" ไม่ใช่ข้อมูลฐานแบบ ชื่อ = ตัวเลข เช่น baseline = 2874.79; growth = 0.0997`,
          en: `"${p}" is not an input as name = number, e.g. baseline = 2874.79; growth = 0.0997`,
        },
      };
    }
    value[(m[1] ?? '').trim()] = n;
  }
  return { ok: true, value };
}

/** "๕ (๒.๕) (๒.๕)" → 5 with [2.5, 2.5]; "10" → 10 with none; undefined when it is not that form. */
export function readWeightList(text: string): { weight: number; children: number[] } | undefined {
  const t = toArabicDigits(text)
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
  const m = /^([0-9]+(?:\.[0-9]+)?)((?:\s*\(\s*[0-9]+(?:\.[0-9]+)?\s*\))+)$/.exec(t);
  if (!m) return undefined;
  const children = [...(m[2] ?? '').matchAll(/\(\s*([0-9.]+)\s*\)/g)].map((x) => Number(x[1]));
  return { weight: Number(m[1]), children };
}

/**
 * What a new version of an assessment changes against the one in use: indicators added, removed, renamed, weighed
 * or targeted anew, of another kind, due in other rounds or otherwise redefined; policies, the scale, the reporting
 * rounds and the units. Compared on the model `readAssessment` made (defaults resolved), so a document that only
 * writes a default out, or orders its keys otherwise, changes nothing. Indicators are matched by `indicatorKey`
 * ("๕" and "5" are one indicator). Pure.
 */
import { allIndicators, isGroup, type Assessment, type Indicator } from './assessment';
import { indicatorKey } from './indicatorIds';
import type { Message } from './issues';

/** What changed in one indicator besides its name, weight, targets, kind and rounds. */
export type IndicatorField =
  | 'unit'
  | 'direction'
  | 'steps'
  | 'variables'
  | 'multiplier'
  | 'component'
  | 'group'
  | 'parent'
  | 'centralResult'
  | 'owner'
  | 'description'
  /** The figures targets are derived from, or how they are written, with the same target values. */
  | 'inputs';

export type AssessmentChange =
  | { readonly kind: 'indicator-added'; readonly id: string; readonly name: string }
  | { readonly kind: 'indicator-removed'; readonly id: string; readonly name: string }
  | { readonly kind: 'indicator-renamed'; readonly id: string; readonly from: string; readonly to: string }
  | { readonly kind: 'weight-changed'; readonly id: string; readonly name: string; readonly from: number; readonly to: number }
  | {
      readonly kind: 'targets-changed';
      readonly id: string;
      readonly name: string;
      readonly from: readonly number[];
      readonly to: readonly number[];
    }
  | { readonly kind: 'kind-changed'; readonly id: string; readonly name: string; readonly from: string; readonly to: string }
  | {
      readonly kind: 'indicator-rounds-changed';
      readonly id: string;
      readonly name: string;
      /** null: every round. */
      readonly from: readonly number[] | null;
      readonly to: readonly number[] | null;
    }
  | { readonly kind: 'indicator-changed'; readonly id: string; readonly name: string; readonly fields: readonly IndicatorField[] }
  | { readonly kind: 'policies-changed'; readonly fields: readonly { name: string; from: unknown; to: unknown }[] }
  | { readonly kind: 'scale-changed'; readonly from: string; readonly to: string }
  | { readonly kind: 'round-added' | 'round-removed' | 'round-window-changed'; readonly round: number }
  | { readonly kind: 'unit-added' | 'unit-removed'; readonly id: string; readonly name: string }
  | { readonly kind: 'components-changed' }
  | { readonly kind: 'title-changed'; readonly from: string; readonly to: string };

export interface AssessmentDiff {
  readonly changes: readonly AssessmentChange[];
  /** "3 indicators changed targets, 1 added" / "ตัวชี้วัด 3 ตัวเปลี่ยนค่าเป้าหมาย เพิ่ม 1 ตัว"; "no changes" when none. */
  readonly summary: Message;
  /** Indicator ids (the old spelling) whose rows the new version no longer has. */
  readonly removed: readonly string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What a leaf's targets are: the values at the levels and the level below the first. */
function targetsOf(i: Indicator): unknown {
  return isGroup(i) ? null : [i.targets, i.floorTarget ?? null];
}

function otherFields(a: Indicator, b: Indicator): IndicatorField[] {
  const fields: IndicatorField[] = [];
  const check = (field: IndicatorField, x: unknown, y: unknown): void => {
    if (!same(x, y)) fields.push(field);
  };
  check('unit', a.unit, b.unit);
  check('component', a.component, b.component);
  check('group', a.group, b.group);
  check('parent', a.parentId === null ? null : indicatorKey(a.parentId), b.parentId === null ? null : indicatorKey(b.parentId));
  check('centralResult', a.centralResult ?? false, b.centralResult ?? false);
  check('owner', a.owner, b.owner);
  check('description', a.description, b.description);
  // A change of kind already says the steps, variables and direction are another kind's.
  if (!isGroup(a) && !isGroup(b) && a.kind === b.kind) {
    check('direction', a.direction, b.direction);
    check('steps', a.steps, b.steps);
    check('variables', a.variables, b.variables);
    check('multiplier', a.multiplier, b.multiplier);
    // Derived anew (other inputs, or numbers written as expressions) but to the same values: said, not as targets.
    if (same(targetsOf(a), targetsOf(b))) check('inputs', [a.inputs, a.targetExpressions], [b.inputs, b.targetExpressions]);
  }
  return fields;
}

export function diffAssessments(before: Assessment, after: Assessment): AssessmentDiff {
  const changes: AssessmentChange[] = [];
  const old = new Map(allIndicators(before).map((i) => [indicatorKey(i.id), i]));
  const now = new Map(allIndicators(after).map((i) => [indicatorKey(i.id), i]));
  const removed: string[] = [];
  for (const [key, a] of old) {
    const b = now.get(key);
    if (!b) {
      changes.push({ kind: 'indicator-removed', id: a.id, name: a.name });
      removed.push(a.id);
      continue;
    }
    if (a.name !== b.name || (a.nameEn ?? '') !== (b.nameEn ?? ''))
      changes.push({ kind: 'indicator-renamed', id: b.id, from: a.name, to: b.name });
    if (a.weight !== b.weight) changes.push({ kind: 'weight-changed', id: b.id, name: b.name, from: a.weight, to: b.weight });
    if (a.kind !== b.kind) changes.push({ kind: 'kind-changed', id: b.id, name: b.name, from: a.kind, to: b.kind });
    else if (!isGroup(a) && !isGroup(b) && !same(targetsOf(a), targetsOf(b)))
      changes.push({ kind: 'targets-changed', id: b.id, name: b.name, from: a.targets, to: b.targets });
    if (!same(a.rounds, b.rounds))
      changes.push({ kind: 'indicator-rounds-changed', id: b.id, name: b.name, from: a.rounds ?? null, to: b.rounds ?? null });
    const fields = otherFields(a, b);
    if (fields.length > 0) changes.push({ kind: 'indicator-changed', id: b.id, name: b.name, fields });
  }
  for (const [key, b] of now) if (!old.has(key)) changes.push({ kind: 'indicator-added', id: b.id, name: b.name });

  const policyFields = (Object.keys({ ...before.policies, ...after.policies }) as (keyof typeof before.policies)[])
    .filter((k) => !same(before.policies[k], after.policies[k]))
    .map((k) => ({ name: k, from: before.policies[k], to: after.policies[k] }));
  if (policyFields.length > 0) changes.push({ kind: 'policies-changed', fields: policyFields });
  if (!same(before.scale, after.scale)) changes.push({ kind: 'scale-changed', from: before.scale.id, to: after.scale.id });
  if (!same(before.components, after.components)) changes.push({ kind: 'components-changed' });
  if (before.title !== after.title) changes.push({ kind: 'title-changed', from: before.title, to: after.title });

  const roundsBefore = new Map(before.rounds.map((r) => [r.round, r]));
  const roundsAfter = new Map(after.rounds.map((r) => [r.round, r]));
  for (const [n, r] of roundsBefore) {
    const next = roundsAfter.get(n);
    if (!next) changes.push({ kind: 'round-removed', round: n });
    else if (!same(r, next)) changes.push({ kind: 'round-window-changed', round: n });
  }
  for (const n of roundsAfter.keys()) if (!roundsBefore.has(n)) changes.push({ kind: 'round-added', round: n });
  const unitsBefore = new Map(before.units.map((u) => [u.id, u]));
  const unitsAfter = new Map(after.units.map((u) => [u.id, u]));
  for (const u of before.units) if (!unitsAfter.has(u.id)) changes.push({ kind: 'unit-removed', id: u.id, name: u.name });
  for (const u of after.units) if (!unitsBefore.has(u.id)) changes.push({ kind: 'unit-added', id: u.id, name: u.name });

  return { changes, summary: summarize(changes), removed };
}

/** How each kind of indicator change is counted in a summary, in the order said. */
const INDICATOR_PHRASES: readonly {
  readonly kind: AssessmentChange['kind'];
  readonly thFirst: (n: number) => string;
  readonly thNext: (n: number) => string;
  readonly enFirst: (n: number) => string;
  readonly enNext: (n: number) => string;
}[] = [
  {
    kind: 'targets-changed',
    thFirst: (n) => `ตัวชี้วัด ${n} ตัวเปลี่ยนค่าเป้าหมาย`,
    thNext: (n) => `เปลี่ยนค่าเป้าหมาย ${n} ตัว`,
    enFirst: (n) => `${indicators(n)} changed targets`,
    enNext: (n) => `${n} changed targets`,
  },
  {
    kind: 'indicator-added',
    thFirst: (n) => `เพิ่มตัวชี้วัด ${n} ตัว`,
    thNext: (n) => `เพิ่ม ${n} ตัว`,
    enFirst: (n) => `${indicators(n)} added`,
    enNext: (n) => `${n} added`,
  },
  {
    kind: 'indicator-removed',
    thFirst: (n) => `ยกเลิกตัวชี้วัด ${n} ตัว`,
    thNext: (n) => `ยกเลิก ${n} ตัว`,
    enFirst: (n) => `${indicators(n)} removed`,
    enNext: (n) => `${n} removed`,
  },
  {
    kind: 'weight-changed',
    thFirst: (n) => `ตัวชี้วัด ${n} ตัวเปลี่ยนน้ำหนัก`,
    thNext: (n) => `เปลี่ยนน้ำหนัก ${n} ตัว`,
    enFirst: (n) => `${indicators(n)} changed weight`,
    enNext: (n) => `${n} changed weight`,
  },
  {
    kind: 'kind-changed',
    thFirst: (n) => `ตัวชี้วัด ${n} ตัวเปลี่ยนประเภท`,
    thNext: (n) => `เปลี่ยนประเภท ${n} ตัว`,
    enFirst: (n) => `${indicators(n)} changed kind`,
    enNext: (n) => `${n} changed kind`,
  },
  {
    kind: 'indicator-renamed',
    thFirst: (n) => `ตัวชี้วัด ${n} ตัวเปลี่ยนชื่อ`,
    thNext: (n) => `เปลี่ยนชื่อ ${n} ตัว`,
    enFirst: (n) => `${indicators(n)} renamed`,
    enNext: (n) => `${n} renamed`,
  },
  {
    kind: 'indicator-rounds-changed',
    thFirst: (n) => `ตัวชี้วัด ${n} ตัวเปลี่ยนรอบที่ต้องรายงาน`,
    thNext: (n) => `เปลี่ยนรอบที่ต้องรายงาน ${n} ตัว`,
    enFirst: (n) => `${indicators(n)} changed the rounds they are due in`,
    enNext: (n) => `${n} changed rounds`,
  },
  {
    kind: 'indicator-changed',
    thFirst: (n) => `ตัวชี้วัด ${n} ตัวแก้ไขรายละเอียดอื่น`,
    thNext: (n) => `แก้ไขรายละเอียดอื่น ${n} ตัว`,
    enFirst: (n) => `${indicators(n)} changed otherwise`,
    enNext: (n) => `${n} changed otherwise`,
  },
];

function indicators(n: number): string {
  return n === 1 ? '1 indicator' : `${n} indicators`;
}

function summarize(changes: readonly AssessmentChange[]): Message {
  const count = (kind: AssessmentChange['kind']): number => changes.filter((c) => c.kind === kind).length;
  const th: string[] = [];
  const en: string[] = [];
  let first = true;
  for (const p of INDICATOR_PHRASES) {
    const n = count(p.kind);
    if (n === 0) continue;
    th.push(first ? p.thFirst(n) : p.thNext(n));
    en.push(first ? p.enFirst(n) : p.enNext(n));
    first = false;
  }
  if (count('policies-changed') > 0) {
    th.push('เปลี่ยนนโยบายการคิดคะแนน');
    en.push('scoring policies changed');
  }
  if (count('scale-changed') > 0) {
    th.push('เปลี่ยนเกณฑ์การให้คะแนน');
    en.push('the scale changed');
  }
  if (count('components-changed') > 0) {
    th.push('เปลี่ยนองค์ประกอบ');
    en.push('components changed');
  }
  const rounds = count('round-added') + count('round-removed') + count('round-window-changed');
  if (rounds > 0) {
    th.push(`เปลี่ยนรอบการรายงาน ${rounds} รอบ`);
    en.push(rounds === 1 ? 'a reporting round changed' : `${rounds} reporting rounds changed`);
  }
  const unitsAdded = count('unit-added');
  const unitsRemoved = count('unit-removed');
  if (unitsAdded > 0) {
    th.push(`เพิ่มหน่วยงาน ${unitsAdded} หน่วย`);
    en.push(unitsAdded === 1 ? '1 unit added' : `${unitsAdded} units added`);
  }
  if (unitsRemoved > 0) {
    th.push(`ยกเลิกหน่วยงาน ${unitsRemoved} หน่วย`);
    en.push(unitsRemoved === 1 ? '1 unit removed' : `${unitsRemoved} units removed`);
  }
  if (count('title-changed') > 0) {
    th.push('เปลี่ยนชื่อชุดตัวชี้วัด');
    en.push('the title changed');
  }
  if (th.length === 0) return { th: 'ไม่มีการเปลี่ยนแปลง', en: 'no changes' };
  const sentence = en.join(', ');
  return { th: th.join(' '), en: sentence.charAt(0).toUpperCase() + sentence.slice(1) };
}

/** One change in words, for the list under the summary. */
export function describeChange(c: AssessmentChange): Message {
  const list = (xs: readonly number[] | null, every: string): string => (xs === null ? every : xs.join(', '));
  switch (c.kind) {
    case 'indicator-added':
      return { th: `เพิ่ม ${c.id} ${c.name}`, en: `added ${c.id} ${c.name}` };
    case 'indicator-removed':
      return { th: `ยกเลิก ${c.id} ${c.name}`, en: `removed ${c.id} ${c.name}` };
    case 'indicator-renamed':
      return { th: `${c.id}: ชื่อ "${c.from}" → "${c.to}"`, en: `${c.id}: renamed "${c.from}" → "${c.to}"` };
    case 'weight-changed':
      return { th: `${c.id}: น้ำหนัก ${c.from} → ${c.to}`, en: `${c.id}: weight ${c.from} → ${c.to}` };
    case 'targets-changed':
      return {
        th: `${c.id}: ค่าเป้าหมาย ${c.from.join(' / ')} → ${c.to.join(' / ')}`,
        en: `${c.id}: targets ${c.from.join(' / ')} → ${c.to.join(' / ')}`,
      };
    case 'kind-changed':
      return { th: `${c.id}: ประเภท ${c.from} → ${c.to}`, en: `${c.id}: kind ${c.from} → ${c.to}` };
    case 'indicator-rounds-changed':
      return {
        th: `${c.id}: รอบที่ต้องรายงาน ${list(c.from, 'ทุกรอบ')} → ${list(c.to, 'ทุกรอบ')}`,
        en: `${c.id}: due in rounds ${list(c.from, 'every round')} → ${list(c.to, 'every round')}`,
      };
    case 'indicator-changed':
      return { th: `${c.id}: แก้ไข ${c.fields.join(', ')}`, en: `${c.id}: changed ${c.fields.join(', ')}` };
    case 'policies-changed':
      return {
        th: `นโยบาย: ${c.fields.map((f) => `${f.name} ${JSON.stringify(f.from)} → ${JSON.stringify(f.to)}`).join('; ')}`,
        en: `policies: ${c.fields.map((f) => `${f.name} ${JSON.stringify(f.from)} → ${JSON.stringify(f.to)}`).join('; ')}`,
      };
    case 'scale-changed':
      return { th: `เกณฑ์การให้คะแนน ${c.from} → ${c.to}`, en: `scale ${c.from} → ${c.to}` };
    case 'round-added':
      return { th: `เพิ่มรอบ ${c.round} เดือน`, en: `added the ${c.round}-month round` };
    case 'round-removed':
      return { th: `ยกเลิกรอบ ${c.round} เดือน`, en: `removed the ${c.round}-month round` };
    case 'round-window-changed':
      return { th: `รอบ ${c.round} เดือน: เปลี่ยนช่วงเวลารายงาน`, en: `the ${c.round}-month round: reporting window changed` };
    case 'unit-added':
      return { th: `เพิ่มหน่วยงาน ${c.name} (${c.id})`, en: `added unit ${c.name} (${c.id})` };
    case 'unit-removed':
      return { th: `ยกเลิกหน่วยงาน ${c.name} (${c.id})`, en: `removed unit ${c.name} (${c.id})` };
    case 'components-changed':
      return { th: 'เปลี่ยนองค์ประกอบหรือกลุ่ม', en: 'components or their groups changed' };
    case 'title-changed':
      return { th: `ชื่อชุดตัวชี้วัด "${c.from}" → "${c.to}"`, en: `title "${c.from}" → "${c.to}"` };
  }
}

/** Whether the changes touch a sheet's layout (rows, columns, targets, formulas) rather than only the server's windows and units. */
export function changesLayout(diff: AssessmentDiff): boolean {
  return diff.changes.some(
    (c) =>
      c.kind !== 'round-added' &&
      c.kind !== 'round-removed' &&
      c.kind !== 'round-window-changed' &&
      c.kind !== 'unit-added' &&
      c.kind !== 'unit-removed',
  );
}

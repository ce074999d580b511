/**
 * Reads an assessment document (format v1) into the checked model. Shape errors come from the schema; the
 * rules of scoring.md are checked here, each finding with the JSON path of what to fix. Errors stop the
 * document from being used; warnings (weights that do not sum to 100 …) travel with it.
 */
import type {
  Assessment,
  Component,
  Direction,
  GroupIndicator,
  Indicator,
  LeafIndicator,
  LeafKind,
  Round,
  Unit,
  UnitGroup,
  Variable,
} from './assessment';
import { isStepKind } from './assessment';
import { assessmentDocumentSchema, type AssessmentDocument, type RawIndicator } from './documentSchema';
import { indicatorKey } from './indicatorIds';
import { hasErrors, issue, type Issue, type Message } from './issues';
import { formatPath } from './jsonPath';
import { resolvePolicies } from './policies';
import { customScale, FIVE_LEVEL, THREE_LEVEL, type Scale } from './scale';
import { readJsonText, type JsonRead } from './jsonText';
import { schemaIssues } from './schemaIssues';
import { deriveTargets, isReservedName, type ExpressionNode } from './targetExpression';
import { unknownFields } from './unknownFields';
import { isRealDate, readDocumentDate } from './thaiDates';

export type ReadResult<T> =
  { readonly ok: true; readonly value: T; readonly issues: readonly Issue[] } | { readonly ok: false; readonly issues: readonly Issue[] };

const WEIGHT_TOLERANCE = 1e-6;

export function readAssessment(json: unknown): ReadResult<Assessment> {
  const parsed = assessmentDocumentSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error, [], json) };
  return withIssues(new AssessmentReader(parsed.data).read(), unknownFields(assessmentDocumentSchema, json));
}

/** Parses JSON text first, so a broken file is an issue too, not an exception. */
export function readAssessmentText(text: string): ReadResult<Assessment> {
  const json = parseJson(text);
  return json.ok ? withIssues(readAssessment(json.value), json.issues) : json;
}

/** JSON text → value, with keys written twice as warnings and syntax errors at their line and column (jsonText.ts). */
export function parseJson(text: string): JsonRead {
  return readJsonText(text);
}

/** A reading with more findings (warnings about the text or unknown fields) added after its own. */
export function withIssues<T>(read: ReadResult<T>, more: readonly Issue[]): ReadResult<T> {
  if (more.length === 0) return read;
  return read.ok ? { ...read, issues: [...read.issues, ...more] } : { ok: false, issues: [...read.issues, ...more] };
}

class AssessmentReader {
  private readonly issues: Issue[] = [];
  private readonly seenIds = new Map<string, string>();
  private readonly centralResults = new Set<string>();
  private readonly scale: Scale;
  private readonly componentIds: Set<string>;
  /** Group id → the component it belongs to. */
  private readonly groupComponent = new Map<string, string>();

  constructor(private readonly doc: AssessmentDocument) {
    this.scale = this.readScale();
    this.componentIds = new Set((doc.components ?? []).map((c) => c.id));
  }

  read(): ReadResult<Assessment> {
    const doc = this.doc;
    const holidays = this.readHolidays();
    const policies = resolvePolicies(this.scale, { ...doc.policies, ...(holidays ? { holidays } : {}) });
    this.checkPolicies(policies.floor, policies.holidays);
    const components = this.readComponents();
    const indicators = doc.indicators.map((raw, i) => this.readIndicator(raw, ['indicators', i], null, undefined));
    this.checkTopLevelWeights(indicators);
    this.checkComponentWeights(components, indicators);
    const rounds = this.readRounds();
    const unitGroups = this.readUnitGroups();
    const units = this.readUnits(unitGroups);
    this.checkPrevious();
    if (hasErrors(this.issues)) return { ok: false, issues: this.issues };
    return {
      ok: true,
      issues: this.issues,
      value: {
        id: doc.id,
        title: doc.title,
        fiscalYear: doc.fiscalYear,
        scale: this.scale,
        policies,
        components,
        indicators,
        units,
        rounds,
        ...(doc.previous !== undefined ? { previous: doc.previous } : {}),
        ...(unitGroups ? { unitGroups } : {}),
      },
    };
  }

  private report(
    code: string,
    severity: 'error' | 'warning' | 'info',
    path: readonly PropertyKey[],
    message: Message,
    indicatorId?: string,
  ): void {
    const where = formatPath(path);
    this.issues.push(issue(code, severity, { th: `${where}: ${message.th}`, en: `${where}: ${message.en}` }, { path: where, indicatorId }));
  }

  private readScale(): Scale {
    const s = this.doc.scale;
    if (s === 'three-level') return THREE_LEVEL;
    if (s === 'five-level') return FIVE_LEVEL;
    s.levels.forEach((level, i) => {
      const previous = s.levels[i - 1];
      if (previous && level.score <= previous.score) {
        this.report('scale-not-increasing', 'error', ['scale', 'levels', i, 'score'], {
          th: `คะแนนของแต่ละระดับต้องเพิ่มขึ้น (${previous.score} แล้วจึง ${level.score})`,
          en: `level scores must increase (${previous.score} then ${level.score})`,
        });
      }
    });
    return customScale(s.levels.map((l) => ({ name: l.name, nameEn: l.nameEn ?? l.name, score: l.score })));
  }

  /** Holidays in CE (a พ.ศ. year converted, with a note); undefined when the document lists none. */
  private readHolidays(): string[] | undefined {
    return this.doc.policies?.holidays?.map((day, i) => readDocumentDate(day, formatPath(['policies', 'holidays', i]), this.issues));
  }

  private checkPolicies(floor: number, holidays: readonly string[]): void {
    const first = this.scale.levels[0]?.score ?? 0;
    if (floor > first) {
      this.report('floor-above-first-level', 'error', ['policies', 'floor'], {
        th: `คะแนนต่ำสุด (${floor}) ต้องไม่เกินคะแนนของระดับแรก (${first})`,
        en: `the floor (${floor}) must not exceed the first level's score (${first})`,
      });
    }
    holidays.forEach((day, i) => {
      if (!isRealDate(day)) {
        this.report('invalid-date', 'error', ['policies', 'holidays', i], {
          th: `ไม่มีวันที่ ${day} ในปฏิทิน`,
          en: `${day} is not a calendar date`,
        });
      }
    });
  }

  private readComponents(): Component[] {
    const seen = new Set<string>();
    return (this.doc.components ?? []).map((c, i) => {
      if (seen.has(c.id)) {
        this.report('duplicate-component-id', 'error', ['components', i, 'id'], {
          th: `รหัสองค์ประกอบ "${c.id}" ซ้ำ`,
          en: `component id "${c.id}" is used twice`,
        });
      }
      seen.add(c.id);
      const groups = c.groups?.map((g, k) => {
        // Group ids are unique across the assessment: an indicator names its group by id alone.
        const owner = this.groupComponent.get(g.id);
        if (owner !== undefined) {
          this.report('duplicate-group-id', 'error', ['components', i, 'groups', k, 'id'], {
            th: `รหัสกลุ่มตัวชี้วัด "${g.id}" ซ้ำ (มีแล้วในองค์ประกอบ ${owner}) รหัสกลุ่มต้องไม่ซ้ำกันทั้งชุด`,
            en: `group id "${g.id}" is already used (in component ${owner}); group ids must be unique in the assessment`,
          });
        } else {
          this.groupComponent.set(g.id, c.id);
        }
        return { id: g.id, name: g.name, nameEn: g.nameEn };
      });
      return { id: c.id, name: c.name, nameEn: c.nameEn, weight: c.weight, ...(groups ? { groups } : {}) };
    });
  }

  private readIndicator(
    raw: RawIndicator,
    path: PropertyKey[],
    parentId: string | null,
    parentComponent: string | undefined,
    parentGroup?: string,
  ): Indicator {
    this.checkId(raw.id, path);
    this.checkWeight(raw, path, parentId);
    const component = this.readComponentRef(raw, path, parentComponent);
    const group = this.readGroupRef(raw, path, component, parentGroup);
    const rounds = this.readIndicatorRounds(raw, path);
    const common = {
      id: raw.id,
      name: raw.name,
      nameEn: raw.nameEn,
      unit: raw.unit,
      weight: raw.weight,
      component,
      ...(group !== undefined ? { group } : {}),
      parentId,
      description: raw.description,
      owner: raw.owner,
      ...this.centralResultOf(raw, parentId),
      ...(rounds ? { rounds } : {}),
    };
    if (raw.children !== undefined) return this.readGroup(raw, path, common);
    return this.readLeaf(raw, path, common);
  }

  /** A central result (ผลจากส่วนกลาง) holds for the indicator and everything under it. */
  private centralResultOf(raw: RawIndicator, parentId: string | null): { centralResult?: true } {
    const inherited = parentId !== null && this.centralResults.has(parentId);
    if (raw.centralResult !== true && !inherited) return {};
    this.centralResults.add(raw.id);
    return { centralResult: true };
  }

  /** The rounds an indicator is reported in: at least one, and (when the document lists rounds) rounds it has. */
  private readIndicatorRounds(raw: RawIndicator, path: PropertyKey[]): number[] | undefined {
    if (raw.rounds === undefined) return undefined;
    if (raw.rounds.length === 0) {
      this.report(
        'indicator-rounds-empty',
        'error',
        [...path, 'rounds'],
        {
          th: `ตัวชี้วัด ${raw.id} ไม่มีรอบที่ต้องรายงาน ให้ระบุรอบ (เช่น [12]) หรือลบ rounds ออกเพื่อให้รายงานทุกรอบ`,
          en: `indicator ${raw.id} lists no round to report in; name its rounds (e.g. [12]) or drop rounds to report in every round`,
        },
        raw.id,
      );
    }
    const listed = new Set((this.doc.rounds ?? []).map((r) => r.round));
    raw.rounds.forEach((round, i) => {
      if (listed.size > 0 && !listed.has(round)) {
        this.report(
          'indicator-round-unknown',
          'warning',
          [...path, 'rounds', i],
          {
            th: `ตัวชี้วัด ${raw.id} ระบุรอบ ${round} เดือน แต่ชุดตัวชี้วัดไม่มีรอบนี้`,
            en: `indicator ${raw.id} names the ${round}-month round, which this assessment does not have`,
          },
          raw.id,
        );
      }
    });
    return [...new Set(raw.rounds)].sort((a, b) => a - b);
  }

  private checkId(id: string, path: PropertyKey[]): void {
    const where = formatPath(path);
    // "๑" and "1" are one id (indicatorIds.ts), so they collide here too.
    const first = this.seenIds.get(indicatorKey(id));
    if (first !== undefined) {
      this.report(
        'duplicate-indicator-id',
        'error',
        [...path, 'id'],
        {
          th: `รหัสตัวชี้วัด "${id}" ซ้ำกับ ${first} รหัสตัวชี้วัดต้องไม่ซ้ำกัน`,
          en: `indicator id "${id}" is already used by ${first}; indicator ids must be unique`,
        },
        id,
      );
    } else {
      this.seenIds.set(indicatorKey(id), where);
    }
  }

  private checkWeight(raw: RawIndicator, path: PropertyKey[], parentId: string | null): void {
    if (parentId !== null && !(raw.weight > 0)) {
      this.report(
        'child-weight-not-positive',
        'error',
        [...path, 'weight'],
        {
          th: `น้ำหนักของตัวชี้วัดย่อย ${raw.id} ต้องมากกว่า 0 (ได้ ${raw.weight})`,
          en: `sub-indicator ${raw.id} needs a weight above 0 (got ${raw.weight})`,
        },
        raw.id,
      );
    } else if (parentId === null && raw.weight < 0) {
      this.report(
        'weight-negative',
        'error',
        [...path, 'weight'],
        {
          th: `น้ำหนักของตัวชี้วัด ${raw.id} ต้องไม่ติดลบ`,
          en: `indicator ${raw.id} cannot have a negative weight`,
        },
        raw.id,
      );
    }
  }

  private readComponentRef(raw: RawIndicator, path: PropertyKey[], parentComponent: string | undefined): string | undefined {
    if (raw.component === undefined) return parentComponent;
    if (this.componentIds.size > 0 && !this.componentIds.has(raw.component)) {
      this.report(
        'unknown-component',
        'error',
        [...path, 'component'],
        {
          th: `ไม่มีองค์ประกอบ "${raw.component}" ในรายการ components`,
          en: `component "${raw.component}" is not listed in components`,
        },
        raw.id,
      );
    }
    if (parentComponent !== undefined && raw.component !== parentComponent) {
      this.report(
        'child-component-differs',
        'warning',
        [...path, 'component'],
        {
          th: `ตัวชี้วัดย่อยอยู่ในองค์ประกอบเดียวกับตัวชี้วัดหลัก (${parentComponent}) จึงไม่ใช้ค่า "${raw.component}"`,
          en: `a sub-indicator belongs to its parent's component (${parentComponent}); "${raw.component}" is ignored`,
        },
        raw.id,
      );
      return parentComponent;
    }
    return raw.component;
  }

  /**
   * The group must be one of the indicator's component's groups. A sub-indicator is in its parent's group; one that
   * names another group is an error rather than silently moved, since a group is only ever a layout and a subtotal.
   */
  private readGroupRef(
    raw: RawIndicator,
    path: PropertyKey[],
    component: string | undefined,
    parentGroup: string | undefined,
  ): string | undefined {
    if (raw.group === undefined) return parentGroup;
    const where = [...path, 'group'];
    if (parentGroup !== undefined && raw.group !== parentGroup) {
      this.report(
        'child-group-differs',
        'error',
        where,
        {
          th: `ตัวชี้วัดย่อย ${raw.id} อยู่ในกลุ่มเดียวกับตัวชี้วัดหลัก (${parentGroup}) ระบุกลุ่ม "${raw.group}" ไม่ได้`,
          en: `sub-indicator ${raw.id} is in its parent's group (${parentGroup}); it cannot name group "${raw.group}"`,
        },
        raw.id,
      );
      return parentGroup;
    }
    const owner = this.groupComponent.get(raw.group);
    if (component === undefined) {
      this.report(
        'group-without-component',
        'error',
        where,
        {
          th: `ตัวชี้วัด ${raw.id} ระบุกลุ่ม "${raw.group}" แต่ไม่ได้ระบุองค์ประกอบ (component) ที่กลุ่มนี้สังกัด`,
          en: `indicator ${raw.id} names group "${raw.group}" but no component, which the group must belong to`,
        },
        raw.id,
      );
      return undefined;
    }
    if (owner !== component) {
      const mine = (this.doc.components ?? []).find((c) => c.id === component)?.groups?.map((g) => g.id) ?? [];
      this.report(
        'unknown-group',
        'error',
        where,
        {
          th: `ไม่มีกลุ่ม "${raw.group}" ในองค์ประกอบ ${component}${owner !== undefined ? ` (กลุ่มนี้อยู่ในองค์ประกอบ ${owner})` : ''} กลุ่มที่มี: ${mine.join(', ') || 'ไม่มี'}`,
          en: `component ${component} has no group "${raw.group}"${owner !== undefined ? ` (it belongs to component ${owner})` : ''}; its groups: ${mine.join(', ') || 'none'}`,
        },
        raw.id,
      );
      return undefined;
    }
    return raw.group;
  }

  private readGroup(raw: RawIndicator, path: PropertyKey[], common: Omit<GroupIndicator, 'kind' | 'children'>): GroupIndicator {
    const children = raw.children ?? [];
    if (children.length === 0) {
      this.report(
        'group-without-children',
        'error',
        [...path, 'children'],
        {
          th: `ตัวชี้วัด ${raw.id} มีรายการตัวชี้วัดย่อยว่าง ให้ลบ children หรือเพิ่มตัวชี้วัดย่อย`,
          en: `indicator ${raw.id} has an empty children list; remove it or add sub-indicators`,
        },
        raw.id,
      );
    }
    if (raw.kind !== undefined || raw.targets !== undefined || raw.inputs !== undefined) {
      this.report(
        'group-with-targets',
        'error',
        [...path, raw.kind !== undefined ? 'kind' : raw.targets !== undefined ? 'targets' : 'inputs'],
        {
          th: `ตัวชี้วัด ${raw.id} มีตัวชี้วัดย่อย คะแนนจึงมาจากตัวชี้วัดย่อย ไม่ต้องกำหนด kind หรือ targets`,
          en: `indicator ${raw.id} has sub-indicators, so its score comes from them; drop its kind and targets`,
        },
        raw.id,
      );
    }
    this.checkChildWeights(raw, path);
    return {
      ...common,
      kind: 'group',
      children: children.map((child, i) => this.readIndicator(child, [...path, 'children', i], raw.id, common.component, common.group)),
    };
  }

  /**
   * Children are written in the parent's points (2.5 + 2.5 under 5) or in percent of it (50 + 50). Any other sum
   * (5 + 3 under 15) still scores, in proportion, but is more likely a slip than a choice, so it is said.
   */
  private checkChildWeights(raw: RawIndicator, path: PropertyKey[]): void {
    const weights = (raw.children ?? []).map((c) => c.weight);
    if (weights.length === 0 || weights.some((w) => !(w > 0))) return;
    const sum = weights.reduce((s, w) => s + w, 0);
    if (Math.abs(sum - raw.weight) <= WEIGHT_TOLERANCE || Math.abs(sum - 100) <= WEIGHT_TOLERANCE) return;
    const parts = weights.map(round6).join(' + ');
    this.report(
      'child-weights-sum',
      'warning',
      [...path, 'children'],
      {
        th: `น้ำหนักของตัวชี้วัดย่อยของ ${raw.id} (${parts} = ${round6(sum)}) ไม่เท่ากับน้ำหนักของตัวชี้วัดหลัก (${raw.weight}) และไม่เท่ากับ 100 จึงคิดตามสัดส่วน ตรวจสอบว่าน้ำหนักถูกต้อง`,
        en: `the sub-indicators of ${raw.id} weigh ${parts} = ${round6(sum)}, neither the parent's weight (${raw.weight}) nor 100; they are used in proportion, check the weights`,
      },
      raw.id,
    );
  }

  private readLeaf(
    rawAsWritten: RawIndicator,
    path: PropertyKey[],
    common: Omit<LeafIndicator, 'kind' | 'targets' | 'direction' | 'multiplier' | 'variables' | 'steps'>,
  ): LeafIndicator {
    const derived = this.readDerivedTargets(rawAsWritten, path);
    // The rules below (count, order, direction) check the targets' values, derived or written.
    const raw: RawIndicator = { ...rawAsWritten, targets: derived.values };
    const kind: LeafKind = raw.kind ?? (raw.steps ? 'milestone' : raw.variables ? 'ratio' : 'quantitative');
    const variables = this.readVariables(raw, path, kind);
    const steps = this.readSteps(raw, path, kind);
    const targets = isStepKind(kind) ? this.milestoneTargets(raw, path, steps.length) : this.measuredTargets(raw, path);
    const direction = this.readDirection(raw, path, targets, kind);
    this.checkFloorTarget(raw, path, targets, direction);
    const multiplier = raw.multiplier ?? 1;
    if (kind === 'ratio' && !(multiplier > 0)) {
      this.report(
        'ratio-multiplier',
        'error',
        [...path, 'multiplier'],
        {
          th: 'ตัวคูณของอัตราส่วนต้องมากกว่า 0 (เช่น 100 สำหรับร้อยละ)',
          en: 'a ratio multiplier must be above 0 (e.g. 100 for a percentage)',
        },
        raw.id,
      );
    }
    const derivation = derived.expressions && derived.expressions.some((e) => e !== null) ? { targetExpressions: derived.expressions } : {};
    const inputs = rawAsWritten.inputs !== undefined ? { inputs: rawAsWritten.inputs } : {};
    return { ...common, kind, targets, direction, floorTarget: raw.floorTarget, multiplier, variables, steps, ...inputs, ...derivation };
  }

  /**
   * Targets written as expressions (targetExpression.ts) evaluated to numbers. A finding names the target's JSON
   * path and the character position in the expression. A string that is only a number is a plain target.
   */
  private readDerivedTargets(
    raw: RawIndicator,
    path: PropertyKey[],
  ): { values: number[] | undefined; expressions?: (ExpressionNode | null)[] } {
    const inputs = raw.inputs ?? {};
    for (const name of Object.keys(inputs)) {
      if (isReservedName(name) || !/^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u.test(name)) {
        this.report(
          'input-name',
          'error',
          [...path, 'inputs', name],
          {
            th: `ชื่อข้อมูล "${name}" ใช้ไม่ได้: ต้องขึ้นต้นด้วยตัวอักษร มีเฉพาะตัวอักษร ตัวเลข หรือ _ และไม่ใช่ T1…TN หรือ ROUND`,
            en: `input name "${name}" cannot be used: it must start with a letter, hold only letters, digits or _, and not be T1…TN or ROUND`,
          },
          raw.id,
        );
      }
    }
    const written = raw.targets;
    if (written === undefined) return { values: undefined };
    if (written.every((t): t is number => typeof t === 'number')) return { values: written };
    const derived = deriveTargets({ targets: written, inputs });
    if (!derived.ok) {
      for (const f of derived.findings) {
        this.report(
          f.code,
          'error',
          [...path, 'targets', f.index],
          {
            th: `สูตร "${String(written[f.index])}" ตำแหน่งที่ ${f.position}: ${f.message.th}`,
            en: `"${String(written[f.index])}" at position ${f.position}: ${f.message.en}`,
          },
          raw.id,
        );
      }
      // Zeros keep the other checks quiet: the document does not read anyway.
      return { values: written.map((t) => (typeof t === 'number' ? t : 0)) };
    }
    return { values: [...derived.values], expressions: [...derived.expressions] };
  }

  private measuredTargets(raw: RawIndicator, path: PropertyKey[]): number[] {
    const levels = this.scale.levels.length;
    // readLeaf has replaced expressions by their values.
    const targets = raw.targets as number[] | undefined;
    if (targets === undefined) {
      this.report(
        'targets-missing',
        'error',
        [...path, 'targets'],
        {
          th: `ตัวชี้วัด ${raw.id} ต้องมีค่าเป้าหมาย ${levels} ระดับ`,
          en: `indicator ${raw.id} needs ${levels} targets, one per level`,
        },
        raw.id,
      );
      return [];
    }
    if (targets.length !== levels) {
      this.report(
        'targets-count',
        'error',
        [...path, 'targets'],
        {
          th: `ตัวชี้วัด ${raw.id} มีค่าเป้าหมาย ${targets.length} ค่า แต่เกณฑ์มี ${levels} ระดับ`,
          en: `indicator ${raw.id} has ${targets.length} targets but the scale has ${levels} levels`,
        },
        raw.id,
      );
    }
    if (!isMonotonic(targets)) {
      this.report(
        'targets-not-monotonic',
        'error',
        [...path, 'targets'],
        {
          th: `ค่าเป้าหมายของตัวชี้วัด ${raw.id} (${targets.join(' / ')}) ต้องเรียงทางเดียวกัน ทั้งเพิ่มขึ้นหรือลดลงตามระดับ`,
          en: `the targets of indicator ${raw.id} (${targets.join(' / ')}) must all rise or all fall from level to level`,
        },
        raw.id,
      );
    }
    return targets;
  }

  /**
   * Milestone targets are the steps needed at each level. By default achieving all m steps reaches the top
   * level and each step less is one level lower (so a binary indicator scores the top level when done).
   */
  private milestoneTargets(raw: RawIndicator, path: PropertyKey[], stepCount: number): number[] {
    const levels = this.scale.levels.length;
    if (raw.targets === undefined) {
      if (stepCount > levels) {
        this.report(
          'milestone-steps-exceed-levels',
          'error',
          [...path, 'steps'],
          {
            th: `ตัวชี้วัด ${raw.id} มี ${stepCount} ขั้นตอน มากกว่าจำนวนระดับ (${levels}) ให้กำหนด targets ว่าแต่ละระดับต้องสำเร็จกี่ขั้นตอน`,
            en: `indicator ${raw.id} has ${stepCount} steps, more than the ${levels} levels; give targets: the steps needed at each level`,
          },
          raw.id,
        );
      }
      return this.scale.levels.map((_, i) => Math.max(1, stepCount - (levels - 1 - i)));
    }
    const targets = this.measuredTargets(raw, path);
    targets.forEach((t, i) => {
      if (!Number.isInteger(t) || t < 0 || t > stepCount) {
        this.report(
          'milestone-target',
          'error',
          [...path, 'targets', i],
          {
            th: `เป้าหมายแบบขั้นตอนต้องเป็นจำนวนขั้นตอนเต็ม 0 ถึง ${stepCount}`,
            en: `a milestone target is a whole number of steps from 0 to ${stepCount}`,
          },
          raw.id,
        );
      }
    });
    return targets;
  }

  private readDirection(raw: RawIndicator, path: PropertyKey[], targets: readonly number[], kind: LeafKind): Direction {
    const first = targets[0];
    const last = targets[targets.length - 1];
    const implied: Direction | undefined =
      first === undefined || last === undefined || first === last ? undefined : first < last ? 'higher' : 'lower';
    if (isStepKind(kind) && raw.direction === 'lower') {
      this.report(
        'milestone-direction',
        'error',
        [...path, 'direction'],
        {
          th: 'ตัวชี้วัดแบบขั้นตอนต้องเป็นแบบยิ่งมากยิ่งดี',
          en: 'a milestone indicator is always higher-is-better',
        },
        raw.id,
      );
    }
    if (raw.direction !== undefined && implied !== undefined && raw.direction !== implied) {
      this.report(
        'direction-contradicts-targets',
        'error',
        [...path, 'direction'],
        {
          th: `ระบุทิศทาง "${raw.direction}" แต่ค่าเป้าหมาย ${targets.join(' / ')} บอกว่า "${implied}"`,
          en: `direction "${raw.direction}" contradicts the targets ${targets.join(' / ')}, which say "${implied}"`,
        },
        raw.id,
      );
    }
    if (raw.direction === undefined && implied === 'lower' && !isStepKind(kind)) {
      this.report(
        'direction-lower-from-targets',
        'info',
        [...path, 'targets'],
        {
          th: `ค่าเป้าหมายของตัวชี้วัด ${raw.id} ลดลงตามระดับ (${targets.join(' / ')}) จึงถือว่ายิ่งน้อยยิ่งดี ระบุ "direction": "lower" เพื่อยืนยัน`,
          en: `the targets of indicator ${raw.id} fall from level to level (${targets.join(' / ')}), so lower is read as better; state "direction": "lower" to confirm`,
        },
        raw.id,
      );
    }
    return raw.direction ?? implied ?? 'higher';
  }

  private checkFloorTarget(raw: RawIndicator, path: PropertyKey[], targets: readonly number[], direction: Direction): void {
    const first = targets[0];
    if (raw.floorTarget === undefined || first === undefined) return;
    const worse = direction === 'higher' ? raw.floorTarget < first : raw.floorTarget > first;
    if (!worse) {
      this.report(
        'floor-target-order',
        'error',
        [...path, 'floorTarget'],
        {
          th: `floorTarget (${raw.floorTarget}) ต้องด้อยกว่าเป้าหมายระดับแรก (${first})`,
          en: `floorTarget (${raw.floorTarget}) must be worse than the first target (${first})`,
        },
        raw.id,
      );
    }
  }

  private readVariables(raw: RawIndicator, path: PropertyKey[], kind: LeafKind): Variable[] {
    const variables = (raw.variables ?? []).map((v) => ({ id: v.id, name: v.name, unit: v.unit, central: v.central ?? false }));
    if (kind === 'ratio' && variables.length !== 2) {
      this.report(
        'ratio-variables',
        'error',
        [...path, 'variables'],
        {
          th: `ตัวชี้วัดแบบอัตราส่วน ${raw.id} ต้องมีตัวแปร 2 ตัว คือ ตัวตั้งและตัวหาร (มี ${variables.length})`,
          en: `ratio indicator ${raw.id} needs two variables, numerator then denominator (has ${variables.length})`,
        },
        raw.id,
      );
    }
    if (variables.length === 2 && variables[0]?.id === variables[1]?.id) {
      this.report(
        'duplicate-variable-id',
        'error',
        [...path, 'variables', 1, 'id'],
        {
          th: `รหัสตัวแปร "${variables[1]?.id}" ซ้ำ`,
          en: `variable id "${variables[1]?.id}" is used twice`,
        },
        raw.id,
      );
    }
    return variables;
  }

  private readSteps(raw: RawIndicator, path: PropertyKey[], kind: LeafKind): string[] {
    if (kind === 'binary') {
      const steps = raw.steps ?? [raw.name];
      if (steps.length !== 1) {
        this.report(
          'binary-steps',
          'error',
          [...path, 'steps'],
          {
            th: 'ตัวชี้วัดแบบใช่/ไม่ใช่ มีได้ขั้นตอนเดียว',
            en: 'a binary indicator has exactly one step',
          },
          raw.id,
        );
      }
      return steps;
    }
    if (kind === 'milestone' && (raw.steps === undefined || raw.steps.length === 0)) {
      this.report(
        'milestone-without-steps',
        'error',
        [...path, 'steps'],
        {
          th: `ตัวชี้วัดแบบขั้นตอน ${raw.id} ต้องระบุขั้นตอนอย่างน้อย 1 ขั้น`,
          en: `milestone indicator ${raw.id} needs at least one step`,
        },
        raw.id,
      );
    }
    return raw.steps ?? [];
  }

  private checkTopLevelWeights(indicators: readonly Indicator[]): void {
    const sum = indicators.reduce((s, i) => s + i.weight, 0);
    if (!(sum > 0)) {
      this.report('weights-zero', 'error', ['indicators'], {
        th: 'ผลรวมน้ำหนักของตัวชี้วัดต้องมากกว่า 0',
        en: 'the indicator weights must add up to more than 0',
      });
    } else if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
      this.report('weights-not-100', 'warning', ['indicators'], {
        th: `น้ำหนักรวม ${round6(sum)} ไม่เท่ากับ 100 คะแนนรวมจะคิดตามสัดส่วนของน้ำหนัก`,
        en: `the weights add up to ${round6(sum)}, not 100; the total uses them in proportion`,
      });
    }
  }

  private checkComponentWeights(components: readonly Component[], indicators: readonly Indicator[]): void {
    components.forEach((c, i) => {
      if (c.weight === undefined) return;
      const sum = indicators.filter((x) => x.component === c.id).reduce((s, x) => s + x.weight, 0);
      if (Math.abs(sum - c.weight) > WEIGHT_TOLERANCE) {
        this.report('component-weight-mismatch', 'warning', ['components', i, 'weight'], {
          th: `องค์ประกอบ "${c.name}" กำหนดน้ำหนัก ${c.weight} แต่น้ำหนักของตัวชี้วัดในองค์ประกอบรวมได้ ${round6(sum)}`,
          en: `component "${c.name}" states a weight of ${c.weight} but its indicators' weights add up to ${round6(sum)}`,
        });
      }
    });
  }

  private readRounds(): Round[] {
    const seen = new Set<number>();
    return (this.doc.rounds ?? []).map((written, i) => {
      const at = (field: string): string =>
        readDocumentDate(written[field as 'opensAt'], formatPath(['rounds', i, field]), this.issues, this.doc.fiscalYear);
      const r = { ...written, opensAt: at('opensAt'), closesAt: at('closesAt') };
      if (seen.has(r.round)) {
        this.report('duplicate-round', 'error', ['rounds', i, 'round'], {
          th: `รอบการรายงาน ${r.round} เดือน ซ้ำ`,
          en: `round ${r.round} is listed twice`,
        });
      }
      seen.add(r.round);
      if (Date.parse(r.closesAt) <= Date.parse(r.opensAt)) {
        this.report('round-window', 'error', ['rounds', i, 'closesAt'], {
          th: 'วันปิดรับรายงานต้องอยู่หลังวันเปิด',
          en: 'a round must close after it opens',
        });
      }
      return { round: r.round, opensAt: r.opensAt, closesAt: r.closesAt, allowLate: r.allowLate ?? false };
    });
  }

  private readUnitGroups(): UnitGroup[] | undefined {
    const seen = new Set<string>();
    return this.doc.unitGroups?.map((g, i) => {
      if (seen.has(g.id)) {
        this.report('duplicate-unit-group-id', 'error', ['unitGroups', i, 'id'], {
          th: `รหัสกลุ่มหน่วยงาน "${g.id}" ซ้ำ`,
          en: `unit group id "${g.id}" is used twice`,
        });
      }
      seen.add(g.id);
      return { id: g.id, name: g.name, ...(g.nameEn !== undefined ? { nameEn: g.nameEn } : {}) };
    });
  }

  private readUnits(groups: readonly UnitGroup[] | undefined): Unit[] {
    const seen = new Set<string>();
    const groupIds = new Set((groups ?? []).map((g) => g.id));
    return (this.doc.units ?? []).map((u, i) => {
      if (seen.has(u.id)) {
        this.report('duplicate-unit-id', 'error', ['units', i, 'id'], {
          th: `รหัสหน่วยงาน "${u.id}" ซ้ำ`,
          en: `unit id "${u.id}" is used twice`,
        });
      }
      seen.add(u.id);
      if (u.group !== undefined && !groupIds.has(u.group)) {
        this.report('unknown-unit-group', 'error', ['units', i, 'group'], {
          th: `ไม่มีกลุ่มหน่วยงาน "${u.group}" ใน unitGroups`,
          en: `unit group "${u.group}" is not listed in unitGroups`,
        });
      }
      return u.group !== undefined ? { id: u.id, name: u.name, group: u.group } : { id: u.id, name: u.name };
    });
  }

  /** An assessment cannot follow itself; a longer cycle is the history's to stop at (it walks each id once). */
  private checkPrevious(): void {
    if (this.doc.previous !== undefined && this.doc.previous === this.doc.id) {
      this.report('previous-is-self', 'error', ['previous'], {
        th: `ชุดตัวชี้วัด "${this.doc.id}" อ้างถึงตัวเองเป็นชุดของปีก่อน`,
        en: `assessment "${this.doc.id}" names itself as its previous one`,
      });
    }
  }
}

function isMonotonic(values: readonly number[]): boolean {
  let rising = true;
  let falling = true;
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1] as number;
    const b = values[i] as number;
    if (b < a) rising = false;
    if (b > a) falling = false;
  }
  return rising || falling;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

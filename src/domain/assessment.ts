/**
 * The KPI model as the rest of the code sees it: an assessment (คำรับรอง / ชุดตัวชี้วัด) already read and
 * checked, with every default resolved, so scoring never has to ask "what if this is missing".
 */
import type { Policies } from './policies';
import type { Scale } from './scale';
import type { ExpressionNode } from './targetExpression';

export type Direction = 'higher' | 'lower';
export type LeafKind = 'quantitative' | 'ratio' | 'milestone' | 'binary';

/**
 * Milestone and binary indicators are reported as steps (ขั้นตอน) ticked, quantitative and ratio ones as a measured
 * value. Every "has steps?" question goes through here, so a new kind must be placed on one side or nothing compiles.
 */
export function isStepKind(kind: LeafKind): boolean {
  switch (kind) {
    case 'milestone':
    case 'binary':
      return true;
    case 'quantitative':
    case 'ratio':
      return false;
    default: {
      const unplaced: never = kind;
      throw new Error(`unknown indicator kind ${String(unplaced)}`);
    }
  }
}

export interface Variable {
  readonly id: string;
  readonly name: string;
  readonly unit?: string;
  /** Supplied by the central office (ข้อมูลส่วนกลาง): the unit sees it but cannot change it. */
  readonly central: boolean;
}

interface IndicatorCommon {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly unit?: string;
  /** Weight as written: percent of the total at the top level, a share of the parent below it. */
  readonly weight: number;
  /** Component (องค์ประกอบ / มิติ) id; children inherit their parent's. */
  readonly component?: string;
  /** Group (หมวด, seed 002 ๑.๑ / ๑.๒) within the component, for subtotals and layout only; children inherit their parent's. */
  readonly group?: string;
  readonly parentId: string | null;
  readonly description?: string;
  /** The office responsible (หน่วยงานรับผิดชอบ). */
  readonly owner?: string;
  /**
   * The whole result is supplied centrally (ก.พ.ร., the NSO or a host agency; seeds 000, 004): units see it but
   * cannot set it, central staff enter it. Children inherit their parent's. Absent: false.
   */
  readonly centralResult?: boolean;
  /** The rounds (months) it is reported in (seed 003, "การรายงานรอบ 12 เดือน"); absent: every round. */
  readonly rounds?: readonly number[];
}

export interface LeafIndicator extends IndicatorCommon {
  readonly kind: LeafKind;
  /** The result at each level of the scale, T1..TN. For milestones: the steps needed at each level. */
  readonly targets: readonly number[];
  readonly direction: Direction;
  /** T0 (optional): below T1 the score runs from `floor` at T0 up to S1 instead of dropping to `floor`. */
  readonly floorTarget?: number;
  /** Ratio: value = numerator / denominator × multiplier. */
  readonly multiplier: number;
  /** Ratio: exactly two, numerator then denominator. */
  readonly variables: readonly Variable[];
  /** Milestone and binary: the steps (ขั้นตอน) in order; binary has one. */
  readonly steps: readonly string[];
  /** Named figures the targets are derived from (a baseline, an average growth); absent when there are none. */
  readonly inputs?: Readonly<Record<string, number>>;
  /** Per target, the expression it was derived by (targetExpression.ts), null where it was written as a number. */
  readonly targetExpressions?: readonly (ExpressionNode | null)[];
}

export interface GroupIndicator extends IndicatorCommon {
  readonly kind: 'group';
  readonly children: readonly Indicator[];
}

export type Indicator = LeafIndicator | GroupIndicator;

/** A sub-group of a component (seed 002: ๑.๑ Functional KPIs, ๑.๒ Joint KPIs): a subtotal, never a weight of its own. */
export interface ComponentGroup {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
}

export interface Component {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  /** The weight the document states for it (Performance Base 70); its indicators' weights must add up to it. */
  readonly weight?: number;
  /** Its sub-groups, in document order; absent when it has none. */
  readonly groups?: readonly ComponentGroup[];
}

export interface Unit {
  readonly id: string;
  readonly name: string;
  /** The id of its unit group (`Assessment.unitGroups`); absent when ungrouped. */
  readonly group?: string;
}

/** A group of units (จังหวัดในกลุ่มจังหวัด, สพท. in a region): a heading of the overview, never part of a score. */
export interface UnitGroup {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
}

export interface Round {
  /** Months into the fiscal year: 6, 9 or 12. */
  readonly round: number;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly allowLate: boolean;
}

export interface Assessment {
  readonly id: string;
  readonly title: string;
  readonly fiscalYear: number;
  readonly scale: Scale;
  readonly policies: Policies;
  readonly components: readonly Component[];
  /** Top-level indicators, in document order; groups hold their children. */
  readonly indicators: readonly Indicator[];
  readonly units: readonly Unit[];
  readonly rounds: readonly Round[];
  /** The earlier fiscal year's assessment this one follows, when it names one. */
  readonly previous?: string;
  /** Groups of units, in document order; absent when it has none. */
  readonly unitGroups?: readonly UnitGroup[];
}

export function isGroup(indicator: Indicator): indicator is GroupIndicator {
  return indicator.kind === 'group';
}

/**
 * The tree laid flat once per indicator list (an assessment is immutable once read; nothing changes its lists in
 * place): the live sheet asks after every edit, from several places, at 20,000 indicators.
 */
interface Flat {
  readonly all: readonly Indicator[];
  leaves?: readonly LeafIndicator[];
  isLeaf?: readonly boolean[];
  byId?: ReadonlyMap<string, Indicator>;
}

const flat = new WeakMap<readonly Indicator[], Flat>();

function flatOf(assessment: Pick<Assessment, 'indicators'>): Flat {
  let known = flat.get(assessment.indicators);
  if (!known) {
    const all: Indicator[] = [];
    const visit = (list: readonly Indicator[]): void => {
      for (const indicator of list) {
        all.push(indicator);
        if (isGroup(indicator)) visit(indicator.children);
      }
    };
    visit(assessment.indicators);
    known = { all };
    flat.set(assessment.indicators, known);
  }
  return known;
}

/** Every indicator, parents before their children, in document order (a new array each call: callers may sort it). */
export function allIndicators(assessment: Pick<Assessment, 'indicators'>): Indicator[] {
  return flatOf(assessment).all.slice();
}

export function leafIndicators(assessment: Pick<Assessment, 'indicators'>): LeafIndicator[] {
  const known = flatOf(assessment);
  known.leaves ??= known.all.filter((i): i is LeafIndicator => !isGroup(i));
  return known.leaves.slice();
}

/**
 * By position in `allIndicators`, which is the order of a score report's rows: whether it is a leaf. Counting a
 * report's leaves by position needs no lookup by id, and a live sheet counts 20,000 rows after every edit.
 */
export function leafPositions(assessment: Pick<Assessment, 'indicators'>): readonly boolean[] {
  const known = flatOf(assessment);
  known.isLeaf ??= known.all.map((i) => !isGroup(i));
  return known.isLeaf;
}

/** Every indicator by its id as the assessment spells it (made once per indicator list). */
export function indicatorsById(assessment: Pick<Assessment, 'indicators'>): ReadonlyMap<string, Indicator> {
  const known = flatOf(assessment);
  known.byId ??= new Map(known.all.map((i) => [i.id, i]));
  return known.byId;
}

export function findIndicator(assessment: Pick<Assessment, 'indicators'>, id: string): Indicator | undefined {
  return allIndicators(assessment).find((i) => i.id === id);
}

/**
 * The indicators not due in `round`: those whose `rounds` leave it out, everything under them, and a parent all
 * of whose children are not due. With no round known, everything is due.
 */
export function notDueIn(assessment: Pick<Assessment, 'indicators'>, round: number | undefined): Set<string> {
  const out = new Set<string>();
  if (round === undefined) return out;
  const visit = (indicator: Indicator, parentDue: boolean): boolean => {
    let due = parentDue && (indicator.rounds === undefined || indicator.rounds.includes(round));
    if (isGroup(indicator)) {
      const children = indicator.children.map((c) => visit(c, due));
      due = due && children.some(Boolean);
    }
    if (!due) out.add(indicator.id);
    return due;
  };
  for (const indicator of assessment.indicators) visit(indicator, true);
  return out;
}

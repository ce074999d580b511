/**
 * What a save/submit batch does to each row, decided without I/O from the rows as stored (locked) now:
 * accepted (with the row to write), conflict (someone changed it since `baseVersion`), locked (approved), or
 * invalid (the domain cannot read the value, or the caller may not set it). One row's fate never depends on
 * another's, so one bad row never sinks the rest.
 *
 * Central variables (ข้อมูลส่วนกลาง, ratio variables with `central: true`): only central staff set them. A
 * reporter's row keeps the stored central values; sending a central variable with a different value makes the
 * row invalid (`central-variable`), sending it unchanged (a round trip of what GET returned) is fine. Central
 * staff who are not the unit's reporters may only send central variables; their rows keep the reporter's
 * values, notes and status. A central result (`centralResult: true`) is the same rule for the whole value:
 * only central staff set it (`central-result` otherwise).
 */
import {
  issue,
  isGroup,
  allIndicators,
  centralVariables,
  notDueIn,
  rawResultSchema,
  readResultValue,
  sameResult,
  withCentralVariables,
  type Assessment,
  type Issue,
  type LeafIndicator,
  type RawResult,
} from '../../domain';
import {
  findUnstorableText,
  printableText,
  MAX_VALUE_ENTRIES,
  MAX_VALUE_TEXT_LENGTH,
  UNSTORABLE_TEXT,
  type BatchResult,
  type BatchRow,
  type ReportStatus,
} from '../../api';
import { canReport, isCentral, type User } from '../auth/permissions';
import { toCurrentRow, type StoredReport } from '../store/reports';

export interface BatchContext {
  readonly user: User;
  readonly unitId: string;
  readonly assessment: Assessment;
  readonly action: 'save' | 'submit';
  /** The round the batch reports on: an indicator not due in it takes no value. */
  readonly round: number;
  readonly now: Date;
  /** The round has closed and allows late reports. */
  readonly late: boolean;
}

export interface RowChange {
  readonly old: StoredReport | undefined;
  readonly next: StoredReport;
}

export interface Decision {
  /** One per batch row, in the batch's order. */
  readonly results: BatchResult[];
  readonly changes: RowChange[];
}

type Decided = { result: BatchResult; change?: RowChange };

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const isVariables = (v: unknown): v is Record<string, string | number | null> => typeof v === 'object' && v !== null && !Array.isArray(v);

function invalid(indicatorId: string, issues: readonly Issue[]): Decided {
  return { result: { indicatorId, outcome: 'invalid', issues: [...issues] } };
}

function rowIssue(code: string, indicatorId: string, en: string, th: string, field?: string): Issue {
  return issue(code, 'error', { th, en }, field === undefined ? { indicatorId } : { indicatorId, field });
}

/** What every batch on one assessment looks rows up in: its leaves by id, and per round the ids not due in it. */
interface Lookup {
  readonly leaves: ReadonlyMap<string, LeafIndicator>;
  readonly notDue: Map<number, ReadonlySet<string>>;
}

// Made once per indicator list (an assessment is immutable once read, and the server keeps the one it read):
// building them took a 10,000-row batch longer than deciding its rows.
const lookups = new WeakMap<Assessment['indicators'], Lookup>();

function lookupOf(assessment: Assessment, round: number): { leaves: ReadonlyMap<string, LeafIndicator>; notDue: ReadonlySet<string> } {
  let known = lookups.get(assessment.indicators);
  if (!known) {
    const leaves = new Map<string, LeafIndicator>();
    for (const i of allIndicators(assessment)) if (!isGroup(i)) leaves.set(i.id, i);
    known = { leaves, notDue: new Map() };
    lookups.set(assessment.indicators, known);
  }
  let notDue = known.notDue.get(round);
  if (!notDue) {
    notDue = notDueIn(assessment, round);
    known.notDue.set(round, notDue);
  }
  return { leaves: known.leaves, notDue };
}

/** Who the batch's user is for its unit: the same for every row, so asked once. */
interface Caller {
  readonly asReporter: boolean;
  readonly asCentral: boolean;
}

export function decideRows(ctx: BatchContext, rows: readonly BatchRow[], stored: ReadonlyMap<string, StoredReport>): Decision {
  const { leaves, notDue } = lookupOf(ctx.assessment, ctx.round);
  const caller: Caller = { asReporter: canReport(ctx.user, ctx.unitId), asCentral: isCentral(ctx.user) };
  const seen = new Set<string>();
  const results: BatchResult[] = [];
  const changes: RowChange[] = [];
  for (const row of rows) {
    const decided = seen.has(row.indicatorId)
      ? invalid(row.indicatorId, [
          rowIssue(
            'duplicate-row',
            row.indicatorId,
            `indicator ${row.indicatorId} appears more than once in this batch; only the first counts`,
            `ตัวชี้วัด ${row.indicatorId} อยู่ในชุดข้อมูลนี้มากกว่าหนึ่งครั้ง ระบบใช้เฉพาะรายการแรก`,
          ),
        ])
      : notDue.has(row.indicatorId) && leaves.has(row.indicatorId)
        ? notDueRow(ctx, row.indicatorId, leaves.get(row.indicatorId) as LeafIndicator)
        : decideRow(ctx, caller, row, leaves.get(row.indicatorId), stored.get(row.indicatorId));
    seen.add(row.indicatorId);
    results.push(decided.result);
    if (decided.change) changes.push(decided.change);
  }
  return { results, changes };
}

function notDueRow(ctx: BatchContext, id: string, indicator: LeafIndicator): Decided {
  const rounds = (indicator.rounds ?? []).join(', ');
  return invalid(id, [
    rowIssue(
      'not-due',
      id,
      `indicator ${id} is not reported in the ${ctx.round}-month round${rounds ? ` (only in round ${rounds})` : ''}`,
      `ตัวชี้วัด ${id} ไม่ต้องรายงานในรอบ ${ctx.round} เดือน${rounds ? ` (รายงานเฉพาะรอบ ${rounds} เดือน)` : ''}`,
    ),
  ]);
}

function decideRow(
  ctx: BatchContext,
  { asReporter, asCentral }: Caller,
  row: BatchRow,
  indicator: LeafIndicator | undefined,
  old: StoredReport | undefined,
): Decided {
  const id = row.indicatorId;
  if (!indicator) {
    return invalid(id, [
      rowIssue(
        'unknown-indicator',
        id,
        `there is no indicator "${id}" to report on in this assessment (unknown, or scored from its sub-indicators)`,
        `ไม่มีตัวชี้วัด "${id}" ที่รายงานผลได้ในชุดตัวชี้วัดนี้ (ไม่มีรหัสนี้ หรือคิดคะแนนจากตัวชี้วัดย่อย)`,
      ),
    ]);
  }
  if (old?.status === 'approved') return { result: { indicatorId: id, outcome: 'locked', current: toCurrentRow(old) } };
  if ((old?.version ?? 0) !== row.baseVersion) {
    return { result: { indicatorId: id, outcome: 'conflict', ...(old ? { current: toCurrentRow(old) } : {}) } };
  }
  const unstorable = unstorableField(row) ?? oversizedValue(row.value);
  if (unstorable) return invalid(id, [unstorable(id)]);
  const shape = resultShape(row.value);
  if (!shape.success) {
    return invalid(id, [
      rowIssue(
        'value-shape',
        id,
        `the value of indicator ${id} must be a number, text, a list of steps, or an object of variables`,
        `ค่าของตัวชี้วัด ${id} ต้องเป็นตัวเลข ข้อความ รายการขั้นตอน หรือออบเจกต์ของตัวแปร`,
      ),
    ]);
  }
  const merged = mergeCentral(indicator, shape.data, old?.value ?? null, asReporter, asCentral);
  if (!merged.ok) return invalid(id, merged.issues);
  const value = merged.value;
  if (ctx.action === 'submit' && isBlank(value)) {
    return invalid(id, [
      rowIssue(
        'value-required',
        id,
        `indicator ${id} has no result to submit; save it as a draft instead`,
        `ตัวชี้วัด ${id} ยังไม่มีผลการดำเนินงานให้ส่ง บันทึกเป็นฉบับร่างแทนได้`,
      ),
    ]);
  }
  const read = readResultValue(indicator, value);
  // Central data may come first: a ratio missing only the unit's own variable is complete as far as central
  // staff are concerned (it scores as not reported until the unit enters its part).
  const waitingForUnit = !asReporter && read.issues.every((i) => i.code === 'ratio-incomplete');
  if (read.status === 'invalid' && !waitingForUnit) return invalid(id, read.issues);

  const status: ReportStatus = ctx.action === 'submit' ? 'submitted' : asReporter ? 'draft' : (old?.status ?? 'draft');
  // Central staff entering central data change only the value: the unit's notes stay the unit's.
  const late = (ctx.late && asReporter) || (old?.late ?? false);
  const next: StoredReport = {
    indicatorId: id,
    value,
    explanation: noteOf(asReporter, row.explanation, old?.explanation),
    obstacles: noteOf(asReporter, row.obstacles, old?.obstacles),
    remarks: noteOf(asReporter, row.remarks, old?.remarks),
    status,
    version: (old?.version ?? 0) + 1,
    updatedBy: ctx.user.username,
    updatedAt: ctx.now,
    comment: old?.comment ?? null,
    late,
    // The late penalty counts from the unit's own submission: central staff submitting central data never set it.
    submittedAt: ctx.action === 'submit' && asReporter ? ctx.now : (old?.submittedAt ?? null),
  };
  const result: BatchResult = { indicatorId: id, outcome: 'accepted', version: next.version };
  if (read.issues.length > 0 && !waitingForUnit) result.issues = [...read.issues];
  if (ctx.late && asReporter) result.late = true;
  return { result, change: { old, next } };
}

/**
 * The value as rawResultSchema reads it. A number, text, true/false or null is what nearly every row holds, and is
 * its own reading (a JSON body has no NaN or Infinity for z.number() to refuse); lists and objects go to the schema.
 */
function resultShape(value: unknown): { success: true; data: RawResult } | { success: false } {
  if (value === undefined || value === null) return { success: true, data: null };
  const type = typeof value;
  if (type === 'string' || type === 'boolean' || (type === 'number' && Number.isFinite(value))) {
    return { success: true, data: value as RawResult };
  }
  return rawResultSchema.safeParse(value);
}

// Module functions, not closures made per row: a 10,000-row batch calls each 10,000 times (and tsx names every
// closure it makes, which costs more than the closure's work here).
function noteOf(asReporter: boolean, sent: string | null | undefined, kept: string | null | undefined): string | null {
  return asReporter && sent !== undefined ? sent : (kept ?? null);
}

const NOTE_FIELDS = ['explanation', 'obstacles', 'remarks'] as const;

/** The first note or value path holding text the database cannot keep (`remarks`, `value.num`). */
function unstorableWhere(row: BatchRow): string | undefined {
  for (const field of NOTE_FIELDS) if (findUnstorableText(row[field]) !== undefined) return field;
  const path = findUnstorableText(row.value);
  // The path may hold the very key that cannot be stored; the answer (kept for replay) must not.
  return path === undefined ? undefined : printableText(['value', ...path].join('.'));
}

/** A note or value holding text the database cannot keep, named by its field (`remarks`, `value.num`). */
function unstorableField(row: BatchRow): ((id: string) => Issue) | undefined {
  const where = unstorableWhere(row);
  if (where === undefined) return undefined;
  return (id) =>
    rowIssue(
      'unstorable-text',
      id,
      `${where} of indicator ${id} ${UNSTORABLE_TEXT.en}`,
      `${where} ของตัวชี้วัด ${id} ${UNSTORABLE_TEXT.th}`,
      where,
    );
}

/**
 * A result is what a sheet cell holds: a number or short text, or a few steps or variables. Bounded so one row
 * cannot make every read of the unit (and the audit log) carry megabytes. The schema already bounds its depth.
 */
function oversizedValue(value: unknown): ((id: string) => Issue) | undefined {
  const texts: string[] = [];
  let entries = 0;
  const parts = typeof value === 'object' && value !== null ? Object.entries(value) : [];
  if (typeof value === 'string') texts.push(value);
  for (const [k, v] of parts) {
    entries++;
    if (!Array.isArray(value)) texts.push(k);
    if (typeof v === 'string') texts.push(v);
  }
  if (entries > MAX_VALUE_ENTRIES) {
    return (id) =>
      rowIssue(
        'value-too-large',
        id,
        `the value of indicator ${id} has ${entries} parts; at most ${MAX_VALUE_ENTRIES} steps or variables`,
        `ค่าของตัวชี้วัด ${id} มี ${entries} ส่วน เกินกำหนด (ไม่เกิน ${MAX_VALUE_ENTRIES} ขั้นตอนหรือตัวแปร)`,
        'value',
      );
  }
  const longest = texts.reduce((n, t) => Math.max(n, t.length), 0);
  if (longest > MAX_VALUE_TEXT_LENGTH) {
    return (id) =>
      rowIssue(
        'value-too-long',
        id,
        `the value of indicator ${id} holds text of ${longest} characters; a result is at most ${MAX_VALUE_TEXT_LENGTH} (put words in the explanation)`,
        `ค่าของตัวชี้วัด ${id} มีข้อความยาว ${longest} ตัวอักษร ผลการดำเนินงานยาวได้ไม่เกิน ${MAX_VALUE_TEXT_LENGTH} ตัวอักษร (คำอธิบายให้ใส่ในคำชี้แจง)`,
        'value',
      );
  }
  return undefined;
}

const NO_VARIABLES: readonly string[] = [];

type Merge = { ok: true; value: RawResult } | { ok: false; issues: Issue[] };

function mergeCentral(indicator: LeafIndicator, sent: RawResult, stored: RawResult, asReporter: boolean, asCentral: boolean): Merge {
  if (indicator.centralResult) return mergeCentralResult(indicator, sent, stored, asCentral);
  // Only a ratio has variables: no list made for the rows of every other kind.
  const centralIds = indicator.kind === 'ratio' ? centralVariables(indicator) : NO_VARIABLES;
  // A reporter's row of an indicator without central data, nearly every row: the value as sent (as below).
  if (asReporter && (centralIds.length === 0 || asCentral)) return { ok: true, value: sent };
  const central = new Set(centralIds);
  const id = indicator.id;
  const storedVars = isVariables(stored) ? stored : {};
  if (!asReporter) {
    // Central staff who do not report for this unit: central variables only.
    const own = isVariables(sent) ? Object.keys(sent).filter((k) => !central.has(k)) : [];
    if (central.size === 0 || !isVariables(sent) || own.length > 0) {
      return {
        ok: false,
        issues: [
          rowIssue(
            'central-only',
            id,
            `central staff enter only central variables; indicator ${id} takes ${central.size === 0 ? 'none' : [...central].join(', ')} from the central office`,
            `เจ้าหน้าที่ส่วนกลางกรอกได้เฉพาะข้อมูลส่วนกลาง ตัวชี้วัด ${id} ${central.size === 0 ? 'ไม่มีข้อมูลส่วนกลาง' : `มีข้อมูลส่วนกลางคือ ${[...central].join(', ')}`}`,
            own[0],
          ),
        ],
      };
    }
    return { ok: true, value: { ...storedVars, ...sent } };
  }
  if (central.size === 0 || asCentral) return { ok: true, value: sent };
  if (isBlank(sent)) return { ok: true, value: centralPart(storedVars, central) ?? null };
  if (!isVariables(sent)) {
    return {
      ok: false,
      issues: [
        rowIssue(
          'central-variable',
          id,
          `indicator ${id} uses central data (${[...central].join(', ')}); enter its variables, not a worked-out ratio`,
          `ตัวชี้วัด ${id} ใช้ข้อมูลส่วนกลาง (${[...central].join(', ')}) ให้กรอกค่าตัวแปร ไม่ใช่ผลที่คำนวณแล้ว`,
        ),
      ],
    };
  }
  const issues: Issue[] = [];
  for (const key of central) {
    const mine = sent[key];
    if (!isBlank(mine) && !sameResult(mine, storedVars[key] ?? null)) {
      issues.push(
        rowIssue(
          'central-variable',
          id,
          `${key} of indicator ${id} is supplied by the central office and cannot be changed by the unit`,
          `${key} ของตัวชี้วัด ${id} เป็นข้อมูลส่วนกลาง หน่วยงานแก้ไขไม่ได้`,
          key,
        ),
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  // The central variables the unit typed equal the central office's (checked above): stored as the office's.
  const own = Object.fromEntries(Object.entries(sent).filter(([k]) => !central.has(k)));
  return { ok: true, value: withCentralVariables(own, storedVars, [...central]) as RawResult };
}

/**
 * A central result (`centralResult: true`): central staff set the whole value; a unit's reporter keeps what is
 * stored. Sending it blank or unchanged (a round trip of what GET returned) is fine, so the unit can still save its
 * notes; a different value is refused with `central-result`.
 */
function mergeCentralResult(indicator: LeafIndicator, sent: RawResult, stored: RawResult, asCentral: boolean): Merge {
  if (asCentral) return { ok: true, value: sent };
  if (isBlank(sent) || sameResult(sent, stored)) return { ok: true, value: stored };
  const id = indicator.id;
  return {
    ok: false,
    issues: [
      rowIssue(
        'central-result',
        id,
        `the result of indicator ${id} is supplied by the central office; the unit cannot set it`,
        `ผลของตัวชี้วัด ${id} ได้จากส่วนกลาง หน่วยงานกรอกหรือแก้ไขไม่ได้`,
      ),
    ],
  };
}

function centralPart(
  vars: Record<string, string | number | null>,
  central: ReadonlySet<string>,
): Record<string, string | number | null> | undefined {
  const part = Object.fromEntries(Object.entries(vars).filter(([k]) => central.has(k)));
  return Object.keys(part).length > 0 ? part : undefined;
}

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
 * values, notes and status.
 */
import {
  issue,
  isGroup,
  allIndicators,
  notDueIn,
  rawResultSchema,
  readResultValue,
  type Assessment,
  type Issue,
  type LeafIndicator,
  type RawResult,
} from '../../domain';
import type { BatchResult, BatchRow, ReportStatus } from '../../api';
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

export function decideRows(ctx: BatchContext, rows: readonly BatchRow[], stored: ReadonlyMap<string, StoredReport>): Decision {
  const notDue = notDueIn(ctx.assessment, ctx.round);
  const leaves = new Map<string, LeafIndicator>();
  for (const i of allIndicators(ctx.assessment)) if (!isGroup(i)) leaves.set(i.id, i);
  const seen = new Set<string>();
  const results: BatchResult[] = [];
  const changes: RowChange[] = [];
  for (const row of rows) {
    const decided = seen.has(row.indicatorId)
      ? invalid(row.indicatorId, [
          rowIssue('duplicate-row', row.indicatorId, `indicator ${row.indicatorId} appears more than once in this batch; only the first counts`,
            `ตัวชี้วัด ${row.indicatorId} อยู่ในชุดข้อมูลนี้มากกว่าหนึ่งครั้ง ระบบใช้เฉพาะรายการแรก`),
        ])
      : notDue.has(row.indicatorId) && leaves.has(row.indicatorId)
        ? notDueRow(ctx, row.indicatorId, leaves.get(row.indicatorId) as LeafIndicator)
        : decideRow(ctx, row, leaves.get(row.indicatorId), stored.get(row.indicatorId));
    seen.add(row.indicatorId);
    results.push(decided.result);
    if (decided.change) changes.push(decided.change);
  }
  return { results, changes };
}

function notDueRow(ctx: BatchContext, id: string, indicator: LeafIndicator): Decided {
  const rounds = (indicator.rounds ?? []).join(', ');
  return invalid(id, [
    rowIssue('not-due', id, `indicator ${id} is not reported in the ${ctx.round}-month round${rounds ? ` (only in round ${rounds})` : ''}`,
      `ตัวชี้วัด ${id} ไม่ต้องรายงานในรอบ ${ctx.round} เดือน${rounds ? ` (รายงานเฉพาะรอบ ${rounds} เดือน)` : ''}`),
  ]);
}

function decideRow(ctx: BatchContext, row: BatchRow, indicator: LeafIndicator | undefined, old: StoredReport | undefined): Decided {
  const id = row.indicatorId;
  if (!indicator) {
    return invalid(id, [
      rowIssue('unknown-indicator', id, `there is no indicator "${id}" to report on in this assessment (unknown, or scored from its sub-indicators)`,
        `ไม่มีตัวชี้วัด "${id}" ที่รายงานผลได้ในชุดตัวชี้วัดนี้ (ไม่มีรหัสนี้ หรือคิดคะแนนจากตัวชี้วัดย่อย)`),
    ]);
  }
  if (old?.status === 'approved') return { result: { indicatorId: id, outcome: 'locked', current: toCurrentRow(old) } };
  if ((old?.version ?? 0) !== row.baseVersion) {
    return { result: { indicatorId: id, outcome: 'conflict', ...(old ? { current: toCurrentRow(old) } : {}) } };
  }
  const shape = rawResultSchema.safeParse(row.value === undefined ? null : row.value);
  if (!shape.success) {
    return invalid(id, [
      rowIssue('value-shape', id, `the value of indicator ${id} must be a number, text, a list of steps, or an object of variables`,
        `ค่าของตัวชี้วัด ${id} ต้องเป็นตัวเลข ข้อความ รายการขั้นตอน หรือออบเจกต์ของตัวแปร`),
    ]);
  }
  const asReporter = canReport(ctx.user, ctx.unitId);
  const merged = mergeCentral(indicator, shape.data, old?.value ?? null, asReporter, isCentral(ctx.user));
  if (!merged.ok) return invalid(id, merged.issues);
  const value = merged.value;
  if (ctx.action === 'submit' && isBlank(value)) {
    return invalid(id, [
      rowIssue('value-required', id, `indicator ${id} has no result to submit; save it as a draft instead`,
        `ตัวชี้วัด ${id} ยังไม่มีผลการดำเนินงานให้ส่ง บันทึกเป็นฉบับร่างแทนได้`),
    ]);
  }
  const read = readResultValue(indicator, value);
  // Central data may come first: a ratio missing only the unit's own variable is complete as far as central
  // staff are concerned (it scores as not reported until the unit enters its part).
  const waitingForUnit = !asReporter && read.issues.every((i) => i.code === 'ratio-incomplete');
  if (read.status === 'invalid' && !waitingForUnit) return invalid(id, read.issues);

  const status: ReportStatus = ctx.action === 'submit' ? 'submitted' : asReporter ? 'draft' : (old?.status ?? 'draft');
  // Central staff entering central data change only the value: the unit's notes stay the unit's.
  const note = (sent: string | null | undefined, kept: string | null | undefined): string | null =>
    asReporter && sent !== undefined ? sent : (kept ?? null);
  const late = (ctx.late && asReporter) || (old?.late ?? false);
  const next: StoredReport = {
    indicatorId: id,
    value,
    explanation: note(row.explanation, old?.explanation),
    obstacles: note(row.obstacles, old?.obstacles),
    remarks: note(row.remarks, old?.remarks),
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

type Merge = { ok: true; value: RawResult } | { ok: false; issues: Issue[] };

function mergeCentral(indicator: LeafIndicator, sent: RawResult, stored: RawResult, asReporter: boolean, asCentral: boolean): Merge {
  const central = new Set(indicator.kind === 'ratio' ? indicator.variables.filter((v) => v.central).map((v) => v.id) : []);
  const id = indicator.id;
  const storedVars = isVariables(stored) ? stored : {};
  if (!asReporter) {
    // Central staff who do not report for this unit: central variables only.
    const own = isVariables(sent) ? Object.keys(sent).filter((k) => !central.has(k)) : [];
    if (central.size === 0 || !isVariables(sent) || own.length > 0) {
      return {
        ok: false,
        issues: [
          rowIssue('central-only', id, `central staff enter only central variables; indicator ${id} takes ${central.size === 0 ? 'none' : [...central].join(', ')} from the central office`,
            `เจ้าหน้าที่ส่วนกลางกรอกได้เฉพาะข้อมูลส่วนกลาง ตัวชี้วัด ${id} ${central.size === 0 ? 'ไม่มีข้อมูลส่วนกลาง' : `มีข้อมูลส่วนกลางคือ ${[...central].join(', ')}`}`, own[0]),
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
        rowIssue('central-variable', id, `indicator ${id} uses central data (${[...central].join(', ')}); enter its variables, not a worked-out ratio`,
          `ตัวชี้วัด ${id} ใช้ข้อมูลส่วนกลาง (${[...central].join(', ')}) ให้กรอกค่าตัวแปร ไม่ใช่ผลที่คำนวณแล้ว`),
      ],
    };
  }
  const issues: Issue[] = [];
  for (const key of central) {
    const mine = sent[key];
    if (!isBlank(mine) && JSON.stringify(mine) !== JSON.stringify(storedVars[key] ?? null)) {
      issues.push(
        rowIssue('central-variable', id, `${key} of indicator ${id} is supplied by the central office and cannot be changed by the unit`,
          `${key} ของตัวชี้วัด ${id} เป็นข้อมูลส่วนกลาง หน่วยงานแก้ไขไม่ได้`, key),
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const own = Object.fromEntries(Object.entries(sent).filter(([k]) => !central.has(k)));
  return { ok: true, value: { ...own, ...(centralPart(storedVars, central) ?? {}) } };
}

function centralPart(vars: Record<string, string | number | null>, central: ReadonlySet<string>): Record<string, string | number | null> | undefined {
  const part = Object.fromEntries(Object.entries(vars).filter(([k]) => central.has(k)));
  return Object.keys(part).length > 0 ? part : undefined;
}

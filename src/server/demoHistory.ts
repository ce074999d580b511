/**
 * The reported past of `serve --demo`: each row as the batch and the review would have left it on the day each step
 * happened (inside each round's window, or after it for a late report): its versions, status, submission time,
 * lateness, the approver's comment, and one audit event per step (central save, submit, approve or return). Written
 * in one transaction through the report and audit stores, a statement per unit and round: through the batch and
 * review code, a transaction per step, it made a fresh `serve --demo` take 30 s to start.
 *
 * - Pathum Thani: pte-2566 (last year, derived from pte-2567) reported by pte and cbi in its 6-, 9- and 12-month
 *   rounds and approved; pte-2567's 9- and 12-month rounds reported (12 partly approved, one row returned). Its
 *   6-month round is the open one, left for the reporters (the end-to-end tests fill it).
 * - KRS: the education-area offices of `KRS_AREA_UNITS` in every state in the open 6-month round (not started,
 *   draft, submitted, approved, returned) and in the 12-month round (on time, late, approved).
 *
 * Values are plausible and move round over round: each indicator goes from near its first level toward its last,
 * with a per-indicator and per-unit offset, so some reach the top, some fall short.
 */
import type { BatchRow, ReportStatus } from '../api';
import { leafIndicators, type Assessment, type LeafIndicator, type RawResult, type Round } from '../domain';
import type { User } from './auth/permissions';
import type { Db } from './db/connect';
import { inTransaction, type Tx } from './db/transaction';
import { getAssessment } from './store/assessments';
import { appendAudit, type NewAuditEvent } from './store/audit';
import { auditSnapshot, insertReports, type RowScope, type StoredReport } from './store/reports';

const DAY = 24 * 60 * 60 * 1000;

/** Education area offices (สำนักงานเขตพื้นที่การศึกษา) added to the KRS sample's four for the demo. */
export const KRS_AREA_UNITS: { id: string; name: string; group: string }[] = [
  { id: 'spp-nbi1', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษานนทบุรี เขต 1', group: 'central' },
  { id: 'spp-nbi2', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษานนทบุรี เขต 2', group: 'central' },
  { id: 'spp-aya1', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพระนครศรีอยุธยา เขต 1', group: 'central' },
  { id: 'spp-aya2', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพระนครศรีอยุธยา เขต 2', group: 'central' },
  { id: 'spp-spk1', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรปราการ เขต 1', group: 'central' },
  { id: 'spp-spk2', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรปราการ เขต 2', group: 'central' },
  { id: 'spp-sri1', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระบุรี เขต 1', group: 'central' },
  { id: 'spp-sri2', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระบุรี เขต 2', group: 'central' },
  { id: 'spp-nyk', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษานครนายก', group: 'central' },
  { id: 'spm-nbi', name: 'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษานนทบุรี', group: 'central' },
  { id: 'spm-aya', name: 'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาพระนครศรีอยุธยา', group: 'central' },
  { id: 'spp-cbi2', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาชลบุรี เขต 2', group: 'east' },
  { id: 'spp-cbi3', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาชลบุรี เขต 3', group: 'east' },
  { id: 'spp-ryg1', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาระยอง เขต 1', group: 'east' },
  { id: 'spp-ryg2', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาระยอง เขต 2', group: 'east' },
  { id: 'spp-cco1', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาฉะเชิงเทรา เขต 1', group: 'east' },
  { id: 'spp-cco2', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาฉะเชิงเทรา เขต 2', group: 'east' },
  { id: 'spp-pri1', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาปราจีนบุรี เขต 1', group: 'east' },
  { id: 'spp-pri2', name: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาปราจีนบุรี เขต 2', group: 'east' },
  { id: 'spm-cbi-ryg', name: 'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาชลบุรี ระยอง', group: 'east' },
  { id: 'spm-cco', name: 'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาฉะเชิงเทรา', group: 'east' },
];

export const KRS_UNIT_GROUPS = [
  { id: 'central', name: 'ภาคกลาง', nameEn: 'Central' },
  { id: 'east', name: 'ภาคตะวันออก', nameEn: 'East' },
];

/** The group of each KRS unit the sample and the demo already had. */
export const KRS_SAMPLE_UNIT_GROUPS: Record<string, string> = {
  'spp-pte1': 'central',
  'spp-pte2': 'central',
  'spm-pte': 'central',
  'spp-cbi1': 'east',
  pte: 'central',
  cbi: 'east',
};

const KRS_UNITS = KRS_AREA_UNITS.map((u) => u.id);
export const KRS_REPORTER: User = { username: 'krs.reporter', name: 'ผู้รายงาน สพท. (ตัวอย่าง)', roles: ['reporter'], units: KRS_UNITS };
export const KRS_APPROVER: User = { username: 'krs.approver', name: 'ผู้อนุมัติ สพท. (ตัวอย่าง)', roles: ['approver'], units: KRS_UNITS };

/** A repeatable fraction in [0, 1) for a name: the demo is the same on every machine. */
function spread(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1000) / 1000;
}

/**
 * A result for `progress` along the indicator's targets (0: its first level, 1: its last), as a reporter types it:
 * a number rounded as its targets are written, the steps ticked for a milestone.
 */
function resultAt(indicator: LeafIndicator, progress: number): BatchRow['value'] {
  if (indicator.kind === 'milestone' || indicator.kind === 'binary') {
    const reached = Math.max(0, Math.min(indicator.steps.length, Math.round(progress * indicator.steps.length)));
    return indicator.steps.map((_, i) => i < reached);
  }
  const first = indicator.targets[0] as number;
  const last = indicator.targets[indicator.targets.length - 1] as number;
  return Math.round((first + (last - first) * progress) * 100) / 100;
}

/** Where a unit stands on an indicator at a point of the years: later rounds nearer the top, each its own offset. */
function progressOf(step: number, unit: string, indicator: string): number {
  return step + (spread(`${unit}/${indicator}`) - 0.5) * 0.7;
}

/** One step of a row's past: who did it, when, and what it left. */
interface Step {
  readonly actor: string;
  readonly at: Date;
  readonly action: 'save' | 'submit' | 'approve' | 'return';
  readonly value?: BatchRow['value'];
  readonly comment?: string;
}

const RETURN_COMMENT = 'ขอเอกสารหลักฐานประกอบผลการดำเนินงานเพิ่มเติม';

/** The rows of one unit in one round after their steps, with an audit event per step, in one statement each. */
async function storeRows(tx: Tx, scope: RowScope, round: Round, rows: { indicatorId: string; steps: Step[] }[]): Promise<void> {
  const stored: StoredReport[] = [];
  const events: NewAuditEvent[] = [];
  for (const { indicatorId, steps } of rows) {
    let row: StoredReport | undefined;
    for (const step of steps) {
      const before = row;
      const submitting = step.action === 'submit';
      const late = submitting ? step.at.getTime() > Date.parse(round.closesAt) : (before?.late ?? false);
      row = {
        indicatorId,
        value: step.value !== undefined ? (step.value as RawResult) : (before?.value ?? null),
        explanation: null,
        obstacles: null,
        remarks: null,
        status: { save: 'draft', submit: 'submitted', approve: 'approved', return: 'returned' }[step.action] as ReportStatus,
        version: (before?.version ?? 0) + 1,
        updatedBy: step.actor,
        updatedAt: step.at,
        comment: step.action === 'return' ? (step.comment ?? RETURN_COMMENT) : step.action === 'approve' ? null : (before?.comment ?? null),
        late,
        // Only the unit's own reporters' submits set it (decideRows): it is the late penalty's clock.
        submittedAt: submitting ? step.at : (before?.submittedAt ?? null),
      };
      events.push({
        at: step.at,
        actor: step.actor,
        action: `report.${step.action}`,
        assessmentId: scope.assessmentId,
        round: scope.round,
        unitId: scope.unitId,
        indicatorId,
        ...(before ? { old: auditSnapshot(before) } : {}),
        new: auditSnapshot(row),
      });
    }
    if (row) stored.push(row);
  }
  await insertReports(tx, scope, stored);
  await appendAudit(tx, events);
}

async function modelOf(db: Db | Tx, aid: string): Promise<Assessment> {
  const stored = await getAssessment(db, aid);
  if (!stored) throw new Error(`demo: ${aid} is not stored`);
  return stored.model;
}

function roundOf(a: Assessment, round: number): Round {
  const found = a.rounds.find((r) => r.round === round);
  if (!found) throw new Error(`demo: ${a.id} has no round ${round}`);
  return found;
}

const daysAfter = (iso: string, days: number): Date => new Date(Date.parse(iso) + days * DAY);

/** Pathum Thani's two years: `step` says how far along each round stands; `returned` / `pending` what pte's approver did not approve. */
export async function reportPathumThani(
  db: Db,
  aid: string,
  rounds: { round: number; step: number; returned?: string[]; pending?: string[] }[],
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const assessment = await modelOf(tx, aid);
    const leaves = leafIndicators(assessment);
    for (const { round, step, returned, pending } of rounds) {
      const window = roundOf(assessment, round);
      for (const unit of ['pte', 'cbi']) {
        const submitted = daysAfter(window.opensAt, 5);
        const reviewed = daysAfter(window.opensAt, 7);
        const rows = leaves.map((i) => {
          const value = resultAt(i, progressOf(step, unit, i.id));
          const steps: Step[] = [{ actor: `${unit}.reporter`, at: submitted, action: 'submit', value }];
          const left = unit === 'pte' && pending?.includes(i.id);
          const back = unit === 'pte' && returned?.includes(i.id);
          if (!left) steps.push({ actor: `${unit}.approver`, at: reviewed, action: back ? 'return' : 'approve' });
          return { indicatorId: i.id, steps };
        });
        await storeRows(tx, { assessmentId: aid, round, unitId: unit }, window, rows);
      }
    }
  });
}

type KrsState = 'not-started' | 'draft' | 'submitted' | 'approved' | 'returned' | 'late';

/** The KRS offices in turn: every state in both rounds, the late ones in the 12-month round only. */
function krsState(index: number, round: number): KrsState {
  const six: KrsState[] = ['not-started', 'draft', 'submitted', 'approved', 'returned', 'submitted', 'approved'];
  const twelve: KrsState[] = ['approved', 'late', 'approved', 'submitted', 'returned', 'approved', 'late'];
  return (round === 12 ? twelve : six)[index % 7] as KrsState;
}

/**
 * KRS: central staff supply the central variables (11.2, 11.4) and the central result (12), then each office
 * reports 11.3 (and 11.5 at 12 months) and submits the rows as they are, or keeps them as a draft.
 */
export async function reportKrs(db: Db, aid: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const assessment = await modelOf(tx, aid);
    for (const round of [6, 12]) {
      const window = assessment.rounds.find((r) => r.round === round);
      if (!window) continue;
      for (const [index, unit] of KRS_UNITS.entries()) {
        const state = krsState(index, round);
        if (state === 'not-started') continue;
        const p = (id: string) => Math.max(0, Math.min(1, (round === 12 ? 0.75 : 0.45) + (spread(`${unit}/${id}`) - 0.5) * 0.8));
        const schools = 80 + Math.round(spread(unit) * 120);
        const supplied = daysAfter(window.opensAt, 3);
        const reported = state === 'late' ? daysAfter(window.closesAt, 2 + (index % 3)) : daysAfter(window.opensAt, 4);
        const reviewed = new Date(reported.getTime() + 2 * DAY);
        const central: [string, BatchRow['value']][] = [
          ['11.2', { num: Math.round(schools * (0.78 + 0.22 * p('11.2'))), den: schools }],
          ['11.4', { num: Math.round(schools * (0.55 + 0.3 * p('11.4'))), den: schools }],
          ['12', Math.round((74 + 22 * p('12')) * 100) / 100],
        ];
        const own: [string, BatchRow['value']][] = [['11.3', p('11.3') > 0.25 ? 1 : 0]];
        if (round === 12) own.push(['11.5', [true, p('11.5') > 0.5]]);
        const reporter = (value?: BatchRow['value']): Step => ({
          actor: KRS_REPORTER.username,
          at: reported,
          action: state === 'draft' ? 'save' : 'submit',
          ...(value !== undefined ? { value } : {}),
        });
        const review = (id: string): Step[] =>
          state === 'approved' || state === 'returned'
            ? [{ actor: KRS_APPROVER.username, at: reviewed, action: state === 'returned' && id === '11.3' ? 'return' : 'approve' }]
            : [];
        // Central staff supply the central variables and result first; the office then submits those rows as they are.
        const rows = [
          ...own.map(([indicatorId, value]) => ({ indicatorId, steps: [reporter(value), ...review(indicatorId)] })),
          ...central.map(([indicatorId, value]) => ({
            indicatorId,
            steps: [{ actor: 'central', at: supplied, action: 'save', value } as Step, reporter(), ...review(indicatorId)],
          })),
        ];
        await storeRows(tx, { assessmentId: aid, round, unitId: unit }, window, rows);
      }
    }
  });
}

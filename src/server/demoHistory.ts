/**
 * The reported past of `serve --demo`, written through the product's own batch and review code with the clock of
 * the day each step happened (inside each round's window, or after it for a late report), so rows, statuses,
 * submission times, lateness and the audit log are what real use would have left:
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
import type { BatchRow } from '../api';
import { leafIndicators, type Assessment, type LeafIndicator } from '../domain';
import type { User } from './auth/permissions';
import type { Db } from './db/connect';
import { runBatch } from './reports/batch';
import { reviewReport } from './reports/review';
import { getAssessment } from './store/assessments';

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

const reporterOf = (unit: string): User => ({ username: `${unit}.reporter`, name: unit, roles: ['reporter'], units: [unit] });
const approverOf = (unit: string): User => ({ username: `${unit}.approver`, name: unit, roles: ['approver'], units: [unit] });
const KRS_UNITS = KRS_AREA_UNITS.map((u) => u.id);
export const KRS_REPORTER: User = { username: 'krs.reporter', name: 'ผู้รายงาน สพท. (ตัวอย่าง)', roles: ['reporter'], units: KRS_UNITS };
export const KRS_APPROVER: User = { username: 'krs.approver', name: 'ผู้อนุมัติ สพท. (ตัวอย่าง)', roles: ['approver'], units: KRS_UNITS };
const CENTRAL: User = { username: 'central', name: 'สำนักงานส่วนกลาง', roles: ['central'], units: [] };

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

async function submitAndReview(
  db: Db,
  o: {
    aid: string;
    round: number;
    unit: string;
    rows: BatchRow[];
    reporter: User;
    approver: User;
    at: Date;
    action: 'save' | 'submit';
    /** Indicators the approver returns or has not looked at yet (the rest are approved); absent: no review. */
    review?: { returned: string[]; pending?: string[] };
  },
): Promise<void> {
  const answer = await runBatch(db, {
    user: o.reporter,
    aid: o.aid,
    round: o.round,
    unit: o.unit,
    body: { action: o.action, rows: o.rows },
    idempotencyKey: `demo:${o.aid}:${o.round}:${o.unit}:${o.action}`,
    now: o.at,
  });
  const refused = answer.results.filter((r) => r.outcome !== 'accepted');
  if (refused.length > 0) throw new Error(`demo ${o.aid} ${o.round} ${o.unit}: ${JSON.stringify(refused)}`);
  if (!o.review) return;
  const reviewedAt = new Date(o.at.getTime() + 2 * DAY);
  for (const row of o.rows) {
    if (o.review.pending?.includes(row.indicatorId)) continue;
    const returned = o.review.returned.includes(row.indicatorId);
    await reviewReport(db, {
      user: o.approver,
      aid: o.aid,
      round: o.round,
      unit: o.unit,
      indicatorId: row.indicatorId,
      decision: returned ? 'return' : 'approve',
      comment: returned ? 'ขอเอกสารหลักฐานประกอบผลการดำเนินงานเพิ่มเติม' : undefined,
      version: undefined,
      clock: () => reviewedAt,
      separationOfDuties: true,
    });
  }
}

async function modelOf(db: Db, aid: string): Promise<Assessment> {
  const stored = await getAssessment(db, aid);
  if (!stored) throw new Error(`demo: ${aid} is not stored`);
  return stored.model;
}

const openedAt = (a: Assessment, round: number, days: number): Date =>
  new Date(Date.parse(a.rounds.find((r) => r.round === round)?.opensAt ?? '') + days * DAY);

/** Pathum Thani's two years: `steps` says how far along each (assessment, round) stands. */
export async function reportPathumThani(
  db: Db,
  aid: string,
  rounds: { round: number; step: number; returned?: string[]; pending?: string[] }[],
): Promise<void> {
  const assessment = await modelOf(db, aid);
  const leaves = leafIndicators(assessment);
  for (const { round, step, returned, pending } of rounds) {
    for (const unit of ['pte', 'cbi']) {
      const rows = leaves.map((i) => ({ indicatorId: i.id, value: resultAt(i, progressOf(step, unit, i.id)), baseVersion: 0 }));
      await submitAndReview(db, {
        aid,
        round,
        unit,
        rows,
        reporter: reporterOf(unit),
        approver: approverOf(unit),
        at: openedAt(assessment, round, 5),
        action: 'submit',
        review: unit === 'pte' ? { returned: returned ?? [], pending: pending ?? [] } : { returned: [] },
      });
    }
  }
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
  const assessment = await modelOf(db, aid);
  for (const round of [6, 12]) {
    const window = assessment.rounds.find((r) => r.round === round);
    if (!window) continue;
    for (const [index, unit] of KRS_UNITS.entries()) {
      const state = krsState(index, round);
      if (state === 'not-started') continue;
      const p = (id: string) => Math.max(0, Math.min(1, (round === 12 ? 0.75 : 0.45) + (spread(`${unit}/${id}`) - 0.5) * 0.8));
      const schools = 80 + Math.round(spread(unit) * 120);
      const central: BatchRow[] = [
        { indicatorId: '11.2', value: { num: Math.round(schools * (0.78 + 0.22 * p('11.2'))), den: schools }, baseVersion: 0 },
        { indicatorId: '11.4', value: { num: Math.round(schools * (0.55 + 0.3 * p('11.4'))), den: schools }, baseVersion: 0 },
        { indicatorId: '12', value: Math.round((74 + 22 * p('12')) * 100) / 100, baseVersion: 0 },
      ];
      const at = openedAt(assessment, round, 3);
      const saved = await runBatch(db, {
        user: CENTRAL,
        aid,
        round,
        unit,
        body: { action: 'save', rows: central },
        idempotencyKey: `demo:${aid}:${round}:${unit}:central`,
        now: at,
      });
      if (saved.results.some((r) => r.outcome !== 'accepted'))
        throw new Error(`demo KRS central ${unit}: ${JSON.stringify(saved.results)}`);
      const own: BatchRow[] = [{ indicatorId: '11.3', value: p('11.3') > 0.25 ? 1 : 0, baseVersion: 0 }];
      if (round === 12) own.push({ indicatorId: '11.5', value: [true, p('11.5') > 0.5], baseVersion: 0 });
      const rows = [...own, ...central.map((r) => ({ ...r, baseVersion: 1 }))];
      const late = state === 'late';
      await submitAndReview(db, {
        aid,
        round,
        unit,
        rows,
        reporter: KRS_REPORTER,
        approver: KRS_APPROVER,
        at: late ? new Date(Date.parse(window.closesAt) + (2 + (index % 3)) * DAY) : new Date(at.getTime() + DAY),
        action: state === 'draft' ? 'save' : 'submit',
        ...(state === 'approved' ? { review: { returned: [] } } : state === 'returned' ? { review: { returned: ['11.3'] } } : {}),
      });
    }
  }
}

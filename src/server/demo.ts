/**
 * `serve --demo`: the sample assessments of assets/samples for the units pte (จังหวัดปทุมธานี) and cbi
 * (จังหวัดชลบุรี), with a 6-month round open from yesterday for 30 days and a 12-month round already closed,
 * and the users of `DEMO_USERS` with the password `demo`. Pathum Thani also has last year's set (pte-2566, which
 * pte-2567 names as `previous`) and a closed 9-month round; the KRS set has 21 more education area offices in
 * two groups. Their past is reported by demoHistory.ts when the assessment is first stored. Loading twice changes
 * nothing: what exists is left as it is, so a restart on the same data folder keeps everything entered since.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../api';
import { bangkokDate, fiscalYearOf } from '../domain';
import type { ScryptCost } from './auth/passwords';
import type { Db } from './db/connect';
import { inTransaction } from './db/transaction';
import {
  KRS_AREA_UNITS,
  KRS_APPROVER,
  KRS_REPORTER,
  KRS_SAMPLE_UNIT_GROUPS,
  KRS_UNIT_GROUPS,
  reportKrs,
  reportPathumThani,
} from './demoHistory';
import { putAssessment } from './store/assessments';
import { createUser } from './store/users';

const DAY = 24 * 60 * 60 * 1000;
const DEMO_UNITS = [
  { id: 'pte', name: 'จังหวัดปทุมธานี' },
  { id: 'cbi', name: 'จังหวัดชลบุรี' },
];

export const DEMO_USERS: { username: string; name: string; roles: Role[]; units: string[] }[] = [
  { username: 'pte.reporter', name: 'ผู้รายงาน จังหวัดปทุมธานี', roles: ['reporter'], units: ['pte'] },
  { username: 'pte.approver', name: 'ผู้อนุมัติ จังหวัดปทุมธานี', roles: ['approver'], units: ['pte'] },
  { username: 'cbi.reporter', name: 'ผู้รายงาน จังหวัดชลบุรี', roles: ['reporter'], units: ['cbi'] },
  { username: 'cbi.approver', name: 'ผู้อนุมัติ จังหวัดชลบุรี', roles: ['approver'], units: ['cbi'] },
  { username: 'central', name: 'สำนักงานส่วนกลาง', roles: ['central'], units: [] },
  { ...KRS_REPORTER, units: [...KRS_REPORTER.units] },
  { ...KRS_APPROVER, units: [...KRS_APPROVER.units] },
];

/** Midnight in Bangkok (UTC+7) of the day before `now`, written with its offset as the documents write dates. */
function bangkokMidnightBefore(now: Date): Date {
  const bangkok = new Date(now.getTime() + 7 * 60 * 60 * 1000);
  const midnightUtc = Date.UTC(bangkok.getUTCFullYear(), bangkok.getUTCMonth(), bangkok.getUTCDate()) - 7 * 60 * 60 * 1000;
  return new Date(midnightUtc - DAY);
}

const iso = (d: Date): string => d.toISOString().replace('.000Z', 'Z');

export function demoRounds(now: Date): { round: number; opensAt: string; closesAt: string; allowLate: boolean }[] {
  const opens = bangkokMidnightBefore(now);
  return [
    { round: 6, opensAt: iso(opens), closesAt: iso(new Date(opens.getTime() + 30 * DAY)), allowLate: false },
    {
      round: 12,
      opensAt: iso(new Date(opens.getTime() - 60 * DAY)),
      closesAt: iso(new Date(opens.getTime() - 30 * DAY)),
      allowLate: false,
    },
  ];
}

const at = (d: Date, days: number): string => iso(new Date(d.getTime() + days * DAY));

/** Pathum Thani 2567: the demo's rounds and a 9-month round closed before the 12-month one. */
export function pathumThaniRounds(now: Date): { round: number; opensAt: string; closesAt: string; allowLate: boolean }[] {
  const opens = bangkokMidnightBefore(now);
  const [six, twelve] = demoRounds(now);
  return [six!, { round: 9, opensAt: at(opens, -120), closesAt: at(opens, -90), allowLate: false }, twelve!];
}

/** Pathum Thani 2566: three rounds, all closed, in the year before. */
export function lastYearRounds(now: Date): { round: number; opensAt: string; closesAt: string; allowLate: boolean }[] {
  const opens = bangkokMidnightBefore(now);
  return [
    { round: 6, opensAt: at(opens, -365), closesAt: at(opens, -335), allowLate: false },
    { round: 9, opensAt: at(opens, -275), closesAt: at(opens, -245), allowLate: false },
    { round: 12, opensAt: at(opens, -185), closesAt: at(opens, -155), allowLate: false },
  ];
}

/**
 * The fiscal year (พ.ศ.) the demo's documents are told they are for: the one holding today in Bangkok. The samples
 * are an earlier year's documents, and the demo places its rounds around today; a document whose round dates lie
 * more than a year outside its fiscal year is rightly warned of ("check the year, BE or CE"), which a demo must not
 * show of its own data. Last year's Pathum Thani set is the year before.
 */
export function demoFiscalYear(now: Date): number {
  return fiscalYearOf(bangkokDate(now));
}

/** The document under another fiscal year: the year in its title (as the samples write it) follows. */
function inFiscalYear(doc: Record<string, unknown>, fiscalYear: number): Record<string, unknown> {
  const was = String(doc.fiscalYear);
  return { ...doc, fiscalYear, title: String(doc.title).replaceAll(was, String(fiscalYear)) };
}

/** What the demo adds to a sample (beyond pte and cbi and the rounds); the KRS 12-month round takes late reports, as its sample says. */
function demoDocument(sample: Record<string, unknown>, now: Date): Record<string, unknown> {
  const doc = inFiscalYear(sample, demoFiscalYear(now));
  const units = [...((doc.units as { id: string; name: string }[] | undefined) ?? [])];
  for (const u of DEMO_UNITS) if (!units.some((x) => x.id === u.id)) units.push(u);
  if (doc.id === 'pte-2567') return { ...doc, units, rounds: pathumThaniRounds(now), previous: 'pte-2566' };
  if (doc.id === 'krs-2567') {
    const grouped = units.map((u) => (KRS_SAMPLE_UNIT_GROUPS[u.id] ? { ...u, group: KRS_SAMPLE_UNIT_GROUPS[u.id] } : u));
    const rounds = demoRounds(now).map((r) => (r.round === 12 ? { ...r, allowLate: true } : r));
    return { ...doc, unitGroups: KRS_UNIT_GROUPS, units: [...grouped, ...KRS_AREA_UNITS], rounds };
  }
  return { ...doc, units, rounds: demoRounds(now) };
}

/** Last year's Pathum Thani set: the same indicators and targets under the fiscal year before. */
function lastYearOf(doc: Record<string, unknown>, now: Date): Record<string, unknown> {
  const rest = { ...doc };
  delete rest.previous;
  return { ...inFiscalYear(rest, demoFiscalYear(now) - 1), id: 'pte-2566', rounds: lastYearRounds(now) };
}

export interface DemoLoaded {
  readonly assessments: string[];
  readonly users: string[];
}

export async function loadDemo(db: Db, options: { samplesDir: string; now: Date; cost?: ScryptCost }): Promise<DemoLoaded> {
  const files = readdirSync(options.samplesDir)
    .filter((f) => f.endsWith('.assessment.json'))
    .sort();
  const assessments: string[] = [];
  /** The assessments stored by this load: only these get their reported past, so a restart adds nothing. */
  const created = new Set<string>();
  const store = async (doc: Record<string, unknown>, from: string): Promise<void> => {
    const result = await inTransaction(db, (tx) => putAssessment(tx, doc, { actor: 'demo', now: options.now, ifAbsent: true }));
    if (!result.ok) throw new Error(`${from}: ${result.issues.map((i) => i.message.en).join('; ')}`);
    if (result.created) created.add(String(doc.id));
    assessments.push(String(doc.id));
  };
  for (const file of files) {
    const doc = demoDocument(JSON.parse(readFileSync(join(options.samplesDir, file), 'utf8')) as Record<string, unknown>, options.now);
    if (doc.id === 'pte-2567') await store(lastYearOf(doc, options.now), file);
    await store(doc, file);
  }
  for (const user of DEMO_USERS) {
    await createUser(db, { ...user, password: 'demo' }, { actor: 'demo', now: options.now, cost: options.cost, ifAbsent: true });
  }
  if (created.has('pte-2566')) {
    await reportPathumThani(db, 'pte-2566', [
      { round: 6, step: 0.15 },
      { round: 9, step: 0.4 },
      { round: 12, step: 0.65 },
    ]);
  }
  if (created.has('pte-2567')) {
    await reportPathumThani(db, 'pte-2567', [
      { round: 9, step: 0.55 },
      { round: 12, step: 0.85, returned: ['7'], pending: ['9', '10.1', '10.2', '11'] },
    ]);
  }
  if (created.has('krs-2567')) await reportKrs(db, 'krs-2567');
  return { assessments, users: DEMO_USERS.map((u) => u.username) };
}

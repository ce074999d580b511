/**
 * `serve --demo`: the sample assessments of assets/samples for the units pte (จังหวัดปทุมธานี) and cbi
 * (จังหวัดชลบุรี), with a 6-month round open from yesterday for 30 days and a 12-month round already closed,
 * and four users with the password `demo`. Loading twice changes nothing: what exists is left as it is, so a
 * restart on the same data folder keeps everything entered since.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../api';
import type { ScryptCost } from './auth/passwords';
import type { Db } from './db/connect';
import { inTransaction } from './db/transaction';
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
  { username: 'central', name: 'สำนักงานส่วนกลาง', roles: ['central'], units: [] },
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

export interface DemoLoaded {
  readonly assessments: string[];
  readonly users: string[];
}

export async function loadDemo(db: Db, options: { samplesDir: string; now: Date; cost?: ScryptCost }): Promise<DemoLoaded> {
  const files = readdirSync(options.samplesDir)
    .filter((f) => f.endsWith('.assessment.json'))
    .sort();
  const assessments: string[] = [];
  for (const file of files) {
    const doc = JSON.parse(readFileSync(join(options.samplesDir, file), 'utf8')) as Record<string, unknown>;
    const units = [...((doc.units as { id: string; name: string }[] | undefined) ?? [])];
    for (const u of DEMO_UNITS) if (!units.some((x) => x.id === u.id)) units.push(u);
    const demo = { ...doc, units, rounds: demoRounds(options.now) };
    const result = await inTransaction(db, (tx) => putAssessment(tx, demo, { actor: 'demo', now: options.now, ifAbsent: true }));
    if (!result.ok) throw new Error(`${file}: ${result.issues.map((i) => i.message.en).join('; ')}`);
    assessments.push(String(doc.id));
  }
  for (const user of DEMO_USERS) {
    await createUser(db, { ...user, password: 'demo' }, { actor: 'demo', now: options.now, cost: options.cost, ifAbsent: true });
  }
  return { assessments, users: DEMO_USERS.map((u) => u.username) };
}

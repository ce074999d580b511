import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { buildApp } from '../../src/server/app';
import { readAssessment } from '../../src/domain';
import { demoFiscalYear, demoRounds, loadDemo } from '../../src/server/demo';
import { listReports } from '../../src/server/store/reports';
import { TEMPLATE_VARIABLE } from './dbTemplate';
import { TEST_COST } from './harness';

const samplesDir = join(__dirname, '..', '..', 'assets', 'samples');

describe('serve --demo', () => {
  let db: Db;
  beforeAll(async () => {
    // From jest's migrated copy (dbTemplate.ts), as the other server tests start: a fresh initdb costs seconds.
    db = openDatabase({ kind: 'memory', from: process.env[TEMPLATE_VARIABLE] });
    await migrateToLatest(db);
  }, 60_000);
  afterAll(() => db.destroy());

  test('round 6 opens yesterday (Bangkok midnight) for 30 days; round 12 has closed', () => {
    const now = new Date('2024-03-25T20:00:00Z'); // 26 March, 03:00 in Bangkok
    expect(demoRounds(now)).toEqual([
      { round: 6, opensAt: '2024-03-24T17:00:00Z', closesAt: '2024-04-23T17:00:00Z', allowLate: false },
      { round: 12, opensAt: '2024-01-24T17:00:00Z', closesAt: '2024-02-23T17:00:00Z', allowLate: false },
    ]);
  });

  test('loads every sample for pte and cbi with the demo users, and loading again changes nothing', async () => {
    const now = new Date();
    const first = await loadDemo(db, { samplesDir, now, cost: TEST_COST });
    expect(first.assessments).toEqual(expect.arrayContaining(['pte-2566', 'pte-2567', 'otop-2567', 'krs-2567']));
    const count = async () => ({
      assessments: (await db.selectFrom('assessments').select('id').execute()).length,
      users: (await db.selectFrom('users').select('username').execute()).map((u) => u.username).sort(),
      events: (await db.selectFrom('audit_events').select('id').execute()).length,
    });
    const before = await count();
    expect(before.users).toEqual([
      'cbi.approver',
      'cbi.reporter',
      'central',
      'krs.approver',
      'krs.reporter',
      'pte.approver',
      'pte.reporter',
    ]);
    await loadDemo(db, { samplesDir, now: new Date(now.getTime() + 86_400_000), cost: TEST_COST });
    expect(await count()).toEqual(before);
    const docs = await db.selectFrom('assessments').select('document').execute();
    for (const { document } of docs) {
      const units = (document as { units: { id: string }[] }).units.map((u) => u.id);
      expect(units).toEqual(expect.arrayContaining(['pte', 'cbi']));
    }
  });

  test("the demo's documents are this fiscal year's (last year's set the year before): no date is warned of", async () => {
    const now = new Date();
    await loadDemo(db, { samplesDir, now, cost: TEST_COST });
    const year = demoFiscalYear(now);
    const docs = await db.selectFrom('assessments').select(['id', 'document']).execute();
    expect(docs.length).toBeGreaterThanOrEqual(4);
    for (const { id, document } of docs) {
      const read = readAssessment(document);
      if (!read.ok) throw new Error(`${id}: ${read.issues.map((i) => i.message.en).join('; ')}`);
      const dates = read.issues.filter((i) => i.code === 'date-outside-fiscal-year').map((i) => i.message.en);
      expect({ id, dates }).toEqual({ id, dates: [] });
      const fiscalYear = id === 'pte-2566' ? year - 1 : year;
      expect({ id, fiscalYear: read.value.fiscalYear }).toEqual({ id, fiscalYear });
      expect(read.value.title).toContain(`พ.ศ. ${fiscalYear}`);
    }
  });

  test('what the end-to-end tests fill is left empty: the open 6-month round of pte and cbi, KRS round 6 of its first six units', async () => {
    for (const unit of ['pte', 'cbi']) {
      expect(await listReports(db, { assessmentId: 'pte-2567', round: 6, unitId: unit })).toEqual([]);
    }
    for (const unit of ['spp-pte1', 'spp-pte2', 'spm-pte', 'spp-cbi1', 'pte', 'cbi']) {
      expect(await listReports(db, { assessmentId: 'krs-2567', round: 6, unitId: unit })).toEqual([]);
    }
  });

  describe('through the API, as central staff and a reporter see it', () => {
    const get = async (username: string, url: string) => {
      const app = await buildApp({ db, rateLimitPerMinute: false, passwordCost: TEST_COST });
      try {
        const session = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username, password: 'demo' } });
        const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${session.json().token}` } });
        expect(res.statusCode).toBe(200);
        return res.json();
      } finally {
        await app.close();
      }
    };

    test("Pathum Thani's history: 2566's 6, 9 and 12 months, then 2567's 9 and 12, the totals rising in each year", async () => {
      const history = await get('pte.reporter', '/api/v1/assessments/pte-2567/units/pte/history');
      expect(history.assessments).toEqual(['pte-2567', 'pte-2566']);
      expect(history.points.map((p: { assessment: string; round: number }) => `${p.assessment}/${p.round}`)).toEqual([
        'pte-2566/6',
        'pte-2566/9',
        'pte-2566/12',
        'pte-2567/9',
        'pte-2567/12',
      ]);
      const totals = history.points.map((p: { selfAssessedTotal: number }) => p.selfAssessedTotal);
      // Rising round over round within each year, and 2567's 12 months above 2566's.
      const pairs: [number, number][] = [
        [1, 0],
        [2, 1],
        [4, 3],
        [4, 2],
      ];
      for (const [later, earlier] of pairs) expect(totals[later]).toBeGreaterThan(totals[earlier]);
      const twelve = history.points[4];
      expect(twelve.indicators.find((i: { indicator: string }) => i.indicator === '7').status).toBe('returned');
      expect(twelve.indicators.find((i: { indicator: string }) => i.indicator === '11').status).toBe('submitted');
      expect(twelve.officialTotal).toBeLessThan(twelve.selfAssessedTotal);
    });

    test('the KRS overview: at least 20 education area offices in two groups, in every state, some late in the 12-month round', async () => {
      const six = await get('central', '/api/v1/assessments/krs-2567/rounds/6/overview');
      expect(six.units.length).toBeGreaterThanOrEqual(26);
      expect(six.units.filter((u: { unit: string }) => /^sp[pm]-/.test(u.unit)).length).toBeGreaterThanOrEqual(20);
      expect(six.groups.map((g: { id: string }) => g.id)).toEqual(['central', 'east']);
      for (const state of ['draft', 'submitted', 'approved', 'returned'] as const) expect(six.counts[state]).toBeGreaterThan(0);
      const notStarted = six.units.filter((u: { counts: { notStarted: number } }) => u.counts.notStarted === 4);
      expect(notStarted.length).toBeGreaterThan(6);
      const twelve = await get('central', '/api/v1/assessments/krs-2567/rounds/12/overview');
      const late = twelve.units.filter((u: { workingDaysLate: number }) => u.workingDaysLate > 0);
      expect(late.length).toBeGreaterThanOrEqual(2);
      for (const u of late) expect(u.selfAssessed.penalty).toBeGreaterThan(0);
      expect(twelve.units.find((u: { unit: string }) => u.unit === 'spp-nbi2').previousRoundTotal).not.toBeNull();
      // Every stored value reads: none of the demo's rows is an issue in its unit's scores.
      for (const [aid, round, unit] of [
        ['krs-2567', 12, 'spp-nbi2'],
        ['krs-2567', 6, 'spp-aya1'],
        ['pte-2567', 12, 'pte'],
        ['pte-2566', 9, 'cbi'],
      ] as const) {
        const scores = await get('central', `/api/v1/assessments/${aid}/rounds/${round}/units/${unit}/scores`);
        expect(scores.indicators.filter((i: { status: string }) => i.status === 'invalid')).toEqual([]);
        expect(scores.indicators.some((i: { status: string }) => i.status === 'scored')).toBe(true);
      }
    });
  });
});

import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { demoRounds, loadDemo } from '../../src/server/demo';
import { TEST_COST } from './harness';

const samplesDir = join(__dirname, '..', '..', 'assets', 'samples');

describe('serve --demo', () => {
  let db: Db;
  beforeAll(async () => {
    db = openDatabase({ kind: 'memory' });
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

  test('loads every sample for pte and cbi with the four users, and loading again changes nothing', async () => {
    const now = new Date();
    const first = await loadDemo(db, { samplesDir, now, cost: TEST_COST });
    expect(first.assessments).toEqual(expect.arrayContaining(['pte-2567', 'otop-2567', 'krs-2567']));
    const count = async () => ({
      assessments: (await db.selectFrom('assessments').select('id').execute()).length,
      users: (await db.selectFrom('users').select('username').execute()).map((u) => u.username).sort(),
      events: (await db.selectFrom('audit_events').select('id').execute()).length,
    });
    const before = await count();
    expect(before.users).toEqual(['cbi.reporter', 'central', 'pte.approver', 'pte.reporter']);
    await loadDemo(db, { samplesDir, now: new Date(now.getTime() + 86_400_000), cost: TEST_COST });
    expect(await count()).toEqual(before);
    const docs = await db.selectFrom('assessments').select('document').execute();
    for (const { document } of docs) {
      const units = (document as { units: { id: string }[] }).units.map((u) => u.id);
      expect(units).toEqual(expect.arrayContaining(['pte', 'cbi']));
    }
  });
});

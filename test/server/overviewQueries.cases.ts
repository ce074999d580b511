/**
 * The overview answers a round of 1,000 units × 50 indicators in one request and a fixed number of database
 * queries: the same count at 10 units as at `units` (and for the history at one year or two). Queries are counted
 * by a Kysely plugin on the handle the app is given (test/bench/overviewWorkload.ts); the routes are the product's.
 * `npm test` compares 10 with 100 units (450 and 4,500 rows a round; overviewQueries.test.ts), which shows a query
 * per unit, or per batch of rows up to about 4,000; overviewQueries.scale.test.ts and the PostgreSQL suite compare
 * with 1,000 units (45,000 rows a round).
 */
import { buildApp } from '../../src/server/app';
import type { App } from '../../src/server/routes/common';
import { QueryCounter, seedOverview } from '../bench/overviewWorkload';
import { as, type Json } from './client';
import { appOptions, useHarness, type DbKind } from './harness';

/** Most queries one overview may cost: the session, the assessment's version, the rows. */
const MAX_QUERIES = 4;

export function overviewQueryCases(kind: DbKind, units = 1_000): void {
  const h = useHarness(kind);

  test(`an overview costs the same few queries at 10 units and at ${units.toLocaleString('en-US')} units × 50 indicators`, async () => {
    const big = `o${units}`;
    const rows10 = await seedOverview(h.db, 'o10', 10, 50);
    const rowsBig = await seedOverview(h.db, big, units, 50);
    // Every tenth unit has not started; the others report every indicator in rounds 6 and 9.
    expect(rows10).toBe(2 * 9 * 50);
    expect(rowsBig).toBe(2 * (units - units / 10) * 50);
    const counter = new QueryCounter();
    const app: App = await buildApp(appOptions(h.db.withPlugin(counter), h.clock));
    try {
      const headers = await as(h, 'central');
      const queriesFor = async (aid: string, round: number): Promise<{ queries: number; body: Json }> => {
        // The first request reads the document into the cache; the count is of a request like every later one.
        await app.inject({ method: 'GET', url: `/api/v1/assessments/${aid}/rounds/${round}/overview`, headers });
        const before = counter.count;
        const res = await app.inject({ method: 'GET', url: `/api/v1/assessments/${aid}/rounds/${round}/overview`, headers });
        expect(res.statusCode).toBe(200);
        return { queries: counter.count - before, body: res.json() };
      };
      const small = await queriesFor('o10', 9);
      const large = await queriesFor(big, 9);
      expect(large.body.units).toHaveLength(units);
      expect(large.body.units[0].cells).toHaveLength(50);
      expect(large.body.units[0].previousRoundTotal).not.toBeNull();
      expect(large.body.units[9].counts).toEqual({ notStarted: 50, draft: 0, submitted: 0, approved: 0, returned: 0 });
      expect(Object.values(large.body.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(units * 50);
      expect(small.queries).toBe(large.queries);
      expect(large.queries).toBeGreaterThan(0);
      expect(large.queries).toBeLessThanOrEqual(MAX_QUERIES);
      // A round with no rows yet, and the first request (the document read too), cost no more than one query more.
      expect((await queriesFor(big, 12)).queries).toBe(large.queries);

      // A unit's history: the same count whatever the number of rounds with rows.
      const historyQueries = async (aid: string, unit: string): Promise<number> => {
        await app.inject({ method: 'GET', url: `/api/v1/assessments/${aid}/units/${unit}/history`, headers });
        const before = counter.count;
        const res = await app.inject({ method: 'GET', url: `/api/v1/assessments/${aid}/units/${unit}/history`, headers });
        expect(res.statusCode).toBe(200);
        return counter.count - before;
      };
      expect(await historyQueries(big, 'u1')).toBe(await historyQueries('o10', 'u10'));
    } finally {
      await app.close();
    }
  }, 180_000);
}

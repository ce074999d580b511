/**
 * The overview answers a round of 1,000 units × 50 indicators in one request and a fixed number of database
 * queries: the same count at 10 units as at 1,000 (and for the history at one year or two). Queries are counted by
 * a Kysely plugin on the handle the app is given (test/bench/overviewWorkload.ts); the routes are the product's.
 */
import { buildApp } from '../../src/server/app';
import type { App } from '../../src/server/routes/common';
import { QueryCounter, seedOverview } from '../bench/overviewWorkload';
import { as, type Json } from './client';
import { appOptions, useHarness, type DbKind } from './harness';

/** Most queries one overview may cost: the session, the assessment's version, the rows. */
const MAX_QUERIES = 4;

export function overviewQueryCases(kind: DbKind): void {
  const h = useHarness(kind);

  test('an overview costs the same few queries at 10 units and at 1,000 units × 50 indicators', async () => {
    const rows10 = await seedOverview(h.db, 'o10', 10, 50);
    const rows1000 = await seedOverview(h.db, 'o1000', 1_000, 50);
    expect(rows10).toBe(2 * 9 * 50);
    expect(rows1000).toBe(2 * 900 * 50);
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
      const big = await queriesFor('o1000', 9);
      expect(big.body.units).toHaveLength(1_000);
      expect(big.body.units[0].cells).toHaveLength(50);
      expect(big.body.units[0].previousRoundTotal).not.toBeNull();
      expect(big.body.units[9].counts).toEqual({ notStarted: 50, draft: 0, submitted: 0, approved: 0, returned: 0 });
      expect(Object.values(big.body.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(50_000);
      expect(small.queries).toBe(big.queries);
      expect(big.queries).toBeGreaterThan(0);
      expect(big.queries).toBeLessThanOrEqual(MAX_QUERIES);
      // A round with no rows yet, and the first request (the document read too), cost no more than one query more.
      expect((await queriesFor('o1000', 12)).queries).toBe(big.queries);

      // A unit's history: the same count whatever the number of rounds with rows.
      const historyQueries = async (aid: string, unit: string): Promise<number> => {
        await app.inject({ method: 'GET', url: `/api/v1/assessments/${aid}/units/${unit}/history`, headers });
        const before = counter.count;
        const res = await app.inject({ method: 'GET', url: `/api/v1/assessments/${aid}/units/${unit}/history`, headers });
        expect(res.statusCode).toBe(200);
        return counter.count - before;
      };
      expect(await historyQueries('o1000', 'u1')).toBe(await historyQueries('o10', 'u10'));
    } finally {
      await app.close();
    }
  }, 180_000);
}

/**
 * Which queries a PostgreSQL connection sends as named prepared statements, over a client that records what it is
 * asked to send (preparedStatements.pg.test.ts runs them on a real server).
 */
import type { ClientBase } from 'pg';
import {
  FEW,
  forgetPreparedStatements,
  isStalePreparedStatement,
  MOST_STATEMENTS,
  preparedStatementsFrom,
  preparingStatements,
} from '../../src/server/db/preparedStatements';

interface Sent {
  text: string;
  name?: string;
  values?: unknown;
}

function recordingClient(fail?: (sent: Sent) => unknown) {
  const sent: Sent[] = [];
  const parsedStatements: Record<string, string> = {};
  const client = {
    connection: { parsedStatements },
    query(config: unknown, values?: unknown) {
      const s: Sent =
        typeof config === 'string' ? { text: config, values } : { ...(config as { text: string; name: string; values: unknown }) };
      sent.push(s);
      if (s.name) parsedStatements[s.name] = s.text;
      const error = fail?.(s);
      return error ? Promise.reject(error) : Promise.resolve({ rows: [] });
    },
  };
  preparingStatements(client as unknown as ClientBase);
  const query = (text: string, values: unknown[] = []) => (client.query as (t: string, v: unknown[]) => Promise<unknown>)(text, values);
  const bare = (text: string) => (client.query as (t: string) => Promise<unknown>)(text);
  return { sent, parsedStatements, query, bare };
}

const lookup = 'select "users"."username" from "sessions" where "sessions"."token_hash" = $1';

test('a text is prepared once under a name of its own and sent by that name again; another text gets another name', async () => {
  const c = recordingClient();
  await c.query(lookup, ['a']);
  await c.query(lookup, ['b']);
  await c.query('select 1 from reports where id = $1', [1]);
  expect(c.sent.map((s) => [s.name, s.values])).toEqual([
    ['scorebook_1', ['a']],
    ['scorebook_1', ['b']],
    ['scorebook_2', [1]],
  ]);
});

test("a result of a table's every column, and a statement over many rows, go unnamed; a * inside does not count", async () => {
  const c = recordingClient();
  const unnamed = [
    ['select * from "users" where "username" = $1', ['u']],
    ['  select "reports".* from "reports" where id = $1', [1]],
    ['insert into t (a) values ($1) returning *', [1]],
    ['insert into t (a) select unnest($1::text[])', [Array.from({ length: FEW + 1 }, (_, i) => `r${i}`)]],
    [`insert into t (a) values ${Array.from({ length: FEW + 1 }, (_, i) => `($${i + 1})`).join(', ')}`, Array(FEW + 1).fill(1)],
  ] as const;
  for (const [text, values] of unnamed) await c.query(text, [...values]);
  await c.query('select count(*) from t where a = any($1::text[])', [Array(FEW).fill('x')]);
  await c.query('select coalesce(json_agg(l), null) from (select r.* from reports as r where r.id = $1) as l', [1]);
  expect(c.sent.map((s) => s.name)).toEqual([undefined, undefined, undefined, undefined, undefined, 'scorebook_1', 'scorebook_2']);
});

test(`a connection holds at most ${MOST_STATEMENTS}: the least recently used is deallocated and forgotten`, async () => {
  const c = recordingClient();
  for (let i = 0; i < MOST_STATEMENTS; i++) await c.query(`select ${i} where $1`, [true]);
  await c.query('select 0 where $1', [true]); // used again: now the most recent
  await c.query('select new where $1', [true]);
  const last = c.sent.slice(-2).map((s) => s.name ?? s.text);
  expect(last).toEqual(['deallocate scorebook_2', `scorebook_${MOST_STATEMENTS + 1}`]);
  expect(c.parsedStatements.scorebook_2).toBeUndefined();
  expect(c.parsedStatements.scorebook_1).toBe('select 0 where $1');
  await c.query('select 1 where $1', [true]); // its name is gone: prepared again under a new one
  expect(c.sent.at(-1)?.name).toBe(`scorebook_${MOST_STATEMENTS + 2}`);
});

test('a statement refused for its changed result makes every connection start afresh: deallocate all, new names', async () => {
  const stale = Object.assign(new Error('cached plan must not change result type'), { code: '0A000', routine: 'RevalidateCachedQuery' });
  let refuse = false;
  const a = recordingClient((s) => (refuse && s.name ? stale : undefined));
  const b = recordingClient();
  await a.query(lookup, ['x']);
  await b.query(lookup, ['x']);
  refuse = true;
  await expect(a.query(lookup, ['y'])).rejects.toBe(stale);
  refuse = false;
  await a.query(lookup, ['z']);
  await b.query(lookup, ['z']);
  for (const c of [a, b]) {
    const [deallocate, again] = c.sent.slice(-2);
    expect(deallocate?.text).toBe('deallocate all');
    expect(again?.name).not.toBe('scorebook_1');
    expect(c.parsedStatements.scorebook_1).toBeUndefined();
  }
  expect(isStalePreparedStatement(stale)).toBe(true);
  expect(isStalePreparedStatement(Object.assign(new Error('feature not supported'), { code: '0A000' }))).toBe(false);
});

test('forgetPreparedStatements alone does the same; a text without values goes unnamed', async () => {
  const c = recordingClient();
  await c.query(lookup, ['x']);
  forgetPreparedStatements();
  await c.query(lookup, ['x']);
  await c.bare('begin');
  expect(c.sent.map((s) => s.name ?? s.text)).toEqual(['scorebook_1', 'deallocate all', 'scorebook_2', 'begin']);
});

test('SCOREBOOK_PREPARED_STATEMENTS: on unless off; anything else is refused, saying what it expects', () => {
  expect(preparedStatementsFrom({})).toBe(true);
  expect(preparedStatementsFrom({ SCOREBOOK_PREPARED_STATEMENTS: 'on' })).toBe(true);
  expect(preparedStatementsFrom({ SCOREBOOK_PREPARED_STATEMENTS: 'off' })).toBe(false);
  expect(preparedStatementsFrom({ SCOREBOOK_PREPARED_STATEMENTS: '0' })).toBe(false);
  expect(() => preparedStatementsFrom({ SCOREBOOK_PREPARED_STATEMENTS: 'sometimes' })).toThrow(/expected on or off/);
});

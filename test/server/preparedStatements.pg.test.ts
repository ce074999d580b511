/**
 * Prepared statements on a real PostgreSQL server (DATABASE_URL): the server's queries are prepared on their
 * connection, and a migration that changes a result's type under a running server (another instance ran it) costs
 * a retried transaction, or one 503 outside a transaction, never a wrong answer or a 500.
 */
import { sql } from 'kysely';
import { Client } from 'pg';
import { openDatabase, type Db } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { isStalePreparedStatement } from '../../src/server/db/preparedStatements';
import { inTransaction } from '../../src/server/db/transaction';
import { buildApp } from '../../src/server/app';
import { createUser } from '../../src/server/store/users';
import { freshPostgresDatabase } from './serveProcess';
import { TEST_COST } from './harness';

jest.setTimeout(60_000);

let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let admin: Client;
// One connection, so that what one statement prepared is what the next one finds.
let db: Db;

beforeAll(async () => {
  database = await freshPostgresDatabase('scorebook_prepared');
  db = openDatabase({ kind: 'postgres', url: database.url, poolSize: 1 });
  await migrateToLatest(db);
  admin = new Client({ connectionString: database.url });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await db?.destroy();
  await database?.drop();
});

const prepared = async (): Promise<string[]> =>
  (await sql<{ statement: string }>`select statement from pg_prepared_statements order by prepare_time`.execute(db)).rows.map(
    (r) => r.statement,
  );

test('a query is prepared on its connection once, and run by name after', async () => {
  await admin.query('create table prepared_probe (a integer, b integer)');
  await admin.query('insert into prepared_probe values (1, 10)');
  for (let i = 0; i < 3; i++) await sql`select a, b from prepared_probe where a = ${1}`.execute(db);
  const statements = await prepared();
  expect(statements.filter((s) => s.includes('from prepared_probe'))).toHaveLength(1);
  // `select *` is left unnamed (its shape follows the table's columns)
  await sql`select * from prepared_probe where a = ${1}`.execute(db);
  expect((await prepared()).some((s) => s.startsWith('select * from prepared_probe'))).toBe(false);
});

test("a column's type changed under a prepared statement: its transaction is retried and gets the new type", async () => {
  const read = () => inTransaction(db, (tx) => sql<{ b: string | number }>`select a, b from prepared_probe where a = ${1}`.execute(tx));
  expect((await read()).rows[0]?.b).toBe(10);
  await admin.query('alter table prepared_probe alter column b type text');
  expect((await read()).rows[0]?.b).toBe('10');
});

test('outside a transaction the refusal is said once (the API answers it 503, retry) and the next query prepares afresh', async () => {
  const read = () => sql<{ b: unknown }>`select a, b from prepared_probe where a = ${1}`.execute(db);
  await read();
  await admin.query('alter table prepared_probe alter column b type numeric using b::numeric');
  const refused = await read().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isStalePreparedStatement(refused)).toBe(true);
  expect((await read()).rows[0]?.b).toBe('10');
});

test("the API after a migration changed the users' columns: one 503 with Retry-After at most, then signed in", async () => {
  await createUser(
    db,
    { username: 'p', name: 'P', password: 'pw', roles: ['reporter'], units: ['u'] },
    { actor: 't', now: new Date(), cost: TEST_COST },
  );
  const app = await buildApp({ db, rateLimitPerMinute: false, passwordCost: TEST_COST });
  try {
    const signIn = () => app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { username: 'p', password: 'pw' } });
    const token = (await signIn()).json().token as string;
    const me = () => app.inject({ method: 'GET', url: '/api/v1/sessions/current', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    await admin.query('alter table users alter column name type varchar(500)');
    const first = await me();
    if (first.statusCode !== 200) {
      expect(first.statusCode).toBe(503);
      expect(first.headers['retry-after']).toBeDefined();
    }
    expect((await me()).statusCode).toBe(200);
  } finally {
    await app.close();
  }
});

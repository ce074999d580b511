/**
 * Named prepared statements on PostgreSQL: each connection parses and analyses a statement text once and then only
 * binds and runs it. The server sends the same few texts for every request (the session's lookup, a batch's claim
 * and its write, a unit's rows), and their parse, analysis and planning cost the database about as much CPU again as
 * running them does (pg_stat_statements with track_planning, one-row POSTs: 0.5 ms of planning against 0.4 ms of
 * execution per request).
 *
 * Four rules keep it safe:
 * - A statement over many rows (more than `FEW` parameters, or an array parameter of more than `FEW` elements: a
 *   10,000-row batch's write) is sent unnamed, as before, and planned for its own size. It runs once per thousands
 *   of rows, so its planning costs little, and a plan PostgreSQL made generic for the one-row requests (which assumes
 *   a hundred rows in an array) could join 10,000 rows badly.
 * - A statement whose result is a table's every column (`select *`, `returning *`) is sent unnamed, as before:
 *   PostgreSQL refuses to run a prepared statement whose result changed shape ("cached plan must not change result
 *   type", 0A000), and a migration run by another instance, this one still running, may add a column. A `*` inside
 *   (`count(*)`, the rows of a `json_agg`) does not shape the result and is prepared.
 * - When that refusal comes anyway (a column's type changed), every connection forgets its statements before its
 *   next query (`forgetPreparedStatements`), and the request's transaction is retried (transaction.ts).
 * - A connection keeps at most `MOST_STATEMENTS`: texts that vary (an `in` list of its own length) push out the
 *   least recently used, deallocated on the server, so neither side grows without end.
 *
 * Off with `SCOREBOOK_PREPARED_STATEMENTS=off`, for a connection pooler in transaction mode that does not carry
 * prepared statements from one connection to the next (PgBouncer before 1.21, or without max_prepared_statements).
 */
import type { ClientBase } from 'pg';

export const MOST_STATEMENTS = 200;
export const FEW = 100;

/** The refusal of a prepared statement whose result's shape changed under it. */
export function isStalePreparedStatement(e: unknown): boolean {
  const error = e as { code?: unknown; routine?: unknown; message?: unknown } | null;
  return (
    error?.code === '0A000' && (error.routine === 'RevalidateCachedQuery' || /cached plan must not change/.test(String(error.message)))
  );
}

/** A result of every column of a table: Kysely's `selectAll()` and `returningAll()`, with or without the table's name. */
const EVERY_COLUMN = /^\s*select\s+(?:"?\w+"?\.)?\*|\breturning\s+(?:"?\w+"?\.)?\*/i;

const fewRows = (values: readonly unknown[]): boolean => values.length <= FEW && !values.some((v) => Array.isArray(v) && v.length > FEW);

let generation = 0;

/** Every connection drops its prepared statements before its next query. */
export function forgetPreparedStatements(): void {
  generation++;
}

export function preparedStatementsFrom(env: NodeJS.ProcessEnv): boolean {
  const raw = env.SCOREBOOK_PREPARED_STATEMENTS?.trim() ?? '';
  if (raw === '' || /^(on|1|true|yes)$/i.test(raw)) return true;
  if (/^(off|0|false|no)$/i.test(raw)) return false;
  throw new Error(`SCOREBOOK_PREPARED_STATEMENTS=${raw}: expected on or off (off for a connection pooler in transaction mode)`);
}

/** What pg records of the statements a connection has parsed (name → text), dropped with a statement's name. */
interface ParsedStatements {
  connection?: { parsedStatements?: Record<string, string> };
}

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Makes `client` send each query Kysely sends (`query(text, values)`) under a name of its own, prepared on its first
 * use; a call with a callback or a config object, and a statement the rules above leave unnamed, goes as it came.
 */
export function preparingStatements(client: ClientBase): void {
  const send = client.query.bind(client) as Query;
  const parsed = () => (client as unknown as ParsedStatements).connection?.parsedStatements;
  // text → name, the least recently used first (a Map keeps insertion order; a use moves the text to the end)
  const names = new Map<string, string>();
  let counter = 0;
  let seen = generation;
  const quietly = (text: string) => (send(text) as Promise<unknown>).catch(() => {});
  (client as unknown as { query: Query }).query = (config, values, callback) => {
    if (typeof config !== 'string' || !Array.isArray(values) || callback !== undefined || !fewRows(values)) {
      return send(config, values, callback);
    }
    if (seen !== generation) {
      seen = generation;
      for (const old of names.values()) delete parsed()?.[old];
      names.clear();
      void quietly('deallocate all');
    }
    let name = names.get(config);
    // A text already named passed the test of its columns; a new one is tested once, before it gets its name.
    if (name === undefined && EVERY_COLUMN.test(config)) return send(config, values, callback);
    if (name === undefined) {
      name = `scorebook_${++counter}`;
      if (names.size >= MOST_STATEMENTS) {
        const [oldest, oldName] = names.entries().next().value as [string, string];
        names.delete(oldest);
        delete parsed()?.[oldName];
        void quietly(`deallocate ${oldName}`);
      }
    } else {
      names.delete(config);
    }
    names.set(config, name);
    return (send({ name, text: config, values }) as Promise<unknown>).catch((e: unknown) => {
      if (isStalePreparedStatement(e)) forgetPreparedStatements();
      throw e;
    });
  };
}

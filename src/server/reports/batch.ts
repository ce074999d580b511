/**
 * A save/submit batch in one transaction: claim the idempotency key, check the window, lock the rows, decide
 * each row, write the accepted ones with their audit events, store the answer under the key, commit.
 *
 * Two statements between BEGIN and COMMIT, whatever the batch holds: the key's claim with the assessment's version
 * and the lock of the rows (resolved by the read model this process already holds; when the row's version says it
 * is stale, the rows are locked by a statement of their own), then one statement writing rows, audit events and the
 * answer (`batchWrite.ts`).
 *
 * The key is claimed by inserting its row first. A second request with the same key waits on that row's
 * primary key until the first commits, then reads the stored answer — so the same key never applies twice,
 * even on two instances at once. A batch refused as a whole (404, 409 round_closed) rolls back its claim, so
 * the key stays free. The answer is replayed before the window is checked: a client retrying an accepted
 * batch after the round closed gets its first answer back, not a 409.
 */
import { sql } from 'kysely';
import type { BatchBody, BatchResponse, BatchResult } from '../../api';
import { indicatorKey, indicatorsByKey, type Assessment } from '../../domain';
import { canReport, type User } from '../auth/permissions';
import type { Db } from '../db/connect';
import { inTransaction, json } from '../db/transaction';
import { ApiError } from '../errors';
import { pauseBeforeBatchCommitForTest } from '../testHooks';
import { cachedAssessment } from '../store/assessments';
import { getReports, lockedAlongside, lockReports, readLockedAlongside, toCurrentRow, type JsonReport } from '../store/reports';
import { writeBatch } from './batchWrite';
import { decideRows } from './decideRows';
import { legacyRequestHash, requestHash } from './requestHash';
import { loadScopeWith } from './scope';
import { checkWindow } from './window';

export interface BatchRequest {
  readonly user: User;
  readonly aid: string;
  readonly round: number;
  readonly unit: string;
  readonly body: BatchBody;
  readonly idempotencyKey: string;
  readonly now: Date;
}

export async function runBatch(db: Db, request: BatchRequest): Promise<BatchResponse> {
  const { user, body, now } = request;
  const hash = requestHash(request);
  return inTransaction(db, async (tx) => {
    // The claim rides on the statement that reads the assessment's version: one round trip for both. With the
    // assessment this process read before (nearly always the row's), the rows are resolved and locked there too.
    const guess = cachedAssessment(tx, request.aid);
    const guessed = guess && resolveRows(guess.model, body.rows);
    const scope = { assessmentId: request.aid, round: request.round, unitId: request.unit };
    const claim = sql`claim as (insert into idempotency_keys (username, key, request_hash, response, created_at)
      values (${user.username}, ${request.idempotencyKey}, ${hash}, null, ${now})
      on conflict (username, key) do nothing returning key)`;
    const read = await loadScopeWith(tx, request.aid, request.round, request.unit, {
      with: claim,
      // JIT off for the rest of the transaction: the planner takes the write's joins over unnested arrays for 500,000
      // rows and compiles the statement (on PostgreSQL with LLVM, some 80 ms of a 10,000-row batch), which never pays
      // for a statement that runs once; set here, the setting costs no statement of its own.
      select: sql<{ claimed: boolean; locked: JsonReport[] | null }>`json_build_object('claimed', exists (select 1 from claim),
        'locked', ${guessed ? lockedAlongside(scope, guessed.ids, 'claim') : sql`null`}, 'jit', set_config('jit', 'off', true))`,
    });
    if (!read.alongside.claimed) {
      const prior = await tx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'response'])
        .where('username', '=', user.username)
        .where('key', '=', request.idempotencyKey)
        .executeTakeFirstOrThrow();
      if (prior.request_hash !== hash && prior.request_hash !== legacyRequestHash(request)) {
        throw new ApiError(
          422,
          'idempotency_key_reused',
          'this Idempotency-Key was already used for a different batch; use a new key for new data',
          'Idempotency-Key นี้ใช้กับชุดข้อมูลอื่นไปแล้ว กรุณาใช้คีย์ใหม่สำหรับข้อมูลใหม่',
        );
      }
      return prior.response as BatchResponse;
    }

    const { assessment, round } = read.loaded();
    // The window binds the unit's reporters; central data may arrive after the unit's reports (KRS).
    const { late } = canReport(user, request.unit) ? checkWindow(round, now) : { late: false };

    const { rows, ids } = guessed && assessment === guess ? guessed : resolveRows(assessment.model, body.rows);
    const stored =
      guessed && assessment === guess && read.alongside.locked
        ? readLockedAlongside(read.alongside.locked)
        : await lockReports(tx, scope, ids);
    const decision = decideRows(
      { user, unitId: request.unit, assessment: assessment.model, action: body.action, round: request.round, now, late },
      rows,
      stored,
    );

    const answerOf = (results: BatchResult[], applied: number): BatchResponse =>
      late && applied > 0 ? { results, late: true } : { results };
    // Written as if every new row goes in, which is all but always so; `writeBatch` stores this answer only then.
    const expected = answerOf(decision.results, decision.changes.length);
    const fresh = decision.changes.filter((c) => c.old === undefined).map((c) => c.next);
    const inserted = await writeBatch(tx, scope, {
      changes: decision.changes.map((c) => ({ next: c.next, fresh: c.old === undefined })),
      event: { at: now, actor: user.username, action: `report.${body.action}` },
      answer: { username: user.username, key: request.idempotencyKey, response: expected },
    });
    let response = expected;
    // Rows another batch created (and committed) after this one looked: conflicts, never overwritten. Their audit
    // events were not written (the statement logs only the rows it wrote); the answer is written now.
    const lost = fresh.filter((r) => !inserted.has(r.indicatorId)).map((r) => r.indicatorId);
    if (lost.length > 0) {
      const nowStored = await getReports(tx, scope, lost);
      const results: BatchResult[] = decision.results.map((r) => {
        const current = nowStored.get(r.indicatorId);
        if (r.outcome !== 'accepted' || !lost.includes(r.indicatorId) || !current) return r;
        return {
          indicatorId: r.indicatorId,
          outcome: current.status === 'approved' ? 'locked' : 'conflict',
          current: toCurrentRow(current),
        };
      });
      response = answerOf(results, decision.changes.length - lost.length);
      await tx
        .updateTable('idempotency_keys')
        .set({ response: json(response) })
        .where('username', '=', user.username)
        .where('key', '=', request.idempotencyKey)
        .execute();
    }
    await pauseBeforeBatchCommitForTest(request.idempotencyKey);
    return response;
  });
}

/**
 * "๑.๒" and "1.2" are one indicator: rows are kept, locked and answered under the assessment's spelling. One lookup
 * table for the batch: resolving each row against the whole assessment was n² for 10,000 rows.
 */
function resolveRows(model: Assessment, given: BatchBody['rows']): { rows: BatchBody['rows']; ids: string[] } {
  const byKey = indicatorsByKey(model);
  const rows = given.map((r) => {
    const id = byKey.get(indicatorKey(r.indicatorId))?.id ?? r.indicatorId;
    // Nearly every row is already under the assessment's spelling: kept, not copied.
    return id === r.indicatorId ? r : { ...r, indicatorId: id };
  });
  return { rows, ids: [...new Set(rows.map((r) => r.indicatorId))] };
}

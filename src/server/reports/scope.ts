/** The assessment, round and unit a report route names, or the 404 that says which one is missing. */
import type { Round } from '../../domain';
import type { Db } from '../db/connect';
import type { Tx } from '../db/transaction';
import { errors } from '../errors';
import { getAssessmentWith, type Alongside, type StoredAssessment } from '../store/assessments';
import type { RowScope } from '../store/reports';

export interface LoadedScope {
  readonly assessment: StoredAssessment;
  readonly round: Round;
  readonly scope: RowScope;
}

export async function loadScope(db: Db | Tx, aid: string, roundNo: number, unitId: string): Promise<LoadedScope> {
  return (await loadScopeWith(db, aid, roundNo, unitId, {})).loaded();
}

/**
 * The same, with what the route reads beside it in the same statement (`store/assessments.ts`: `Alongside`). The
 * value read alongside comes back even when the scope is refused, so a caller can act on it first (a batch replays
 * an answer it gave before).
 */
export async function loadScopeWith<T>(
  db: Db | Tx,
  aid: string,
  roundNo: number,
  unitId: string,
  alongside: Alongside<T>,
): Promise<{ loaded: () => LoadedScope; alongside: T }> {
  const read = await getAssessmentWith(db, aid, alongside);
  const loaded = (): LoadedScope => {
    const assessment = read.assessment;
    if (!assessment) throw errors.assessmentNotFound(aid);
    if (!assessment.model.units.some((u) => u.id === unitId)) throw errors.unitNotFound(aid, unitId);
    const round = assessment.model.rounds.find((r) => r.round === roundNo);
    if (!round) throw errors.roundNotFound(aid, roundNo);
    return { assessment, round, scope: { assessmentId: aid, round: roundNo, unitId } };
  };
  return { loaded, alongside: read.alongside };
}

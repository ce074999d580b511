/** The assessment, round and unit a report route names, or the 404 that says which one is missing. */
import type { Round } from '../../domain';
import type { Db } from '../db/connect';
import type { Tx } from '../db/transaction';
import { errors } from '../errors';
import { getAssessment, type StoredAssessment } from '../store/assessments';
import type { RowScope } from '../store/reports';

export interface LoadedScope {
  readonly assessment: StoredAssessment;
  readonly round: Round;
  readonly scope: RowScope;
}

export async function loadScope(db: Db | Tx, aid: string, roundNo: number, unitId: string): Promise<LoadedScope> {
  const assessment = await getAssessment(db, aid);
  if (!assessment) throw errors.assessmentNotFound(aid);
  if (!assessment.model.units.some((u) => u.id === unitId)) throw errors.unitNotFound(aid, unitId);
  const round = assessment.model.rounds.find((r) => r.round === roundNo);
  if (!round) throw errors.roundNotFound(aid, roundNo);
  return { assessment, round, scope: { assessmentId: aid, round: roundNo, unitId } };
}

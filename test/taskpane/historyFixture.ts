/** A unit's history across two fiscal years (pte-2566 → pte-2567, rounds 6, 9 and 12), as the server answers it. */
import type { UnitHistory } from '../../src/api/history';

const point = (
  assessment: string,
  fiscalYear: number,
  round: number,
  total: number,
  official: number | null,
  otop: number,
  otopScore: number,
) => ({
  assessment,
  fiscalYear,
  round,
  selfAssessedTotal: total,
  officialTotal: official,
  indicators: [
    { indicator: '5', value: otop, score: otopScore, status: 'approved' as const },
    { indicator: '7', value: 30 - round / 6, score: 75, status: 'submitted' as const },
  ],
});

export const PTE_HISTORY: UnitHistory = {
  unit: 'pte',
  assessments: ['pte-2567', 'pte-2566'],
  points: [
    point('pte-2566', 2566, 6, 70.5, 68, 2700, 0),
    point('pte-2566', 2566, 9, 74.25, 72.5, 2800, 0),
    point('pte-2566', 2566, 12, 78, 78, 2874.79, 50),
    point('pte-2567', 2567, 6, 72, 70, 2950, 63.2),
    point('pte-2567', 2567, 9, 76.5, null, 3000, 71.8),
    point('pte-2567', 2567, 12, 81.25, null, 3050, 80.56),
  ],
};

/**
 * Generated overviews (N units × M indicators) in the API's own shape (src/api/overview.ts, checked by its zod
 * schema), and a unit's history, for the overview and history sheets' tests, the bench and the preview's e2e page.
 * Deterministic: the same arguments give the same overview.
 */
import { overviewSchema, type Overview } from '../../src/api/overview';
import type { UnitHistory } from '../../src/api/history';

const STATUSES = [null, 'draft', 'submitted', 'approved', 'returned'] as const;

export function makeOverview(
  units: number,
  indicators: number,
  options: { groups?: number; previousRound?: boolean; seed?: number; levels?: number } = {},
): Overview {
  let s = options.seed ?? 7;
  const rnd = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const levels = options.levels ?? 3;
  const groups = Array.from({ length: options.groups ?? 0 }, (_, g) => ({ id: `g${g + 1}`, name: `กลุ่มจังหวัดที่ ${g + 1}` }));
  const ids = Array.from({ length: indicators }, (_, i) => String(i + 1));
  const counts = { notStarted: 0, draft: 0, submitted: 0, approved: 0, returned: 0 };
  const list = Array.from({ length: units }, (_, u) => {
    const unitCounts = { notStarted: 0, draft: 0, submitted: 0, approved: 0, returned: 0 };
    const cells = ids.map((id) => {
      const status = STATUSES[Math.floor(rnd() * STATUSES.length)] ?? null;
      unitCounts[status ?? 'notStarted']++;
      const reported = status !== null;
      const level = reported ? Math.floor(rnd() * (levels + 1)) : null;
      const score = level === null ? null : level === 0 ? 0 : 25 + 25 * level + rnd() * 10;
      return {
        indicator: id,
        value: reported ? Math.round(rnd() * 100000) / 100 : null,
        score,
        weightedScore: score === null ? null : score / indicators,
        level,
        status,
      };
    });
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += unitCounts[k];
    const scored = cells.filter((c) => c.score !== null);
    const self = scored.length === 0 ? null : scored.reduce((a, c) => a + (c.score as number), 0) / indicators;
    const officialCells = cells.filter((c) => c.status === 'approved');
    const official = officialCells.length === 0 ? null : officialCells.reduce((a, c) => a + (c.score as number), 0) / indicators;
    return {
      unit: String(1001 + u),
      name: `สำนักงานเขตพื้นที่การศึกษา ${u + 1}`,
      ...(groups.length > 0 ? { group: groups[u % groups.length]!.id } : {}),
      selfAssessed: { total: self, totalBeforePenalty: self, penalty: 0 },
      official: { total: official, totalBeforePenalty: official, penalty: 0 },
      components: [],
      counts: unitCounts,
      workingDaysLate: 0,
      lastChange: null,
      cells,
      ...(options.previousRound ? { previousRoundTotal: self === null ? null : Math.max(0, self - 10 + rnd() * 20) } : {}),
    };
  });
  return overviewSchema.parse({
    assessment: 'krs-2567',
    version: 1,
    round: 12,
    previousRound: options.previousRound ? 9 : null,
    indicators: ids.map((id) => ({ id, name: `ตัวชี้วัดที่ ${id}`, component: null, weight: 100 / indicators })),
    groups,
    units: list,
    counts,
  });
}

export function makeHistory(unit = '1001'): UnitHistory {
  const points = [2566, 2567].flatMap((fy, y) =>
    [6, 9, 12].map((round, r) => {
      const t = 55 + y * 8 + r * 6;
      return {
        assessment: `pte-${fy}`,
        fiscalYear: fy,
        round,
        selfAssessedTotal: t,
        officialTotal: t - 4,
        indicators: [
          { indicator: '5', value: 2900 + 60 * (y * 3 + r), score: 50 + 6 * (y * 3 + r), status: 'approved' as const },
          { indicator: '7', value: 30 - (y * 3 + r), score: 60, status: 'submitted' as const },
        ],
      };
    }),
  );
  return { unit, assessments: ['pte-2567', 'pte-2566'], points };
}

/** The assessment document the overview's pane action asks for beside it (its scale, decimals and title). */
export const OVERVIEW_ASSESSMENT = {
  format: 'scorebook/assessment@1',
  id: 'krs-2567',
  title: 'ตัวชี้วัด สพฐ. ปีงบประมาณ พ.ศ. 2567',
  fiscalYear: 2567,
  scale: 'three-level',
  indicators: [{ id: '1', name: 'ตัวชี้วัดที่ 1', weight: 100, kind: 'quantitative', targets: [1, 2, 3] }],
};

/**
 * The workloads the sync-count tests (officePortCases.ts, bindPlanCases.ts) and `npm run bench:addin` give the pane's own actions,
 * so both measure the same work: a generated assessment of N indicators with the server's rows for one unit, and
 * a multi-unit assessment (5 indicators × U units) with every unit's rows as "open all units" gets them.
 * Deterministic (bench/generate.ts's fixed seeds).
 */
import type { ApiAssessmentDocument, ReportRow, UnitReports } from '../../src/api';
import type { BatchTarget } from '../../src/api/pending';
import type { Assessment, RawResult } from '../../src/domain';
import { freeSheetName } from '../../src/taskpane/model/freeSheetName';
import { openAllUnits, type OpenAllUnitsResult } from '../../src/taskpane/model/openAllUnits';
import type { AskReplace } from '../../src/taskpane/model/replaceCheck';
import type { CellValue } from '../../src/workbook';
import type { WritePlan } from '../../src/workbook/plan';
import type { WorkbookPort } from '../../src/workbook/port';
import { benchAssessmentDoc, benchResults, seededRandom } from '../bench/generate';
import { loaded } from '../taskpane/paneSheets';

export const ROUND = 6;

/**
 * A sheet a person made by hand, to bind (sheet "Data"): Thai headers in their own order, a title above, no
 * targets, steps or score columns, and every 7th row named by its indicator's name rather than its id.
 */
export function handMadeSheetPlan(assessment: Pick<Assessment, 'indicators'>): WritePlan {
  const header = ['ตัวชี้วัด', 'ลำดับ', 'หมายเหตุ', 'ผลการดำเนินงาน', 'ตัวตั้ง', 'ตัวหาร', 'น้ำหนัก'];
  const body: CellValue[][] = assessment.indicators.map((i, k) => [i.name, k % 7 === 3 ? null : i.id, null, null, null, null, i.weight]);
  return {
    title: 'hand-made',
    ops: [
      { kind: 'sheet', sheet: 'Data', ifExists: 'replace' },
      { kind: 'cells', sheet: 'Data', topLeft: 'A1', contents: [['รายงานตัวชี้วัด'], [null], header, ...body] },
    ],
  };
}

/** A row as the server answers it: a draft, nothing written beside the value. */
export function serverRow(indicatorId: string, value: RawResult): ReportRow {
  return {
    indicatorId,
    value,
    explanation: null,
    obstacles: null,
    remarks: null,
    status: 'draft',
    version: 1,
    updatedBy: 'bench.reporter',
    updatedAt: '2024-03-25T03:00:00Z',
    comment: null,
    late: false,
    submittedAt: null,
  };
}

export function unitWorkload(rows: number) {
  const document = benchAssessmentDoc(rows);
  const results = benchResults(rows, seededRandom(rows));
  const reports = Object.entries(results).map(([id, value]) => serverRow(id, value));
  const target: BatchTarget = { aid: 'bench', round: ROUND, unit: 'u1' };
  return { document, chosen: loaded(document), results, reports, target };
}

export function unitsWorkload(unitCount: number) {
  const units = Array.from({ length: unitCount }, (_, i) => ({ id: `u${i + 1}`, name: `หน่วยงาน ${i + 1}` }));
  const document = { ...benchAssessmentDoc(5), units };
  const typed = new Map(units.map((u, i) => [u.id, benchResults(5, seededRandom(i + 1))]));
  const answer: UnitReports[] = units.map((u) => ({
    unit: u.id,
    reports: Object.entries(typed.get(u.id) ?? {}).map(([id, value]) => serverRow(id, value)),
  }));
  return { document, chosen: loaded(document), units, typed, answer };
}

const unexpected: AskReplace = (loss) => {
  throw new Error(`the replace guard asked about ${loss.sheet}, with nothing typed to lose`);
};

/** The Server tab's "open all units" of the workload's round, as OpenAllUnits.tsx calls it (`boundSheet`: the pane's bound sheet). */
export async function openedAllUnits(
  port: WorkbookPort,
  work: ReturnType<typeof unitsWorkload>,
  boundSheet?: string,
): Promise<OpenAllUnitsResult> {
  return openAllUnits({
    boundSheet,
    port,
    client: {
      getAssessment: async () => work.document as ApiAssessmentDocument,
      listRoundReports: async () => work.answer,
    },
    aid: 'bench',
    round: ROUND,
    locale: 'th',
    ask: unexpected,
    freeSheetName,
  });
}

/**
 * The bind plan's formulas equal src/domain on generated hand-made sheets: any assessment the formula property uses
 * (groups to depth 3, every kind, custom scales and policies, bad inputs), laid out as a person might — columns in a
 * random order, some missing (the bind appends them), an unknown column and row, rows in a random order, some found
 * only by name, some absent (the bind adds them below) — bound through the preview's port, then every indicator row's
 * score and weighted score and ScorebookTotal compared with what the domain makes of the same sheet, to 1e-9.
 */
import fc from 'fast-check';
import { scoreAssessment } from '../../src/domain';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { boundSheet, proposeBinding } from '../../src/taskpane/model/proposeBinding';
import {
  cellAddress,
  kpiLayout,
  readKpiGrid,
  requireColumn,
  type CellContent,
  type CellValue,
  type ColumnRole,
  type RowInputs,
} from '../../src/workbook';
import { bindSheetPlan } from '../../src/workbook/boundSheet';
import { seededRandom } from '../bench/generate';
import { caseArb } from '../workbook/arbitraries';

const TOLERANCE = 1e-9;

function same(sheet: CellValue | undefined, domain: number | null): boolean {
  if (domain === null) return sheet === '' || sheet === null;
  return typeof sheet === 'number' && Math.abs(sheet - domain) <= TOLERANCE;
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** What a person typed for a role, from the generated inputs. */
function typed(input: RowInputs | undefined, role: ColumnRole): CellValue {
  if (!input) return null;
  if (role === 'result') return input.result ?? null;
  if (role === 'numerator') return input.numerator ?? null;
  if (role === 'denominator') return input.denominator ?? null;
  const step = /^step(\d+)$/.exec(role);
  return step ? (input.steps?.[Number(step[1]) - 1] ?? null) : null;
}

const INPUT = (role: ColumnRole): boolean => role === 'result' || role === 'numerator' || role === 'denominator' || /^step\d+$/.test(role);
const seen = { cases: 0, rows: 0, appendedRows: 0, byName: 0, appendedColumns: 0 };

test('hand-made sheets bound through the preview score as the domain does (200 generated sheets)', async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), async ({ assessment, inputs }, seed) => {
      const random = seededRandom(seed);
      const template = kpiLayout(assessment);
      const keepId = random() < 0.75;
      // The columns a person keeps: always a name, mostly the inputs, the others by chance; plus one of their own.
      const kept = template.columns.filter((c) => {
        if (c.hidden || c.role === 'unit' || c.role === 'note') return false;
        if (c.role === 'name') return true;
        if (c.role === 'id') return keepId;
        return random() < (INPUT(c.role) ? 0.85 : 0.5);
      });
      const header = (role: ColumnRole, th: string): string => (/^target(\d+)$/.exec(role) ? `เป้าหมายระดับ ${role.slice(6)}` : th);
      const columns = shuffle(
        [
          ...kept.map((c) => ({ role: c.role as ColumnRole | 'owner', header: header(c.role, c.header) })),
          { role: 'owner' as const, header: 'ผู้รับผิดชอบ' },
        ],
        random,
      );
      const present = shuffle(template.rows, random).filter(() => random() < 0.85);
      const body: CellValue[][] = present.map((r) => {
        const i = r.indicator;
        const byName = !keepId || random() < 0.3;
        return columns.map(({ role }): CellValue => {
          if (role === 'owner') return 'สนจ.';
          if (role === 'id') return byName ? null : i.id;
          if (role === 'name') return i.name;
          if (role === 'weight') return i.weight;
          if (role === 'score' || role === 'weightedScore') return 'เดิม';
          const target = /^target(\d+)$/.exec(role);
          if (target) return i.kind === 'group' ? null : (i.targets[Number(target[1]) - 1] ?? null);
          return typed(inputs.get(i.id), role);
        });
      });
      // A row the assessment does not know, somewhere among the others.
      const unknown = columns.map(({ role }): CellValue =>
        role === 'id' ? 'zz' : role === 'name' ? 'ตัวชี้วัดของจังหวัดเอง' : role === 'weight' ? 7 : role !== 'owner' && INPUT(role) ? 1 : null,
      );
      body.splice(Math.floor(random() * (body.length + 1)), 0, unknown);

      // Exact comparisons, as the template's formula property: the engines' fuzz near equality is not under test.
      const wb = new PreviewWorkbook({ exact: true });
      await wb.apply({
        title: 'hand-made',
        ops: [
          { kind: 'sheet', sheet: 'S', ifExists: 'replace' },
          {
            kind: 'cells',
            sheet: 'S',
            topLeft: 'A1',
            contents: [['รายงาน'], [null], columns.map((c) => c.header), ...body] as CellContent[][],
          },
        ],
      });
      const proposal = proposeBinding(assessment, (await wb.read({ ranges: [{ sheet: 'S' }] })).ranges[0]!);
      if (!proposal) throw new Error(`no proposal for headers ${JSON.stringify(columns)}`);
      const { plan, layout, binding } = bindSheetPlan({ assessment, document: {}, bound: boundSheet(proposal), settingsExists: false });
      await wb.apply(plan);
      // Inputs of the rows the bind added, typed where the layout put them.
      const added = layout.rows.filter((r) => r.row > proposal.lastRow);
      const ops = added.flatMap((r) =>
        layout.columns
          .filter((c) => INPUT(c.role))
          .map((c) => ({
            kind: 'cells' as const,
            sheet: 'S',
            topLeft: cellAddress(r.row, c.column),
            contents: [[typed(inputs.get(r.indicator.id), c.role)]],
          })),
      );
      if (ops.length > 0) await wb.apply({ title: 'type', ops });

      const grid = (await wb.read({ ranges: [{ sheet: 'S', numberFormats: true }] })).ranges[0]!;
      const read = readKpiGrid(assessment, grid, { headers: binding.columns });
      if (!read.ok) throw new Error(`the bound sheet does not read: ${JSON.stringify(read.issues)}`);
      const report = scoreAssessment(assessment, read.value.resultSet);
      const byId = new Map(report.indicators.map((i) => [i.id, i]));
      const score = requireColumn(layout, 'score').column;
      const weighted = requireColumn(layout, 'weightedScore').column;
      const context = (): string =>
        `seed ${seed}\ncolumns ${JSON.stringify(columns)}\nassessment ${JSON.stringify(assessment)}\ninputs ${JSON.stringify([...inputs])}`;
      for (const r of layout.rows) {
        const expected = byId.get(r.indicator.id)!;
        const s = wb.value('S', r.row, score);
        const w = wb.value('S', r.row, weighted);
        if (!same(s, expected.score))
          throw new Error(`score of ${r.indicator.id}: sheet ${JSON.stringify(s)} ≠ domain ${expected.score}\n${context()}`);
        if (!same(w, expected.weightedScore))
          throw new Error(
            `weighted score of ${r.indicator.id}: sheet ${JSON.stringify(w)} ≠ domain ${expected.weightedScore}\n${context()}`,
          );
        seen.rows++;
      }
      const total = wb.evaluate('ScorebookTotal', 'S');
      if (!same(total, report.totalBeforePenalty))
        throw new Error(`total: sheet ${JSON.stringify(total)} ≠ domain ${report.totalBeforePenalty}\n${context()}`);
      seen.cases++;
      seen.appendedRows += added.length;
      seen.byName += proposal.rows.filter((r) => r.matchedBy === 'name').length;
      seen.appendedColumns += layout.columns.filter((c) => c.column > proposal.lastColumn && !c.hidden).length;
    }),
    { numRuns: 200, seed: 4711, endOnFailure: true },
  );
  // The generators reached every path: rows added below, rows found by name, visible columns appended.
  expect(seen.cases).toBe(200);
  expect([seen.appendedRows, seen.byName, seen.appendedColumns].every((n) => n > 0)).toBe(true);
});

/**
 * The property behind formulas.hyperformula*.test.ts and groupsAndDerived.hyperformula*.test.ts: the formulas the template writes, evaluated by a real
 * spreadsheet engine (HyperFormula), give the same scores as src/domain — every row's score and weighted score and
 * the total, to 1e-9. The domain scores what the sheet reader makes of the evaluated cells (readKpiGrid), which is
 * also what `scorebook check` does, so "the sheet shows what check says" is what is tested.
 */
import fc from 'fast-check';
import { scoreAssessment, type IndicatorStatus, type LeafKind } from '../../src/domain';
import { NOT_DUE_TEXT, readKpiGrid, requireColumn, type CellValue } from '../../src/workbook';
import { caseArb, groupedCaseArb } from './arbitraries';
import { buildEngine, gridOf, type SheetCase } from './hyperformulaSheet';

const TOLERANCE = 1e-9;

function same(sheet: CellValue | undefined, domain: number | null): boolean {
  if (domain === null) return sheet === '' || sheet === null;
  return typeof sheet === 'number' && Math.abs(sheet - domain) <= TOLERANCE;
}

const seen = {
  cases: 0,
  rows: 0,
  groupRows: 0,
  derivedTargets: 0,
  kinds: new Set<LeafKind | 'group'>(),
  statuses: new Set<IndicatorStatus>(),
  nullTotals: 0,
};

function check(cases: readonly SheetCase[]): void {
  const { hf, laidOut } = buildEngine(cases);
  try {
    cases.forEach((c, n) => {
      const laid = laidOut[n]!;
      const grid = gridOf(hf, laid);
      const read = readKpiGrid(c.assessment, grid);
      if (!read.ok) throw new Error(`case ${n}: the sheet did not read back: ${JSON.stringify(read.issues)}`);
      const report = scoreAssessment(c.assessment, { ...read.value.resultSet, round: c.round });
      const at = (row: number, column: number): CellValue | undefined => grid.values[row - 1]?.[column - 1];
      const scoreColumn = requireColumn(laid.layout, 'score').column;
      const weightedColumn = requireColumn(laid.layout, 'weightedScore').column;
      const byId = new Map(report.indicators.map((i) => [i.id, i]));
      const fail = (what: string, sheet: unknown, domain: unknown): never => {
        throw new Error(
          `case ${n}, ${what}: sheet ${JSON.stringify(sheet)} ≠ domain ${JSON.stringify(domain)}\n` +
            `assessment ${JSON.stringify(c.assessment)}\ninputs ${JSON.stringify([...c.inputs])}\nrow values ${JSON.stringify(grid.values.slice(3))}`,
        );
      };
      for (const row of laid.layout.rows) {
        const expected = byId.get(row.indicator.id)!;
        seen.rows++;
        seen.kinds.add(row.indicator.kind);
        seen.statuses.add(expected.status);
        if (expected.status === 'not-due') {
          if (at(row.row, scoreColumn) !== NOT_DUE_TEXT)
            fail(`not-due score of ${row.indicator.id}`, at(row.row, scoreColumn), NOT_DUE_TEXT);
        } else if (!same(at(row.row, scoreColumn), expected.score))
          fail(`score of ${row.indicator.id}`, at(row.row, scoreColumn), expected.score);
        if (!same(at(row.row, weightedColumn), expected.weightedScore)) {
          fail(`weighted score of ${row.indicator.id}`, at(row.row, weightedColumn), expected.weightedScore);
        }
      }
      for (const g of laid.layout.groupRows ?? []) {
        const expected = report.groups.find((x) => x.id === g.group.id)!;
        seen.groupRows++;
        if (!same(at(g.row, scoreColumn), expected.score)) fail(`subtotal of group ${g.group.id}`, at(g.row, scoreColumn), expected.score);
        if (!same(at(g.row, weightedColumn), expected.weightedScore))
          fail(`weighted subtotal of group ${g.group.id}`, at(g.row, weightedColumn), expected.weightedScore);
      }
      for (const row of laid.layout.rows) {
        const leaf = row.indicator;
        if (leaf.kind === 'group' || !leaf.targetExpressions) continue;
        seen.derivedTargets++;
        leaf.targets.forEach((t, k) => {
          const cell = at(row.row, requireColumn(laid.layout, `target${k + 1}`).column);
          if (!same(cell, t)) fail(`derived target T${k + 1} of ${leaf.id}`, cell, t);
        });
      }
      const { row: totalRow, column: totalColumn } = { row: laid.layout.summaryRow, column: weightedColumn };
      if (!same(at(totalRow, totalColumn), report.totalBeforePenalty)) fail('total', at(totalRow, totalColumn), report.totalBeforePenalty);
      const named = hf.calculateFormula('=ScorebookTotal', laid.sheetId);
      if (!same(named as CellValue, report.totalBeforePenalty)) fail('ScorebookTotal', named, report.totalBeforePenalty);
      if (report.totalBeforePenalty === null) seen.nullTotals++;
      seen.cases++;
    });
  } finally {
    hf.destroy();
  }
}

/**
 * Runs `runs` engines of `perEngine` generated sheets each (many sheets per engine: far faster than one engine per
 * sheet) and checks that the generators reached every kind and status. Returns what it saw, for the log.
 */
export function runFormulaProperty(options: { runs: number; perEngine: number; seed: number; grouped?: boolean }): typeof seen {
  const arb = options.grouped ? groupedCaseArb : caseArb;
  fc.assert(
    fc.property(fc.array(arb, { minLength: options.perEngine, maxLength: options.perEngine }), (cases) => check(cases)),
    // No shrinking: the error already names the one failing sheet, and shrinking arrays of sheets takes minutes.
    { numRuns: options.runs, seed: options.seed, endOnFailure: true },
  );
  expect(seen.cases).toBe(options.runs * options.perEngine);
  expect([...seen.kinds].sort()).toEqual(['binary', 'group', 'milestone', 'quantitative', 'ratio']);
  expect([...seen.statuses].sort()).toEqual(['invalid', 'not-due', 'not-reported', 'scored']);
  expect(seen.nullTotals).toBeGreaterThan(0);
  if (options.grouped) {
    expect(seen.groupRows).toBeGreaterThan(0);
    expect(seen.derivedTargets).toBeGreaterThan(0);
  }
  return seen;
}

/**
 * The grouped generator's proof (groupsAndDerived.hyperformula.test.ts in `npm test`, the .scale file in
 * `npm run test:scale`): `runs` engines of 50 sheets with component groups and derived targets, one seed, so a
 * smaller run is the first sheets of a larger one.
 */
export function groupedSheetsTest(runs: number): void {
  const sheets = (runs * 50).toLocaleString('en-US');
  test(`group subtotals and derived targets evaluated by HyperFormula equal the domain on ${sheets} generated sheets`, () => {
    const seen = runFormulaProperty({ runs, perEngine: 50, seed: 5502, grouped: true });
    console.log(
      `grouped sheets: ${seen.cases} sheets, ${seen.groupRows} group headings, ${seen.derivedTargets} indicators with derived targets`,
    );
  });
}

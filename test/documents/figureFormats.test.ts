/**
 * One rule for the figures a person set (targets, weights), in the report document and the KPI sheet alike
 * (domain/figureDecimals.ts): the document's text is what the sheet's number format shows, on the three samples.
 */
import { buildReportModel } from '../../src/documents';
import type { ReportRow } from '../../src/documents/reportModel';
import { decimalsOf, figureDecimals, formatNumber, isGroup, allIndicators } from '../../src/domain';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { sample } from '../taskpane/sheetGrid';

test('decimals as written: 3018.1 has one, 2874.79 two, 30 none; a column takes its most precise, at most the policy’s', () => {
  expect([decimalsOf(3018.1), decimalsOf(2874.79), decimalsOf(30), decimalsOf(1e-7), decimalsOf(0.1 + 0.2)]).toEqual([1, 2, 0, 7, 17]);
  expect(figureDecimals([2874.79, 3018.1, 30], 2)).toBe(2);
  expect(figureDecimals([90, 95, 100], 2)).toBe(0);
  expect(figureDecimals([0.1 + 0.2], 2)).toBe(2);
});

test.each(['pte-2567', 'otop-2567', 'krs-2567'])('%s: every target and weight in the report reads as the sheet formats it', (name) => {
  const loaded = sample(name);
  const { assessment } = loaded;
  const { plan, layout } = kpiSheetPlan({ assessment, document: loaded.document });
  const decimalsOfColumn = (role: string): number => {
    const c = layout.columns.find((x) => x.role === role)!;
    const op = plan.ops.find((o) => o.kind === 'numberFormat' && o.address.startsWith(`${c.letter}${layout.firstDataRow}:`)) as {
      format: string;
    };
    return (op.format.split('.')[1] ?? '').length;
  };
  const model = buildReportModel({ assessment, resultSet: { results: {} }, locale: 'th' });
  const rows = new Map(
    model.sections.flatMap((s) => s.rows.filter((r): r is ReportRow => r.kind === 'indicator')).map((r) => [r.id, r] as const),
  );
  for (const indicator of allIndicators(assessment)) {
    const row = rows.get(indicator.id)!;
    expect(row.weight).toBe(formatNumber(indicator.weight, decimalsOfColumn('weight')));
    if (isGroup(indicator)) continue;
    indicator.targets.forEach((t, i) => expect(row.targets[i]).toBe(formatNumber(t, decimalsOfColumn(`target${i + 1}`))));
  }
  if (name === 'pte-2567') expect(rows.get('5')!.targets).toEqual(['2,874.79', '3,018.10', '3,161.41']);
});

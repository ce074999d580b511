/**
 * Step columns on rows whose indicator takes no steps do not look editable: the template greys them (a conditional
 * format on the row's hidden kind), in the single-unit and the multi-unit sheet alike, evaluated by the preview's
 * formula engine; milestone rows keep the input fill.
 */
import { kpiLayout, requireColumn } from '../../src/workbook';
import { COLORS, kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { multiUnitPlan } from '../../src/workbook/multiUnitPlan';
import { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import { sample } from './samples';

test("a quantitative row's step cells are grey; a milestone row's are the input colour", async () => {
  const { assessment, document } = sample('pte-2567');
  const wb = new PreviewWorkbook();
  await wb.apply(kpiSheetPlan({ assessment, document }).plan);
  const layout = kpiLayout(assessment);
  const step1 = requireColumn(layout, 'step1').column;
  const quantitative = layout.rows.find((r) => 'kind' in r.indicator && r.indicator.kind === 'quantitative')!.row;
  const milestone = layout.rows.find((r) => 'kind' in r.indicator && r.indicator.kind === 'milestone')!.row;
  expect(wb.style('KPI', quantitative, step1).fill).toBe(COLORS.unused);
  expect(wb.style('KPI', milestone, step1).fill).toBe(COLORS.input);
});

test("the multi-unit sheet greys them too, in every unit's block", async () => {
  const { assessment, document } = sample('pte-2567');
  const wb = new PreviewWorkbook();
  const { plan, layout } = multiUnitPlan({ assessment, document });
  await wb.apply(plan);
  const step1 = requireColumn(layout.kpi, 'step1').column;
  const index = layout.kpi.rows.findIndex((r) => 'kind' in r.indicator && r.indicator.kind === 'quantitative');
  const lastBlock = layout.kpi.firstDataRow + layout.blockRows * (layout.units.length - 1) + index;
  expect(wb.style(layout.kpi.sheet, lastBlock, step1).fill).toBe(COLORS.unused);
});

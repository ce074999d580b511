/** @jest-environment jsdom */
/**
 * A policy edited on the settings sheet (ตั้งค่า) re-scores the pane at once, as it re-scores the sheet's formulas:
 * the live check reads the settings sheet beside the KPI sheet (no sync more) and scores with its policies, and the
 * live sheet hook listens to the settings sheet as well as the KPI sheet.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { readAssessment, scoreAssessment, type Assessment } from '../../src/domain';
import { NAMES, requireColumn, resultInputs } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { useLiveSheet } from '../../src/taskpane/hooks/useLiveSheet';
import { livePass } from '../../src/taskpane/model/liveCheck';
import { sessionFromBinding, type Session } from '../../src/taskpane/model/session';
import { FakeExcel } from '../office/fakeExcel';

const document = {
  format: 'scorebook/assessment@1',
  id: 'settings',
  title: 'settings',
  fiscalYear: 2567,
  scale: 'three-level',
  indicators: [
    { id: '1', name: 'หนึ่ง', weight: 50, kind: 'quantitative', targets: [10, 20, 30] },
    { id: '2', name: 'สอง', weight: 50, kind: 'quantitative', targets: [10, 20, 30] },
  ],
};
const read = readAssessment(document);
if (!read.ok) throw new Error(JSON.stringify(read.issues));
const assessment: Assessment = read.value;
// Indicator 2 is below its first level: it scores the floor, which the settings sheet sets.
const results = { '1': 20, '2': 5 };

async function sheet(): Promise<{ fake: FakeExcel; port: OfficeWorkbookPort; session: Session; settingsSheet: string; floorCell: string }> {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { plan, binding } = kpiSheetPlan({ assessment, document, inputs: resultInputs(assessment, { results }) });
  await port.apply(plan);
  const restored = sessionFromBinding(await port.readBinding());
  if (!restored.ok || !restored.session) throw new Error('no session');
  const settingsSheet = binding.settingsSheet;
  let floorRow = 0;
  for (let r = 1; r <= 40 && floorRow === 0; r++) if (fake.cell(settingsSheet, `C${r}`) === NAMES.floor) floorRow = r;
  expect(floorRow).toBeGreaterThan(0);
  return { fake, port, session: restored.session, settingsSheet, floorCell: `B${floorRow}` };
}

const totalWith = (floor: number): number | null =>
  scoreAssessment({ ...assessment, policies: { ...assessment.policies, floor } }, { results }).totalBeforePenalty;

test('the live check scores with the floor typed on the settings sheet, in the syncs it took before', async () => {
  const { fake, port, session, settingsSheet, floorCell } = await sheet();
  const before = await livePass(port, session, 'th', undefined);
  expect(before.evaluation.ok && !before.evaluation.multiUnit && before.evaluation.report.totalBeforePenalty).toBe(totalWith(0));

  fake.userEdit(settingsSheet, floorCell, [[20]]);
  const from = fake.syncs.length;
  const after = await livePass(port, session, 'th', undefined);
  expect(fake.syncs.length - from).toBe(2);
  expect(after.evaluation.ok && !after.evaluation.multiUnit && after.evaluation.report.totalBeforePenalty).toBe(totalWith(20));
  expect(totalWith(20)).not.toBe(totalWith(0));
});

test('an edit on the settings sheet re-scores the pane without waiting for an edit on the KPI sheet', async () => {
  const { fake, port, session, settingsSheet, floorCell } = await sheet();
  const { result } = renderHook(() => useLiveSheet(port, session));
  await waitFor(() =>
    expect(
      result.current.evaluation?.ok && !result.current.evaluation.multiUnit && result.current.evaluation.report.totalBeforePenalty,
    ).toBe(totalWith(0)),
  );
  // The hook has subscribed to both sheets before the edit is typed.
  await waitFor(() => expect(fake.sheets.get(settingsSheet)?.handlers.length).toBe(1));
  fake.userEdit(settingsSheet, floorCell, [[20]]);
  await waitFor(() =>
    expect(
      result.current.evaluation?.ok && !result.current.evaluation.multiUnit && result.current.evaluation.report.totalBeforePenalty,
    ).toBe(totalWith(20)),
  );
  // And a KPI edit still re-scores as before.
  const layout = kpiSheetPlan({ assessment, document }).layout;
  fake.userEdit(session.binding.sheet, `${requireColumn(layout, 'result').letter}${layout.rows[1]!.row}`, [[30]]);
  await waitFor(() =>
    expect(
      result.current.evaluation?.ok && !result.current.evaluation.multiUnit && result.current.evaluation.report.totalBeforePenalty,
    ).toBe((75 + 100) / 2),
  );
});

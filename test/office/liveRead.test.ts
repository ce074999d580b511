/**
 * The pane's live read (after every edit) on Excel: the KPI sheet with the binding record is 2 syncs, and stays 2
 * when the settings sheet's rectangle (ScorebookRound) rides along for an assessment with rounds — the optional
 * sheet is located beside the record in the first sync and read with it in the second.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAssessment } from '../../src/domain';
import { NAMES, readSettings, type CellValue } from '../../src/workbook';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { settingsRequest } from '../../src/taskpane/model/liveScoring';
import { createdSheet, loaded } from '../taskpane/paneSheets';
import { FakeExcel } from './fakeExcel';

const document: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'samples', 'krs-2567.assessment.json'), 'utf8'));
const read = readAssessment(document);
if (!read.ok) throw new Error(JSON.stringify(read.issues));
const assessment = read.value;

test('the live read with the settings rectangle costs the syncs it cost without it, and brings ScorebookRound', async () => {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { binding } = await createdSheet(port, loaded(document));
  const kpi = { sheet: binding.sheet, numberFormats: true };

  let from = fake.syncs.length;
  await port.read({ ranges: [kpi], binding: true });
  const without = fake.syncs.length - from;
  expect(without).toBe(2);

  const settings = settingsRequest({ binding, loaded: { assessment } as never });
  expect(settings).toBeDefined();
  from = fake.syncs.length;
  const withSettings = await port.read({ ranges: [kpi, settings!], binding: true });
  expect(fake.syncs.length - from).toBe(without);
  const rows = withSettings.ranges[1]?.values as CellValue[][];
  expect(rows.some((r) => r[2] === NAMES.round)).toBe(true);
  expect(readSettings(rows).policies.floor).toBe(assessment.policies.floor);
});

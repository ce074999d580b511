/**
 * "Update layout" after the central office published new definitions, through the office port on the recording
 * fake: every result, step and text typed stays on its indicator's (new) row, the person's own column moves with
 * its rows, changes not sent are still the same changes, and a removed indicator's value is kept on a sheet of its
 * own and said, never dropped. Syncs: the sheet read with its record (2), the apply (2), and one look for a free
 * sheet name only when something is kept aside — the same at 15 rows as at 1,000.
 */
import { readFileSync } from 'node:fs';
import { readAssessment, readResults, type Assessment } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { readSheet } from '../../src/taskpane/linkedSheet';
import { definitionsChange, updateLayout } from '../../src/taskpane/model/definitionsUpdate';
import { loadAssessment } from '../../src/taskpane/model/loadAssessment';
import { changedRows } from '../../src/taskpane/model/serverSheet';
import { emptyServerLink, type ServerLink } from '../../src/taskpane/model/serverLink';
import { columnLetter, resultInputs } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { rowTextsOf } from '../../src/workbook/rowTexts';
import { benchAssessmentDoc, benchResults, seededRandom } from '../bench/generate';
import { FakeExcel } from './fakeExcel';

type Doc = Record<string, unknown> & { id: string; indicators: Record<string, unknown>[] };
const pteDoc = JSON.parse(readFileSync('assets/samples/pte-2567.assessment.json', 'utf8')) as Doc;
const pteResults = JSON.parse(readFileSync('assets/samples/pte-2567.results.json', 'utf8')) as { results: Record<string, unknown> };

function model(doc: unknown): Assessment {
  const read = readAssessment(doc);
  if (!read.ok) throw new Error(read.issues.map((i) => i.message.en).join('; '));
  return read.value;
}

async function syncsOf<T>(port: OfficeWorkbookPort, work: () => Promise<T>): Promise<{ syncs: number; value: T }> {
  const from = port.syncCount;
  const value = await work();
  return { syncs: port.syncCount - from, value };
}

/** A linked sheet opened from the server: every row confirmed as the results file has it, except `unsent`. */
async function linkedSheet(doc: Doc, results: Record<string, unknown>, unsent: string[] = []) {
  const assessment = model(doc);
  const resultSet = readResults({ format: 'scorebook/results@1', assessment: doc.id, round: 12, results }, assessment);
  if (!resultSet.ok) throw new Error('results');
  const inputs = new Map(resultInputs(assessment, resultSet.value));
  const first = [...inputs.keys()][0]!;
  inputs.set(first, { ...inputs.get(first), explanation: 'ดำเนินการครบทุกอำเภอ', obstacles: 'งบประมาณล่าช้า' });
  const target = { aid: doc.id, round: 12, unit: 'pte' };
  const port = new OfficeWorkbookPort(new FakeExcel('1.9'));
  const built = kpiSheetPlan({ assessment, document: doc, inputs, server: { ...emptyServerLink(), target }, round: 12 });
  await port.apply(built.plan);
  // The server confirmed every row as the sheet reads it, except `unsent` (the sheet holds a change not sent).
  const read = await readSheet(port, built.layout.sheet);
  const texts = rowTextsOf(read.grid, read.reading);
  const rows: ServerLink['rows'] = {};
  for (const [id, value] of Object.entries(read.reading.resultSet.results))
    rows[id] = { version: 1, value: unsent.includes(id) ? 1 : value, status: 'submitted', ...texts.get(id) };
  const link: ServerLink = { ...emptyServerLink(), target, rows, pending: [] };
  await port.writeBinding({ ...read.record, server: link });
  return { port, assessment, layout: built.layout, first };
}

async function sheetNow(port: OfficeWorkbookPort) {
  const now = await readSheet(port, 'KPI');
  const texts = rowTextsOf(now.grid, now.reading);
  return {
    ...now,
    texts,
    changed: changedRows(now.assessment, now.reading.resultSet, now.link, texts).map((r) => r.indicatorId),
  };
}

test('new targets, one indicator added before the others and one removed: results, texts, own column and unsent changes stay', async () => {
  const { port, layout, first } = await linkedSheet(pteDoc, pteResults.results, ['2', '11']);
  // The person's own column right of the template, a note on indicator 7's row.
  const row7 = layout.rows.find((r) => r.indicator.id === '7')!.row;
  const own = layout.columns.length + 2;
  await port.apply({
    title: 'note',
    ops: [
      {
        kind: 'cells',
        sheet: layout.sheet,
        topLeft: `${columnLetter(own)}${layout.headerRow}`,
        contents: [['บันทึกของฉัน']],
      },
    ],
  });
  const ownLetter = columnLetter(own);
  await port.apply({
    title: 'note',
    ops: [{ kind: 'cells', sheet: layout.sheet, topLeft: `${ownLetter}${row7}`, contents: [['โทรหาสำนักงานสถิติ']] }],
  });
  const before = await sheetNow(port);
  expect(before.changed).toEqual(['2', '11']);

  const next = JSON.parse(JSON.stringify(pteDoc)) as Doc;
  next.indicators[0]!.targets = [91, 95, 100];
  next.indicators[1]!.targets = [85, 90, 96];
  next.indicators[2]!.targets = [9, 10, 12];
  next.indicators = next.indicators.filter((i) => i.id !== '11');
  next.indicators.unshift({ id: '0', name: 'ตัวชี้วัดใหม่', weight: 0, kind: 'quantitative', targets: [1, 2, 3] });
  const change = definitionsChange(before.assessment, next);
  expect(change?.diff.summary.en).toBe('3 indicators changed targets, 1 added, 1 removed');
  expect(change?.layout).toBe(true);

  const { syncs, value: updated } = await syncsOf(port, () => updateLayout(port, change!.next, { central: false, boundSheet: 'KPI' }));
  // Read 2 + a free name for the kept values 1 + apply 2.
  expect(syncs).toBe(5);
  expect(updated.relayout.aside).toEqual([{ id: '11', name: expect.any(String), field: 'result', value: 362, why: 'removed' }]);
  expect(updated.relayout.unsentAside).toEqual(['11']);
  expect(updated.message.en).toContain('moved to sheet ค่าที่เก็บไว้ (Kept values)');
  expect(updated.message.th).toContain('ตัวชี้วัด 11 ถูกยกเลิกหรือเปลี่ยนประเภท');

  const after = await sheetNow(port);
  expect(after.assessment.indicators[0]!.id).toBe('0');
  const kept = { '0': null, ...Object.fromEntries(Object.entries(before.reading.resultSet.results).filter(([id]) => id !== '11')) };
  expect(after.reading.resultSet.results).toEqual(kept);
  expect(after.texts.get(first)).toEqual(before.texts.get(first));
  expect(after.changed).toEqual(['2']);
  expect(after.link).toEqual(before.link);
  // The own column moved down with indicator 7's row (one row was added above it).
  const newRow7 = after.reading.cells.get('7')!.row;
  expect(newRow7).toBe(row7 + 1);
  const ownHeaderAt = after.grid.values[after.reading.headerRow - 1]!.indexOf('บันทึกของฉัน');
  expect(ownHeaderAt).toBeGreaterThan(0);
  expect(after.grid.values[newRow7 - 1]![ownHeaderAt]).toBe('โทรหาสำนักงานสถิติ');
  // The removed indicator's value is on its own sheet, with why.
  const aside = (await port.read({ ranges: [{ sheet: updated.asideSheet! }] })).ranges[0]!;
  expect(aside.values[1]!.slice(0, 4)).toEqual(['11', expect.any(String), 'result', 362]);
});

test('a kind changed: the texts stay on the row, the old cells go aside; nothing removed: 4 syncs, at 15 rows as at 1,000', async () => {
  const { port } = await linkedSheet(pteDoc, pteResults.results);
  const next = JSON.parse(JSON.stringify(pteDoc)) as Doc;
  next.indicators[0] = { ...next.indicators[0]!, kind: 'milestone', targets: undefined, steps: ['ก', 'ข', 'ค'] };
  const before = await sheetNow(port);
  const change = definitionsChange(before.assessment, next)!;
  const first = before.assessment.indicators[0]!.id;
  const { value: updated } = await syncsOf(port, () => updateLayout(port, change.next, { central: false, boundSheet: 'KPI' }));
  expect(updated.relayout.aside.map((a) => [a.id, a.field, a.why])).toEqual([[first, 'result', 'kind']]);
  const after = await sheetNow(port);
  expect(after.texts.get(first)).toEqual(before.texts.get(first));

  // Only targets changed: no aside sheet, 4 syncs whatever the number of rows.
  for (const rows of [15, 1000]) {
    const doc = benchAssessmentDoc(rows) as Doc;
    const results = benchResults(rows, seededRandom(rows)) as Record<string, unknown>;
    const sheet = await linkedSheet(doc, results);
    const changed = JSON.parse(JSON.stringify(doc)) as Doc;
    const leaf = changed.indicators.find((i) => Array.isArray(i.targets) && (i.targets as unknown[]).every((t) => typeof t === 'number'))!;
    leaf.targets = (leaf.targets as number[]).map((t) => t + 1);
    const loaded = loadAssessment(changed, doc.id);
    if (!loaded.ok) throw new Error('changed doc');
    const beforeRows = await sheetNow(sheet.port);
    const { syncs } = await syncsOf(sheet.port, () => updateLayout(sheet.port, loaded.value, { central: false, boundSheet: 'KPI' }));
    expect(syncs).toBe(4);
    const afterRows = await sheetNow(sheet.port);
    // An error value in a cell (#N/A pasted) reads the same after: kept as typed, never dropped.
    expect(afterRows.reading.resultSet.results).toEqual(beforeRows.reading.resultSet.results);
    expect(afterRows.changed).toEqual(beforeRows.changed);
  }
});

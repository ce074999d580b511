/**
 * The binding record's assessment is decoded (inflated, parsed, checked) once per record, not on every edit and
 * every action: the live sheet's pass and a Server-tab action's read, over the office port and the recording fake,
 * N edits long, decode it once; a record rewritten with another document is decoded again, and read as the new one.
 */
import * as fflate from 'fflate';
import * as read from '../../src/domain/readAssessment';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { readSheet } from '../../src/taskpane/linkedSheet';
import { livePass } from '../../src/taskpane/model/liveCheck';
import { readServerLink, SERVER_LINK_FORMAT } from '../../src/taskpane/model/serverLink';
import { sessionFromBinding } from '../../src/taskpane/model/session';
import { requireColumn } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { FakeExcel } from '../office/fakeExcel';
import { sample } from './sheetGrid';

// A module's exports cannot be spied on in place (fflate's, and ours as swc compiles them: getters): each module is
// replaced by itself with the one function counted.
jest.mock('fflate', () => {
  const actual = jest.requireActual<typeof import('fflate')>('fflate');
  return { ...actual, inflateSync: jest.fn(actual.inflateSync) };
});
jest.mock('../../src/domain/readAssessment', () => {
  const actual = jest.requireActual<typeof import('../../src/domain/readAssessment')>('../../src/domain/readAssessment');
  return { ...actual, readAssessment: jest.fn(actual.readAssessment) };
});

test('N edits and actions decode the record once; a changed record is decoded again', async () => {
  const pte = sample('pte-2567');
  const server = { format: SERVER_LINK_FORMAT, target: { aid: 'pte-2567', round: 6, unit: 'pte' }, rows: {}, pending: [] };
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const { plan, layout, binding } = kpiSheetPlan({ assessment: pte.assessment, document: pte.document, server });
  await port.apply(plan);
  const inflate = jest.mocked(fflate.inflateSync);
  inflate.mockClear();
  const check = jest.mocked(read.readAssessment);
  check.mockClear();

  const restored = sessionFromBinding(await port.readBinding());
  if (!restored.ok || !restored.session) throw new Error('no session');
  const session = restored.session;
  const result = requireColumn(layout, 'result');
  let previous: ReadonlyMap<string, string> | undefined;
  for (let i = 0; i < 5; i++) {
    fake.userEdit(layout.sheet, `${result.letter}${layout.rows[i]!.row}`, [[40 + i]]);
    const pass = await livePass(port, session, 'th', previous);
    previous = pass.contents;
    if (pass.plan) await port.apply(pass.plan);
    expect(pass.changed).toHaveLength(i + 1);
    await readSheet(port, layout.sheet);
  }
  // Once for the assessment and once for the server link, both on the first read; checked once.
  expect(inflate).toHaveBeenCalledTimes(2);
  expect(check).toHaveBeenCalledTimes(1);
  // The server link read again is the one checked before, not checked afresh.
  const again = await port.readBinding();
  expect(again?.ok && readServerLink(again.value.server)).toBe(readServerLink(session.binding.server));

  // Another document in the record (renamed): read afresh, never the cached one.
  const renamed = { ...(pte.document as Record<string, unknown>), title: 'ชุดที่เปลี่ยนชื่อแล้ว' };
  await port.writeBinding({ ...binding, assessment: renamed, server });
  const after = await readSheet(port, layout.sheet);
  expect(after.assessment.title).toBe('ชุดที่เปลี่ยนชื่อแล้ว');
  expect(check).toHaveBeenCalledTimes(2);
  await readSheet(port, layout.sheet);
  expect(check).toHaveBeenCalledTimes(2);
});

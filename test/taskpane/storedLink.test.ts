/**
 * A server link written by the pane (storedLink) is read back from the record without inflating, parsing or
 * checking it again: the text written is known to decode to the very object written, which is its JSON round trip,
 * so what the reader gets is exactly what decoding the cells would give.
 */
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { readServerLink, SERVER_LINK_FORMAT, storedLink, type ServerLink } from '../../src/taskpane/model/serverLink';
import { unpackJson } from '../../src/workbook/binding';
import { FakeExcel } from '../office/fakeExcel';

const link: ServerLink = {
  format: SERVER_LINK_FORMAT,
  baseUrl: 'http://scorebook.test',
  target: { aid: 'a', round: 6, unit: 'u' },
  rows: { i1: { version: 2, value: 55, explanation: undefined, remarks: null } },
  pending: [
    {
      key: 'k-1',
      target: { aid: 'a', round: 6, unit: 'u' },
      createdAt: '2026-01-01T00:00:00Z',
      body: { action: 'submit', rows: [{ indicatorId: 'i2', value: 61, baseVersion: 0 }] },
    },
  ],
};

test('a stored link is read back as the object written, equal to what decoding its cells gives', async () => {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const stored = storedLink(link);
  expect(stored).not.toBe(link);
  await port.writeBinding({
    format: 'scorebook/workbook@2',
    sheet: 'KPI',
    table: '',
    settingsSheet: '',
    headerRow: 1,
    columns: {},
    assessment: {},
    server: stored,
  });
  const read = await port.readBinding();
  if (!read?.ok) throw new Error('the record does not read');
  expect(read.value.server).toBe(stored);
  const checked = readServerLink(read.value.server);
  expect(checked.ok && checked.value).toBe(stored);

  // What the cells hold, decoded afresh, is exactly the object the reader was given (no undefined left in it).
  const cells = [...(fake.sheets.get('_scorebook')?.cells.values() ?? [])]
    .map((row) => row.get(1) && row.get(2))
    .filter((c): c is { value: string } => c !== undefined && 'value' in c);
  const texts = [...(fake.sheets.get('_scorebook')?.cells.values() ?? [])]
    .filter((row) => {
      const k = row.get(1);
      return k !== undefined && 'value' in k && k.value === 'server';
    })
    .map((row) => {
      const v = row.get(2);
      return v && 'value' in v ? String(v.value) : '';
    });
  expect(cells.length).toBeGreaterThan(0);
  expect(unpackJson(texts.join(''))).toStrictEqual(stored);
  expect(stored).toStrictEqual(JSON.parse(JSON.stringify(link)));
});

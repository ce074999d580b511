/**
 * The definitions sheet through the Office port over the recording fake, as the pane writes and checks it: the
 * write is one guarded write, and the check reads both sheets with their number formats and merged areas in one
 * read — the same syncs for 3 indicators as for 303 — and a merged องค์ประกอบ cell holds for every row it spans.
 */
import { assessmentDocumentSchema, type AssessmentDocument } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { pairOf, readDefinitions, writeDefinitionsSheet } from '../../src/taskpane/model/definitionsSheet';
import { DEFINITIONS_SHEET } from '../../src/workbook';
import { sample } from '../workbook/samples';
import { FakeExcel } from './fakeExcel';

const never = async (): Promise<undefined> => {
  throw new Error('the guard asked where nothing of a person was there');
};

const doc = (name: string): AssessmentDocument => assessmentDocumentSchema.parse(sample(name).document);

/** otop-2567 with 300 more indicators like its first (weight 0: the weights still add up), for the syncs at size. */
function large(): AssessmentDocument {
  const base = doc('otop-2567');
  const first = base.indicators[0]!;
  const more = Array.from({ length: 300 }, (_, i) => ({ ...first, id: `x${i + 1}`, name: `${first.name} ${i + 1}`, weight: 0 }));
  return { ...base, indicators: [...base.indicators, ...more] } as AssessmentDocument;
}

async function written(name: string | AssessmentDocument, fake = new FakeExcel('1.13')) {
  const port = new OfficeWorkbookPort(fake);
  const before = port.syncCount;
  const document = typeof name === 'string' ? doc(name) : name;
  const result = await writeDefinitionsSheet({ port, document, locale: 'th', ask: never, freeSheetName: async () => 'unused' });
  const writeSyncs = port.syncCount - before;
  const at = port.syncCount;
  const check = await readDefinitions(port, [pairOf('th'), pairOf('en')]);
  return { fake, port, result, writeSyncs, readSyncs: port.syncCount - at, check };
}

test('written in one guarded write, read back in one read of fixed syncs, whatever the indicators', async () => {
  const small = await written('otop-2567');
  const big = await written(large());
  const krs = await written('krs-2567');
  for (const w of [small, big, krs]) {
    expect(w.result.kind).toBe('written');
    expect(w.check?.errors).toBe(0);
  }
  expect(small.check?.reading.document).toEqual(doc('otop-2567'));
  expect(big.check?.reading.document?.indicators).toHaveLength(303);
  expect(krs.check?.reading.document).toEqual(doc('krs-2567'));
  // Locating the optional sheets, measuring their used ranges (the merged areas asked there: no sync of their own),
  // then their cells with number formats.
  expect(small.readSyncs).toBe(3);
  expect(big.readSyncs).toBe(3);
  // The guard's read (locating the sheets) rides on the write: 2 syncs on a new workbook.
  expect(small.writeSyncs).toBe(2);
  expect(big.writeSyncs).toBe(2);
});

test('a merged component cell holds for the rows it spans; Excel before 1.13 reads without merges', async () => {
  const { fake, port } = await written('pte-2567');
  const state = fake.sheets.get(DEFINITIONS_SHEET.th)!;
  // Column A (องค์ประกอบ) rows 4..6: a person merges them, as seed tables have it, and Excel keeps the top-left only.
  const top = state.cells.get(4)?.get(1);
  for (const r of [5, 6]) state.cells.get(r)?.delete(1);
  state.merges.push({ r0: 4, c0: 1, r1: 6, c1: 1 });
  const at = port.syncCount;
  const merged = await readDefinitions(port, [pairOf('th')]);
  expect(port.syncCount - at).toBe(3);
  expect(top).toBeDefined();
  expect(merged?.errors).toBe(0);
  expect(merged?.reading.document).toEqual(doc('pte-2567'));

  const old = new OfficeWorkbookPort(Object.assign(fake, { isSetSupported: () => false }));
  const unmerged = await readDefinitions(old, [pairOf('th')]);
  // Without the merged area the rows under its top-left have no component: an error at each of them.
  expect(unmerged?.reading.issues.map((i) => i.cell)).toEqual([`${DEFINITIONS_SHEET.th}!B5`, `${DEFINITIONS_SHEET.th}!B6`]);
});

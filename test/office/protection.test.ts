/**
 * Sheet protection through the Office port over the recording fake, which refuses what Excel refuses on a
 * protected sheet (a write to a locked cell, a format, an insert, protect() twice, unprotect() without the
 * password) and refuses a person's typing into a locked cell. The sheets the pane makes are protected as the
 * template is (made by the pane's own actions: the Server tab's open, the Create tab's create); every pane action
 * that writes one lifts and restores protection inside its own batches (the sync counts of
 * test/office/officePort.test.ts stay as they were); approved rows are locked and returned ones unlocked.
 */
import { readAssessment, type Assessment } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { readSheet } from '../../src/taskpane/linkedSheet';
import type { ReportRow } from '../../src/api';
import { SERVER_LINK_FORMAT, type ServerLink } from '../../src/taskpane/model/serverLink';
import { writeStatuses } from '../../src/taskpane/submitFlow';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { columnOf, requireColumn, type KpiLayout } from '../../src/workbook/layout';
import { multiUnitLayout } from '../../src/workbook/multiUnitPlan';
import { typedNumbersPlan } from '../../src/workbook/typedNumbers';
import { whatIfColumnOps } from '../../src/workbook/whatIfPlan';
import { isWorkbookError, type WorkbookError } from '../../src/workbook/port';
import { columnLetter } from '../../src/workbook/cells';
import { BASE_URL, createdSheet, loaded, openedSheet } from '../taskpane/paneSheets';
import { FakeExcel } from './fakeExcel';

const document = {
  format: 'scorebook/assessment@1',
  id: 'lock',
  title: 'ป้องกันชีต',
  fiscalYear: 2567,
  scale: 'five-level',
  indicators: [
    { id: '1', name: 'รายได้', weight: 30, kind: 'quantitative', targets: [50, 60, 70, 80, 90] },
    {
      id: '2',
      name: 'ร้อยละ',
      weight: 30,
      kind: 'ratio',
      multiplier: 100,
      targets: [50, 60, 70, 80, 90],
      variables: [
        { id: 'num', name: 'ผ่าน', central: false },
        { id: 'den', name: 'ทั้งหมด', central: true },
      ],
    },
    { id: '3', name: 'ขั้นตอน', weight: 20, kind: 'milestone', steps: ['ก', 'ข', 'ค', 'ง', 'จ'] },
    { id: '4', name: 'ผลจากส่วนกลาง', weight: 20, kind: 'quantitative', centralResult: true, targets: [50, 60, 70, 80, 90] },
  ],
};

function assessmentOf(doc: unknown): Assessment {
  const read = readAssessment(doc);
  if (!read.ok) throw new Error('the assessment does not read');
  return read.value;
}

const assessment = assessmentOf(document);
const target = { aid: 'lock', round: 6, unit: 'pte' };
const layout: KpiLayout = kpiSheetPlan({ assessment, document }).layout;
const at = (role: Parameters<typeof requireColumn>[1], id: string): string => {
  const row = layout.rows.find((r) => r.indicator.id === id)!.row;
  return `${requireColumn(layout, role).letter}${row}`;
};

/** A row as the server answers it. */
function report(indicatorId: string, value: ReportRow['value'], status: ReportRow['status'], version: number): ReportRow {
  return {
    indicatorId,
    value,
    explanation: null,
    obstacles: null,
    remarks: null,
    status,
    version,
    updatedBy: 'pte.reporter',
    updatedAt: '2024-03-25T03:00:00Z',
    comment: null,
    late: false,
    submittedAt: null,
  };
}

/** Opened from the server before anything was reported, then 65 typed as indicator 1's result. */
async function created(): Promise<{ fake: FakeExcel; port: OfficeWorkbookPort; sheet: Awaited<ReturnType<typeof openedSheet>> }> {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const sheet = await openedSheet(port, document, target);
  fake.userEdit('KPI', at('result', '1'), [[65]]);
  return { fake, port, sheet };
}

function link(rows: ServerLink['rows']): ServerLink {
  return { format: SERVER_LINK_FORMAT, baseUrl: BASE_URL, target, rows, pending: [] };
}

const protectedNow = (fake: FakeExcel, sheet = 'KPI'): boolean => fake.sheets.get(sheet)!.protected;

describe('a KPI sheet the pane creates is protected as the template is', () => {
  it('locks ids, names, weights, targets, formulas and the central result; leaves inputs typeable', async () => {
    const { fake } = await created();
    expect(protectedNow(fake)).toBe(true);
    // No password: a person can lift it (Review > Unprotect Sheet); sorting off, filters and formats allowed.
    expect(fake.sheets.get('KPI')!.password).toBeUndefined();
    expect(fake.sheets.get('KPI')!.protectionOptions).toMatchObject({
      allowAutoFilter: true,
      allowFormatColumns: true,
      allowFormatRows: true,
      allowSort: false,
    });
    for (const cell of [
      at('id', '1'),
      at('name', '1'),
      at('weight', '1'),
      at('target1', '1'),
      at('target5', '2'),
      at('score', '1'),
      at('weightedScore', '3'),
    ]) {
      expect([cell, fake.refusesTyping('KPI', cell)]).toEqual([cell, true]);
    }
    // The ratio's and the milestone's result cells hold formulas; the central variable and the central result are the centre's.
    expect(fake.refusesTyping('KPI', at('result', '2'))).toBe(true);
    expect(fake.refusesTyping('KPI', at('result', '3'))).toBe(true);
    expect(fake.refusesTyping('KPI', at('denominator', '2'))).toBe(true);
    expect(fake.refusesTyping('KPI', at('result', '4'))).toBe(true);
    for (const cell of [
      at('result', '1'),
      at('numerator', '2'),
      at('step1', '3'),
      at('step5', '3'),
      at('explanation', '4'),
      at('obstacles', '1'),
      at('note', '2'),
    ]) {
      expect([cell, fake.refusesTyping('KPI', cell)]).toEqual([cell, false]);
    }
    fake.userEdit('KPI', at('result', '1'), [[72]]);
    expect(fake.cell('KPI', at('result', '1'))).toBe(72);
    expect(() => fake.userEdit('KPI', at('target1', '1'), [[1]])).toThrow(/locked/);
  });

  it('central staff opening a sheet may type the central result', async () => {
    const fake = new FakeExcel('1.9');
    await openedSheet(new OfficeWorkbookPort(fake), document, target, { central: true });
    expect(fake.refusesTyping('KPI', at('result', '4'))).toBe(false);
    expect(fake.refusesTyping('KPI', at('denominator', '2'))).toBe(false);
    expect(fake.refusesTyping('KPI', at('target1', '4'))).toBe(true);
  });

  it('the multi-unit sheet is protected too, its inputs unlocked in every unit block', async () => {
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    const withUnits = {
      ...document,
      units: [
        { id: 'a', name: 'ก' },
        { id: 'b', name: 'ข' },
      ],
    };
    const made = await createdSheet(port, loaded(withUnits), { kind: 'multi' });
    const read = assessmentOf(withUnits);
    const m = multiUnitLayout(read, read.units, { sheet: made.sheet });
    expect(protectedNow(fake, m.kpi.sheet)).toBe(true);
    const result = columnOf(m.kpi, 'result')!.letter;
    const firstOf = m.kpi.rows.find((r) => r.indicator.id === '1')!.row;
    for (const row of [firstOf, firstOf + m.blockRows]) {
      expect(fake.refusesTyping(m.kpi.sheet, `${result}${row}`)).toBe(false);
      expect(fake.refusesTyping(m.kpi.sheet, `${requireColumn(m.kpi, 'target1').letter}${row}`)).toBe(true);
      expect(fake.refusesTyping(m.kpi.sheet, `${result}${row + 1}`)).toBe(true);
    }
  });
});

/**
 * The Server tab's open over the sheet it opened before. Written at once: 3 syncs (the sheet measured with the
 * write's probe, read, written). Asked first, because typed work would go: those 2 reads, the free sheet name
 * offered (1), then the write as an apply of its own (probe and write, 2). An unguarded write was 2.
 */
const REFRESH_SYNCS = { asked: 5, atOnce: 3 } as const;

describe('every pane write to a protected sheet succeeds and leaves it protected, in the same syncs', () => {
  it('refresh, a plain write, typed numbers, the what-if column, statuses and the binding record', async () => {
    const { fake, port, sheet: opened } = await created();
    const syncs = (): number => port.syncCount;

    // Opened again once the server holds 80 (sent from elsewhere): the 65 typed here would go, so the person is
    // asked, and replaces it (the second, explicit step). The guard's read rides on the write's call; the free name
    // offered is one read; the write one apply.
    const server = [report('1', 80, 'submitted', 1)];
    const asked: string[] = [];
    let before = syncs();
    await openedSheet(port, document, target, {
      reports: server,
      known: { record: opened.binding },
      ask: async (loss) => {
        asked.push(...loss.results);
        return 'replace';
      },
    });
    expect(asked).toEqual(['1']);
    expect(syncs() - before).toBe(REFRESH_SYNCS.asked);
    expect(protectedNow(fake)).toBe(true);
    expect(fake.cell('KPI', at('result', '1'))).toBe(80);
    // Opened again with nothing that would go: written at once, the guard's read in the same call.
    before = syncs();
    await openedSheet(port, document, target, { reports: server, known: { record: opened.binding } });
    expect(syncs() - before).toBe(REFRESH_SYNCS.atOnce);
    expect(protectedNow(fake)).toBe(true);

    // A formula cell written by a plan (a locked cell): protection lifted, written, put back, in one apply.
    before = syncs();
    await port.apply({
      title: 'a locked cell',
      ops: [{ kind: 'cells', sheet: 'KPI', topLeft: at('name', '1'), contents: [['รายได้ (แก้)']] }],
    });
    expect(syncs() - before).toBe(2);
    expect(fake.cell('KPI', at('name', '1'))).toBe('รายได้ (แก้)');
    expect(protectedNow(fake)).toBe(true);

    await port.apply(
      typedNumbersPlan('KPI', [{ indicatorId: '1', address: at('result', '1'), cell: `KPI!${at('result', '1')}`, text: '๘๕', value: 85 }]),
    );
    expect(fake.cell('KPI', at('result', '1'))).toBe(85);
    expect(protectedNow(fake)).toBe(true);

    const sheet = await readSheet(port);
    const { ops, column } = whatIfColumnOps({
      sheet: 'KPI',
      headerRow: sheet.reading.headerRow,
      columns: sheet.reading.columns,
      originColumn: 1,
      lastRow: Math.max(...[...sheet.reading.cells.values()].map((c) => c.row)),
      nextFreeColumn: 40,
    });
    before = syncs();
    await port.apply({ title: 'add the what-if column', ops });
    expect(syncs() - before).toBe(2);
    expect(protectedNow(fake)).toBe(true);
    // The what-if cells are for typing; the score column moved right stays locked.
    const letter = columnLetter(column);
    expect(fake.refusesTyping('KPI', `${letter}${layout.firstDataRow}`)).toBe(false);

    await writeStatuses(port, new Map([['1', 'accepted (version 1)']]), {
      before: link({}),
      after: link({ 1: { version: 1, value: 85, status: 'submitted' } }),
    });
    expect(protectedNow(fake)).toBe(true);
    const after = await readSheet(port);
    expect(after.grid.values.flat()).toContain('accepted (version 1)');

    await port.writeBinding({ ...after.record, server: link({ 1: { version: 1, value: 85, status: 'submitted' } }) });
    expect(protectedNow(fake)).toBe(true);
  });
});

describe('approved rows are locked while approved', () => {
  it("a refresh that says approved locks the row's inputs; returned unlocks them again", async () => {
    const { fake, port } = await created();
    const submitted = link({
      1: { version: 1, value: 65, status: 'submitted' },
      3: { version: 1, value: [1, 1, 0, 0, 0], status: 'submitted' },
    });
    const approved = link({
      1: { version: 2, value: 65, status: 'approved' },
      3: { version: 2, value: [1, 1, 0, 0, 0], status: 'approved' },
    });
    let before = port.syncCount;
    await writeStatuses(port, new Map([['1', 'submitted']]), { before: submitted, after: submitted });
    const withoutLocks = port.syncCount - before;
    before = port.syncCount;
    await writeStatuses(
      port,
      new Map([
        ['1', 'approved'],
        ['3', 'approved'],
      ]),
      { before: submitted, after: approved },
    );
    // The locks ride in the statuses' own apply: no sync more than statuses alone.
    expect(port.syncCount - before).toBe(withoutLocks);
    expect(protectedNow(fake)).toBe(true);
    for (const cell of [at('result', '1'), at('explanation', '1'), at('step1', '3'), at('note', '3')])
      expect([cell, fake.refusesTyping('KPI', cell)]).toEqual([cell, true]);
    expect(() => fake.userEdit('KPI', at('result', '1'), [[99]])).toThrow(/locked/);
    expect(fake.refusesTyping('KPI', at('numerator', '2'))).toBe(false);

    const returned = link({
      1: { version: 3, value: 65, status: 'returned', comment: 'แนบหลักฐาน' },
      3: { version: 2, value: [1, 1, 0, 0, 0], status: 'approved' },
    });
    await writeStatuses(port, new Map([['1', 'returned']]), { before: approved, after: returned });
    expect(fake.refusesTyping('KPI', at('result', '1'))).toBe(false);
    expect(fake.refusesTyping('KPI', at('explanation', '1'))).toBe(false);
    // Only the cells its indicator takes: the targets and formulas of the row stay locked.
    expect(fake.refusesTyping('KPI', at('target1', '1'))).toBe(true);
    expect(fake.refusesTyping('KPI', at('step1', '3'))).toBe(true);
  });

  it('a sheet opened with approved rows has them locked from the start', async () => {
    const fake = new FakeExcel('1.9');
    await openedSheet(new OfficeWorkbookPort(fake), document, target, { reports: [report('1', 65, 'approved', 2)] });
    expect(fake.refusesTyping('KPI', at('result', '1'))).toBe(true);
    expect(fake.refusesTyping('KPI', at('step1', '3'))).toBe(false);
  });

  it('on a sheet that is not protected (a hand-made one) lock ops do nothing: the pane only warns there', async () => {
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    await port.apply({ title: 'lock', ops: [{ kind: 'lock', sheet: 'Sheet1', address: 'B2:C3', locked: false }] });
    expect(fake.sheets.get('Sheet1')!.locks).toEqual([]);
    expect(protectedNow(fake, 'Sheet1')).toBe(false);
  });
});

describe('a sheet the person protected', () => {
  it("without a password: written, then protected again with the person's own options", async () => {
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    const s = fake.sheets.get('Sheet1')!;
    s.protected = true;
    s.protectionOptions = { allowInsertRows: true, allowSort: true };
    await port.apply({
      title: 'w',
      ops: [
        { kind: 'cells', sheet: 'Sheet1', topLeft: 'A1', contents: [['ok']] },
        { kind: 'style', sheet: 'Sheet1', address: 'A1', bold: true },
      ],
    });
    expect(fake.cell('Sheet1', 'A1')).toBe('ok');
    expect(s.protected).toBe(true);
    expect(s.protectionOptions).toEqual({ allowInsertRows: true, allowSort: true });
  });

  it('with a password: said in Thai and English, naming the sheet, and nothing written', async () => {
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    const s = fake.sheets.get('Sheet1')!;
    s.protected = true;
    s.password = 'ลับ';
    const e = (await port
      .apply({ title: 'w', ops: [{ kind: 'cells', sheet: 'Sheet1', topLeft: 'A1', contents: [['x']] }] })
      .catch((x: unknown) => x)) as WorkbookError;
    expect(isWorkbookError(e)).toBe(true);
    expect(e.code).toBe('SheetPasswordProtected');
    expect(e.userMessage.th).toMatch(/Sheet1.*รหัสผ่าน/);
    expect(e.userMessage.en).toMatch(/Sheet1 is protected with a password.*nothing was written/);
    expect(fake.cell('Sheet1', 'A1')).toBeUndefined();
    expect(s.protected).toBe(true);
    expect(fake.eventsEnabled).toBe(true);
  });

  it('a write failing part-way leaves the sheet protected again (one recovery run)', async () => {
    const fake = new FakeExcel('1.9');
    const port = new OfficeWorkbookPort(fake);
    const s = fake.sheets.get('Sheet1')!;
    s.protected = true;
    // The fake inserts whole columns only: B2 fails after the protection was lifted in the same batch.
    const e = await port
      .apply({
        title: 'w',
        ops: [
          { kind: 'cells', sheet: 'Sheet1', topLeft: 'A1', contents: [['x']] },
          { kind: 'insertColumns', sheet: 'Sheet1', columns: 'B2' },
        ],
      })
      .catch((x: unknown) => x);
    expect(isWorkbookError(e)).toBe(true);
    expect(s.protected).toBe(true);
    expect(fake.eventsEnabled).toBe(true);
  });
});

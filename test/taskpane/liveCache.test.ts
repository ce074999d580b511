/**
 * The live sheet's kept read (model/liveCache.ts) never shows a stale value: after each thing a person does —
 * typing, undoing it, pasting a block, clearing cells, typing an unknown or a duplicate id, inserting a row, typing
 * right of or below the table, editing the settings sheet — the pass over the kept grid gives exactly what a pass
 * reading the whole sheet gives (evaluation, changed rows, marks to write), on the office port over the recording
 * fake; and an edit's pass costs the same syncs at 100 rows as at 10,000.
 */
import { readAssessment, type Assessment } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { LiveCache } from '../../src/taskpane/model/liveCache';
import { applyMarks, livePass, type LivePass } from '../../src/taskpane/model/liveCheck';
import { SERVER_LINK_FORMAT } from '../../src/taskpane/model/serverLink';
import { sessionFromBinding, type Session } from '../../src/taskpane/model/session';
import { columnLetter, requireColumn, type KpiLayout, type SheetReading } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { FakeExcel } from '../office/fakeExcel';
import { sample } from './sheetGrid';

interface Sheet {
  fake: FakeExcel;
  port: OfficeWorkbookPort;
  layout: KpiLayout;
  session: Session;
  cache: LiveCache;
}

async function linkedSheet(assessment: Assessment, document: unknown): Promise<Sheet> {
  const fake = new FakeExcel('1.9');
  const port = new OfficeWorkbookPort(fake);
  const ids = (function walk(list: Assessment['indicators']): string[] {
    return list.flatMap((i) => [i.id, ...(i.kind === 'group' ? walk(i.children) : [])]);
  })(assessment.indicators);
  const rows = Object.fromEntries(ids.map((id, k) => [id, { version: 1, value: null, status: k % 5 === 0 ? 'approved' : 'draft' }]));
  const server = { format: SERVER_LINK_FORMAT, target: { aid: assessment.id, round: 6, unit: 'u1' }, rows, pending: [] };
  const { plan, layout } = kpiSheetPlan({ assessment, document, server } as Parameters<typeof kpiSheetPlan>[0]);
  await port.apply(plan);
  const restored = sessionFromBinding(await port.readBinding());
  if (!restored.ok || !restored.session) throw new Error('no session');
  const session = restored.session;
  const cache = new LiveCache(session);
  await port.onChange(layout.sheet, (change) => cache.changed(change));
  if (session.binding.settingsSheet) await port.onChange(session.binding.settingsSheet, (change) => cache.changed(change));
  return { fake, port, layout, session, cache };
}

/**
 * What a pass shows and would write: everything but the objects' identity, and the reading's note of which rows
 * it redid since the last (only a kept read has one: it is how the scoring knows what to redo).
 */
function shown(pass: LivePass): unknown {
  const e = pass.evaluation;
  const reading = (r: SheetReading): unknown => {
    const rest: { -readonly [K in keyof SheetReading]?: SheetReading[K] } = { ...r };
    delete rest.changedSince;
    return { ...rest, cells: [...r.cells] };
  };
  return {
    evaluation: e.ok && !e.multiUnit ? { ...e, reading: reading(e.reading) } : e,
    changed: pass.changed,
    approvedChanged: pass.approvedChanged,
    contents: pass.contents && [...pass.contents],
    plan: pass.plan,
  };
}

/** The kept pass and a pass reading whole agree; then the kept pass's marks are written as the pane writes them. */
async function check(
  s: Sheet,
  previous: ReadonlyMap<string, string> | undefined,
  what: string,
): Promise<ReadonlyMap<string, string> | undefined> {
  await Promise.resolve();
  const kept = await livePass(s.port, s.session, 'th', previous, s.cache);
  const whole = await livePass(s.port, s.session, 'th', previous);
  expect({ what, ...(shown(kept) as object) }).toEqual({ what, ...(shown(whole) as object) });
  if (kept.plan) await applyMarks(s.port, kept.plan, s.cache);
  return kept.contents;
}

describe('the kept read equals a whole read after each thing a person does', () => {
  test('pte-2567 (groups, ratios, milestones, texts): type, undo, paste, clear, ids, insert a row, outside the table, settings', async () => {
    const pte = sample('pte-2567');
    const s = await linkedSheet(pte.assessment, pte.document);
    const { fake, layout } = s;
    const sheet = layout.sheet;
    // The person lifts the sheet's protection (it has no password), so ids, targets and rows can be typed over too.
    fake.sheets.get(sheet)!.protected = false;
    const col = (role: Parameters<typeof requireColumn>[1]): string => requireColumn(layout, role).letter;
    const quantitative = layout.rows.filter((r) => r.indicator.kind === 'quantitative');
    const first = quantitative[0]!.row;
    const second = quantitative[1]!.row;
    let previous = await check(s, undefined, 'opened');
    const steps: [string, () => void][] = [
      ['type a result', () => fake.userEdit(sheet, `${col('result')}${first}`, [[3050]])],
      ['type a text', () => fake.userEdit(sheet, `${col('explanation')}${first}`, [['ยอดขายงานแสดงสินค้า']])],
      ['undo the result', () => fake.userEdit(sheet, `${col('result')}${first}`, [['']])],
      ['type text in a number cell', () => fake.userEdit(sheet, `${col('result')}${second}`, [['๓,๐๕๐']])],
      [
        'paste a block over three rows',
        () => fake.userEdit(sheet, `${col('result')}${first}:${col('result')}${first + 2}`, [[10], [20], [30]]),
      ],
      ['type a percent', () => fake.userEdit(sheet, `${col('result')}${second}`, [['85%']])],
      ['type an unknown id', () => fake.userEdit(sheet, `${col('id')}${second}`, [['99.9']])],
      ['type a duplicate id', () => fake.userEdit(sheet, `${col('id')}${second}`, [[quantitative[0]!.indicator.id]])],
      ['set the id back', () => fake.userEdit(sheet, `${col('id')}${second}`, [[quantitative[1]!.indicator.id]])],
      ['type over a target', () => fake.userEdit(sheet, `${col('target1')}${first}`, [[1]])],
      [
        'clear the last row',
        () =>
          fake.userEdit(
            sheet,
            `A${layout.lastDataRow}:${col('name')}${layout.lastDataRow}`,
            [['', '', '', '']].map((r) => r.slice(0, requireColumn(layout, 'name').column)),
          ),
      ],
      ['type below the table', () => fake.userEdit(sheet, `${col('result')}${layout.lastDataRow + 3}`, [[5]])],
      ['type right of the table', () => fake.userEdit(sheet, `${columnLetter(layout.columns.length + 4)}${first}`, [['ของฉัน']])],
      ['clear it again (the used range narrows)', () => fake.userEdit(sheet, `${columnLetter(layout.columns.length + 4)}${first}`, [['']])],
      ['clear what was typed below the table', () => fake.userEdit(sheet, `${col('result')}${layout.lastDataRow + 3}`, [['']])],
      ['insert a row', () => fake.userInsertRows(sheet, second)],
      ['type in the moved row', () => fake.userEdit(sheet, `${col('result')}${second + 1}`, [[42]])],
      ['type a notReported score on the settings sheet', () => fake.userEdit(s.session.binding.settingsSheet!, 'B3', [[0.5]])],
      ['type again', () => fake.userEdit(sheet, `${col('result')}${first}`, [[11]])],
    ];
    for (const [what, act] of steps) {
      act();
      previous = await check(s, previous, what);
    }
  });

  test('a hundred random edits and pastes on 300 rows, each pass equal to a whole read', async () => {
    const s = await linkedSheet(...generated(300));
    const { fake, layout } = s;
    const result = requireColumn(layout, 'result').letter;
    const note = requireColumn(layout, 'note').letter;
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let previous = await check(s, undefined, 'opened');
    for (let i = 0; i < 100; i++) {
      const row = layout.rows[next(layout.rows.length)]!.row;
      const height = next(4) === 0 ? 1 + next(30) : 1;
      const end = Math.min(row + height - 1, layout.lastDataRow);
      const values = Array.from({ length: end - row + 1 }, () => [next(6) === 0 ? '' : next(3) === 0 ? `ข้อความ ${next(99)}` : next(120)]);
      const column = next(3) === 0 ? note : result;
      fake.userEdit(layout.sheet, `${column}${row}:${column}${end}`, values);
      previous = await check(s, previous, `edit ${i} at ${column}${row}:${end}`);
    }
  });
});

function generated(n: number): [Assessment, unknown] {
  const indicators = Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    name: `ตัวชี้วัดที่ ${i + 1}`,
    unit: 'ร้อยละ',
    weight: 1 + (i % 3),
    kind: 'quantitative',
    targets: [80, 85, 90],
  }));
  const document = { format: 'scorebook/assessment@1', id: `g${n}`, title: 'g', fiscalYear: 2567, scale: 'three-level', indicators };
  const read = readAssessment(document);
  if (!read.ok) throw new Error('does not read');
  return [read.value, document];
}

describe('an edit on a linked sheet costs the same syncs at 100 rows as at 10,000', () => {
  test.each([100, 10_000])(
    '%i rows: the pass reads the edited row with the record and settings in 2 syncs; its marks 2 more',
    async (n) => {
      const s = await linkedSheet(...generated(n));
      const result = requireColumn(s.layout, 'result').letter;
      let previous = (await livePass(s.port, s.session, 'th', undefined, s.cache)).contents;
      // The first mark adds the status column right of the table: the pass after it reads the sheet whole.
      s.fake.userEdit(s.layout.sheet, `${result}${s.layout.rows[1]!.row}`, [[40]]);
      const marked = await livePass(s.port, s.session, 'th', previous, s.cache);
      await applyMarks(s.port, marked.plan!, s.cache);
      previous = (await livePass(s.port, s.session, 'th', marked.contents, s.cache)).contents;
      for (let i = 0; i < 3; i++) {
        s.fake.userEdit(s.layout.sheet, `${result}${s.layout.rows[10 + i * 7]!.row}`, [[50 + i]]);
        // Only the edited row is read, beside the record and the settings.
        expect(s.cache.rowsToRead(s.port)).toHaveLength(1);
        const from = s.fake.syncs.length;
        const pass = await livePass(s.port, s.session, 'th', previous, s.cache);
        expect(s.fake.syncs.length - from).toBe(2);
        previous = pass.contents;
        expect(pass.plan).toBeDefined();
        const before = s.fake.syncs.length;
        await applyMarks(s.port, pass.plan!, s.cache);
        expect(s.fake.syncs.length - before).toBe(2);
      }
    },
  );
});

describe('a change reported while a pass reads is not lost', () => {
  test('typed during the read: the next pass reads that row again and shows it', async () => {
    const s = await linkedSheet(...generated(50));
    const result = requireColumn(s.layout, 'result').letter;
    const row = s.layout.rows[5]!;
    await livePass(s.port, s.session, 'th', undefined, s.cache);
    // The person types while the pane's read is on its way: the read may or may not have seen it.
    const read = s.port.read.bind(s.port);
    s.port.read = async (request) => {
      const out = await read(request);
      s.fake.userEdit(s.layout.sheet, `${result}${row.row}`, [[77]]);
      return out;
    };
    await livePass(s.port, s.session, 'th', undefined, s.cache);
    s.port.read = read;
    const after = await livePass(s.port, s.session, 'th', undefined, s.cache);
    if (!after.evaluation.ok || after.evaluation.multiUnit) throw new Error('no reading');
    expect(after.evaluation.reading.resultSet.results[row.indicator.id]).toBe(77);
  });
});

/**
 * The live sheet's kept read (model/liveCache.ts) never shows a stale value: after each thing a person does —
 * typing, undoing it, pasting a block, clearing cells, typing an unknown or a duplicate id, inserting a row, typing
 * right of or below the table, editing the settings sheet — the pass over the kept grid gives exactly what a pass
 * reading the whole sheet gives (evaluation, changed rows, marks to write), on the office port over the recording
 * fake; and an edit's pass costs the same syncs at 100 rows as at 1,000 (liveCacheCases.ts; on 300 random-edit
 * rows and 10,000 rows in liveCache.scale.test.ts, npm run test:scale).
 */
import { livePass } from '../../src/taskpane/model/liveCheck';
import { columnLetter, requireColumn } from '../../src/workbook';
import { sample } from './sheetGrid';
import { check, generated, linkedSheet, randomEditCases, syncCostCases } from './liveCacheCases';

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
});

describe('the kept read equals a whole read after random edits', () => randomEditCases(100));

describe('an edit on a linked sheet costs the same syncs at 100 rows as at 1,000', () => syncCostCases([100, 1_000]));

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

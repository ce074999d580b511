/**
 * The live sheet's kept read (model/liveCache.ts) against a whole read, as functions that register a test for given
 * sizes: liveCache.test.ts runs them on small sheets (npm test), liveCache.scale.test.ts on large ones (npm run
 * test:scale). The same test code at every size.
 */
import { readAssessment, type Assessment } from '../../src/domain';
import { OfficeWorkbookPort } from '../../src/office/officePort';
import { LiveCache } from '../../src/taskpane/model/liveCache';
import { applyMarks, livePass, type LivePass } from '../../src/taskpane/model/liveCheck';
import { SERVER_LINK_FORMAT } from '../../src/taskpane/model/serverLink';
import { sessionFromBinding, type Session } from '../../src/taskpane/model/session';
import { requireColumn, type KpiLayout, type SheetReading } from '../../src/workbook';
import { kpiSheetPlan } from '../../src/workbook/kpiPlan';
import { FakeExcel } from '../office/fakeExcel';
export interface Sheet {
  fake: FakeExcel;
  port: OfficeWorkbookPort;
  layout: KpiLayout;
  session: Session;
  cache: LiveCache;
}

export async function linkedSheet(assessment: Assessment, document: unknown): Promise<Sheet> {
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
export function shown(pass: LivePass): unknown {
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
export async function check(
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

export function generated(n: number): [Assessment, unknown] {
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

/** A hundred random edits and pastes on a generated sheet of `rows` rows, each pass equal to a whole read. */
export function randomEditCases(rows: number): void {
  test(`a hundred random edits and pastes on ${rows} rows, each pass equal to a whole read`, async () => {
    const s = await linkedSheet(...generated(rows));
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
}

/** An edit's pass costs the same syncs at each of `sizes` rows (the edited row, the record and the settings). */
export function syncCostCases(sizes: number[]): void {
  test.each(sizes)('%i rows: the pass reads the edited row with the record and settings in 2 syncs; its marks 2 more', async (n) => {
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
  });
}

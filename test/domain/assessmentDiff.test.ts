import { readFileSync } from 'node:fs';
import { changesLayout, describeChange, diffAssessments } from '../../src/domain';
import { doc, mustRead, quantitative } from './fixtures';

const pte = JSON.parse(readFileSync('assets/samples/pte-2567.assessment.json', 'utf8')) as Record<string, unknown> & {
  indicators: Record<string, unknown>[];
};
const copy = (): typeof pte => JSON.parse(JSON.stringify(pte)) as typeof pte;

describe('assessment diff', () => {
  it('the same document, keys in another order and defaults written out, changes nothing', () => {
    const reordered = Object.fromEntries(Object.entries(copy()).reverse()) as typeof pte;
    reordered.indicators = reordered.indicators.map((i) => Object.fromEntries(Object.entries(i).reverse()));
    reordered.policies = { ...(reordered.policies as object), mode: 'interpolate', officialStatuses: ['approved'] };
    const d = diffAssessments(mustRead(pte as never), mustRead(reordered as never));
    expect(d.changes).toEqual([]);
    expect(d.summary).toEqual({ th: 'ไม่มีการเปลี่ยนแปลง', en: 'no changes' });
    expect(changesLayout(d)).toBe(false);
  });

  it('"3 indicators changed targets, 1 added" / "ตัวชี้วัด 3 ตัวเปลี่ยนค่าเป้าหมาย เพิ่ม 1 ตัว"', () => {
    const next = copy();
    next.indicators[0]!.targets = [91, 95, 100];
    next.indicators[1]!.targets = [85, 90, 96];
    next.indicators[2]!.targets = [9, 10, 12];
    next.indicators.push({ id: '12', name: 'ตัวชี้วัดใหม่', weight: 0, kind: 'quantitative', targets: [1, 2, 3] });
    const d = diffAssessments(mustRead(pte as never), mustRead(next as never));
    expect(d.summary).toEqual({ en: '3 indicators changed targets, 1 added', th: 'ตัวชี้วัด 3 ตัวเปลี่ยนค่าเป้าหมาย เพิ่ม 1 ตัว' });
    expect(d.changes).toContainEqual({
      kind: 'targets-changed',
      id: '1',
      name: expect.any(String),
      from: [90, 95, 100],
      to: [91, 95, 100],
    });
    expect(d.changes).toContainEqual({ kind: 'indicator-added', id: '12', name: 'ตัวชี้วัดใหม่' });
    expect(changesLayout(d)).toBe(true);
  });

  it('removed, renamed, weight, kind, rounds, policies, units and rounds of the assessment', () => {
    const before = mustRead(
      doc({
        indicators: [quantitative('1', 50, [1, 2, 3]), quantitative('2', 30, [1, 2, 3]), quantitative('3', 20, [1, 2, 3])],
        units: [{ id: 'a', name: 'A' }],
        rounds: [{ round: 6, opensAt: '2024-03-25', closesAt: '2024-04-11' }],
      }),
    );
    const after = mustRead(
      doc({
        indicators: [
          quantitative('๑', 60, [1, 2, 3], { name: 'ชื่อใหม่' }),
          { id: '2', name: 'ตัวชี้วัด 2', weight: 40, kind: 'milestone', steps: ['ก', 'ข', 'ค'] },
        ],
        policies: { notReported: 'exclude' },
        units: [{ id: 'b', name: 'B' }],
        rounds: [
          { round: 6, opensAt: '2024-03-25', closesAt: '2024-04-12' },
          { round: 12, opensAt: '2024-09-23', closesAt: '2024-10-31' },
        ],
      }),
    );
    const d = diffAssessments(before, after);
    const kinds = d.changes.map((c) => c.kind);
    expect(kinds).toEqual([
      'indicator-renamed',
      'weight-changed',
      'weight-changed',
      'kind-changed',
      'indicator-removed',
      'policies-changed',
      'round-window-changed',
      'round-added',
      'unit-removed',
      'unit-added',
    ]);
    // "๑" and "1" are one indicator.
    expect(d.changes[0]).toEqual({ kind: 'indicator-renamed', id: '๑', from: 'ตัวชี้วัด 1', to: 'ชื่อใหม่' });
    expect(d.removed).toEqual(['3']);
    expect(d.summary.en).toBe(
      '1 indicator removed, 2 changed weight, 1 changed kind, 1 renamed, scoring policies changed, 2 reporting rounds changed, 1 unit added, 1 unit removed',
    );
    expect(d.summary.th).toBe(
      'ยกเลิกตัวชี้วัด 1 ตัว เปลี่ยนน้ำหนัก 2 ตัว เปลี่ยนประเภท 1 ตัว เปลี่ยนชื่อ 1 ตัว เปลี่ยนนโยบายการคิดคะแนน เปลี่ยนรอบการรายงาน 2 รอบ เพิ่มหน่วยงาน 1 หน่วย ยกเลิกหน่วยงาน 1 หน่วย',
    );
    expect(describeChange(d.changes[1]!)).toEqual({ th: '๑: น้ำหนัก 50 → 60', en: '๑: weight 50 → 60' });
    expect(d.changes.find((c) => c.kind === 'policies-changed')).toEqual({
      kind: 'policies-changed',
      fields: [{ name: 'notReported', from: 0, to: 'exclude' }],
    });
  });

  it('only windows and units changed: the layout stays', () => {
    const next = copy();
    next.units = [...(pte.units as unknown[]), { id: 'nbi', name: 'จังหวัดนนทบุรี' }];
    const d = diffAssessments(mustRead(pte as never), mustRead(next as never));
    expect(d.summary.en).toBe('1 unit added');
    expect(changesLayout(d)).toBe(false);
  });

  it('a derived target whose inputs change changes the targets; the due rounds of an indicator are said', () => {
    const next = copy();
    const otop = next.indicators.find((i) => i.id === '5')!;
    otop.inputs = { ...(otop.inputs as object), baseline: 2900 };
    otop.rounds = [12];
    const d = diffAssessments(mustRead(pte as never), mustRead(next as never));
    expect(d.changes.map((c) => c.kind)).toEqual(['targets-changed', 'indicator-rounds-changed']);
    expect(describeChange(d.changes[1]!).en).toBe('5: due in rounds every round → 12');
  });

  it('targets written as numbers where they were derived, to the same values: not a change of targets', () => {
    const next = copy();
    const otop = next.indicators.find((i) => i.id === '5')!;
    const read = mustRead(pte as never);
    const leaf = read.indicators.find((i) => i.id === '5') as { targets: readonly number[] };
    otop.targets = [...leaf.targets];
    delete otop.inputs;
    const d = diffAssessments(read, mustRead(next as never));
    expect(d.changes).toEqual([{ kind: 'indicator-changed', id: '5', name: expect.any(String), fields: ['inputs'] }]);
    expect(d.summary.en).toBe('1 indicator changed otherwise');
  });
});

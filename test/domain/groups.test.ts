/**
 * Sub-groups of a component (seed 002: ๑.๑ / ๑.๒ under Performance Base, ๒.๑ / ๒.๒ under Potential Base): a group
 * is a subtotal and a heading, never a weight, so it never changes the total.
 */
import fc from 'fast-check';
import { readAssessment, scoreAssessment, type RawIndicator } from '../../src/domain';
import { doc, mustRead, quantitative } from './fixtures';

const T = [10, 20, 30];

/** Results 10 / 20 / 30 score 50 / 75 / 100 on the three-level scale. */
function grouped(withGroups: boolean): ReturnType<typeof doc> {
  const a = (id: string, weight: number): RawIndicator =>
    quantitative(id, weight, T, { component: 'p', ...(withGroups ? { group: 'A' } : {}) });
  const b = (id: string, weight: number): RawIndicator =>
    quantitative(id, weight, T, { component: 'p', ...(withGroups ? { group: 'B' } : {}) });
  return doc({
    policies: { notReported: 'exclude' },
    components: [
      {
        id: 'p',
        name: 'Performance Base',
        ...(withGroups
          ? {
              groups: [
                { id: 'A', name: 'ก' },
                { id: 'B', name: 'ข' },
              ],
            }
          : {}),
      },
    ],
    indicators: [a('1', 15), a('2', 15), a('3', 15), a('4', 15), a('5', 10), b('6', 10), b('7', 10), b('8', 10)],
  });
}
const results = { '1': 10, '2': 10, '3': 20, '4': 20, '6': 30, '7': 20, '8': 20 };

describe('groups (หมวดย่อยขององค์ประกอบ)', () => {
  test('worked example: with notReported "exclude" the grouped total is the ungrouped 69.44, not the parent workaround\'s 68.75', () => {
    const withGroups = scoreAssessment(mustRead(grouped(true)), { results });
    const without = scoreAssessment(mustRead(grouped(false)), { results });
    expect(withGroups.totalBeforePenalty).toBeCloseTo(6250 / 90, 12);
    expect(withGroups.totalBeforePenalty).toBe(without.totalBeforePenalty);
    // The old workaround: each group as a parent indicator renormalises inside the parent.
    const workaround = mustRead(
      doc({
        policies: { notReported: 'exclude' },
        indicators: [
          { id: 'A', name: 'ก', weight: 70, children: ['1', '2', '3', '4', '5'].map((id, k) => quantitative(id, k === 4 ? 10 : 15, T)) },
          { id: 'B', name: 'ข', weight: 30, children: ['6', '7', '8'].map((id) => quantitative(id, 10, T)) },
        ],
      }),
    );
    expect(scoreAssessment(workaround, { results }).totalBeforePenalty).toBeCloseTo(68.75, 12);
  });

  test('each group has its subtotal: the weighted mean of its counted indicators and the sum of their weighted scores', () => {
    const report = scoreAssessment(mustRead(grouped(true)), { results });
    expect(report.groups.map((g) => g.id)).toEqual(['A', 'B']);
    const [a, b] = report.groups;
    expect(a).toMatchObject({ component: 'p' });
    expect(a?.score).toBeCloseTo(62.5, 12);
    expect(a?.weightedScore).toBeCloseTo(3750 / 90, 12);
    expect(b?.score).toBeCloseTo(250 / 3, 12);
    expect(b?.weightedScore).toBeCloseTo(2500 / 90, 12);
    expect((a?.weightedScore ?? 0) + (b?.weightedScore ?? 0)).toBeCloseTo(report.totalBeforePenalty as number, 12);
  });

  test('an assessment without groups reports none', () => {
    expect(scoreAssessment(mustRead(grouped(false)), { results }).groups).toEqual([]);
  });

  test("a sub-indicator is in its parent's group; naming another group is an error at its path", () => {
    const base = grouped(true);
    const parent = { id: '9', name: 'แม่', weight: 0, component: 'p', group: 'B', children: [quantitative('9.1', 1, T, { group: 'A' })] };
    const read = readAssessment({ ...base, indicators: [...base.indicators, parent] });
    expect(read.ok).toBe(false);
    expect(read.issues).toContainEqual(expect.objectContaining({ code: 'child-group-differs', path: 'indicators[8].children[0].group' }));
    const ok = mustRead({ ...base, indicators: [...base.indicators, { ...parent, children: [quantitative('9.1', 1, T)] }] });
    expect(ok.indicators[8]?.kind === 'group' && ok.indicators[8].children[0]?.group).toBe('B');
  });

  test.each([
    ['a group the component does not have', { component: 'p', group: 'Z' }, 'unknown-group'],
    ['a group of another component', { component: 'q', group: 'A' }, 'unknown-group'],
    ['a group with no component', { group: 'A' }, 'group-without-component'],
  ])('%s is an error naming the JSON path', (_, extra, code) => {
    const d = grouped(true);
    const read = readAssessment({
      ...d,
      components: [...(d.components as object[]), { id: 'q', name: 'Potential Base' }],
      indicators: [...d.indicators, quantitative('9', 0, T, extra)],
    });
    expect(read.ok).toBe(false);
    const found = read.issues.find((i) => i.code === code);
    expect(found).toMatchObject({ severity: 'error', path: 'indicators[8].group' });
    expect(found?.message.th).toContain('indicators[8].group');
  });

  test('a group id used twice is an error', () => {
    const read = readAssessment(
      doc({
        components: [
          { id: 'p', name: 'P', groups: [{ id: 'A', name: 'ก' }] },
          { id: 'q', name: 'Q', groups: [{ id: 'A', name: 'ก' }] },
        ],
        indicators: [quantitative('1', 100, T, { component: 'p', group: 'A' })],
      }),
    );
    expect(read.issues).toContainEqual(expect.objectContaining({ code: 'duplicate-group-id', path: 'components[1].groups[0].id' }));
  });

  test('property: grouping never changes a total', () => {
    const rowArb = fc.record({
      weight: fc.integer({ min: 0, max: 40 }),
      result: fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: undefined }),
      group: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<number | 'exclude'>('exclude', 0, 25),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        (rows, notReported, parentAt) => {
          if (!rows.some((r) => r.weight > 0)) rows[0] = { ...rows[0], weight: 1 } as (typeof rows)[number];
          const make = (groups: boolean): ReturnType<typeof doc> => {
            const indicators: RawIndicator[] = rows.map((r, i) =>
              quantitative(String(i + 1), r.weight, T, { component: 'p', ...(groups && r.group ? { group: r.group } : {}) }),
            );
            // A parent indicator inside a group too: its children follow it into the group.
            if (parentAt !== undefined && parentAt <= rows.length) {
              const at = parentAt - 1;
              const leaf = indicators[at] as RawIndicator;
              indicators[at] = {
                ...leaf,
                kind: undefined,
                targets: undefined,
                weight: leaf.weight,
                children: [quantitative(`${leaf.id}.1`, 1, T), quantitative(`${leaf.id}.2`, 2, T)],
              };
            }
            return doc({
              policies: { notReported },
              components: [
                {
                  id: 'p',
                  name: 'P',
                  ...(groups
                    ? {
                        groups: [
                          { id: 'A', name: 'ก' },
                          { id: 'B', name: 'ข' },
                          { id: 'C', name: 'ค' },
                        ],
                      }
                    : {}),
                },
              ],
              indicators,
            });
          };
          const res: Record<string, number> = {};
          rows.forEach((r, i) => {
            if (r.result === undefined) return;
            res[String(i + 1)] = r.result;
            res[`${i + 1}.1`] = r.result;
            res[`${i + 1}.2`] = 40 - r.result;
          });
          const a = scoreAssessment(mustRead(make(true)), { results: res });
          const b = scoreAssessment(mustRead(make(false)), { results: res });
          expect(a.totalBeforePenalty).toBe(b.totalBeforePenalty);
          expect(a.indicators).toEqual(b.indicators);
          const grouped = a.groups.reduce((s, g) => s + g.weightedScore, 0);
          const ungrouped = a.indicators
            .filter((i) => i.parent === null && !rows[Number(i.id) - 1]?.group)
            .reduce((s, i) => s + (i.weightedScore ?? 0), 0);
          expect(grouped + ungrouped).toBeCloseTo(a.totalBeforePenalty ?? 0, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

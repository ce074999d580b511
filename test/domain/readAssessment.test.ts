/** An invalid assessment file gives errors naming the JSON path, never a stack trace. */
import { readAssessment, readAssessmentText, readResults } from '../../src/domain';
import { doc, mustRead, quantitative } from './fixtures';

function errors(d: unknown) {
  const read = readAssessment(d);
  expect(read.ok).toBe(false);
  return read.issues.filter((i) => i.severity === 'error');
}

describe('readAssessment', () => {
  test('a valid document reads, with defaults resolved from the scale', () => {
    const a = mustRead(doc({ scale: 'five-level', indicators: [quantitative('1', 100, [1, 2, 3, 4, 5])] }));
    expect(a.policies).toMatchObject({ floor: 1, notReported: 1, mode: 'interpolate', decimals: 4, latePenaltyPerWorkingDay: 0.05 });
  });

  test('shape errors name the JSON path', () => {
    const found = errors(
      doc({ indicators: [quantitative('1', 50, [1, 2, 3]), { id: '2', name: 'x', weight: 'ห้าสิบ', targets: [1, 2, 3] }] }),
    );
    expect(found.map((i) => i.path)).toContain('indicators[1].weight');
    expect(found[0]?.message.th).toContain('indicators[1].weight');
  });

  test('targets not monotonic', () => {
    const found = errors(
      doc({
        indicators: [
          quantitative('1', 50, [1, 2, 3]),
          quantitative('2', 30, [1, 2, 3]),
          quantitative('3', 10, [1, 2, 3]),
          quantitative('4', 10, [5, 9, 7]),
        ],
      }),
    );
    expect(found).toEqual([expect.objectContaining({ code: 'targets-not-monotonic', path: 'indicators[3].targets', indicatorId: '4' })]);
  });

  test("duplicate indicator ids, also between a parent's children and the top level", () => {
    const found = errors(
      doc({
        indicators: [quantitative('1', 50, [1, 2, 3]), { id: '2', name: 'กลุ่ม', weight: 50, children: [quantitative('1', 1, [1, 2, 3])] }],
      }),
    );
    expect(found).toEqual([
      expect.objectContaining({ code: 'duplicate-indicator-id', path: 'indicators[1].children[0].id', indicatorId: '1' }),
    ]);
    expect(found[0]?.message.en).toContain('indicators[0]');
  });

  test('a milestone without steps', () => {
    expect(errors(doc({ indicators: [{ id: '3', name: 'x', weight: 100, kind: 'milestone', steps: [] }] })).map((i) => i.code)).toEqual([
      'milestone-without-steps',
    ]);
  });

  test('a ratio without two variables', () => {
    const found = errors(
      doc({
        indicators: [{ id: '11.2', name: 'x', weight: 100, kind: 'ratio', targets: [1, 2, 3], variables: [{ id: 'num', name: 'n' }] }],
      }),
    );
    expect(found).toEqual([expect.objectContaining({ code: 'ratio-variables', path: 'indicators[0].variables' })]);
  });

  test('children whose weights are not positive', () => {
    const found = errors(
      doc({
        indicators: [
          { id: '10', name: 'x', weight: 100, children: [quantitative('10.1', 0, [1, 2, 3]), quantitative('10.2', -1, [1, 2, 3])] },
        ],
      }),
    );
    expect(found.map((i) => [i.code, i.path])).toEqual([
      ['child-weight-not-positive', 'indicators[0].children[0].weight'],
      ['child-weight-not-positive', 'indicators[0].children[1].weight'],
    ]);
  });

  test('weights that do not sum to 100 are a warning, and the file still reads', () => {
    const read = readAssessment(doc({ indicators: [quantitative('1', 30, [1, 2, 3]), quantitative('2', 30, [1, 2, 3])] }));
    expect(read.ok).toBe(true);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'weights-not-100', severity: 'warning' })]);
  });

  test('the wrong number of targets for the scale, a direction against the targets, an unknown component', () => {
    const found = errors(
      doc({
        components: [{ id: 'p', name: 'P' }],
        indicators: [
          quantitative('1', 50, [1, 2]),
          quantitative('2', 25, [1, 2, 3], { direction: 'lower' }),
          quantitative('3', 25, [1, 2, 3], { component: 'q' }),
        ],
      }),
    );
    expect(found.map((i) => i.code)).toEqual(['targets-count', 'direction-contradicts-targets', 'unknown-component']);
  });

  test('a custom scale must have increasing scores', () => {
    const found = errors(
      doc({
        scale: {
          levels: [
            { name: 'ก', score: 10 },
            { name: 'ข', score: 5 },
          ],
        },
        indicators: [quantitative('1', 100, [1, 2])],
      }),
    );
    expect(found.map((i) => i.path)).toEqual(['scale.levels[1].score']);
  });

  test('a custom scale of any N ≥ 2 levels works', () => {
    const a = mustRead(
      doc({
        scale: {
          levels: [
            { name: 'ผ่าน', score: 60 },
            { name: 'ดี', score: 80 },
            { name: 'ดีมาก', score: 90 },
            { name: 'ดีเยี่ยม', score: 100 },
          ],
        },
        indicators: [quantitative('1', 100, [1, 2, 3, 4])],
      }),
    );
    expect(a.scale.levels).toHaveLength(4);
    expect(a.policies.floor).toBe(0);
  });

  test('a broken file is an issue, not an exception', () => {
    const read = readAssessmentText('{ "format": "scorebook/assessment@1", ');
    expect(read.ok).toBe(false);
    expect(read.issues[0]?.code).toBe('json-syntax');
  });

  test('a file of another format names the format field', () => {
    expect(errors({ format: 'something-else', indicators: [] }).map((i) => i.path)).toContain('format');
  });
});

describe('readResults', () => {
  const a = mustRead(doc({ indicators: [quantitative('1', 100, [1, 2, 3])] }));

  test('results for another assessment are refused', () => {
    const read = readResults({ format: 'scorebook/results@1', assessment: 'other', results: {} }, a);
    expect(read.ok).toBe(false);
    expect(read.issues[0]?.code).toBe('results-other-assessment');
  });

  test('a result for an unknown indicator is a warning naming it', () => {
    const read = readResults({ format: 'scorebook/results@1', assessment: 'test', results: { '1': 2, '99': 5 } }, a);
    expect(read.ok).toBe(true);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'unknown-indicator', indicatorId: '99', path: 'results["99"]' })]);
  });
});

describe('components with a stated weight', () => {
  test("indicator weights that do not add up to the component's weight are a warning naming it", () => {
    const read = readAssessment(
      doc({
        components: [
          { id: 'performance', name: 'Performance Base', weight: 70 },
          { id: 'potential', name: 'Potential Base', weight: 30 },
        ],
        indicators: [
          quantitative('1', 60, [1, 2, 3], { component: 'performance' }),
          quantitative('2', 40, [1, 2, 3], { component: 'potential' }),
        ],
      }),
    );
    expect(read.ok).toBe(true);
    expect(read.issues.map((i) => [i.code, i.path])).toEqual([
      ['component-weight-mismatch', 'components[0].weight'],
      ['component-weight-mismatch', 'components[1].weight'],
    ]);
  });
});

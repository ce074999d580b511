/**
 * Targets derived from a baseline (scoring.md §5, seed 000 OTOP): ขั้นต้น = last year's result, ขั้นสูง = baseline ×
 * (1 + average growth) rounded to 2 decimals, มาตรฐาน = their mean.
 */
import { deriveTargets, parseTargetExpression, readAssessment, roundAsExcel, scoreAssessment } from '../../src/domain';
import { doc, mustRead } from './fixtures';

const otop = (
  targets: (number | string)[],
  inputs: Record<string, number> = { baseline: 2874.79, growth: 0.0997 },
): ReturnType<typeof doc> =>
  doc({ indicators: [{ id: '5', name: 'รายได้ OTOP', unit: 'ล้านบาท', weight: 100, kind: 'quantitative', inputs, targets }] });

const OTOP_TARGETS = ['baseline', '(T1 + T3) / 2', 'ROUND(baseline * (1 + growth), 2)'];

describe('derived targets (ค่าเป้าหมายที่คำนวณจากค่าฐาน)', () => {
  test('worked example (seed 000 OTOP): 2,874.79 / 3,018.10 / 3,161.41 from baseline 2,874.79 and growth 9.97 %', () => {
    const a = mustRead(otop(OTOP_TARGETS));
    const leaf = a.indicators[0];
    if (!leaf || leaf.kind === 'group') throw new Error('expected a leaf');
    expect(leaf.targets[0]).toBe(2874.79);
    expect(leaf.targets[2]).toBe(3161.41);
    expect(leaf.targets[1]).toBeCloseTo(3018.1, 10);
    expect(leaf.inputs).toEqual({ baseline: 2874.79, growth: 0.0997 });
    expect(leaf.targetExpressions?.map((e) => e?.kind)).toEqual(['input', 'binary', 'round']);
    // scoring.md §6: 3050 → 80.5649 on these targets.
    expect(scoreAssessment(a, { results: { '5': 3050 } }).totalBeforePenalty).toBeCloseTo(80.5649, 4);
  });

  test('a file with plain numeric targets reads as before and keeps no derivation', () => {
    const a = mustRead(otop([2874.79, 3018.1, 3161.41], undefined));
    const leaf = a.indicators[0];
    expect(leaf && leaf.kind !== 'group' && leaf.targetExpressions).toBeUndefined();
  });

  test("ROUND is Excel's: half away from zero on the decimal value", () => {
    expect(roundAsExcel(2.675, 2)).toBe(2.68);
    expect(roundAsExcel(1.005, 2)).toBe(1.01);
    expect(roundAsExcel(-2.5, 0)).toBe(-3);
    expect(roundAsExcel(2.5, 0)).toBe(3);
    expect(roundAsExcel(1234.5, -2)).toBe(1200);
    expect(roundAsExcel(1250, -2)).toBe(1300);
    expect(roundAsExcel(3161.406603, 2)).toBe(3161.41);
    expect(roundAsExcel(0.1 + 0.2, 1)).toBe(0.3);
  });

  test('operators: precedence, unary minus, parentheses, numbers with decimals and exponents', () => {
    const r = deriveTargets({ targets: ['1 + 2 * 3', '-(1 - 4) * 2', '2.5e1 / 5', '.5 + x'], inputs: { x: 1 } });
    expect(r.ok && r.values).toEqual([7, 6, 5, 1.5]);
  });

  test('Thai input names are names', () => {
    const r = deriveTargets({ targets: ['ฐาน', 'ฐาน * 2', 'ฐาน * 3'], inputs: { ฐาน: 2 } });
    expect(r.ok && r.values).toEqual([2, 4, 6]);
  });

  test.each([
    ['a syntax error', ['baseline', '(T1 + T3 / 2', 'T1 * 2'], 1, 13, 'target-expression-syntax'],
    ['an unknown name', ['basline', 'T1', 'T1'], 0, 1, 'target-expression-unknown-name'],
    ['a target beyond the scale', ['baseline', 'T4', 'T1'], 1, 1, 'target-expression-unknown-name'],
    ['a cycle (the reference that closes it)', ['T3', 'T1', 'T2 + 1'], 1, 1, 'target-expression-cycle'],
    ['a target naming itself', ['baseline', 'T2', 'T1'], 1, 1, 'target-expression-cycle'],
    ['a division by zero', ['baseline', 'T1 / (growth - growth)', 'T1'], 1, 4, 'target-expression-value'],
    ['ROUND with digits not whole', ['baseline', 'ROUND(T1, 1.5)', 'T1'], 1, 1, 'target-expression-value'],
    ['a character that is not allowed', ['baseline', 'T1 ^ 2', 'T1'], 1, 4, 'target-expression-syntax'],
  ])('%s is an error naming the JSON path and the position', (_, targets, index, position, code) => {
    const read = readAssessment(otop(targets));
    expect(read.ok).toBe(false);
    const found = read.issues.find((i) => i.code === code);
    expect(found).toMatchObject({ severity: 'error', path: `indicators[0].targets[${index}]`, indicatorId: '5' });
    expect(found?.message.en).toContain(`position ${position}`);
    expect(found?.message.th).toContain(`ตำแหน่งที่ ${position}`);
  });

  test('an input named like a target or the function is refused', () => {
    const read = readAssessment(otop(['T1', 'T1', 'T1'], { T1: 1 }));
    expect(read.issues).toContainEqual(expect.objectContaining({ code: 'input-name', path: 'indicators[0].inputs.T1' }));
  });

  test('derived targets are checked like written ones (they must rise or fall together)', () => {
    const read = readAssessment(otop(['baseline', 'baseline * 2', 'baseline']));
    expect(read.issues).toContainEqual(expect.objectContaining({ code: 'targets-not-monotonic' }));
  });

  test('parse positions count characters of the text', () => {
    const p = parseTargetExpression('ROUND(a, 2');
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error.position).toBe(11);
  });
});

import { readFileSync } from 'fs';
import { findIndicator, isGroup, readAssessment, resultChanges, type LeafIndicator } from '../../src/domain';

const krs = readAssessment(JSON.parse(readFileSync('assets/samples/krs-2567.assessment.json', 'utf8')));
if (!krs.ok) throw new Error('the KRS sample does not read');
const leaf = (id: string): LeafIndicator => {
  const found = krs.value && findIndicator(krs.value, id);
  if (!found || isGroup(found)) throw new Error(`no leaf ${id}`);
  return found;
};

test('a yes/no row read from the sheet as its one step equals the same result stored as a number', () => {
  const binary = leaf('11.3');
  expect(binary.kind).toBe('binary');
  expect(resultChanges(binary, [1], 1)).toBe(false);
  expect(resultChanges(binary, [true], 1)).toBe(false);
  expect(resultChanges(binary, [1], [1])).toBe(false);
  expect(resultChanges(binary, [0], 1)).toBe(true);
});

test('a mark that cannot be read still counts as changed, compared as typed', () => {
  const binary = leaf('11.3');
  expect(resultChanges(binary, ['เกือบเสร็จ'], 1)).toBe(true);
});

test('a ratio compares its variables in any key order', () => {
  const ratio = leaf('11.2');
  expect(ratio.kind).toBe('ratio');
  const stored = Object.fromEntries(Object.entries({ num: 118, den: 124 }).reverse());
  expect(resultChanges(ratio, { num: 118, den: 124 }, stored)).toBe(false);
});

test('a measured result stored as text is the same report as the number a sheet opened from the server holds', () => {
  const ratio = leaf('11.2');
  expect(resultChanges(ratio, 58.1, '58.1%')).toBe(false);
  expect(resultChanges(ratio, 65060, '๖๕,๐๖๐')).toBe(false);
  expect(resultChanges(ratio, { num: 118, den: 124 }, { den: '๑๒๔', num: '118' })).toBe(false);
  // Another number, or a text that reads as none, is a change.
  expect(resultChanges(ratio, 58.2, '58.1%')).toBe(true);
  expect(resultChanges(ratio, 58.1, 'ประมาณ 58')).toBe(true);
  expect(resultChanges(ratio, { num: 118, den: 124 }, { num: 236, den: 248 })).toBe(true);
});

test('a result stored as one value is the same report as the cells opening the sheet from the server wrote for it', () => {
  const ratio = leaf('11.2');
  expect(ratio.kind === 'ratio' && ratio.multiplier).toBe(100);
  expect(resultChanges(ratio, { num: 85, den: 100 }, '85%')).toBe(false);
  expect(resultChanges(ratio, { num: '#N/A', den: null }, '#N/A')).toBe(false);
  expect(resultChanges(ratio, { num: 85, den: 50 }, '85%')).toBe(true);
  expect(resultChanges(ratio, { num: '#N/A', den: 4 }, '#N/A')).toBe(true);
  const binary = leaf('11.3');
  expect(resultChanges(binary, ['#N/A'], '#N/A')).toBe(false);
  const milestone = krs.value!.indicators.flatMap((i) => (isGroup(i) ? i.children : [i])).find((i) => i.kind === 'milestone');
  if (!milestone || isGroup(milestone)) throw new Error('the KRS sample has no milestone');
  const m = milestone.steps.length;
  const ticked = (k: number) => milestone.steps.map((_, i) => (i < k ? 1 : 0));
  expect(resultChanges(milestone, ticked(2), 2)).toBe(false);
  expect(resultChanges(milestone, ticked(m), m)).toBe(false);
  expect(resultChanges(milestone, ticked(1), 2)).toBe(true);
  expect(resultChanges(milestone, ['#N/A', ...milestone.steps.slice(1).map(() => null)], '#N/A')).toBe(false);
  expect(resultChanges(milestone, ['#N/A', 1], '#N/A')).toBe(true);
});

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

/** The record's long values: a value read back packs to the very text it came from, without deflating it again. */
import { packJson, unpackJson } from '../../src/workbook/binding';

test('a value unpacked from a text packs to that text; an equal value made afresh packs to the same', () => {
  const value = { indicators: Array.from({ length: 50 }, (_, i) => ({ id: `i${i}`, name: `ตัวชี้วัด ${i}` })) };
  const text = packJson(value);
  const read = unpackJson(text);
  expect(read).toEqual(value);
  expect(packJson(read)).toBe(text);
  expect(packJson(structuredClone(read))).toBe(text);
});

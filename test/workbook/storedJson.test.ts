/**
 * asStoredJson: a value written to the record and read back at once is given as its JSON round trip. One that
 * already is its round trip is kept as it is (no parse of megabytes to make an equal copy); any other is copied,
 * so what the reader is handed is always what decoding the cells would give.
 */
import { asStoredJson, isOwnJson } from '../../src/workbook/binding';

const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

test('a value that is its own JSON round trip is kept as it is', () => {
  const link = {
    format: 'scorebook/server-link@1',
    rows: { i1: { version: 2, value: 55, explanation: 'คำชี้แจง', remarks: null }, '10': { version: 1, value: [true, false] } },
    pending: [{ key: 'k', body: { action: 'submit', rows: [{ indicatorId: 'i2', value: { num: 4, den: 5 }, baseVersion: 0 }] } }],
  };
  expect(isOwnJson(link)).toBe(true);
  const stored = asStoredJson(link);
  expect(stored).toBe(link);
  expect(stored).toStrictEqual(roundTrip(link));
});

test.each([
  ['an undefined property', { a: 1, b: undefined }],
  ['an undefined element', [1, undefined]],
  ['a hole', [1, , 3]],
  ['NaN', { a: Number.NaN }],
  ['Infinity', [Number.POSITIVE_INFINITY]],
  ['-0', { a: -0 }],
  ['a Date', { at: new Date(0) }],
  ['a class instance', { m: new Map([[1, 2]]) }],
  ['a toJSON', { a: { toJSON: () => 'x' } }],
  ['a function', { f: () => 1 }],
  ['an object without prototype', { a: Object.assign(Object.create(null) as object, { b: 1 }) }],
])('a value with %s is copied as its round trip', (_, value) => {
  expect(isOwnJson(value)).toBe(false);
  const stored = asStoredJson(value);
  expect(stored).not.toBe(value);
  expect(stored).toStrictEqual(roundTrip(value));
  expect(isOwnJson(stored)).toBe(true);
});

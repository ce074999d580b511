/**
 * The engine reads most results without building a reading of them (quickTypedNumber, quickResultValue); whatever
 * these give must be what the full reading gives, to the bit, and whatever they cannot read they must leave to it.
 */
import fc from 'fast-check';
import { readAssessment, readNumber, readResultValue, type LeafIndicator, type RawResult } from '../../src/domain';
import { prepareReading, quickResultValue } from '../../src/domain/resultValue';
import { quickTypedNumber } from '../../src/domain/thaiNumbers';

/** Text made of what typed numbers are made of, so most of it is nearly a number. */
const typedArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '๐', '๓', '๙', ',', '.', '-', '%', ' ', 'e', '+'), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('1', '2', '9', '๘', '0'), minLength: 14, maxLength: 30 }),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom('0', '7', '9', '๔'), minLength: 1, maxLength: 17 }),
      fc.string({ unit: fc.constantFrom('0', '3', '5', '9'), maxLength: 25 }),
    )
    .map(([whole, fraction]) => (fraction === '' ? whole : `${whole}.${fraction}`)),
  fc.double({ noNaN: true }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => `${x}%`),
);

describe('quickTypedNumber', () => {
  test('reads what readNumber reads as a number, to the bit, or gives NaN', () => {
    fc.assert(
      fc.property(typedArb, (text) => {
        const quick = quickTypedNumber(text);
        if (Number.isNaN(quick)) return;
        const full = readNumber(text);
        expect(full.kind).toBe('number');
        expect(Object.is(quick, full.kind === 'number' ? full.value : undefined)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    ['85', 85],
    ['85.5%', 85.5],
    ['-12.5', -12.5],
    ['๓,๐๕๐', 3050],
    ['1,234,567.25', 1234567.25],
    ['0.1', 0.1],
    ['-0', -0],
  ])('reads the common cell %j', (text, value) => {
    expect(Object.is(quickTypedNumber(text), value)).toBe(true);
  });

  test.each(['', '-', '.5', '+7', '1,23', '1234,567', '1,', '85 %', '1e3', '12345678901234567', '2000000000000000'])(
    'leaves %j to readNumber',
    (text) => {
      expect(quickTypedNumber(text)).toBeNaN();
    },
  );
});

function leaves(): LeafIndicator[] {
  const read = readAssessment({
    format: 'scorebook/assessment@1',
    id: 'quick',
    title: 'quick',
    fiscalYear: 2567,
    scale: 'five-level',
    indicators: [
      { id: 'q', name: 'q', weight: 1, kind: 'quantitative', unit: 'ร้อยละ', targets: [10, 20, 30, 40, 50] },
      { id: 'n', name: 'n', weight: 1, kind: 'quantitative', targets: [-10, 0, 10, 20, 30] },
      { id: 'u', name: 'u', weight: 1, kind: 'quantitative', unit: 'm2', targets: [10, 20, 30, 40, 50] },
      {
        id: 'r',
        name: 'r',
        weight: 1,
        kind: 'ratio',
        multiplier: 100,
        targets: [60, 70, 80, 90, 100],
        variables: [
          { id: 'num', name: 'n' },
          { id: 'den', name: 'd', central: true },
        ],
      },
      { id: 'm', name: 'm', weight: 1, kind: 'milestone', steps: ['1', '2', '3', '4', '5'] },
      { id: 'b', name: 'b', weight: 1, kind: 'binary', steps: ['ส่ง'] },
    ],
  });
  if (!read.ok) throw new Error(read.issues.map((i) => i.message.en).join('\n'));
  return read.value.indicators as LeafIndicator[];
}

const markArb = fc.oneof(fc.boolean(), fc.constantFrom(1, 0, -0, 2, null, undefined, 'ทำสำเร็จ', '1', 'x?'));
const resultArb: fc.Arbitrary<RawResult | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.double(),
  fc.double({ min: -100, max: 200, noNaN: true }),
  fc.integer({ min: -2, max: 6 }),
  typedArb,
  fc.constantFrom('5 m2', '๓๕', '45%', 'ส่งแล้ว', '#N/A', ' ', '-'),
  fc.record(
    {
      num: fc.oneof(fc.integer({ min: -1, max: 60 }), fc.double(), fc.constantFrom(null, '5', 1e16)),
      den: fc.oneof(fc.integer({ min: -1, max: 60 }), fc.double(), fc.constantFrom(null, '5', 1e16)),
    },
    { requiredKeys: [], noNullPrototype: true },
  ) as fc.Arbitrary<RawResult>,
  fc.array(markArb, { maxLength: 7 }) as fc.Arbitrary<RawResult>,
);

describe('quickResultValue', () => {
  test('gives the value readResultValue gives when that is a value with no issue, else NaN', () => {
    const all = leaves();
    fc.assert(
      fc.property(fc.nat(all.length - 1), resultArb, (at, raw) => {
        const indicator = all[at] as LeafIndicator;
        const quick = quickResultValue(prepareReading(indicator), raw);
        const full = readResultValue(indicator, raw);
        // NaN: left to the full reading, whatever it gives.
        if (Number.isNaN(quick)) return;
        expect(full.status).toBe('value');
        expect(full.issues).toEqual([]);
        expect(Object.is(quick, full.status === 'value' ? full.value : undefined)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  test('reads the common rows itself', () => {
    const [q, , , r, m, b] = leaves() as [LeafIndicator, LeafIndicator, LeafIndicator, LeafIndicator, LeafIndicator, LeafIndicator];
    expect(quickResultValue(prepareReading(q), 42.5)).toBe(42.5);
    expect(quickResultValue(prepareReading(q), '๘๕,๕๐๐')).toBe(85500);
    expect(quickResultValue(prepareReading(r), { num: 3, den: 4 })).toBe(75);
    expect(quickResultValue(prepareReading(r), '85%')).toBe(85);
    expect(quickResultValue(prepareReading(m), [true, true, false, 0, null])).toBe(2);
    expect(quickResultValue(prepareReading(b), [1])).toBe(1);
  });
});

describe('a milestone gap', () => {
  test('gives the same words every time, in a result no caller can change under another row', () => {
    const m = leaves()[4] as LeafIndicator;
    const first = readResultValue(m, [true, false, true]);
    const again = readResultValue(m, [true, false, true, false]);
    expect(again).toEqual(first);
    expect(first.issues.map((i) => [i.code, i.field, i.message.en])).toEqual([
      ['milestone-gap', '2', 'step 3 is achieved but step 2 is not; only consecutive steps from the first count (1)'],
    ]);
    expect(Object.isFrozen(first.issues)).toBe(true);
    expect(Object.isFrozen(first.issues[0])).toBe(true);
    expect(readResultValue(m, [true, true, false, true])).toMatchObject({ status: 'value', value: 2 });
  });
});

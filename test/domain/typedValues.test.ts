/** Typed values as Thai staff enter them: what is read, and what is an issue (never a silent zero). */
import { readNumber, roundHalfUp, formatNumber, toThaiDigits, scoreAssessment } from '../../src/domain';
import fc from 'fast-check';
import { doc, mustRead, quantitative } from './fixtures';

const valueOf = (raw: unknown, unit?: string) => {
  const r = readNumber(raw, { unit });
  return r.kind === 'number' ? r.value : r.kind;
};
const codeOf = (raw: unknown) => {
  const r = readNumber(raw);
  return r.kind === 'invalid' ? r.issue.code : r.kind;
};

describe('readNumber', () => {
  test.each([
    ['๓,๐๕๐', 3050],
    ['3,050.25', 3050.25],
    ['๘๕%', 85],
    ['85%', 85],
    [' 85 % ', 85],
    ['\u00A01,234,567\u200B', 1234567],
    ['-12.5', -12.5],
    ['\u221212.5', -12.5],
    ['+7', 7],
    ['.5', 0.5],
    [42, 42],
  ])('%j reads as %d', (raw, expected) => {
    expect(valueOf(raw)).toBe(expected);
  });

  test("the indicator's unit may follow the number", () => {
    expect(valueOf('3,050 ล้านบาท', 'ล้านบาท')).toBe(3050);
    expect(valueOf('3,050 ตัน', 'ล้านบาท')).toBe('invalid');
  });

  test.each([null, undefined, '', '   ', '\u00A0'])('%j is blank: not reported, not zero', (raw) => {
    expect(codeOf(raw)).toBe('blank');
  });

  test.each([
    ['#N/A', 'excel-error'],
    ['#DIV/0!', 'excel-error'],
    ['#VALUE!', 'excel-error'],
    ['ยังไม่มีข้อมูล', 'value-not-number'],
    ['85%%', 'value-not-number'],
    ['1,2,3', 'value-not-number'],
    ['12,34', 'value-not-number'],
    ['1e5', 'value-not-number'],
    ['3.0.5', 'value-not-number'],
    ['-', 'value-not-number'],
    [true, 'value-not-number'],
    [NaN, 'value-not-number'],
    [Infinity, 'value-not-number'],
    [1e16, 'value-too-large'],
    ['9,999,999,999,999,999', 'value-too-large'],
  ])('%j is an issue: %s', (raw, code) => {
    expect(codeOf(raw)).toBe(code);
  });

  test('every issue speaks Thai and English', () => {
    const r = readNumber('abc', { indicatorId: '5' });
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.issue.message.th).toMatch(/ไม่ใช่ตัวเลข/);
    expect(r.issue.message.en).toMatch(/not a number/);
    expect(r.issue.indicatorId).toBe('5');
  });
});

describe('readNumber reads a plain cell at once, as the full reading does', () => {
  // A trailing space is trimmed by the full reading and keeps a cell off the quick path: the two must agree on
  // every cell, with every unit (one that ends like a number, "10" or "%", too).
  const grouped = (text: string) => text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  test.each(['', 'ร้อยละ', '%', 'ล้านบาท', '10', '0', 'km2', ' '])('unit %j', (unit) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e6, max: 1e7 }), fc.double({ min: -1e17, max: 1e17, noNaN: true })),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('', '%'),
        (n, thai, group, suffix) => {
          const plain = String(n).includes('e')
            ? String(n)
            : String(n).replace(/^(-?)(\d+)/, (_, sign: string, int: string) => sign + (group ? grouped(int) : int));
          const typed = (thai ? toThaiDigits(plain) : plain) + suffix;
          const quick = readNumber(typed, { unit, indicatorId: '1' });
          const full = readNumber(`${typed} `, { unit, indicatorId: '1' });
          expect(quick.kind).toBe(full.kind);
          if (quick.kind === 'number' && full.kind === 'number') {
            expect(Object.is(quick.value, full.value)).toBe(true);
            expect(quick.percent).toBe(full.percent);
          }
          if (quick.kind === 'invalid' && full.kind === 'invalid') expect(quick.issue.code).toBe(full.issue.code);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('an unreadable result', () => {
  test('is scored as not reported, with the issue on the indicator', () => {
    const a = mustRead(doc({ indicators: [quantitative('1', 100, [1, 2, 3])] }));
    const row = scoreAssessment(a, { results: { '1': 'ไม่ทราบ' } }).indicators[0];
    expect(row?.status).toBe('invalid');
    expect(row?.score).toBe(0);
    expect(row?.issues[0]?.code).toBe('value-not-number');
  });

  test('a negative result against positive targets is scored but pointed out', () => {
    const a = mustRead(doc({ indicators: [quantitative('1', 100, [1, 2, 3])] }));
    const row = scoreAssessment(a, { results: { '1': -5 } }).indicators[0];
    expect(row?.status).toBe('scored');
    expect(row?.issues.map((i) => i.code)).toEqual(['value-negative']);
  });
});

describe('rounding and display', () => {
  test('half-up at the policy decimals, robust to binary noise', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(80.56485939, 4)).toBe(80.5649);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(roundHalfUp(0.12344, 4)).toBe(0.1234);
  });

  test('numbers shown with separators, optionally in Thai digits', () => {
    expect(formatNumber(3050.125, 2)).toBe('3,050.13');
    expect(formatNumber(3050.125, 2, { thaiDigits: true })).toBe('๓,๐๕๐.๑๓');
    expect(toThaiDigits('2567')).toBe('๒๕๖๗');
  });
});

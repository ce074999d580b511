/** The words people type for steps and yes/no results, and ids written in Thai or Arabic digits. */
import fc from 'fast-check';
import {
  NO_WORDS,
  readAssessment,
  readResults,
  readResultValue,
  readYesNoWord,
  resolveIndicatorId,
  scoreAssessment,
  toThaiDigits,
  YES_WORDS,
  type LeafIndicator,
} from '../../src/domain';
import { doc, mustRead, quantitative } from './fixtures';

const assessment = mustRead(
  doc({
    indicators: [
      { id: '1', name: 'ส่งแผน', weight: 20, kind: 'binary' },
      { id: '2', name: 'ขั้นตอน', weight: 30, kind: 'milestone', steps: ['ก', 'ข', 'ค'] },
      quantitative('๓', 50, [10, 20, 30]),
    ],
  }),
);
const binary = assessment.indicators[0] as LeafIndicator;
const milestone = assessment.indicators[1] as LeafIndicator;
const valueOf = (indicator: LeafIndicator, raw: unknown) => {
  const r = readResultValue(indicator, raw as never);
  return r.status === 'value' ? r.value : r.status;
};

describe('the words of the seeds', () => {
  test.each(['ทำสำเร็จ', 'สำเร็จ', 'ดำเนินการ', 'ส่งแล้ว', '✓', 'ใช่', ' ทำ สำเร็จ ', 'ส่ง แล้ว', '๑'])('"%s" is 1', (word) => {
    expect(valueOf(binary, word)).toBe(1);
  });

  test.each(['ไม่สำเร็จ', 'ไม่ดำเนินการ', 'ยังไม่ส่ง', '✗', 'ไม่ใช่', 'ไม่ ดำเนิน การ', 'ยัง ไม่ ส่ง', '๐'])('"%s" is 0', (word) => {
    expect(valueOf(binary, word)).toBe(0);
  });

  test('milestone steps as words: ทำสำเร็จ, ดำเนินการ, ไม่ดำเนินการ → 2 steps', () => {
    expect(valueOf(milestone, ['ทำสำเร็จ', 'ดำเนินการ', 'ไม่ดำเนินการ'])).toBe(2);
  });

  test('a word that is not in the table is an error naming what was typed, never 0', () => {
    const r = readResultValue(binary, 'เกือบเสร็จ');
    expect(r.status).toBe('invalid');
    expect(r.issues[0]?.message.en).toContain('เกือบเสร็จ');
  });
});

describe('ids in Thai digits and Arabic digits are one indicator', () => {
  test('results keyed "๑", "๒" and "3" reach indicators 1, 2 and ๓', () => {
    const read = readResults(
      { format: 'scorebook/results@1', assessment: 'test', results: { '๑': 'ส่งแล้ว', '๒': [true, true, true], '3': 30 } },
      assessment,
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.issues).toEqual([]);
    const report = scoreAssessment(assessment, read.value);
    expect(report.indicators.map((i) => [i.id, i.status, i.score])).toEqual([
      ['1', 'scored', 100],
      ['2', 'scored', 100],
      ['๓', 'scored', 100],
    ]);
    expect(report.total).toBe(100);
  });

  test('the same indicator written both ways: a warning when the values agree, an error when they differ', () => {
    const same = readResults({ format: 'scorebook/results@1', assessment: 'test', results: { '3': 20, '๓': 20 } }, assessment);
    expect(same.ok && same.issues.map((i) => [i.code, i.severity])).toEqual([['result-given-twice', 'warning']]);
    const differ = readResults({ format: 'scorebook/results@1', assessment: 'test', results: { '3': 20, '๓': 25 } }, assessment);
    expect(differ.ok).toBe(false);
    expect(differ.issues[0]).toMatchObject({ code: 'result-given-twice', severity: 'error', path: 'results["๓"]' });
  });

  test('an assessment with both "๑" and "1" uses one id twice', () => {
    const read = readAssessment(doc({ indicators: [quantitative('1', 50, [1, 2, 3]), quantitative('๑', 50, [1, 2, 3])] }));
    expect(read.ok).toBe(false);
    expect(read.issues[0]).toMatchObject({ code: 'duplicate-indicator-id', path: 'indicators[1].id' });
  });
});

describe('properties', () => {
  const spaced = (word: string, cuts: number[]) => {
    const chars = [...word];
    return chars.map((c, i) => (cuts.includes(i) ? ` ${c}` : c)).join('') + ' ';
  };

  test('spaces anywhere in a word of the table never change what it means', () => {
    fc.assert(
      fc.property(fc.constantFrom(...YES_WORDS, ...NO_WORDS), fc.array(fc.nat({ max: 12 }), { maxLength: 4 }), (word, cuts) => {
        expect(readYesNoWord(spaced(word, cuts))).toBe(YES_WORDS.includes(word));
      }),
    );
  });

  test('an id of digits and dots in Thai digits resolves to the same indicator as in Arabic digits', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 3 }), (parts) => {
        const id = parts.join('.');
        const a = mustRead(doc({ indicators: [quantitative(id, 100, [1, 2, 3])] }));
        expect(resolveIndicatorId(a, toThaiDigits(id))).toBe(id);
        const thai = mustRead(doc({ indicators: [quantitative(toThaiDigits(id), 100, [1, 2, 3])] }));
        expect(resolveIndicatorId(thai, id)).toBe(toThaiDigits(id));
      }),
      { numRuns: 200 },
    );
  });
});

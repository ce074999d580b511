/** Mistakes in a definition file are said, not swallowed: unknown fields, keys written twice, syntax, types, weights. */
import { decodeJsonBytes, readAssessment, readAssessmentText, readResults, type Issue } from '../../src/domain';
import { doc, mustRead, quantitative } from './fixtures';

const codes = (issues: readonly Issue[]) => issues.map((i) => [i.code, i.severity, i.path]);

describe('unknown fields', () => {
  test('"directon", "notreported" and "Floor" are warnings naming the path and the field meant', () => {
    const read = readAssessment(
      doc({
        policies: { notreported: 'exclude', Floor: 0 },
        indicators: [quantitative('1', 100, [1, 2, 3], { directon: 'lower' } as never)],
      }),
    );
    expect(read.ok).toBe(true);
    const unknown = read.issues.filter((i) => i.code === 'unknown-field');
    expect(unknown.map((i) => [i.severity, i.path])).toEqual([
      ['warning', 'indicators[0].directon'],
      ['warning', 'policies.notreported'],
      ['warning', 'policies.Floor'],
    ]);
    expect(unknown.map((i) => i.message.en)).toEqual([
      'indicators[0].directon: unknown field "directon", ignored; did you mean "direction"?',
      'policies.notreported: unknown field "notreported", ignored; did you mean "notReported"?',
      'policies.Floor: unknown field "Floor", ignored; did you mean "floor"?',
    ]);
    expect(unknown[0]?.message.th).toContain('หมายถึง "direction" หรือไม่');
  });

  test('a field far from every known one is named without a guess; known fields in children are not flagged', () => {
    const read = readAssessment(
      doc({
        indicators: [
          {
            id: '1',
            name: 'แม่',
            weight: 100,
            children: [quantitative('1.1', 50, [1, 2, 3]), quantitative('1.2', 50, [1, 2, 3], { zzzqqq: 1 } as never)],
          },
        ],
      }),
    );
    const unknown = read.issues.filter((i) => i.code === 'unknown-field');
    expect(unknown.map((i) => i.message.en)).toEqual(['indicators[0].children[1].zzzqqq: unknown field "zzzqqq", ignored']);
  });

  test('an unknown top-level field of a results file is a warning; ratio variables are not fields', () => {
    const a = mustRead(doc({ indicators: [quantitative('1', 100, [1, 2, 3])] }));
    const read = readResults({ format: 'scorebook/results@1', assessment: 'test', rounds: 6, results: { '1': 2 } }, a);
    expect(read.ok && codes(read.issues)).toEqual([['unknown-field', 'warning', 'rounds']]);
    expect(read.issues[0]?.message.en).toContain('did you mean "round"?');
  });

  test('a valid document without unknown fields has no such warning', () => {
    const read = readAssessment(doc({ policies: { floor: 0, notReported: 'exclude' }, indicators: [quantitative('1', 100, [1, 2, 3])] }));
    expect(read.issues).toEqual([]);
  });
});

describe('the JSON text', () => {
  test('a key written twice in one object is a warning naming its path and line', () => {
    const text =
      '{"format":"scorebook/assessment@1","id":"t","title":"t","fiscalYear":2567,"scale":"three-level",\n' +
      '"indicators":[{"id":"1","name":"a","weight":60,"weight":100,"targets":[1,2,3]}]}';
    const read = readAssessmentText(text);
    expect(read.ok).toBe(true);
    const dup = read.issues.filter((i) => i.code === 'duplicate-key');
    expect(dup.map((i) => [i.severity, i.path])).toEqual([['warning', 'indicators[0].weight']]);
    expect(dup[0]?.message.en).toContain('line 2');
    // The value is JSON.parse's, as before: the last one.
    expect(read.ok && read.value.indicators[0]?.weight).toBe(100);
  });

  test('a syntax error names line and column', () => {
    const read = readAssessmentText('{\n  "format": "scorebook/assessment@1"\n  "id": "t"\n}');
    expect(read.ok).toBe(false);
    expect(read.issues[0]).toMatchObject({ code: 'json-syntax', path: 'line 3, column 3' });
    expect(read.issues[0]?.message.en).toBe('The file is not valid JSON: line 3, column 3: a comma (,) is missing between two items');
    expect(read.issues[0]?.message.th).toContain('บรรทัด 3 คอลัมน์ 3');
  });

  test('UTF-8 with a BOM reads as it is; UTF-16 and TIS-620 say to save as UTF-8', () => {
    const json = JSON.stringify(doc({ indicators: [quantitative('๑', 100, [1, 2, 3])] }));
    const bom = decodeJsonBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')]));
    expect(bom.ok && readAssessmentText(bom.text).ok).toBe(true);
    const utf16 = decodeJsonBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    expect(utf16.ok).toBe(false);
    expect(!utf16.ok && utf16.issues[0]).toMatchObject({
      code: 'file-encoding',
      message: { en: expect.stringContaining('save it again as UTF-8') },
    });
    const noBom16 = decodeJsonBytes(Buffer.from(json, 'utf16le'));
    expect(!noBom16.ok && noBom16.issues[0]?.message.en).toContain('UTF-16');
    // "ตัวชี้วัด" in TIS-620: bytes 0xA1–0xFB, not UTF-8.
    const tis = decodeJsonBytes(Buffer.from([0x7b, 0x22, 0xb5, 0xd1, 0xc7, 0xaa, 0xd5, 0xe9, 0xc7, 0xd1, 0xb4, 0x22, 0x7d]));
    expect(!tis.ok && tis.issues[0]?.message.en).toContain('TIS-620');
  });
});

describe('a value of the wrong type', () => {
  test('indicators[0].weight: expected a number, got the text "๑๐" (never "required")', () => {
    const read = readAssessment(doc({ indicators: [{ id: '1', name: 'a', weight: '๑๐', targets: [1, 2, 3] }] }));
    expect(read.ok).toBe(false);
    expect(read.issues[0]?.message.en).toBe('indicators[0].weight: expected a number, got the text "๑๐"; write 10 without quotes');
    expect(read.issues[0]?.message.th).toBe('indicators[0].weight: ต้องเป็นตัวเลข แต่ได้ข้อความ "๑๐" ให้เขียนเป็น 10 โดยไม่มีเครื่องหมายคำพูด');
    expect(read.issues.map((i) => i.message.en).join('\n')).not.toContain('required');
  });

  test('a list where a number belongs names the list; a missing field is still "required"', () => {
    const read = readAssessment(
      doc({
        indicators: [
          { id: '1', name: 'a', weight: [10], targets: [1, 2, 3] },
          { id: '2', name: 'b', targets: [1, 2, 3] },
        ],
      }),
    );
    expect(read.issues.map((i) => i.message.en)).toEqual([
      'indicators[0].weight: expected a number, got a list [10]',
      'indicators[1].weight: required',
    ]);
  });
});

describe('weights of sub-indicators', () => {
  const parent = (weight: number, children: number[]) => ({
    id: '4',
    name: 'แม่',
    weight,
    children: children.map((w, k) => quantitative(`4.${k + 1}`, w, [1, 2, 3])),
  });

  test('5 + 3 under 15 is a warning naming the parent (it still scores in proportion)', () => {
    const read = readAssessment(doc({ indicators: [quantitative('1', 85, [1, 2, 3]), parent(15, [5, 3])] }));
    expect(read.ok).toBe(true);
    expect(codes(read.issues)).toEqual([['child-weights-sum', 'warning', 'indicators[1].children']]);
    expect(read.issues[0]).toMatchObject({ indicatorId: '4' });
    expect(read.issues[0]?.message.en).toContain("5 + 3 = 8, neither the parent's weight (15) nor 100");
  });

  test("children in the parent's points (2.5 + 2.5 under 5) or in percent (60 + 40) are fine", () => {
    expect(readAssessment(doc({ indicators: [quantitative('1', 95, [1, 2, 3]), parent(5, [2.5, 2.5])] })).issues).toEqual([]);
    expect(readAssessment(doc({ indicators: [quantitative('1', 95, [1, 2, 3]), parent(5, [60, 40])] })).issues).toEqual([]);
  });
});

describe('direction', () => {
  test('falling targets with no direction are read as lower-is-better, with an info issue saying so', () => {
    const read = readAssessment(doc({ indicators: [quantitative('7', 100, [30, 28, 26])] }));
    expect(read.ok && read.value.indicators[0]).toMatchObject({ direction: 'lower' });
    expect(codes(read.issues)).toEqual([['direction-lower-from-targets', 'info', 'indicators[0].targets']]);
    expect(read.issues[0]?.message.en).toContain('"direction": "lower"');
  });

  test('with "direction": "lower" stated there is nothing to say', () => {
    expect(readAssessment(doc({ indicators: [quantitative('7', 100, [30, 28, 26], { direction: 'lower' })] })).issues).toEqual([]);
  });
});

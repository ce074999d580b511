import { breakPieces, fontRuns, layoutLines, type FontFace } from '../../src/documents/textLayout';

const thai: FontFace = { name: 'thai', hasCodePoint: (cp) => cp >= 0x0e00 && cp <= 0x0e7f };
const latin: FontFace = { name: 'latin', hasCodePoint: (cp) => cp < 0x0250 };
const symbols: FontFace = { name: 'symbols', hasCodePoint: (cp) => cp === 0x2713 || cp === 0x2717 };
const faces = [thai, latin, symbols];
/** Every grapheme 10 wide. */
const measure = (text: string) => [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)].length * 10;

test('Thai breaks only between words (ICU), and the pieces join back to the text', () => {
  const text = 'การประเมินสถานะหน่วยงานในการเป็นระบบราชการ';
  expect(breakPieces(text).join('')).toBe(text);
  expect(breakPieces(text).length).toBeGreaterThan(3);
  const lines = layoutLines(text, 100, faces, measure);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.join('')).toBe(text);
  // Every line ends where a word ends.
  const boundaries = new Set(breakPieces(text).reduce<number[]>((acc, p) => [...acc, (acc[acc.length - 1] ?? 0) + p.length], []));
  let at = 0;
  for (const line of lines) expect(boundaries.has((at += line.length))).toBe(true);
});

test('no break after an opening bracket or before a closing one, ๆ or %', () => {
  expect(breakPieces('ไมครอน (PM 2.5)')).not.toContain('(');
  expect(breakPieces('ต่างๆ 85%').some((p) => p.startsWith('ๆ') || p.startsWith('%'))).toBe(false);
});

test('a grapheme never leaves its marks: tone marks stay in the Thai run, ✓ goes to the symbol face', () => {
  expect(fontRuns('น้ำ ABC ✓', faces)).toEqual([
    { text: 'น้ำ ', font: 'thai' },
    { text: 'ABC ', font: 'latin' },
    { text: '✓', font: 'symbols' },
  ]);
});

test('a word longer than the line is cut between graphemes, and line breaks in the text are kept', () => {
  const lines = layoutLines('ญี่ปุ่นญี่ปุ่นญี่ปุ่น\nที่', 40, faces, measure);
  expect(lines.join('')).toBe('ญี่ปุ่นญี่ปุ่นญี่ปุ่นที่');
  expect(lines[lines.length - 1]).toBe('ที่');
  for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(40);
});

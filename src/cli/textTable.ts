/**
 * A plain terminal table that lines up Thai text. Generic table packages measure Thai above/below vowels and
 * tone marks (สระบน-ล่าง, วรรณยุกต์) as a column each, which breaks the alignment; here a column is a grapheme.
 */
const segmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

function isWide(codePoint: number): boolean {
  // CJK and full-width forms take two columns in a terminal.
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff)
  );
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += isWide(segment.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

export function truncate(text: string, maxWidth: number): string {
  if (displayWidth(text) <= maxWidth) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (displayWidth(out + segment) > maxWidth - 1) break;
    out += segment;
  }
  return `${out}…`;
}

export type Align = 'left' | 'right';

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ''))));
  const pad = (text: string, c: number): string => {
    const gap = ' '.repeat((widths[c] ?? 0) - displayWidth(text));
    return align[c] === 'right' ? gap + text : text + gap;
  };
  const line = (cells: readonly string[]): string => `│ ${cells.map((cell, c) => pad(cell, c)).join(' │ ')} │`;
  const rule = (left: string, mid: string, right: string): string => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  return [rule('┌', '┬', '┐'), line(header), rule('├', '┼', '┤'), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}

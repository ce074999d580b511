/**
 * Lines of Thai text without spaces: Thai writes no space between words, so a line may break only where a word
 * ends. `Intl.Segmenter('th', { granularity: 'word' })` (ICU's dictionary) gives those places; this module lays
 * words into lines of a given width and splits each line into runs of one font (Sarabun's Thai and Latin files,
 * then a symbol font for ✓ ✗), so every run is shaped whole by fontkit with its GSUB/GPOS marks.
 */

export interface FontFace {
  readonly name: string;
  readonly hasCodePoint: (cp: number) => boolean;
}

export interface Run {
  readonly text: string;
  readonly font: string;
}

/** Width of `text` drawn in `font` at the current size. */
export type Measure = (text: string, font: string) => number;

const words = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** The pieces between break opportunities (words, spaces, punctuation), in order; joined they give the text back. */
export function breakPieces(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of words.segment(text)) {
    const previous = out[out.length - 1];
    // No break after an opening bracket or quote, nor before closing punctuation or ๆ (it repeats the word before).
    if (previous !== undefined && (OPENING.test(previous) || CLOSING.test(segment))) out[out.length - 1] = previous + segment;
    else out.push(segment);
  }
  return out;
}

const OPENING = /[([{“‘"'<]$/u;
const CLOSING = /^[)\]}”’"'>,.:;!?%ๆฯ]/u;

function isShared(cp: number): boolean {
  // Spaces and the zero-width characters go with their neighbours' font.
  return cp === 0x20 || cp === 0xa0 || cp === 0x200b || cp === 0x200c || cp === 0x200d;
}

/**
 * Runs of one font: each grapheme (a base with its marks, so a tone mark never leaves its consonant) takes the
 * first face that has all its code points; a space stays in the run it is in.
 */
export function fontRuns(text: string, faces: readonly FontFace[]): Run[] {
  const runs: { text: string; font: string }[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const cps = Array.from(segment, (c) => c.codePointAt(0) as number);
    const last = runs[runs.length - 1];
    if (last && cps.every(isShared)) {
      last.text += segment;
      continue;
    }
    const face = faces.find((f) => cps.every((cp) => isShared(cp) || f.hasCodePoint(cp))) ?? faces[0];
    const name = face?.name ?? '';
    if (last && last.font === name) last.text += segment;
    else runs.push({ text: segment, font: name });
  }
  return runs;
}

export function runsWidth(runs: readonly Run[], measure: Measure): number {
  return runs.reduce((w, r) => w + measure(r.text, r.font), 0);
}

/**
 * Greedy line filling at word boundaries; a word wider than the line is cut between graphemes. Line breaks in the
 * text are kept. Spaces at the end of a line are dropped from it (they would only push the width).
 */
export function layoutLines(text: string, width: number, faces: readonly FontFace[], measure: Measure): string[] {
  const out: string[] = [];
  const widthOf = (t: string): number => runsWidth(fontRuns(t, faces), measure);
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    const push = (): void => {
      out.push(line.replace(/\s+$/, ''));
      line = '';
    };
    for (const piece of breakPieces(paragraph)) {
      if (line !== '' && widthOf(line + piece.replace(/\s+$/, '')) > width) {
        push();
        if (/^\s+$/.test(piece)) continue;
      }
      if (line === '' && widthOf(piece) > width) {
        for (const { segment } of graphemes.segment(piece)) {
          if (line !== '' && widthOf(line + segment) > width) push();
          line += segment;
        }
        continue;
      }
      line += piece;
    }
    push();
  }
  return out;
}

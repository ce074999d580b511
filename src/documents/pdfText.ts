/**
 * Text on a pdfkit page, shaped and broken for Thai: each line is laid out by `textLayout.ts` and drawn run by
 * run (one font per run, on a common baseline). pdfkit shapes each run with fontkit (GSUB/GPOS: the Thai marks'
 * `mark` and `mkmk` positions) and embeds only the glyphs used.
 */
import PDFDocument from 'pdfkit';
import { fontFaces, type ReportFonts, type Weight } from './fontFaces';
import { fontRuns, layoutLines, runsWidth, type FontFace, type Measure } from './textLayout';

/** What fontkit exposes on a pdfkit font (its `font`); used only to ask which code points a face draws. */
interface FontkitFace {
  readonly font: { hasGlyphForCodePoint(cp: number): boolean };
}

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly color?: string;
}

/** Line height as a multiple of the size: Thai stacks marks above and below, Sarabun's ascent + descent is 1.3 em. */
export const LINE_HEIGHT = 1.4;
const ASCENT = 1.068;

/** The baseline of a line whose top is at `y`: Sarabun's ascent below the line's top, the spare leading split. */
export function baselineOf(y: number, size: number): number {
  return y + (size * (LINE_HEIGHT - 1.3)) / 2 + size * ASCENT;
}

export class PdfText {
  readonly doc: PDFKit.PDFDocument;
  private readonly faces = new Map<Weight, FontFace[]>();

  constructor(doc: PDFKit.PDFDocument, fonts: ReportFonts) {
    this.doc = doc;
    for (const weight of [400, 700] as const) {
      const list: FontFace[] = [];
      for (const file of fontFaces(weight)) {
        const bytes = fonts.get(file.name);
        if (bytes === undefined) throw new Error(`the report's font ${file.name} was not loaded`);
        // pdfkit's types say Buffer; its node and browser builds both read a Uint8Array.
        doc.registerFont(file.name, bytes as Buffer);
        doc.font(file.name);
        const face = (doc as unknown as { _font: FontkitFace })._font.font;
        list.push({ name: file.name, hasCodePoint: (cp) => face.hasGlyphForCodePoint(cp) });
      }
      this.faces.set(weight, list);
    }
  }

  private facesOf(style: TextStyle): FontFace[] {
    return this.faces.get(style.bold ? 700 : 400) as FontFace[];
  }

  /** Widths already measured: line filling measures each growing line again, and fontkit's layout is not cheap. */
  private readonly widths = new Map<string, number>();

  private measure(style: TextStyle): Measure {
    return (text, font) => {
      const key = `${font}\u0000${style.size}\u0000${text}`;
      let w = this.widths.get(key);
      if (w === undefined) {
        w = this.doc.font(font).fontSize(style.size).widthOfString(text);
        this.widths.set(key, w);
      }
      return w;
    };
  }

  lines(text: string, width: number, style: TextStyle): string[] {
    return layoutLines(text, width, this.facesOf(style), this.measure(style));
  }

  width(text: string, style: TextStyle): number {
    return runsWidth(fontRuns(text, this.facesOf(style)), this.measure(style));
  }

  lineHeight(style: TextStyle): number {
    return style.size * LINE_HEIGHT;
  }

  /** Draws one line with its top at `y`; nothing wraps. */
  line(text: string, x: number, y: number, width: number, style: TextStyle): void {
    const runs = fontRuns(text, this.facesOf(style));
    const measure = this.measure(style);
    const total = runsWidth(runs, measure);
    let cx = style.align === 'right' ? x + width - total : style.align === 'center' ? x + (width - total) / 2 : x;
    const baseline = baselineOf(y, style.size);
    this.doc.fillColor(style.color ?? '#000000');
    // The text a reader copies or a search finds: glyphs alone give it back wrongly, as a font decomposes ำ into
    // two glyphs (nikhahit + sara aa) and shaping moves marks away from their place in the string.
    this.doc.markContent('Span', { actual: text });
    for (const run of runs) {
      this.doc.font(run.font).fontSize(style.size).text(run.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
      cx += measure(run.text, run.font);
    }
    this.doc.endMarkedContent();
  }

  /** Draws wrapped text from `y`; returns the height used. */
  block(text: string, x: number, y: number, width: number, style: TextStyle): number {
    const lines = this.lines(text, width, style);
    lines.forEach((l, i) => this.line(l, x, y + i * this.lineHeight(style), width, style));
    return lines.length * this.lineHeight(style);
  }
}

export function newPdf(): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    // No standard font: pdfkit's browser build has none registered (Helvetica would throw there), and every run of
    // text sets its own Sarabun face before it is drawn.
    font: null as unknown as string,
    info: { Producer: 'Scorebook', Creator: 'Scorebook' },
  });
}

/**
 * The report model drawn as an A4 PDF: the heading and totals on a portrait page, the indicator table on
 * landscape pages (its header repeated on each), the explanations and the signature block in portrait again,
 * and "หน้า ๑ / ๓" on every page once the page count is known.
 */
import { toThaiDigits } from '../domain';
import type { ReportFonts } from './fontFaces';
import { newPdf, PdfText, type TextStyle } from './pdfText';
import type { ReportModel, ReportRow, SubtotalRow, TotalLine } from './reportModel';

const A4 = { short: 595.28, long: 841.89 };
const MARGIN = 42;
const FOOTER = 28;
const PAD = 4;
const BODY: TextStyle = { size: 16 };
const TABLE: TextStyle = { size: 12 };
const TABLE_BOLD: TextStyle = { size: 12, bold: true };
const SHADE = '#eeeeee';

interface Column {
  readonly width: number;
  readonly align: 'left' | 'center' | 'right';
}

/** The PDF's bytes, with the fonts given (nodeFonts.ts or browserFonts.ts): pdfkit's chunks are Buffers in node, Uint8Arrays in a browser. */
export async function renderReportPdfWith(model: ReportModel, fonts: ReportFonts): Promise<Uint8Array> {
  const doc = newPdf();
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const t = new PdfText(doc, fonts);
  const page = new PageFlow(doc);

  drawHeading(t, page, model);
  drawTable(t, page, model);
  drawNotes(t, page, model);
  drawSignatures(t, page, model);
  drawPageNumbers(t, model);

  doc.end();
  await done;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

/** Where the next thing goes, and a new page (of the orientation asked) when it does not fit. */
class PageFlow {
  y = 0;
  width = 0;
  height = 0;
  constructor(private readonly doc: PDFKit.PDFDocument) {}
  add(layout: 'portrait' | 'landscape'): void {
    this.doc.addPage({ size: 'A4', layout, margin: 0 });
    this.width = layout === 'portrait' ? A4.short : A4.long;
    this.height = layout === 'portrait' ? A4.long : A4.short;
    this.y = MARGIN;
  }
  get bottom(): number {
    return this.height - MARGIN - FOOTER;
  }
  get inner(): number {
    return this.width - 2 * MARGIN;
  }
  fits(h: number): boolean {
    return this.y + h <= this.bottom;
  }
}

function drawHeading(t: PdfText, page: PageFlow, model: ReportModel): void {
  page.add('portrait');
  const centered = (text: string | null, style: TextStyle): void => {
    if (text === null) return;
    page.y += t.block(text, MARGIN, page.y, page.inner, { ...style, align: 'center' });
  };
  centered(model.title, { size: 20, bold: true });
  centered(model.agency, { size: 18, bold: true });
  centered(model.assessmentTitle, BODY);
  centered(model.fiscalYear, BODY);
  centered(model.period, BODY);
  centered(model.generatedOn, { size: 14, color: '#444444' });
  page.y += 16;
  drawTotals(t, page, model.totals, MARGIN + 40, page.inner - 80, BODY);
}

function drawTotals(t: PdfText, page: PageFlow, totals: readonly TotalLine[], x: number, width: number, style: TextStyle): void {
  const valueWidth = 110;
  for (const line of totals) {
    const labelLines = t.lines(line.label, width - valueWidth - 2 * PAD, style);
    const h = labelLines.length * t.lineHeight(style) + 2 * PAD;
    if (!page.fits(h)) page.add('portrait');
    const bold = { ...style, bold: true };
    t.doc.lineWidth(0.5).rect(x, page.y, width, h).stroke('#000000');
    labelLines.forEach((l, i) => t.line(l, x + PAD, page.y + PAD + i * t.lineHeight(style), width - valueWidth - 2 * PAD, bold));
    t.line(line.value, x + width - valueWidth, page.y + PAD, valueWidth - PAD, { ...bold, align: 'right' });
    page.y += h;
  }
}

function columnsFor(model: ReportModel, inner: number): Column[] {
  const levels = model.levels.length;
  const target = levels > 3 ? 50 : 60;
  const fixed = [40, 0, 60, 50, ...Array<number>(levels).fill(target), 96, 54, 66, 66];
  const name = Math.max(120, inner - fixed.reduce((a, b) => a + b, 0));
  return fixed.map((w, i) => ({
    width: i === 1 ? name : w,
    align: i === 0 || i === 2 || i === fixed.length - 1 ? 'center' : i === 1 ? 'left' : i === 4 + levels ? 'center' : 'right',
  }));
}

function drawTable(t: PdfText, page: PageFlow, model: ReportModel): void {
  page.add('landscape');
  const cols = columnsFor(model, page.inner);
  const L = model.labels.columns;
  const levels = model.levels.length;
  const xs = cols.reduce<number[]>((acc, c) => [...acc, (acc[acc.length - 1] as number) + c.width], [MARGIN]);
  const lh = t.lineHeight(TABLE);

  // A figure with no break opportunity (2,874.79, or wider in Thai digits) is set smaller rather than cut in two.
  const fit = (text: string, avail: number, style: TextStyle): TextStyle => {
    if (!/^[-–+0-9๐-๙.,%]+$/u.test(text)) return style;
    const w = t.width(text, style);
    return w <= avail ? style : { ...style, size: Math.max(7, (style.size * avail) / w) };
  };

  const cell = (
    text: string,
    from: number,
    to: number,
    y: number,
    h: number,
    style: TextStyle,
    align: Column['align'],
    fill?: string,
    indent = 0,
  ): void => {
    const x = xs[from] as number;
    const w = (xs[to + 1] as number) - x;
    if (fill) t.doc.rect(x, y, w, h).fill(fill);
    t.doc.lineWidth(0.5).rect(x, y, w, h).stroke('#000000');
    const fitted = fit(text, w - 2 * PAD - indent, style);
    const lines = t.lines(text, w - 2 * PAD - indent, fitted);
    const top = y + (h - lines.length * lh) / 2;
    lines.forEach((l, i) => t.line(l, x + PAD + indent, top + i * lh, w - 2 * PAD - indent, { ...fitted, align }));
  };

  const header = (): void => {
    const h = 2 * lh + 2 * PAD;
    const y = page.y;
    const spanned = (text: string, i: number): void => cell(text, i, i, y, 2 * h, TABLE_BOLD, 'center', SHADE);
    [L.number, L.indicator, L.unit, L.weight].forEach((text, i) => spanned(text, i));
    cell(L.targets, 4, 3 + levels, y, h, TABLE_BOLD, 'center', SHADE);
    model.levels.forEach((name, i) => cell(name, 4 + i, 4 + i, y + h, h, TABLE_BOLD, 'center', SHADE));
    [L.result, L.score, L.weighted, L.status].forEach((text, i) => spanned(text, 4 + levels + i));
    page.y += 2 * h;
  };

  const heightOf = (
    texts: readonly string[],
    spans: readonly [number, number][],
    style: TextStyle,
    indents: readonly number[] = [],
  ): number => {
    const lines = texts.map((text, i) => {
      const [from, to] = spans[i] as [number, number];
      const avail = (xs[to + 1] as number) - (xs[from] as number) - 2 * PAD - (indents[i] ?? 0);
      return t.lines(text, avail, fit(text, avail, style)).length;
    });
    return Math.max(1, ...lines) * lh + 2 * PAD;
  };

  const ensure = (h: number): void => {
    if (page.fits(h)) return;
    page.add('landscape');
    header();
  };

  const last = cols.length - 1;
  const indicatorRow = (row: ReportRow): void => {
    const texts = [row.number, row.name, row.unit, row.weight, ...row.targets, row.result, row.score, row.weightedScore, row.status];
    const spans = texts.map((_, i) => [i, i] as [number, number]);
    const indents = [0, row.depth * 12];
    const h = heightOf(texts, spans, TABLE, indents);
    ensure(h);
    texts.forEach((text, i) => cell(text, i, i, page.y, h, TABLE, (cols[i] as Column).align, undefined, indents[i] ?? 0));
    page.y += h;
  };

  const summaryRow = (label: string, score: string, weighted: string): void => {
    const spanEnd = 3 + levels + 1;
    const texts = [label, score, weighted, ''];
    const spans: [number, number][] = [
      [0, spanEnd],
      [spanEnd + 1, spanEnd + 1],
      [spanEnd + 2, spanEnd + 2],
      [last, last],
    ];
    const h = heightOf(texts, spans, TABLE_BOLD);
    ensure(h);
    cell(label, 0, spanEnd, page.y, h, TABLE_BOLD, 'right', SHADE);
    cell(score, spanEnd + 1, spanEnd + 1, page.y, h, TABLE_BOLD, 'right', SHADE);
    cell(weighted, spanEnd + 2, spanEnd + 2, page.y, h, TABLE_BOLD, 'right', SHADE);
    cell('', last, last, page.y, h, TABLE_BOLD, 'center', SHADE);
    page.y += h;
  };

  header();
  for (const section of model.sections) {
    if (section.title !== null) {
      const h = heightOf([section.title], [[0, last]], TABLE_BOLD);
      ensure(h + lh + 2 * PAD);
      cell(section.title, 0, last, page.y, h, TABLE_BOLD, 'left');
      page.y += h;
    }
    for (const row of section.rows) {
      if (row.kind === 'indicator') indicatorRow(row);
      else summaryRow((row as SubtotalRow).label, row.score, row.weightedScore);
    }
  }
  for (const total of model.totals) summaryRow(total.label, '', total.value);
}

function drawNotes(t: PdfText, page: PageFlow, model: ReportModel): void {
  page.add('portrait');
  page.y += t.block(model.labels.notesHeading, MARGIN, page.y, page.inner, { size: 18, bold: true });
  page.y += 6;
  const lh = t.lineHeight(BODY);
  const paragraph = (text: string, style: TextStyle, indent: number): void => {
    for (const line of t.lines(text, page.inner - indent, style)) {
      if (!page.fits(lh)) page.add('portrait');
      t.line(line, MARGIN + indent, page.y, page.inner - indent, style);
      page.y += lh;
    }
  };
  for (const note of model.notes) {
    if (!page.fits(3 * lh)) page.add('portrait');
    page.y += 4;
    paragraph(`${note.number}  ${note.name}`, { ...BODY, bold: true }, 0);
    const labelled: [string, string | null][] = [
      [model.labels.explanation, note.explanation],
      [model.labels.obstacles, note.obstacles],
      [model.labels.remarks, note.remarks],
    ];
    for (const [label, text] of labelled) {
      if (text === null) continue;
      paragraph(label, { ...BODY, bold: true }, 16);
      paragraph(text, BODY, 32);
    }
    if (note.evidence.length > 0) {
      paragraph(model.labels.evidence, { ...BODY, bold: true }, 16);
      note.evidence.forEach((name) => paragraph(`• ${name}`, BODY, 32));
    }
  }
}

function drawSignatures(t: PdfText, page: PageFlow, model: ReportModel): void {
  const L = model.labels;
  const lh = t.lineHeight(BODY);
  const blockHeight = 6 * lh;
  if (!page.fits(blockHeight + 2 * lh)) page.add('portrait');
  page.y += 2 * lh;
  const half = page.inner / 2;
  const dots = '.'.repeat(40);
  [L.reporter, L.certifier].forEach((role, i) => {
    const x = MARGIN + i * half;
    const lines = [`${L.signature} ${dots}`, `(${dots})`, `${L.position} ${dots}`, `${L.date} ${'.'.repeat(36)}`, role];
    lines.forEach((line, j) => t.line(line, x, page.y + j * lh, half - 8, { ...BODY, align: 'center', bold: j === lines.length - 1 }));
  });
  page.y += blockHeight;
}

function drawPageNumbers(t: PdfText, model: ReportModel): void {
  const range = t.doc.bufferedPageRange();
  // Thai documents number pages in Thai digits ("หน้า ๑ / ๓"); English ones in Arabic digits.
  const digits = (n: number): string => (model.locale === 'th' || model.thaiDigits ? toThaiDigits(String(n)) : String(n));
  for (let i = 0; i < range.count; i++) {
    t.doc.switchToPage(range.start + i);
    const { width, height } = t.doc.page;
    t.line(model.labels.page(digits(i + 1), digits(range.count)), MARGIN, height - MARGIN - 4, width - 2 * MARGIN, {
      size: 14,
      align: 'center',
    });
  }
}

/**
 * The report model as a Word document (`docx`, MIT): the same sections as the PDF, as editable paragraphs and
 * real Word tables (header rows repeated on every page), in TH Sarabun New at 16 pt by name (Word substitutes
 * a Thai font where it is not installed); the table section in landscape.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { ReportModel, ReportRow, SubtotalRow } from './reportModel';

export const DOCX_FONT = 'TH Sarabun New';
/** Half-points: 16 pt body, 12 pt in the landscape table (TH Sarabun New draws small: 12 pt fits 2,874.79 in a target column). */
const BODY = 32;
const TABLE = 24;
/** A4 in twentieths of a point. */
const A4 = { short: 11906, long: 16838 };
const MARGIN = 1134;
const SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' };

function run(text: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  const size = options.size ?? BODY;
  return new TextRun({ text, bold: options.bold, boldComplexScript: options.bold, size, sizeComplexScript: size });
}

function para(
  text: string,
  options: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align,
    indent: options.indent === undefined ? undefined : { left: options.indent },
    children: [run(text, options)],
  });
}

function footer(model: ReportModel): { default: Footer } {
  const [before, middle] = model.labels.page('\u0000', '\u0000').split('\u0000') as [string, string];
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({ children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES], size: TABLE, sizeComplexScript: TABLE }),
          ],
        }),
      ],
    }),
  };
}

function page(orientation: 'portrait' | 'landscape'): ISectionOptions['properties'] {
  return {
    page: {
      // docx swaps width and height itself for landscape.
      size: {
        width: A4.short,
        height: A4.long,
        orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
      },
      margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    },
  };
}

function cell(
  text: string,
  options: {
    bold?: boolean;
    span?: number;
    rowSpan?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    shade?: boolean;
    indent?: number;
  } = {},
): TableCell {
  return new TableCell({
    columnSpan: options.span,
    rowSpan: options.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    shading: options.shade ? SHADE : undefined,
    children: text.split('\n').map((line) => para(line, { bold: options.bold, size: TABLE, align: options.align, indent: options.indent })),
  });
}

function table(model: ReportModel): Table {
  const L = model.labels.columns;
  const levels = model.levels.length;
  const head = { bold: true, shade: true, align: AlignmentType.CENTER };
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: [
        ...[L.number, L.indicator, L.unit, L.weight].map((t) => cell(t, { ...head, rowSpan: 2 })),
        cell(L.targets, { ...head, span: levels }),
        ...[L.result, L.score, L.weighted, L.status].map((t) => cell(t, { ...head, rowSpan: 2 })),
      ],
    }),
    new TableRow({ tableHeader: true, children: model.levels.map((name) => cell(name, head)) }),
  ];
  const total = 8 + levels;
  const summary = (label: string, score: string, weighted: string): TableRow =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(label, { bold: true, shade: true, span: 5 + levels, align: AlignmentType.RIGHT }),
        cell(score, { bold: true, shade: true, align: AlignmentType.RIGHT }),
        cell(weighted, { bold: true, shade: true, align: AlignmentType.RIGHT }),
        cell('', { shade: true }),
      ],
    });
  const indicator = (row: ReportRow): TableRow =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(row.number, { align: AlignmentType.CENTER }),
        cell(row.name, { indent: row.depth * 240 }),
        cell(row.unit, { align: AlignmentType.CENTER }),
        cell(row.weight, { align: AlignmentType.RIGHT }),
        ...row.targets.map((t) => cell(t, { align: AlignmentType.RIGHT })),
        cell(row.result, { align: AlignmentType.CENTER }),
        cell(row.score, { align: AlignmentType.RIGHT }),
        cell(row.weightedScore, { align: AlignmentType.RIGHT }),
        cell(row.status, { align: AlignmentType.CENTER }),
      ],
    });
  for (const section of model.sections) {
    if (section.title !== null) rows.push(new TableRow({ cantSplit: true, children: [cell(section.title, { bold: true, span: total })] }));
    for (const row of section.rows) {
      rows.push(row.kind === 'indicator' ? indicator(row) : summary((row as SubtotalRow).label, row.score, row.weightedScore));
    }
  }
  for (const t of model.totals) rows.push(summary(t.label, '', t.value));
  const widths = [6, 0, 8, 6, ...Array<number>(levels).fill(levels > 3 ? 7 : 8), 11, 7, 8, 8];
  widths[1] = 100 - widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths.map((w) => Math.round(((A4.long - 2 * MARGIN) * w) / 100)),
    rows,
  });
}

function totalsTable(model: ReportModel): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: model.totals.map(
      (t) => new TableRow({ children: [cell(t.label, { bold: true }), cell(t.value, { bold: true, align: AlignmentType.RIGHT })] }),
    ),
  });
}

function signatures(model: ReportModel): Table {
  const L = model.labels;
  const dots = '.'.repeat(40);
  const block = (role: string): TableCell =>
    new TableCell({
      borders: { top: none, bottom: none, left: none, right: none },
      children: [`${L.signature} ${dots}`, `(${dots})`, `${L.position} ${dots}`, `${L.date} ${'.'.repeat(36)}`]
        .map((t) => para(t, { align: AlignmentType.CENTER }))
        .concat(para(role, { bold: true, align: AlignmentType.CENTER })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ cantSplit: true, children: [block(L.reporter), block(L.certifier)] })],
  });
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** The report as a Word document, packed by the caller: `Packer.toBuffer` in node, `Packer.toBlob` in the pane. */
export function reportDocx(model: ReportModel): Document {
  const heading = [
    para(model.title, { bold: true, size: 40, align: AlignmentType.CENTER }),
    ...(model.agency === null ? [] : [para(model.agency, { bold: true, size: 36, align: AlignmentType.CENTER })]),
    para(model.assessmentTitle, { align: AlignmentType.CENTER }),
    para(model.fiscalYear, { align: AlignmentType.CENTER }),
    ...(model.period === null ? [] : [para(model.period, { align: AlignmentType.CENTER })]),
    ...(model.generatedOn === null ? [] : [para(model.generatedOn, { size: 28, align: AlignmentType.CENTER })]),
    para(''),
  ];
  const notes: Paragraph[] = [para(model.labels.notesHeading, { bold: true, size: 36 })];
  for (const note of model.notes) {
    notes.push(para(`${note.number}  ${note.name}`, { bold: true }));
    for (const [label, text] of [
      [model.labels.explanation, note.explanation],
      [model.labels.obstacles, note.obstacles],
      [model.labels.remarks, note.remarks],
    ] as const) {
      if (text === null) continue;
      notes.push(para(label, { bold: true, indent: 360 }));
      text.split(/\r\n?|\n/).forEach((line) => notes.push(para(line, { indent: 720 })));
    }
    if (note.evidence.length > 0) {
      notes.push(para(model.labels.evidence, { bold: true, indent: 360 }));
      note.evidence.forEach((name) => notes.push(para(`• ${name}`, { indent: 720 })));
    }
  }
  return new Document({
    creator: 'Scorebook',
    title: model.title,
    styles: {
      default: {
        document: {
          run: { font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT }, size: BODY, sizeComplexScript: BODY },
        },
      },
    },
    sections: [
      { properties: page('portrait'), footers: footer(model), children: [...heading, totalsTable(model)] },
      { properties: page('landscape'), footers: footer(model), children: [table(model)] },
      { properties: page('portrait'), footers: footer(model), children: [...notes, para(''), signatures(model)] },
    ],
  });
}

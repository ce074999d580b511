/**
 * The definitions sheet in the pane (central staff), apart from React so its round trips are counted on the
 * recording fake: write it from an assessment document (the server's or a file's) with one guarded write, and
 * read it back — both sheets, their number formats and merged areas — in one read, into the document to publish
 * and the issues at their cells.
 *
 * The sheet is a person's work (they edit targets and weights in it), so a pair of that name already there with
 * anything typed that the write would change is asked about first (the replace guard): open the new one beside it
 * ("ตัวชี้วัด (2)" with "ตั้งค่าชุดตัวชี้วัด (2)"), or replace as a second explicit step.
 */
import { allIndicators, assessmentDocumentSchema, readAssessment, type AssessmentDocument, type Issue, type Locale } from '../../domain';
import { DEFINITIONS_SETTINGS_SHEET, DEFINITIONS_SHEET, definitionsSheetPlan, readDefinitionsSheet } from '../../workbook';
import type { DefinitionsReading } from '../../workbook/definitions';
import type { WriteOp, WritePlan } from '../../workbook/plan';
import { applyChecked, type ReadResult, type WorkbookPort } from '../../workbook/port';
import { sheetLoss, type SheetLoss } from '../../workbook/replaceGuard';
import { loadAssessment, type LoadResult } from './loadAssessment';
import type { AskReplace } from './replaceCheck';

/** The two sheets of one definitions table. */
export interface DefinitionsPair {
  readonly sheet: string;
  readonly settings: string;
}

/** Where a definitions sheet is looked for when the pane has not written one this session: Thai names, then English. */
export const DEFAULT_PAIRS: readonly DefinitionsPair[] = [
  { sheet: DEFINITIONS_SHEET.th, settings: DEFINITIONS_SETTINGS_SHEET.th },
  { sheet: DEFINITIONS_SHEET.en, settings: DEFINITIONS_SETTINGS_SHEET.en },
];

export const pairOf = (locale: Locale): DefinitionsPair => ({
  sheet: DEFINITIONS_SHEET[locale],
  settings: DEFINITIONS_SETTINGS_SHEET[locale],
});

/** The plan written under other sheet names (the total-weight formula names no sheet, so it moves as it is). */
export function renamedPlan(plan: WritePlan, from: DefinitionsPair, to: DefinitionsPair): WritePlan {
  const rename = (s: string): string => (s === from.sheet ? to.sheet : s === from.settings ? to.settings : s);
  return { ...plan, ops: plan.ops.map((op): WriteOp => ('sheet' in op ? ({ ...op, sheet: rename(op.sheet) } as WriteOp) : op)) };
}

/** Both sheets' losses as one question (the settings sheet's cells counted with the indicators'). */
function lossOf(plan: WritePlan, read: ReadResult, pair: DefinitionsPair): SheetLoss | undefined {
  const losses = read.ranges.flatMap((grid) => (grid ? [sheetLoss(plan, grid)] : [])).filter((l): l is SheetLoss => l !== undefined);
  if (losses.length === 0) return undefined;
  return {
    sheet: losses.length > 1 ? `${pair.sheet}, ${pair.settings}` : losses[0]!.sheet,
    cells: losses.reduce((n, l) => n + l.cells, 0),
    results: [],
    notes: [],
    unsent: [],
    ownColumns: [],
    otherCells: losses.reduce((n, l) => n + l.otherCells, 0),
  };
}

export interface WriteDefinitionsInput {
  readonly port: WorkbookPort;
  readonly document: AssessmentDocument;
  readonly locale: Locale;
  /** The replace guard (useReplaceGuard's `ask`); undefined: the person cancelled. */
  readonly ask: AskReplace;
  readonly freeSheetName: (port: WorkbookPort, base: string) => Promise<string>;
}

export type WriteDefinitionsResult =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'written'; readonly pair: DefinitionsPair; readonly indicators: number; readonly roundTrips: number };

/**
 * One guarded write (its read rides on the write's round trips); only when a person's cells would go, the
 * question, a free name (one read per name tried) and a second write.
 */
export async function writeDefinitionsSheet(input: WriteDefinitionsInput): Promise<WriteDefinitionsResult> {
  const { port, document, locale } = input;
  const pair = pairOf(locale);
  const plan = definitionsSheetPlan(document, locale);
  const model = readAssessment(document);
  const indicators = model.ok ? allIndicators(model.value).length : 0;
  let loss: SheetLoss | undefined;
  const report = await applyChecked(port, plan, {
    read: {
      ranges: [
        { sheet: pair.sheet, optional: true, formulas: true },
        { sheet: pair.settings, optional: true, formulas: true },
      ],
    },
    proceed: (read) => {
      loss = lossOf(plan, read, pair);
      return loss === undefined;
    },
  });
  if (report) return { kind: 'written', pair, indicators, roundTrips: report.roundTrips };
  const sheet = await input.freeSheetName(port, pair.sheet);
  const suffix = sheet.slice(pair.sheet.length);
  const choice = await input.ask(loss!, { newSheet: sheet, canKeep: false });
  if (choice === undefined || choice === 'keep-mine') return { kind: 'cancelled' };
  const target = choice === 'new-sheet' ? { sheet, settings: `${pair.settings}${suffix}`.slice(0, 31) } : pair;
  const written = await port.apply(choice === 'new-sheet' ? renamedPlan(plan, pair, target) : plan);
  return { kind: 'written', pair: target, indicators, roundTrips: written.roundTrips };
}

/** What the live check found: which pair it read, and the reading (document only when nothing is an error). */
export interface DefinitionsCheck {
  readonly pair: DefinitionsPair;
  readonly reading: DefinitionsReading;
  readonly errors: number;
}

/**
 * The definitions sheet as it is now: the pairs asked (the one the pane wrote first), every sheet of them in ONE
 * read, with number formats (a percent format is an error at its cell) and merged areas. Undefined when no pair
 * is in the workbook.
 */
export async function readDefinitions(port: WorkbookPort, pairs: readonly DefinitionsPair[]): Promise<DefinitionsCheck | undefined> {
  const read = await port.read({
    ranges: pairs.flatMap((p) => [
      { sheet: p.sheet, optional: true, numberFormats: true, merges: true },
      { sheet: p.settings, optional: true },
    ]),
  });
  for (const [i, pair] of pairs.entries()) {
    const grid = read.ranges[2 * i];
    if (!grid) continue;
    const settings = read.ranges[2 * i + 1];
    const reading = readDefinitionsSheet(grid, { ...(settings ? { settings } : {}), ...(grid.merges ? { merges: grid.merges } : {}) });
    return { pair, reading, errors: reading.issues.filter((x) => x.severity === 'error').length };
  }
  return undefined;
}

/** The checked sheet as the publish panel takes a file: the document and its warnings, or the errors at their cells. */
export function definitionsLoad(check: DefinitionsCheck): LoadResult {
  const { reading, pair } = check;
  if (!reading.document) return { ok: false, issues: reading.issues };
  const loaded = loadAssessment(reading.document, pair.sheet);
  if (!loaded.ok) return loaded;
  // The sheet's own findings (at their cells) stand for the domain's, which it already moved to the cells.
  const warnings: readonly Issue[] = reading.issues;
  return { ok: true, value: { ...loaded.value, warnings } };
}

/** A JSON file's or the server's document, validated as a file is, for writing into the sheet. */
export function documentOf(loaded: LoadResult): { ok: true; document: AssessmentDocument } | { ok: false; issues: readonly Issue[] } {
  if (!loaded.ok) return loaded;
  const parsed = assessmentDocumentSchema.safeParse(loaded.value.document);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((e) => ({
        code: 'definitions-document-invalid',
        severity: 'error' as const,
        path: e.path.join('.'),
        message: { th: `เอกสารชุดตัวชี้วัดไม่ถูกต้อง: ${e.message}`, en: `The assessment document is not valid: ${e.message}` },
      })),
    };
  }
  return { ok: true, document: parsed.data };
}

/**
 * The definitions a linked sheet was made from against the server's now, and the sheet laid out again for the new
 * ones (relayout.ts) through the port: the sheet read with its record (2 syncs in Excel), one apply (2); a sheet for
 * the values without a cell is looked for only when there are some (1 more). Independent of the number of rows.
 */
import { changesLayout, diffAssessments, type Assessment, type AssessmentDiff, type Message } from '../../domain';
import type { BindingRecord } from '../../workbook/binding';
import type { WorkbookPort } from '../../workbook/port';
import { DEFINITIONS_STRINGS } from '../definitionsStrings';
import { PaneError } from '../hooks/useAction';
import { notLinked, readSheet } from '../linkedSheet';
import { loadAssessment, type LoadedAssessment } from './loadAssessment';
import { relayoutMessage, relayoutSheet, type Relayout } from './relayout';
import { changedRows, unreadIndicators } from './serverSheet';
import { rowTextsOf } from '../../workbook/rowTexts';

export interface DefinitionsChange {
  readonly next: LoadedAssessment;
  readonly diff: AssessmentDiff;
  /** False when only reporting windows or units changed: the sheet's layout stays right. */
  readonly layout: boolean;
}

/** What the server's document changes against the assessment the sheet was made from; undefined when nothing. */
export function definitionsChange(made: Assessment, serverDocument: unknown): DefinitionsChange | undefined {
  const next = loadAssessment(serverDocument, made.id);
  if (!next.ok) throw new PaneError({ th: DEFINITIONS_STRINGS.th.serverDocInvalid, en: DEFINITIONS_STRINGS.en.serverDocInvalid });
  const diff = diffAssessments(made, next.value.assessment);
  if (diff.changes.length === 0) return undefined;
  return { next: next.value, diff, layout: changesLayout(diff) };
}

/** The sheet for values the new layout has no cell for: the first name not in the workbook. */
async function freeAsideSheet(port: WorkbookPort): Promise<string> {
  const base = `${DEFINITIONS_STRINGS.th.asideSheet} (${DEFINITIONS_STRINGS.en.asideSheet})`;
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    const read = await port.read({ ranges: [{ sheet: name, optional: true, dimensionsOnly: true }] });
    if (!read.ranges[0]) return name;
  }
  return `${base} ${Date.now()}`;
}

export interface LayoutUpdated {
  readonly sheet: string;
  readonly binding: BindingRecord;
  readonly relayout: Relayout;
  readonly asideSheet?: string;
  readonly message: Message;
}

/** The bound, linked sheet laid out for `next`, keeping everything typed in it (relayout.ts). */
export async function updateLayout(
  port: WorkbookPort,
  next: LoadedAssessment,
  options: { boundSheet?: string; central: boolean },
): Promise<LayoutUpdated> {
  const now = await readSheet(port, options.boundSheet);
  if (!now.link.target || now.record.multiUnit) throw notLinked();
  if (now.link.target.aid !== next.assessment.id) throw notLinked();
  const unsent = new Set(
    changedRows(now.assessment, now.reading.resultSet, now.link, rowTextsOf(now.grid, now.reading), unreadIndicators(now.reading)).map(
      (r) => r.indicatorId,
    ),
  );
  const input = { ...now, next, central: options.central, unsent, asideSheet: '' };
  let relayout = relayoutSheet(input);
  let asideSheet: string | undefined;
  if (relayout.aside.length > 0) {
    asideSheet = await freeAsideSheet(port);
    relayout = relayoutSheet({ ...input, asideSheet });
  }
  await port.apply(relayout.plan);
  return {
    sheet: now.record.sheet,
    binding: relayout.binding,
    relayout,
    asideSheet,
    message: relayoutMessage(now.record.sheet, relayout, asideSheet ?? ''),
  };
}

/**
 * A KPI sheet made the way the pane makes it, for tests that start from one: the Create tab's action
 * (model/createSheet.ts) and the Server tab's open (model/openFromServer.ts), each called as its component calls
 * it, over whichever port the test has. A question of the replace guard fails the test unless it gives `ask`.
 */
import type { ApiAssessmentDocument, ReportRow } from '../../src/api';
import type { BatchTarget } from '../../src/api/pending';
import { freeSheetName } from '../../src/taskpane/model/freeSheetName';
import { createSheet, type SheetKind } from '../../src/taskpane/model/createSheet';
import { loadAssessment, type LoadedAssessment } from '../../src/taskpane/model/loadAssessment';
import { openFromServer } from '../../src/taskpane/model/openFromServer';
import type { AskReplace } from '../../src/taskpane/model/replaceCheck';
import type { BindingRecord } from '../../src/workbook/binding';
import type { ApplyProgress, WorkbookPort } from '../../src/workbook/port';

export const BASE_URL = 'http://scorebook.test';

const unexpected: AskReplace = (loss) => {
  throw new Error(`the replace guard asked about ${loss.sheet}, which this test does not expect`);
};

export function loaded(document: unknown, source = 'test'): LoadedAssessment {
  const read = loadAssessment(document, source);
  if (!read.ok) throw new Error(`the assessment does not load: ${JSON.stringify(read.issues)}`);
  return read.value;
}

/** The Create tab's "create": the sheet, its binding record and the session the pane starts on it. */
export async function createdSheet(
  port: WorkbookPort,
  chosen: LoadedAssessment,
  options: { kind?: SheetKind; boundSheet?: string; ask?: AskReplace; progress?: (p: ApplyProgress) => void } = {},
): Promise<{ sheet: string; rows: number; binding: BindingRecord }> {
  const done = await createSheet({
    port,
    chosen,
    kind: options.kind ?? 'single',
    boundSheet: options.boundSheet,
    ask: options.ask ?? unexpected,
    freeSheetName,
    progress: options.progress,
  });
  if (done.kind !== 'created' || !done.binding) throw new Error('the sheet was not created');
  return { sheet: done.sheet, rows: done.rows, binding: done.binding };
}

/** The Server tab's "open" of one unit's round, the server answering with `reports` (none: nothing reported yet). */
export async function openedSheet(
  port: WorkbookPort,
  document: unknown,
  target: BatchTarget,
  options: { reports?: readonly ReportRow[]; central?: boolean; known?: { record?: BindingRecord }; ask?: AskReplace } = {},
): Promise<{ sheet: string; binding: BindingRecord }> {
  const done = await openFromServer({
    port,
    client: {
      getAssessment: async () => document as ApiAssessmentDocument,
      listReports: async () => [...(options.reports ?? [])],
    },
    baseUrl: BASE_URL,
    target,
    central: options.central ?? false,
    known: options.known,
    ask: options.ask ?? unexpected,
    freeSheetName,
  });
  if (done.kind !== 'opened') throw new Error('the sheet was not opened');
  return { sheet: done.sheet, binding: done.session.binding };
}

/**
 * What the pane's report button makes the document from: the bound sheet read once with its binding record and
 * its settings sheet (as the live check reads it), the same reading, round and statuses the pane scores with, and
 * each row's explanation, obstacles and remarks as typed. When the sheet is linked to a server round, `target`
 * says where the server's own report of it is.
 */
import type { Locale } from '../../domain';
import type { ReportInput, ReportTexts } from '../../documents/reportModel';
import { readKpiGrid, type BindingRead, type Grid } from '../../workbook';
import { rowTextsOf } from '../../workbook/rowTexts';
import type { WorkbookPort } from '../../workbook/port';
import type { BatchTarget } from '../../api/pending';
import { PaneError } from '../hooks/useAction';
import { liveScoring, settingsRequest } from './liveScoring';
import { missingSheet } from './liveCheck';
import type { Session } from './session';

export interface SheetReport {
  readonly input: ReportInput;
  /** The server round the sheet is linked to; undefined: a sheet of its own. */
  readonly target?: BatchTarget;
  /** The server the link names. */
  readonly baseUrl?: string;
}

export interface SheetReportOptions {
  readonly locale: Locale;
  readonly thaiDigits?: boolean;
  /** When the document is made (an instant). */
  readonly generatedAt?: string;
}

/** Pure: the sheet as read → the report's input (the jest test compares it with the server's for the same rows). */
export function sheetReportInput(
  session: Session,
  grid: Grid,
  binding: BindingRead | undefined,
  settings: readonly (readonly unknown[])[] | undefined,
  options: SheetReportOptions,
): SheetReport {
  const { assessment, round, statuses, link } = liveScoring(session, binding, settings);
  const read = readKpiGrid(assessment, grid, { headers: session.binding.columns });
  if (!read.ok) throw new PaneError(read.issues[0]!.message);
  const reading = read.value;
  const texts = new Map<string, ReportTexts>([...rowTextsOf(grid, reading)].map(([id, t]) => [id, t]));
  const target = link?.target;
  const unitId = target?.unit ?? (assessment.units.length === 1 ? assessment.units[0]?.id : undefined);
  return {
    input: {
      assessment,
      resultSet: {
        ...reading.resultSet,
        ...(round === undefined ? {} : { round }),
        ...(statuses === undefined ? {} : { statuses }),
      },
      unitId,
      texts,
      locale: options.locale,
      thaiDigits: options.thaiDigits ?? false,
      generatedAt: options.generatedAt,
    },
    target,
    baseUrl: link?.baseUrl,
  };
}

/** One port call: the sheet, its record and its settings sheet, as the live check reads them. */
export async function readSheetReport(port: WorkbookPort, session: Session, options: SheetReportOptions): Promise<SheetReport> {
  const settings = settingsRequest(session);
  const read = await port.read({ ranges: [{ sheet: session.binding.sheet }, ...(settings ? [settings] : [])], binding: true });
  const grid = read.ranges[0];
  if (!grid) throw new PaneError(missingSheet(session.binding.sheet).message);
  return sheetReportInput(session, grid, read.binding, read.ranges[1]?.values, options);
}

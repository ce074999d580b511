/**
 * The "overview sheet" action, apart from React so its cost is measured on the recording fake: the assessment (for
 * its scale and decimals) and the round's overview from the server, in parallel (two requests, whatever the
 * units), then one guarded write of one plan (workbook/overviewSheet.ts). The guard's read rides on the write's
 * own round trips (WorkbookPort.applyChecked): the sheet the pane made last time is its own and is rewritten in
 * place, its chart replaced; a sheet of that name a person made, or a column they typed beside the table, is
 * asked about first (the replace guard: a new sheet, or replacing as a second explicit step).
 */
import type { ApiAssessmentDocument, Overview } from '../../api';
import type { Locale } from '../../domain';
import {
  overviewHeaderRow,
  overviewSheetPlan,
  OVERVIEW_MARK,
  OVERVIEW_SHEET,
  type OverviewLayout,
  type OverviewMode,
} from '../../workbook/overviewSheet';
import { ownSheetLoss } from '../../workbook/ownSheet';
import { applyChecked, isWorkbookError, type ApplyProgress, type WorkbookPort } from '../../workbook/port';
import type { SheetLoss } from '../../workbook/replaceGuard';
import { PaneError } from '../hooks/useAction';
import { loadAssessment } from './loadAssessment';
import type { AskReplace } from './replaceCheck';

export interface OverviewClient {
  getAssessment(aid: string): Promise<ApiAssessmentDocument>;
  getOverview(aid: string, round: number): Promise<Overview>;
}

export interface OpenOverviewInput {
  readonly port: WorkbookPort;
  readonly client: OverviewClient;
  readonly aid: string;
  readonly round: number;
  readonly mode: OverviewMode;
  readonly locale: Locale;
  /** The replace guard (useReplaceGuard's `ask`); undefined: the person cancelled. */
  readonly ask: AskReplace;
  readonly freeSheetName: (port: WorkbookPort, base: string) => Promise<string>;
  /** The sheet to write (a sheet opened beside a person's earlier); the overview sheet by default. */
  readonly sheet?: string;
  /**
   * The sheet is believed there (the pane wrote it this session: a refresh), so it is read at once instead of
   * located first — one sync less; a wrong guess costs the failed sync and is asked again the other way.
   */
  readonly existing?: boolean;
  readonly progress?: (p: ApplyProgress) => void;
}

export type OpenOverviewResult =
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'opened';
      readonly sheet: string;
      readonly layout: OverviewLayout;
      readonly overview: Overview;
      readonly roundTrips: number;
    };

export async function openOverviewSheet(input: OpenOverviewInput): Promise<OpenOverviewResult> {
  const { port, client, aid, round, mode, locale } = input;
  const [document, overview] = await Promise.all([client.getAssessment(aid), client.getOverview(aid, round)]);
  const loaded = loadAssessment(document, aid);
  if (!loaded.ok) throw new PaneError(loaded.issues[0]!.message);
  const { assessment } = loaded.value;
  const make = (sheet: string) =>
    overviewSheetPlan(overview, {
      mode,
      locale,
      sheet,
      levels: assessment.scale.levels.length,
      decimals: assessment.policies.decimals,
      title: assessment.title,
    });
  const sheet = input.sheet ?? OVERVIEW_SHEET;
  let built = make(sheet);
  let loss: SheetLoss | undefined;
  const attempt = (optional: boolean) =>
    applyChecked(
      port,
      built.plan,
      {
        read: { ranges: [{ sheet, optional }] },
        proceed: (read) => {
          const grid = read.ranges[0];
          loss = grid ? ownSheetLoss(built.plan, grid, OVERVIEW_MARK, overviewHeaderRow) : undefined;
          return loss === undefined;
        },
      },
      input.progress,
    );
  let report;
  try {
    report = await attempt(!input.existing);
  } catch (e) {
    if (!(input.existing && isWorkbookError(e) && e.code === 'ItemNotFound')) throw e;
    report = await attempt(true);
  }
  if (report) return { kind: 'opened', sheet, layout: built.layout, overview, roundTrips: report.roundTrips };
  const name = await input.freeSheetName(port, sheet);
  const choice = await input.ask(loss!, { newSheet: name, canKeep: false });
  if (choice === undefined || choice === 'keep-mine') return { kind: 'cancelled' };
  const target = choice === 'new-sheet' ? name : sheet;
  built = make(target);
  const written = await port.apply(built.plan, input.progress);
  return { kind: 'opened', sheet: target, layout: built.layout, overview, roundTrips: written.roundTrips };
}

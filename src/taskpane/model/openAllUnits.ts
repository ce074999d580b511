/**
 * The "open all units" action, apart from React so its cost is measured on the recording fake: the assessment and
 * every unit's rows from the server (two requests), then one port call that reads what the target sheet and the
 * binding record hold and writes the plan when nothing typed would go and nothing is unsent (replaceCheck.ts
 * `applyUnlessLoss`: 2 syncs in Excel into a workbook without the sheet, 3 over the sheet the pane knows bound);
 * otherwise the person's choice (the replace guard: a new sheet, or replacing as a second explicit step) and one
 * apply more. The syncs follow the bytes, the same for 2 units or 500.
 *
 * The workbook has one binding record: the multi-unit sheet's replaces a unit sheet's server link. Pending batches
 * or changed rows not yet sent on the linked sheet would then be stranded, so the action stops and says so first.
 */
import type { UnitReports } from '../../api';
import type { Locale, Message } from '../../domain';
import type { ApplyProgress, WorkbookPort } from '../../workbook/port';
import { ALL_UNITS_STRINGS } from '../allUnitsStrings';
import { PaneError } from '../hooks/useAction';
import { allUnitsSheet, type AllUnitsSheet } from './allUnitsSheet';
import { loadAssessment } from './loadAssessment';
import { applyUnlessLoss, type AskReplace, type TargetNow } from './replaceCheck';
import type { Session } from './session';
import type { ApiAssessmentDocument } from '../../api';

export interface AllUnitsClient {
  getAssessment(aid: string): Promise<ApiAssessmentDocument>;
  listRoundReports(aid: string, round: number): Promise<UnitReports[]>;
}

export interface OpenAllUnitsInput {
  readonly port: WorkbookPort;
  readonly client: AllUnitsClient;
  readonly aid: string;
  readonly round: number;
  readonly locale: Locale;
  /** The replace guard (useReplaceGuard's `ask`); undefined: the person cancelled. */
  readonly ask: AskReplace;
  /** A free sheet name beside `base` (freeSheetName.ts). */
  readonly freeSheetName: (port: WorkbookPort, base: string) => Promise<string>;
  /** The sheet the pane knows bound: an open over it reads it at once, with the write's own probe. */
  readonly boundSheet?: string;
  /** Rows changed and not sent on the sheet linked now (the live sheet's count). */
  readonly changedRows?: number;
  readonly progress?: (p: ApplyProgress) => void;
}

export type OpenAllUnitsResult =
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'opened';
      readonly sheet: AllUnitsSheet;
      readonly session: Session | undefined;
      /** The sheet that was linked to the server before and is not now. */
      readonly unlinked?: string;
      /** Opened in a new sheet beside the one holding typed work. */
      readonly newSheet?: string;
      readonly roundTrips: number;
    };

/** A table name for a sheet made beside another (table names are the workbook's, not the sheet's). */
const tableFor = (sheet: string): string => `ScorebookUnits_${sheet.replace(/[^A-Za-z0-9]+/g, '_')}`;

const both = (f: (s: (typeof ALL_UNITS_STRINGS)['th']) => string): Message => ({
  th: f(ALL_UNITS_STRINGS.th),
  en: f(ALL_UNITS_STRINGS.en),
});

/** The sheet the binding record links to a server round, if any. */
const linkedSheetOf = (now: TargetNow): string | undefined => (now.record && now.link?.target ? now.record.sheet : undefined);

export async function openAllUnits(input: OpenAllUnitsInput): Promise<OpenAllUnitsResult> {
  const { port, client, aid, round, locale } = input;
  const document = await client.getAssessment(aid);
  const loaded = loadAssessment(document, aid);
  if (!loaded.ok) throw new PaneError(loaded.issues[0]!.message);
  const units = await client.listRoundReports(aid, round);
  if (units.length === 0) throw new PaneError(both((s) => s.noUnits));
  const make = (sheet?: string) =>
    allUnitsSheet({
      assessment: loaded.value.assessment,
      document,
      round,
      units,
      locale,
      ...(sheet ? { sheet, table: tableFor(sheet) } : {}),
    });
  let built = make();
  // The sheet linked now stops the action while it has something unsent: its link goes with this sheet's record.
  const unsent = (now: TargetNow): Message | undefined => {
    const linked = linkedSheetOf(now);
    if (!linked) return undefined;
    const pending = now.link?.pending.length ?? 0;
    if (pending > 0) return both((s) => s.pendingFirst(linked, pending));
    if ((input.changedRows ?? 0) > 0) return both((s) => s.changedFirst(linked, input.changedRows!));
    return undefined;
  };
  // Written at once when nothing typed would go and nothing is unsent: the guard's read (the target sheet with the
  // binding record) rides on the apply's own round trips. The sheet the pane knows bound is read at once.
  const tried = await applyUnlessLoss(port, built.plan, {
    existing: built.layout.kpi.sheet === input.boundSheet,
    proceed: (n) => unsent(n) === undefined,
    onProgress: input.progress,
  });
  const stop = unsent(tried.now);
  if (stop) throw new PaneError(stop);
  const linkedSheet = linkedSheetOf(tried.now);
  let report = tried.report;
  let newSheet: string | undefined;
  if (!report) {
    // Not written: typed work would go. The person chooses a new sheet beside it, or replacing it.
    const loss = tried.now.losses[0]!;
    const name = await input.freeSheetName(port, built.layout.kpi.sheet);
    const choice = await input.ask(loss, { newSheet: name, canKeep: false });
    if (choice === undefined || choice === 'keep-mine') return { kind: 'cancelled' };
    if (choice === 'new-sheet') {
      newSheet = name;
      built = make(name);
    }
    report = await port.apply(built.plan, input.progress);
  }
  return {
    kind: 'opened',
    sheet: built,
    session: built.binding ? { loaded: loaded.value, binding: built.binding } : undefined,
    ...(linkedSheet && linkedSheet !== built.layout.kpi.sheet ? { unlinked: linkedSheet } : {}),
    ...(newSheet ? { newSheet } : {}),
    roundTrips: report.roundTrips,
  };
}

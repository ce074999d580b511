/**
 * The "open all units" action, apart from React so its cost is measured on the recording fake: the assessment and
 * every unit's rows from the server (two requests), what the target sheets hold now (one read, checkTarget), the
 * person's choice when typed work would go (the replace guard: a new sheet, or replacing as a second explicit
 * step), and one apply of one plan. The syncs are the read's and the apply's, the same for 2 units or 500.
 *
 * The workbook has one binding record: the multi-unit sheet's replaces a unit sheet's server link. Pending batches
 * or changed rows not yet sent on the linked sheet would then be stranded, so the action stops and says so first.
 */
import type { UnitReports } from '../../api';
import type { Locale, Message } from '../../domain';
import type { BindingRead, BindingRecord } from '../../workbook';
import type { ApplyProgress, WorkbookPort } from '../../workbook/port';
import { ALL_UNITS_STRINGS } from '../allUnitsStrings';
import { PaneError } from '../hooks/useAction';
import { allUnitsSheet, type AllUnitsSheet } from './allUnitsSheet';
import { loadAssessment } from './loadAssessment';
import { checkTarget, type AskReplace } from './replaceCheck';
import { readServerLink } from './serverLink';
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
  /** A free sheet name beside `base` (useReplaceGuard's freeSheetName). */
  readonly freeSheetName: (port: WorkbookPort, base: string) => Promise<string>;
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

const recordOf = (read: BindingRead | undefined): BindingRecord | undefined => (read?.ok ? read.value : undefined);

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
  const now = await checkTarget(port, built.plan);
  // A missing sheet ends checkTarget's read before the record is read: then the record is read on its own.
  const missing = [...now.grids.values()].every((g) => g === undefined);
  const record = now.record ?? (missing ? recordOf(await port.readBinding()) : undefined);
  const linkRead = record ? readServerLink(record.server) : undefined;
  const link = linkRead?.ok ? linkRead.value : undefined;
  const linkedSheet = record && link?.target ? record.sheet : undefined;
  if (linkedSheet && (link?.pending.length ?? 0) > 0) throw new PaneError(both((s) => s.pendingFirst(linkedSheet, link!.pending.length)));
  if (linkedSheet && (input.changedRows ?? 0) > 0) throw new PaneError(both((s) => s.changedFirst(linkedSheet, input.changedRows!)));
  let newSheet: string | undefined;
  const loss = now.losses[0];
  if (loss) {
    const name = await input.freeSheetName(port, built.layout.kpi.sheet);
    const choice = await input.ask(loss, { newSheet: name, canKeep: false });
    if (choice === undefined || choice === 'keep-mine') return { kind: 'cancelled' };
    if (choice === 'new-sheet') {
      newSheet = name;
      built = make(name);
    }
  }
  const report = await port.apply(built.plan, input.progress);
  return {
    kind: 'opened',
    sheet: built,
    session: built.binding ? { loaded: loaded.value, binding: built.binding } : undefined,
    ...(linkedSheet && linkedSheet !== built.layout.kpi.sheet ? { unlinked: linkedSheet } : {}),
    ...(newSheet ? { newSheet } : {}),
    roundTrips: report.roundTrips,
  };
}

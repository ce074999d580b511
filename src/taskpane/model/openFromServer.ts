/**
 * The Server tab's "open": one unit's round as the server holds it, written as a KPI sheet linked to that round
 * (the server link goes into the binding record the same plan writes). Apart from React so its cost is measured on
 * the recording fake: the assessment and the rows (two requests), then one port call that reads what the sheet
 * holds and writes it when nothing typed would go (replaceCheck.ts `applyUnlessLoss`: 2 syncs in Excel into a
 * workbook without it, 3 over the sheet linked now). Otherwise the person chooses (a new sheet; their values kept
 * as changed rows; or replacing, as a second explicit step) and the sheet is written in one apply more.
 *
 * The sheet is protected: approved rows locked, central results too unless the person is central staff.
 */
import type { ApiAssessmentDocument, ReportRow } from '../../api';
import type { BatchTarget } from '../../api/pending';
import type { Message } from '../../domain';
import { resultInputs } from '../../workbook';
import type { BindingRecord } from '../../workbook/binding';
import { kpiSheetPlan } from '../../workbook/kpiPlan';
import type { ApplyProgress, WorkbookPort } from '../../workbook/port';
import { PaneError } from '../hooks/useAction';
import { REPLACE_STRINGS } from '../replaceStrings';
import { SERVER_STRINGS } from '../serverStrings';
import { loadAssessment } from './loadAssessment';
import { applyUnlessLoss, checkTarget, ownColumnOps, overlay, typedInputs, type AskReplace, type TargetNow } from './replaceCheck';
import type { ServerLink } from './serverLink';
import { inputsWithTexts, linkFromReports } from './serverSheet';
import type { Session } from './session';

export interface OpenFromServerClient {
  getAssessment(aid: string): Promise<ApiAssessmentDocument>;
  listReports(t: BatchTarget): Promise<ReportRow[]>;
}

export interface OpenFromServerInput {
  readonly port: WorkbookPort;
  readonly client: OpenFromServerClient;
  readonly baseUrl: string;
  readonly target: BatchTarget;
  /** Central staff: central results stay typeable. */
  readonly central: boolean;
  /** The binding record and server link as the pane last read them: the sheet they name is tried at once. */
  readonly known?: { readonly record?: BindingRecord; readonly link?: ServerLink };
  /** The replace guard (useReplaceGuard's `ask`); undefined: the person cancelled. */
  readonly ask: AskReplace;
  /** A free sheet name beside `base` (freeSheetName.ts). */
  readonly freeSheetName: (port: WorkbookPort, base: string) => Promise<string>;
  readonly progress?: (p: ApplyProgress) => void;
}

export type OpenFromServerResult =
  | { readonly kind: 'cancelled'; readonly message: Message }
  | { readonly kind: 'opened'; readonly sheet: string; readonly session: Session; readonly message: Message };

/** A table name for a KPI sheet opened beside another (table names are the workbook's, not the sheet's). */
const tableFor = (sheet: string): string => `ScorebookKPI_${sheet.replace(/[^A-Za-z0-9]+/g, '_')}`;

export async function openFromServer(input: OpenFromServerInput): Promise<OpenFromServerResult> {
  const { port, client, target, central } = input;
  const document = await client.getAssessment(target.aid);
  const loaded = loadAssessment(document, target.aid);
  if (!loaded.ok) throw new PaneError(loaded.issues[0]!.message);
  const assessment = loaded.value.assessment;
  const reports = await client.listReports(target);
  const { results, link } = linkFromReports(input.baseUrl, target, reports);
  const approved = new Set(
    Object.entries(link.rows)
      .filter(([, row]) => row?.status === 'approved')
      .map(([id]) => id),
  );
  // Each row's result, explanation, obstacles and remarks, as the server holds them.
  const inputs = inputsWithTexts(resultInputs(assessment, results), reports);
  const build = (sheetInputs: typeof inputs, pending: ServerLink['pending'], layout?: { sheet: string; table: string }) =>
    kpiSheetPlan({
      assessment,
      document,
      inputs: sheetInputs,
      server: { ...link, pending },
      layout,
      round: link.target?.round,
      locks: { central, approved },
    });
  let built = build(inputs, []);
  const opened = (note?: Message): OpenFromServerResult => {
    const said = (l: 'th' | 'en'): string =>
      [SERVER_STRINGS[l].opened(built.layout.sheet, reports.length), note?.[l]].filter(Boolean).join(' · ');
    return {
      kind: 'opened',
      sheet: built.layout.sheet,
      session: { loaded: loaded.value, binding: built.binding },
      message: { th: said('th'), en: said('en') },
    };
  };
  // The sheet bound now is the one opened into: another would leave it, and its unsent rows, unlinked.
  const defaultSheet = built.layout.sheet;
  const placeOf = (record: BindingRecord | undefined) =>
    record && !record.multiUnit && record.sheet !== defaultSheet ? { sheet: record.sheet, table: record.table } : undefined;
  // Tried at once as the record last said (its sheet, its pending batches kept): written in the guard's own read
  // when nothing typed would go and the record read is still that one; else asked below.
  const known = input.known?.record;
  let place = placeOf(known);
  const knownPending = input.known?.link?.pending ?? [];
  if (place) built = build(inputs, knownPending, place);
  else if (knownPending.length > 0) built = build(inputs, knownPending);
  const samePlace = (n: TargetNow): boolean => JSON.stringify(placeOf(n.record) ?? null) === JSON.stringify(place ?? null);
  const samePending = (n: TargetNow): boolean => JSON.stringify(n.link?.pending ?? []) === JSON.stringify(knownPending);
  const tried = await applyUnlessLoss(port, built.plan, {
    existing: known !== undefined && !known.multiUnit,
    proceed: (n) => samePlace(n) && samePending(n),
    onProgress: input.progress,
  });
  if (tried.written) return opened();
  // What the sheet holds now: nothing typed is written over without the person's second, explicit step.
  let now = tried.now;
  if (!samePlace(now)) {
    place = placeOf(now.record);
    now = await checkTarget(port, build(inputs, [], place).plan);
  }
  const pending = now.link?.pending ?? [];
  built = build(inputs, pending, place);
  let note: Message | undefined;
  const loss = now.losses[0];
  if (loss) {
    const canKeep = now.bound !== undefined && now.bound.assessment.id === assessment.id && now.record?.sheet === built.layout.sheet;
    const newSheet = await input.freeSheetName(port, built.layout.sheet);
    const choice = await input.ask(loss, { newSheet, canKeep });
    if (!choice) return { kind: 'cancelled', message: { th: REPLACE_STRINGS.th.cancelled, en: REPLACE_STRINGS.en.cancelled } };
    if (choice === 'new-sheet') {
      place = { sheet: newSheet, table: tableFor(newSheet) };
      built = build(inputs, pending, place);
      note = { th: REPLACE_STRINGS.th.keptNew(newSheet), en: REPLACE_STRINGS.en.keptNew(newSheet) };
    } else if (choice === 'keep-mine' && now.bound) {
      const mine = typedInputs(now.bound.assessment, now.bound.grid, now.bound.reading);
      built = build(overlay(inputs, mine), pending, place);
      built = {
        ...built,
        plan: { ...built.plan, ops: [...built.plan.ops, ...ownColumnOps(now.bound.grid, built.layout.columns.length + 1)] },
      };
      const differs = [...mine].filter(([id, m]) =>
        Object.entries(m).some(([k, v]) => JSON.stringify(inputs.get(id)?.[k as keyof typeof m] ?? null) !== JSON.stringify(v)),
      );
      note = { th: REPLACE_STRINGS.th.keptMine(differs.length), en: REPLACE_STRINGS.en.keptMine(differs.length) };
    }
  }
  await port.apply(built.plan, input.progress);
  return opened(note);
}

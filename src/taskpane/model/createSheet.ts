/**
 * The Create tab's action, apart from React so its cost is measured on the recording fake: the unit's KPI sheet
 * (kpiPlan.ts `kpiSheetPlan`: the same table, formulas, validation, formats and ScorebookTotal as
 * `scorebook template`) or the central office's multi-unit sheet, from the chosen assessment. One plan, one apply.
 *
 * Written at once when nothing typed would go: the replace guard's read rides on the write's round trips
 * (replaceCheck.ts `applyUnlessLoss`; 2 syncs in Excel into a workbook without the sheet, 3 over the bound sheet).
 * A sheet holding typed work is kept unless the person chooses: a new sheet beside it, or replacing it as a
 * second, explicit step (one apply more).
 */
import type { BindingRecord } from '../../workbook/binding';
import { kpiSheetPlan } from '../../workbook/kpiPlan';
import { multiUnitPlan } from '../../workbook/multiUnitPlan';
import type { WritePlan } from '../../workbook/plan';
import type { ApplyProgress, WorkbookPort } from '../../workbook/port';
import type { LoadedAssessment } from './loadAssessment';
import { applyUnlessLoss, type AskReplace } from './replaceCheck';
import type { Session } from './session';

export type SheetKind = 'single' | 'multi';

export interface CreateSheetInput {
  readonly port: WorkbookPort;
  readonly chosen: LoadedAssessment;
  readonly kind: SheetKind;
  /** The sheet the pane knows bound: a create over it reads it at once, with the write's own probe (3 syncs in Excel, not 4). */
  readonly boundSheet?: string;
  /** The replace guard (useReplaceGuard's `ask`); undefined: the person cancelled. */
  readonly ask: AskReplace;
  /** A free sheet name beside `base` (freeSheetName.ts). */
  readonly freeSheetName: (port: WorkbookPort, base: string) => Promise<string>;
  readonly progress?: (p: ApplyProgress) => void;
}

export type CreateSheetResult =
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'created';
      readonly sheet: string;
      /** The sheet's table rows (every unit's block on a multi-unit sheet). */
      readonly rows: number;
      readonly binding: BindingRecord | undefined;
      /** The session to start on the new sheet; undefined for a multi-unit sheet made without its document. */
      readonly session: Session | undefined;
    };

/** A table name for a sheet made beside another (table names are the workbook's, not the sheet's). */
const tableFor = (sheet: string): string => `ScorebookKPI_${sheet.replace(/[^A-Za-z0-9]+/g, '_')}`;

interface Built {
  readonly plan: WritePlan;
  readonly binding: BindingRecord | undefined;
  readonly sheet: string;
  readonly rows: number;
}

function builder(chosen: LoadedAssessment, kind: SheetKind): (sheet?: string) => Built {
  const { assessment, document } = chosen;
  if (kind === 'multi') {
    return (sheet) => {
      // With the document the plan writes the binding record too (marked multi-unit): checked unit by unit.
      const built = multiUnitPlan({ assessment, document, ...(sheet ? { sheet, table: tableFor(sheet) } : {}) });
      return {
        plan: built.plan,
        binding: built.binding,
        sheet: built.layout.kpi.sheet,
        rows: built.layout.blockRows * built.layout.units.length,
      };
    };
  }
  return (sheet) => {
    const built = kpiSheetPlan({ assessment, document, ...(sheet ? { layout: { sheet, table: tableFor(sheet) } } : {}) });
    return { plan: built.plan, binding: built.binding, sheet: built.layout.sheet, rows: built.layout.rows.length };
  };
}

export async function createSheet(input: CreateSheetInput): Promise<CreateSheetResult> {
  const { port, chosen } = input;
  const make = builder(chosen, input.kind);
  let built = make();
  const tried = await applyUnlessLoss(port, built.plan, { existing: built.sheet === input.boundSheet, onProgress: input.progress });
  if (!tried.written) {
    const loss = tried.now.losses[0]!;
    const newSheet = await input.freeSheetName(port, built.sheet);
    const choice = await input.ask(loss, { newSheet, canKeep: false });
    if (choice === undefined) return { kind: 'cancelled' };
    if (choice === 'new-sheet') built = make(newSheet);
    await port.apply(built.plan, input.progress);
  }
  return {
    kind: 'created',
    sheet: built.sheet,
    rows: built.rows,
    binding: built.binding,
    session: built.binding ? { loaded: chosen, binding: built.binding } : undefined,
  };
}

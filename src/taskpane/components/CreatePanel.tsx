/**
 * Create a KPI sheet in the open workbook from the chosen assessment: the unit's sheet (kpiPlan.ts `kpiSheetPlan`:
 * the same table, formulas, validation, formats and ScorebookTotal as `scorebook template`) or the central office's
 * multi-unit sheet. One plan, one apply: the port decides how to batch it.
 */
import { Button, Field, Radio, RadioGroup, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { kpiSheetPlan } from '../../workbook/kpiPlan';
import { multiUnitPlan } from '../../workbook/multiUnitPlan';
import type { WorkbookPort } from '../../workbook/port';
import { useAction } from '../hooks/useAction';
import { freeSheetName, useReplaceGuard } from '../hooks/useReplaceGuard';
import { applyUnlessLoss } from '../model/replaceCheck';
import type { WritePlan } from '../../workbook/plan';
import { useLocale } from '../i18n';
import type { LoadedAssessment } from '../model/loadAssessment';
import type { Session } from '../model/session';
import { bilingualWith } from '../strings';
import { AssessmentPicker } from './AssessmentPicker';
import { StatusBar } from './StatusBar';

type Kind = 'single' | 'multi';

/** A table name for a sheet made beside another (table names are the workbook's, not the sheet's). */
const tableFor = (sheet: string): string => `ScorebookKPI_${sheet.replace(/[^A-Za-z0-9]+/g, '_')}`;

export interface CreatePanelProps {
  readonly port: WorkbookPort;
  readonly chosen: LoadedAssessment | undefined;
  readonly onChoose: (a: LoadedAssessment | undefined) => void;
  readonly onCreated: (session: Session | undefined) => void;
  /** The sheet the pane knows bound: a create over it reads it at once, with the write's own probe (3 syncs in Excel, not 4). */
  readonly boundSheet?: string;
}

export function CreatePanel({ port, chosen, onChoose, onCreated, boundSheet }: CreatePanelProps): JSX.Element {
  const { t } = useLocale();
  const [kind, setKind] = useState<Kind>('single');
  const action = useAction();
  const guard = useReplaceGuard();
  const units = chosen?.assessment.units.length ?? 0;

  const create = (): void => {
    if (!chosen) return;
    void action.run(async (progress) => {
      // Written at once when nothing typed would go (the guard's read rides on the write's round trips); else asked
      // first: a sheet holding typed work is kept unless the person replaces it. `true`: written already.
      const where = async (plan: WritePlan, sheet: string): Promise<string | false | true | undefined> => {
        const tried = await applyUnlessLoss(port, plan, { existing: sheet === boundSheet, onProgress: progress });
        if (tried.written) return true;
        const loss = tried.now.losses[0]!;
        const newSheet = await freeSheetName(port, sheet);
        const choice = await guard.ask(loss, { newSheet, canKeep: false });
        return choice === undefined ? false : choice === 'new-sheet' ? newSheet : undefined;
      };
      if (kind === 'multi') {
        // With the document the plan writes the binding record too (marked multi-unit): checked unit by unit.
        const make = (sheet?: string) =>
          multiUnitPlan({ assessment: chosen.assessment, document: chosen.document, ...(sheet ? { sheet, table: tableFor(sheet) } : {}) });
        let built = make();
        const other = await where(built.plan, built.layout.kpi.sheet);
        if (other === false) return bilingualWith('createCancelled');
        if (typeof other === 'string') built = make(other);
        if (other !== true) await port.apply(built.plan, progress);
        onCreated(built.binding ? { loaded: chosen, binding: built.binding } : undefined);
        return bilingualWith('createDone', built.layout.kpi.sheet, built.layout.blockRows * built.layout.units.length);
      }
      const make = (sheet?: string) =>
        kpiSheetPlan({
          assessment: chosen.assessment,
          document: chosen.document,
          ...(sheet ? { layout: { sheet, table: tableFor(sheet) } } : {}),
        });
      let built = make();
      const other = await where(built.plan, built.layout.sheet);
      if (other === false) return bilingualWith('createCancelled');
      if (typeof other === 'string') built = make(other);
      if (other !== true) await port.apply(built.plan, progress);
      onCreated({ loaded: chosen, binding: built.binding });
      return bilingualWith('createDone', built.layout.sheet, built.layout.rows.length);
    });
  };

  return (
    <section className="sb-stack" aria-labelledby="sb-create-heading">
      <Subtitle2 id="sb-create-heading">{t.createHeading}</Subtitle2>
      <AssessmentPicker value={chosen} onChange={onChoose} />
      <Field
        label={t.createKind}
        validationState={kind === 'multi' && chosen && units === 0 ? 'warning' : 'none'}
        validationMessage={kind === 'multi' && chosen && units === 0 ? t.createNoUnits : undefined}
      >
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as Kind)}>
          <Radio value="single" label={t.createSingle} />
          <Radio value="multi" label={`${t.createMultiUnit}${chosen ? ` · ${t.createUnits(units)}` : ''}`} />
        </RadioGroup>
      </Field>
      <Button appearance="primary" disabled={!chosen || action.running || (kind === 'multi' && units === 0)} onClick={create}>
        {t.createButton}
      </Button>
      <StatusBar state={action} working={t.createWorking} onDismiss={action.dismiss} />
      {guard.dialog}
    </section>
  );
}

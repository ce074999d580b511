/**
 * Create a KPI sheet in the open workbook from the chosen assessment: the unit's sheet or the central office's
 * multi-unit sheet (model/createSheet.ts), the person asked first when typed work would go.
 */
import { Button, Field, Radio, RadioGroup, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkbookPort } from '../../workbook/port';
import { useAction } from '../hooks/useAction';
import { useReplaceGuard } from '../hooks/useReplaceGuard';
import { freeSheetName } from '../model/freeSheetName';
import { createSheet, type SheetKind } from '../model/createSheet';
import { useLocale } from '../i18n';
import type { LoadedAssessment } from '../model/loadAssessment';
import type { Session } from '../model/session';
import { bilingualWith } from '../strings';
import { AssessmentPicker } from './AssessmentPicker';
import { StatusBar } from './StatusBar';

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
  const [kind, setKind] = useState<SheetKind>('single');
  const action = useAction();
  const guard = useReplaceGuard();
  const units = chosen?.assessment.units.length ?? 0;

  const create = (): void => {
    if (!chosen) return;
    void action.run(async (progress) => {
      const done = await createSheet({ port, chosen, kind, boundSheet, ask: guard.ask, freeSheetName, progress });
      if (done.kind === 'cancelled') return bilingualWith('createCancelled');
      onCreated(done.session);
      return bilingualWith('createDone', done.sheet, done.rows);
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
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as SheetKind)}>
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
